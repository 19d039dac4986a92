// The table symbols the lint command looks for before a config adds its own: the built-in list
// and every arch descriptor's `tableSymbols` (data, not code). The whole-tree test and the bench
// use the same list, so what they report is what `syscalltbl lint` reports.
import { loadArchSet } from '../arch/load.js';
import { DEFAULT_TABLE_NAMES } from './engine/table-names.js';

export function commandTableNames(): string[] {
  const fromArches = loadArchSet().arches.flatMap((a) => a.tableSymbols);
  return [...new Set([...DEFAULT_TABLE_NAMES, ...fromArches])].sort();
}
