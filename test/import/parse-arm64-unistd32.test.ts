// arm64's pre-6.11 compat header read as the syscall_32.tbl rows it became: each syscall's
// compat entry from the header, its native entry from ARM's table (or sys_ + the same suffix).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArm64Unistd32 } from '../../src/import/parse-arm64-unistd32.js';
import { parseTbl } from '../../src/import/parse-tbl.js';
import { referenceTbl } from '../helpers/reference.js';
import { repoRoot } from '../helpers/run-cli.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'import', 'legacy', 'arm64-unistd32.h');

describe('parseArm64Unistd32', () => {
  const text = readFileSync(fixture, 'utf8');

  it('reads named slots as rows, unimplemented ones included, and skips unnamed holes', () => {
    const native = new Map([
      ['sigreturn', 'sys_sigreturn_wrapper'],
      ['pread64', 'sys_pread64'],
      ['ugetrlimit', 'sys_getrlimit'],
    ]);
    const { rows, diagnostics } = parseArm64Unistd32(text, 'unistd32.h', { nativeEntries: native });
    expect(rows.map((r) => [r.nr, r.tag, r.name, r.entry, r.compat])).toEqual([
      [0, 'common', 'restart_syscall', 'sys_restart_syscall', null],
      [5, 'common', 'open', 'sys_open', 'compat_sys_open'],
      [119, 'common', 'sigreturn', 'sys_sigreturn_wrapper', 'compat_sys_sigreturn'],
      [313, 'common', 'vserver', 'sys_ni_syscall', null],
      [191, 'common', 'ugetrlimit', 'sys_getrlimit', 'compat_sys_getrlimit'],
      [180, 'common', 'pread64', 'sys_pread64', 'compat_sys_aarch32_pread64'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.position?.line])).toEqual([
      ['legacy-unknown-number', 21],
    ]);
  });

  it('without ARM table, names the native entry after the compat one', () => {
    const { rows } = parseArm64Unistd32(text, 'unistd32.h');
    expect(rows.find((r) => r.name === 'pread64')?.entry).toBe('sys_aarch32_pread64');
  });

  const linux61 = [process.env.SYSCALLTBL_LINUX61_SRC, '/usr/src/linux-source-6.1'].find(
    (d): d is string => !!d && existsSync(join(d, 'arch/arm64/include/asm/unistd32.h')),
  );
  it.skipIf(!linux61)(
    `6.1's header gives 6.12's syscall_32.tbl rows for every syscall both have, bar real changes (${linux61 ?? 'skipped: no linux-source-6.1'})`,
    () => {
      const dir = linux61 as string;
      const arm = parseTbl(readFileSync(join(dir, 'arch/arm/tools/syscall.tbl'), 'utf8'), 'a');
      const native = new Map<string, string>();
      for (const r of arm.rows)
        if (r.entry && ['common', 'eabi'].includes(r.tag) && !native.has(r.name))
          native.set(r.name, r.entry);
      const old = parseArm64Unistd32(
        readFileSync(join(dir, 'arch/arm64/include/asm/unistd32.h'), 'utf8'),
        'unistd32.h',
        { nativeEntries: native },
      );
      expect(old.diagnostics).toEqual([]);
      const now = parseTbl(
        readFileSync(join(referenceTbl, 'arch/arm64/tools/syscall_32.tbl'), 'utf8'),
        'syscall_32.tbl',
      ).rows;
      const byName = new Map(now.map((r) => [r.name, r]));
      const differing = old.rows
        .filter((r) => byName.has(r.name))
        .filter((r) => {
          const n = byName.get(r.name);
          return n?.nr !== r.nr || n.entry !== r.entry || n.compat !== r.compat;
        })
        .map((r) => r.name);
      // lookup_dcookie: removed in 6.10 (sys_ni_syscall since).
      expect(differing).toEqual(['lookup_dcookie']);
      expect(old.rows.length).toBeGreaterThan(400);
    },
  );
});
