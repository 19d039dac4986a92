// Loads arch/*.yaml: each file parsed with positions, checked against schema/arch.schema.json,
// then against each other (unique table ids and ABI names, references that resolve).
import { relative } from 'node:path';
import { type Diagnostic, UserError } from '../common/diagnostics.js';
import { bundledArchDir } from '../common/paths.js';
import { schemaDiagnostics } from '../common/schema-diagnostics.js';
import { readSourceText } from '../common/source-file.js';
import { loadYamlData, type YamlData } from '../common/yaml-data.js';
import { diagnosticAtPath } from '../common/yaml-document.js';
import validateArch from '../generated/validate-arch.js';
import { archSetOf, descriptorFiles } from './arch-set.js';
import type {
  AbiDescriptor,
  ArchDescriptor,
  ArchSet,
  OutputDescriptor,
  TableDescriptor,
} from './model.js';

const MAX_DESCRIPTOR_BYTES = 1 << 20;

export const ARCH_PATTERN_MEANINGS = {
  ident: 'a lower-case name: letters, digits, underscores',
  cIdent: 'a C identifier',
  tableId: 'a table id such as x86/64',
  tag: 'an ABI tag: letters, digits, underscores',
  relPath: 'a relative path without . or .. segments',
  register: 'a register name',
};

interface RawDescriptor {
  arch: string;
  title: string;
  tableSymbols: string[];
  tables: Record<
    string,
    Omit<TableDescriptor, 'id' | 'arch' | 'placeholderEntries' | 'legacySources'> & {
      legacySources?: TableDescriptor['legacySources'];
      fullColumns?: boolean;
      sortsItself?: boolean;
      compatDefault?: 'none' | 'entry';
      compatRole?: 'compat' | 'oabi';
      placeholderEntries?: string[];
    }
  >;
  abis: Record<
    string,
    Omit<AbiDescriptor, 'name' | 'arch' | 'offset'> & { offset?: AbiDescriptor['offset'] }
  >;
  outputs: Array<
    Omit<OutputDescriptor, 'params' | 'base'> & {
      params?: OutputDescriptor['params'];
      base?: OutputDescriptor['base'];
    }
  >;
}

function toDescriptor(raw: RawDescriptor, file: string): ArchDescriptor {
  return {
    arch: raw.arch,
    title: raw.title,
    file,
    tableSymbols: raw.tableSymbols,
    tables: Object.entries(raw.tables).map(([id, t]) => ({
      id,
      arch: raw.arch,
      path: t.path,
      compat: t.compat,
      compatDefault: t.compatDefault ?? 'none',
      compatRole: t.compatRole ?? 'compat',
      tags: t.tags,
      placeholderEntries: t.placeholderEntries ?? [],
      legacySources: t.legacySources ?? [],
      fullColumns: t.fullColumns ?? false,
      sortsItself: t.sortsItself ?? false,
      header: t.header,
    })),
    abis: Object.entries(raw.abis).map(([name, a]) => ({
      ...a,
      name,
      arch: raw.arch,
      offset: a.offset ?? null,
    })),
    outputs: raw.outputs.map((o) => ({
      ...o,
      params: o.params ?? {},
      base: o.base ?? 'generated',
    })),
  };
}

function loadOne(
  path: string,
  display: string,
  diagnostics: Diagnostic[],
): { src: YamlData; descriptor: ArchDescriptor } | undefined {
  let src: YamlData;
  try {
    src = loadYamlData(
      readSourceText(path, display, MAX_DESCRIPTOR_BYTES),
      'an architecture descriptor',
    );
  } catch (error) {
    if (error instanceof UserError) {
      diagnostics.push(...error.diagnostics);
      return undefined;
    }
    throw error;
  }
  if (!validateArch(src.data)) {
    diagnostics.push(
      ...schemaDiagnostics(src.locate(), validateArch.errors ?? [], ARCH_PATTERN_MEANINGS),
    );
    return undefined;
  }
  return { src, descriptor: toDescriptor(src.data as RawDescriptor, display) };
}

/** Cross-file checks: every id unique, every reference resolves. */
/** Records `id` as defined in `file`; a second definition is a diagnostic at `path`. */
function claim(
  registry: Map<string, string>,
  kind: string,
  id: string,
  at: { src: YamlData; descriptor: ArchDescriptor; path: Array<string | number> },
  diagnostics: Diagnostic[],
): void {
  const prior = registry.get(id);
  if (prior) {
    diagnostics.push(
      diagnosticAtPath(
        at.src.locate(),
        at.path,
        `${kind}-duplicate`,
        `${kind} "${id}" is also defined in ${prior}`,
        `${kind} names are unique across descriptors`,
        { as: at.path.length > 1 ? 'key' : 'value' },
      ),
    );
  }
  registry.set(id, at.descriptor.file);
}

function crossCheck(
  loaded: Array<{ src: YamlData; descriptor: ArchDescriptor }>,
  diagnostics: Diagnostic[],
): void {
  const tables = new Map<string, string>();
  const abis = new Map<string, string>();
  const arches = new Map<string, string>();
  for (const { src, descriptor } of loaded) {
    claim(arches, 'arch', descriptor.arch, { src, descriptor, path: ['arch'] }, diagnostics);
    for (const t of descriptor.tables) {
      claim(tables, 'table', t.id, { src, descriptor, path: ['tables', t.id] }, diagnostics);
    }
    for (const a of descriptor.abis) {
      claim(abis, 'abi', a.name, { src, descriptor, path: ['abis', a.name] }, diagnostics);
    }
  }
  for (const { src, descriptor } of loaded) {
    for (const a of descriptor.abis) {
      if (!tables.has(a.table))
        diagnostics.push(
          diagnosticAtPath(
            src.locate(),
            ['abis', a.name, 'table'],
            'abi-unknown-table',
            `ABI "${a.name}" reads unknown table "${a.table}"`,
            `define the table in some arch/*.yaml; known: ${[...tables.keys()].sort().join(', ')}`,
          ),
        );
    }
    descriptor.outputs.forEach((o, i) => {
      if (!tables.has(o.table))
        diagnostics.push(
          diagnosticAtPath(
            src.locate(),
            ['outputs', i, 'table'],
            'output-unknown-table',
            `output "${o.path}" reads unknown table "${o.table}"`,
            'name a table some descriptor defines',
          ),
        );
    });
  }
}

/** Loads every descriptor in `dir`; throws UserError listing all problems. */
export function loadArchSet(dir: string = bundledArchDir, cwd = process.cwd()): ArchSet {
  const diagnostics: Diagnostic[] = [];
  const loaded = descriptorFiles(dir)
    .map((path) => loadOne(path, relative(cwd, path) || path, diagnostics))
    .filter((l): l is NonNullable<typeof l> => l !== undefined);
  if (diagnostics.length === 0) crossCheck(loaded, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) throw new UserError(diagnostics);
  return archSetOf(loaded.map((l) => l.descriptor));
}
