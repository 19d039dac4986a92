// Resolved views of the spec: each table's rows in written order, and the rows each ABI reads.
import type { AbiDescriptor, ArchSet } from '../arch/model.js';
import type { Spec, Syscall, TableRow } from './model.js';
import { compareTableRows, tagSelected } from './tags.js';

/** Every table's rows, in the order a .tbl file lists them. */
export function tableRows(spec: Spec, arches: ArchSet): Map<string, TableRow[]> {
  const byTable = new Map<string, TableRow[]>();
  for (const syscall of spec.syscalls) {
    for (const row of syscall.rows) {
      let list = byTable.get(row.table);
      if (!list) {
        list = [];
        byTable.set(row.table, list);
      }
      list.push(row);
    }
  }
  for (const [id, rows] of byTable) rows.sort(compareTableRows(arches.tables.get(id)));
  return byTable;
}

/** The rows of `table` whose tag the selection takes (all rows without a selection). */
export function selectRows(
  rows: readonly TableRow[] | undefined,
  selection: readonly string[] | undefined,
): TableRow[] {
  return (rows ?? []).filter((r) => tagSelected(selection, r.tag));
}

/** The rows an ABI reads, in table order. */
export function abiRows(tables: Map<string, TableRow[]>, abi: AbiDescriptor): TableRow[] {
  return selectRows(tables.get(abi.table), abi.tags);
}

/** The row of one syscall on one ABI, if it has one there. */
export function rowOnAbi(syscall: Syscall, abi: AbiDescriptor): TableRow | undefined {
  return syscall.rows.find((r) => r.table === abi.table && tagSelected(abi.tags, r.tag));
}

/** The number user space passes: the row's number plus the ABI's offset. */
export function effectiveNumber(nr: number, abi: AbiDescriptor): number {
  return (abi.offset?.value ?? 0) + nr;
}
