// Row ordering as the kernel's scripts do it: `sort -n` orders by the leading number, breaking
// ties by comparing whole lines byte by byte (C collation, as kbuild sets it).
import type { TableDescriptor } from '../../arch/model.js';
import type { TableRow } from '../../spec/model.js';
import { tblLine } from './tbl-cells.js';

/** `sort -n` (also `sort -k1 -n`) over the written lines of `rows`. */
export function sortNumeric(
  rows: readonly TableRow[],
  table: Pick<TableDescriptor, 'fullColumns'>,
): TableRow[] {
  const keyed = rows.map((row) => ({ row, line: tblLine(row, table) }));
  keyed.sort((a, b) => a.row.nr - b.row.nr || (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
  return keyed.map((k) => k.row);
}

/** The largest number among `rows`, or null when there are none. */
export function maxNumber(rows: readonly TableRow[]): number | null {
  let max: number | null = null;
  for (const r of rows) if (max === null || r.nr > max) max = r.nr;
  return max;
}
