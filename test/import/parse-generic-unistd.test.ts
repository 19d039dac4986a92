// asm-generic/unistd.h read as the table it became: the 6.12 header (which 6.12 still ships)
// gives exactly the rows of 6.12's scripts/syscall.tbl, and older trees import through it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGenericUnistd } from '../../src/import/parse-generic-unistd.js';
import { parseTbl, type TblRow } from '../../src/import/parse-tbl.js';
import { loadSpec } from '../../src/spec/load.js';
import { abiRows, tableRows } from '../../src/spec/resolve.js';
import { referenceTbl } from '../helpers/reference.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const key = (r: TblRow) =>
  [r.nr, r.tag, r.name, r.entry ?? '-', r.compat ?? '-', r.noreturn].join(' ');
const ARCH_TAGS = ['arc', 'csky', 'nios2', 'or1k', 'riscv'];

describe('parseGenericUnistd', () => {
  it('turns the 6.12 header into exactly the asm-generic rows of scripts/syscall.tbl', () => {
    const header = readFileSync(join(referenceTbl, 'include/uapi/asm-generic/unistd.h'), 'utf8');
    const { rows, diagnostics } = parseGenericUnistd(header, 'unistd.h');
    expect(diagnostics).toEqual([]);
    const table = parseTbl(
      readFileSync(join(referenceTbl, 'scripts/syscall.tbl'), 'utf8'),
      'syscall.tbl',
    ).rows;
    expect(rows.map(key).sort()).toEqual(
      table
        .filter((r) => !ARCH_TAGS.includes(r.tag))
        .map(key)
        .sort(),
    );
    // time32/64 pairs, 32/64 pairs with their own names, and the conditional tags all appear.
    expect(rows.filter((r) => r.nr === 79).map(key)).toEqual([
      '79 stat64 fstatat64 sys_fstatat64 - false',
      '79 64 newfstatat sys_newfstatat - false',
    ]);
    expect(rows.filter((r) => r.nr === 223).map(key)).toEqual([
      '223 32 fadvise64_64 sys_fadvise64_64 compat_sys_fadvise64_64 false',
      '223 64 fadvise64 sys_fadvise64_64 - false',
    ]);
    expect(rows.find((r) => r.name === 'renameat')?.tag).toBe('renameat');
    expect(rows.find((r) => r.name === 'memfd_secret')?.tag).toBe('memfd_secret');
  });

  it("reads an architecture's own header with its tag and the arch-specific base", () => {
    const generic = parseGenericUnistd(
      readFileSync(join(referenceTbl, 'include/uapi/asm-generic/unistd.h'), 'utf8'),
      'unistd.h',
    );
    const header = readFileSync(
      join(repoRoot, 'test/fixtures/import/legacy/riscv-unistd.h'),
      'utf8',
    );
    const { rows, diagnostics } = parseGenericUnistd(header, 'riscv.h', {
      tag: 'riscv',
      known: generic.numbers,
    });
    expect(diagnostics).toEqual([]);
    expect(rows.map(key)).toEqual(['259 riscv riscv_flush_icache sys_riscv_flush_icache - false']);
  });

  it('warns about a condition it does not know, and reads its rows as common', () => {
    const { rows, diagnostics } = parseGenericUnistd(
      '#define __NR_frob 500\n#ifdef __ARCH_WANT_FROB\n__SYSCALL(__NR_frob, sys_frob)\n#endif\n',
      'u.h',
    );
    expect(diagnostics.map((d) => [d.code, d.position?.line])).toEqual([
      ['unistd-unknown-condition', 2],
    ]);
    expect(rows.map(key)).toEqual(['500 common frob sys_frob - false']);
  });
});

const linux61 = [process.env.SYSCALLTBL_LINUX61_SRC, '/usr/src/linux-source-6.1'].find(
  (d): d is string => !!d && existsSync(join(d, 'include/uapi/asm-generic/unistd.h')),
);

describe('import of a tree from before scripts/syscall.tbl', () => {
  it.skipIf(!linux61)(
    'reads arm64, riscv and the other asm-generic users from the headers (needs linux-source-6.1)',
    async () => {
      const out = join(
        await import('node:os').then((os) => os.tmpdir()),
        `syscalltbl-61-${process.pid}.yaml`,
      );
      const run = runCli(['import', '--no-manpages', '--kernel', linux61 as string, '--out', out]);
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(
        /table generic read from include\/uapi\/asm-generic\/unistd\.h, arch\/arc\/include\/uapi\/asm\/unistd\.h/,
      );
      const { spec, arches } = await loadSpec({ spec: out, cache: false });
      const rows = tableRows(spec, arches);
      const on = (abi: string, name: string) =>
        abiRows(rows, arches.abis.get(abi) as never).find((r) => r.name === name)?.nr;
      expect(on('arm64', 'openat')).toBe(56);
      expect(on('arm64', 'renameat')).toBe(38);
      expect(on('riscv64', 'riscv_flush_icache')).toBe(259);
      expect(on('riscv64', 'cachestat')).toBeUndefined(); // new in 6.5
      expect(on('riscv32', 'clock_gettime64')).toBe(403);
      expect(on('riscv32', 'clock_gettime')).toBeUndefined(); // riscv32 has no time32 calls
    },
  );
});
