// Plans a Teddy search (teddy.wat, multi-search.ts): each word's fingerprint, the 3-byte
// window of it the SIMD scan looks for (both bytes of a 2-byte word), and the fingerprints'
// packing into 8 buckets. Two things cost in the scan: true fingerprint hits, each checked
// against its words, and positions whose bytes merely pass some bucket's nibble classes (each
// position of a bucket accepts every high nibble of its fingerprints there with every low one).
//
// Expected counts come from byte-pair frequencies of the Linux tree (byte-pairs.ts), read as a
// Markov chain: in C, letters run together (`abl` in every table and enable, `STA` in every
// STATUS and START) far more often than their frequencies one by one say, and fingerprints
// chosen by single-byte rarity were exactly such windows. Planning runs in every thread for
// every word list, so it stays a few greedy passes: a local search over windows and buckets
// left a third as many candidates, but took longer than it saved.
import { BYTE_KINDS, BYTE_PAIRS, KIND_PAIRS, PAIR_DIGITS, PAIR_SYMBOLS } from './byte-pairs.js';

/** A word to search for, and its fingerprint: bytes [offset, offset + 3) of it, packed in `key`. */
export interface Planned {
  id: number;
  bytes: Uint8Array;
  offset: number;
  /** First byte << 16 | second << 8 | third; a 2-byte word's has WILD set and no third. */
  key: number;
}

/** Key flag: a 2-byte word's fingerprint, whose third position takes any byte. */
export const WILD = 1 << 24;

/** Rounds of moving fingerprints between buckets (a second one gained under 2%). */
const MAX_ROUNDS = 1;

/**
 * How rare each byte is in C source, in quarter-bits (-4·log2 of its frequency in the
 * Linux 6.12 tree; 120 for bytes never seen), two base-36 digits per byte.
 */
const RARITY =
  '3c3c3c3c3c3c3c3c3c0l0l3c2n3c3c3c3c3c3c3c3c3c3c3c3c3c3c393c3c3c3c09180z0v1w18121d0s0s0s160r0v0y0w' +
  '0l0s0u0w0x100z120z13140t150v0w1j1c0o0v0o0q0n0r0u0v0p1f0x0q0r0q0r0q140o0o0o0u0w100x10161415141u0g' +
  '1x0n0u0o0n0i0p0t0t0l1b0x0q0r0m0o0q120m0m0k0q0u0y0r0y151017101k31232s272w2s2x2i2y2n2r3c312n342k2z' +
  '2k2l2r2g212l2p2q2m2l2z2y2g2j2x2r2d2l2u2w2j2t2r2r2r262t2s2q2t2u2o2i2s2q2r2q2j2h2x2k2q2n2y2k2l2x2r' +
  '3c3c2328322j353c3c3c3c3c3c3c2o2v2g2g3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c203c2z2p2q2r2x2y3c3c3c3c3c2v' +
  '343c3c3c3c3c3c3c3c3c3c3c3c3c3c3c';

/** Frequency of each byte. */
const SINGLE = Float64Array.from(
  { length: 256 },
  (_, b) => 2 ** (-Number.parseInt(RARITY.slice(2 * b, 2 * b + 2), 36) / 4),
);
const SYMBOLS = PAIR_SYMBOLS.length;
/** Each byte's index in PAIR_SYMBOLS, -1 for bytes it leaves out. */
const SYMBOL = new Int8Array(256).fill(-1);
for (let i = 0; i < SYMBOLS; i++) SYMBOL[PAIR_SYMBOLS.charCodeAt(i)] = i;
/** The pair table as bytes: indexing its long concatenated string is slow. */
const PAIR_TABLE = Buffer.from(BYTE_PAIRS, 'latin1');
/** The frequency each digit stands for, by character code. */
const LEVEL = new Float64Array(128);
for (let d = 0; d < PAIR_DIGITS.length; d++) LEVEL[PAIR_DIGITS.charCodeAt(d)] = 2 ** (-d / 2);

/** Frequency of symbol i followed by symbol j. */
function symbolPairFreq(i: number, j: number): number {
  return LEVEL[PAIR_TABLE[i * SYMBOLS + j] as number] as number;
}

/** Frequency of byte a followed by byte b (as if independent when the table leaves one out). */
function pairFreq(a: number, b: number): number {
  const i = SYMBOL[a] as number;
  const j = SYMBOL[b] as number;
  if (i < 0 || j < 0) return (SINGLE[a] as number) * (SINGLE[b] as number);
  return symbolPairFreq(i, j);
}

/** Expected frequency of a fingerprint at a position of C source. */
function fingerprintFreq(key: number): number {
  const a = (key >> 16) & 0xff;
  const b = (key >> 8) & 0xff;
  const ab = pairFreq(a, b);
  if (key >= WILD) return ab;
  return (ab * pairFreq(b, key & 0xff)) / (SINGLE[b] as number);
}

/** A word's windows: fingerprint offset and key, 3-byte ones (a 2-byte word's one wild). */
function windowsOf(p: Planned): Array<[number, number]> {
  const b = p.bytes;
  if (b.length === 2) return [[0, WILD | ((b[0] as number) << 16) | ((b[1] as number) << 8)]];
  const out: Array<[number, number]> = [];
  for (let o = 0; o + 3 <= b.length; o++)
    out.push([o, ((b[o] as number) << 16) | ((b[o + 1] as number) << 8) | (b[o + 2] as number)]);
  return out;
}

/**
 * Picks each word's fingerprint: the window with the fewest expected hits per word having it,
 * so that a window words share (`cr0` in write_cr0 and set_cr0) wins where it is about as rare
 * as any: one fingerprint for several words widens the buckets' classes less.
 */
export function chooseFingerprints(planned: readonly Planned[]): void {
  const windows = planned.map(windowsOf);
  const users = new Map<number, number>();
  for (const list of windows)
    for (const k of new Set(list.map(([, k]) => k))) users.set(k, (users.get(k) ?? 0) + 1);
  planned.forEach((p, i) => {
    let best = Number.POSITIVE_INFINITY;
    for (const [o, k] of windows[i] ?? []) {
      const cost = fingerprintFreq(k) / (users.get(k) as number);
      if (cost < best) {
        best = cost;
        p.offset = o;
        p.key = k;
      }
    }
  });
}

/**
 * Byte kinds for the candidate estimate (BYTE_KINDS): how often one kind follows another,
 * relative to chance, is what makes a bucket's classes pass C often: letters after letters.
 */
const KINDS = 8;
const KIND = Uint8Array.from(Buffer.from(BYTE_KINDS, 'latin1'), (c) => c - 0x30);
/** Kind-pair frequency relative to chance, at first * KINDS + second. */
const AFFINITY = kindAffinity();

function kindAffinity(): Float64Array {
  const kinds = new Float64Array(KINDS);
  for (let b = 0; b < 256; b++) (kinds[KIND[b] as number] as number) += SINGLE[b] as number;
  return Float64Array.from(
    { length: KINDS * KINDS },
    (_, k) =>
      (LEVEL[KIND_PAIRS.charCodeAt(k)] as number) /
      ((kinds[(k / KINDS) | 0] as number) * (kinds[k % KINDS] as number)),
  );
}

/**
 * Frequency by byte kind of a nibble class's bytes (every high nibble in `hi` with every low
 * one in `lo`), into `out`.
 */
function kindFreqs(lo: number, hi: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let hs = hi; hs !== 0; hs &= hs - 1) {
    const h = 31 - Math.clz32(hs & -hs);
    for (let ls = lo; ls !== 0; ls &= ls - 1) {
      const b = (h << 4) | (31 - Math.clz32(ls & -ls));
      (out[KIND[b] as number] as number) += SINGLE[b] as number;
    }
  }
  return out;
}
// Reused: a plan works out hundreds of buckets.
const firsts = new Float64Array(KINDS);
const seconds = new Float64Array(KINDS);
const thirds = new Float64Array(KINDS);

/**
 * A bucket: its fingerprints, its nibble classes as bit sets of 16 bits (low then high nibbles
 * of the first, second and third byte; a wild third accepts every nibble) and its expected
 * candidates.
 */
interface Bucket {
  keys: number[];
  classes: number[];
  cost: number;
}

/** Adds fingerprint k's nibbles to `classes` (in place). */
function addClasses(classes: number[], k: number): number[] {
  for (let q = 0; q < 3; q++) {
    if (q === 2 && k >= WILD) {
      classes[4] = 0xffff;
      classes[5] = 0xffff;
      continue;
    }
    const b = (k >> (16 - 8 * q)) & 0xff;
    (classes[2 * q] as number) |= 1 << (b & 15);
    (classes[2 * q + 1] as number) |= 1 << (b >> 4);
  }
  return classes;
}

function bucketWith(keys: number[]): Bucket {
  const classes = [0, 0, 0, 0, 0, 0];
  for (const k of keys) addClasses(classes, k);
  return { keys, classes, cost: candidateFreq(classes) };
}

/**
 * Expected fraction of positions whose three bytes pass the classes, if each byte depends on
 * the one before only through their kinds. (The byte-pair model itself, summed over whole
 * classes, packed buckets no better and took far longer.)
 */
function candidateFreq(c: readonly number[]): number {
  if (c[0] === 0) return 0;
  const k = AFFINITY;
  const first = kindFreqs(c[0] as number, c[1] as number, firsts);
  const second = kindFreqs(c[2] as number, c[3] as number, seconds);
  const third =
    c[4] === 0xffff && c[5] === 0xffff ? null : kindFreqs(c[4] as number, c[5] as number, thirds);
  let f = 0;
  for (let y = 0; y < KINDS; y++) {
    const fy = second[y] as number;
    if (fy === 0) continue;
    let before = 0;
    let after = third ? 0 : 1;
    for (let x = 0; x < KINDS; x++) {
      before += (first[x] as number) * (k[x * KINDS + y] as number);
      if (third) after += (third[x] as number) * (k[y * KINDS + x] as number);
    }
    f += fy * before * after;
  }
  return f;
}

/**
 * Packs a group's fingerprints into 8 buckets: each, the most frequent first, where it adds
 * the fewest expected candidates; then fingerprints move to other buckets while that helps.
 */
export function bucketize(group: readonly Planned[]): Planned[][] {
  const buckets = Array.from({ length: 8 }, () => bucketWith([]));
  const keys = [...new Set(group.map((p) => p.key))];
  const alone = new Map(keys.map((k) => [k, bucketWith([k]).cost]));
  keys.sort((a, b) => (alone.get(b) as number) - (alone.get(a) as number));
  for (const k of keys) {
    const [to, , cost] = cheapestBucket(buckets, k, -1);
    add(buckets[to] as Bucket, k, cost);
  }
  for (let round = 0; round < MAX_ROUNDS && moveFingerprints(buckets); round++);
  return buckets.map((b) => group.filter((p) => b.keys.includes(p.key)));
}

function add(bucket: Bucket, k: number, cost: number): void {
  bucket.keys.push(k);
  addClasses(bucket.classes, k);
  bucket.cost = cost;
}

/**
 * The bucket (other than `from`) where k adds the fewest expected candidates: its index, the
 * candidates k adds, and the bucket's candidates with k.
 */
function cheapestBucket(buckets: Bucket[], k: number, from: number): [number, number, number] {
  let best = -1;
  let added = Number.POSITIVE_INFINITY;
  let cost = 0;
  let emptySeen = false;
  for (let b = 0; b < buckets.length; b++) {
    const bucket = buckets[b] as Bucket;
    if (b === from) continue;
    // Empty buckets are all alike: one is enough to work out.
    if (bucket.keys.length === 0) {
      if (emptySeen) continue;
      emptySeen = true;
    }
    for (let i = 0; i < 6; i++) scratch[i] = bucket.classes[i] as number;
    const c = candidateFreq(addClasses(scratch, k));
    if (c - bucket.cost < added) {
      added = c - bucket.cost;
      best = b;
      cost = c;
    }
  }
  return [best, added, cost];
}
/** A bucket's classes with one more fingerprint, reused. */
const scratch = [0, 0, 0, 0, 0, 0];

/**
 * Moves out of each bucket the first fingerprint that would add fewer candidates to another
 * bucket than it adds here; whether any moved.
 */
function moveFingerprints(buckets: Bucket[]): boolean {
  let moved = false;
  buckets.forEach((bucket, from) => {
    for (const k of [...bucket.keys]) {
      const rest = bucketWith(bucket.keys.filter((x) => x !== k));
      const [to, added, cost] = cheapestBucket(buckets, k, from);
      // Rounding aside, a move must pay: else two equal buckets would trade it for ever.
      if (added >= (bucket.cost - rest.cost) * (1 - 1e-9)) continue;
      buckets[from] = rest;
      add(buckets[to] as Bucket, k, cost);
      moved = true;
      // Later keys of this bucket are moved from `rest` on the next round.
      break;
    }
  });
  return moved;
}
