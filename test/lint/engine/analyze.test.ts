import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../src/lint/engine/analyze.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';
import { scanSource } from '../../../src/lint/scan/index.js';
import { lintC } from '../helpers.js';

function censusOf(code: string) {
  return analyzeFile(scanSource(code), new Set(DEFAULT_TABLE_NAMES)).census;
}

describe('token census', () => {
  it('finds a table name among identifiers, also in a directive, not in comments or strings', () => {
    expect(censusOf('extern void *sys_call_table[];').tableName).toBe(true);
    expect(censusOf('#if defined(ia32_sys_call_table)\n#endif').tableName).toBe(true);
    expect(censusOf('/* sys_call_table */ const char *s = "sys_call_table";').tableName).toBe(
      false,
    );
    expect(censusOf('int sys_call_table_size;').tableName).toBe(false);
  });

  it('finds syscall numbers and every spelling of asm only as identifiers', () => {
    expect(censusOf('int x = t[__NR_read];').nrName).toBe(true);
    expect(censusOf('/* __NR_read */ int x;').nrName).toBe(false);
    for (const kw of ['asm', '__asm__', '__asm'])
      expect(censusOf(`void f(void) { ${kw}("nop"); }`).asm).toBe(true);
    expect(censusOf('/* asm */ int plasma;').asm).toBe(false);
  });

  it('counts asm and syscall numbers in code and macro bodies, not in other directives', () => {
    expect(censusOf('#include <asm/unistd.h>\nint x;').asm).toBe(false);
    expect(censusOf('#ifdef __NR_read\n#endif').nrName).toBe(false);
    expect(censusOf('#define BARRIER() asm volatile("" ::: "memory")').asm).toBe(true);
    expect(censusOf('#define NR __NR_read').nrName).toBe(true);
  });

  it('tells syscall numbers used as an index from others', () => {
    expect(censusOf('int f(int nr) { return nr == __NR_read; }').nrIndex).toBe(false);
    expect(censusOf('int f(int nr) { return nr == __NR_read; }').nrName).toBe(true);
    expect(censusOf('void *x = t[__NR_read];').nrIndex).toBe(true);
    // In the code segment the directive is gone: `[` comes right before the name.
    expect(censusOf('void *x = t[\n#ifdef X\n__NR_read\n#endif\n];').nrIndex).toBe(true);
  });

  it('notes the tokens that can make a function a scanner', () => {
    expect(censusOf('u32 f(u32 x) { return x & 0xffffffffUL; }').scanSign).toBe(false);
    expect(censusOf('int f(int x) { return x & 0xff; }').scanSign).toBe(false);
    expect(
      censusOf('int f(unsigned char *p) { return p[0] == 0xff && p[1] == 0x14 && p[2] == 0x85; }')
        .scanSign,
    ).toBe(true);
    expect(censusOf('u64 f(void) { return native_read_msr(msr_lstar); }').scanSign).toBe(true);
    expect(censusOf('void *f(void) { return (void *)0xFFFF0008UL; }').scanSign).toBe(true);
    expect(censusOf('void f(void *d) { store_idt(d); }').scanSign).toBe(true);
    expect(censusOf('void f(void) { asm("sidt %0" : "=m"(x)); }').scanSign).toBe(true);
    expect(censusOf('const char *s = "\\xff\\x14\\xc5";').scanSign).toBe(true);
  });

  it('finds symbol files named in string literals only', () => {
    expect(censusOf('const char *p = "/proc/kallsyms";').symbolFile).toBe(true);
    expect(censusOf('const char *p = "/boot/System.map-6.12";').symbolFile).toBe(true);
    expect(censusOf('/* reads /proc/kallsyms */ int x;').symbolFile).toBe(false);
  });
});

describe('names given a kind during the fixpoint', () => {
  it('follows a lookup wrapper and a macro found in one round into the next', () => {
    const code = [
      'static unsigned long find(const char *n) { return kallsyms_lookup_name(n); }',
      'static void store(const char *n, unsigned long *out) { *out = kallsyms_lookup_name(n); }',
      '#define TABLE_NAME "sys_call_table"',
      'static void **t;',
      'static int init(void) {',
      '  unsigned long a;',
      '  t = (void **)find(TABLE_NAME);',
      '  t[__NR_read] = 0;',
      '  store(TABLE_NAME, &a);',
      '  return 0;',
      '}',
    ].join('\n');
    const found = lintC(code).map((f) => `${f.ruleId}:${f.messageId}:${f.line}`);
    expect(found).toContain('table-lookup:lookupCall:7');
    expect(found).toContain('table-write:slotWrite:8');
    // A wrapper that returns nothing: known as one only by the wrapper round.
    expect(found).toContain('table-lookup:lookupCall:9');
  });
});

describe('calls by callee', () => {
  const analysisOf = (code: string) => analyzeFile(scanSource(code), new Set(DEFAULT_TABLE_NAMES));
  const callees = (a: ReturnType<typeof analysisOf>, calls: ReturnType<typeof a.callsTo>) =>
    calls.map((c) => a.st.segs[c.seg]?.toks[c.callee]?.text);

  it('gives the calls of the names that pass, in source order, asking once per name', () => {
    const a = analysisOf(
      'void f(void) { a(1); b(2); a(3); c(4); }\n#define M(x) b(x)\nvoid g(void) { c(5); b(6); }',
    );
    const asked: string[] = [];
    const calls = a.callsTo((n) => {
      asked.push(n);
      return n === 'b' || n === 'c';
    });
    expect(callees(a, calls)).toEqual(['b', 'c', 'c', 'b', 'b']);
    expect(calls).toEqual(a.calls.filter((c) => calls.includes(c)));
    expect(asked.sort()).toEqual(['a', 'b', 'c']);
    expect(a.callsTo((n) => n === 'a').map((c) => c.args)).toEqual([[[8, 9]], [[18, 19]]]);
    expect(a.callsTo(() => false)).toEqual([]);
  });

  it('knows the names that may have a kind: lookup functions, table names, wrappers found', () => {
    const a = analysisOf(
      'static unsigned long find(const char *n) { return kallsyms_lookup_name(n); }\nint x;',
    );
    expect(a.mayHaveKind('kallsyms_lookup_name')).toBe(true);
    expect(a.mayHaveKind('sys_call_table')).toBe(true);
    expect(a.mayHaveKind('find')).toBe(true);
    expect(a.mayHaveKind('x')).toBe(false);
  });
});
