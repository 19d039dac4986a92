// Where code changes the protection of kernel memory: page attributes (set_memory_rw,
// change_page_attr), page-table entries made writable after lookup_address, arm64
// update_mapping_prot, ARM section bits — and whether the memory is the system call table or
// other kernel memory. Shared by wp-disable (the table) and kernel-memory-protection (the rest).
import type { Token } from '../scan/index.js';
import type { Analysis } from './analyze.js';

export interface ProtectionChange {
  seg: number;
  tok: number;
  how: 'pageAttr' | 'pteWrite' | 'mappingProt' | 'sectionBits';
  callee: string;
  target: 'table' | 'kernel';
}

/** Page-attribute calls and the index of the argument naming the memory. */
export const PAGE_ATTR: Record<string, number> = {
  set_memory_rw: 0,
  set_memory_x: 0,
  set_memory_rwx: 0,
  change_page_attr: 0,
  change_page_attr_addr: 0,
  set_pages_rw: 0,
  set_pages_x: 0,
  set_page_attributes: 0,
  set_memory_rw_nx: 0,
  __set_memory_rw: 0,
  set_kernel_text_rw: -1,
  update_mapping_prot: 1,
  set_memory_valid: 0,
};
export const PTE_LOOKUPS = new Set([
  'lookup_address',
  'lookup_address_in_pgd',
  'virt_to_kpte',
  'lookup_pmd_address',
  'pmd_off_k',
  'pgd_offset_k',
  'pmd_offset',
  'pte_offset_kernel',
  'pud_offset',
]);
export const MAKES_WRITABLE = new Set([
  'pte_mkwrite',
  'pte_mkwrite_novma',
  'pmd_mkwrite',
  'pmd_mkwrite_novma',
  'pte_mkwrite_kernel',
]);
export const WRITE_BITS = new Set([
  '_PAGE_RW',
  'PTE_WRITE',
  'PTE_DBM',
  'PMD_SECT_AP_WRITE',
  'L_PTE_WRITE',
]);
export const READONLY_BITS = new Set([
  'PMD_SECT_APX',
  'L_PMD_SECT_RDONLY',
  'PMD_SECT_RDONLY',
  'PTE_RDONLY',
  'L_PTE_RDONLY',
  '_PAGE_RO',
]);
/** Kernel image markers: their pages are kernel text and read-only data. */
const KERNEL_SYMBOLS =
  /^(_stext|_etext|_text|_sdata|_edata|__start_rodata|__end_rodata|__init_begin|__init_end|_sinittext|__start_ro_after_init|__end_ro_after_init)$/;

export function protectionChanges(a: Analysis): ProtectionChange[] {
  const out: ProtectionChange[] = [];
  const fnNames = new Set(a.st.fns.map((f) => f.name));
  const classify = (
    seg: number,
    x: number,
    y: number,
    scope: number,
  ): 'table' | 'kernel' | null => {
    const k = a.kind(seg, x, y, scope);
    if (k === 'table' || k === 'slot' || k === 'shadow' || k === 'sslot') return 'table';
    if (k === 'kaddr' || k === 'entry' || k === 'eslot' || k === 'cand' || k === 'lookup')
      return 'kernel';
    const toks = a.st.segs[seg]?.toks.slice(x, y) ?? [];
    if (toks.some((t) => t.type === 'id' && (KERNEL_SYMBOLS.test(t.text) || fnNames.has(t.text))))
      return 'kernel';
    return null;
  };
  // Per function: the memory its page-table lookups target.
  const lookupTargets = new Map<number, 'table' | 'kernel'>();
  for (const c of a.calls) {
    const callee = a.st.segs[c.seg]?.toks[c.callee]?.text ?? '';
    if (PTE_LOOKUPS.has(callee) && c.scope >= 0) {
      let target: 'table' | 'kernel' | null = null;
      for (const [x, y] of c.args)
        target = target === 'table' ? target : (classify(c.seg, x, y, c.scope) ?? target);
      if (
        callee === 'lookup_address' ||
        callee === 'virt_to_kpte' ||
        callee === 'lookup_address_in_pgd'
      )
        target ??= 'kernel';
      const prev = lookupTargets.get(c.scope);
      if (target && prev !== 'table') lookupTargets.set(c.scope, target);
    }
    const idx = PAGE_ATTR[callee];
    if (idx === undefined) continue;
    const how = callee === 'update_mapping_prot' ? 'mappingProt' : 'pageAttr';
    if (idx < 0) {
      out.push({ seg: c.seg, tok: c.callee, how, callee, target: 'kernel' });
      continue;
    }
    const arg = c.args[idx];
    const target = arg ? classify(c.seg, arg[0], arg[1], c.scope) : null;
    if (target) out.push({ seg: c.seg, tok: c.callee, how, callee, target });
    else if (how === 'mappingProt')
      out.push({ seg: c.seg, tok: c.callee, how, callee, target: 'kernel' });
  }
  // Writable bits set (or read-only bits cleared) in a function that looked a kernel mapping up.
  const seg0 = a.st.segs[0];
  if (!seg0) return out;
  a.st.fns.forEach((f, fi) => {
    const target = lookupTargets.get(fi);
    if (!target) return;
    const toks = seg0.toks;
    for (let i = f.bodyStart; i < f.bodyEnd; i++) {
      const t = toks[i] as Token;
      if (t.type !== 'id') continue;
      const prev = toks[i - 1]?.text ?? '';
      const sets = WRITE_BITS.has(t.text) && (prev === '|=' || prev === '|');
      const clears = READONLY_BITS.has(t.text) && prev === '~';
      const mk = MAKES_WRITABLE.has(t.text) && toks[i + 1]?.text === '(';
      if (sets || clears || mk) {
        const how =
          READONLY_BITS.has(t.text) && t.text.startsWith('PMD') ? 'sectionBits' : 'pteWrite';
        out.push({ seg: 0, tok: i, how, callee: t.text, target });
        return;
      }
    }
  });
  return out;
}
