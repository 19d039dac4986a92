// The content-hash cache shared by every stage: keys are hashes of everything that decides a
// result, files live in the user's cache folder (or $SYSCALLTBL_CACHE_DIR), then in the one built
// with the package (dist/cache). Writes are best-effort: an unwritable cache only costs speed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { VERSION } from '../version.js';
import { packageRoot } from './paths.js';

/** Bumped whenever a cached shape or the checks behind it change meaning. */
const CACHE_FORMAT = 1;

let buildId: string | null | undefined;

/**
 * The id `npm run build` stamps into dist/build-id (a hash of every compiled file), so results
 * cached by one build are never trusted by another. Null when there is none (running from source).
 */
function currentBuildId(): string | null {
  if (buildId === undefined) {
    try {
      buildId = readFileSync(join(packageRoot, 'dist', 'build-id'), 'utf8').trim() || null;
    } catch {
      buildId = null;
    }
  }
  return buildId;
}

export function cacheKey(parts: ReadonlyArray<Uint8Array | string>): string {
  const hash = createHash('sha256').update(
    `syscalltbl ${VERSION} build ${currentBuildId()} cache ${CACHE_FORMAT}\0`,
  );
  for (const part of parts) {
    hash.update(String(typeof part === 'string' ? part.length : part.byteLength));
    hash.update('\0');
    hash.update(part);
  }
  return hash.digest('hex');
}

/**
 * Where cache files are looked up, in order; empty when SYSCALLTBL_NO_CACHE is set, or when no
 * build id tells this code apart from other versions of it (running from source).
 */
export function cacheDirs(): string[] {
  if (process.env.SYSCALLTBL_NO_CACHE || currentBuildId() === null) return [];
  const user =
    process.env.SYSCALLTBL_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'syscalltbl');
  return [user, join(packageRoot, 'dist', 'cache')];
}

/** A cache file's text from the first folder that has it. */
export function readCacheFile(name: string): string | undefined {
  for (const dir of cacheDirs()) {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch {
      // Missing or unreadable here: try the next place.
    }
  }
  return undefined;
}

/** Stores a cache file atomically in the first (writable) folder; failures are ignored. */
export function writeCacheFile(name: string, text: string): void {
  const dir = cacheDirs()[0];
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(dir, name));
  } catch {
    // Read-only home, full disk: the cache is an optimisation only.
  }
}
