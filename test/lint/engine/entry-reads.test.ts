// A function returns the syscall entry code only when what it returns derives from its own read
// of an entry MSR or of the IDT: naming the MSR (case labels, comparisons, lists, writes) or
// reading it without returning the value is not enough.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../src/lint/engine/analyze.js';
import { returnsEntryCode } from '../../../src/lint/engine/entry-reads.js';
import { scannerFunctions } from '../../../src/lint/engine/scanners.js';
import { buildStructure, type FnScope, type Segment } from '../../../src/lint/engine/structure.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';
import { scanSource } from '../../../src/lint/scan/index.js';

const tableNames = new Set(DEFAULT_TABLE_NAMES);

/** returnsEntryCode of the one function `code` defines. */
function returnsEntry(code: string): boolean {
  const st = buildStructure(scanSource(code));
  expect(st.fns).toHaveLength(1);
  return returnsEntryCode(st.segs[0] as Segment, st.fns[0] as FnScope);
}

/** What analyzeFile says each function of `code` returns, for those it gives a kind. */
function returnKinds(code: string): Record<string, string> {
  return { ...analyzeFile(scanSource(code), tableNames).exports.returns };
}

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'lint');

describe('returnsEntryCode: what derives from a read', () => {
  it.each([
    ['rdmsrl into a local', 'u64 f(void) { u64 x; rdmsrl(MSR_LSTAR, x); return x; }'],
    ['rdmsrq, 6.x', 'u64 f(void) { u64 x; rdmsrq(MSR_CSTAR, x); return x; }'],
    ['the value read', 'void *f(void) { return (void *)native_read_msr(MSR_LSTAR); }'],
    ['__rdmsr by number', 'u64 f(void) { return __rdmsr(0xC0000082); }'],
    [
      'a _safe read through a pointer',
      'u64 f(void) { u64 v = 0; if (rdmsrl_safe(MSR_LSTAR, &v)) return 0; return v; }',
    ],
    [
      'rdmsr halves, i386',
      'void *f(void) { u32 lo, hi; rdmsr(MSR_IA32_SYSENTER_EIP, lo, hi); return (void *)lo; }',
    ],
    [
      'asm rdmsr with the MSR in ecx',
      'u64 f(void) { u32 lo, hi; asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_LSTAR)); return ((u64)hi << 32) | lo; }',
    ],
    [
      'asm rdmsr, named operands',
      'u64 f(void) { u32 lo, hi; __asm__ __volatile__("rdmsr" : [lo] "=a"(lo), [hi] "=d"(hi) : [msr] "c"(0xc0000082)); return lo | ((u64)hi << 32); }',
    ],
    [
      'sidt, a member returned',
      'unsigned long f(void) { struct idtr idtr; asm("sidt %0" : "=m"(idtr)); return idtr.base; }',
    ],
    [
      'sidt, the memory passed as an input',
      'unsigned long f(void) { struct idtr idtr; __asm__("sidt %0" : : "m"(idtr)); return idtr.base; }',
    ],
    [
      'sidt into a global the template names',
      'unsigned long f(void) { asm("sidt idtr"); return idtr.base; }',
    ],
    [
      'sidt into bytes',
      'unsigned long f(void) { unsigned char idtr[6]; asm("sidt %0" : "=m"(idtr)); return *(unsigned long *)&idtr[2]; }',
    ],
    [
      'store_idt',
      'unsigned long f(void) { struct desc_ptr dt; store_idt(&dt); return dt.address; }',
    ],
    [
      'through a local',
      'void *f(void) { unsigned long x; void *p; rdmsrl(MSR_LSTAR, x); p = (void *)x; return p; }',
    ],
    [
      'through a declaration and a compound assignment',
      'u64 f(void) { u32 lo, hi; rdmsr(MSR_LSTAR, lo, hi); u64 v = hi; v <<= 32; v |= lo; return v; }',
    ],
    [
      'the int 0x80 gate copied out of the IDT',
      'void *f(void) { unsigned char idtr[6]; unsigned long base; struct gate d; asm("sidt %0" : "=m"(idtr)); base = *((unsigned long *)&idtr[2]); memcpy(&d, (void *)(base + 0x80 * 8), sizeof(d)); return (void *)((d.off_high << 16) + d.off_low); }',
    ],
    [
      'the int 0x80 handler decoded by the kernel helper',
      'unsigned long f(void) { struct desc_ptr dt; gate_desc *idt; store_idt(&dt); idt = (gate_desc *)dt.address; return gate_offset(&idt[0x80]); }',
    ],
    [
      'a conversion passing the value through',
      'void *f(void) { u64 x; rdmsrl(MSR_LSTAR, x); return READ_ONCE(x) ? (void *)x : NULL; }',
    ],
  ])('%s', (_, code) => {
    expect(returnsEntry(code)).toBe(true);
  });
});

describe('returnsEntryCode: what only names the MSR or the IDT', () => {
  it.each([
    [
      'a case label',
      'int f(struct msr_data *m) { switch (m->index) { case MSR_LSTAR: m->data = 1; break; default: return 1; } return 0; }',
    ],
    ['a comparison', 'int f(u32 index) { if (index == MSR_LSTAR) return 1; return 0; }'],
    [
      'an initializer',
      'int f(u32 i) { static const u32 msrs[] = { MSR_LSTAR, MSR_CSTAR }; return msrs[i]; }',
    ],
    ['a write', 'int f(u64 x) { wrmsrl(MSR_LSTAR, x); return 0; }'],
    ['a write status', 'int f(u64 x) { return wrmsrl_safe(MSR_LSTAR, x); }'],
    [
      'a read never returned',
      'int f(void) { u64 x; rdmsrl(MSR_LSTAR, x); pr_info("%llx", x); return 0; }',
    ],
    [
      'the status of a _safe read',
      'int f(void) { u64 x; int err = rdmsrl_safe(MSR_LSTAR, &x); return err; }',
    ],
    ['a read compared', 'bool f(u64 want) { u64 x; rdmsrl(MSR_LSTAR, x); return x == want; }'],
    [
      'the value passed to another call',
      'int f(void) { u64 x; rdmsrl(MSR_LSTAR, x); return check_entry(x); }',
    ],
    [
      'an emulator reading the guest MSR into its context',
      'int f(struct ctxt *ctxt) { u64 msr_data; ctxt->ops->get_msr(ctxt, MSR_LSTAR, &msr_data); ctxt->_eip = msr_data; return X86EMUL_CONTINUE; }',
    ],
    [
      'a read into the caller’s struct',
      'int f(struct ctxt *ctxt) { rdmsrl(MSR_LSTAR, ctxt->lstar); return 0; }',
    ],
    [
      'store_idt and an int status',
      'int f(struct vp *vp) { struct desc_ptr idt_ptr; int ret = 0; store_idt(&idt_ptr); vp->idtr.base = idt_ptr.address; ret = hypercall(vp); return ret; }',
    ],
    [
      'store_idt into a parameter’s member',
      'int f(struct saved *ctxt) { store_idt(&ctxt->idt); return 0; }',
    ],
    [
      'the context the IDT base went into',
      'struct vp *f(void) { struct vp *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL); struct desc_ptr dt; store_idt(&dt); ctx->idtr_base = dt.address; return ctx; }',
    ],
    ['sidt in a message', 'int f(void) { pr_info("sidt is %s\\n", "fine"); return 0; }'],
    [
      'the IDT register returned whole, a struct',
      'static inline struct desc_ptr f(void) { struct desc_ptr idt; __asm__ __volatile__("sidt %[idt]" : [idt] "=m"(idt)); return idt; }',
    ],
    [
      'sizeof the read',
      'int f(void) { struct idtr idtr; asm("sidt %0" : "=m"(idtr)); return sizeof(idtr); }',
    ],
  ])('%s', (_, code) => {
    expect(returnsEntry(code)).toBe(false);
  });
});

describe('scannerFunctions', () => {
  function scanners(code: string): Array<[string, string]> {
    const st = buildStructure(scanSource(code));
    return scannerFunctions(st.segs[0] as Segment, st.fns, tableNames).map(([fi, k]) => [
      (st.fns[fi] as FnScope).name,
      k,
    ]);
  }

  it('takes a function that searches for the dispatch bytes for one returning the table', () => {
    const code =
      'void **f(void) { unsigned char *p; u64 x; int i; rdmsrl(MSR_LSTAR, x); p = (void *)x; for (i = 0; i < 512; i++) if (p[i] == 0xff && p[i + 1] == 0x14 && p[i + 2] == 0xc5) return (void **)(p + i + 3); return NULL; }';
    expect(scanners(code)).toEqual([['f', 'table']]);
  });

  it('takes a reader returning the read for one returning the entry code, not one naming it', () => {
    const code =
      'u64 lstar(void) { u64 x; rdmsrl(MSR_LSTAR, x); return x; }\n' +
      'int get_msr(struct msr_data *m) { switch (m->index) { case MSR_LSTAR: m->data = 0; return 0; } return 1; }';
    expect(scanners(code)).toEqual([['lstar', 'entry']]);
  });
});

describe('the analysis', () => {
  it('carries a reader’s result through its callers in the file', () => {
    const code =
      'static u64 lstar(void) { u64 x; rdmsrl(MSR_LSTAR, x); return x; }\n' +
      'void *entry_code(void) { void *p = (void *)lstar(); return p; }';
    expect(returnKinds(code)).toEqual({ lstar: 'entry', entry_code: 'entry' });
  });

  it('exports the entry-code wrappers of the cross-file fixture', () => {
    const kinds = (f: string) =>
      returnKinds(readFileSync(join(fixtures, 'cross-file-entry', f), 'latin1'));
    expect(kinds('entry_msr.c')).toEqual({
      lstar_entry: 'entry',
      lstar_entry_native: 'entry',
      sysenter_entry: 'entry',
    });
    expect(kinds('entry_idt.c')).toEqual({ idt_base: 'entry', idt_base_kernel: 'entry' });
  });

  it('exports nothing from the traps', () => {
    for (const f of ['clean/entry_msr_traps.c', 'techniques/store_idt_context.c'])
      expect(returnKinds(readFileSync(join(fixtures, f), 'latin1'))).toEqual({});
  });
});
