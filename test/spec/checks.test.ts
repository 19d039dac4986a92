// Every semantic check fires on a fixture made to trip it, at the offending line and column,
// and stays quiet on the bundled spec.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../src/common/diagnostics.js';
import { specChecks } from '../../src/spec/checks/index.js';
import { specDiagnostics } from '../helpers/diagnostics.js';
import { repoRoot } from '../helpers/run-cli.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'spec', 'checks');

/** Fixture → the diagnostics it must produce: code, severity, line, column. */
const expected: Record<string, Array<[string, string, number, number]>> = {
  'unknown-table': [['unknown-table', 'error', 6, 7]],
  'unread-tag': [['unread-tag', 'warning', 5, 16]],
  // ARM's unistd-nr.h counts every row, but no ABI reads the typo'd tag.
  'unread-tag-counted-only': [['unread-tag', 'warning', 5, 13]],
  'c-keyword': [['c-keyword', 'error', 5, 38]],
  'duplicate-number': [['duplicate-number', 'error', 8, 16]],
  'duplicate-name': [['duplicate-name', 'error', 5, 27]],
  'number-out-of-range': [['number-out-of-range', 'error', 5, 24]],
  'compat-not-supported': [['compat-not-supported', 'error', 5, 40]],
  'noreturn-without-entry': [
    ['reserved-mismatch', 'warning', 3, 3],
    ['noreturn-without-entry', 'error', 5, 56],
  ],
  'too-many-params': [['too-many-params', 'error', 4, 13]],
  'stub-invalid': [
    ['stub-invalid', 'error', 5, 5],
    ['stub-invalid', 'error', 10, 5],
  ],
  'reserved-mismatch': [
    ['reserved-mismatch', 'error', 4, 5],
    ['reserved-mismatch', 'warning', 7, 3],
  ],
};

describe('semantic checks', () => {
  it('has a fixture for every check', () => {
    const files = readdirSync(fixtures).map((f) => f.replace(/\.yaml$/, ''));
    for (const check of specChecks) expect(files, `fixture for ${check.id}`).toContain(check.id);
    expect(Object.keys(expected).sort()).toEqual(files.sort());
  });

  for (const [fixture, wanted] of Object.entries(expected)) {
    it(`${fixture} fires at the offending place`, async () => {
      const found = sortDiagnostics(await specDiagnostics(join(fixtures, `${fixture}.yaml`))).map(
        (d) => [d.code, d.severity, d.position?.line, d.position?.column],
      );
      expect(found).toEqual(wanted);
    });
  }

  it('stays quiet on the bundled spec', async () => {
    expect(await specDiagnostics(join(repoRoot, 'syscalls.yaml'))).toEqual([]);
  });
});
