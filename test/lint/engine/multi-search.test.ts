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

  it('finds words of any bytes, control and high ones included', () => {
    const alphabet = Array.from({ length: 24 }, (_, i) => String.fromCharCode((i * 53) % 256)).join(
      '',
    );
    for (let round = 0; round < 20; round++) {
      const words = Array.from({ length: 1 + random(30) }, () =>
        randomText(alphabet, 2 + random(6)),
      );
      const search = createMultiSearch(words);
      const text = randomText(alphabet, random(2000));
      const expected = naive(words, text);
      const firstIds = new Set([...expected].map((i) => words.indexOf(words[i] as string)));
      expect([...search.all(Buffer.from(text, 'latin1'))].sort()).toEqual([...firstIds].sort());
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

  it('finds words at the ends of the data, two-byte words last of all', () => {
    const search = createMultiSearch(['ab', 'xyz', 'tail_word']);
    expect([...search.all(Buffer.from('ab'))]).toEqual([0]);
    expect([...search.all(Buffer.from('xyz'))]).toEqual([1]);
    expect([...search.all(Buffer.from('qqab'))]).toEqual([0]);
    expect([...search.all(Buffer.from('qqxya'))]).toEqual([]);
    expect([...search.all(Buffer.from('a'))]).toEqual([]);
    expect([...search.all(Buffer.alloc(0))]).toEqual([]);
    for (let at = 0; at < 70; at++) {
      const text = Buffer.alloc(at + 9, 0x20);
      text.write('tail_word', at, 'latin1');
      expect([...search.all(text)]).toEqual([2]);
      expect(search.any(text.subarray(0, text.length - 1))).toBe(false);
    }
  });

  it('splits long word lists into table regions by bytes as well as by count', () => {
    // 120 words of 300 bytes do not fit one region's needle area: several regions, one pass each.
    const words = Array.from({ length: 120 }, (_, i) => `${randomText('abcdef', 296)}${1000 + i}`);
    const search = createMultiSearch(words);
    const text = Buffer.from(`${words[0]} ${words[77]} ${words[119]}`, 'latin1');
    expect([...search.all(text)].sort((a, b) => a - b)).toEqual([0, 77, 119]);
    expect(search.any(Buffer.from((words[100] as string).slice(0, 299), 'latin1'))).toBe(false);
  });

  it('compares words longer than a vector, to the last byte', () => {
    const long = 'a_rather_long_kernel_symbol_name_table';
    const words = [long, `${long.slice(0, 16)}X${long.slice(17)}`, `${long.slice(0, -1)}Y`];
    const search = createMultiSearch(words);
    for (const [i, w] of words.entries())
      expect([...search.all(Buffer.from(`..${w}..`))]).toEqual([i]);
    expect([...search.all(Buffer.from(`${long.slice(0, -1)}Z`))]).toEqual([]);
  });

  it('checks every word behind a fingerprint and a hash slot', () => {
    // Words sharing a fingerprint, and fingerprints whose hashes collide (the kernel's hash
    // table has 4096 slots): every one is still told apart.
    const shared = ['sys_call_table', 'ia32_sys_call_table', 'x_call_table', 'call_table32'];
    const slot = new Map<number, string>();
    const colliding: string[] = [];
    for (let n = 0; colliding.length < 2; n++) {
      const fp = `q${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(65 + ((n / 26) | 0))}`;
      const le = fp.charCodeAt(0) | (fp.charCodeAt(1) << 8) | (fp.charCodeAt(2) << 16);
      const h = Math.imul(le, 0x9e3779b1) >>> 20;
      const other = slot.get(h);
      if (other) colliding.push(other, fp);
      else slot.set(h, fp);
    }
    const words = [...shared, ...colliding];
    const search = createMultiSearch(words);
    for (const [i, w] of words.entries()) {
      expect([...search.all(Buffer.from(` ${w} `))].sort()).toEqual(
        [...naive(words, ` ${w} `)].sort(),
      );
      expect(search.any(Buffer.from(` ${w} `))).toBe(true);
      expect([...search.all(Buffer.from(` ${w} `))]).toContain(i);
    }
  });

  it('keeps up with a candidate in every position', () => {
    // Every round of 32 bytes holds candidates: the kernel's per-batch candidate list fills.
    const search = createMultiSearch(['abcabd', 'bcab_z']);
    const text = Buffer.from(`${'abc'.repeat(5000)}abd${'abc'.repeat(3000)}bcab_z`);
    expect([...search.all(text)].sort()).toEqual([0, 1]);
    expect(search.any(Buffer.from('abc'.repeat(9000)))).toBe(false);
  });

  it('notes words in the view, as the readers use it', () => {
    const search = createMultiSearch(['kallsyms', 'sys_call_table', 'xy']);
    const view = search.view();
    search.resetFound();
    view.set(Buffer.from('a kallsyms b xy'));
    expect(search.anyInView(15)).toBe(true);
    expect(search.scanView(15)).toBe(true);
    // The bytes past n are the scan's padding from here on.
    expect(search.anyInView(9)).toBe(false);
    view.set(Buffer.from('sys_call_table'));
    expect(search.scanView(13)).toBe(false);
    view.set(Buffer.from('sys_call_table'));
    expect(search.scanView(14)).toBe(true);
    expect([...search.found()].sort()).toEqual([0, 1, 2]);
    search.resetFound();
    expect([...search.found()]).toEqual([]);
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
