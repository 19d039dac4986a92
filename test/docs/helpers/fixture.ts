// The docs fixture: a small spec (test/fixtures/docs/mini.yaml) against trimmed copies of the x86,
// ARM and MIPS descriptors, loaded once per test file, plus golden-file comparison.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { buildReference } from '../../../src/docs/build-reference.js';
import type { Reference } from '../../../src/docs/reference-model.js';
import { loadSpec } from '../../../src/spec/load.js';
import { repoRoot } from '../../helpers/run-cli.js';

export const fixturesDir = join(repoRoot, 'test', 'fixtures', 'docs');
export const fixtureArchDir = join(fixturesDir, 'arch');
/** Relative to the repository root, as the CLI runs (and names it) from there. */
export const miniSpec = 'test/fixtures/docs/mini.yaml';
export const goldenDir = join(repoRoot, 'test', 'golden', 'docs');

export async function miniReference(): Promise<Reference> {
  const loaded = await loadSpec({
    spec: join(repoRoot, miniSpec),
    archDir: fixtureArchDir,
    cache: false,
  });
  return buildReference(loaded.spec, loaded.arches, { specName: miniSpec });
}

/** Compares with test/golden/docs/<name>; UPDATE_GOLDEN=1 rewrites it instead. */
export function expectGolden(name: string, actual: string): void {
  const path = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`${path} is missing: run with UPDATE_GOLDEN=1 to create it`);
  expect(actual, `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(
    readFileSync(path, 'utf8'),
  );
}
