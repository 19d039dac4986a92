// The project config: found upward, validated with positions (every error in one run), hostile
// YAML rejected in one line, presets layered, per-file levels and include/exclude applied.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/common/diagnostics.js';
import { renderDiagnosticsText } from '../../src/common/render-diagnostics.js';
import { parseLintOptions } from '../../src/lint/config/cli-options.js';
import { makeFileFilter, makeRuleLevelsFor } from '../../src/lint/config/file-rules.js';
import { findConfigFile, resolveConfig } from '../../src/lint/config/resolve-config.js';
import { fakeDefaultRuleLevels } from './helpers/fake-engine.js';
import { fixtures } from './helpers/harness.js';

const RULES = ['table-write', 'table-lookup', 'wp-disable'];
const presetDirs = [join(fixtures, 'presets')];
const project = join(fixtures, 'project');

function resolveAt(
  cwd: string,
  extra: {
    configPath?: string;
    preset?: string;
    cliRules?: Record<string, 'off' | 'warn' | 'error'>;
  } = {},
) {
  return resolveConfig({ cwd, cliRules: {}, knownRules: RULES, presetDirs, ...extra });
}

/** The diagnostics a failing config produces, rendered as the CLI prints them. */
function errorsOf(configPath: string): string {
  try {
    resolveAt(join(fixtures, 'configs'), { configPath });
  } catch (error) {
    if (error instanceof UserError) return renderDiagnosticsText(error.diagnostics);
    throw error;
  }
  throw new Error(`${configPath} was accepted`);
}

describe('finding the config', () => {
  it('walks up from the working directory', () => {
    expect(findConfigFile(join(project, 'drivers', 'hook', 'deeper'))).toBe(
      join(project, '.syscalltbl.yaml'),
    );
  });

  it('uses the config directory as the lint root', () => {
    const config = resolveAt(join(project, 'drivers', 'hook'));
    expect(config.root).toBe(project);
    expect(config.tableNames).toEqual(['my_table']);
  });

  it('runs on defaults when there is no config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-noconfig-'));
    expect(resolveAt(dir)).toMatchObject({ root: dir, rules: {}, exclude: [], overrides: [] });
  });
});

describe('config errors', () => {
  it('reports every mistake with file:line:col, the line and a hint', () => {
    const text = errorsOf('bad.yaml');
    expect(text).toContain(
      'bad.yaml:3:16: error[config-rule-level]: `warning` is not a rule level (`rules.table-write`)',
    );
    expect(text).toContain('= hint: use off, warn or error');
    expect(text).toContain('bad.yaml:4:3: error[unknown-rule]: unknown rule `no-such-rule`');
    expect(text).toContain('= hint: valid rules: table-lookup, table-write, wp-disable');
    expect(text).toContain('bad.yaml:5:3: error[config-rule-id]: `Table_Write` is not a rule id');
    expect(text).toContain(
      'bad.yaml:6:23: error[config-table-name]: `not-an-identifier` is not a C identifier',
    );
    expect(text).toContain('bad.yaml:7:1: error[config-unknown-setting]: unknown setting `exlude`');
    expect(text).toContain('bad.yaml:9:5: error[config-missing]: `overrides[0]` needs `files`');
    expect(text).toContain(
      'bad.yaml:10:10: error[unknown-preset]: unknown preset `no-such-preset`',
    );
    expect(text).toContain('  3 |   table-write: warning\n    |                ^\n');
  });

  it.each([
    ['dup-key.yaml', 'dup-key.yaml:3:3: error[yaml-duplicate-key]'],
    ['multi-doc.yaml', 'multi-doc.yaml:2:1: error[yaml-multiple-documents]'],
    ['alias-bomb.yaml', 'error[yaml-alias-limit]'],
    ['empty.yaml', 'empty.yaml: error[empty-file]'],
    ['not-utf8.yaml', 'not-utf8.yaml:2:16: error[invalid-utf8]: byte 0xff is not valid UTF-8'],
    ['scalar.yaml', 'scalar.yaml:1:1: error[config-type]: the config must be a mapping'],
    ['yaml11.yaml', "quote it ('off'): YAML 1.1 reads off/on as booleans"],
    ['missing.yaml', 'missing.yaml: error[config-not-found]'],
  ])('%s gets a clear error, not a stack trace', (file, expected) => {
    const text = errorsOf(file);
    expect(text).toContain(expected);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('rejects absurd nesting in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-deep-'));
    writeFileSync(join(dir, 'deep.yaml'), `rules: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const text = errorsOf(join(dir, 'deep.yaml'));
    expect(text.trim().split('\n')[0]).toMatch(/deep\.yaml:1:\d+: error\[/);
  });
});

describe('presets', () => {
  it('layers presets under the project config, and --preset after extends', () => {
    const config = resolveAt(project, { preset: 'test-tree' });
    expect(config.presets).toEqual(['test-tree']);
    // The project's own `wp-disable: error` wins over the preset's `off`.
    expect(config.rules).toEqual({ 'wp-disable': 'error' });
    expect(config.exclude).toEqual(['vendor/**', 'vendor/**']);
    expect(config.overrides.map((o) => o.files)).toEqual([
      ['src/hook_*.c'],
      ['drivers/hook/legacy.c'],
    ]);
  });

  it('follows a preset extending another, each once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-preset-'));
    writeFileSync(join(dir, '.syscalltbl.yaml'), 'extends: [derived, base]\n');
    expect(resolveAt(dir)).toMatchObject({
      presets: ['base', 'derived'],
      tableNames: ['base_table', 'derived_table'],
    });
  });

  it('reports a cycle and an unknown --preset', () => {
    expect(() => resolveAt(project, { preset: 'cycle-a' })).toThrow(
      /cycle: cycle-a -> cycle-b -> cycle-a/,
    );
    expect(() => resolveAt(project, { preset: 'nope' })).toThrow(UserError);
    expect(() => resolveAt(project, { preset: '../configs/bad' })).toThrow(/unknown preset/);
  });

  it('finds the bundled presets folder from the module', async () => {
    const { listPresets } = await import('../../src/lint/config/presets.js');
    expect(Array.isArray(listPresets())).toBe(true);
  });
});

describe('per-file rules', () => {
  it('applies defaults, config, matching overrides, then --rule', () => {
    const config = resolveAt(project, { cliRules: { 'table-lookup': 'off' } });
    const levelsFor = makeRuleLevelsFor(config, fakeDefaultRuleLevels());
    expect(levelsFor('drivers/hook/new.c')).toEqual({
      'table-write': 'error',
      'table-lookup': 'off',
      'wp-disable': 'error',
    });
    expect(levelsFor('drivers/hook/legacy.c')).toEqual({
      'table-write': 'warn',
      'table-lookup': 'off',
      'wp-disable': 'error',
    });
    const cli = makeRuleLevelsFor(
      resolveAt(project, { cliRules: { 'table-write': 'error' } }),
      fakeDefaultRuleLevels(),
    );
    expect(cli('drivers/hook/legacy.c')['table-write']).toBe('error');
  });

  it('filters files by include and exclude globs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-globs-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, '.syscalltbl.yaml'),
      "include: ['src/**/*.c']\nexclude: ['**/gen_*.c']\n",
    );
    const accepts = makeFileFilter(resolveAt(dir));
    expect(
      ['src/a.c', 'src/deep/b.c', 'src/gen_x.c', 'lib/c.c', 'src/a.h'].filter(accepts),
    ).toEqual(['src/a.c', 'src/deep/b.c']);
  });
});

describe('command-line options', () => {
  it('parses --rule, --max-warnings and --jobs', () => {
    expect(
      parseLintOptions(
        {
          format: 'sarif',
          rule: ['table-write=warn', 'wp-disable=off'],
          maxWarnings: '0',
          jobs: '2',
        },
        RULES,
      ),
    ).toMatchObject({
      format: 'sarif',
      cliRules: { 'table-write': 'warn', 'wp-disable': 'off' },
      maxWarnings: 0,
      jobs: 2,
    });
  });

  it('lists the valid rule ids for an unknown one, and reports every bad option at once', () => {
    try {
      parseLintOptions(
        { rule: ['tabel-write=off', 'wp-disable=warning'], maxWarnings: '-1', jobs: '0' },
        RULES,
      );
      expect.unreachable();
    } catch (error) {
      const text = renderDiagnosticsText((error as UserError).diagnostics);
      expect(text).toContain('unknown rule `tabel-write` in `--rule tabel-write=off`');
      expect(text).toContain('valid rules: table-lookup, table-write, wp-disable');
      expect(text).toContain('`--rule wp-disable=warning` needs a level: off, warn or error');
      expect(text).toContain('`--max-warnings -1` is not a whole number');
      expect(text).toContain('`--jobs 0` is not a whole number of at least 1');
    }
  });
});
