import { describe, expect, it } from 'vitest';
import { lintC } from '../helpers.js';

describe('kernel-memory-protection', () => {
  it.each([
    [
      'void f(void) { unsigned long a = kallsyms_lookup_name("__start_rodata"); set_memory_rw(a, 4); }',
      'pageAttr',
      1,
      74,
    ],
    [
      'void f(unsigned long a) { unsigned int l; pte_t *p = lookup_address(a, &l); p->pte |= _PAGE_RW; }',
      'pteWrite',
      1,
      87,
    ],
    ['void f(void) { update_mapping_prot(x, y, z, PAGE_KERNEL); }', 'mappingProt', 1, 16],
    ['void f(void) { set_memory_x((unsigned long)_stext, 1); }', 'pageAttr', 1, 16],
  ])('flags %s', (code, messageId, line, column) => {
    expect(lintC(code, 'kernel-memory-protection')).toContainEqual({
      ruleId: 'kernel-memory-protection',
      messageId,
      line,
      column,
    });
  });
  it.each([
    'void f(void) { void *b = vmalloc(4096); set_memory_rw((unsigned long)b, 1); }',
    'void f(void) { set_memory_ro((unsigned long)_stext, 1); }',
  ])('leaves %s alone', (code) => {
    expect(lintC(code, 'kernel-memory-protection')).toEqual([]);
  });
});
