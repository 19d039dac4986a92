// Finds which of a set of literal words occur in bytes, with the SIMD Teddy kernel of
// teddy.wat: lays out in wasm memory the fingerprints and buckets fingerprints.ts plans.
// One pass over the data whatever the number of words; data is scanned in 1 MiB chunks.
import { bucketize, chooseFingerprints, type Planned, WILD } from './fingerprints.js';
import { TEDDY_WASM_BASE64 } from './teddy-wasm.js';

/** Bytes scanned per call; the buffer holds a chunk plus the previous chunk's tail. */
export const CHUNK = 1 << 20;
/** A table region's size and layout (see teddy.wat). */
const REGION = 32768;
const MAX_RECORDS = 200;
const HEADS3 = 6656;
const HEADS2 = 10752;
const FOUND = 14848;
const NEEDLES = 16128;
/** Zero bytes after the data (the kernel reads up to 33 bytes past the end) and the needles. */
const PAD = 64;

interface TeddyExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  find(base: number, i: number, start: number, end: number, all: number): number;
  lower(i: number, end: number): void;
}
/** The slice of the WebAssembly API used here (Node has it; @types/node does not declare it). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: Wasm };

let compiled: object | null = null;
function wasmModule(): object {
  compiled ??= new wasm.Module(Buffer.from(TEDDY_WASM_BASE64, 'base64'));
  return compiled;
}

export interface MultiSearch {
  /** The words searched for, as given (ids are indexes into this list). */
  readonly words: readonly string[];
  /** Longest word, in bytes: chunks overlap by one less. */
  readonly longest: number;
  /** The chunk buffer (capacity CHUNK + longest), for reading files straight into it. */
  view(): Uint8Array;
  /** Whether any word occurs in the first `n` bytes of the view. */
  anyInView(n: number): boolean;
  /** Forgets the words found so far (see scanView). */
  resetFound(): void;
  /** Notes every word in the first `n` bytes of the view; whether it found any. */
  scanView(n: number): boolean;
  /** Ids of the words noted since resetFound. */
  found(): Set<number>;
  /** Whether any word occurs in `bytes`. */
  any(bytes: Uint8Array): boolean;
  /** Ids of the words occurring in `bytes` (lower-cased first for a case-insensitive search). */
  all(bytes: Uint8Array): Set<number>;
}

/**
 * Builds a search for `words` (latin1 bytes; words under 2 bytes are never found). With
 * `ignoreCase`, ASCII letters match either case.
 */
export function createMultiSearch(
  words: readonly string[],
  options: { ignoreCase?: boolean } = {},
): MultiSearch {
  const fold = (w: string): string => (options.ignoreCase ? w.toLowerCase() : w);
  const planned: Planned[] = [];
  const seen = new Set<string>();
  words.forEach((w, id) => {
    const f = fold(w);
    if (f.length < 2 || seen.has(f)) return;
    seen.add(f);
    planned.push({ id, bytes: Buffer.from(f, 'latin1'), offset: 0, key: 0 });
  });
  chooseFingerprints(planned);
  const groups = packGroups(planned);
  const longest = Math.max(2, ...planned.map((p) => p.bytes.length));
  const data = Math.ceil((groups.length * REGION) / 65536) * 65536;
  const instance = new wasm.Instance(wasmModule(), {});
  const x = instance.exports as unknown as TeddyExports;
  const capacity = CHUNK + longest + PAD;
  const need = data + capacity + PAD;
  if (x.memory.buffer.byteLength < need)
    x.memory.grow(Math.ceil((need - x.memory.buffer.byteLength) / 65536));
  const memory = new Uint8Array(x.memory.buffer);
  // Per group, the caller's word id of each record (records are numbered in bucket order).
  const ids = groups.map((g, gi) => writeGroup(memory, gi * REGION, g));
  const view = memory.subarray(data, data + CHUNK + longest);

  // Whether words were noted since the last reset: most files have none, and need no reset.
  let noted = false;
  const scan = (n: number, all: boolean): boolean => {
    memory.fill(0, data + n, data + n + PAD);
    if (options.ignoreCase) x.lower(data, data + n);
    let hit = false;
    for (let gi = 0; gi < groups.length; gi++) {
      if (x.find(gi * REGION, data, data, data + n, all ? 1 : 0) >= 0) {
        if (!all) return true;
        hit = true;
        noted = true;
      }
    }
    return hit;
  };
  const chunks = (bytes: Uint8Array, each: (n: number) => boolean): void => {
    let at = 0;
    let carry = 0;
    do {
      const take = Math.min(CHUNK, bytes.length - at);
      view.set(bytes.subarray(at, at + take), carry);
      at += take;
      const n = carry + take;
      if (each(n)) return;
      carry = Math.min(longest - 1, n);
      view.copyWithin(0, n - carry, n);
    } while (at < bytes.length);
  };

  const resetFound = (): void => {
    if (!noted) return;
    noted = false;
    for (let gi = 0; gi < groups.length; gi++)
      memory.fill(0, gi * REGION + FOUND, gi * REGION + FOUND + MAX_RECORDS);
  };
  const found = (): Set<number> => {
    const out = new Set<number>();
    ids.forEach((list, gi) => {
      list.forEach((id, r) => {
        if (memory[gi * REGION + FOUND + r] === 1) out.add(id);
      });
    });
    return out;
  };
  return {
    words,
    longest,
    view: () => view,
    anyInView: (n) => scan(n, false),
    resetFound,
    scanView: (n) => scan(n, true),
    found,
    any(bytes) {
      let hit = false;
      chunks(bytes, (n) => {
        hit = scan(n, false);
        return hit;
      });
      return hit;
    },
    all(bytes) {
      resetFound();
      let hit = false;
      chunks(bytes, (n) => {
        if (scan(n, true)) hit = true;
        return false;
      });
      return hit ? found() : new Set();
    },
  };
}

/** Splits the words into table regions of at most MAX_RECORDS words (and needle bytes that fit). */
function packGroups(planned: Planned[]): Planned[][][] {
  const groups: Planned[][] = [[]];
  let bytes = 0;
  for (const p of planned) {
    const g = groups[groups.length - 1] as Planned[];
    if (g.length >= MAX_RECORDS || bytes + p.bytes.length > REGION - NEEDLES - PAD) {
      groups.push([p]);
      bytes = p.bytes.length;
    } else {
      g.push(p);
      bytes += p.bytes.length;
    }
  }
  return groups.map(bucketize);
}

function writeGroup(memory: Uint8Array, base: number, buckets: Planned[][]): number[] {
  memory.fill(0, base, base + REGION);
  memory.fill(15, base + 96, base + 112);
  const ids: number[] = [];
  const dv = new DataView(memory.buffer);
  let record = 0;
  let needle = base + NEEDLES;
  buckets.forEach((members, b) => {
    for (const p of members) {
      const wild = p.key >= WILD;
      for (let q = 0; q < 3; q++) {
        const table = base + 32 * q;
        if (q === 2 && wild) {
          for (let n = 0; n < 16; n++) {
            (memory[table + n] as number) |= 1 << b;
            (memory[table + 16 + n] as number) |= 1 << b;
          }
          continue;
        }
        const byte = (p.key >> (16 - 8 * q)) & 0xff;
        memory[table + (byte & 15)] = (memory[table + (byte & 15)] as number) | (1 << b);
        memory[table + 16 + (byte >> 4)] = (memory[table + 16 + (byte >> 4)] as number) | (1 << b);
      }
      memory.set(p.bytes, needle);
      record++;
      const rec = base + 224 + 32 * record;
      const k = p.key & 0xffffff;
      // Little-endian: the fingerprint's first byte is the low byte of the loaded word.
      const fp = ((k >> 16) & 0xff) | (k & 0xff00) | (wild ? 0 : (k & 0xff) << 16);
      dv.setInt32(rec, needle, true);
      dv.setInt32(rec + 4, p.bytes.length, true);
      dv.setInt32(rec + 8, p.offset, true);
      dv.setInt32(rec + 12, record - 1, true);
      dv.setInt32(rec + 16, fp, true);
      ids.push(p.id);
      // Chained at the head of its hash slot (see teddy.wat: find).
      const head = base + (wild ? HEADS2 : HEADS3) + hashFingerprint(fp);
      dv.setInt32(rec + 20, memory[head] as number, true);
      memory[head] = record;
      if (wild) dv.setInt32(base + 112, 1, true);
      needle += p.bytes.length;
    }
  });
  return ids;
}

/** The kernel's fingerprint hash: the top 12 bits of a 32-bit multiplicative hash. */
function hashFingerprint(fp: number): number {
  return Math.imul(fp, 0x9e3779b1) >>> 20;
}
