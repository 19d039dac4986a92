import { describe, expect, it } from 'vitest';
import { lintC } from '../helpers.js';

describe('table-reference', () => {
  it.each([
    ['extern void *sys_call_table[];', 'declaration', 1, 14],
    ['void f(void) { x = sys_call_table[1]; }', 'use', 1, 20],
    ['void f(void) { p = (void **)kallsyms_lookup_name("sys_call_table"); }', 'alias', 1, 16],
    ['void f(void) { q = ia32_sys_call_table; }', 'use', 1, 20],
  ])('flags %s', (code, messageId, line, column) => {
    expect(lintC(code, 'table-reference')).toContainEqual({
      ruleId: 'table-reference',
      messageId,
      line,
      column,
    });
  });
  it.each([
    'static unsigned long sys_call_table_stats[4];',
    '/* sys_call_table */ const char *s = "sys_call_table";',
    '#if 0\nextern void *sys_call_table[];\n#endif',
    'struct map g_syscall_table[8];',
  ])('leaves %s alone', (code) => {
    expect(lintC(code, 'table-reference')).toEqual([]);
  });

  it.each([
    ['void f(void) { sys_call_table[__NR_read] = h; }', 'table-write', 1, 16],
    ['void f(void) { xchg(&sys_call_table[__NR_read], h); }', 'table-write', 1, 22],
  ])('leaves %s to the more specific rule at the same token', (code, ruleId, line, column) => {
    const at = lintC(code).filter((f) => f.line === line && f.column === column);
    expect(at.map((f) => f.ruleId)).toEqual([ruleId]);
  });

  it('still reports other tokens of the same line', () => {
    const found = lintC('void f(void) { sys_call_table[__NR_read] = sys_call_table[1]; }');
    expect(found.map((f) => [f.ruleId, f.column])).toEqual([
      ['table-write', 16],
      ['table-reference', 44],
    ]);
  });
});
