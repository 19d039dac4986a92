// Runs the kernel's own generator scripts exactly as MANIFEST.md lists them (sh = dash, kbuild's
// collation) over a tree of .tbl files, to compare their output with ours.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { linuxSourceTree, referenceExpected } from '../../helpers/reference.js';

export interface ManifestEntry {
  arch: string;
  /** Path below arch/<arch>/include/generated/. */
  path: string;
  /** The command, with OUT standing for the target path. */
  command: string;
}

/** The 60 rows of expected/MANIFEST.md. */
export function manifest(): ManifestEntry[] {
  const text = readFileSync(join(referenceExpected, 'MANIFEST.md'), 'utf8');
  const rows: ManifestEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^\| (\S+) \| `([^`]+)` \| [^|]+ \| `(.+)` \|$/.exec(line);
    if (m?.[1] && m[2] && m[3]) rows.push({ arch: m[1], path: m[2], command: m[3] });
  }
  return rows;
}

export function generatedPath(entry: Pick<ManifestEntry, 'arch' | 'path'>): string {
  return join('arch', entry.arch, 'include', 'generated', entry.path);
}

export const KERNEL_SCRIPTS = [
  'scripts/syscallhdr.sh',
  'scripts/syscalltbl.sh',
  'arch/arm/tools/syscallnr.sh',
  'arch/mips/kernel/syscalls/syscallnr.sh',
  'arch/s390/kernel/syscalls/syscalltbl',
];

/** Why the kernel-script tests skip, or undefined when they can run. */
export function kernelScriptsMissing(): string | undefined {
  return linuxSourceTree()
    ? undefined
    : 'no Linux 6.12 tree (extract Debian linux-source-6.12 under /usr/src or set SYSCALLTBL_LINUX_SRC)';
}

/** Copies the kernel's scripts into `tree` (which already holds the .tbl files). */
export function installScripts(tree: string): void {
  const src = linuxSourceTree();
  if (!src) throw new Error('no Linux source tree');
  for (const s of KERNEL_SCRIPTS) {
    mkdirSync(dirname(join(tree, s)), { recursive: true });
    cpSync(join(src, s), join(tree, s));
  }
}

/**
 * Runs all 60 commands in `tree` (cwd, as kbuild does), writing below `tree`; returns each
 * output by its generated path. One shell script for all, so the run takes about a second.
 */
export function runKernelScripts(tree: string): Map<string, Buffer> {
  const entries = manifest();
  const lines = ['set -e'];
  for (const e of entries) {
    const target = generatedPath(e);
    lines.push(`mkdir -p ${dirname(target)}`);
    lines.push(e.command.replace(/\bOUT\b/g, target));
  }
  writeFileSync(join(tree, 'make-60.sh'), `${lines.join('\n')}\n`);
  const env: Record<string, string | undefined> = {
    ...process.env,
    LC_COLLATE: 'C',
    LC_NUMERIC: 'C',
  };
  delete env.LC_ALL;
  const run = spawnSync('sh', ['make-60.sh'], { cwd: tree, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`kernel scripts failed: ${run.stderr}`);
  return new Map(
    entries.map((e) => [generatedPath(e), readFileSync(join(tree, generatedPath(e)))]),
  );
}
