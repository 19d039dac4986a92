// The .tbl reader: rows as the kernel's `read nr abi name native compat noreturn` sees them, and
// a clear file:line:col error for what the kernel's scripts would silently mangle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTbl } from '../../src/import/parse-tbl.js';
import { repoRoot } from '../helpers/run-cli.js';

describe('parseTbl', () => {
  it('reads rows of three to six columns, `-` as no entry point', () => {
    const { rows, diagnostics } = parseTbl(
      '# comment\n\n17\ti386\tbreak\n60\tcommon\texit\t\t\tsys_exit\t-\tnoreturn\n3 32 time - sys_time32\n',
      't.tbl',
    );
    expect(diagnostics).toEqual([]);
    expect(rows).toEqual([
      { nr: 17, tag: 'i386', name: 'break', entry: null, compat: null, noreturn: false, line: 3 },
      {
        nr: 60,
        tag: 'common',
        name: 'exit',
        entry: 'sys_exit',
        compat: null,
        noreturn: true,
        line: 4,
      },
      {
        nr: 3,
        tag: '32',
        name: 'time',
        entry: null,
        compat: 'sys_time32',
        noreturn: false,
        line: 5,
      },
    ]);
  });

  it('reports every broken line at its position', () => {
    const file = join(repoRoot, 'test', 'fixtures', 'import', 'broken.tbl');
    const { rows, diagnostics } = parseTbl(readFileSync(file, 'utf8'), 'broken.tbl');
    expect(rows.map((r) => r.name)).toEqual(['read', 'write']);
    expect(diagnostics.map((d) => [d.code, d.position?.line, d.position?.column])).toEqual([
      ['tbl-indented-row', 4, 3],
      ['tbl-bad-number', 5, 1],
      ['tbl-short-row', 6, 1],
      ['tbl-bad-noreturn', 7, 33],
      ['tbl-extra-column', 8, 42],
      ['tbl-bad-number', 9, 1],
      ['tbl-bad-line', 10, 1],
      ['tbl-inline-comment', 11, 26],
    ]);
    expect(diagnostics.every((d) => d.hint && d.sourceLine !== undefined)).toBe(true);
  });

  it('refuses carriage returns instead of pasting them into C', () => {
    const { diagnostics } = parseTbl('0\tcommon\tread\tsys_read\r\n', 'crlf.tbl');
    expect(diagnostics[0]).toMatchObject({
      code: 'tbl-carriage-return',
      position: { line: 1, column: 23 },
    });
  });
});
