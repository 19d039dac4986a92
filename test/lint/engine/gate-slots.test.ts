// The masked-text slot check may only say no where the token check (slotNeeds) says no: every
// shape a scanner compares a slot in says yes, and no fixture, snippet or mutation of them
// (characters dropped, doubled or swapped; brackets, quotes, comments and directives inserted)
// has the token check say yes where the text check says no.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGate } from '../../../src/lint/engine/gate.js';
import { slotComparePossible } from '../../../src/lint/engine/gate-slots.js';
import { slotNeeds } from '../../../src/lint/engine/gate-tokens.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';
import { scanSource } from '../../../src/lint/scan/index.js';
import { fixtureSources, insertions, mutations } from '../helpers.js';

const tables = new Set(DEFAULT_TABLE_NAMES);
const tokensSay = (text: string): boolean => slotNeeds(scanSource(text), tables);

/** Slot compares as scanning code writes them: both checks say yes. */
const COMPARES = [
  'void f(unsigned long *t) { if (t[__NR_close] == (unsigned long)sys_close) g = t; }',
  'void f(unsigned long *t) { if ((unsigned long)ksys_close == t[__NR_close]) g = t; }',
  'void f(unsigned long **p) { while (p[0][__NR_close] != (unsigned long)__x64_sys_close) p++; }',
  // The scanner form: a syscall's name within six tokens past the comparison.
  'void f(unsigned long *t, long a) { if (t[__NR_close] == a) sys_close(); }',
  'void f(unsigned long *t) { if (t[__NR_close] == (unsigned long) & sys_close) g = t; }',
  // Across branches of a conditional, and across comments and line breaks.
  'void f(unsigned long *t) {\n  if (t[__NR_close]\n#ifdef CONFIG_X86_64\n      == (unsigned long)__x64_sys_close\n#else\n      == (unsigned long)sys_close\n#endif\n     ) g = t;\n}',
  // A directive line inside an operand is no part of it (its `{` bounds nothing).
  'void f(unsigned long *t) {\n  if (t[__NR_close]\n#define OPEN {\n      == (unsigned long)sys_close) g = t;\n}',
  // A line continuing a code line is code, `#` first or not (its `)` closes a group).
  'void f(unsigned long *t) {\n  if ((t[__NR_close] + g(1 \\\n# )\n== (unsigned long)sys_close)) g = t;\n}',
  'void f(unsigned long *t) { if (t[__NR_close] /* ; } */ == /* { */ (unsigned long)sys_close) g = t; }',
  'void f(unsigned long *t) {\r\n  if (t[__NR_close] ==\r\n      (unsigned long)sys_close)\r\n    g = t;\r\n}',
  // A statement expression inside an operand.
  'void f(unsigned long *t) { if (({ int i = 0; t[__NR_close + i]; }) == (unsigned long)sys_close) g = t; }',
  // In macros: one line, continued lines, a pasted number.
  '#define IS_TABLE(t) ((t)[__NR_close] == (unsigned long)sys_close)\nvoid f(unsigned long *t) { if (IS_TABLE(t)) g = t; }',
  '#define IS_TABLE(t) \\\n  ((t)[__NR_close] == \\\n   (unsigned long)sys_close)\nvoid f(unsigned long *t) { if (IS_TABLE(t)) g = t; }',
  '#define CHECK(t, x) ((t)[__NR_##x] == (unsigned long)sys_close)\nint f(unsigned long *t) { return CHECK(t, close); }',
];

/** Files with `__NR_`, `sys_` and comparisons that never meet: both checks say no. */
const APART = [
  'long f(long nr) { if (nr == __NR_getpid) return sys_getpid(); return 0; }',
  'int f(long nr) { int ok = nr != __NR_read; sys_sync(); return ok; }',
  '/* t[__NR_close] == sys_close */ int x;\nint g(long nr) { return nr == __NR_close; }\nvoid sys_h(void);',
  'const char *s = "t[__NR_close] == sys_close";\nint g(long n) { return n == __NR_close; }\nvoid sys_h(void);',
  '#if 0\nif (t[__NR_close] == (unsigned long)sys_close) g = t;\n#endif\nint g(long n) { return n == __NR_close; }\nvoid sys_h(void);',
];

describe('slotComparePossible', () => {
  it.each(COMPARES.map((c) => [c]))('says yes to %s, as the tokens do', (code) => {
    expect(tokensSay(code)).toBe(true);
    expect(slotComparePossible(code)).toBe(true);
  });

  it.each(APART.map((c) => [c]))('says no to %s, as the tokens do', (code) => {
    expect(tokensSay(code)).toBe(false);
    expect(slotComparePossible(code)).toBe(false);
  });

  it('never says no where the tokens say yes: compares, fixtures and their mutations', () => {
    const fixtures = fixtureSources().map((f) => readFileSync(f, 'latin1'));
    const texts = [
      ...COMPARES.flatMap((c) => [c, ...mutations(c, 150), ...insertions(c, 150, 3)]),
      ...APART.flatMap((c) => [c, ...mutations(c, 40), ...insertions(c, 40, 3)]),
      ...fixtures.flatMap((f) => [f, ...insertions(f, 10)]),
    ];
    let yes = 0;
    for (const t of texts) {
      if (!tokensSay(t)) continue;
      yes++;
      expect([t, slotComparePossible(t)]).toEqual([t, true]);
    }
    // Most mutations keep a compare: the property is tested on many.
    expect(yes).toBeGreaterThan(2000);
  });

  it('stays linear in one long expression of comparisons, answering yes once unsure', () => {
    const expression = `int x = (${'a == b && '.repeat(20000)}c);\nint y = __NR_read;\nvoid sys_z(void);`;
    expect(slotComparePossible(expression)).toBe(true);
    expect(slotComparePossible(`int y = (1 == __NR_read);\nvoid sys_z(void);`)).toBe(false);
  });

  it('lets the gate drop a file whose only open condition has no compare to read', () => {
    const gate = createGate([...DEFAULT_TABLE_NAMES]);
    const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');
    for (const code of APART) {
      expect(gate.byBytes(bytes(code))).toBe('slots');
      expect(gate.slotsByText(code)).toBe(false);
      expect(gate.needsAnalysis(bytes(code), () => scanSource(code))).toBe(false);
    }
    const compare = COMPARES[0] as string;
    expect(gate.needsAnalysis(bytes(compare), () => scanSource(compare))).toBe(true);
  });
});
