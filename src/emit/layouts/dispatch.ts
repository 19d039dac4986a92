// `dispatch`: scripts/syscalltbl.sh. One slot per number from 0 to the last selected row: holes
// (leading ones too) become `sys_ni_syscall`; nothing is padded after the last row. Each row is
// read as the script reads our written .tbl (`read nr abi name native compat noreturn`): a `-`
// compat counts as none; a row with no entry point is `sys_ni_syscall` unless a later column
// forced a `-` into the entry column, which the script then prints as is.
import { UserError } from '../../common/diagnostics.js';
import { NI_SYSCALL } from '../../spec/model.js';
import { ABSENT, tblFields } from './tbl-cells.js';
import type { Layout } from './types.js';

export interface DispatchSlot {
  nr: number;
  /** The native entry point as printed. */
  entry: string;
  /** The compat entry point, or null (the template then uses the plain macro). */
  compat: string | null;
  noreturn: boolean;
  /** The slot dispatches to plain `sys_ni_syscall` (a hole, or a row without entry point). */
  ni: boolean;
  /** The syscall name, or null for a hole. */
  name: string | null;
}

function hole(nr: number): DispatchSlot {
  return { nr, entry: NI_SYSCALL, compat: null, noreturn: false, ni: true, name: null };
}

export const dispatch: Layout = {
  description: 'scripts/syscalltbl.sh: one __SYSCALL slot per number, holes as sys_ni_syscall',
  defaults: {},
  build({ selected, output, table, arches }) {
    const slots: DispatchSlot[] = [];
    for (const row of selected) {
      if (row.nr < slots.length) {
        // syscalltbl.sh: "syscall table is not sorted or duplicates the same syscall number".
        const prior = slots[row.nr];
        const arch = arches.arches.find((a) => a.arch === table.arch);
        throw new UserError({
          code: 'dispatch-duplicate-number',
          severity: 'error',
          message: `${output.path}: number ${row.nr} is taken twice (${prior?.name ?? 'an earlier row'} and ${row.name}, tag ${row.tag} of table ${table.id}); the kernel's syscalltbl.sh refuses such a table`,
          hint: `give one of them another number, or narrow the output's tags (${output.tags?.join(',') ?? 'all rows'})`,
          file: arch?.file ?? table.id,
        });
      }
      while (slots.length < row.nr) slots.push(hole(slots.length));
      const fields = tblFields(row, table);
      const compat = fields.compat === undefined || fields.compat === ABSENT ? null : fields.compat;
      const entry = fields.entry ?? NI_SYSCALL;
      slots.push({
        nr: row.nr,
        entry,
        compat,
        noreturn: fields.noreturn,
        ni: entry === NI_SYSCALL && compat === null && !fields.noreturn,
        name: row.name,
      });
    }
    return { slots, count: slots.length };
  },
};
