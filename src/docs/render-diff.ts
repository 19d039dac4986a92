// `syscalltbl diff` output: the report as Markdown (what a distribution engineer reads before
// taking a new kernel) or JSON (the SpecDiff model). Pure functions from the diff to text.
import type { DiffChange, DiffRow, SpecDiff } from './diff-model.js';
import { mdCode, mdText } from './md-escape.js';

export function renderDiffJson(diff: SpecDiff): string {
  return `${JSON.stringify({ format: 'syscalltbl-diff', version: 1, ...diff }, null, 2)}\n`;
}

const side = (s: SpecDiff['old']) => `Linux ${mdText(s.kernel)} (${mdCode(s.spec)})`;

/** `451 on i386, x86_64; 561 on alpha`: ABIs grouped by the number they share. */
function numbersText(changes: DiffChange[], pick: (c: DiffChange) => DiffRow | null): string {
  const byNr = new Map<number, string[]>();
  for (const c of changes) {
    const row = pick(c);
    if (!row) continue;
    const list = byNr.get(row.nr) ?? [];
    list.push(c.abi);
    byNr.set(row.nr, list);
  }
  return [...byNr]
    .sort((a, b) => a[0] - b[0])
    .map(([nr, abis]) => `${nr} on ${abis.map(mdText).join(', ')}`)
    .join('; ');
}

function groupByName(changes: DiffChange[]): Map<string, DiffChange[]> {
  const groups = new Map<string, DiffChange[]>();
  for (const c of changes) {
    const list = groups.get(c.name) ?? [];
    list.push(c);
    groups.set(c.name, list);
  }
  return groups;
}

function entryText(row: DiffRow | null, fields: DiffChange['fields']): string {
  if (!row) return '';
  const parts: string[] = [];
  if (fields.includes('entry')) parts.push(row.entry ? mdCode(row.entry) : '*none*');
  if (fields.includes('compat')) parts.push(`compat ${row.compat ? mdCode(row.compat) : '*none*'}`);
  if (fields.includes('noreturn')) parts.push(row.noreturn ? 'noreturn' : 'returns');
  return parts.join(', ');
}

function presenceSection(diff: SpecDiff, lines: string[]): void {
  const rows = [
    ...diff.abis.onlyOld.map((p) => ({ ...p, where: side(diff.old) })),
    ...diff.abis.onlyNew.map((p) => ({ ...p, where: side(diff.new) })),
  ];
  if (rows.length === 0) return;
  lines.push(
    '## ABIs in one spec only',
    '',
    'The other spec has no rows for these ABIs\u2019 tables (typically a kernel without that `.tbl` file), so they are listed here and not compared syscall by syscall.',
    '',
    '| ABI | Architecture | Table | Syscalls | Only in |',
    '|---|---|---|--:|---|',
    ...rows.map(
      (r) =>
        `| ${mdText(r.abi)} | ${mdText(r.arch)} | ${mdCode(r.table)} | ${r.syscalls} | ${r.where} |`,
    ),
    '',
  );
}

function addedRemovedSection(
  title: string,
  changes: DiffChange[],
  brandNew: Set<string>,
  label: string,
  pick: (c: DiffChange) => DiffRow | null,
  lines: string[],
): void {
  if (changes.length === 0) return;
  const groups = groupByName(changes);
  lines.push(
    `## ${title} (${changes.length})`,
    '',
    `| Syscall | | Number on ABI |`,
    '|---|---|---|',
  );
  for (const [name, list] of groups)
    lines.push(
      `| ${mdCode(name)} | ${brandNew.has(name) ? label : ''} | ${numbersText(list, pick)} |`,
    );
  lines.push('');
}

/** Changes of one syscall that read the same on several ABIs, as one line listing the ABIs. */
function groupSame(changes: DiffChange[], cells: (c: DiffChange) => string[]) {
  const groups = new Map<string, { name: string; cells: string[]; abis: string[] }>();
  for (const c of changes) {
    const text = cells(c);
    const key = JSON.stringify([c.name, ...text]);
    const group = groups.get(key) ?? { name: c.name, cells: text, abis: [] };
    group.abis.push(c.abi);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function renderDiffMarkdown(diff: SpecDiff): string {
  const of = (kind: DiffChange['kind']) => diff.changes.filter((c) => c.kind === kind);
  const added = of('added');
  const removed = of('removed');
  const renumbered = of('renumbered');
  const entries = of('entry-changed');
  const lines: string[] = [
    `# System call changes: Linux ${mdText(diff.old.kernel)} → Linux ${mdText(diff.new.kernel)}`,
    '',
    `From ${side(diff.old)} to ${side(diff.new)}, compared on ${diff.abis.compared.length} ABIs. Numbers are \`.tbl\` numbers, before any ABI offset.`,
    '',
    '## Summary',
    '',
    `- New system calls: ${diff.syscalls.added.length}${diff.syscalls.added.length ? ` (${diff.syscalls.added.map(mdCode).join(', ')})` : ''}`,
    `- System calls gone: ${diff.syscalls.removed.length}${diff.syscalls.removed.length ? ` (${diff.syscalls.removed.map(mdCode).join(', ')})` : ''}`,
    `- Per ABI: ${added.length} added, ${removed.length} removed, ${renumbered.length} renumbered, ${entries.length} with changed entry points`,
    `- Signatures changed: ${diff.signatures.length}`,
    `- ABIs only in the old spec: ${diff.abis.onlyOld.map((p) => mdText(p.abi)).join(', ') || 'none'}; only in the new: ${diff.abis.onlyNew.map((p) => mdText(p.abi)).join(', ') || 'none'}`,
    '',
  ];
  presenceSection(diff, lines);
  addedRemovedSection(
    'Added',
    added,
    new Set(diff.syscalls.added),
    'new system call',
    (c) => c.new,
    lines,
  );
  addedRemovedSection(
    'Removed',
    removed,
    new Set(diff.syscalls.removed),
    'gone',
    (c) => c.old,
    lines,
  );
  if (renumbered.length > 0) {
    lines.push(
      `## Renumbered (${renumbered.length})`,
      '',
      '| Syscall | Old | New | On ABIs |',
      '|---|--:|--:|---|',
    );
    for (const g of groupSame(renumbered, (c) => [String(c.old?.nr), String(c.new?.nr)]))
      lines.push(
        `| ${mdCode(g.name)} | ${g.cells[0]} | ${g.cells[1]} | ${g.abis.map(mdText).join(', ')} |`,
      );
    lines.push('');
  }
  if (entries.length > 0) {
    lines.push(
      `## Entry points changed (${entries.length})`,
      '',
      '| Syscall | Old | New | On ABIs |',
      '|---|---|---|---|',
    );
    for (const g of groupSame(entries, (c) => [
      entryText(c.old, c.fields),
      entryText(c.new, c.fields),
    ]))
      lines.push(
        `| ${mdCode(g.name)} | ${g.cells[0]} | ${g.cells[1]} | ${g.abis.map(mdText).join(', ')} |`,
      );
    lines.push('');
  }
  if (diff.signatures.length > 0) {
    lines.push(
      `## Signatures changed (${diff.signatures.length})`,
      '',
      '| Syscall | Old | New |',
      '|---|---|---|',
    );
    for (const s of diff.signatures)
      lines.push(
        `| ${mdCode(s.name)} | ${s.old ? mdCode(s.old) : '*unknown*'} | ${s.new ? mdCode(s.new) : '*unknown*'} |`,
      );
    lines.push('');
  }
  if (diff.changes.length === 0 && diff.signatures.length === 0)
    lines.push('No differences on the compared ABIs.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
