// Hostile and broken files: each gets one clear `file[:line:col]: error[code]` line and exit 2,
// never a stack trace, never a hang.
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const cases: Array<[string, string, RegExp]> = [
  [
    'duplicate-key.yaml',
    'yaml-duplicate-key',
    /duplicate-key\.yaml:6:3: error\[yaml-duplicate-key\]/,
  ],
  [
    'alias-bomb.yaml',
    'yaml-alias-limit',
    /alias-bomb\.yaml:1:1: error\[yaml-alias-limit\]: aliases expand too far/,
  ],
  ['deep-nesting.yaml', 'yaml-too-deep', /deep-nesting\.yaml:2:\d+: error\[yaml-too-deep\]/],
  ['empty.yaml', 'empty-file', /empty\.yaml: error\[empty-file\]: file is empty/],
  ['comments-only.yaml', 'empty-file', /comments-only\.yaml: error\[empty-file\]/],
  [
    'not-utf8.yaml',
    'invalid-utf8',
    /not-utf8\.yaml:3:4: error\[invalid-utf8\]: byte 0xe9 is not valid UTF-8/,
  ],
  ['nul-byte.yaml', 'nul-byte', /nul-byte\.yaml:3:5: error\[nul-byte\]/],
  ['binary.yaml', 'nul-byte', /binary\.yaml:1:1: error\[nul-byte\]/],
  [
    'not-a-mapping.yaml',
    'not-a-mapping',
    /not-a-mapping\.yaml:1:1: error\[not-a-mapping\]: the spec is a list/,
  ],
  [
    'scalar.yaml',
    'not-a-mapping',
    /scalar\.yaml:1:1: error\[not-a-mapping\]: the spec is a string/,
  ],
  ['syntax-error.yaml', 'yaml-syntax', /syntax-error\.yaml:5:3: error\[yaml-syntax\]/],
  [
    'multi-document.yaml',
    'yaml-multiple-documents',
    /multi-document\.yaml:6:1: error\[yaml-multiple-documents\]: the file holds more than one YAML document/,
  ],
  [
    'proto-keys.yaml',
    'schema-pattern',
    /proto-keys\.yaml:3:3: error\[schema-pattern\]: key "__proto__" must be a C identifier not starting with __/,
  ],
  [
    'foreign-tag.yaml',
    'schema-type',
    /foreign-tag\.yaml:4:27: error\[schema-type\]: syscalls\.read\.tables: must be object/,
  ],
];

function expectCleanFailure(
  run: { status: number; stdout: string; stderr: string },
  pattern: RegExp,
): void {
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.stdout).toBe('');
}

describe('hostile spec files', () => {
  for (const [file, code, pattern] of cases) {
    it(`${file}: ${code}, exit 2`, () => {
      expectCleanFailure(
        runCli(['validate', '--spec', join('test/fixtures/spec/hostile', file)], {
          timeoutMs: 20_000,
        }),
        pattern,
      );
    });
  }

  it('reports the same problem as JSON with --format json', () => {
    const run = runCli([
      'validate',
      '--format',
      'json',
      '--spec',
      'test/fixtures/spec/hostile/duplicate-key.yaml',
    ]);
    expect(run.status).toBe(2);
    const doc = JSON.parse(run.stdout);
    expect(doc.diagnostics[0]).toMatchObject({
      line: 6,
      column: 3,
      code: 'yaml-duplicate-key',
      severity: 'error',
    });
  });

  it('a missing file', () => {
    expectCleanFailure(
      runCli(['validate', '--spec', 'no/such/spec.yaml']),
      /no\/such\/spec\.yaml: error\[file-not-found\]: no such file/,
    );
  });

  it('a directory instead of a file', () => {
    expectCleanFailure(runCli(['validate', '--spec', 'test']), /test: error\[file-is-directory\]/);
  });

  it('a dangling symlink', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-'));
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'spec.yaml'));
    expectCleanFailure(
      runCli(['validate', '--spec', join(dir, 'spec.yaml')]),
      /error\[file-not-found\]/,
    );
  });

  it('a huge file is refused before it is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-'));
    const big = join(dir, 'huge.yaml');
    writeFileSync(big, 'kernel: x\n');
    truncateSync(big, 65 * 1024 * 1024);
    expectCleanFailure(
      runCli(['validate', '--spec', big]),
      /huge\.yaml: error\[file-too-large\]: file is \d+ bytes; the limit is \d+/,
    );
  });

  it('an endless device is read only up to the limit', () => {
    expectCleanFailure(
      runCli(['validate', '--spec', '/dev/zero']),
      /\/dev\/zero: error\[file-too-large\]: file is over \d+ bytes, the limit/,
    );
  });

  it('reports every problem of a file in one run', () => {
    const run = runCli(['validate', '--spec', 'test/fixtures/spec/schema/many-errors.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr.match(/error\[/g)).toHaveLength(3);
    expect(run.stderr).toMatch(
      /many-errors\.yaml:1:9: error\[schema-type\]: kernel: must be string\n[\s\S]*hint: put it in quotes: '6\.12'/,
    );
  });
});

describe('names are a security boundary', () => {
  for (const [file, pattern] of [
    [
      'bad-name.yaml',
      /bad-name\.yaml:3:3: error\[schema-pattern\]: key "read\); system\("id"\); \(" must be a C identifier/,
    ],
    [
      'bad-entry.yaml',
      /bad-entry\.yaml:5:39: error\[schema-pattern\]: .*entry: must be a C identifier/,
    ],
    [
      'bad-param.yaml',
      /bad-param\.yaml:4:14: error\[schema-pattern\]: .*params\.0: must be a C parameter declaration/,
    ],
  ] as const) {
    it(`${file} is rejected at its position`, () => {
      const run = runCli(['validate', '--spec', join('test/fixtures/spec/schema', file)]);
      expectCleanFailure(run, pattern);
      expect(run.stderr.match(/error\[/g)).toHaveLength(1);
    });
  }

  it('an unknown key and a wrong type say what would be right', () => {
    expect(
      runCli(['validate', '--spec', 'test/fixtures/spec/schema/unknown-key.yaml']).stderr,
    ).toMatch(
      /unknown-key\.yaml:4:5: error\[schema-additionalproperties\]: syscalls\.read\.parms: unknown key "parms"\n.*\n.*\n\s+= hint: check the spelling/,
    );
    expect(
      runCli(['validate', '--spec', 'test/fixtures/spec/schema/wrong-type.yaml']).stderr,
    ).toMatch(/wrong-type\.yaml:5:24: error\[schema-type\]: .*common: must be integer or object/);
  });
});
