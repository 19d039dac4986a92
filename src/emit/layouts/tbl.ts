// `tbl`: the table file itself, as the kernel's scripts read it: one row per line, number first,
// fields separated by a tab, rows in written order (by number; rows sharing a number in the
// table's tag order). The header comment comes from the table's descriptor. The line syntax is
// tblLine's, the same the script emulations (dispatch, dispatch-merged, sorts) read back.
import { tblLine } from './tbl-cells.js';
import type { Layout } from './types.js';

export const tbl: Layout = {
  description: 'the .tbl file the kernel scripts read, generated from the spec',
  defaults: {},
  build({ rows, table }) {
    return {
      header: table.header,
      rows: rows.map((r) => ({ line: tblLine(r, table) })),
    };
  },
};
