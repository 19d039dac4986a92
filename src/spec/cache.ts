// Checked specs in the content-hash cache (src/common/cache.ts), so repeated runs skip YAML
// parsing and checking entirely.
import type { ArchDescriptor } from '../arch/model.js';
import { readCacheFile, writeCacheFile } from '../common/cache.js';
import type { Diagnostic } from '../common/diagnostics.js';
import type { Spec } from './model.js';

export { cacheKey } from '../common/cache.js';

export interface CachedSpec {
  spec: Spec;
  arches: ArchDescriptor[];
  warnings: Diagnostic[];
}

export function readCache(key: string): CachedSpec | undefined {
  const text = readCacheFile(`${key}.json`);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as CachedSpec;
  } catch {
    return undefined; // a torn or foreign file: recompute
  }
}

export function writeCache(key: string, value: CachedSpec): void {
  writeCacheFile(`${key}.json`, JSON.stringify(value));
}
