// Small file-tree utilities for the emit tests: temporary folders, reading a tree, copying.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll } from 'vitest';

// One folder per test file, removed after it; registered here, at import, because a hook
// registered inside a running test would never run.
let base: string | undefined;
afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file (callable inside tests). */
export function tempDir(): string {
  base ??= mkdtempSync(join(tmpdir(), 'syscalltbl-emit-'));
  return mkdtempSync(join(base, 't-'));
}

/** Every regular file below `root`, by `/`-separated relative path. */
export function readTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

/** Relative path -> mtime in ms, for "nothing was touched" checks. */
export function mtimes(root: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const path of readTree(root).keys()) out.set(path, statSync(join(root, path)).mtimeMs);
  return out;
}
