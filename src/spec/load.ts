// Loads the spec and the architecture descriptors into checked plain data: the one entry point
// every command uses. Hot path: hash the inputs and reuse a cached result, loading neither the
// YAML parsers nor the checks; they are imported only on a cache miss.
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { archSetOf, descriptorFiles } from '../arch/arch-set.js';
import type { ArchSet } from '../arch/model.js';
import { type Diagnostic, UserError } from '../common/diagnostics.js';
import { bundledArchDir, resolveSpecPath } from '../common/paths.js';
import { readSourceText } from '../common/source-file.js';
import { cacheKey, readCache, writeCache } from './cache.js';
import type { Spec } from './model.js';

/** 64 MiB: ten times any real spec, small enough to refuse a runaway file quickly. */
export const MAX_SPEC_BYTES = 64 << 20;

export interface LoadOptions {
  /** Spec path (default: ./syscalls.yaml when present, else the bundled spec). */
  spec?: string;
  /** Descriptor folder (default: the bundled arch/). */
  archDir?: string;
  cwd?: string;
  /** Use the content-hash cache (default true). */
  cache?: boolean;
  /** What to say when the spec file does not exist (default: about --spec). */
  notFoundHint?: string;
}

export interface LoadedSpec {
  spec: Spec;
  arches: ArchSet;
  /** Path as shown in diagnostics. */
  file: string;
  warnings: Diagnostic[];
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Loads and checks the spec; throws UserError with every problem found. */
export async function loadSpec(options: LoadOptions = {}): Promise<LoadedSpec> {
  const cwd = options.cwd ?? process.cwd();
  const path = resolveSpecPath(options.spec, cwd);
  const file = displayPath(path, cwd);
  const archDir = options.archDir ?? bundledArchDir;
  const source = readSourceText(
    path,
    file,
    MAX_SPEC_BYTES,
    options.notFoundHint ??
      'check the path, or omit --spec to use ./syscalls.yaml or the bundled spec',
  );

  let key: string | undefined;
  if (options.cache !== false) {
    const archFiles = descriptorFiles(archDir);
    // Keyed by content only (descriptors by basename), so the cache built with the package
    // serves the bundled spec from any folder; warnings are re-pointed at this run's path.
    key = cacheKey([source.bytes, ...archFiles.flatMap((f) => [basename(f), readFileSync(f)])]);
    const hit = readCache(key);
    if (hit) {
      const warnings = hit.warnings.map((w) => ({ ...w, file }));
      return { spec: hit.spec, arches: archSetOf(hit.arches), file, warnings };
    }
  }

  const { loadArchSet } = await import('../arch/load.js');
  const { checkSpec } = await import('./check-spec.js');
  const { loadYamlData } = await import('../common/yaml-data.js');
  const arches = loadArchSet(archDir, cwd);
  const checked = checkSpec(loadYamlData(source, 'a syscalltbl spec (kernel:, syscalls:)'), arches);
  if (!checked.spec || checked.diagnostics.some((d) => d.severity === 'error')) {
    throw new UserError(checked.diagnostics);
  }
  if (key)
    writeCache(key, { spec: checked.spec, arches: arches.arches, warnings: checked.diagnostics });
  return { spec: checked.spec, arches, file, warnings: checked.diagnostics };
}
