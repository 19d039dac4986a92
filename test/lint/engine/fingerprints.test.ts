// The search planner: every word gets a fingerprint inside it and lands in exactly one of the
// 8 buckets, with its fingerprint's other users; fingerprints come from byte-pair statistics,
// so the windows C is full of (`abl` of table, enable and disable) are passed over; and the
// generated statistics are whole.
import { describe, expect, it } from 'vitest';
import {
  BYTE_KINDS,
  BYTE_PAIRS,
  KIND_PAIRS,
  PAIR_DIGITS,
  PAIR_SYMBOLS,
} from '../../../src/lint/engine/byte-pairs.js';
import {
  bucketize,
  chooseFingerprints,
  type Planned,
  WILD,
} from '../../../src/lint/engine/fingerprints.js';
import { TRIGGER_WORDS } from '../../../src/lint/engine/prefilter.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';

function plan(words: readonly string[]): Planned[] {
  const planned = words.map((w, id) => ({
    id,
    bytes: Buffer.from(w, 'latin1'),
    offset: 0,
    key: 0,
  }));
  chooseFingerprints(planned);
  return planned;
}

const fingerprint = (p: Planned): string =>
  Buffer.from(p.bytes.subarray(p.offset, p.offset + (p.key >= WILD ? 2 : 3))).toString('latin1');

describe('chooseFingerprints', () => {
  it('takes each word a window of its own bytes, both bytes of a 2-byte word', () => {
    for (const p of plan([...TRIGGER_WORDS, ...DEFAULT_TABLE_NAMES, '16', 'c"', 'asm'])) {
      const b = p.bytes;
      if (b.length === 2) {
        expect(p.key).toBe(WILD | ((b[0] as number) << 16) | ((b[1] as number) << 8));
        continue;
      }
      expect(p.offset + 3).toBeLessThanOrEqual(b.length);
      expect(p.key).toBe(
        ((b[p.offset] as number) << 16) |
          ((b[p.offset + 1] as number) << 8) |
          (b[p.offset + 2] as number),
      );
    }
  });

  it('passes over the letter runs C is full of', () => {
    // By single bytes, `abl` looked rare; it is in every table, enable and disable.
    const common = ['abl', 'ble', 'tab', 'all', 'cal', 'STA', 'SYS', 'wri', 'map'];
    for (const p of plan([...TRIGGER_WORDS, ...DEFAULT_TABLE_NAMES]))
      expect(common).not.toContain(fingerprint(p));
  });

  it('shares a rare window between the words that have it', () => {
    const planned = plan(['write_cr0', 'set_cr0', 'wr_cr0', 'cr0_write']);
    expect(new Set(planned.map(fingerprint))).toEqual(new Set(['cr0']));
  });
});

describe('bucketize', () => {
  it('puts every word in one of 8 buckets, with the words sharing its fingerprint', () => {
    const planned = plan([...TRIGGER_WORDS, ...DEFAULT_TABLE_NAMES, '16', 'c"', 'asm']);
    const buckets = bucketize(planned);
    expect(buckets).toHaveLength(8);
    const seen = buckets.flat();
    expect(seen.map((p) => p.id).sort((a, b) => a - b)).toEqual(planned.map((p) => p.id));
    const bucketOfKey = new Map<number, number>();
    buckets.forEach((members, b) => {
      for (const p of members) {
        expect(bucketOfKey.get(p.key) ?? b).toBe(b);
        bucketOfKey.set(p.key, b);
      }
    });
    // More fingerprints than buckets: none is left empty.
    expect(buckets.every((b) => b.length > 0)).toBe(true);
  });

  it('copes with no words, and with one', () => {
    expect(bucketize([]).flat()).toEqual([]);
    expect(
      bucketize(plan(['kallsyms']))
        .flat()
        .map((p) => p.id),
    ).toEqual([0]);
  });
});

describe('byte-pairs.ts', () => {
  it('holds a digit for every pair of symbols, every byte and every pair of kinds', () => {
    expect(BYTE_PAIRS).toHaveLength(PAIR_SYMBOLS.length ** 2);
    expect(BYTE_KINDS).toMatch(/^[0-7]{256}$/);
    expect(KIND_PAIRS).toHaveLength(64);
    for (const d of BYTE_PAIRS + KIND_PAIRS) expect(PAIR_DIGITS).toContain(d);
    expect(new Set(PAIR_SYMBOLS).size).toBe(PAIR_SYMBOLS.length);
  });
});
