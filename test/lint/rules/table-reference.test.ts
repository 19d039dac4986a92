import { describe, expect, it } from 'vitest';
import { lintC, ruleTester } from '../helpers.js';

ruleTester('table-reference', {
  valid: [
    'static unsigned long sys_call_table_stats[4];',
    '/* sys_call_table */ const char *s = "sys_call_table";',
    '#if 0\nextern void *sys_call_table[];\n#endif',
    'struct map g_syscall_table[8];',
  ],
  invalid: [
    {
      code: 'extern void *sys_call_table[];',
      errors: [{ messageId: 'declaration', line: 1, column: 14 }],
    },
    {
      code: 'void f(void) { x = sys_call_table[1]; }',
      errors: [{ messageId: 'use', line: 1, column: 20 }],
    },
    {
      code: 'void f(void) { p = (void **)kallsyms_lookup_name("sys_call_table"); }',
      errors: [{ messageId: 'alias', line: 1, column: 16 }],
    },
    {
      code: 'void f(void) { q = ia32_sys_call_table; }',
      errors: [
        { messageId: 'alias', line: 1, column: 16 },
        { messageId: 'use', line: 1, column: 20 },
      ],
    },
    {
      // The table's page is not the table: `t` is an alias, `pg` is not.
      code: 'void f(void) { void **t = (void **)kallsyms_lookup_name("sys_call_table"); struct page *pg = virt_to_page(t); }',
      errors: [{ messageId: 'alias', line: 1, column: 23 }],
    },
    {
      // The address a kallsyms callback stores once the name matched.
      code: 'static void *found;\nint cb(void *d, const char *name, unsigned long addr) { if (strcmp(name, "sys_call_table") == 0) { found = (void *)addr; return 1; } return 0; }',
      errors: [{ messageId: 'alias', line: 2, column: 100 }],
    },
  ],
});

describe('table-reference and the more specific rules', () => {
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
