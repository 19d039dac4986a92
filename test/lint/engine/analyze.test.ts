import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../src/lint/engine/analyze.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';
import { scanSource } from '../../../src/lint/scan/index.js';

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
