// The GitHub Action and the pre-commit hooks, exercised by running their own command lines (read
// from action.yml and .pre-commit-hooks.yaml) against fixtures with the built CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliPath, repoRoot } from '../helpers/run-cli.js';
import { makeProject } from './helpers/project.js';
import { sarifValidator } from './helpers/sarif-schema.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}
interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action;
const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const built = existsSync(cliPath);

/** `${{ inputs.x }}` and `${{ steps.lint.outputs.y }}` filled in, as the runner would. */
function expand(
  value: string,
  inputs: Record<string, string>,
  outputs: Record<string, string> = {},
): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, expr: string) => {
    const [scope, ...rest] = expr.split('.');
    if (scope === 'inputs') return inputs[rest.join('.')] ?? '';
    if (scope === 'steps') return outputs[rest.slice(2).join('.')] ?? '';
    throw new Error(`unexpected expression ${expr}`);
  });
}

function runStep(
  step: Step,
  cwd: string,
  inputs: Record<string, string>,
  outputs: Record<string, string> = {},
) {
  const outputFile = join(cwd, '.github-output');
  writeFileSync(outputFile, '');
  const env = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs, outputs)]),
  );
  const result = spawnSync('bash', ['-e', '-c', step.run ?? ''], {
    cwd,
    env: { ...process.env, ...env, GITHUB_OUTPUT: outputFile, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const stepOutputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: stepOutputs,
  };
}

function inputs(overrides: Record<string, string> = {}): Record<string, string> {
  const defaults = Object.fromEntries(
    Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']),
  );
  return { ...defaults, ...overrides };
}

const lintStep = action.runs.steps.find((s) => s.id === 'lint') as Step;
const failStep = action.runs.steps.find((s) => s.name === 'Fail on findings') as Step;

describe('action.yml', () => {
  it('is a composite action that sets up node, lints to SARIF and uploads it', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]?.uses).toMatch(/^actions\/setup-node@/);
    expect(lintStep.run).toContain('lint');
    expect(lintStep.run).toContain('--format sarif');
    const upload = action.runs.steps.find((s) =>
      s.uses?.startsWith('github/codeql-action/upload-sarif@'),
    );
    expect(upload?.with?.sarif_file).toMatch(/^\$\{\{ steps\.lint\.outputs\.sarif-file \}\}$/);
    // Inputs reach scripts through env only: no expression is pasted into a shell script.
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  it.skipIf(!built)(
    'lints the fixtures into a valid SARIF file and fails the job on findings (needs npm run build)',
    () => {
      const { dir } = makeProject();
      const given = inputs({ paths: 'src vendor' });
      const lint = runStep(lintStep, dir, given);
      expect(lint.status, lint.stderr).toBe(0);
      expect(lint.outputs['exit-code']).toBe('1');
      const sarifPath = lint.outputs['sarif-file'] ?? '';
      expect(sarifPath).toBe(join(dir, 'syscalltbl.sarif'));
      const log = JSON.parse(readFileSync(sarifPath, 'utf8'));
      const validate = sarifValidator();
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      expect(log.runs[0].results.length).toBeGreaterThan(0);
      expect(
        log.runs[0].results.map(
          (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
            r.locations[0]?.physicalLocation.artifactLocation.uri,
        ),
      ).toContain('src/hook_open.c');

      const fail = runStep(failStep, dir, given, { 'exit-code': lint.outputs['exit-code'] ?? '' });
      expect(fail.status).toBe(1);
      expect(fail.stdout).toContain(
        '::error title=syscalltbl lint::the linter reported findings (exit 1)',
      );
    },
  );

  it.skipIf(!built)(
    "passes with a baseline of today's findings, and stops at once on a bad config (needs npm run build)",
    () => {
      const { dir } = makeProject();
      const write = spawnSync(
        process.execPath,
        [cliPath, 'lint', '--write-baseline', 'baseline.json'],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(write.status, write.stderr).toBe(0);
      const lint = runStep(
        lintStep,
        dir,
        inputs({ baseline: 'baseline.json', args: '--max-warnings 1000' }),
      );
      expect(lint.outputs['exit-code']).toBe('0');
      expect(runStep(failStep, dir, inputs(), { 'exit-code': '0' }).status).toBe(0);

      writeFileSync(join(dir, 'bad.yaml'), 'rules:\n  table-write: sometimes\n');
      const bad = runStep(lintStep, dir, inputs({ config: 'bad.yaml' }));
      expect(bad.status).toBe(2);
      expect(bad.outputs['exit-code']).toBe('2');
      expect(bad.stderr).toContain('bad.yaml:2:16: error[config-rule-level]');
    },
  );
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares hooks for C sources that run serially', () => {
    expect(hooks.map((h) => h.id)).toEqual(['syscalltbl-lint', 'syscalltbl-lint-system']);
    for (const hook of hooks) {
      expect(hook.entry).toMatch(/syscalltbl lint$/);
      expect(hook.require_serial).toBe(true);
      expect(new RegExp(hook.files).test('drivers/x.c')).toBe(true);
      expect(new RegExp(hook.files).test('drivers/x.h')).toBe(true);
      expect(new RegExp(hook.files).test('README.md')).toBe(false);
    }
  });

  it.skipIf(!built)(
    'runs each hook entry on staged files as pre-commit would (needs npm run build)',
    () => {
      for (const hook of hooks) {
        const { dir, binDir } = makeProject();
        const staged = ['src/hook_open.c', 'src/clean.c', 'README.md'].filter((f) =>
          new RegExp(hook.files).test(f),
        );
        const [command = '', ...args] = hook.entry.split(' ');
        // pre-commit puts a `language: node` hook's install on PATH; a `system` hook uses the
        // project's own install, which npx finds in node_modules/.bin.
        const env = {
          ...process.env,
          NO_COLOR: '1',
          PATH: hook.language === 'node' ? `${binDir}:${process.env.PATH}` : process.env.PATH,
        };
        const dirty = spawnSync(command, [...args, ...staged], {
          cwd: dir,
          env,
          encoding: 'utf8',
          timeout: 120_000,
        });
        expect(dirty.status, `${hook.id}: ${dirty.stderr}`).toBe(1);
        expect(dirty.stdout).toMatch(/^src\/hook_open\.c:\d+:\d+ {2}error {2}/m);
        const clean = spawnSync(command, [...args, 'src/clean.c'], {
          cwd: dir,
          env,
          encoding: 'utf8',
          timeout: 120_000,
        });
        expect(clean.status, `${hook.id}: ${clean.stdout}${clean.stderr}`).toBe(0);
      }
    },
  );
});
