// Writes a planned run all or nothing, through common/atomic-write (temporary siblings, renamed
// only once every one is written; unchanged files are not touched, so their mtime stays). On
// top of it: targets that cannot be files are refused before anything is staged, and folders
// created for a run that then fails are removed again.
import { lstatSync, rmdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type WriteReport, writeFilesAtomically } from '../common/atomic-write.js';
import { UserError } from '../common/diagnostics.js';

export interface FileToWrite {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user. */
  display: string;
  content: Buffer;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function writeError(display: string, message: string, hint: string): UserError {
  return new UserError({
    code: 'write-failed',
    severity: 'error',
    message: `cannot write ${display}: ${message}; nothing was written`,
    hint,
    file: display,
  });
}

/** Folders the run would create, deepest first. */
function missingFolders(files: readonly FileToWrite[]): string[] {
  const missing = new Set<string>();
  const present = new Set<string>();
  for (const f of files) {
    for (let dir = dirname(f.path); !missing.has(dir) && !present.has(dir); dir = dirname(dir)) {
      if (exists(dir)) {
        present.add(dir);
        break;
      }
      missing.add(dir);
      if (dirname(dir) === dir) break;
    }
  }
  return [...missing].sort((a, b) => b.length - a.length);
}

export function writePlanned(files: readonly FileToWrite[]): WriteReport {
  const created = missingFolders(files);
  const fresh = new Set(created);
  for (const f of files) {
    // A file in a folder this run creates cannot exist yet.
    if (fresh.has(dirname(f.path))) continue;
    let kind: string | undefined;
    try {
      const st = lstatSync(f.path);
      if (!st.isFile()) kind = st.isDirectory() ? 'a directory' : 'not a regular file';
    } catch {
      kind = undefined;
    }
    if (kind)
      throw writeError(f.display, `the path is ${kind}`, 'remove it, or choose another --out');
  }
  try {
    return writeFilesAtomically(files.map((f) => ({ path: f.path, content: f.content })));
  } catch (error) {
    for (const dir of created) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty or already gone: leave it.
      }
    }
    const e = error as NodeJS.ErrnoException;
    const display = files.find((f) => e.path?.startsWith(f.path))?.display ?? e.path ?? 'output';
    throw writeError(
      display,
      e.code ? `${e.code} ${e.syscall ?? ''}`.trim() : String(e.message ?? e),
      'check that --out and the folders below it are writable',
    );
  }
}
