// Reads a kernel `.tbl` file into rows, the way the kernel's scripts read it (`read nr abi name
// native compat noreturn`), and refuses what those scripts would silently mangle.
import type { Diagnostic } from '../common/diagnostics.js';

/** What a parser of an older tree's header returns: the rows its .tbl would hold, and the numbers it defined. */
export interface LegacyRows {
  rows: TblRow[];
  diagnostics: Diagnostic[];
  numbers: Map<string, number>;
}

export interface TblRow {
  nr: number;
  tag: string;
  name: string;
  entry: string | null;
  compat: string | null;
  noreturn: boolean;
  /** 1-based line of the row in the file. */
  line: number;
}

export interface ParsedTbl {
  rows: TblRow[];
  diagnostics: Diagnostic[];
}

const FIELD = /[^ \t]+/g;

/** `-` is the kernel's placeholder for an absent entry point. */
function entryOrNull(field: string | undefined): string | null {
  return field === undefined || field === '-' ? null : field;
}

export function parseTbl(text: string, file: string): ParsedTbl {
  const rows: TblRow[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();

  lines.forEach((sourceLine, index) => {
    const line = index + 1;
    const problem = (column: number, code: string, message: string, hint: string): void => {
      diagnostics.push({
        code,
        severity: 'error',
        message,
        hint,
        file,
        position: { line, column },
        sourceLine,
      });
    };
    if (sourceLine.startsWith('#') || /^[ \t]*$/.test(sourceLine)) return;
    const cr = sourceLine.indexOf('\r');
    if (cr >= 0) {
      problem(
        cr + 1,
        'tbl-carriage-return',
        'carriage return in a table line',
        'save the table with LF line endings',
      );
      return;
    }
    if (!/^[0-9]/.test(sourceLine)) {
      const column = sourceLine.search(/[^ \t]/) + 1;
      const indented = /^[ \t]+[0-9]/.test(sourceLine);
      problem(
        column,
        indented ? 'tbl-indented-row' : 'tbl-bad-line',
        indented
          ? 'indented row: the kernel scripts ignore it in some outputs and read it in others'
          : 'line is neither a comment, blank, nor a numbered row',
        indented ? 'start the row at column 1, or comment it out with #' : 'start comments with #',
      );
      return;
    }
    const fields: Array<{ text: string; column: number }> = [];
    for (const m of sourceLine.matchAll(FIELD))
      fields.push({ text: m[0], column: (m.index ?? 0) + 1 });
    const [nrField, tagField, nameField, entryField, compatField, noreturnField, extra] = fields;
    if (!nrField || !tagField || !nameField) {
      problem(
        1,
        'tbl-short-row',
        'a row needs at least a number, an ABI and a name',
        '<number> <abi> <name> [<entry> [<compat> [noreturn]]]',
      );
      return;
    }
    if (!/^[0-9]+$/.test(nrField.text)) {
      problem(
        nrField.column,
        'tbl-bad-number',
        `number "${nrField.text}" is not decimal`,
        'write syscall numbers in decimal',
      );
      return;
    }
    if (nrField.text.length > 1 && nrField.text.startsWith('0')) {
      problem(
        nrField.column,
        'tbl-bad-number',
        `number "${nrField.text}" has leading zeros`,
        'the kernel scripts copy the text verbatim into headers; write it without leading zeros',
      );
      return;
    }
    const comment = fields.find((f) => f.text.startsWith('#'));
    if (comment) {
      problem(
        comment.column,
        'tbl-inline-comment',
        'a comment after a row: the kernel scripts read "#" and what follows as more columns',
        'put the comment on a line of its own, starting with #',
      );
      return;
    }
    if (extra) {
      problem(
        extra.column,
        'tbl-extra-column',
        `unexpected column "${extra.text}"`,
        'a row has at most six columns: <number> <abi> <name> <entry> <compat> noreturn',
      );
      return;
    }
    if (noreturnField && noreturnField.text !== 'noreturn') {
      problem(
        noreturnField.column,
        'tbl-bad-noreturn',
        `invalid string "${noreturnField.text}" in the noreturn column`,
        'the sixth column may only be "noreturn"',
      );
      return;
    }
    rows.push({
      nr: Number(nrField.text),
      tag: tagField.text,
      name: nameField.text,
      entry: entryOrNull(entryField?.text),
      compat: entryOrNull(compatField?.text),
      noreturn: noreturnField !== undefined,
      line,
    });
  });
  return { rows, diagnostics };
}
