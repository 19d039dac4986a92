// What every formatter (and the exit code) agrees on: which findings count, the summary numbers,
// paths as the user sees them, and links to the rule docs.
import { relative, resolve, sep } from 'node:path';
import { VERSION } from '../../version.js';
import type { Finding, LintResult } from '../types.js';

/** The project's home; `informationUri` in SARIF and the base of every rule's `helpUri`. */
export const PROJECT_URL = 'https://github.com/syscalltbl/syscalltbl';

/** A docs page at the tag of this version, so a link never describes a different release. */
export function docsUrl(docsPath: string, version = VERSION): string {
  return `${PROJECT_URL}/blob/v${version}/${docsPath}`;
}

/** Findings that count: not suppressed in source, and not already known from the baseline. */
export function isReported(finding: Finding): boolean {
  return !finding.suppression && finding.baselineState !== 'unchanged';
}

export interface Counts {
  errors: number;
  /** Reported warnings, unused suppressions included. */
  warnings: number;
  suppressed: number;
  unchanged: number;
  fixed: number;
  unusedSuppressions: number;
  skipped: number;
  filesLinted: number;
}

export function countResult(result: LintResult): Counts {
  const reported = result.findings.filter(isReported);
  return {
    errors: reported.filter((f) => f.severity === 'error').length,
    warnings:
      reported.filter((f) => f.severity === 'warning').length + result.unusedSuppressions.length,
    suppressed: result.findings.filter((f) => f.suppression).length,
    unchanged: result.findings.filter((f) => !f.suppression && f.baselineState === 'unchanged')
      .length,
    fixed: result.fixed.length,
    unusedSuppressions: result.unusedSuppressions.length,
    skipped: result.skipped.length,
    filesLinted: result.filesLinted,
  };
}

/** A root-relative path as seen from the working directory, forward slashes (for every OS). */
export function displayPath(root: string, file: string, cwd: string): string {
  const rel = relative(cwd, resolve(root, file));
  return (rel === '' ? file : rel).split(sep).join('/');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
