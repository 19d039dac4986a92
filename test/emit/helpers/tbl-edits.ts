// A maintainer's edits to kernel .tbl files, as text operations on the real tables: insert a
// row after another, drop a row, change a row's columns, append. Each edit checks it applied.

export type Edit = (text: string) => string;

function rowIndex(lines: string[], nr: number, name?: string): number {
  const i = lines.findIndex((l) => {
    const f = l.split(/[ \t]+/);
    return f[0] === String(nr) && (name === undefined || f[2] === name);
  });
  if (i < 0) throw new Error(`no row ${nr}${name ? ` ${name}` : ''}`);
  return i;
}

function onLines(text: string, change: (lines: string[]) => void): string {
  const lines = text.split('\n');
  change(lines);
  return lines.join('\n');
}

/** Inserts `rows` right after row `nr` (the first row with that number). */
export const insertAfter =
  (nr: number, ...rows: string[]): Edit =>
  (text) =>
    onLines(text, (lines) => lines.splice(rowIndex(lines, nr) + 1, 0, ...rows));

/** Inserts `rows` before the first numbered row. */
export const insertFirst =
  (...rows: string[]): Edit =>
  (text) =>
    onLines(text, (lines) =>
      lines.splice(
        lines.findIndex((l) => /^[0-9]/.test(l)),
        0,
        ...rows,
      ),
    );

/** Appends rows at the end of the file. */
export const append =
  (...rows: string[]): Edit =>
  (text) =>
    `${text.replace(/\n*$/, '\n')}${rows.join('\n')}\n`;

/** Removes row `nr` (named `name`, when several rows share the number). */
export const remove =
  (nr: number, name?: string): Edit =>
  (text) =>
    onLines(text, (lines) => lines.splice(rowIndex(lines, nr, name), 1));

/** Rewrites row `nr` from its columns: `change` gets and returns the whitespace-split fields. */
export const rewrite =
  (nr: number, name: string, change: (fields: string[]) => string[]): Edit =>
  (text) =>
    onLines(text, (lines) => {
      const i = rowIndex(lines, nr, name);
      lines[i] = change((lines[i] ?? '').split(/[ \t]+/).filter((f) => f !== '')).join('\t');
    });
