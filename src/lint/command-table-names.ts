// The table symbols the lint command looks for before a config adds its own: the built-in list
// and every arch descriptor's `tableSymbols` (data, not code). The whole-tree test and the bench
// use the same list, so what they report is what `syscalltbl lint` reports.
//
// Loading the descriptors means parsing and checking YAML, a fifth of a small lint's run: their
// symbols are kept in the content-hash cache (src/common/cache.ts), keyed by the descriptors'
// bytes, and the YAML machinery loads only when the cache has no entry.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { descriptorFiles } from '../arch/arch-set.js';
import { cacheKey, readCacheFile, writeCacheFile } from '../common/cache.js';
import { bundledArchDir } from '../common/paths.js';
import { DEFAULT_TABLE_NAMES } from './engine/table-names.js';

export async function commandTableNames(): Promise<string[]> {
  const fromArches = await archTableSymbols();
  return [...new Set([...DEFAULT_TABLE_NAMES, ...fromArches])].sort();
}

/** The cache file of the bundled descriptors' symbols: named by their bytes (and the build). */
export function tableSymbolsCacheFile(): string {
  const files = descriptorFiles(bundledArchDir);
  const key = cacheKey([
    'arch table symbols',
    ...files.flatMap((f) => [basename(f), readFileSync(f)]),
  ]);
  return `${key}.table-symbols.json`;
}

async function archTableSymbols(): Promise<string[]> {
  const file = tableSymbolsCacheFile();
  const cached = readCachedList(file);
  if (cached) return cached;
  const { loadArchSet } = await import('../arch/load.js');
  const symbols = loadArchSet().arches.flatMap((a) => a.tableSymbols);
  writeCacheFile(file, JSON.stringify(symbols));
  return symbols;
}

/** A cached list of strings; undefined when missing, torn or not such a list. */
function readCachedList(name: string): string[] | undefined {
  const text = readCacheFile(name);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}
