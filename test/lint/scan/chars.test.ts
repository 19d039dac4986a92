import { describe, expect, it } from 'vitest';
import { idPartEnd, isIdPart } from '../../../src/lint/scan/chars.js';

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
