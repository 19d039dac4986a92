// Baselines: a versioned JSON file of accepted findings, matched by fingerprint, so CI fails only
// on new findings while known ones are marked `unchanged` and vanished ones reported as fixed.
import { readFileSync } from 'node:fs';
import { type Diagnostic, UserError } from '../common/diagnostics.js';
import validateBaseline from '../generated/validate-lint-baseline.js';
import type { Finding, LintResult } from './types.js';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  /** Relative to the lint root, forward slashes. */
  file: string;
  /** Where it was when recorded; informative only (matching never uses it). */
  line: number;
  message: string;
}

export interface Baseline {
  version: 1;
  tool: string;
  findings: BaselineEntry[];
}

/**
 * Today's findings as a baseline — suppressed ones too, so every finding's `baselineState` means
 * the same thing (was it there when the baseline was written?).
 */
export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings
    .map((f) => ({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      file: f.file,
      line: f.line,
      message: f.message,
    }))
    .sort(
      (a, b) =>
        cmp(a.file, b.file) ||
        a.line - b.line ||
        cmp(a.ruleId, b.ruleId) ||
        cmp(a.fingerprint, b.fingerprint),
    );
  return { version: 1, tool: 'syscalltbl', findings: entries };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Marks every finding `new` or `unchanged` and returns the entries no finding matched. */
export function applyBaseline(findings: Finding[], baseline: Baseline): LintResult['fixed'] {
  const known = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.findings) {
    const list = known.get(entry.fingerprint);
    if (list) list.push(entry);
    else known.set(entry.fingerprint, [entry]);
  }
  for (const finding of findings) {
    const match = known.get(finding.fingerprint)?.shift();
    finding.baselineState = match ? 'unchanged' : 'new';
  }
  const fixed = [...known.values()].flat();
  return fixed.map(({ fingerprint, ruleId, file, message }) => ({
    fingerprint,
    ruleId,
    file,
    message,
  }));
}

/** Reads and checks a baseline; any problem is a UserError (exit 2) naming the file. */
export function readBaseline(path: string, displayPath: string): Baseline {
  const fail = (
    code: string,
    message: string,
    hint?: string,
    position?: Diagnostic['position'],
  ): never => {
    throw new UserError({
      code,
      severity: 'error',
      message,
      file: displayPath,
      ...(hint ? { hint } : {}),
      ...(position ? { position } : {}),
    });
  };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(
      'baseline-unreadable',
      `cannot read the baseline: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      'write one with `syscalltbl lint --write-baseline FILE`',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(
      'baseline-invalid',
      `the baseline is not valid JSON: ${message}`,
      'regenerate it with `syscalltbl lint --write-baseline FILE`',
      jsonErrorPosition(text, message),
    );
  }
  if (!validateBaseline(data)) {
    const errors = validateBaseline.errors ?? [];
    throw new UserError(
      errors.map((e) => ({
        code: 'baseline-invalid',
        severity: 'error' as const,
        message: `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`,
        file: displayPath,
        hint: 'regenerate it with `syscalltbl lint --write-baseline FILE`',
      })),
    );
  }
  return data as Baseline;
}

/** Node's JSON.parse names a character offset; turn it into a line and column. */
function jsonErrorPosition(text: string, message: string): Diagnostic['position'] | undefined {
  const offset = /position (\d+)/.exec(message)?.[1];
  if (offset === undefined) return undefined;
  const before = text.slice(0, Number(offset));
  const line = before.split('\n').length;
  return { line, column: Number(offset) - before.lastIndexOf('\n') };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
