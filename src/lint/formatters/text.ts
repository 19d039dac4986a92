// Text for people: `path:line:col  severity  rule-id  message`, the source line with a caret, the
// fix hint, then what was suppressed, known, fixed or skipped, and a one-line summary.
import { printable } from '../../common/diagnostics.js';
import { unusedMessage } from '../suppressions.js';
import type { Finding, Formatter, LintResult, RuleSeverity } from '../types.js';
import { compareStrings, countResult, displayPath, isReported, plural } from './shared.js';

const MAX_SOURCE_LINE = 160;

interface Paint {
  error: (s: string) => string;
  warning: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
  ok: (s: string) => string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLOUR: Paint = {
  error: ansi(31, 39),
  warning: ansi(33, 39),
  dim: ansi(2, 22),
  bold: ansi(1, 22),
  ok: ansi(32, 39),
};
const PLAIN: Paint = { error: String, warning: String, dim: String, bold: String, ok: String };

interface Entry {
  file: string;
  line: number;
  column: number;
  severity: RuleSeverity;
  ruleId: string;
  message: string;
  sourceLine?: string;
  fix?: string;
}

export function createTextFormatter(options: { color: boolean }): Formatter {
  const paint = options.color ? COLOUR : PLAIN;
  return (result, { cwd }) => {
    const show = (file: string) => displayPath(result.root, file, cwd);
    const fixes = new Map(result.rules.map((r) => [r.id, r.fix]));
    const entries: Entry[] = [
      ...result.findings
        .filter(isReported)
        .map((f) => fromFinding(f, f.fix ?? fixes.get(f.ruleId))),
      ...result.unusedSuppressions.map((u) => ({
        ...u,
        severity: 'warning' as const,
        ruleId: 'unused-suppression',
        message: unusedMessage(u),
      })),
    ].sort(
      (a, b) =>
        compareStrings(a.file, b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        compareStrings(a.ruleId, b.ruleId),
    );

    let out = entries.map((e) => renderEntry(e, show(e.file), paint)).join('');
    if (result.fixed.length > 0) {
      out += `${paint.bold('Fixed since the baseline')} (drop them with --write-baseline):\n`;
      for (const f of [...result.fixed].sort(
        (a, b) => compareStrings(a.file, b.file) || compareStrings(a.ruleId, b.ruleId),
      )) {
        out += `  ${printable(show(f.file))}  ${paint.dim(f.ruleId)}  ${printable(f.message)}\n`;
      }
    }
    if (result.skipped.length > 0) {
      out += `${paint.bold('Skipped')}:\n`;
      for (const s of result.skipped)
        out += `  ${printable(show(s.file))}: ${printable(s.reason)}\n`;
    }
    return out + summary(result, paint);
  };
}

/** Colourless; the lint command picks the coloured one on a terminal. */
export const textFormatter: Formatter = createTextFormatter({ color: false });

function fromFinding(f: Finding, fix: string | undefined): Entry {
  return { ...f, ...(fix ? { fix } : {}) };
}

function renderEntry(e: Entry, path: string, paint: Paint): string {
  const sev = e.severity === 'error' ? paint.error('error') : paint.warning('warning');
  let out = `${paint.bold(printable(`${path}:${e.line}:${e.column}`))}  ${sev}  ${paint.dim(e.ruleId)}  ${printable(e.message)}\n`;
  if (e.sourceLine !== undefined && e.sourceLine.trim() !== '') {
    const gutter = String(e.line);
    let line = e.sourceLine.replace(/\t/g, ' ');
    let col = e.column;
    if (line.length > MAX_SOURCE_LINE) {
      const start = Math.max(0, Math.min(col - 1 - 40, line.length - MAX_SOURCE_LINE));
      line = line.slice(start, start + MAX_SOURCE_LINE);
      col -= start;
    }
    out += `  ${paint.dim(`${gutter} |`)} ${printable(line)}\n`;
    out += `  ${paint.dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(Math.max(0, col - 1))}^\n`;
  }
  if (e.fix) out += `  = fix: ${printable(e.fix)}\n`;
  return `${out}\n`;
}

function summary(result: LintResult, paint: Paint): string {
  const c = countResult(result);
  const extras = [
    c.suppressed > 0 ? `${c.suppressed} suppressed` : '',
    c.unchanged > 0 ? `${c.unchanged} in the baseline` : '',
    c.fixed > 0 ? `${c.fixed} fixed` : '',
    c.skipped > 0 ? `${plural(c.skipped, 'file')} skipped` : '',
  ].filter(Boolean);
  const tail = `in ${plural(c.filesLinted, 'file')}${extras.length ? `; ${extras.join(', ')}` : ''}`;
  const total = c.errors + c.warnings;
  if (total === 0) return `${paint.ok('No problems')} ${tail}.\n`;
  const line = `${plural(total, 'problem')} (${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}) ${tail}.`;
  return `${c.errors > 0 ? paint.error(line) : paint.warning(line)}\n`;
}
