// Expands the paths given to the linter into files: directories walked recursively (sorted),
// honouring .gitignore files inside a git work tree (as ripgrep does: a source tarball's
// .gitignore, like Debian's linux-source `/*`, describes a repository that is not there),
// following symlinks without looping, skipping `.git` and Kbuild's generated `*.mod.c`.
// Files named explicitly are always taken. Named pipes, sockets and devices are skipped (and
// reported) wherever they are: reading one could block forever or never end. Relative paths are built while descending (no
// path.relative per file), directories resolved with one realpath call each.
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

/** What a file that is neither a regular file nor a directory is (reading one could block forever). */
function specialKind(s: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** `*.c` and `*.h`. */
function isSource(name: string): boolean {
  const n = name.length;
  const last = name.charCodeAt(n - 1);
  return n >= 2 && name.charCodeAt(n - 2) === 46 && (last === 99 || last === 104);
}

interface IgnoreLevel {
  dir: string;
  ig: Ignore;
}

export function toRel(root: string, abs: string): string {
  const r = relative(root, abs);
  return (r === '' ? '.' : r).split(sep).join('/');
}

/** Called once when the walk has found more than `count` files (to start work meanwhile). */
export interface WalkMilestone {
  count: number;
  reached(): void;
}

export function walkPaths(
  paths: string[],
  root: string,
  accept: (rel: string) => boolean,
  milestone?: WalkMilestone,
): { files: WalkedFile[]; skipped: SkippedFile[] } {
  const files: WalkedFile[] = [];
  const skipped: SkippedFile[] = [];
  const seenDirs = new Set<string>();
  // One path walked yields each file once (every directory is entered once, by its real path);
  // only several paths can name a file twice (a file and its directory).
  const seenFiles = paths.length > 1 ? new Set<string>() : null;
  let pending = milestone;
  const add = (abs: string, rel = toRel(root, abs)): void => {
    if (seenFiles?.has(abs) || !accept(rel)) return;
    seenFiles?.add(abs);
    files.push({ abs, rel });
    if (pending && files.length > pending.count) {
      pending.reached();
      pending = undefined;
    }
  };

  /**
   * `relDir`: the directory relative to the root ('' for the root itself); `known`: its real
   * path when its parent's is known and it is no symlink (then no realpath call is needed).
   */
  const walkDir = (
    dir: string,
    relDir: string,
    levels: IgnoreLevel[] | null,
    known?: string,
  ): void => {
    let real: string;
    try {
      real = known ?? realpathSync.native(dir);
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
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    const relPrefix = relDir === '' ? '' : `${relDir}/`;
    for (const e of entries) {
      const name = e.name;
      if (name === '.git') continue;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      let special: string | null = isDir || isFile || e.isSymbolicLink() ? null : specialKind(e);
      // Most entries are neither directories nor C sources: drop them before building paths.
      if (!isDir && !e.isSymbolicLink() && !(isFile && isSource(name))) {
        if (special && isSource(name)) skipped.push({ file: relPrefix + name, reason: special });
        continue;
      }
      const abs = prefix + name;
      if (e.isSymbolicLink()) {
        try {
          const s = statSync(abs);
          isDir = s.isDirectory();
          isFile = s.isFile();
          special = isDir || isFile ? null : specialKind(s);
        } catch {
          if (isSource(name)) skipped.push({ file: relPrefix + name, reason: 'broken symlink' });
          continue;
        }
      }
      if (!isDir && !(isFile && isSource(name))) {
        if (special && isSource(name)) skipped.push({ file: relPrefix + name, reason: special });
        continue;
      }
      if (isFile && name.endsWith('.mod.c')) continue;
      if (here && ignored(here, abs, isDir)) continue;
      if (isDir)
        walkDir(
          abs,
          relPrefix + name,
          here,
          e.isSymbolicLink() ? undefined : (real.endsWith(sep) ? real : real + sep) + name,
        );
      else add(abs, relPrefix + name);
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
    if (s.isDirectory()) {
      const rel = toRel(root, p);
      // Below the root, relative paths can be built by appending names; elsewhere (a path
      // outside the root cannot happen, lintRoot contains every input) fall back to toRel.
      walkDir(p, rel === '.' ? '' : rel, outerLevels(p));
    } else if (s.isFile()) add(p);
    else skipped.push({ file: toRel(root, p), reason: specialKind(s) });
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
