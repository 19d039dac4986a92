// Which rows an ABI or an output reads, exactly as the kernel's scripts decide it, and the order
// rows are written in a table.
import type { TableDescriptor } from '../arch/model.js';
import type { TableRow } from './model.js';

/**
 * The scripts build the ERE `^NR[[:space:]]+(a|b)` from `--abis a,b`: a tag is selected when it
 * *starts with* a listed tag (the group is not anchored at the field's end). No list: every row.
 */
export function tagSelected(selection: readonly string[] | undefined, tag: string): boolean {
  if (selection === undefined) return true;
  return selection.some((s) => tag.startsWith(s));
}

/** True when a tag is selected only through the prefix quirk, not by name. */
export function selectedByPrefixOnly(selection: readonly string[], tag: string): boolean {
  return !selection.includes(tag) && tagSelected(selection, tag);
}

/** Orders a table's rows as they are written: by number, rows sharing one by the table's tag order. */
export function compareTableRows(table: TableDescriptor | undefined) {
  const rank = (tag: string): number => {
    const i = table?.tags.indexOf(tag) ?? -1;
    return i >= 0 ? i : Number.MAX_SAFE_INTEGER;
  };
  return (a: TableRow, b: TableRow): number =>
    a.nr - b.nr ||
    rank(a.tag) - rank(b.tag) ||
    (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
