// Where code makes kernel memory writable: page attributes (set_memory_rw, change_page_attr),
// page-table entries made writable after a page-table lookup (lookup_address, or a helper of
// the module's own that walks the tables), arm64 update_mapping_prot, ARM section bits — and
// whether the memory is the system call table, the read-only data that holds it, or other
// kernel memory. Calls that restore protection (PAGE_KERNEL_RO) are none. Shared by wp-disable
// and kernel-memory-protection.
import type { Token } from '../scan/index.js';
import type { Analysis, Call } from './analyze.js';

/**
 * `rodata`: the kernel's read-only data as a whole (from `__start_rodata`): the table's memory
 * when the module touches the table, other kernel memory when it does not.
 */
export type ProtectionTarget = 'table' | 'rodata' | 'kernel';

export interface ProtectionChange {
  seg: number;
  tok: number;
  how: 'pageAttr' | 'pteWrite' | 'mappingProt' | 'sectionBits';
  callee: string;
  target: ProtectionTarget;
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
/** PAGE_ATTR as a map: most callees are none of these (no prototype lookups for them). */
const PAGE_ATTR_ARG = new Map(Object.entries(PAGE_ATTR));
/** Page-attribute calls that take the new protection, and its argument. */
const PROT_ARG: Record<string, number> = {
  change_page_attr: 2,
  change_page_attr_addr: 2,
  update_mapping_prot: 3,
};
/** Protections that keep memory read-only: such a call restores protection. */
const READONLY_PROT = /^(PAGE_KERNEL_RO|PAGE_KERNEL_ROX|PAGE_READONLY\w*|PAGE_KERNEL_READ\w*)$/;
/** Protections that make it writable. */
const WRITABLE_PROT =
  /^(PAGE_KERNEL|PAGE_KERNEL_EXEC|PAGE_KERNEL_RWX|PAGE_SHARED\w*|PTE_WRITE|_PAGE_RW)$/;
/** The read-only data section's bounds, as kallsyms and the linker name them. */
const RODATA_SYMBOLS = new Set([
  '__start_rodata',
  '__end_rodata',
  '__start_ro_after_init',
  '__end_ro_after_init',
]);
/** Calls that set or clear the bits named in their second argument (arm64, x86 helpers). */
const BIT_SETTERS = new Set(['set_pte_bit', 'set_pmd_bit', 'pte_set_flags', 'pmd_set_flags']);
const BIT_CLEARERS = new Set([
  'clear_pte_bit',
  'clear_pmd_bit',
  'pte_clear_flags',
  'pmd_clear_flags',
]);
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
/** Lookups that look kernel memory up whatever they are given (the others only given it). */
export const KERNEL_LOOKUPS: ReadonlySet<string> = new Set([
  'lookup_address',
  'virt_to_kpte',
  'lookup_address_in_pgd',
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

/** A name classify takes for kernel memory by itself: a section bound or read-only data. */
export function namesKernelSection(name: string): boolean {
  return KERNEL_SYMBOLS.test(name) || RODATA_SYMBOLS.has(name);
}

const computed = new WeakMap<Analysis, ProtectionChange[]>();

/** The file's protection changes (computed once: two rules ask). */
export function protectionChanges(a: Analysis): ProtectionChange[] {
  let out = computed.get(a);
  if (!out) {
    out = findProtectionChanges(a);
    computed.set(a, out);
  }
  return out;
}

function findProtectionChanges(a: Analysis): ProtectionChange[] {
  const out: ProtectionChange[] = [];
  // Made for the first memory argument classified (most files have none).
  let fnNames: Set<string> | null = null;
  const classify = (seg: number, x: number, y: number, scope: number): ProtectionTarget | null => {
    const k = a.kind(seg, x, y, scope);
    if (k === 'table' || k === 'slot' || k === 'shadow' || k === 'sslot') return 'table';
    const toks = a.st.segs[seg]?.toks ?? [];
    for (let i = x; i < y; i++) {
      const t = toks[i] as Token;
      if (t.type !== 'id') continue;
      if (RODATA_SYMBOLS.has(t.text) || RODATA_SYMBOLS.has(a.lookedUp.get(t.text) ?? ''))
        return 'rodata';
    }
    const ids = toks
      .slice(x, y)
      .filter((t) => t.type === 'id')
      .map((t) => t.text);
    if (
      k === 'kaddr' ||
      k === 'entry' ||
      k === 'sysfn' ||
      k === 'eslot' ||
      k === 'cand' ||
      k === 'lookup'
    )
      return 'kernel';
    fnNames ??= new Set(a.st.fns.map((f) => f.name));
    const names = fnNames;
    if (ids.some((n) => KERNEL_SYMBOLS.test(n) || names.has(n))) return 'kernel';
    return null;
  };
  // Callees once: most calls are none of the functions looked for.
  const callees: string[] = [];
  let pteLookups = false;
  for (let ci = 0; ci < a.calls.length; ci++) {
    const c = a.calls[ci] as Call;
    const callee = a.st.segs[c.seg]?.toks[c.callee]?.text ?? '';
    callees.push(callee);
    if (PTE_LOOKUPS.has(callee)) pteLookups = true;
  }
  const helpers = pteLookups ? pteHelpers(a) : new Set<string>();
  const pointers = a.lookedUp.size > 0;
  // Per function: the memory its page-table lookups target.
  const lookupTargets = new Map<number, ProtectionTarget>();
  const noteCall = (c: Call, callee: string): void => {
    if ((PTE_LOOKUPS.has(callee) || helpers.has(callee)) && c.scope >= 0) {
      let target: ProtectionTarget | null = null;
      for (const [x, y] of c.args)
        target = target === 'table' ? target : (classify(c.seg, x, y, c.scope) ?? target);
      if (KERNEL_LOOKUPS.has(callee) || helpers.has(callee)) target ??= 'kernel';
      const prev = lookupTargets.get(c.scope);
      if (target && prev !== 'table') lookupTargets.set(c.scope, target);
    }
    // A page-attribute function called by name, or through a pointer looked up by its name.
    let idx = PAGE_ATTR_ARG.get(callee);
    let fn = callee;
    if (idx === undefined && pointers) {
      fn = a.lookedUp.get(callee) ?? '';
      idx = PAGE_ATTR_ARG.get(fn);
    }
    if (idx === undefined) return;
    const how = fn === 'update_mapping_prot' ? 'mappingProt' : 'pageAttr';
    if (idx < 0) {
      out.push({ seg: c.seg, tok: c.callee, how, callee, target: 'kernel' });
      return;
    }
    const protArg = c.args[PROT_ARG[fn] ?? -1];
    const prot = protArg ? protectionOf(a.st.segs[c.seg]?.toks.slice(...protArg) ?? []) : null;
    if (prot === 'readonly') return;
    const arg = c.args[idx];
    let target = arg ? classify(c.seg, arg[0], arg[1], c.scope) : null;
    // Only a writable protection lifts anything for the table or its section.
    if (prot === null && how === 'mappingProt' && target !== null) target = 'kernel';
    if (target) out.push({ seg: c.seg, tok: c.callee, how, callee, target });
    else if (how === 'mappingProt')
      out.push({ seg: c.seg, tok: c.callee, how, callee, target: 'kernel' });
  };
  for (let ci = 0; ci < a.calls.length; ci++) noteCall(a.calls[ci] as Call, callees[ci] as string);
  // Writable bits set (or read-only bits cleared) in a function that looked a kernel mapping up.
  const seg0 = a.st.segs[0];
  if (!seg0 || lookupTargets.size === 0) return out;
  a.st.fns.forEach((f, fi) => {
    const target = lookupTargets.get(fi);
    if (!target) return;
    const toks = seg0.toks;
    for (let i = f.bodyStart; i < f.bodyEnd; i++) {
      const t = toks[i] as Token;
      if (t.type !== 'id') continue;
      if (makesWritableAt(toks, i)) {
        const how =
          READONLY_BITS.has(t.text) && t.text.startsWith('PMD') ? 'sectionBits' : 'pteWrite';
        out.push({ seg: 0, tok: i, how, callee: t.text, target });
        return;
      }
    }
  });
  return out;
}

/** Whether the protection given is read-only (a restore), writable, or not known here. */
function protectionOf(toks: Token[]): 'readonly' | 'writable' | null {
  if (toks.some((t) => t.type === 'id' && READONLY_PROT.test(t.text))) return 'readonly';
  if (toks.some((t) => t.type === 'id' && WRITABLE_PROT.test(t.text))) return 'writable';
  return null;
}

/**
 * The token at `i` makes a page-table entry writable: `|= _PAGE_RW`, `| PTE_WRITE`,
 * `~PTE_RDONLY`, `pte_mkwrite(`, `set_pte_bit(pte, __pgprot(PTE_WRITE))`,
 * `clear_pte_bit(pte, __pgprot(PTE_RDONLY))`. (The gate asks the same of its tokens.)
 */
export function makesWritableAt(toks: Token[], i: number): boolean {
  const x = (toks[i] as Token).text;
  const prev = toks[i - 1]?.text;
  const write = WRITE_BITS.has(x);
  const readonly = READONLY_BITS.has(x);
  if (write && (prev === '|=' || prev === '|')) return true;
  if (readonly && prev === '~') return true;
  if (MAKES_WRITABLE.has(x)) return toks[i + 1]?.text === '(';
  if (!write && !readonly) return false;
  // The innermost call around the bit, looking through `__pgprot(...)`.
  let depth = 0;
  for (let j = i - 1; j >= 0 && j >= i - 16; j--) {
    const t = toks[j]?.text ?? '';
    if (t === ';' || t === '{' || t === '}') return false;
    if (t === ')') depth++;
    else if (t === '(' && depth > 0) depth--;
    else if (t === '(') {
      const callee = toks[j - 1]?.text ?? '';
      if (callee === '__pgprot') continue;
      return write ? BIT_SETTERS.has(callee) : BIT_CLEARERS.has(callee);
    }
  }
  return false;
}

/**
 * The module's own page-table walkers: functions that return what a page-table lookup (or
 * another walker) returned, such as `ptep_of(addr)` ending in `return pte_offset_kernel(...)`,
 * or returning a variable set from one. A function that merely calls one returns no entry.
 */
function pteHelpers(a: Analysis): Set<string> {
  const helpers = new Set<string>();
  const seg = a.st.segs[0];
  if (!seg) return helpers;
  // `(pte_t *)pte_offset_kernel(...)` and nothing after it: the expression is the lookup's result.
  const isLookup = (i: number): boolean => {
    let j = i;
    for (let guard = 0; guard < 8 && seg.toks[j]?.text === '('; guard++) {
      const m = seg.match[j] ?? -1;
      let cast = m > j;
      for (let k = j + 1; cast && k < m; k++)
        cast = seg.toks[k]?.type === 'id' || seg.toks[k]?.text === '*';
      j = cast ? m + 1 : j + 1;
    }
    const n = seg.toks[j]?.text ?? '';
    if (!(PTE_LOOKUPS.has(n) || helpers.has(n)) || seg.toks[j + 1]?.text !== '(') return false;
    const after = seg.toks[(seg.match[j + 1] ?? -1) + 1]?.text;
    return after === ';' || after === ')';
  };
  // Where each function returns a value: the only places a walker shows.
  const returnsAt = a.st.fns.map((f) => {
    const at: number[] = [];
    for (let i = f.bodyStart; i < f.bodyEnd; i++)
      if (seg.toks[i]?.text === 'return' && seg.toks[i + 1]?.text !== ';') at.push(i);
    return at;
  });
  for (let round = 0; round < 4; round++) {
    const before = helpers.size;
    // Per function, the names set from a lookup (`pte = lookup_address(...)`).
    const set = new Map<number, Set<string>>();
    for (const asg of a.assigns) {
      if (asg.seg !== 0 || asg.scope < 0 || !isLookup(asg.rhs[0])) continue;
      const names = set.get(asg.scope) ?? new Set<string>();
      names.add(seg.toks[asg.nameTok]?.text ?? '');
      set.set(asg.scope, names);
    }
    a.st.fns.forEach((f, fi) => {
      if (helpers.has(f.name)) return;
      for (const i of returnsAt[fi] ?? []) {
        const n = seg.toks[i + 1]?.text ?? '';
        if (isLookup(i + 1) || (set.get(fi)?.has(n) && seg.toks[i + 2]?.text === ';')) {
          helpers.add(f.name);
          return;
        }
      }
    });
    if (helpers.size === before) break;
  }
  return helpers;
}
