// The `lint` command: config and options in, the engine's findings through suppressions,
// fingerprints and the baseline, one formatter's output on stdout, and the exit code.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { writeFilesAtomically } from '../common/atomic-write.js';
import { UserError } from '../common/diagnostics.js';
import { EXIT_FINDINGS, EXIT_OK } from '../common/exit-codes.js';
import { VERSION } from '../version.js';
import {
  applyBaseline,
  type Baseline,
  createBaseline,
  readBaseline,
  serializeBaseline,
} from './baseline.js';
import { commandTableNames } from './command-table-names.js';
import { type LintOptions, parseLintOptions } from './config/cli-options.js';
import { makeFileFilter, makeRuleLevelsFor } from './config/file-rules.js';
import type { ResolvedConfig } from './config/model.js';
import { resolveConfig } from './config/resolve-config.js';
import type { EngineResult, LintEngineOptions } from './engine/lint-paths.js';
import { assignFingerprints } from './fingerprint.js';
import { getFormatter } from './formatters/index.js';
import { compareStrings, countResult } from './formatters/shared.js';
import { tuneJitForShortRun } from './jit-tuning.js';
import { createProgress, type ProgressStream } from './progress.js';
import {
  applySuppressions,
  type Directive,
  parseDirectives,
  suppressionRules,
} from './suppressions.js';
import type { Finding, LintResult, RuleLevel, RuleMeta } from './types.js';

/** Everything the command needs from outside, so tests can run it on a fake engine. */
export interface LintDeps {
  lintPaths(paths: string[], options: LintEngineOptions): Promise<EngineResult>;
  rules: RuleMeta[];
  defaultRuleLevels(): Record<string, RuleLevel>;
  /** The directory the engine will report paths relative to, for these paths. */
  lintRoot(paths: string[], cwd: string): string;
  /** Table symbols before the config's own: the engine's built-in list and the arch descriptors'. */
  tableNames(): Promise<string[]>;
  /** Fix hints for findings that write the slot of a named syscall, from the spec (stub-fix.ts). */
  stubFixes?(syscalls: string[]): Promise<Map<string, string>>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { isTTY?: boolean; write(text: string): Promise<void> };
  stderr: ProgressStream;
  presetDirs?: readonly string[];
}

export async function runLint(options: Record<string, unknown>, args: string[]): Promise<number> {
  tuneJitForShortRun();
  const [engine, ruleModule] = await Promise.all([
    import('./engine/lint-paths.js'),
    import('./rules/index.js'),
  ]);
  return lintWith(options, args, {
    lintPaths: engine.lintPaths,
    rules: ruleModule.rules.map((r) => r.meta),
    defaultRuleLevels: engine.defaultRuleLevels,
    lintRoot: engine.lintRoot,
    tableNames: commandTableNames,
    stubFixes: (syscalls) => specStubFixes(syscalls, options.spec as string | undefined),
    cwd: process.cwd(),
    env: process.env,
    stdout: blockingStdout(),
    stderr: process.stderr,
  });
}

export async function lintWith(
  options: Record<string, unknown>,
  args: string[],
  deps: LintDeps,
): Promise<number> {
  const knownRules = deps.rules.map((r) => r.id);
  const opts = parseLintOptions(options, knownRules);
  const config = resolveConfig({
    cwd: deps.cwd,
    ...(opts.configPath ? { configPath: opts.configPath } : {}),
    ...(opts.preset ? { preset: opts.preset } : {}),
    cliRules: opts.cliRules,
    knownRules,
    ...(deps.presetDirs ? { presetDirs: deps.presetDirs } : {}),
  });
  // Read the baseline before linting, so a bad one fails fast.
  const baseline = opts.baseline
    ? readBaseline(resolve(deps.cwd, opts.baseline), opts.baseline)
    : undefined;
  const tableNames = [...new Set([...(await deps.tableNames()), ...config.tableNames])].sort();

  const levelsFor = makeRuleLevelsFor(config, deps.defaultRuleLevels());
  const accepts = makeFileFilter(config);
  // The engine reports paths relative to its own root (the working directory, or the common
  // ancestor of paths outside it); config globs, fingerprints and baselines use the lint root
  // (the config's directory). Translate, both while it runs and in its result.
  const paths = args.length > 0 ? args : ['.'];
  const fromEngine = (root: string) => (file: string) =>
    toPosix(relative(config.root, resolve(root, file)));
  const engineRoot = deps.lintRoot(paths, deps.cwd);
  // The same root (no config file elsewhere): the engine's paths are already the lint root's.
  const live = engineRoot === config.root ? (file: string) => file : fromEngine(engineRoot);
  // Without include or exclude globs every file is taken: no call per walked file.
  const filtersFiles = config.include !== undefined || config.exclude.length > 0;
  const progress = opts.progress ? createProgress(deps.stderr, deps.env) : undefined;
  const engine = await deps.lintPaths(paths, {
    tableNames,
    ruleLevelsFor: (file) => levelsFor(live(file)),
    ...(filtersFiles ? { fileFilter: (file: string) => accepts(live(file)) } : {}),
    ...(opts.jobs ? { jobs: opts.jobs } : {}),
    ...(progress
      ? { onProgress: (done: number, total: number) => progress.update(done, total) }
      : {}),
  });
  progress?.finish();

  const result = buildResult(
    engine,
    config,
    opts,
    deps.rules,
    fromEngine(engine.root),
    baseline,
    levelsFor,
  );
  await tailorFixes(result.findings, deps);
  if (opts.writeBaseline) writeBaseline(deps, opts.writeBaseline, createBaseline(result.findings));

  const color = opts.format === 'text' && deps.stdout.isTTY === true && !deps.env.NO_COLOR;
  await deps.stdout.write(
    getFormatter(opts.format, { color })(result, { toolVersion: VERSION, cwd: deps.cwd }),
  );
  return exitCode(result, opts, deps.stderr);
}

/** Gives each finding that writes a named syscall's slot the fix the spec says for it. */
async function tailorFixes(findings: Finding[], deps: LintDeps): Promise<void> {
  const named = findings.filter((f) => f.data.syscall);
  if (named.length === 0 || !deps.stubFixes) return;
  const fixes = await deps.stubFixes([...new Set(named.map((f) => f.data.syscall as string))]);
  for (const f of named) {
    const fix = fixes.get(f.data.syscall as string);
    if (fix) f.fix = fix;
  }
}

/**
 * The spec's fix hints: the spec named by --spec (whose problems are errors, as in every
 * command), else ./syscalls.yaml or the bundled one (where a problem only leaves the rules'
 * general hints: linting module source does not depend on a spec file lying around).
 */
async function specStubFixes(
  syscalls: string[],
  specOption: string | undefined,
): Promise<Map<string, string>> {
  const [{ loadSpec }, { stubFixes }, paths] = await Promise.all([
    import('../spec/load.js'),
    import('./stub-fix.js'),
    import('../common/paths.js'),
  ]);
  try {
    const bundled = resolve(paths.resolveSpecPath(specOption)) === paths.bundledSpecPath;
    const loaded = await loadSpec({ spec: specOption });
    return stubFixes(syscalls, loaded.spec, bundled ? 'the bundled spec' : loaded.file);
  } catch (error) {
    if (specOption !== undefined) throw error;
    return new Map();
  }
}

function buildResult(
  engine: EngineResult,
  config: ResolvedConfig,
  opts: LintOptions,
  rules: RuleMeta[],
  toRoot: (file: string) => string,
  baseline: Baseline | undefined,
  levelsFor: (file: string) => Record<string, RuleLevel>,
): LintResult {
  const findings: Finding[] = engine.findings.map((f) => ({ ...f, file: toRoot(f.file) }));
  const directives: Directive[] = [];
  const knownRules = rules.map((r) => r.id);
  for (const [engineFile, comments] of Object.entries(engine.directives)) {
    const lineText = sourceLines(resolve(engine.root, engineFile));
    const parsed = parseDirectives(toRoot(engineFile), comments, knownRules, lineText);
    directives.push(...parsed.directives);
    findings.push(...parsed.problems);
  }
  const unused = applySuppressions(
    findings,
    directives,
    (file, ruleId) => (levelsFor(file)[ruleId] ?? 'off') !== 'off',
  );
  assignFingerprints(findings);
  const fixed = baseline ? applyBaseline(findings, baseline) : [];
  findings.sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.message, b.message),
  );
  return {
    root: config.root,
    findings,
    unusedSuppressions: opts.reportUnusedSuppressions ? unused : [],
    fixed: fixed.sort(
      (a, b) =>
        compareStrings(a.file, b.file) ||
        compareStrings(a.ruleId, b.ruleId) ||
        compareStrings(a.fingerprint, b.fingerprint),
    ),
    skipped: engine.skipped
      .map((s) => ({ ...s, file: toRoot(s.file) }))
      .sort((a, b) => compareStrings(a.file, b.file)),
    filesLinted: engine.filesLinted,
    rules: [...rules, ...suppressionRules],
  };
}

/**
 * 1 when a reported finding is an error or warnings exceed --max-warnings; 0 otherwise, and
 * always 0 when the run wrote a baseline (it has just accepted every finding).
 */
function exitCode(result: LintResult, opts: LintOptions, stderr: ProgressStream): number {
  if (opts.writeBaseline) return EXIT_OK;
  const counts = countResult(result);
  if (counts.errors > 0) return EXIT_FINDINGS;
  if (opts.maxWarnings !== undefined && counts.warnings > opts.maxWarnings) {
    stderr.write(
      `syscalltbl lint: ${counts.warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`,
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function writeBaseline(deps: LintDeps, file: string, baseline: Baseline): void {
  try {
    writeFilesAtomically([{ path: resolve(deps.cwd, file), content: serializeBaseline(baseline) }]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError({
      code: 'baseline-write',
      severity: 'error',
      message: `cannot write the baseline (${code})`,
      file,
    });
  }
  deps.stderr.write(
    `syscalltbl lint: wrote ${baseline.findings.length} finding(s) to the baseline ${file}\n`,
  );
}

/** A file's lines, read once and only if asked (for findings on malformed suppressions). */
function sourceLines(path: string): (line: number) => string {
  let lines: string[] | undefined;
  return (line) => {
    if (!lines) {
      try {
        lines = readFileSync(path, 'utf8').split(/\r?\n/);
      } catch {
        lines = [];
      }
    }
    return lines[line - 1] ?? '';
  };
}

/**
 * stdout in blocking mode: SARIF for a large tree is megabytes, and a non-blocking pipe would be
 * cut off when the process exits. A closed pipe (`| head`) is not an error.
 */
function blockingStdout(): LintDeps['stdout'] {
  const handle = (
    process.stdout as unknown as { _handle?: { setBlocking?: (on: boolean) => void } }
  )._handle;
  handle?.setBlocking?.(true);
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    isTTY: process.stdout.isTTY,
    write: (text) =>
      new Promise((done, fail) => {
        process.stdout.write(text, (error) =>
          error && (error as NodeJS.ErrnoException).code !== 'EPIPE' ? fail(error) : done(),
        );
      }),
  };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
