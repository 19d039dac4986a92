import { describe, expect, it } from 'vitest';
import { lintC } from '../helpers.js';

describe('wp-disable', () => {
  it.each([
    ['void f(void) { write_cr0(read_cr0() & ~X86_CR0_WP); }', 'cr0Write', 1, 16],
    ['void f(void) { write_cr0(read_cr0() & 0xfffeffff); }', 'cr0Write', 1, 16],
    [
      'void f(void) { unsigned long c = read_cr0(); clear_bit(16, &c); write_cr0(c); }',
      'cr0Write',
      1,
      65,
    ],
    ['void f(unsigned long v) { asm volatile("mov %0, %%cr0" : : "r"(v)); }', 'cr0Asm', 1, 40],
    ['void f(void) { modify_domain(DOMAIN_KERNEL, DOMAIN_MANAGER); }', 'armDomain', 1, 16],
    [
      'void f(void) { set_memory_rw((unsigned long)sys_call_table & PAGE_MASK, 1); }',
      'tableMemory',
      1,
      16,
    ],
  ])('flags %s', (code, messageId, line, column) => {
    expect(lintC(code, 'wp-disable')).toContainEqual({
      ruleId: 'wp-disable',
      messageId,
      line,
      column,
    });
  });
  it('is an error when the file touches the table, a warning otherwise', () => {
    const code = 'void f(void) { write_cr0(read_cr0() & ~0x10000); }';
    expect(lintC(code, 'wp-disable')).toHaveLength(1);
    const sev = (c: string) => lintC(c, 'wp-disable').length;
    expect(sev(`${code}\nvoid g(void) { sys_call_table[1] = 0; }`)).toBe(1);
  });
  it.each([
    'void f(void) { write_cr0(read_cr0() | X86_CR0_WP); }',
    'void f(unsigned long saved) { write_cr0(saved); }',
    'void f(void) { unsigned long c; asm volatile("mov %%cr0, %0" : "=r"(c)); }',
  ])('leaves %s alone', (code) => {
    expect(lintC(code, 'wp-disable')).toEqual([]);
  });
});
