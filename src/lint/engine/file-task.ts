// One file's work, the same in a worker and in-process: read it (bounded), skip binaries and
// oversized files with a stated reason, apply the prefilter, decode, and lint.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { SourceComment } from '../types.js';
import type { ProjectFacts } from './facts.js';
import { lintSource, type RawFinding } from './lint-source.js';
import type { Prefilter } from './prefilter.js';

export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface FileTask {
  abs: string;
  rel: string;
}

export interface FileOutcome {
  rel: string;
  abs: string;
  /** `clean`: rejected by the prefilter; `linted`: scanned and checked; `skipped`: see reason. */
  status: 'clean' | 'linted' | 'skipped';
  reason?: string;
  findings?: RawFinding[];
  directives?: SourceComment[];
  exports?: ProjectFacts;
  touchesTable?: boolean;
}

export interface TaskSettings {
  tableNames: string[];
  maxBytes: number;
  facts?: ProjectFacts;
  tableDirs?: string[];
}

let scratch = Buffer.allocUnsafe(1 << 20);

/** Reads up to `max + 1` bytes into a reused buffer; returns the byte count. */
function readBounded(abs: string, max: number): number {
  const fd = openSync(abs, 'r');
  try {
    const size = fstatSync(fd).size;
    const want = Math.min(size, max) + 1;
    if (scratch.length < want) scratch = Buffer.allocUnsafe(Math.max(want, scratch.length * 2));
    let n = 0;
    for (;;) {
      const r = readSync(fd, scratch, n, want - n, n);
      if (r === 0) break;
      n += r;
      if (n >= want) break;
    }
    return n;
  } finally {
    closeSync(fd);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function runFileTask(
  task: FileTask,
  settings: TaskSettings,
  prefilter: Prefilter | null,
): FileOutcome {
  const base = { rel: task.rel, abs: task.abs };
  let n: number;
  try {
    n = readBounded(task.abs, settings.maxBytes);
  } catch (e) {
    return {
      ...base,
      status: 'skipped',
      reason: `unreadable (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    };
  }
  if (n > settings.maxBytes) {
    return {
      ...base,
      status: 'skipped',
      reason: `too large (over ${Math.round(settings.maxBytes / 1048576)} MiB)`,
    };
  }
  if (prefilter && !prefilter.test(scratch, n)) return { ...base, status: 'clean' };
  const bytes = scratch.subarray(0, n);
  if (bytes.indexOf(0) >= 0)
    return { ...base, status: 'skipped', reason: 'binary (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // Not UTF-8: old modules carry Latin-1 comments. One byte per character keeps every
    // column right, so the file is still linted rather than dropped.
    text = bytes.toString('latin1');
  }
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  const dir = task.rel.includes('/') ? task.rel.slice(0, task.rel.lastIndexOf('/')) : '.';
  const r = lintSource(text, task.rel, {
    tableNames: new Set(settings.tableNames),
    levels: {},
    ...(settings.facts ? { facts: settings.facts } : {}),
    moduleTouchesTable: settings.tableDirs?.includes(dir) ?? false,
  });
  return {
    ...base,
    status: 'linted',
    findings: r.findings,
    directives: r.directives,
    exports: r.exports,
    touchesTable: r.touchesTable,
  };
}
