// `numbers-sorted`: arch/s390/kernel/syscalls/syscalltbl -H. The selected rows (`grep -E
// "^[[:digit:]]+[[:space:]]+(abis)"`) sorted with `sort -k1 -n`, printed with
// `printf "#define __NR_%s %d\n"`; no __NR_syscalls.
import { sortNumeric } from './select.js';
import type { Layout } from './types.js';

export const numbersSorted: Layout = {
  description: "s390's syscalltbl -H: __NR_ defines sorted numerically",
  defaults: {},
  build({ selected, table }) {
    return { rows: sortNumeric(selected, table) };
  },
};
