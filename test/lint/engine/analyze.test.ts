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
