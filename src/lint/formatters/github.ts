// GitHub Actions workflow commands (`::error file=...,line=...::message`), so findings appear as
// annotations on the pull request. Only findings that count are annotated.
import { unusedMessage } from '../suppressions.js';
import type { Formatter } from '../types.js';
import { compareStrings, countResult, displayPath, isReported, plural } from './shared.js';

export const githubFormatter: Formatter = (result, { cwd }) => {
  const show = (file: string) => displayPath(result.root, file, cwd);
  const fixes = new Map(result.rules.map((r) => [r.id, r.fix]));
  const lines: Array<{ key: string; text: string }> = [];
  for (const f of result.findings.filter(isReported)) {
    const props = {
      file: show(f.file),
      line: f.line,
      col: f.column,
      ...(f.endLine && f.endColumn ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
      title: f.ruleId,
    };
    const fix = f.fix ?? fixes.get(f.ruleId);
    lines.push({
      key: sortKey(props.file, f.line, f.column),
      text: command(
        f.severity === 'error' ? 'error' : 'warning',
        props,
        fix ? `${f.message}\nFix: ${fix}` : f.message,
      ),
    });
  }
  for (const u of result.unusedSuppressions) {
    const props = { file: show(u.file), line: u.line, col: u.column, title: 'unused-suppression' };
    lines.push({
      key: sortKey(props.file, u.line, u.column),
      text: command('warning', props, unusedMessage(u)),
    });
  }
  for (const f of result.fixed) {
    lines.push({
      key: sortKey(show(f.file), 0, 0),
      text: command(
        'notice',
        { file: show(f.file), title: 'fixed since the baseline' },
        `${f.ruleId}: ${f.message}`,
      ),
    });
  }
  for (const s of result.skipped) {
    lines.push({
      key: sortKey(show(s.file), 0, 0),
      text: command('warning', { file: show(s.file), title: 'not linted' }, s.reason),
    });
  }
  lines.sort((a, b) => compareStrings(a.key, b.key) || compareStrings(a.text, b.text));
  const c = countResult(result);
  const summary = `syscalltbl lint: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')} in ${plural(c.filesLinted, 'file')}`;
  return `${lines.map((l) => l.text).join('\n')}${lines.length ? '\n' : ''}${summary}\n`;
};

function command(kind: string, props: Record<string, string | number>, message: string): string {
  const list = Object.entries(props)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind} ${list}::${escapeData(message)}`;
}

/** The escaping @actions/core applies: data loses %, CR and LF; properties also : and ,. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function sortKey(file: string, line: number, column: number): string {
  return `${file}\0${String(line).padStart(10, '0')}\0${String(column).padStart(10, '0')}`;
}
