// Builds the Spec from what a kernel tree says: every table's rows grouped by syscall name,
// signatures from syscalls.h, stub declarations and syscalls(2) data laid over them.
import type { ArchSet } from '../arch/model.js';
import type { Diagnostic } from '../common/diagnostics.js';
import {
  defaultEntry,
  isImplemented,
  isPlaceholder,
  type Param,
  type Spec,
  type Syscall,
  type TableRow,
} from '../spec/model.js';
import { parseParam } from '../spec/params.js';
import { compareTableRows, tagSelected } from '../spec/tags.js';
import type { TblRow } from './parse-tbl.js';

export interface StubOverlay {
  reason?: string;
  compat?: boolean;
  params: string[];
}

export interface ImportInputs {
  kernel: string;
  /** Parsed rows of each table found in the tree, by table id, with the file they came from. */
  tables: Map<string, { file: string; rows: TblRow[] }>;
  prototypes: Map<string, Param[]>;
  stubs: Map<string, StubOverlay>;
  man: Map<string, { since?: string; page?: string }>;
}

/** The kernel's syscalltbl.sh refuses a selection that is not strictly increasing in file order. */
function checkOrder(
  arches: ArchSet,
  tableId: string,
  file: string,
  rows: TblRow[],
  diagnostics: Diagnostic[],
): void {
  const table = arches.tables.get(tableId);
  if (!table || table.sortsItself) return;
  const selections = new Map<string, readonly string[] | undefined>();
  for (const abi of arches.abis.values())
    if (abi.table === tableId) selections.set(abi.tags.join(','), abi.tags);
  for (const arch of arches.arches)
    for (const o of arch.outputs)
      if (o.table === tableId) selections.set(o.tags?.join(',') ?? '*', o.tags);
  for (const selection of selections.values()) {
    let last: TblRow | undefined;
    for (const row of rows) {
      if (!tagSelected(selection, row.tag)) continue;
      if (last && row.nr <= last.nr) {
        diagnostics.push({
          code: 'tbl-not-sorted',
          severity: 'error',
          message: `syscall table is not sorted or duplicates the same syscall number: ${row.name} (${row.nr}) after ${last.name} (${last.nr}) for ABIs ${selection?.join(',') ?? 'all'}`,
          hint: 'keep rows in increasing number order; give each number one row per ABI',
          file,
          position: { line: row.line, column: 1 },
        });
        return;
      }
      last = row;
    }
  }
}

/** The prototype to show for a syscall: sys_<name>, else the entry most of its rows use. */
function paramsFor(
  name: string,
  rows: TableRow[],
  prototypes: Map<string, Param[]>,
): Param[] | undefined {
  const own = prototypes.get(defaultEntry(name));
  if (own) return own;
  const counts = new Map<string, number>();
  for (const r of rows)
    if (r.entry && !isPlaceholder(r.entry) && prototypes.has(r.entry))
      counts.set(r.entry, (counts.get(r.entry) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? prototypes.get(best[0]) : undefined;
}

export function buildSpec(
  inputs: ImportInputs,
  arches: ArchSet,
): { spec: Spec; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map<string, TableRow[]>();
  for (const [tableId, { file, rows }] of inputs.tables) {
    checkOrder(arches, tableId, file, rows, diagnostics);
    const seen = new Map<string, TblRow>();
    for (const row of rows) {
      const key = `${row.name}\0${row.tag}`;
      const prior = seen.get(key);
      if (prior) {
        diagnostics.push({
          code: 'tbl-duplicate-row',
          severity: 'error',
          message: `${row.name} has a second row with ABI "${row.tag}" (the first is on line ${prior.line})`,
          hint: 'one name has one row per ABI tag in a table',
          file,
          position: { line: row.line, column: 1 },
        });
        continue;
      }
      seen.set(key, row);
      const list = byName.get(row.name) ?? [];
      list.push({
        table: tableId,
        tag: row.tag,
        nr: row.nr,
        name: row.name,
        entry: row.entry,
        compat: row.compat,
        noreturn: row.noreturn,
      });
      byName.set(row.name, list);
    }
  }
  const tableOrder = new Map([...arches.tables.keys()].map((id, i) => [id, i]));
  const syscalls: Syscall[] = [...byName.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      const rows = (byName.get(name) ?? []).sort(
        (a, b) =>
          (tableOrder.get(a.table) ?? 0) - (tableOrder.get(b.table) ?? 0) ||
          compareTableRows(arches.tables.get(a.table))(a, b),
      );
      const stub = inputs.stubs.get(name);
      const params = stub ? stub.params.map(parseParam) : paramsFor(name, rows, inputs.prototypes);
      const man = inputs.man.get(name);
      const syscall: Syscall = {
        name,
        reserved: !rows.some((r) => isImplemented(r, arches.tables.get(r.table))),
        rows,
      };
      if (params) syscall.params = params;
      if (stub)
        syscall.stub = {
          ...(stub.reason ? { reason: stub.reason } : {}),
          ...(stub.compat ? { compat: true } : {}),
        };
      if (man?.since) syscall.since = man.since;
      if (man?.page) syscall.man = man.page;
      return syscall;
    });
  for (const name of inputs.stubs.keys()) {
    if (!byName.has(name)) {
      diagnostics.push({
        code: 'stub-without-slot',
        severity: 'warning',
        message: `stub ${name} has no row in any table; it is left out`,
        file: 'stubs',
      });
    }
  }
  return { spec: { kernel: inputs.kernel, syscalls }, diagnostics };
}
