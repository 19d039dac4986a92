// The linter as a library call: walk the paths, prefilter and lint every file over worker
// threads (pool.ts), follow aliases across the run's files with a project-wide symbol table
// (cross-file.ts), apply each file's rule levels, and return findings in a deterministic order.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { rules } from '../rules/index.js';
import type { Finding, RuleLevel, SkippedFile, SourceComment } from '../types.js';
import { dirOf, learnFrom, lookupNamesOf, namesOf } from './cross-file.js';
import { emptyFacts, type ProjectFacts } from './facts.js';
import {
  DEFAULT_MAX_FILE_BYTES,
  type FileOutcome,
  type FileTask,
  type TaskSettings,
} from './file-task.js';
import { compareFindings, dropCoveredReferences, type RawFinding } from './lint-source.js';
import { createPool, IN_PROCESS_FILES, type Pass, type Pool } from './pool.js';
import { TRIGGER_WORDS } from './prefilter.js';
import { walkPaths } from './walk.js';

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

export async function lintPaths(
  paths: string[],
  options: LintEngineOptions,
): Promise<EngineResult> {
  const debug = process.env.SYSCALLTBL_DEBUG ? debugClock() : null;
  const cwd = process.cwd();
  const inputs = paths.length > 0 ? paths : ['.'];
  const root = lintRoot(inputs, cwd);
  const filter = options.fileFilter ?? (() => true);
  const jobs = options.jobs ?? availableParallelism();
  const absolute = inputs.map((p) => (isAbsolute(p) ? p : resolve(cwd, p)));
  // Once the walk has found more files than a run in one thread takes, the reader threads
  // start while it goes on.
  const early: { pool?: Pool } = {};
  const milestone = {
    count: IN_PROCESS_FILES,
    reached: () => {
      early.pool = createPool(jobs, Number.POSITIVE_INFINITY);
    },
  };
  let walked: ReturnType<typeof walkPaths>;
  try {
    walked = walkPaths(absolute, root, filter, milestone);
  } catch (e) {
    await early.pool?.close();
    throw e;
  }
  const { files, skipped } = walked;
  debug?.(`walk: ${files.length} files`);
  const tableNames = [...new Set(options.tableNames)];
  const words = [...TRIGGER_WORDS, ...tableNames];
  const settings: TaskSettings = {
    tableNames: new Set(tableNames),
    maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  };
  const pool = early.pool ?? createPool(jobs, files.length);
  try {
    let done = 0;
    // Names whose values spread the table. Only names not themselves trigger words count; a
    // two-letter name would match half the tree.
    const spreadingNames = (f: ProjectFacts): string[] =>
      namesOf(f).filter((n) => !words.includes(n) && n.length >= 3);
    // While the first pass runs, the names exported so far (a growing list) are noted in the
    // files still to read, so that afterwards only files read earlier need searching again.
    const early = emptyFacts();
    const known: string[] = [];
    const first = await pool.run(
      files,
      settings,
      { words, gateTables: tableNames },
      (n) => {
        done += n;
        options.onProgress?.(done, files.length);
      },
      (outs) => {
        for (const o of outs) learnFrom(early, o);
        for (const n of spreadingNames(early)) if (!known.includes(n)) known.push(n);
        return known;
      },
    );
    // Each file's place in the list, for ordering later passes' outcomes: built only for them
    // (hashing every path of a large tree is a cost of its own).
    let places: Map<string, number> | null = null;
    const index = (): Map<string, number> => {
      places ??= new Map(files.map((f, i) => [f.rel, i]));
      return places;
    };
    const byIndex = (a: FileOutcome, b: FileOutcome): number =>
      (index().get(a.rel) as number) - (index().get(b.rel) as number);
    // Outcomes other than `clean`, in file order; a file without one was rejected by a filter
    // or linted clean.
    const outcomes = new Map<string, FileOutcome>();
    for (const o of first.outcomes) outcomes.set(o.rel, o);
    const inFileOrder = (list: FileOutcome[]): void => {
      outcomes.clear();
      for (const o of list.sort(byIndex)) outcomes.set(o.rel, o);
    };
    debug?.(
      `first pass: ${first.outcomes.filter((o) => o.status === 'linted').length} files analysed; ` +
        `reading ${first.busy.read.map((ms) => ms.toFixed(0)).join(' + ')} ms, ` +
        `analysing ${first.busy.analyse.toFixed(0)} ms; ` +
        `names noted early: ${first.names.length}`,
    );

    // Cross-file pass: merge what every file exports (in file order, as merging keeps the first
    // wrapper it sees), then re-lint the files it can change.
    let cross = crossFileSets(outcomes, spreadingNames);
    // Files left out for their lookups alone (gate.ts): analysed, as the first pass would have,
    // once another file may call a lookup or a file is to be linted again with the run's facts.
    const leftOut = [...outcomes.values()].filter((o) => o.status === 'exports');
    const mayCall = first.outcomes.some((o) => (o.namedCalls?.length ?? 0) > 0);
    const relint = cross.names.length > 0 || cross.escalating.length > 0;
    const analyseLeftOut = leftOut.length > 0 && (mayCall || relint);
    if (analyseLeftOut) {
      const more = await pool.run(leftOut, settings, { words: null, gateTables: null });
      for (const f of leftOut) outcomes.delete(f.rel);
      inFileOrder([...outcomes.values(), ...more.outcomes]);
      cross = crossFileSets(outcomes, spreadingNames);
    }
    const { facts, names, escalating } = cross;
    debug?.(
      `cross-file names: ${names.join(' ')}; table dirs: ${facts.tableDirs.length}; ` +
        `files calling other files' lookups: ${cross.callingLookups}; ` +
        `left out for their lookups: ${leftOut.length}` +
        (analyseLeftOut ? ' (analysed)' : ''),
    );
    if (names.length > 0 || escalating.length > 0) {
      settings.facts = facts;
      settings.tableDirs = facts.tableDirs;
      let pending = names;
      // Rounds until no file adds a name (aliases of aliases across files), bounded.
      for (let round = 0; round < 3; round++) {
        const candidates = files.filter((f) => outcomes.get(f.rel)?.status !== 'skipped');
        const lint = { words: null, gateTables: null };
        let again: FileOutcome[];
        if (round === 0) {
          // Queued together: a reader done with one run's batches starts on the next while
          // the others finish theirs. Outcomes are per file, so the order of runs is moot.
          const [esc, named] = await Promise.all([
            pool.run(escalating, settings, lint),
            withNames(pool, candidates, index(), first, names, settings, debug),
          ]);
          again = [...esc.outcomes.sort(byIndex), ...named.sort(byIndex)];
        } else {
          again =
            pending.length > 0
              ? (
                  await pool.run(candidates, settings, { words: pending, gateTables: null })
                ).outcomes.sort(byIndex)
              : [];
        }
        const before = new Set(namesOf(facts));
        for (const o of again) {
          if (o.status === 'clean') continue;
          outcomes.set(o.rel, o);
          learnFrom(facts, o);
        }
        inFileOrder([...outcomes.values()]);
        pending = namesOf(facts).filter((n) => !before.has(n) && !words.includes(n));
        debug?.(`round ${round}: ${again.length} files re-linted; new names: ${pending.join(' ')}`);
        if (pending.length === 0) break;
      }
    }

    let findings: Finding[] = [];
    const directives: Record<string, SourceComment[]> = {};
    let filesLinted = files.length;
    for (const o of outcomes.values()) {
      if (o.status === 'skipped') {
        skipped.push({ file: o.rel, reason: o.reason ?? 'skipped' });
        filesLinted--;
        continue;
      }
      if (o.directives && o.directives.length > 0) directives[o.rel] = o.directives;
      if (!o.findings || o.findings.length === 0) continue;
      const levels = { ...defaultRuleLevels(), ...options.ruleLevelsFor(o.rel) };
      const kept: Finding[] = [];
      for (const raw of o.findings) {
        const level = levels[raw.ruleId];
        if (!level || level === 'off') continue;
        const { escalate, moduleDependent, ...f } = raw as RawFinding;
        f.severity = level === 'error' || (escalate && level === 'warn') ? 'error' : 'warning';
        kept.push(f);
      }
      findings = findings.concat(dropCoveredReferences(kept));
    }
    findings.sort(compareFindings);
    skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return { root, findings, directives, skipped, filesLinted };
  } finally {
    await pool.close();
  }
}

/**
 * Lints again, with the run's facts, the candidates holding one of `names`: the files the first
 * pass saw holding one of them are known; the others are searched for the names they were not
 * checked for (none, for files read after every name was known).
 */
async function withNames(
  pool: Pool,
  candidates: FileTask[],
  index: Map<string, number>,
  first: Pass,
  names: string[],
  settings: TaskSettings,
  debug: ((what: string) => void) | null,
): Promise<FileOutcome[]> {
  if (names.length === 0) return [];
  const sure: FileTask[] = [];
  const unsure = new Map<number, FileTask[]>();
  for (const f of candidates) {
    const i = index.get(f.rel) as number;
    if (first.withName[i] === 1) sure.push(f);
    else {
      const checked = first.checked[i] as number;
      const list = unsure.get(checked) ?? [];
      list.push(f);
      unsure.set(checked, list);
    }
  }
  // A file not holding a name it was checked for holds none of them: searched for every
  // name some file missed, it matches exactly the names it missed. So one run searches them all.
  const missing = new Set<string>();
  const tasks: FileTask[] = [];
  for (const [checked, group] of unsure) {
    const seen = new Set(first.names.slice(0, checked));
    const missed = names.filter((n) => !seen.has(n));
    if (missed.length === 0) continue;
    for (const n of missed) missing.add(n);
    tasks.push(...group);
  }
  const searched = tasks.length;
  const [held, found] = await Promise.all([
    pool.run(sure, settings, { words: null, gateTables: null }),
    pool.run(tasks, settings, { words: [...missing], gateTables: null }),
  ]);
  const out = [...held.outcomes, ...found.outcomes];
  debug?.(
    `names: ${sure.length} files hold one; ${searched} files searched again ` +
      `(checked for ${[...unsure.keys()].sort((a, b) => a - b).join(', ')} names)`,
  );
  return out;
}

/**
 * What the cross-file pass works from: the facts every linted file exports (merged in file
 * order), the names whose values spread the table (`spreading`), and the files to lint again
 * with them: those of a module that touches the table whose write-protection findings
 * escalate, and those that passed the table's name to a function they did not know, which
 * another file defines as a lookup (`callingLookups` counts them).
 */
function crossFileSets(
  outcomes: Map<string, FileOutcome>,
  spreading: (f: ProjectFacts) => string[],
): { facts: ProjectFacts; names: string[]; escalating: FileTask[]; callingLookups: number } {
  const facts = emptyFacts();
  for (const o of outcomes.values()) learnFrom(facts, o);
  // Names other files may use: values that are (or point into) the table, shadow or entry
  // code. Lookup wrappers are left out: a call passing them a table name carries that name,
  // so the calling file passes the prefilter on its own.
  const names = spreading(facts);
  const lookups = lookupNamesOf(facts);
  let callingLookups = 0;
  const escalating: FileTask[] = [];
  for (const o of outcomes.values()) {
    const calling = (o.namedCalls ?? []).some((n) => lookups.has(n));
    if (calling) callingLookups++;
    const escalates =
      o.status === 'linted' &&
      facts.tableDirs.includes(dirOf(o.rel)) &&
      (o.findings ?? []).some((x) => x.escalate || x.moduleDependent);
    if (calling || escalates) escalating.push({ abs: o.abs, rel: o.rel });
  }
  return { facts, names, escalating, callingLookups };
}

/** Phase timings on stderr (SYSCALLTBL_DEBUG=1): milliseconds since the run started. */
function debugClock(): (what: string) => void {
  const start = performance.now();
  return (what) => process.stderr.write(`[${(performance.now() - start).toFixed(0)} ms] ${what}\n`);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
