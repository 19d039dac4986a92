// kernel-memory-protection: the protection of kernel memory other than the system call table
// changed — kernel text or data looked up by name made writable, page-table entries made
// writable, arm64 update_mapping_prot, ARM section bits cleared. The read-only data section as a
// whole is this rule's only where the module does not touch the table (else wp-disable's).
import { protectionChanges } from '../engine/protection.js';
import { HOOK_FIX, type Rule } from './rule.js';

type MessageIds = 'pageAttr' | 'pteWrite' | 'mappingProt' | 'sectionBits';

export const kernelMemoryProtection = {
  meta: {
    id: 'kernel-memory-protection',
    description: 'The protection of kernel text or data (not the syscall table) is changed.',
    fullDescription:
      "Flags changes to the protection of the kernel's own memory: page attributes (set_memory_rw, set_memory_x, change_page_attr, set_kernel_text_rw) applied to kernel symbols found by name or to the kernel image, page-table entries found with lookup_address made writable (_PAGE_RW, pte_mkwrite), arm64 update_mapping_prot, and ARM section permission bits cleared. Such changes open the kernel to patching from any code; when the target is the system call table, wp-disable reports it instead.",
    defaultSeverity: 'warning',
    messages: {
      pageAttr: '`{{callee}}` changes the protection of kernel memory',
      pteWrite: 'a kernel page-table entry is made writable (`{{callee}}`)',
      mappingProt: "`update_mapping_prot` changes the protection of the kernel's own mappings",
      sectionBits: 'ARM section permission bits are cleared on a kernel mapping (`{{callee}}`)',
    },
    fix: HOOK_FIX,
    docs: 'docs/rules/kernel-memory-protection.md',
  },
  check(context) {
    for (const p of protectionChanges(context.analysis)) {
      if (p.target === 'kernel' || (p.target === 'rodata' && !context.moduleTouchesTable))
        context.report({
          seg: p.seg,
          tok: p.tok,
          messageId: p.how,
          data: { callee: p.callee },
          // Another file of the module may touch the table: then wp-disable reports it instead.
          ...(p.target === 'rodata' ? { moduleDependent: true } : {}),
        });
    }
  },
} satisfies Rule<MessageIds>;
