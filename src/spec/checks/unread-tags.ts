// A tag no ABI and no output reads is dead data: usually a typo (`comon`), or a tag the kernel
// selects only through its prefix quirk (`--abis 64` also takes `64bit`), which is worth a look.
import { rowPath } from '../raw.js';
import { selectedByPrefixOnly, tagSelected } from '../tags.js';
import type { SpecCheck, SpecProblem } from './check.js';

export const unreadTags: SpecCheck = {
  id: 'unread-tag',
  description:
    "A row carries an ABI tag that nothing reads, or that is read only through the kernel scripts' prefix match.",
  run({ spec, arches }) {
    const problems: SpecProblem[] = [];
    const selections = new Map<string, Array<readonly string[] | undefined>>();
    for (const arch of arches.arches) {
      for (const abi of arch.abis)
        selections.set(abi.table, [...(selections.get(abi.table) ?? []), abi.tags]);
      // An output that reads every row (ARM's unistd-nr.h counting the table) reads no tag in
      // particular: a row only it sees is in no ABI's header or dispatch table.
      for (const out of arch.outputs)
        if (out.tags !== undefined)
          selections.set(out.table, [...(selections.get(out.table) ?? []), out.tags]);
    }
    for (const s of spec.syscalls) {
      for (const r of s.rows) {
        const table = arches.tables.get(r.table);
        if (!table) continue;
        const readers = selections.get(r.table) ?? [];
        const listed = table.tags.includes(r.tag);
        if (!listed && !readers.some((sel) => tagSelected(sel, r.tag))) {
          problems.push({
            code: 'unread-tag',
            severity: 'warning',
            message: `${s.name}: no ABI of table ${r.table} reads tag "${r.tag}"`,
            hint: `tags of ${r.table}: ${table.tags.join(', ')}`,
            path: rowPath(s.name, r.table, r.tag),
            at: 'key',
          });
        } else {
          const prefixOnly = readers.find(
            (sel): sel is readonly string[] =>
              sel !== undefined && selectedByPrefixOnly(sel, r.tag),
          );
          if (prefixOnly && !listed) {
            problems.push({
              code: 'unread-tag',
              severity: 'warning',
              message: `${s.name}: tag "${r.tag}" is read only because it starts with "${prefixOnly.find((t) => r.tag.startsWith(t))}" (the kernel scripts match tag prefixes)`,
              hint: 'rename the tag, or list it in the table descriptor if that is intended',
              path: rowPath(s.name, r.table, r.tag),
              at: 'key',
            });
          }
        }
      }
    }
    return problems;
  },
};
