// The columns of one row as the written .tbl spells them. Shared by the tbl layout and by the
// layouts that emulate the kernel's scripts, so each emulation reads exactly what the scripts
// would read from the file we write (`read nr abi name native compat noreturn`).
import type { TableDescriptor } from '../../arch/model.js';
import type { TableRow } from '../../spec/model.js';

/** The kernel's placeholder for an absent column that a later column needs. */
export const ABSENT = '-';

/** Columns 4 to 6 as written; undefined where the line ends before them. */
export interface TblFields {
  entry: string | undefined;
  compat: string | undefined;
  noreturn: boolean;
}

export function tblFields(row: TableRow, table: Pick<TableDescriptor, 'fullColumns'>): TblFields {
  // s390's generator reads five columns on every row (arch/s390/kernel/syscalls/syscalltbl:
  // `read nr abi name entry64 entry32`); elsewhere trailing columns are simply left out, and `-`
  // fills a column only where a later one must follow (x86: `sys_exit - noreturn`).
  const needCompat = table.fullColumns || row.compat !== null || row.noreturn;
  return {
    entry: needCompat || row.entry !== null ? (row.entry ?? ABSENT) : undefined,
    compat: needCompat ? (row.compat ?? ABSENT) : undefined,
    noreturn: row.noreturn,
  };
}

/** The row as one line of the written .tbl (fields separated by one tab). */
export function tblLine(row: TableRow, table: Pick<TableDescriptor, 'fullColumns'>): string {
  const { entry, compat, noreturn } = tblFields(row, table);
  let line = `${row.nr}\t${row.tag}\t${row.name}`;
  if (entry !== undefined) line += `\t${entry}`;
  if (compat !== undefined) line += `\t${compat}`;
  if (noreturn) line += '\tnoreturn';
  return line;
}
