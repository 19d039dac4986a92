// applyStubs: a pure spec -> spec transform pointing each module stub's placeholder rows at
// its generated entry points, by what each table's compat column means.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArchSet } from '../../src/arch/model.js';
import { applyStubs } from '../../src/emit/apply-stubs.js';
import { loadSpec } from '../../src/spec/load.js';
import type { Spec, TableRow } from '../../src/spec/model.js';
import { repoRoot } from '../helpers/run-cli.js';

let spec: Spec;
let arches: ArchSet;
let stubbed: Spec;

beforeAll(async () => {
  ({ spec, arches } = await loadSpec({ cwd: repoRoot }));
  stubbed = applyStubs(spec, arches);
});

function row(s: Spec, name: string, table: string): TableRow | undefined {
  return s.syscalls.find((c) => c.name === name)?.rows.find((r) => r.table === table);
}

describe('applyStubs on the bundled spec', () => {
  it.each([
    // table with a compat column, stub with a compat entry
    ['getpmsg', 'x86/32', 'sys_getpmsg', 'compat_sys_getpmsg'],
    // no compat column (x86-64 dispatches native entries only)
    ['tuxcall', 'x86/64', 'sys_tuxcall', null],
    // s390: the compat column is the 31-bit entry
    ['afs_syscall', 's390', 'sys_afs_syscall', 'compat_sys_afs_syscall'],
    // ARM's fifth column is the OABI entry: no compat_sys_* on a 32-bit kernel
    ['vserver', 'arm', 'sys_vserver', null],
    // sparc's own placeholder sys_nis_syscall is replaced too
    ['vserver', 'sparc', 'sys_vserver', 'compat_sys_vserver'],
    ['nfsservctl', 'generic', 'sys_nfsservctl', 'compat_sys_nfsservctl'],
  ])('%s on %s -> %s, %s', (name, table, entry, compat) => {
    const before = row(spec, name, table);
    const after = row(stubbed, name, table);
    expect(
      before?.entry === null ||
        before?.entry?.startsWith('sys_ni') ||
        before?.entry === 'sys_nis_syscall',
    ).toBe(true);
    expect(after).toEqual({ ...before, entry, compat });
  });

  it('marks stubs as no longer reserved, and leaves every other syscall as it was', () => {
    for (const [i, s] of stubbed.syscalls.entries()) {
      const original = spec.syscalls[i];
      if (!original?.stub) expect(s).toBe(original);
      else expect(s.reserved).toBe(false);
    }
  });

  it('does not touch the input spec', () => {
    expect(row(spec, 'getpmsg', 'x86/32')?.entry).toBeNull();
  });

  it('changes only placeholder rows: a stub row with a real entry point stays', () => {
    const fake: Spec = {
      ...spec,
      syscalls: [
        {
          name: 'getpmsg',
          reserved: false,
          stub: { compat: true },
          rows: [
            {
              table: 'x86/32',
              tag: 'i386',
              nr: 188,
              name: 'getpmsg',
              entry: 'sys_real',
              compat: null,
              noreturn: false,
            },
            {
              table: 'x86/32',
              tag: 'i386',
              nr: 189,
              name: 'getpmsg',
              entry: 'sys_ni_syscall',
              compat: 'sys_ni_syscall',
              noreturn: false,
            },
          ],
        },
      ],
    };
    const [first, second] = applyStubs(fake, arches).syscalls[0]?.rows ?? [];
    expect(first?.entry).toBe('sys_real');
    expect(second).toMatchObject({ entry: 'sys_getpmsg', compat: 'compat_sys_getpmsg' });
  });

  it('a stub without compat gets no compat entry where the column means compat', () => {
    const fake: Spec = {
      ...spec,
      syscalls: [
        {
          name: 'demo',
          reserved: true,
          stub: {},
          rows: [
            {
              table: 'x86/32',
              tag: 'i386',
              nr: 188,
              name: 'demo',
              entry: null,
              compat: null,
              noreturn: false,
            },
            {
              table: 's390',
              tag: 'common',
              nr: 188,
              name: 'demo',
              entry: null,
              compat: null,
              noreturn: false,
            },
          ],
        },
      ],
    };
    const rows = applyStubs(fake, arches).syscalls[0]?.rows ?? [];
    expect(rows.map((r) => [r.entry, r.compat])).toEqual([
      ['sys_demo', null],
      // s390 states the 31-bit entry on every row: the native one when there is no compat.
      ['sys_demo', 'sys_demo'],
    ]);
  });
});
