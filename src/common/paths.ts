// Where the bundled data lives: the package root holds syscalls.yaml, arch/, templates/ and
// schema/, both when running from src/ (tests) and from dist/ (installed).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const bundledSpecPath = join(packageRoot, 'syscalls.yaml');
export const bundledArchDir = join(packageRoot, 'arch');
export const bundledTemplatesDir = join(packageRoot, 'templates');
export const schemaDir = join(packageRoot, 'schema');

/** `--spec FILE` when given; else `./syscalls.yaml` when present; else the bundled spec. */
export function resolveSpecPath(option: string | undefined, cwd = process.cwd()): string {
  if (option) return option;
  const local = join(cwd, 'syscalls.yaml');
  return existsSync(local) ? local : bundledSpecPath;
}
