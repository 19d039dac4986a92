// Writes a Spec as syscalls.yaml: one record per name, rows as compact flow mappings, entry
// points only where they differ from the defaults. Deterministic: same model, same bytes.
import type { ArchSet } from '../arch/model.js';
import { defaultCompat } from './from-raw.js';
import { defaultEntry, type Spec, type Syscall, type TableRow } from './model.js';

const RESERVED_WORDS = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** A scalar as YAML: plain when unambiguous in a flow collection, else double-quoted. */
export function yamlScalar(value: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_ *.()/+-]*$/.test(value) &&
    !/[ ]$/.test(value) &&
    !/: | #/.test(value) &&
    !RESERVED_WORDS.test(value);
  return plain ? value : JSON.stringify(value);
}

function quoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function rowText(arches: ArchSet, row: TableRow): string {
  const parts: string[] = [];
  if (row.entry !== defaultEntry(row.name))
    parts.push(`entry: ${row.entry === null ? 'null' : yamlScalar(row.entry)}`);
  if (row.compat !== defaultCompat(arches, row.table, row.entry)) {
    parts.push(`compat: ${row.compat === null ? 'null' : yamlScalar(row.compat)}`);
  }
  if (row.noreturn) parts.push('noreturn: true');
  return parts.length === 0 ? String(row.nr) : `{nr: ${row.nr}, ${parts.join(', ')}}`;
}

function syscallText(arches: ArchSet, s: Syscall): string {
  const lines = [`  ${s.name}:`];
  if (s.params) lines.push(`    params: [${s.params.map((p) => yamlScalar(p.decl)).join(', ')}]`);
  if (s.reserved) lines.push('    reserved: true');
  if (s.stub) {
    const fields = [
      ...(s.stub.reason ? [`reason: ${JSON.stringify(s.stub.reason)}`] : []),
      ...(s.stub.compat ? ['compat: true'] : []),
    ];
    lines.push(`    stub: {${fields.join(', ')}}`);
  }
  if (s.since) lines.push(`    since: ${quoted(s.since)}`);
  if (s.man) lines.push(`    man: ${yamlScalar(s.man)}`);
  lines.push('    tables:');
  const byTable = new Map<string, TableRow[]>();
  for (const r of s.rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  for (const [table, rows] of byTable) {
    lines.push(
      `      ${table}: {${rows.map((r) => `${r.tag}: ${rowText(arches, r)}`).join(', ')}}`,
    );
  }
  return lines.join('\n');
}

export const SPEC_HEADER = [
  '# yaml-language-server: $schema=./schema/syscalls.schema.json',
  '# Linux system calls on every ABI, one record per name (syscalltbl spec; docs/spec-format.md).',
  '# Rows: tables: {<table id>: {<ABI tag>: <number> | {nr, entry, compat, noreturn}}}; entry',
  '# defaults to sys_<name>, compat to none (s390: the entry). Written by `syscalltbl import`.',
];

export function serializeSpec(spec: Spec, arches: ArchSet): string {
  const out = [...SPEC_HEADER, `kernel: ${quoted(spec.kernel)}`];
  if (spec.source) out.push(`source: ${JSON.stringify(spec.source)}`);
  out.push('syscalls:');
  for (const s of spec.syscalls) out.push(syscallText(arches, s));
  return `${out.join('\n')}\n`;
}
