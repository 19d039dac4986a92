// `numbers`: scripts/syscallhdr.sh. One `#define __NR_<prefix><name> <nr>` per selected row in
// file order (the script does not sort), and `__NR_<prefix>syscalls` = the LAST selected row's
// number + 1, which is not max + 1 when a table is out of order (the script starts from max=0,
// so an empty selection gives 1).
import type { Layout } from './types.js';

export const numbers: Layout = {
  description:
    'scripts/syscallhdr.sh: __NR_ defines in file order, __NR_syscalls from the last row',
  defaults: { prefix: '', offset: '', emitNr: false },
  build({ selected }) {
    const last = selected[selected.length - 1];
    return { rows: selected, count: (last?.nr ?? 0) + 1 };
  },
};
