import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArchSet } from '../../src/arch/load.js';
import { cacheDirs } from '../../src/common/cache.js';
import { commandTableNames, tableSymbolsCacheFile } from '../../src/lint/command-table-names.js';
import { DEFAULT_TABLE_NAMES } from '../../src/lint/engine/table-names.js';

const expected = [
  ...new Set([...DEFAULT_TABLE_NAMES, ...loadArchSet().arches.flatMap((a) => a.tableSymbols)]),
].sort();

describe('commandTableNames', () => {
  let dir: string;
  const saved = process.env.SYSCALLTBL_CACHE_DIR;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syscalltbl-names-'));
    process.env.SYSCALLTBL_CACHE_DIR = dir;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SYSCALLTBL_CACHE_DIR;
    else process.env.SYSCALLTBL_CACHE_DIR = saved;
  });

  it('is the built-in names and every arch descriptor’s tableSymbols, sorted, once each', async () => {
    const names = await commandTableNames();
    expect(names).toEqual(expected);
    expect(names).toContain('sys_call_table');
    expect(names).toContain('sysn32_call_table'); // mips.yaml's, not built in
  });

  // The cache is keyed by the build id (dist/build-id, written by `npm run build`, which
  // `npm test` runs first); running from source without one, nothing is cached. The test's
  // folder is looked in first, before the cache the build primed (dist/cache).
  it.skipIf(cacheDirs().length === 0)(
    'reads the descriptors’ symbols from the cache, and rewrites a torn entry (needs dist/build-id)',
    async () => {
      const file = join(dir, tableSymbolsCacheFile());
      writeFileSync(file, JSON.stringify(['planted_call_table']));
      expect(await commandTableNames()).toContain('planted_call_table');
      writeFileSync(file, '["torn');
      expect(await commandTableNames()).toEqual(expected);
      const rewritten = JSON.parse(readFileSync(file, 'utf8')) as string[];
      expect(rewritten).toEqual(loadArchSet().arches.flatMap((a) => a.tableSymbols));
    },
  );
});
