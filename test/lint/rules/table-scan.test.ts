import { describe, expect, it } from 'vitest';
import { lintC } from '../helpers.js';

describe('table-scan', () => {
  it.each([
    [
      'void *f(unsigned long **p) { if (p[__NR_close] == (unsigned long *)sys_close) return p; }',
      'slotCompare',
      1,
      34,
    ],
    ['void f(void) { asm("sidt %0" : "=m"(idtr)); }', 'idt', 1, 20],
    ['void f(void) { store_idt(&d); }', 'idt', 1, 16],
    ['void f(void) { rdmsrl(MSR_LSTAR, e); }', 'msr', 1, 23],
    ['void f(void) { v = (unsigned long *)0xffff0008; }', 'armVector', 1, 37],
    [
      'int f(unsigned char *p) { return p[0] == 0xff && p[1] == 0x14 && p[2] == 0xc5; }',
      'dispatchBytes',
      1,
      42,
    ],
    ['void f(void) { e = kallsyms_lookup_name("entry_SYSCALL_64"); }', 'entryLookup', 1, 20],
  ])('flags %s', (code, messageId, line, column) => {
    expect(lintC(code, 'table-scan')).toContainEqual({
      ruleId: 'table-scan',
      messageId,
      line,
      column,
    });
  });
  it.each([
    'int f(int nr) { return nr == __NR_close; }',
    '#define REG_MASK 0xffff0008\nint f(int v) { return v & REG_MASK; }',
    'void f(void) { wrmsrl(MSR_IA32_TSC, 0); }',
  ])('leaves %s alone', (code) => {
    expect(lintC(code, 'table-scan')).toEqual([]);
  });
});
