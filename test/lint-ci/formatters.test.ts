// Each output format on the same results: SARIF against the official 2.1.0 schema, JSON against
// its own schema, GitHub workflow commands escaped, GitLab Code Quality, and text for people.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import validateResults from '../../src/generated/validate-lint-results.js';
import { escapeData, escapeProperty, githubFormatter } from '../../src/lint/formatters/github.js';
import { gitlabFormatter } from '../../src/lint/formatters/gitlab.js';
import { jsonFormatter } from '../../src/lint/formatters/json.js';
import { sarifFormatter } from '../../src/lint/formatters/sarif.js';
import { createTextFormatter, textFormatter } from '../../src/lint/formatters/text.js';
import type { Finding, LintResult } from '../../src/lint/types.js';
import { fakeRules } from './helpers/fake-engine.js';
import { fixtures, lint } from './helpers/harness.js';
import { sarifValidator } from './helpers/sarif-schema.js';

const corpus = join(fixtures, 'corpus');
const context = { toolVersion: '9.9.9', cwd: '/repo' };

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'table-write',
    messageId: 'slotWrite',
    data: { slot: '__NR_open' },
    message: 'Writes slot __NR_open of sys_call_table.',
    severity: 'error',
    file: 'src/a.c',
    line: 3,
    column: 5,
    sourceLine: '    sys_call_table[__NR_open] = x;',
    fingerprint: '0123456789abcdef0123456789abcdef',
    ...overrides,
  };
}

function result(findings: Finding[], extra: Partial<LintResult> = {}): LintResult {
  return {
    root: '/repo',
    findings,
    unusedSuppressions: [],
    fixed: [],
    skipped: [],
    filesLinted: 2,
    rules: fakeRules,
    ...extra,
  };
}

describe('sarif', () => {
  const validate = sarifValidator();

  it('validates against the official SARIF 2.1.0 schema on the fixture corpus', async () => {
    const run = await lint([], { cwd: corpus, format: 'sarif', reportUnusedSuppressions: true });
    const log = JSON.parse(run.stdout);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(run.stderr).toBe('');
    // The validator does reject what the schema forbids.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: {} }] }] })).toBe(
      false,
    );
  });

  it('describes every rule for code scanning', async () => {
    const log = JSON.parse((await lint([], { cwd: corpus, format: 'sarif' })).stdout);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({
      name: 'syscalltbl',
      informationUri: expect.stringMatching(/^https:\/\//),
    });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'invalid-suppression',
      'table-lookup',
      'table-write',
      'unused-suppression',
      'wp-disable',
    ]);
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.helpUri).toMatch(
        /^https:\/\/.*\/(docs\/rules\/[a-z-]+\.md|docs\/ci\.md#suppressions)$/,
      );
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    const write = driver.rules.find((r: { id: string }) => r.id === 'table-write');
    expect(write.helpUri).toMatch(/\/docs\/rules\/table-write\.md$/);
  });

  it('writes relative forward-slash URIs under %SRCROOT%, fingerprints, and sorted results', async () => {
    const log = JSON.parse((await lint([], { cwd: corpus, format: 'sarif' })).stdout);
    const results = log.runs[0].results;
    const keys = results.map(
      (r: {
        locations: Array<{
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
        }>;
      }) => {
        const loc = r.locations[0]?.physicalLocation;
        expect(loc?.artifactLocation).toMatchObject({ uriBaseId: '%SRCROOT%' });
        expect(loc?.artifactLocation.uri).toMatch(/^(src|vendor)\/[a-z_]+\.c$/);
        return `${loc?.artifactLocation.uri}:${String(loc?.region.startLine).padStart(4, '0')}`;
      },
    );
    expect(keys).toEqual([...keys].sort());
    for (const r of results) {
      expect(r.ruleId).toBe(log.runs[0].tool.driver.rules[r.ruleIndex].id);
      expect(r.partialFingerprints['syscalltblFingerprint/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(JSON.stringify(log)).not.toContain(fixtures);
  });

  it('keeps suppressed findings as inSource suppressions with their justification', async () => {
    const log = JSON.parse((await lint([], { cwd: corpus, format: 'sarif' })).stdout);
    const suppressed = log.runs[0].results.filter(
      (r: { suppressions?: unknown }) => r.suppressions,
    );
    expect(suppressed.map((r: { suppressions: unknown[] }) => r.suppressions)).toEqual([
      [
        {
          kind: 'inSource',
          justification: 'restores the saved entry on unload',
          location: expect.any(Object),
        },
      ],
      [
        {
          kind: 'inSource',
          justification: 'restores the saved entry',
          location: expect.any(Object),
        },
      ],
    ]);
  });

  it('clamps columns and lines to 1 and drops an end before the start', () => {
    const log = JSON.parse(
      sarifFormatter(result([finding({ line: 0, column: 0, endLine: 1, endColumn: 1 })]), context),
    );
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toEqual({
      startLine: 1,
      startColumn: 1,
      snippet: { text: '    sys_call_table[__NR_open] = x;' },
    });
  });

  it('marks baseline states and lists fixed entries as notifications, not results', () => {
    const log = JSON.parse(
      sarifFormatter(
        result(
          [finding({ baselineState: 'unchanged' }), finding({ line: 9, baselineState: 'new' })],
          {
            fixed: [
              {
                fingerprint: 'f'.repeat(32),
                ruleId: 'table-write',
                file: 'src/old.c',
                message: 'Writes slot __NR_kill.',
              },
            ],
            skipped: [{ file: 'src/bin.c', reason: 'binary file' }],
          },
        ),
        context,
      ),
    );
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results.map((r: { baselineState: string }) => r.baselineState)).toEqual([
      'unchanged',
      'new',
    ]);
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes.map((n: { message: { text: string } }) => n.message.text)).toEqual([
      'Fixed since the baseline: table-write: Writes slot __NR_kill.',
      'Not linted: binary file',
    ]);
  });

  it('is byte-for-byte deterministic', async () => {
    const a = await lint([], { cwd: corpus, format: 'sarif' });
    const b = await lint([], { cwd: corpus, format: 'sarif' });
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('json', () => {
  it('matches schema/lint-results.schema.json and says what counts', async () => {
    const run = await lint([], { cwd: corpus, format: 'json', reportUnusedSuppressions: true });
    const doc = JSON.parse(run.stdout);
    expect(validateResults(doc), JSON.stringify(validateResults.errors)).toBe(true);
    expect(doc.version).toBe(1);
    expect(doc.summary).toMatchObject({ suppressed: 2, unusedSuppressions: 1, filesLinted: 5 });
    const counted = doc.findings.filter((f: Finding) => f.suppression === null);
    expect(doc.summary.errors).toBe(counted.filter((f: Finding) => f.severity === 'error').length);
  });

  it('validates with a baseline, fixed entries and skipped files too', () => {
    const doc = JSON.parse(
      jsonFormatter(
        result(
          [
            finding({
              baselineState: 'new',
              endLine: 3,
              endColumn: 9,
              suppression: { justification: 'why', line: 2 },
            }),
          ],
          {
            fixed: [
              {
                fingerprint: 'f'.repeat(32),
                ruleId: 'table-write',
                file: 'src/old.c',
                message: 'm',
              },
            ],
            skipped: [{ file: 'x.c', reason: 'too large' }],
            unusedSuppressions: [{ file: 'src/a.c', line: 1, column: 1, ruleId: 'wp-disable' }],
          },
        ),
        context,
      ),
    );
    expect(validateResults(doc), JSON.stringify(validateResults.errors)).toBe(true);
  });
});

describe('github', () => {
  it('escapes workflow-command data and properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('annotates only findings that count', () => {
    const out = githubFormatter(
      result([
        finding({}),
        finding({
          line: 4,
          severity: 'warning',
          ruleId: 'wp-disable',
          message: 'Clears CR0.WP, 100% sure',
        }),
        finding({ line: 5, suppression: { justification: 'x', line: 4 } }),
        finding({ line: 6, baselineState: 'unchanged' }),
      ]),
      context,
    );
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe(
      '::error file=src/a.c,line=3,col=5,title=table-write::Writes slot __NR_open of sys_call_table.%0AFix: Declare a stub syscall in the spec and register with it (`syscalltbl generate --stubs`).',
    );
    expect(lines[1]).toMatch(
      /^::warning file=src\/a\.c,line=4,col=5,title=wp-disable::Clears CR0\.WP, 100%25 sure%0AFix: /,
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('syscalltbl lint: 1 error, 1 warning in 2 files');
  });
});

describe('gitlab', () => {
  it('writes Code Quality issues for findings that count', () => {
    const issues = JSON.parse(
      gitlabFormatter(
        result([finding({}), finding({ line: 5, suppression: { justification: 'x', line: 4 } })]),
        context,
      ),
    );
    expect(issues).toEqual([
      {
        type: 'issue',
        check_name: 'table-write',
        description: 'Writes slot __NR_open of sys_call_table.',
        categories: ['Security'],
        severity: 'major',
        fingerprint: '0123456789abcdef0123456789abcdef',
        location: { path: 'src/a.c', lines: { begin: 3 } },
      },
    ]);
  });
});

describe('text', () => {
  it('shows location, severity, rule, message, the source line, the fix and a summary', () => {
    const out = textFormatter(result([finding({})]), { ...context, cwd: '/repo/src' });
    expect(out).toBe(
      [
        'a.c:3:5  error  table-write  Writes slot __NR_open of sys_call_table.',
        '  3 |     sys_call_table[__NR_open] = x;',
        '    |     ^',
        '  = fix: Declare a stub syscall in the spec and register with it (`syscalltbl generate --stubs`).',
        '',
        '1 problem (1 error, 0 warnings) in 2 files.',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked, and escapes control characters from the source', () => {
    const hostile = finding({ sourceLine: 'x = 1; /* \u001b[2J */' });
    expect(createTextFormatter({ color: true })(result([hostile]), context)).toContain(
      '\u001b[31merror\u001b[39m',
    );
    const plain = textFormatter(result([hostile]), context);
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('\\x1b[2J');
  });

  it('summarises suppressed, baselined, fixed and skipped', () => {
    const out = textFormatter(
      result(
        [
          finding({ suppression: { justification: 'x', line: 2 } }),
          finding({ line: 7, baselineState: 'unchanged' }),
        ],
        {
          fixed: [
            {
              fingerprint: 'f'.repeat(32),
              ruleId: 'table-write',
              file: 'src/old.c',
              message: 'Writes slot __NR_kill.',
            },
          ],
          skipped: [{ file: 'src/bin.c', reason: 'binary file' }],
        },
      ),
      context,
    );
    expect(out).toContain(
      'Fixed since the baseline (drop them with --write-baseline):\n  src/old.c  table-write  Writes slot __NR_kill.\n',
    );
    expect(out).toContain('Skipped:\n  src/bin.c: binary file\n');
    expect(out).toContain(
      'No problems in 2 files; 1 suppressed, 1 in the baseline, 1 fixed, 1 file skipped.',
    );
  });
});
