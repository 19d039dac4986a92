// `generate --check`: compares what a run would write with what is on disk, writes nothing, and
// describes each stale or missing file as a unified diff (the CI guard against hand edits).
import { isAbsolute } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { readIfExists } from '../common/atomic-write.js';
import type { FileToWrite } from './write.js';

export interface StaleFile {
  display: string;
  missing: boolean;
  diff: string;
}

export function findStale(files: readonly FileToWrite[]): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const f of files) {
    const current = readIfExists(f.path);
    if (current?.equals(f.content)) continue;
    // git's a/ and b/ prefixes for relative paths; an absolute --out is shown as it is.
    const [a, b] = isAbsolute(f.display)
      ? [f.display, f.display]
      : [`a/${f.display}`, `b/${f.display}`];
    const diff = createTwoFilesPatch(
      current ? a : '/dev/null',
      b,
      current?.toString('utf8') ?? '',
      f.content.toString('utf8'),
      undefined,
      undefined,
      { headerOptions: FILE_HEADERS_ONLY },
    );
    stale.push({ display: f.display, missing: current === undefined, diff });
  }
  return stale;
}
