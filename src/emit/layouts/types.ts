// What every layout receives and returns. A layout is a pure function from one table's rows and
// one output descriptor to the view its template renders; it never knows which architecture
// it serves (that is data in arch/*.yaml).
import type { ArchSet, OutputDescriptor, TableDescriptor } from '../../arch/model.js';
import type { TableRow } from '../../spec/model.js';

export interface LayoutInput {
  /** Every row of the output's table, in the order the written .tbl lists them. */
  rows: readonly TableRow[];
  /**
   * The rows the output's tags select, in the same order: the kernel scripts' `--abis` (a tag
   * prefix match, see spec/tags.ts); every row when the output names no tags.
   */
  selected: readonly TableRow[];
  table: TableDescriptor;
  output: OutputDescriptor;
  arches: ArchSet;
}

/** Fields a layout adds to the view; the plan adds the common ones (file, arch, params, ...). */
export type LayoutView = Record<string, unknown>;

export interface Layout {
  /** One line for `--help`-style listings and error hints. */
  description: string;
  /** Parameters the layout's templates read, with their defaults (strict templates need them). */
  defaults: Record<string, string | number | boolean>;
  build(input: LayoutInput): LayoutView;
}
