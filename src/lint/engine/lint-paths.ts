// The linter as a library call: walk the paths, prefilter and lint every file over worker
// threads, follow aliases across the run's files with a project-wide symbol table, apply each
// file's rule levels, and return findings in a deterministic order.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rules } from '../rules/index.js';
import type { Finding, RuleLevel, SkippedFile, SourceComment } from '../types.js';
import { dict, emptyFacts, type Kind, mergeFacts, type ProjectFacts } from './facts.js';
import {
  DEFAULT_MAX_FILE_BYTES,
  type FileOutcome,
  type FileTask,
  runFileTask,
  type TaskSettings,
} from './file-task.js';
import { compareFindings, type RawFinding } from './lint-source.js';
import { buildPrefilter, TRIGGER_WORDS } from './prefilter.js';
import { walkPaths } from './walk.js';
import type { WorkerBatch, WorkerReply } from './worker.js';

export { renderMessage } from './render-message.js';

export interface LintEngineOptions {
  /** Table symbol names: the built-in list plus the arch descriptors' `tableSymbols` plus config extras. */
  tableNames: string[];
  /** Effective level of each rule for one file (path relative to root, forward slashes); 'off' rules are not run there. */
  ruleLevelsFor: (file: string) => Record<string, RuleLevel>;
  /** Return false to leave a file out (include/exclude globs from config); called with root-relative paths. */
  fileFilter?: (file: string) => boolean;
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
  /** Files larger than this are skipped (default 32 MiB). */
  maxFileBytes?: number;
}

export interface EngineResult {
  root: string;
  findings: Finding[];
  directives: Record<string, SourceComment[]>;
  skipped: SkippedFile[];
  filesLinted: number;
}

export function defaultRuleLevels(): Record<string, RuleLevel> {
  return Object.fromEntries(
    rules.map((r) => [r.meta.id, r.meta.defaultSeverity === 'error' ? 'error' : 'warn']),
  );
}

/** The directory findings are relative to: the cwd when every path is inside it, else their common ancestor. */
export function lintRoot(paths: string[], cwd = process.cwd()): string {
  const abs = paths.map((p) => resolve(cwd, p));
  if (abs.every((p) => p === cwd || !relative(cwd, p).startsWith('..'))) return cwd;
  let root = abs[0] ? (isDirectory(abs[0]) ? abs[0] : dirname(abs[0])) : cwd;
  for (const p of abs) {
    while (root !== dirname(root) && relative(root, p).startsWith('..')) root = dirname(root);
  }
  return root;
}

/** Kinds worth telling other files about; plain kernel addresses stay local to keep runs cheap. */
const SHARED: ReadonlySet<Kind> = new Set([
  'table',
  'shadow',
  'slot',
  'sslot',
  'eslot',
  'entry',
  'lookup',
  'tname',
  'ename',
]);
/** Kinds that make another file's plain-looking code a finding (and so warrant re-reading files). */
const SPREADING: ReadonlySet<Kind> = new Set([
  'table',
  'shadow',
  'slot',
  'sslot',
  'eslot',
  'entry',
]);

function shareable(f: ProjectFacts): ProjectFacts {
  const pick = (r: Record<string, Kind>): Record<string, Kind> =>
    dict(Object.fromEntries(Object.entries(r).filter(([, k]) => SHARED.has(k))));
  const params: ProjectFacts['params'] = dict();
  for (const [fn, ps] of Object.entries(f.params)) {
    const kept = pick(ps);
    if (Object.keys(kept).length > 0) params[fn] = kept;
  }
  return {
    ...f,
    globals: pick(f.globals),
    fields: pick(f.fields),
    macros: pick(f.macros),
    returns: pick(f.returns),
    params,
  };
}

export async function lintPaths(
  paths: string[],
  options: LintEngineOptions,
): Promise<EngineResult> {
  const cwd = process.cwd();
  const inputs = paths.length > 0 ? paths : ['.'];
  const root = lintRoot(inputs, cwd);
  const filter = options.fileFilter ?? (() => true);
  const { files, skipped } = walkPaths(
    inputs.map((p) => (isAbsolute(p) ? p : resolve(cwd, p))),
    root,
    filter,
  );
  const tableNames = [...new Set(options.tableNames)];
  const words = [...TRIGGER_WORDS, ...tableNames];
  const settings: TaskSettings = {
    tableNames,
    maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  };
  const pool = createPool(options.jobs ?? availableParallelism(), files.length);
  try {
    let done = 0;
    const first = await pool.run(files, settings, words, (n) => {
      done += n;
      options.onProgress?.(done, files.length);
    });
    const outcomes = new Map(first.map((o) => [o.rel, o]));

    // Cross-file pass: merge what every file exports, then re-lint the files it can change.
    const facts = emptyFacts();
    for (const o of first) {
      if (o.status !== 'linted') continue;
      const ex = shareable(o.exports ?? emptyFacts());
      if (o.touchesTable) ex.tableDirs = [dirOf(o.rel)];
      mergeFacts(facts, ex);
    }
    // Names other files may use: values that are (or point into) the table, shadow or entry
    // code. Lookup wrappers are left out: a call passing them a table name carries that name,
    // so the calling file passes the prefilter on its own.
    const names = namesOf(facts).filter((n) => !words.includes(n) && n.length >= 3);
    if (process.env.SYSCALLTBL_DEBUG)
      process.stderr.write(
        `cross-file names: ${names.join(' ')}; table dirs: ${facts.tableDirs.length}\n`,
      );
    if (names.length > 0 || facts.tableDirs.length > 0) {
      settings.facts = facts;
      settings.tableDirs = facts.tableDirs;
      // Files of a module that touches the table, whose write-protection findings escalate.
      const escalating = files.filter((f) => {
        const o = outcomes.get(f.rel);
        return (
          o?.status === 'linted' &&
          facts.tableDirs.includes(dirOf(f.rel)) &&
          (o.findings ?? []).some((x) => x.escalate)
        );
      });
      let pending = names;
      // Rounds until no file adds a name (aliases of aliases across files), bounded.
      for (let round = 0; round < 3; round++) {
        const candidates = files.filter((f) => outcomes.get(f.rel)?.status !== 'skipped');
        const again = [
          ...(round === 0 ? await pool.run(escalating, settings, null, () => {}) : []),
          ...(pending.length > 0 ? await pool.run(candidates, settings, pending, () => {}) : []),
        ];
        const before = new Set(namesOf(facts));
        for (const o of again) {
          if (o.status === 'clean') continue;
          outcomes.set(o.rel, o);
          if (o.status === 'linted') {
            const ex = shareable(o.exports ?? emptyFacts());
            if (o.touchesTable) ex.tableDirs = [dirOf(o.rel)];
            mergeFacts(facts, ex);
          }
        }
        pending = namesOf(facts).filter((n) => !before.has(n) && !words.includes(n));
        if (pending.length === 0) break;
      }
    }

    const findings: Finding[] = [];
    const directives: Record<string, SourceComment[]> = {};
    let filesLinted = 0;
    for (const o of outcomes.values()) {
      if (o.status === 'skipped') {
        skipped.push({ file: o.rel, reason: o.reason ?? 'skipped' });
        continue;
      }
      filesLinted++;
      if (o.directives && o.directives.length > 0) directives[o.rel] = o.directives;
      if (!o.findings || o.findings.length === 0) continue;
      const levels = { ...defaultRuleLevels(), ...options.ruleLevelsFor(o.rel) };
      for (const raw of o.findings) {
        const level = levels[raw.ruleId];
        if (!level || level === 'off') continue;
        const { escalate, ...f } = raw as RawFinding;
        f.severity = level === 'error' || (escalate && level === 'warn') ? 'error' : 'warning';
        findings.push(f);
      }
    }
    findings.sort(compareFindings);
    skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return { root, findings, directives, skipped, filesLinted };
  } finally {
    await pool.close();
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '.' : rel.slice(0, i);
}

/** Names whose values spread the table to other files: globals, fields, macros, results, parameters. */
function namesOf(f: ProjectFacts): string[] {
  const spreading = (r: Record<string, Kind>): string[] =>
    Object.keys(r).filter((n) => SPREADING.has(r[n] as Kind));
  const params = Object.keys(f.params).filter((fn) => spreading(f.params[fn] ?? {}).length > 0);
  return [
    ...spreading(f.globals),
    ...spreading(f.fields),
    ...spreading(f.macros),
    ...spreading(f.returns),
    ...params,
  ];
}

interface Pool {
  run(
    tasks: FileTask[],
    settings: TaskSettings,
    words: string[] | null,
    progress: (n: number) => void,
  ): Promise<FileOutcome[]>;
  close(): Promise<void>;
}

/** Worker threads when there is enough work and a compiled worker; otherwise in-process. */
function createPool(jobs: number, total: number): Pool {
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const threads = Math.max(1, Math.min(jobs, Math.ceil(total / 256)));
  if (threads <= 1 || !existsSync(workerFile)) return inProcessPool();
  const workers = Array.from({ length: threads }, () => new Worker(workerFile, { execArgv: [] }));
  let nextId = 0;
  return {
    run(tasks, settings, words, progress) {
      if (tasks.length === 0) return Promise.resolve([]);
      const size = Math.max(16, Math.min(512, Math.ceil(tasks.length / (threads * 8))));
      const batches: FileTask[][] = [];
      for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
      const results: FileOutcome[][] = new Array(batches.length);
      let next = 0;
      let pending = 0;
      return new Promise((resolvePromise, reject) => {
        const feed = (w: Worker): void => {
          if (next >= batches.length) {
            if (pending === 0) resolvePromise(results.flat());
            return;
          }
          const index = next++;
          const id = nextId++;
          pending++;
          const onMessage = (reply: WorkerReply): void => {
            if (reply.id !== id) return;
            w.off('message', onMessage);
            w.off('error', onError);
            results[index] = reply.outcomes;
            pending--;
            progress(reply.outcomes.length);
            feed(w);
          };
          const onError = (e: unknown): void =>
            reject(e instanceof Error ? e : new Error(`lint worker failed: ${String(e)}`));
          w.on('message', onMessage);
          w.once('error', onError);
          w.postMessage({
            id,
            tasks: batches[index] as FileTask[],
            settings,
            words,
          } satisfies WorkerBatch);
        };
        for (const w of workers) feed(w);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function inProcessPool(): Pool {
  return {
    async run(tasks, settings, words, progress) {
      const pre = words ? buildPrefilter(words) : null;
      const out = tasks.map((t) => {
        try {
          return runFileTask(t, settings, pre);
        } catch (e) {
          return {
            rel: t.rel,
            abs: t.abs,
            status: 'skipped',
            reason: `internal error: ${(e as Error).message}`,
          } as FileOutcome;
        }
      });
      progress(tasks.length);
      return out;
    },
    async close() {},
  };
}
