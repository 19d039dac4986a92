import { ruleTester } from '../helpers.js';

ruleTester('kernel-memory-protection', {
  valid: [
    'void f(void) { void *b = vmalloc(4096); set_memory_rw((unsigned long)b, 1); }',
    'void f(void) { set_memory_ro((unsigned long)_stext, 1); }',
    // Restoring protection is no change to report.
    'void f(void) { update_mapping_prot(__pa_symbol(r), (unsigned long)r, s, PAGE_KERNEL_RO); }',
    'void f(void) { unsigned long a = kallsyms_lookup_name("_stext"); change_page_attr(virt_to_page(a), 1, PAGE_KERNEL_RO); }',
    'void f(unsigned long a) { unsigned int l; pte_t *p = lookup_address(a, &l); set_pte(p, pte_wrprotect(*p)); }',
    // A function that merely calls a page-table lookup returns no page-table entry.
    'static int walk(unsigned long a) { return pgd_offset_k(a) != NULL; }\nvoid f(unsigned long a) { walk(a); x |= _PAGE_RW; }',
  ],
  invalid: [
    {
      code: 'void f(void) { unsigned long a = kallsyms_lookup_name("__start_rodata"); set_memory_rw(a, 4); }',
      errors: [{ messageId: 'pageAttr', line: 1, column: 74 }],
    },
    {
      code: 'void f(unsigned long a) { unsigned int l; pte_t *p = lookup_address(a, &l); p->pte |= _PAGE_RW; }',
      errors: [{ messageId: 'pteWrite', line: 1, column: 87 }],
    },
    {
      code: 'void f(void) { update_mapping_prot(x, y, z, PAGE_KERNEL); }',
      errors: [{ messageId: 'mappingProt', line: 1, column: 16 }],
    },
    {
      code: 'void f(void) { set_memory_x((unsigned long)_stext, 1); }',
      errors: [{ messageId: 'pageAttr', line: 1, column: 16 }],
    },
    {
      // set_memory_rw reached through a pointer looked up by its name.
      code: 'static int (*rw)(unsigned long, int);\nvoid f(void) { rw = (void *)kallsyms_lookup_name("set_memory_rw"); rw((unsigned long)kallsyms_lookup_name("_text"), 1); }',
      errors: [{ messageId: 'pageAttr', line: 2, column: 68 }],
    },
    {
      // A page-table walker of the module's own, and arm64's bit helpers.
      code: 'static pte_t *w(unsigned long a) { return pte_offset_kernel(pmd_offset(pud_offset(p4d_offset(pgd_offset_k(a), a), a), a), a); }\nvoid f(unsigned long a) { pte_t *p = w(a); set_pte(p, clear_pte_bit(*p, __pgprot(PTE_RDONLY))); }',
      errors: [{ messageId: 'pteWrite', line: 2, column: 82 }],
    },
  ],
});
