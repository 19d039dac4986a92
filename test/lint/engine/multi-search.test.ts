// The SIMD multi-word search against a plain one: random words over a small alphabet (so
// fingerprints collide and buckets mix), two-byte words, many words (several table regions),
// case-insensitive search, and words across the 1 MiB chunk boundary.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK, createMultiSearch } from '../../../src/lint/engine/multi-search.js';
import { TEDDY_WASM_BASE64 } from '../../../src/lint/engine/teddy-wasm.js';

let seed = 12345;
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}
function randomText(alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[random(alphabet.length)];
  return s;
}
function naive(words: string[], text: string, ignoreCase = false): Set<number> {
  const t = ignoreCase ? text.toLowerCase() : text;
  const found = new Set<number>();
  words.forEach((w, i) => {
    if (w.length >= 2 && t.includes(ignoreCase ? w.toLowerCase() : w)) found.add(i);
  });
  return found;
}

describe('createMultiSearch', () => {
  it('finds exactly the words a plain search finds', () => {
    for (let round = 0; round < 60; round++) {
      const alphabet = round % 2 ? 'ab_c0' : 'abcdefgh_XYZ019()';
      const words = Array.from({ length: 1 + random(40) }, () =>
        randomText(alphabet, 2 + random(7)),
      );
      const search = createMultiSearch(words);
      for (let k = 0; k < 5; k++) {
        const text = randomText(alphabet, random(400));
        const bytes = Buffer.from(text, 'latin1');
        const expected = naive(words, text);
        // Duplicates: the search reports the first id of each word.
        const firstIds = new Set([...expected].map((i) => words.indexOf(words[i] as string)));
        expect([...search.all(bytes)].sort()).toEqual([...firstIds].sort());
        expect(search.any(bytes)).toBe(expected.size > 0);
      }
    }
  });

  it('handles hundreds of words and ignores case on request', () => {
    const words = Array.from({ length: 450 }, (_, i) => `w${i}_${randomText('abc', 3)}`);
    const text = `xx ${words[3]} yy ${words[449]?.toUpperCase()} zz`;
    expect([...createMultiSearch(words).all(Buffer.from(text))]).toEqual([3]);
    expect(
      [...createMultiSearch(words, { ignoreCase: true }).all(Buffer.from(text))].sort(),
    ).toEqual([3, 449]);
    expect(createMultiSearch(['a', '']).any(Buffer.from('aaa'))).toBe(false);
  });

  it('finds words across chunk boundaries', () => {
    const word = 'sys_call_table';
    const search = createMultiSearch(['zzzz', word]);
    for (const at of [CHUNK - 1, CHUNK - 7, CHUNK, 2 * CHUNK - 3]) {
      const text = Buffer.alloc(at + word.length + 10, 0x20);
      text.write(word, at, 'latin1');
      expect(search.any(text)).toBe(true);
      expect([...search.all(text)]).toEqual([1]);
    }
  });

  it.skipIf(!hasWat2wasm())('is built from teddy.wat (needs wabt: apt-get install wabt)', () => {
    const out = execFileSync('wat2wasm', [
      join(import.meta.dirname, '../../../src/lint/engine/teddy.wat'),
      '--output=-',
    ]);
    expect(Buffer.from(out).toString('base64')).toBe(TEDDY_WASM_BASE64);
  });
});

function hasWat2wasm(): boolean {
  try {
    execFileSync('wat2wasm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
