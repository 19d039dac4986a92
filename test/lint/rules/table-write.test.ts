import { describe, expect, it } from 'vitest';
import { lintC } from '../helpers.js';

describe('table-write', () => {
  it.each([
    ['void f(void) { sys_call_table[__NR_read] = h; }', 'slotWrite', 1, 16],
    ['void f(void) { void **t = sys_call_table; t[3] = h; }', 'slotWrite', 1, 43],
    ['void f(void) { void **s = &sys_call_table[__NR_read]; *s = h; }', 'slotWrite', 1, 56],
    ['void f(void) { xchg(&sys_call_table[__NR_read], h); }', 'writeCall', 1, 22],
    [
      'void w(void **slot) { *slot = h; }\nvoid f(void) { w(&sys_call_table[1]); }',
      'slotWrite',
      1,
      24,
    ],
    ['#define HOOK(n) sys_call_table[__NR_##n] = hook_##n', 'slotWrite', 1, 17],
    ['void f(void) { memcpy(s, sys_call_table, 8); s[1] = h; }', 'shadowWrite', 1, 46],
    ['void f(void) { wrmsrl(MSR_LSTAR, (unsigned long)my_entry); }', 'msrWrite', 1, 23],
  ])('flags %s', (code, messageId, line, column) => {
    expect(lintC(code, 'table-write')).toContainEqual({
      ruleId: 'table-write',
      messageId,
      line,
      column,
    });
  });
  it.each([
    'void f(void) { orig = sys_call_table[__NR_read]; }',
    'void f(void) { g_syscall_table[1] = h; sys_call_table_stats[2] = 0; }',
    '#if 0\nvoid f(void) { sys_call_table[1] = h; }\n#endif',
  ])('leaves %s alone', (code) => {
    expect(lintC(code, 'table-write')).toEqual([]);
  });
});
