// The layouts one quirk at a time, on small hand-made tables: each emulates one kernel script
// (see the comment atop each layout for the script lines it follows).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchSet, OutputDescriptor, TableDescriptor } from '../../src/arch/model.js';
import { UserError } from '../../src/common/diagnostics.js';
import { normalizeGuard } from '../../src/emit/helpers.js';
import { alignedCount } from '../../src/emit/layouts/count-aligned.js';
import { LAYOUTS, layoutNamed } from '../../src/emit/layouts/index.js';
import { tblLine } from '../../src/emit/layouts/tbl-cells.js';
import type { TableRow } from '../../src/spec/model.js';
import { selectRows } from '../../src/spec/resolve.js';
import { linuxSourceTree } from '../helpers/reference.js';
import { tempDir } from './helpers/tree.js';

const TABLE: TableDescriptor = {
  id: 'toy',
  arch: 'toy',
  path: 'toy.tbl',
  compat: true,
  tags: ['common', '32', '64'],
  compatDefault: 'none',
  compatRole: 'compat',
  placeholderEntries: [],
  legacySources: [],
  fullColumns: false,
  sortsItself: false,
  header: '',
};
const FULL: TableDescriptor = { ...TABLE, fullColumns: true, compatDefault: 'entry' };
const ARCHES: ArchSet = { arches: [], tables: new Map([['toy', TABLE]]), abis: new Map() };

function r(
  nr: number,
  tag: string,
  name: string,
  entry: string | null = `sys_${name}`,
  compat: string | null = null,
  noreturn = false,
): TableRow {
  return { table: 'toy', tag, nr, name, entry, compat, noreturn };
}

function build(layout: string, rows: TableRow[], tags?: string[], table = TABLE) {
  const output: OutputDescriptor = {
    template: 't',
    layout,
    path: 'x.h',
    table: 'toy',
    params: {},
    base: 'generated',
    ...(tags ? { tags } : {}),
  };
  const found = layoutNamed(layout);
  if (!found) throw new Error(`no layout ${layout}`);
  return found.build({
    rows,
    selected: selectRows(rows, tags),
    table,
    output,
    arches: ARCHES,
  });
}

describe('include guards (sed s/__/_/g, pairwise)', () => {
  it.each([
    ['unistd_32.h', 'UNISTD_32_H'],
    ['unistd-oabi.h', 'UNISTD_OABI_H'],
    ['calls-eabi.S', 'CALLS_EABI_S'],
    ['a__b.h', 'A_B_H'],
    ['a___b.h', 'A__B_H'],
    ['a____b.h', 'A__B_H'],
    ['__UAPI_ASM_S390_unistd_32.h', '_UAPI_ASM_S390_UNISTD_32_H'],
    ['x..y', 'X_Y'],
  ])('%s -> %s', (input, guard) => expect(normalizeGuard(input)).toBe(guard));
});

describe('numbers (syscallhdr.sh)', () => {
  it('keeps file order; __NR_syscalls is the last row + 1, not max + 1', () => {
    const view = build('numbers', [r(5, 'common', 'a'), r(3, 'common', 'b')]);
    expect(view.rows).toMatchObject([
      { name: 'a', nr: 5 },
      { name: 'b', nr: 3 },
    ]);
    expect(view.count).toBe(4);
  });
  it('an empty selection still counts 1 (max starts at 0)', () => {
    expect(build('numbers', [r(5, 'common', 'a')], ['x32']).count).toBe(1);
  });
  it('selects tags by prefix, as the ERE (a|b) does', () => {
    const view = build(
      'numbers',
      [r(1, '64', 'a'), r(2, '64bit', 'b'), r(3, 'common', 'c')],
      ['64'],
    );
    expect((view.rows as TableRow[]).map((x) => x.name)).toEqual(['a', 'b']);
  });
  it('prints rows without an entry point too', () => {
    expect((build('numbers', [r(17, 'common', 'break', null)]).rows as TableRow[])[0]?.name).toBe(
      'break',
    );
  });
});

describe('dispatch (syscalltbl.sh)', () => {
  it('fills holes, leading ones too, and pads nothing after the last row', () => {
    const view = build('dispatch', [r(2, 'common', 'a'), r(4, 'common', 'b')]);
    expect(view.slots).toEqual([
      { nr: 0, entry: 'sys_ni_syscall', compat: null, noreturn: false, ni: true, name: null },
      { nr: 1, entry: 'sys_ni_syscall', compat: null, noreturn: false, ni: true, name: null },
      { nr: 2, entry: 'sys_a', compat: null, noreturn: false, ni: false, name: 'a' },
      { nr: 3, entry: 'sys_ni_syscall', compat: null, noreturn: false, ni: true, name: null },
      { nr: 4, entry: 'sys_b', compat: null, noreturn: false, ni: false, name: 'b' },
    ]);
    expect(view.count).toBe(5);
  });
  it('no entry point: sys_ni_syscall; no entry but a compat: the "-" the script reads', () => {
    const view = build('dispatch', [
      r(0, 'common', 'a', null),
      r(1, 'common', 'b', null, 'compat_sys_b'),
    ]);
    expect(view.slots).toMatchObject([
      { entry: 'sys_ni_syscall', compat: null, ni: true },
      { entry: '-', compat: 'compat_sys_b', ni: false },
    ]);
  });
  it('noreturn, with and without compat', () => {
    const view = build('dispatch', [
      r(0, 'common', 'exit', 'sys_exit', null, true),
      r(1, 'common', 'e', 'sys_e', 'c_e', true),
    ]);
    expect(view.slots).toMatchObject([
      { entry: 'sys_exit', compat: null, noreturn: true },
      { entry: 'sys_e', compat: 'c_e', noreturn: true },
    ]);
  });
  it('refuses two selected rows on one number, as the script does', () => {
    expect(() => build('dispatch', [r(1, '32', 'a'), r(1, '64', 'b')])).toThrow(UserError);
    expect(() => build('dispatch', [r(1, '32', 'a'), r(1, '64', 'b')], ['32'])).not.toThrow();
  });
});

describe('dispatch-merged (s390 syscalltbl -S)', () => {
  const slots = (rows: TableRow[], table = FULL) =>
    (
      build('dispatch-merged', rows, undefined, table).slots as Array<{
        entry64: string;
        entry32: string;
        ni: boolean;
      }>
    ).map((s) => (s.ni ? 'NI' : `${s.entry64},${s.entry32}`));
  it('seeds slot 0 with NI_SYSCALL and fills holes', () => {
    expect(slots([r(2, 'common', 'a', 'sys_a', 'sys_a')])).toEqual(['NI', 'NI', 'sys_a,sys_a']);
  });
  it('merges 32 and 64 rows of one number; either alone leaves the other ni', () => {
    expect(
      slots([
        r(1, '32', 'x', null, 'compat_x'),
        r(1, '64', 'y', 'sys_y', null),
        r(2, '32', 'only32', null, 'compat_only32'),
        r(3, '64', 'only64', 'sys_only64', null),
      ]),
    ).toEqual([
      'NI',
      'sys_y,compat_x',
      'sys_ni_syscall,compat_only32',
      'sys_only64,sys_ni_syscall',
    ]);
  });
  it('drops a real row 0 tagged common (the seed counts as its first row)', () => {
    expect(
      slots([
        r(0, 'common', 'zero', 'sys_zero', 'sys_zero'),
        r(1, 'common', 'a', 'sys_a', 'sys_a'),
      ]),
    ).toEqual(['NI', 'sys_a,sys_a']);
    expect(slots([r(0, '32', 'zero', null, 'compat_zero')])).toEqual([
      'sys_ni_syscall,compat_zero',
    ]);
  });
  it('a later row of another tag on a taken number is ignored', () => {
    expect(slots([r(1, '32', 'a', null, 'c_a'), r(1, 'common', 'b', 'sys_b', 'sys_b')])).toEqual([
      'NI',
      'sys_ni_syscall,c_a',
    ]);
  });
  it('without s390 five columns an empty column collapses, as `read` does', () => {
    expect(slots([r(1, 'common', 'a', 'sys_a', null)], TABLE)).toEqual(['NI', 'sys_a,']);
  });
  it('sorts like sort -k1 -n: by number, then by the whole line', () => {
    // 64 before 32 in the spec's order, but "1\t32" < "1\t64" as lines.
    expect(
      slots([
        r(1, '64', 'y', 'sys_y', null),
        r(1, '32', 'x', null, 'compat_x'),
        r(1, 'common', 'z', 'sys_z', 'sys_z'),
      ]),
    ).toEqual(['NI', 'sys_y,compat_x']);
  });
});

describe('count and count-aligned', () => {
  it('count: the largest selected number + 1; empty says so', () => {
    expect(build('count', [r(7, 'common', 'a'), r(3, 'common', 'b')])).toEqual({
      empty: false,
      count: 8,
    });
    expect(build('count', [r(7, 'common', 'a')], ['32'])).toEqual({ empty: true, count: null });
  });
  it('count-aligned reads every row, whatever its tag', () => {
    expect(build('count-aligned', [r(462, 'oabi', 'a'), r(10, 'eabi', 'b')])).toEqual({
      empty: false,
      count: 464,
      align: 4,
    });
  });
  it.each([
    [0, 1, 1],
    [254, 255, 1],
    [255, 256, 4],
    [462, 464, 4],
    [1022, 1024, 4],
    [1023, 1024, 16],
    [4095, 4096, 64],
  ])('alignedCount(%i) = %i, aligned to %i', (max, n, align) => {
    expect(alignedCount(max)).toEqual({ count: n, align });
  });
  it.skipIf(!linuxSourceTree())(
    `alignedCount matches arch/arm/tools/syscallnr.sh${linuxSourceTree() ? '' : ' (SKIPPED: no Linux tree)'}`,
    () => {
      const dir = tempDir();
      const script = join(linuxSourceTree() ?? '', 'arch/arm/tools/syscallnr.sh');
      for (const max of [0, 254, 255, 462, 1023, 4095, 70000]) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'in.tbl'), `${max}\tcommon\tx\tsys_x\n`);
        expect(spawnSync('sh', [script, join(dir, 'in.tbl'), join(dir, 'out.h')]).status).toBe(0);
        const text = readFileSync(join(dir, 'out.h'), 'utf8');
        const { count, align } = alignedCount(max);
        expect(text).toContain(`/* aligned to ${align} */\n#define __NR_syscalls ${count}\n`);
      }
    },
  );
});

describe('tbl lines', () => {
  it.each([
    [r(3, 'common', 'read'), TABLE, '3\tcommon\tread\tsys_read'],
    [r(17, 'i386', 'break', null), TABLE, '17\ti386\tbreak'],
    [r(1, 'i386', 'exit', 'sys_exit', null, true), TABLE, '1\ti386\texit\tsys_exit\t-\tnoreturn'],
    [r(5, 'common', 'x', null, 'compat_x'), TABLE, '5\tcommon\tx\t-\tcompat_x'],
    [r(6, 'common', 'y', 'sys_y', 'sys_y'), FULL, '6\tcommon\ty\tsys_y\tsys_y'],
    [r(7, '32', 'z', null, null), FULL, '7\t32\tz\t-\t-'],
  ])('%o', (row, table, line) => expect(tblLine(row, table)).toBe(line));
});

it('every layout has a description and defaults', () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    expect(layout.description, name).not.toBe('');
    expect(typeof layout.defaults, name).toBe('object');
  }
  expect(layoutNamed('toString')).toBeUndefined();
});
