// The masker skips runs of ordinary characters and the tokenizer reads the text, skipping the
// masker's blanked regions: they must give exactly what the earlier masker did and the tokens
// and directives its masked copy gives, character by character (the references).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maskRegions } from '../../../src/lint/scan/mask.js';
import { tokenize } from '../../../src/lint/scan/tokenize.js';
import { fixtureSources } from '../helpers.js';
import { referenceMask } from './helpers/reference-mask.js';
import { referenceTokenize } from './helpers/reference-tokenize.js';

function sameAsReference(text: string): void {
  const { source, regions } = maskRegions(text);
  const mask = referenceMask(text);
  const { comments, strings, chars, deadBlocks, masked } = source;
  expect([text, { comments, strings, chars, deadBlocks, masked }]).toEqual([text, { ...mask }]);
  const got = tokenize(text, source, regions);
  const want = referenceTokenize(text, mask);
  expect([text, got]).toEqual([text, want]);
}

/** Pieces of random files: what opens and closes blanked regions, directives and tokens. */
const PIECES = [
  '#if 0\n',
  '#if (0)\n',
  '#elif 0\n',
  '#else\n',
  '#endif\n',
  '#ifdef X\n',
  '#if 0 /* a\n b */\n',
  '/*',
  '*/',
  '//',
  '"',
  "'",
  '\\\n',
  '\\\r\n',
  '\r\n',
  '\n',
  '#define X(a) a\n',
  '# /* c */ define Y 1\n',
  '#/**/if 0\n',
  '#\t/* c\n */ define',
  'x',
  '0x1e+5',
  ' ',
  '\t',
  "'a'",
  '"s\\"t"',
  '#',
  '##',
  '.5',
  '...',
  '/',
  '*',
  'abc',
  '\\',
  '\r',
  '\f',
  'é',
  '<<=',
  'define',
  '/* \r */',
  '/*\r\n*/',
  // Runs of blanks, DEL among them (skipped a run at a time).
  '\t \t',
  '\x7f',
  ' \x00 ',
];

describe('tokenize', () => {
  it('gives the tokens of the masked copy on every fixture', () => {
    for (const f of fixtureSources()) sameAsReference(readFileSync(f, 'latin1'));
  });

  it.each([
    ['#/* \r */define X 1\n'],
    ['#/*\n*/define X 1\n'],
    ['# /* c */ define X 1\n'],
    ['x #if 0\n#if 0\ny\n#endif\n'],
    ['#if 0 /* a\nb */ c\n#else\nd\n#endif\n'],
    ['#define A \\\n  "s" /* c */ B\nC'],
  ])('gives the tokens of the masked copy on %j', (text) => sameAsReference(text));

  it('gives the tokens of the masked copy on random files', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 6000; round++) {
      // Half the rounds draw from a few pieces, so that rare combinations come up.
      const alphabet =
        round % 2 === 0 ? PIECES : Array.from({ length: 5 }, () => PIECES[rnd(PIECES.length)]);
      const parts: string[] = [];
      const length = 1 + rnd(40);
      for (let k = 0; k < length; k++) parts.push(alphabet[rnd(alphabet.length)] as string);
      sameAsReference(parts.join(''));
    }
  });

  it('keeps the masked copy, built when read', () => {
    const src = 'a /* x\ny */ "s"\n#if 0\nb\n#endif\n';
    const { source, regions } = maskRegions(src);
    expect(regions).toEqual([2, 11, 13, 14, 22, 24]);
    expect(source.masked).toBe('a     \n     " "\n#if 0\n \n#endif\n');
  });
});
