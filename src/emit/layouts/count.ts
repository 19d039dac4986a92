// `count`: the largest selected number + 1, as arch/mips/kernel/syscalls/syscallnr.sh
// (`sort -n`, last row) and s390's `syscalltbl -N` (`sort -n | tail -1`) compute it. With no row
// the two scripts differ (mips prints 0, s390 1), so the view says `empty` and the template
// decides.
import { maxNumber } from './select.js';
import type { Layout } from './types.js';

export const count: Layout = {
  description: 'the largest selected number + 1 (mips syscallnr.sh, s390 syscalltbl -N)',
  defaults: { prefix: '' },
  build({ selected }) {
    const max = maxNumber(selected);
    return { empty: max === null, count: max === null ? null : max + 1 };
  },
};
