import { describe, expect, it } from 'vitest';
import { lintSource } from '../../../src/lint/engine/lint-source.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';
import { ruleTester } from '../helpers.js';

ruleTester('table-write', {
  valid: [
    'void f(void) { orig = sys_call_table[__NR_read]; }',
    'void f(void) { g_syscall_table[1] = h; sys_call_table_stats[2] = 0; }',
    '#if 0\nvoid f(void) { sys_call_table[1] = h; }\n#endif',
    // WRITE_ONCE(x, v) writes the variable x, not the code it points to.
    'void f(void) { orig = sys_call_table[__NR_read]; WRITE_ONCE(orig, h); }',
    // Patching a kernel function that is no syscall is not a table finding.
    'void f(void) { void *t = (void *)kallsyms_lookup_name("tcp4_seq_show"); memcpy(t, jmp, 5); }',
    // A macro's parameter pasted into a name is no variable.
    '#define SAVE(n) orig_##n = (void *)sys_call_table[__NR_##n]\nvoid f(void) { memcpy(n, code, 5); }',
  ],
  invalid: [
    {
      code: 'void f(void) { sys_call_table[__NR_read] = h; }',
      errors: [{ messageId: 'slotWrite', line: 1, column: 16 }],
    },
    {
      code: 'void f(void) { void **t = sys_call_table; t[3] = h; }',
      errors: [{ messageId: 'slotWrite', line: 1, column: 43 }],
    },
    {
      code: 'void f(void) { void **s = &sys_call_table[__NR_read]; *s = h; }',
      errors: [{ messageId: 'slotWrite', line: 1, column: 56 }],
    },
    {
      code: 'void f(void) { xchg(&sys_call_table[__NR_read], h); }',
      errors: [{ messageId: 'writeCall', line: 1, column: 22 }],
    },
    {
      code: 'void w(void **slot) { *slot = h; }\nvoid f(void) { w(&sys_call_table[1]); }',
      errors: [{ messageId: 'slotWrite', line: 1, column: 24 }],
    },
    {
      code: '#define HOOK(n) sys_call_table[__NR_##n] = hook_##n',
      errors: [{ messageId: 'slotWrite', line: 1, column: 17 }],
    },
    {
      code: 'void f(void) { memcpy(s, sys_call_table, 8); s[1] = h; }',
      errors: [{ messageId: 'shadowWrite', line: 1, column: 46 }],
    },
    {
      code: 'void f(void) { wrmsrl(MSR_LSTAR, (unsigned long)my_entry); }',
      errors: [{ messageId: 'msrWrite', line: 1, column: 23 }],
    },
    {
      // Suterusu: a syscall's own code, taken from the table, patched inline.
      code: 'void hijack(void *target) { memcpy(target, code, 12); }\nvoid f(void) { hijack((void *)sys_call_table[__NR_write]); }',
      errors: [{ messageId: 'entryPatch', line: 1, column: 36 }],
    },
    {
      code: 'void f(void) { unsigned char *p = (void *)kallsyms_lookup_name("x64_sys_call"); p[0] = 0xe9; }',
      errors: [{ messageId: 'entryPatch', line: 1, column: 81 }],
    },
    {
      code: 'void f(void) { void *s = (void *)kallsyms_lookup_name("__x64_sys_kill"); text_poke(s, jmp, 5); }',
      errors: [{ messageId: 'entryPatch', line: 1, column: 84 }],
    },
  ],
});

describe('table-write names the syscall whose slot is written (for the fix hint)', () => {
  const syscalls = (code: string) =>
    lintSource(code, 'test.c', { tableNames: new Set(DEFAULT_TABLE_NAMES), levels: {} })
      .findings.filter((f) => f.ruleId === 'table-write')
      .map((f) => f.data.syscall ?? null);

  it('from a __NR_ index, with the ia32_/x32_/compat_ prefix dropped', () => {
    expect(
      syscalls(
        [
          'void f(void) {',
          '  sys_call_table[__NR_getpmsg] = h;',
          '  ia32_sys_call_table[__NR_ia32_kill] = h;',
          '  xchg(&sys_call_table[__NR_read], h);',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['getpmsg', 'kill', 'read']);
  });

  it('not from a computed index or a pasted name', () => {
    expect(
      syscalls(
        [
          '#define HOOK(n) sys_call_table[__NR_##n] = hooked_##n',
          'void f(int i) { sys_call_table[i] = h; HOOK(read); }',
        ].join('\n'),
      ),
    ).toEqual([null, null]);
  });
});
