// Indexes descriptors by table id and ABI name, and lists descriptor files. Kept apart from
// load.ts so the cached fast path does not load the YAML and schema machinery.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../common/diagnostics.js';
import type { AbiDescriptor, ArchDescriptor, ArchSet, TableDescriptor } from './model.js';

export function descriptorFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UserError({
      code: 'arch-dir-missing',
      severity: 'error',
      message: 'cannot read the architecture descriptor folder',
      hint: 'give --arch-dir a folder of <arch>.yaml files',
      file: dir,
    });
  }
  return names
    .filter((n) => n.endsWith('.yaml') && !n.startsWith('.'))
    .sort()
    .map((n) => join(dir, n));
}

export function archSetOf(arches: ArchDescriptor[]): ArchSet {
  const tables = new Map<string, TableDescriptor>();
  const abis = new Map<string, AbiDescriptor>();
  for (const arch of arches) {
    for (const t of arch.tables) tables.set(t.id, t);
    for (const a of arch.abis) abis.set(a.name, a);
  }
  return { arches, tables, abis };
}
