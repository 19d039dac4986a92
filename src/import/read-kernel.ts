// The I/O edge of import: finds a kernel tree's tables, syscalls.h and version, the stub
// declarations and the syscalls(2) man page, and hands plain data to buildSpec.
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ArchSet, TableDescriptor } from '../arch/model.js';
import { type Diagnostic, UserError } from '../common/diagnostics.js';
import { readSourceText } from '../common/source-file.js';
import { parseYaml } from '../common/yaml-document.js';
import type { ImportInputs, StubOverlay } from './build-spec.js';
import { type Arm64Unistd32Options, parseArm64Unistd32 } from './parse-arm64-unistd32.js';
import { parseGenericUnistd } from './parse-generic-unistd.js';
import { parseSyscallsHeader } from './parse-syscalls-h.js';
import { parseSyscallsManPage, resolveManPage } from './parse-syscalls-man.js';
import { type LegacyRows, parseTbl, type TblRow } from './parse-tbl.js';

const MAX_TABLE_BYTES = 16 << 20;

/**
 * VERSION.PATCHLEVEL.SUBLEVEL from the top Makefile, else a `linux-X.Y.Z` folder name (the tree
 * or its parent, as in linux-6.12.117/tbl), else undefined.
 */
export function kernelVersion(dir: string): string | undefined {
  const makefile = join(dir, 'Makefile');
  if (existsSync(makefile)) {
    const text = readFileSync(makefile, 'utf8').slice(0, 4000);
    const field = (name: string) =>
      new RegExp(`^${name}\\s*=\\s*(\\S*)`, 'm').exec(text)?.[1] ?? '';
    const [v, p, s] = [field('VERSION'), field('PATCHLEVEL'), field('SUBLEVEL')];
    if (/^[0-9]+$/.test(v) && /^[0-9]+$/.test(p))
      return /^[0-9]+$/.test(s) ? `${v}.${p}.${s}` : `${v}.${p}`;
  }
  for (const candidate of [dir, dirname(dir)]) {
    const m = /^linux(?:-source)?-([0-9]+\.[0-9]+(?:\.[0-9]+)?)$/.exec(basename(candidate));
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** Parsers of the headers older kernels kept their tables in, by descriptor `legacySource.format`. */
type LegacyParser = (text: string, file: string, options: Arm64Unistd32Options) => LegacyRows;
const LEGACY_FORMATS: Record<string, LegacyParser> = {
  'asm-generic-unistd': parseGenericUnistd,
  'arm64-unistd32': parseArm64Unistd32,
};

/** Each syscall's entry in another table of the tree (rows with one of `tags`, first wins). */
function entriesOf(
  tables: ImportInputs['tables'],
  from: { table: string; tags: string[] } | undefined,
): Map<string, string> | undefined {
  const rows = from ? tables.get(from.table)?.rows : undefined;
  if (!from || !rows) return undefined;
  const entries = new Map<string, string>();
  for (const r of rows)
    if (r.entry && from.tags.includes(r.tag) && !entries.has(r.name)) entries.set(r.name, r.entry);
  return entries;
}

/**
 * A table an older tree keeps in other forms (asm-generic/unistd.h and the architectures' own
 * headers before 6.11), if any: the sources' rows merged in number order.
 */
function readLegacySources(dir: string, table: TableDescriptor, tables: ImportInputs['tables']) {
  const present = table.legacySources.filter(
    (l) => LEGACY_FORMATS[l.format] && existsSync(join(dir, l.path)),
  );
  if (present.length === 0) return undefined;
  const rows: TblRow[] = [];
  const diagnostics: Diagnostic[] = [];
  let known = new Map<string, number>();
  for (const source of present) {
    const path = join(dir, source.path);
    const parse = LEGACY_FORMATS[source.format] as LegacyParser;
    const nativeEntries = entriesOf(tables, source.nativeEntriesFrom);
    const parsed = parse(readSourceText(path, path, MAX_TABLE_BYTES).text, path, {
      ...(source.tag ? { tag: source.tag } : {}),
      ...(nativeEntries ? { nativeEntries } : {}),
      known,
    });
    rows.push(...parsed.rows);
    diagnostics.push(...parsed.diagnostics);
    known = parsed.numbers;
  }
  // Written as one table would be: by number (the stable sort keeps each header's own order).
  rows.sort((a, b) => a.nr - b.nr);
  diagnostics.push({
    code: 'table-from-legacy-header',
    severity: 'info',
    message: `no ${table.path} in this tree: table ${table.id} read from ${present.map((p) => p.path).join(', ')}`,
    file: dir,
  });
  return { file: join(dir, present[0]?.path ?? ''), rows, diagnostics };
}

function readTables(
  dir: string,
  arches: ArchSet,
  diagnostics: Diagnostic[],
): ImportInputs['tables'] {
  const tables: ImportInputs['tables'] = new Map();
  const missing: TableDescriptor[] = [];
  for (const table of arches.tables.values()) {
    const path = join(dir, table.path);
    if (!existsSync(path)) {
      missing.push(table);
      continue;
    }
    const source = readSourceText(path, path, MAX_TABLE_BYTES);
    const parsed = parseTbl(source.text, path);
    diagnostics.push(...parsed.diagnostics);
    tables.set(table.id, { file: path, rows: parsed.rows });
  }
  // Older trees' headers, after every .tbl (a header may take entries from another table).
  for (const table of missing) {
    const legacy = readLegacySources(dir, table, tables);
    if (legacy) {
      diagnostics.push(...legacy.diagnostics);
      tables.set(table.id, { file: legacy.file, rows: legacy.rows });
      continue;
    }
    diagnostics.push({
      code: 'table-missing',
      severity: 'warning',
      message: `no ${table.path} in this tree: table ${table.id} and its ABIs are left out`,
      file: dir,
    });
  }
  if (tables.size === 0) {
    throw new UserError({
      code: 'no-tables',
      severity: 'error',
      message: 'no syscall table (.tbl) found under this folder',
      hint: 'point --kernel at a kernel source tree, or a folder laid out like it (arch/x86/entry/syscalls/syscall_64.tbl, ...)',
      file: dir,
    });
  }
  return tables;
}

export function readStubs(path: string): Map<string, StubOverlay> {
  const src = parseYaml(readSourceText(path, path, 1 << 20), 'stub declarations');
  const data = src.data as Record<string, { reason?: string; compat?: boolean; params?: string[] }>;
  const stubs = new Map<string, StubOverlay>();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError({
      code: 'stubs-not-mapping',
      severity: 'error',
      message: 'stub declarations must be a mapping of syscall names',
      file: path,
    });
  }
  for (const [name, decl] of Object.entries(data)) {
    stubs.set(name, {
      ...(decl?.reason ? { reason: decl.reason } : {}),
      ...(decl?.compat ? { compat: true } : {}),
      params: decl?.params ?? [],
    });
  }
  return stubs;
}

/**
 * The page a symlink names: Debian's dh_installman turns `.so` pages into symlinks
 * (chown32.2.gz -> chown.2.gz, mq_open.2.gz -> ../man3/mq_open.3.gz). Undefined for a real file.
 */
export function linkedPage(path: string): string | undefined {
  let target: string;
  try {
    target = readlinkSync(path);
  } catch {
    return undefined;
  }
  const m = /^([A-Za-z0-9_.+-]+?)\.([0-9][a-z]*)(?:\.gz)?$/.exec(basename(target));
  return m ? `${m[1]}(${m[2]})` : undefined;
}

/** syscalls(2) data and man page names; the page folder is the man page's own. */
export function readManPages(manPage: string): ImportInputs['man'] {
  const read = (path: string): string | undefined => {
    for (const candidate of [`${path}.gz`, path]) {
      try {
        const bytes = readFileSync(candidate);
        return (candidate.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      } catch {
        // try the other spelling
      }
    }
    return undefined;
  };
  const dir = dirname(manPage);
  const text = read(manPage.replace(/\.gz$/, ''));
  if (text === undefined) {
    throw new UserError({
      code: 'manpage-unreadable',
      severity: 'error',
      message: 'cannot read the syscalls(2) man page',
      hint: 'install manpages-dev, or pass --no-manpages',
      file: manPage,
    });
  }
  const entries = parseSyscallsManPage(text);
  const files = new Map(readdirSync(dir).map((f) => [f.replace(/\.2(\.gz)?$/, ''), f]));
  const pages = new Set(files.keys());
  const man: ImportInputs['man'] = new Map();
  const names = new Set([...entries.keys(), ...pages]);
  for (const name of names) {
    const file = files.get(name);
    const page = file
      ? (linkedPage(join(dir, file)) ??
        resolveManPage(name, (n) => (pages.has(n) ? read(join(dir, `${n}.2`)) : undefined)))
      : undefined;
    const since = entries.get(name)?.since;
    man.set(name, { ...(since ? { since } : {}), ...(page ? { page } : {}) });
  }
  return man;
}

function versionOrWarn(dir: string, diagnostics: Diagnostic[]): string {
  const version = kernelVersion(dir);
  if (version) return version;
  diagnostics.push({
    code: 'kernel-version-unknown',
    severity: 'warning',
    message:
      'cannot tell the kernel version (no Makefile, folder not named linux-X.Y.Z): recorded as "unknown"',
    hint: 'pass --kernel-version, e.g. --kernel-version 6.12.117',
    file: dir,
  });
  return 'unknown';
}

export interface KernelReadOptions {
  stubsFile?: string;
  manPage?: string;
  /** The version to record, when the tree does not say. */
  kernelVersion?: string;
}

export function readKernel(
  dir: string,
  arches: ArchSet,
  options: KernelReadOptions,
): { inputs: ImportInputs; diagnostics: Diagnostic[] } {
  if (!existsSync(dir)) {
    throw new UserError({
      code: 'kernel-missing',
      severity: 'error',
      message: 'no such folder',
      hint: 'give --kernel the top of a kernel source tree',
      file: dir,
    });
  }
  const diagnostics: Diagnostic[] = [];
  const tables = readTables(dir, arches, diagnostics);
  const header = join(dir, 'include', 'linux', 'syscalls.h');
  let prototypes = new Map();
  if (existsSync(header))
    prototypes = parseSyscallsHeader(readSourceText(header, header, MAX_TABLE_BYTES).text);
  else
    diagnostics.push({
      code: 'syscalls-h-missing',
      severity: 'warning',
      message: 'no include/linux/syscalls.h: signatures are left out',
      file: dir,
    });
  return {
    inputs: {
      kernel: options.kernelVersion ?? versionOrWarn(dir, diagnostics),
      tables,
      prototypes,
      stubs: options.stubsFile ? readStubs(options.stubsFile) : new Map(),
      man: options.manPage ? readManPages(options.manPage) : new Map(),
    },
    diagnostics,
  };
}
