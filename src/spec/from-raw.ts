// Applies the spec's defaults to schema-checked data: entry `sys_<name>`, compat as the table
// says (none, or the native entry on s390), and orders each record's rows by table.
import type { ArchSet } from '../arch/model.js';
import { defaultEntry, isImplemented, type Spec, type Syscall, type TableRow } from './model.js';
import { parseParam } from './params.js';
import type { RawRow, RawSpec } from './raw.js';
import { compareTableRows } from './tags.js';

export function defaultCompat(arches: ArchSet, table: string, entry: string | null): string | null {
  return arches.tables.get(table)?.compatDefault === 'entry' ? entry : null;
}

function toRow(arches: ArchSet, name: string, table: string, tag: string, raw: RawRow): TableRow {
  const detail = typeof raw === 'number' ? { nr: raw } : raw;
  const entry = detail.entry === undefined ? defaultEntry(name) : detail.entry;
  const compat = detail.compat === undefined ? defaultCompat(arches, table, entry) : detail.compat;
  return { table, tag, nr: detail.nr, name, entry, compat, noreturn: detail.noreturn ?? false };
}

export function specFromRaw(raw: RawSpec, arches: ArchSet): Spec {
  const tableOrder = new Map([...arches.tables.keys()].map((id, i) => [id, i]));
  const syscalls: Syscall[] = Object.entries(raw.syscalls).map(([name, s]) => {
    const rows: TableRow[] = [];
    for (const [table, byTag] of Object.entries(s.tables)) {
      for (const [tag, row] of Object.entries(byTag))
        rows.push(toRow(arches, name, table, tag, row));
    }
    rows.sort(
      (a, b) =>
        (tableOrder.get(a.table) ?? Number.MAX_SAFE_INTEGER) -
          (tableOrder.get(b.table) ?? Number.MAX_SAFE_INTEGER) ||
        (a.table < b.table ? -1 : a.table > b.table ? 1 : 0) ||
        compareTableRows(arches.tables.get(a.table))(a, b),
    );
    const syscall: Syscall = {
      name,
      reserved: !rows.some((r) => isImplemented(r, arches.tables.get(r.table))),
      rows,
    };
    if (s.params) syscall.params = s.params.map(parseParam);
    if (s.stub) syscall.stub = { ...s.stub };
    if (s.since) syscall.since = s.since;
    if (s.man) syscall.man = s.man;
    return syscall;
  });
  return { kernel: raw.kernel, ...(raw.source ? { source: raw.source } : {}), syscalls };
}
