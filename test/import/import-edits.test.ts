// Import on tables it has never seen: a maintainer's edits come through faithfully. Each edit is
// applied to a copy of the reference tables; the imported spec must hold exactly the edited rows.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchSet } from '../../src/arch/load.js';
import { parseTbl } from '../../src/import/parse-tbl.js';
import { loadSpec } from '../../src/spec/load.js';
import type { TableRow } from '../../src/spec/model.js';
import { tableRows } from '../../src/spec/resolve.js';
import { referenceTbl } from '../helpers/reference.js';
import { runCli } from '../helpers/run-cli.js';

type Edit = { file: string; apply: (text: string) => string };

const edits: Record<string, Edit[]> = {
  'a new syscall at the end, on x86-64 and i386': [
    {
      file: 'arch/x86/entry/syscalls/syscall_64.tbl',
      apply: (t) => t.replace(/^(462\s.*)$/m, '$1\n463\tcommon\tfrobnicate\t\tsys_frobnicate'),
    },
    {
      file: 'arch/x86/entry/syscalls/syscall_32.tbl',
      apply: (t) => `${t}463\ti386\tfrobnicate\t\tsys_frobnicate\t\tcompat_sys_frobnicate\n`,
    },
  ],
  'a removal leaving a hole': [
    {
      file: 'arch/x86/entry/syscalls/syscall_64.tbl',
      apply: (t) => t.replace(/^39\tcommon\tgetpid\t+sys_getpid\n/m, ''),
    },
  ],
  'a renamed entry point': [
    {
      file: 'arch/arm/tools/syscall.tbl',
      apply: (t) => t.replace(/\bsys_openat2\b/, 'sys_openat2_v2'),
    },
  ],
  'a new compat entry': [
    {
      file: 'arch/powerpc/kernel/syscalls/syscall.tbl',
      apply: (t) => t.replace(/^(3\tcommon\tread\t+sys_read)$/m, '$1\t\t\tcompat_sys_read'),
    },
  ],
  'ABI-only rows': [
    {
      file: 'arch/x86/entry/syscalls/syscall_64.tbl',
      apply: (t) =>
        t.replace(
          /^(335\tcommon\turetprobe\t+sys_uretprobe)$/m,
          '$1\n336\tx32\tx32_only\t\tcompat_sys_x32_only\n387\t64\tsixty_four_only\t\tsys_sixty_four_only',
        ),
    },
    {
      file: 'arch/powerpc/kernel/syscalls/syscall.tbl',
      apply: (t) =>
        `${t}463\tspu\tspu_only\t\t\tsys_spu_only\n463\tnospu\tnospu_only\t\t\tsys_nospu_only\n`,
    },
    {
      file: 'arch/s390/kernel/syscalls/syscall.tbl',
      apply: (t) =>
        `${t}463  32\tthirty_one\t\t-\t\t\tcompat_sys_thirty_one\n463  64\tsixty_four\t\tsys_sixty_four\t\t-\n`,
    },
    {
      file: 'scripts/syscall.tbl',
      apply: (t) =>
        `${t}463\ttime32\tclock_thing\t\t\tsys_clock_thing_time32\n463\t64\tclock_thing\t\t\tsys_clock_thing\n`,
    },
  ],
};

const rowKey = (r: Pick<TableRow, 'nr' | 'tag' | 'name' | 'entry' | 'compat' | 'noreturn'>) =>
  [r.nr, r.tag, r.name, r.entry ?? '-', r.compat ?? '-', r.noreturn].join(' ');

describe('import of edited tables', () => {
  const arches = loadArchSet();
  for (const [what, list] of Object.entries(edits)) {
    it(what, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-edit-'));
      cpSync(referenceTbl, dir, { recursive: true });
      writeFileSync(join(dir, 'Makefile'), 'VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 117\n');
      for (const e of list) {
        const path = join(dir, e.file);
        const before = readFileSync(path, 'utf8');
        const after = e.apply(before);
        expect(after, `edit of ${e.file} applies`).not.toBe(before);
        writeFileSync(path, after);
      }
      const out = join(dir, 'spec.yaml');
      const run = runCli(['import', '--no-manpages', '--kernel', dir, '--out', out]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const { spec } = await loadSpec({ spec: out, cache: false });
      const rows = tableRows(spec, arches);
      for (const e of list) {
        const table = [...arches.tables.values()].find((t) => t.path === e.file);
        if (!table) throw new Error(e.file);
        const expected = parseTbl(readFileSync(join(dir, e.file), 'utf8'), e.file)
          .rows.map(rowKey)
          .sort();
        expect((rows.get(table.id) ?? []).map(rowKey).sort()).toEqual(expected);
      }
    });
  }

  it('refuses a table the kernel scripts would refuse (unsorted), at the offending line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-edit-'));
    cpSync(referenceTbl, dir, { recursive: true });
    const path = join(dir, 'arch/x86/entry/syscalls/syscall_64.tbl');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(/^(1\tcommon\twrite.*)\n(2\tcommon\topen.*)$/m, '$2\n$1'),
    );
    const run = runCli([
      'import',
      '--no-manpages',
      '--kernel',
      dir,
      '--out',
      join(dir, 'spec.yaml'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /syscall_64\.tbl:14:1: error\[tbl-not-sorted\]: syscall table is not sorted/,
    );
  });
});
