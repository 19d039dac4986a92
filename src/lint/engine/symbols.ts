// Well-known kernel names the analysis reasons about: lookup functions, entry-code symbols,
// functions that write through their first argument, and value pass-throughs. Table names are
// not here: they are data (table-names.ts, the arch descriptors, config).

/** Functions that resolve a symbol name to an address. */
export const LOOKUP_FUNCTIONS = new Set([
  'kallsyms_lookup_name',
  'module_kallsyms_lookup_name',
  '__symbol_get',
]);

/** Syscall entry and dispatch code: patched or scanned instead of the table. */
export const ENTRY_SYMBOLS = new Set([
  'system_call',
  'system_call_fastpath',
  'ia32_syscall',
  'ia32_sysenter_target',
  'sysenter_entry',
  'entry_SYSCALL_64',
  'entry_SYSCALL_64_after_hwframe',
  'entry_SYSCALL_64_fastpath',
  'entry_SYSCALL_compat',
  'entry_INT80_32',
  'entry_INT80_compat',
  'entry_SYSENTER_32',
  'do_syscall_64',
  'do_int80_syscall_32',
  'do_fast_syscall_32',
  'x64_sys_call',
  'ia32_sys_call',
  'x32_sys_call',
  'vector_swi',
  'el0_svc',
  'el0_svc_common',
  'do_el0_svc',
  'invoke_syscall',
  'el0_svc_handler',
  'syscall_trace_enter',
  'idt_table',
]);

/** A syscall's own function (`sys_close`, `__x64_sys_read`): what a table slot points to. */
export const SYSCALL_FN = /^(__(x64|ia32|x32|arm64|arm|riscv|s390x?|se|do)_)?k?sys_[a-z0-9_]+$/;

/**
 * kallsyms iterators: the callback's argument, and the argument handed to the callback as its
 * first parameter (`data`); -1 where the callback's own name argument is the symbol name.
 */
export const SYMBOL_ITERATORS: ReadonlyMap<string, { fn: number; data: number; name: number }> =
  new Map([
    ['kallsyms_on_each_symbol', { fn: 0, data: 1, name: -1 }],
    ['kallsyms_on_each_match_symbol', { fn: 0, data: 2, name: 1 }],
    ['module_kallsyms_on_each_symbol', { fn: 1, data: 2, name: -1 }],
  ]);

/** Calls that write through their first argument. */
export const WRITERS = new Set([
  'xchg',
  'cmpxchg',
  'cmpxchg64',
  'try_cmpxchg',
  'arch_xchg',
  'arch_cmpxchg',
  '__xchg',
  'WRITE_ONCE',
  '__WRITE_ONCE',
  'memcpy',
  '__memcpy',
  'memmove',
  'memset',
  'probe_kernel_write',
  'copy_to_kernel_nofault',
  '__copy_to_kernel_nofault',
  'text_poke',
  'text_poke_bp',
  'text_poke_kgdb',
  'aarch64_insn_patch_text',
  'aarch64_insn_write',
  'patch_text',
  'strcpy',
  'strncpy',
  'atomic_long_xchg',
  'atomic64_xchg',
  'atomic_xchg',
  'set_bit',
  'rcu_assign_pointer',
  '__put_user',
  'put_user',
]);

/** Writers whose first argument is the lvalue written, not a pointer to it. */
export const LVALUE_WRITERS = new Set(['WRITE_ONCE', '__WRITE_ONCE', 'rcu_assign_pointer']);

/** Calls that copy their second argument into their first (a shadow copy of the table). */
export const COPIERS = new Set([
  'memcpy',
  '__memcpy',
  'memmove',
  'copy_from_kernel_nofault',
  'probe_kernel_read',
]);

/** Calls that return (a form of) their first argument. */
export const PASSTHROUGH = new Set([
  'READ_ONCE',
  'lm_alias',
  '__va',
  'phys_to_virt',
  'PTR_ALIGN',
  'ALIGN',
  'PAGE_ALIGN',
  'ALIGN_DOWN',
  'untagged_addr',
  'kasan_reset_tag',
  'RELOC_HIDE',
  'rcu_dereference',
  'virt_to_page',
  'virt_to_phys',
  '__pa',
  '__pa_symbol',
  'offset_in_page',
]);

/** x86 MSRs that hold the syscall entry address (LSTAR, CSTAR, SYSENTER_EIP). */
export const ENTRY_MSRS = new Set([
  'MSR_LSTAR',
  'MSR_CSTAR',
  'MSR_IA32_SYSENTER_EIP',
  '0xc0000082',
  '0xc0000083',
  '0x176',
]);

export const MSR_READS = new Set([
  'rdmsrl',
  'rdmsr',
  'rdmsrq',
  'rdmsrl_safe',
  'rdmsr_safe',
  'native_read_msr',
  '__rdmsr',
  'native_rdmsrq',
  'rdmsrq_safe',
  'native_read_msr_safe',
]);
export const MSR_WRITES = new Set([
  'wrmsrl',
  'wrmsr',
  'wrmsrq',
  'wrmsrl_safe',
  'wrmsr_safe',
  'native_write_msr',
  '__wrmsr',
  'native_wrmsrq',
  'wrmsrq_safe',
  'checking_wrmsrl',
]);

/** String comparisons: a symbol name compared against a table name. */
export const COMPARES = new Set([
  'strcmp',
  'strncmp',
  'strcasecmp',
  'strncasecmp',
  'strstr',
  'strnstr',
  'memcmp',
  'strsep',
  'sysfs_streq',
  'str_has_prefix',
  'strends',
  'strcspn',
  'strspn',
  'bcmp',
]);

const NORMAL_MSR = /^(0x[0-9a-f]+)[ul]*$/i;
export function normalNumber(text: string): string {
  const m = NORMAL_MSR.exec(text);
  return m ? (m[1] as string).toLowerCase() : text;
}

/** Kernel-space addresses written as literals: 32-bit ≥ 0xc0000000, 64-bit 0xffff.... */
export function isKernelAddress(text: string): boolean {
  const n = normalNumber(text);
  if (/^0x[c-f][0-9a-f]{7}$/.test(n)) return n !== '0xffffffff' && !n.startsWith('0xffff0');
  return /^0xffff[0-9a-f]{12}$/.test(n) && !/^0xffffffffffff/.test(n);
}

/** The keyword that opens an inline assembly statement, in each spelling. */
export const ASM_KEYWORDS = new Set(['asm', '__asm__', '__asm']);
/** Qualifiers between the asm keyword and its parenthesis (`asm volatile goto (`). */
export const ASM_QUALIFIERS = new Set(['volatile', '__volatile__', '__volatile', 'goto', 'inline']);
