import { describe, expect, it } from 'vitest';
import { lintC, ruleTester } from '../helpers.js';

ruleTester('wp-disable', {
  valid: [
    'void f(void) { write_cr0(read_cr0() | X86_CR0_WP); }',
    'void f(unsigned long saved) { write_cr0(saved); }',
    'void f(void) { unsigned long c; asm volatile("mov %%cr0, %0" : "=r"(c)); }',
    // The bit set again before the write: restoring protection.
    'void f(void) { unsigned long c = read_cr0(); clear_bit(16, &c); set_bit(16, &c); write_cr0(c); }',
    'void f(void) { unsigned long c = read_cr0(); c |= 0x10000; write_cr0(c); }',
    'void f(void) { set_memory_ro((unsigned long)sys_call_table & PAGE_MASK, 1); }',
    // Read-only data made writable is the table's memory only where the module touches the table.
    'void f(void) { update_mapping_prot(__pa_symbol(__start_rodata), (unsigned long)__start_rodata, s, PAGE_KERNEL); }',
  ],
  invalid: [
    {
      code: 'void f(void) { write_cr0(read_cr0() & ~X86_CR0_WP); }',
      errors: [{ messageId: 'cr0Write', line: 1, column: 16, severity: 'warning' }],
    },
    {
      code: 'void f(void) { native_write_cr0(read_cr0() & (~X86_CR0_WP)); }',
      errors: [{ messageId: 'cr0Write', line: 1, column: 16 }],
    },
    {
      code: 'void f(void) { write_cr0(read_cr0() & 0xfffeffff); }',
      errors: [{ messageId: 'cr0Write', line: 1, column: 16 }],
    },
    {
      code: 'void f(void) { unsigned long c = read_cr0(); clear_bit(16, &c); write_cr0(c); }',
      errors: [{ messageId: 'cr0Write', line: 1, column: 65 }],
    },
    {
      // A mask macro of the module's own.
      code: '#define WP_BIT (1UL << 16)\nvoid f(void) { __write_cr0(read_cr0() & ~WP_BIT); }',
      errors: [{ messageId: 'cr0Write', line: 2, column: 16 }],
    },
    {
      code: 'void f(unsigned long v) { asm volatile("mov %0, %%cr0" : : "r"(v)); }',
      errors: [{ messageId: 'cr0Asm', line: 1, column: 40 }],
    },
    {
      code: 'void f(void) { modify_domain(DOMAIN_KERNEL, DOMAIN_MANAGER); }',
      errors: [{ messageId: 'armDomain', line: 1, column: 16 }],
    },
    {
      code: 'void f(void) { set_memory_rw((unsigned long)sys_call_table & PAGE_MASK, 1); }',
      errors: [{ messageId: 'tableMemory', line: 1, column: 16, severity: 'error' }],
    },
    {
      code: 'void f(void) { change_page_attr(virt_to_page(sys_call_table), 1, PAGE_KERNEL); }',
      errors: [{ messageId: 'tableMemory', line: 1, column: 16 }],
    },
    {
      // Diamorphine on arm64: rodata (holding the table) made writable in a module that touches it.
      code: 'static void (*ump)(phys_addr_t, unsigned long, phys_addr_t, pgprot_t);\nvoid f(void) { unsigned long r = kallsyms_lookup_name("__start_rodata"); ump = (void *)kallsyms_lookup_name("update_mapping_prot"); ump(__pa_symbol(r), r, s, PAGE_KERNEL); sys_call_table[1] = 0; }',
      errors: [{ messageId: 'rodataWritable', line: 2, column: 133, severity: 'error' }],
    },
    {
      code: 'static pte_t *w(unsigned long a) { return pte_offset_kernel(pmd_offset(pud_offset(pgd_offset_k(a), a), a), a); }\nvoid rw(unsigned long a) { pte_t *p = w(a); set_pte(p, pte_mkwrite(*p)); }\nvoid f(void) { rw((unsigned long)sys_call_table); }',
      errors: [{ messageId: 'tableMemory', line: 2, column: 56 }],
    },
  ],
});

describe('wp-disable severity', () => {
  it('is an error when the file touches the table, a warning otherwise', () => {
    const code = 'void f(void) { write_cr0(read_cr0() & ~0x10000); }';
    expect(lintC(code, 'wp-disable').map((f) => f.severity)).toEqual(['warning']);
    expect(
      lintC(`${code}\nvoid g(void) { sys_call_table[1] = 0; }`, 'wp-disable').map(
        (f) => f.severity,
      ),
    ).toEqual(['error']);
  });
});
