import { describe, expect, it } from 'vitest';
import { directiveOf, maskSource, scanSource, tokenEnd } from '../../../src/lint/scan/index.js';

describe('maskSource', () => {
  it('blanks comments, literal insides and #if 0 blocks, keeping length and newlines', () => {
    const src = 'a /* x\ny */ "s\\"t" \'c\'\n#if 0\nsys_call_table\n#else\nb\n#endif\n// z\n';
    const m = maskSource(src);
    expect(m.masked).toHaveLength(src.length);
    expect(m.masked.split('\n').length).toBe(src.split('\n').length);
    expect(m.masked).not.toContain('sys_call_table');
    expect(m.masked).toContain('b');
    expect(m.masked).toContain('"    "');
    expect(m.comments).toHaveLength(2);
  });

  it('never throws on garbage, unterminated input, NUL bytes and huge lines', () => {
    const inputs = [
      '/* open',
      '"open',
      "'",
      '#if 0\n',
      '#endif\n#else',
      '\0\0\0',
      `${'x'.repeat(200000)}"`,
      '\\\n#define A(',
      '#define X(a,',
    ];
    let seed = 7;
    for (let i = 0; i < 200; i++) {
      let s = '';
      for (let k = 0; k < 200; k++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += '/*"\'#\n\\ (){}[];=*&ifx0_'.charAt(seed % 26);
      }
      inputs.push(s);
    }
    for (const s of inputs) expect(() => scanSource(s)).not.toThrow();
  });

  it('recognises identifiers, directives and macros with parameters', () => {
    const f = scanSource('#define HOOK(n) tbl[__NR_##n] = x\nint y;');
    expect(f.macros[0]?.name).toBe('HOOK');
    expect(f.macros[0]?.params).toEqual(['n']);
    const inCode = f.tokens.filter((_, i) => directiveOf(f.directives, i) < 0);
    expect(inCode.map((t) => t.text)).toEqual(['int', 'y', ';']);
  });

  it('tells the directive each token belongs to', () => {
    const f = scanSource('a\n#define X 1\nb #\n#if Y\n#endif\nc');
    const dirs = f.tokens.map((t, i) => [t.text, directiveOf(f.directives, i)]);
    expect(dirs).toEqual([
      ['a', -1],
      ['#', 0],
      ['define', 0],
      ['X', 0],
      ['1', 0],
      ['b', -1],
      ['#', -1],
      ['#', 1],
      ['if', 1],
      ['Y', 1],
      ['#', 2],
      ['endif', 2],
      ['c', -1],
    ]);
    expect(directiveOf([], 0)).toBe(-1);
  });

  it('ends each token where its text ends in the source', () => {
    const src = 'x = "a\\"b" + 0x1fUL;';
    const f = scanSource(src);
    for (const t of f.tokens) expect(src.slice(t.start, tokenEnd(t))).toBe(t.text);
    expect(f.tokens.map(tokenEnd)).toEqual([1, 3, 10, 12, 19, 20]);
  });
});
