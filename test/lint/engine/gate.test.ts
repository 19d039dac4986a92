// The gate may only drop files whose full analysis yields nothing: no finding, no suppression
// comment, no table touched, nothing another file could use. Checked on every fixture, on
// snippets for each way a kind or a kind-free finding arises, and on mutations of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_KINDS as SHARED } from '../../../src/lint/engine/cross-file.js';
import type { Kind } from '../../../src/lint/engine/facts.js';
import { createGate } from '../../../src/lint/engine/gate.js';
import { lintSource } from '../../../src/lint/engine/lint-source.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';
import { scanSource } from '../../../src/lint/scan/index.js';
import { fixtureSources, insertions, mutations } from '../helpers.js';

const gate = createGate([...DEFAULT_TABLE_NAMES]);

/**
 * What the engine keeps from a file's analysis, empty when the gate may drop it. A file left
 * out of the first pass for its lookups (`exports`, `lookups`) may yield those alone: lookup
 * functions other files may call (kind `lookup`, wrappers).
 */
function yields(text: string, lookups = false): string[] {
  const r = lintSource(text, 'x.c', { tableNames: new Set(DEFAULT_TABLE_NAMES), levels: {} });
  const out = r.findings.map((f) => `${f.ruleId}:${f.line}`);
  if (r.directives.length > 0) out.push('directive');
  if (r.touchesTable) out.push('touches');
  const e = r.exports;
  const kept = (k: Kind): boolean => SHARED.has(k) && !(lookups && k === 'lookup');
  for (const part of [e.globals, e.fields, e.macros, e.returns])
    for (const [n, k] of Object.entries(part)) if (kept(k)) out.push(`export:${n}`);
  for (const [fn, ps] of Object.entries(e.params))
    for (const k of Object.values(ps)) if (kept(k)) out.push(`param:${fn}`);
  if (!lookups) for (const n of Object.keys(e.wrappers)) out.push(`wrapper:${n}`);
  return out;
}

/** What a file left out for its lookups must not yield: anything but those lookups. */
function ownYield(text: string): string[] {
  return yields(text, true);
}

function leftOut(text: string): boolean {
  return gate.byBytes(Buffer.from(text, 'latin1')) === 'exports';
}

function passes(text: string): boolean {
  const bytes = Buffer.from(text, 'latin1');
  return gate.needsAnalysis(bytes, () => scanSource(text));
}

const SNIPPETS = [
  'void f(void) { if (!strcmp(name, "sys_" "call_table")) t = addr; }',
  'void f(void) { if (!strcmp(name, "\\x73ys_call_table")) t = addr; }',
  'void f(void) { if (!strcmp(name, "sys_call\\\n_table")) t = addr; }',
  'static struct kprobe kp = { .symbol_name = "sys_call" "_table" };',
  'static struct kprobe kp = { .symbol_name = "\\153allsyms_lookup_name" };\nvoid f(void) { fn = (void *)kp.addr; t = fn("sys_call_table"); }',
  'char *entry = "system_" "call";',
  '#define NAME "sys_call_t" \\\n "able"\nvoid f(void) { if (!strcmp(s, NAME)) x = 1; }',
  'void f(void) { asm volatile("movq %0, %%c" "r0" :: "r"(v)); }',
  'void f(void) { asm volatile("mov %0, %%cr0" :: "r"(v)); }',
  'void f(void) { asm("m" "cr p15, 0, %0, c3, c0" :: "r"(d)); }',
  'void f(void) { asm("rdmsr" : "=a"(lo), "=d"(hi) : "c"(0xc0000082)); }',
  'unsigned char pat[] = { 255, 20, 197 };',
  "unsigned char pat[] = { '\\xff', '\\024', '\\305' };",
  'void *f(void) { unsigned char *p = entry; if (p[0] == 0xff && p[1] == 0x14 && p[2] == 0xc5) return p; return 0; }',
  'void *f(void) { unsigned long *p = (unsigned long *)4294901768; return p; }',
  'void f(void) { if (p[__NR_close] == (unsigned long)sys_close) t = p; }',
  'static unsigned long addr;\nmodule_param(addr, ulong, 0);\nvoid f(void) { ((void **)addr)[__NR_read] = h; }',
  'void f(void) { ((void **)0xffffffff81801400)[__NR_read] = h; }',
  'void f(void) { rdmsrl(MSR_LSTAR, e); }',
  'void f(void) { wrmsrl(0x176, e); }',
  'unsigned long f(void) { unsigned long e; rdmsrl(msr_lstar, e); return e; }',
  'void f(void) { write_cr0(read_cr0() & ~X86_CR0_WP); }',
  'void f(void) { unsigned long c = read_cr0(); clear_bit(16, &c); write_cr0(c); }',
  'void f(void) { set_domain(DOMAIN_MANAGER); }',
  'void f(unsigned long a) { pte_t *p = lookup_address(a, &l); p->pte |= _PAGE_RW; }',
  'void f(void) { set_memory_rw((unsigned long)_stext, 1); }',
  'void f(void) { struct desc_ptr d; store_idt(&d); }',
  'void f(void) { asm("sidt %0" : "=m"(idt)); }',
  'void *f(void) { return (void *)kallsyms_lookup_name("system_call"); }',
  '/* syscalltbl-lint-disable-next-line table-write -- test */\nint x;',
  'void f(void) { int n = __NR_read; if (n == 3) g(); }',
  'int x = kallsyms_on_each_symbol(cb, NULL); /* kallsyms */',
  'static int __NR_x; void f(void) { x = 0xffffff; }',
  'void f(void) { unsigned long c = read_cr0(); c ^= X86_CR0_WP; write_cr0(c); }',
  'void f(void) { write_cr0(read_cr0() & ~(1UL << 16)); }',
  'void f(void) { write_cr0(read_cr0() & ~BIT(16)); }',
  'void f(void) { unsigned long c = read_cr0(); __clear_bit(X86_CR0_WP_BIT, &c); write_cr0(c); }',
  'void f(void) { native_write_cr0(read_cr0() & 0xfffeffffUL); }',
  'void f(void) { if (sys_close == (void *)p[__NR_close]) t = p; }',
  'void f(void) { if ((unsigned long)p[__NR_close] != (unsigned long)__x64_sys_close) return; t = p; }',
  'void *f(unsigned long *p) { for (;; p++) if (p[__NR_close] == (unsigned long)ksys_close) return p; }',
  'void f(unsigned long a) { pte_t *p = lookup_address(a, &l); set_pte(p, pte_mkwrite(*p)); }',
  'void f(unsigned long a) { pmd_t *p = pmd_off_k(a); pmd_val(*p) &= ~PMD_SECT_APX; }',
  'void f(unsigned long a) { pte_t *p = virt_to_kpte(a); *p = __pte(pte_val(*p) | _PAGE_RW); }',
  '#define GET(x) ((void **)x)[__NR_read]\nstatic unsigned long t;\nmodule_param(t, ulong, 0);\nvoid f(void) { GET(t) = h; }',
  'void f(void) { if (!strcmp(name, "sys_" /* split */ "call_table")) t = addr; }',
  'void f(void) { if (!strcmp(name, "sys_"\n#ifdef X\n"call_table"\n#endif\n)) t = addr; }',
  'void f(void) { if (!strcmp(name, "sys_"\x01"call_table")) t = addr; }',
  'void f(void) { ((void **)0XC0801400UL)[__NR_read] = h; }',
  'void f(void) { asm("sidt %0" : "=m"(d)); }\nint sidtab;',
  // Broken input the gate once dropped though the analysis reports it (found by inserting
  // structure): a control character the tokenizer skips after `asm`; a dispatch byte where an
  // offset would be (dispatchStep moves on at it); a lookup in what the structure takes for a
  // function's header, which is the function's scope.
  'void f(void) { asm\x01 volatile("mov %0, %%cr0" :: "r"(v)); }',
  'void *f(void) { unsigned char *p = entry; if (p[0] == 0xff && p[1] == [0x14 && p[2] == 0xc5) return p; return 0; }',
  'pte_t (*walk(unsigne#d long a) { return lookup_address(a, ?&l); }\nvoid g(pte)_t *p) {; set_pte(p, pte_mkwrite(*p)); }',
];

/**
 * Entry MSRs named without being read (KVM's MSR lists and switches, msr-index.h): the gate
 * drops them; reads, writes and functions returning what they read must reach the analysis.
 */
const MSR_SNIPPETS = [
  'static const u32 msrs[] = { MSR_LSTAR, MSR_CSTAR, MSR_IA32_SYSENTER_EIP };\nvoid g(u64 *v) { rdmsrl(MSR_EFER, *v); }',
  'int f(u32 msr, u64 *v) { switch (msr) { case MSR_LSTAR: case MSR_CSTAR: rdmsrl(msr, *v); return 1; } return 0; }',
  '#define MSR_LSTAR 0xc0000082\n#define MSR_CSTAR 0xc0000083',
  'void f(void) { pr_info("unhandled rdmsr: %x", MSR_LSTAR); }',
  // Read through a local: the analysis takes only an entry MSR spelt in the read for one.
  'u64 f(void) { u32 m = MSR_LSTAR; u64 v; rdmsrl(m, v); return v; }',
  'u64 f(void) { u64 v; rdmsrl(MSR_LSTAR, v); return v; }',
  'u64 f(void) { return native_read_msr(MSR_LSTAR); }',
  'void f(void) { wrmsrl(MSR_LSTAR, (unsigned long)my_entry); }',
  'void f(void) { wrmsrl(0x176, (unsigned long)my_entry); }',
  '#define READ_LSTAR(v) rdmsrl(MSR_LSTAR, v)',
  'void f(void) { u32 lo, hi; asm volatile(ALTERNATIVE("", "rdmsr", 0) : "=a"(lo), "=d"(hi) : "c"(MSR_LSTAR)); }',
  'unsigned long f(void) { unsigned long e; rdmsrl(msr_lstar, e); return e; }',
  'void *f(void) { u32 lo, hi; asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_LSTAR)); return (void *)(((u64)hi << 32) | lo); }',
];

/**
 * Page-attribute calls: reported by what they are given. The first ones the gate drops; the
 * rest name kernel memory (a section, a function of the file, a candidate address) or always
 * report.
 */
const ATTR_SNIPPETS = [
  'int f(unsigned long addr, int n) { return set_memory_rw(addr, n); }',
  'int set_memory_rw(unsigned long addr, int numpages);\nint set_memory_x(unsigned long addr, int numpages);',
  'void f(struct module_layout *l) { set_memory_x((unsigned long)l->base, l->size >> PAGE_SHIFT); }',
  'void f(void) { set_memory_rw((unsigned long)_stext, 1); }',
  'void f(void) { change_page_attr(virt_to_page(__start_rodata), 1, PAGE_KERNEL); }',
  'static int helper(void) { return 0; }\nvoid f(void) { set_memory_rw((unsigned long)helper & PAGE_MASK, 1); }',
  'static unsigned long addr;\nmodule_param(addr, ulong, 0);\nvoid f(void) { set_memory_rw(addr, 1); }',
  'void f(void) { set_memory_rw((unsigned long)(void *)0xffffffff81000000UL, 1); }',
  '#define KADDR ((void *)0xffffffff81000000UL)\nvoid f(void) { set_memory_rw((unsigned long)KADDR, 1); }',
  'void f(void) { set_kernel_text_rw(); }',
  'void f(unsigned long a) { update_mapping_prot(0, a, 4096, PAGE_KERNEL); }',
];

/** CR0 writers: wp-disable looks at calls with one argument (KVM's take the vCPU first). */
const CR0_SNIPPETS = [
  'void f(struct kvm_vcpu *v, unsigned long cr0) { kvm_set_cr0(v, cr0 & ~X86_CR0_WP); }',
  'void f(void) { unsigned long c = read_cr0(); c &= ~X86_CR0_WP; vmx_set_cr0(vcpu, c); }',
  'void f(void) { write_cr0(read_cr0() & ~X86_CR0_WP); }',
  'void f(void) { unsigned long c = read_cr0(); c &= ~X86_CR0_WP; write_cr0(c); }',
  'void f(void) { native_write_cr0((read_cr0()) & ~(X86_CR0_WP)); }',
];

/**
 * Page-table entries: a lookup and a writable bit must meet in one function, as protection.ts
 * reports them (the module's own walkers count as lookups). The first ones the gate drops.
 */
const PTE_SNIPPETS = [
  'pte_t *walk(unsigned long a) { return lookup_address(a, &l); }\nvoid g(pte_t *p) { set_pte(p, pte_mkwrite(*p)); }',
  'static inline pte_t pte_mkwrite_novma(pte_t pte) { return set_pte_bit(pte, __pgprot(PTE_WRITE)); }\nstatic inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr) { return (pte_t *)pmd_page_vaddr(*pmd) + pte_index(addr); }',
  '#define MKRW(p) set_pte(p, pte_mkwrite(*p))\nvoid f(unsigned long a) { unsigned int l; pte_t *p = lookup_address(a, &l); MKRW(p); }',
  // A function of the file that is no page walker (it returns no lookup's result).
  'static void look(unsigned long a) { unsigned int l; lookup_address(a, &l); }\nvoid f(unsigned long a, pte_t *p) { look(a); set_pte(p, pte_mkwrite(*p)); }',
  // Walking the tables for an address of no known kind: not kernel memory to the analysis.
  'void f(unsigned long a) { pmd_t *p = pmd_off_k(a); pmd_val(*p) &= ~PMD_SECT_APX; }',
  'void f(unsigned long a) { pte_t *p = pte_offset_kernel(pmd_off_k(a), a); set_pte(p, pte_mkwrite(*p)); }',
  'static pte_t *walk(unsigned long a) { unsigned int l; return lookup_address(a, &l); }\nvoid g(unsigned long a) { pte_t *p = walk(a); set_pte(p, pte_mkwrite(*p)); }',
  'void f(unsigned long a) { unsigned int l; pte_t *p = lookup_address(a, &l); p->pte |= _PAGE_RW; }',
  'void f(void) { pmd_t *p = pmd_off_k((unsigned long)_stext); pmd_val(*p) &= ~PMD_SECT_APX; }',
  'static unsigned long addr;\nmodule_param(addr, ulong, 0);\nvoid f(void) { pte_t *p = pte_offset_kernel(pmd_off_k(addr), addr); set_pte(p, pte_mkwrite(*p)); }',
];

/** Each refined condition's snippets: the first `dropped` the gate drops, the rest it keeps. */
const REFINED = [
  { what: 'entry MSRs named but not read', snippets: MSR_SNIPPETS, dropped: 5 },
  { what: 'page-attribute calls given no kernel memory', snippets: ATTR_SNIPPETS, dropped: 3 },
  { what: 'CR0 writers not called with one argument', snippets: CR0_SNIPPETS, dropped: 2 },
  {
    what: 'page-table lookups and writable bits in different functions',
    snippets: PTE_SNIPPETS,
    dropped: 6,
  },
];

/** Lookups: files left out for them alone, and what must keep a file with one in the pass. */
const LOOKUP_SNIPPETS = [
  'unsigned long find(const char *n) { return kallsyms_lookup_name(n); }',
  'void *get(const char *n) { return __symbol_get(n); }',
  'static unsigned long p; void f(void) { p = kallsyms_lookup_name("text_poke"); }',
  'void f(unsigned long *t) { unsigned long c = kallsyms_lookup_name(n); if (t[__NR_close] == c) g = t; }',
  'typedef int (*attr_fn)(unsigned long, int); static attr_fn p; void f(void) { p = (attr_fn)kallsyms_lookup_name("set_memory" "_rw"); p((unsigned long)_stext, 1); }',
  'typedef int (*attr_fn)(unsigned long, int); static attr_fn p; void f(void) { unsigned long a; p = (attr_fn)kallsyms_lookup_name("set_memory_r\\x77"); a = kallsyms_lookup_name("text_poke"); p(a, 1); }',
  'void f(void) { unsigned char *p = (void *)kallsyms_lookup_name("__x64_s" "ys_close"); p[0] = 0xe9; }',
  'void f(void) { unsigned char *p = (void *)kallsyms_lookup_name("\\x73ys_close"); *p = 0; }',
  'void f(void) { unsigned char *p = (void *)kallsyms_lookup_name("sys_" /* x */ "close"); *p = 0; }',
  'void f(void) { unsigned char *p = (void *)kallsyms_lookup_name("sys_"\n#ifdef X\n"close"\n#endif\n); *p = 0; }',
  'void f(void) { unsigned long a = kallsyms_lookup_name("text_poke"); set_memory_rw(a, 1); }',
  'void f(void) { unsigned long a = kallsyms_lookup_name("text_poke"); pte_t *p = lookup_address(a, &l); p->pte |= _PAGE_RW; }',
  'void f(void) { unsigned long a = kallsyms_lookup_name("text_poke"); write_cr0(read_cr0() & ~X86_CR0_WP); }',
  'void **f(void) { return (void **)kallsyms_lookup_name("sys_call_" "table"); }',
  'void *f(void) { return (void *)module_kallsyms_lookup_name("entry_SYSCALL_64"); }',
  '/* syscalltbl-lint-disable-next-line table-lookup -- x */\nunsigned long f(const char *n) { return kallsyms_lookup_name(n); }',
];

describe('gate', () => {
  const fixtures = fixtureSources();

  it.each(fixtures.map((f) => [f.split('/fixtures/')[1], f]))(
    'drops %s only if its analysis yields nothing',
    (_, file) => {
      const text = readFileSync(file as string, 'latin1');
      if (!passes(text)) expect(yields(text)).toEqual([]);
    },
  );

  it('passes every technique fixture', () => {
    for (const f of fixtures.filter((x) => x.includes('/techniques/')))
      expect(passes(readFileSync(f, 'latin1'))).toBe(true);
  });

  it.each(SNIPPETS.map((s) => [s]))('drops %s only if its analysis yields nothing', (s) => {
    if (yields(s).length > 0) expect(passes(s)).toBe(true);
  });

  it.each(LOOKUP_SNIPPETS.map((s) => [s]))('leaves %s out only if it yields only lookups', (s) => {
    if (leftOut(s)) expect(ownYield(s)).toEqual([]);
    else expect(passes(s)).toBe(true);
  });

  it('leaves out files with lookups alone, and keeps fixtures that need the pass', () => {
    expect(LOOKUP_SNIPPETS.slice(0, 3).every(leftOut)).toBe(true);
    expect(LOOKUP_SNIPPETS.slice(3).some(leftOut)).toBe(false);
    expect(
      leftOut(
        readFileSync(
          fixtures.find((f) => f.endsWith('cross-file-wrapper/lookup.c')) as string,
          'latin1',
        ),
      ),
    ).toBe(true);
    for (const f of fixtures)
      if (leftOut(readFileSync(f, 'latin1')))
        expect(ownYield(readFileSync(f, 'latin1'))).toEqual([]);
  });

  it.each(REFINED.map((g) => [g.what, g] as const))(
    'drops %s, keeps the rest, and drops nothing whose analysis yields',
    (_, g) => {
      expect(g.snippets.slice(0, g.dropped).some(passes)).toBe(false);
      expect(g.snippets.slice(g.dropped).every(passes)).toBe(true);
      for (const s of g.snippets)
        for (const m of [s, ...mutations(s, 60)])
          if (!passes(m)) expect([m, yields(m)]).toEqual([m, []]);
    },
  );

  it('checks only slot compares where the bytes leave only those open, as the full check would', () => {
    const texts = [
      ...fixtures.map((f) => readFileSync(f, 'latin1')),
      ...SNIPPETS.flatMap((x) => [x, ...mutations(x, 40)]),
    ];
    let slotsOnly = 0;
    for (const t of texts) {
      if (gate.byBytes(Buffer.from(t, 'latin1')) !== 'slots') continue;
      slotsOnly++;
      const scanned = scanSource(t);
      expect([t, gate.byTokens(scanned, true)]).toEqual([t, gate.byTokens(scanned)]);
    }
    expect(slotsOnly).toBeGreaterThan(20);
  });

  it('holds for mutated lookup snippets', () => {
    for (const s of LOOKUP_SNIPPETS)
      for (const m of mutations(s, 60)) if (leftOut(m)) expect([m, ownYield(m)]).toEqual([m, []]);
  });

  it('holds for mutated snippets', () => {
    for (const s of SNIPPETS)
      for (const m of mutations(s, 40)) if (!passes(m)) expect([m, yields(m)]).toEqual([m, []]);
  });

  it('holds for snippets and fixtures with brackets, quotes, comments and directives inserted', () => {
    const snippets = [...SNIPPETS, ...REFINED.flatMap((g) => g.snippets)];
    const texts = [
      ...snippets.flatMap((s) => [...insertions(s, 150, 1), ...insertions(s, 150, 3)]),
      ...fixtureSources().flatMap((f) => insertions(readFileSync(f, 'latin1'), 12, 4)),
    ];
    let dropped = 0;
    for (const t of texts) {
      if (leftOut(t) || passes(t)) continue;
      dropped++;
      expect([t, yields(t)]).toEqual([t, []]);
    }
    expect(dropped).toBeGreaterThan(5000);
  });
});
