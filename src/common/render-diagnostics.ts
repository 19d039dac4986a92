// Renders diagnostics for people (`file:line:column: error[code]: message`, the source line, a
// caret, the hint) or for tools (`--format json`).
import { type Diagnostic, printable, sortDiagnostics } from './diagnostics.js';

const MAX_SOURCE_LINE = 200;

export function renderDiagnosticsText(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => renderOne(d))
    .join('');
}

function renderOne(d: Diagnostic): string {
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file;
  let out = `${printable(where)}: ${d.severity}[${d.code}]: ${printable(d.message)}\n`;
  if (d.sourceLine !== undefined && d.position) {
    const gutter = String(d.position.line);
    let line = d.sourceLine.replace(/\t/g, ' ');
    let col = d.position.column;
    if (line.length > MAX_SOURCE_LINE) {
      const start = Math.max(0, Math.min(col - 1 - 40, line.length - MAX_SOURCE_LINE));
      line = line.slice(start, start + MAX_SOURCE_LINE);
      col -= start;
    }
    out += `  ${gutter} | ${printable(line)}\n`;
    out += `  ${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, col - 1))}^\n`;
  }
  if (d.hint) out += `  = hint: ${printable(d.hint)}\n`;
  return out;
}

export interface DiagnosticsJson {
  version: 1;
  diagnostics: Array<{
    file: string;
    line: number | null;
    column: number | null;
    severity: string;
    code: string;
    message: string;
    hint: string | null;
  }>;
}

export function renderDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  const doc: DiagnosticsJson = {
    version: 1,
    diagnostics: sortDiagnostics(diagnostics).map((d) => ({
      file: d.file,
      line: d.position?.line ?? null,
      column: d.position?.column ?? null,
      severity: d.severity,
      code: d.code,
      message: d.message,
      hint: d.hint ?? null,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
