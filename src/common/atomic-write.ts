// Writes files the way build systems want: all or nothing, and untouched when unchanged, so
// `make` sees an unchanged output as unchanged. Nothing is written until every file is known.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface PlannedFile {
  /** Absolute or working-directory-relative path. */
  path: string;
  content: string | Uint8Array;
}

export interface WriteReport {
  written: string[];
  unchanged: string[];
}

/** Current content of a file, or undefined when it does not exist or cannot be read. */
export function readIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function sameBytes(existing: Buffer | undefined, content: string | Uint8Array): boolean {
  if (!existing) return false;
  const next = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return existing.equals(next);
}

/**
 * Writes every changed file through a temporary sibling and a rename. Temporaries are all written
 * first; only when every one succeeded are they renamed into place, so a failure part-way leaves
 * the outputs as they were.
 */
export function writeFilesAtomically(files: readonly PlannedFile[]): WriteReport {
  const report: WriteReport = { written: [], unchanged: [] };
  const staged: Array<{ tmp: string; path: string }> = [];
  // One mkdir per folder, not per file: generated trees put dozens of files in few folders.
  const folders = new Set<string>();
  try {
    for (const file of files) {
      if (sameBytes(readIfExists(file.path), file.content)) {
        report.unchanged.push(file.path);
        continue;
      }
      const folder = dirname(file.path);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      const tmp = `${file.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(tmp, file.content);
      staged.push({ tmp, path: file.path });
    }
  } catch (error) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw error;
  }
  for (const s of staged) {
    renameSync(s.tmp, s.path);
    report.written.push(s.path);
  }
  return report;
}
