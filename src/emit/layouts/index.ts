// The layouts, keyed by name: how an output's rows become its template's view. Keyed by what
// the kernel's generator does, never by architecture; descriptors pick one per output.
import { count } from './count.js';
import { countAligned } from './count-aligned.js';
import { dispatch } from './dispatch.js';
import { dispatchMerged } from './dispatch-merged.js';
import { numbers } from './numbers.js';
import { numbersSorted } from './numbers-sorted.js';
import { tbl } from './tbl.js';
import type { Layout } from './types.js';

export const LAYOUTS: Readonly<Record<string, Layout>> = {
  numbers,
  'numbers-sorted': numbersSorted,
  dispatch,
  'dispatch-merged': dispatchMerged,
  count,
  'count-aligned': countAligned,
  tbl,
};

export function layoutNamed(name: string): Layout | undefined {
  return Object.hasOwn(LAYOUTS, name) ? LAYOUTS[name] : undefined;
}

export type { Layout, LayoutInput, LayoutView } from './types.js';
