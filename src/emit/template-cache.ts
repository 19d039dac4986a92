// Precompiled templates, cached beside the spec cache (~/.cache/syscalltbl, keyed by the hash of
// the template source, the handlebars version and the compile options), so a run whose templates
// are all cached loads only the handlebars runtime and skips parsing and compiling them.
// SYSCALLTBL_NO_CACHE=1 disables it. The cached text is handlebars' own compilation of the
// template, read back from the user's own cache folder: the same trust as the spec cache there.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cacheKey, readCacheFile, writeCacheFile } from '../common/cache.js';

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
  return readCacheFile(`${key}.hbs.js`);
}

export function writePrecompiled(key: string, code: string): void {
  writeCacheFile(`${key}.hbs.js`, code);
}
