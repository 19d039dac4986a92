// `count-aligned`: arch/arm/tools/syscallnr.sh. It ignores ABIs (`grep -E
// "^[0-9A-Fa-fXx]+[[:space:]]+"`, every row), takes the largest number (`sort -n | tail -n1`),
// adds one, and rounds up so the padded table stays encodable as an ARM immediate:
//   align=1; while (nr / (256*align)) > 0: align *= 4;  nr = (nr + align-1) & ~(align-1)
// With no row its loop never runs and neither the comment nor the define is printed.
import { maxNumber } from './select.js';
import type { Layout } from './types.js';

export function alignedCount(max: number): { count: number; align: number } {
  const nr = max + 1;
  let align = 1;
  while (Math.trunc(nr / (256 * align)) > 0) align *= 4;
  // `& ~(align-1)` in shell arithmetic is on 64-bit integers; table numbers stay far below 2^31,
  // so plain arithmetic rounding gives the same value.
  return { count: Math.ceil(nr / align) * align, align };
}

export const countAligned: Layout = {
  description: "arm's syscallnr.sh: the largest number + 1, rounded up to the table's alignment",
  defaults: {},
  build({ selected }) {
    const max = maxNumber(selected);
    if (max === null) return { empty: true, count: null, align: null };
    return { empty: false, ...alignedCount(max) };
  },
};
