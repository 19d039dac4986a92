// A cache of checked specs keyed by the content hash of everything that decides the result
// (tool version, spec bytes, descriptor bytes), so repeated runs skip YAML parsing entirely.
// Writes are best-effort: an unwritable cache only costs speed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ArchDescriptor } from '../arch/model.js';
import type { Diagnostic } from '../common/diagnostics.js';
import { packageRoot } from '../common/paths.js';
import { VERSION } from '../version.js';
import type { Spec } from './model.js';

export interface CachedSpec {
  spec: Spec;
  arches: ArchDescriptor[];
  warnings: Diagnostic[];
}

/** Bumped whenever the cached shape or the checks change meaning. */
const CACHE_FORMAT = 1;

export function cacheKey(parts: ReadonlyArray<Uint8Array | string>): string {
  const hash = createHash('sha256').update(`syscalltbl ${VERSION} cache ${CACHE_FORMAT}\0`);
  for (const part of parts) {
    hash.update(String(typeof part === 'string' ? part.length : part.byteLength));
    hash.update('\0');
    hash.update(part);
  }
  return hash.digest('hex');
}

/** Where caches are looked up: the user's (or $SYSCALLTBL_CACHE_DIR), then the one built with the package. */
export function cacheDirs(): string[] {
  if (process.env.SYSCALLTBL_NO_CACHE) return [];
  const user =
    process.env.SYSCALLTBL_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'syscalltbl');
  return [user, join(packageRoot, 'dist', 'cache')];
}

export function readCache(key: string): CachedSpec | undefined {
  for (const dir of cacheDirs()) {
    try {
      return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as CachedSpec;
    } catch {
      // Missing or unreadable: try the next place.
    }
  }
  return undefined;
}

export function writeCache(key: string, value: CachedSpec): void {
  const dir = cacheDirs()[0];
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    // Read-only home, full disk: the cache is an optimisation only.
  }
}
