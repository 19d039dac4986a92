// Precompiled templates, cached beside the spec cache (~/.cache/syscalltbl, keyed by the hash of
// the template source, the handlebars version and the compile options), so a run whose templates
// are all cached loads only the handlebars runtime and skips parsing and compiling them.
// SYSCALLTBL_NO_CACHE=1 disables it. The cached text is handlebars' own compilation of the
// template, read back from the user's own cache folder: the same trust as the spec cache there.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheDirs, cacheKey } from '../spec/cache.js';

let handlebarsVersion: string | undefined;

/** The installed handlebars version (part of the key: its compiled output is version-bound). */
function installedHandlebars(): string {
  if (handlebarsVersion === undefined) {
    try {
      const path = createRequire(import.meta.url).resolve('handlebars/package.json');
      handlebarsVersion = String(JSON.parse(readFileSync(path, 'utf8')).version);
    } catch {
      handlebarsVersion = 'unknown';
    }
  }
  return handlebarsVersion;
}

export function templateKey(source: string, options: object): string {
  return cacheKey(['template', installedHandlebars(), JSON.stringify(options), source]);
}

/** The precompiled template (JavaScript source of a handlebars template spec), if cached. */
export function readPrecompiled(key: string): string | undefined {
  for (const dir of cacheDirs()) {
    try {
      return readFileSync(join(dir, `${key}.hbs.js`), 'utf8');
    } catch {
      // Not here: try the next place.
    }
  }
  return undefined;
}

export function writePrecompiled(key: string, code: string): void {
  const dir = cacheDirs()[0];
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, code);
    renameSync(tmp, join(dir, `${key}.hbs.js`));
  } catch {
    // Unwritable cache: only speed is lost.
  }
}
