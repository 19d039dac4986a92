import { describe, expect, it } from 'vitest';
import { idPartEnd, isIdPart, numberEnd } from '../../../src/lint/scan/chars.js';

describe('idPartEnd', () => {
  it('ends a run of identifier characters where isIdPart first fails, or at the end', () => {
    expect(idPartEnd('foo_bar$1 x', 0)).toBe(9);
    expect(idPartEnd('a.b', 0)).toBe(1);
    expect(idPartEnd('abc', 1)).toBe(3);
    expect(idPartEnd('abc', 3)).toBe(3);
    expect(idPartEnd('(x', 0)).toBe(0);
    // Characters past ASCII end it, as isIdPart says.
    expect(idPartEnd('xé', 0)).toBe(1);
  });

  it('agrees with isIdPart on every character code up to 0x3ff', () => {
    for (let c = 0; c < 0x400; c++)
      expect(idPartEnd(`a${String.fromCharCode(c)}`, 1)).toBe(isIdPart(c) ? 2 : 1);
  });
});

describe('numberEnd', () => {
  it('reads identifier characters and dots, and a sign only after an exponent letter', () => {
    const end = (s: string) => numberEnd(s, 0);
    expect(end('123;')).toBe(3);
    expect(end('0x1fUL)')).toBe(6);
    expect(end('1.5e+10 ')).toBe(7);
    expect(end('1E-3+x')).toBe(4);
    expect(end('0x1p-3,')).toBe(6);
    expect(end('0x1P+3')).toBe(6);
    // A sign after any other character ends the number: `0x1f+1` is three tokens.
    expect(end('0x1f+1')).toBe(4);
    expect(end('12-3')).toBe(2);
    expect(end('.5.e')).toBe(4);
    expect(end('7')).toBe(1);
  });
});
