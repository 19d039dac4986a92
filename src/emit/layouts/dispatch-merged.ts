// `dispatch-merged`: arch/s390/kernel/syscalls/syscalltbl -S. Every row whatever its ABI
// (`grep -Ev '^(#|[[:blank:]]*$)'`), sorted with `sort -k1 -n`, then merged per number:
// the first row of a number sets both columns; a later `32` row replaces only the 31-bit
// entry, a later `64` row only the 64-bit one, any other later row is ignored. The merge is
// seeded with `0 sys_ni_syscall sys_ni_syscall`, so a real row 0 counts as "later": a `common`
// row 0 is silently dropped. `-` means sys_ni_syscall; a slot whose two entries are both
// sys_ni_syscall, and every hole, prints as NI_SYSCALL.
import { NI_SYSCALL } from '../../spec/model.js';
import { sortNumeric } from './select.js';
import { ABSENT, tblFields } from './tbl-cells.js';
import type { Layout } from './types.js';

export interface MergedSlot {
  nr: number;
  entry64: string;
  entry32: string;
  ni: boolean;
}

/** `test x$e = x- && e=sys_ni_syscall`; an absent column stays empty. */
function column(cell: string | undefined): string {
  if (cell === undefined) return '';
  return cell === ABSENT ? NI_SYSCALL : cell;
}

/** Which tags set only one column of a shared number (s390's script: `case $abi in 32) ... 64)`). */
const DEFAULTS = { compatOnlyTag: '32', nativeOnlyTag: '64' };

export const dispatchMerged: Layout = {
  description: "s390's syscalltbl -S: one SYSCALL(64-bit,31-bit) slot per number",
  defaults: DEFAULTS,
  build({ selected, table, output }) {
    const params = { ...DEFAULTS, ...output.params };
    const compatOnly = String(params.compatOnlyTag);
    const nativeOnly = String(params.nativeOnlyTag);
    const merged: Array<{ nr: number; e64: string; e32: string }> = [];
    let prev = { nr: 0, e64: NI_SYSCALL, e32: NI_SYSCALL };
    for (const row of sortNumeric(selected, table)) {
      const fields = tblFields(row, table);
      const e64 = column(fields.entry);
      const e32 = column(fields.compat);
      if (row.nr === prev.nr) {
        if (row.tag === compatOnly) prev.e32 = e32;
        else if (row.tag === nativeOnly) prev.e64 = e64;
        continue;
      }
      merged.push(prev);
      prev = { nr: row.nr, e64, e32 };
    }
    merged.push(prev);

    const slots: MergedSlot[] = [];
    let prevNr = 0;
    for (const m of merged) {
      // `printf "%d\t%s\t%s\n"` then `read nr entry64 entry32`: an empty column collapses, so
      // the next one moves left (only tables without s390's five columns can have one).
      const [entry64 = '', entry32 = ''] = [m.e64, m.e32].filter((e) => e !== '');
      while (prevNr < m.nr - 1) {
        prevNr += 1;
        slots.push({ nr: prevNr, entry64: NI_SYSCALL, entry32: NI_SYSCALL, ni: true });
      }
      slots.push({
        nr: m.nr,
        entry64,
        entry32,
        ni: entry64 === NI_SYSCALL && entry32 === NI_SYSCALL,
      });
      prevNr = m.nr;
    }
    return { slots };
  },
};
