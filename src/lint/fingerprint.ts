// Fingerprints for findings: stable when code merely moves (lines inserted or removed above),
// so baselines and SARIF `partialFingerprints` keep recognising a known finding.
import { createHash } from 'node:crypto';
import type { Finding } from './types.js';

/** The SARIF `partialFingerprints` key; bump the version when the recipe below changes. */
export const FINGERPRINT_KEY = 'syscalltblFingerprint/v1';

/**
 * The recipe: rule id, root-relative file, and the finding's own source line with comments and
 * whitespace normalised away — never its line number. Neighbouring lines are deliberately left
 * out: they would make a fingerprint change when someone edits the line just above a finding,
 * which is exactly the unrelated edit a baseline must survive. Identical keys (the same
 * statement twice in a file) are told apart by their order of occurrence.
 */
export function assignFingerprints(findings: Finding[]): void {
  const ordered = [...findings].sort(
    (a, b) =>
      cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId),
  );
  const seen = new Map<string, number>();
  for (const finding of ordered) {
    const key = fingerprintKey(finding);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    finding.fingerprint = hash(`${key}\0${occurrence}`);
  }
}

function fingerprintKey(finding: Finding): string {
  return hash(`${finding.ruleId}\0${finding.file}\0${normaliseLine(finding.sourceLine)}`);
}

/**
 * The line's code with comments removed and whitespace collapsed, so re-indenting it or adding a
 * trailing comment (a suppression, say) leaves the fingerprint alone. String and character
 * literals are kept verbatim: a `//` inside one is not a comment.
 */
export function normaliseLine(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '"' || c === "'") {
      const end = literalEnd(line, i);
      out += line.slice(i, end);
      i = end;
    } else if (c === '/' && line[i + 1] === '/') {
      break;
    } else if (c === '/' && line[i + 1] === '*') {
      const close = line.indexOf('*/', i + 2);
      out += ' ';
      i = close < 0 ? line.length : close + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

function literalEnd(line: string, start: number): number {
  const quote = line[start];
  let i = start + 1;
  while (i < line.length && line[i] !== quote) i += line[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, line.length);
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
