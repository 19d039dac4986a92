// One file's analysis, the part that runs in the main thread (one isolate: the analysis code
// warms up once, not once per worker): decode the bytes a worker read, run the gate's token
// check where its byte check left the file open, and lint it.
import { type ScannedFile, scanSource } from '../scan/index.js';
import type { SourceComment } from '../types.js';
import { decode } from './decode.js';
import type { ProjectFacts } from './facts.js';
import type { Gate } from './gate.js';
import { lintSource, type RawFinding } from './lint-source.js';
import type { ReadOutcome } from './read-task.js';

export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface FileTask {
  abs: string;
  rel: string;
}

export interface FileOutcome {
  rel: string;
  abs: string;
  /**
   * `clean`: nothing to report (rejected by a filter, or linted without result); `linted`:
   * analysed; `skipped`: see reason; `exports`: not analysed, as it has nothing to report of its
   * own, only lookups other files may call (analysed once some file may call them).
   */
  status: 'clean' | 'linted' | 'skipped' | 'exports';
  reason?: string;
  findings?: RawFinding[];
  directives?: SourceComment[];
  exports?: ProjectFacts;
  touchesTable?: boolean;
  /** Unknown functions called with the table's or an entry symbol's name (Analysis.namedCalls). */
  namedCalls?: string[];
  /** The file holds one of the names the prefilter was given (other files' exports). */
  hasName?: boolean;
}

export interface TaskSettings {
  /** One set for the whole run: what the analysis derives from it (spellings, lengths) is kept per set. */
  tableNames: ReadonlySet<string>;
  maxBytes: number;
  facts?: ProjectFacts;
  tableDirs?: string[];
}

/** Turns what a worker read into the file's outcome, analysing candidates. */
export function finishTask(
  task: FileTask,
  read: ReadOutcome,
  settings: TaskSettings,
  gate: Gate | null,
): FileOutcome {
  const base = { rel: task.rel, abs: task.abs, ...(read.hasName ? { hasName: true } : {}) };
  if (read.status === 'skipped') return { ...base, status: 'skipped', reason: read.reason ?? '' };
  if (read.status === 'exports') return { ...base, status: 'exports' };
  if (read.status === 'clean' || !read.bytes) return { ...base, status: 'clean' };
  try {
    let source: string | ScannedFile = decode(read.bytes);
    if (read.tokens && gate) {
      // Slot compares alone are read on the masked text first: most such files have none.
      if (read.tokens === 'slots' && !gate.slotsByText(source)) return { ...base, status: 'clean' };
      source = scanSource(source);
      if (!gate.byTokens(source, read.tokens === 'slots')) return { ...base, status: 'clean' };
    }
    const dir = task.rel.includes('/') ? task.rel.slice(0, task.rel.lastIndexOf('/')) : '.';
    const r = lintSource(source, task.rel, {
      tableNames: settings.tableNames,
      levels: {},
      ...(settings.facts ? { facts: settings.facts } : {}),
      moduleTouchesTable: settings.tableDirs?.includes(dir) ?? false,
      keepCovered: true,
    });
    return {
      ...base,
      status: 'linted',
      findings: r.findings,
      directives: r.directives,
      exports: r.exports,
      touchesTable: r.touchesTable,
      ...(r.namedCalls.length > 0 ? { namedCalls: r.namedCalls } : {}),
    };
  } catch (e) {
    // The scanner must not throw; if anything does, the file is skipped, never the run.
    return { ...base, status: 'skipped', reason: `internal error: ${(e as Error).message}` };
  }
}
