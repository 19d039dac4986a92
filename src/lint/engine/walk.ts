// Expands the paths given to the linter into files: directories walked recursively (sorted),
// honouring .gitignore files inside a git work tree (as ripgrep does: a source tarball's
// .gitignore, like Debian's linux-source `/*`, describes a repository that is not there),
// following symlinks without looping, skipping `.git` and Kbuild's generated `*.mod.c`.
// Files named explicitly are always taken.
import {
  type Dirent,
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { SkippedFile } from '../types.js';

export interface WalkedFile {
  abs: string;
  /** Relative to the lint root, forward slashes. */
  rel: string;
}

const SOURCE = /\.(c|h)$/;

interface IgnoreLevel {
  dir: string;
  ig: Ignore;
}

export function toRel(root: string, abs: string): string {
  const r = relative(root, abs);
  return (r === '' ? '.' : r).split(sep).join('/');
}

export function walkPaths(
  paths: string[],
  root: string,
  accept: (rel: string) => boolean,
): { files: WalkedFile[]; skipped: SkippedFile[] } {
  const files: WalkedFile[] = [];
  const skipped: SkippedFile[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const add = (abs: string): void => {
    const rel = toRel(root, abs);
    if (seenFiles.has(abs) || !accept(rel)) return;
    seenFiles.add(abs);
    files.push({ abs, rel });
  };

  const walkDir = (dir: string, levels: IgnoreLevel[] | null): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      skipped.push({
        file: toRel(root, dir),
        reason: `unreadable directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      });
      return;
    }
    if (seenDirs.has(real)) {
      skipped.push({
        file: toRel(root, dir),
        reason: 'symlink to a directory already walked (loop or duplicate)',
      });
      return;
    }
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({
        file: toRel(root, dir),
        reason: `unreadable directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      });
      return;
    }
    let here = levels;
    if (levels && entries.some((e) => e.name === '.gitignore')) here = withGitignore(levels, dir);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name === '.git') continue;
      const abs = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const s = statSync(abs);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          if (SOURCE.test(e.name))
            skipped.push({ file: toRel(root, abs), reason: 'broken symlink' });
          continue;
        }
      }
      if (!isDir && !(isFile && SOURCE.test(e.name))) continue;
      if (isFile && e.name.endsWith('.mod.c')) continue;
      if (here && ignored(here, abs, isDir)) continue;
      if (isDir) walkDir(abs, here);
      else add(abs);
    }
  };

  for (const p of paths) {
    let s: ReturnType<typeof statSync>;
    try {
      s = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      skipped.push({
        file: toRel(root, p),
        reason: code === 'ENOENT' ? 'no such file or directory' : `unreadable (${code ?? 'error'})`,
      });
      continue;
    }
    if (s.isDirectory()) walkDir(p, outerLevels(p));
    else add(p);
  }
  return { files, skipped };
}

function withGitignore(levels: IgnoreLevel[], dir: string): IgnoreLevel[] {
  try {
    return [...levels, { dir, ig: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) }];
  } catch {
    return levels; // no (readable) .gitignore here
  }
}

/** The .gitignore levels above `dir` up to its git work tree's root; null outside a work tree. */
function outerLevels(dir: string): IgnoreLevel[] | null {
  const chain: string[] = [];
  let d = dirname(dir);
  let found = existsSync(join(dir, '.git'));
  while (!found && d !== dirname(d)) {
    chain.unshift(d);
    if (existsSync(join(d, '.git'))) found = true;
    else d = dirname(d);
  }
  if (!found) return null;
  let levels: IgnoreLevel[] = [];
  for (const c of chain) levels = withGitignore(levels, c);
  return levels;
}

function ignored(levels: IgnoreLevel[], abs: string, isDir: boolean): boolean {
  for (const l of levels) {
    const rel = relative(l.dir, abs).split(sep).join('/');
    if (rel && l.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
