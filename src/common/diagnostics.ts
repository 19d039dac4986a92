// Diagnostics are data: a stable code, its arguments already rendered into a message, and a
// source position. One renderer turns them into text or JSON for every command.

export type Severity = 'error' | 'warning' | 'info';

export interface SourcePosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in characters (UTF-16 code units). */
  column: number;
}

export interface Diagnostic {
  /** Stable identifier, e.g. `duplicate-number` or `yaml-syntax`. */
  code: string;
  severity: Severity;
  message: string;
  /** What would be right; shown after the message. */
  hint?: string;
  /** Path as the user gave it (or relative to the working directory). */
  file: string;
  /** Missing only when the problem concerns the whole file (unreadable, empty). */
  position?: SourcePosition;
  /** The offending source line, without its newline. */
  sourceLine?: string;
}

/** An error the user caused (bad input, bad usage): exit 2, no stack trace. */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[] | Diagnostic, message?: string) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(message ?? list.map((d) => d.message).join('; '));
    this.name = 'UserError';
    this.diagnostics = list;
  }
}

/** A problem with the whole file, not a position in it. */
export function fileDiagnostic(
  file: string,
  code: string,
  message: string,
  hint?: string,
): Diagnostic {
  return { code, severity: 'error', message, file, ...(hint ? { hint } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Order by file, line, column, then code, so output never depends on check order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0) ||
      cmp(a.code, b.code) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Control characters would let a hostile file rewrite the terminal; show them escaped. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const control = (code < 0x20 && ch !== '\t') || code === 0x7f;
    out += control ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
  }
  return out;
}
