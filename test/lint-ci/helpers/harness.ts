// Runs the lint command in-process on the fake engine, capturing stdout, stderr and the exit code
// (or the UserError's rendered diagnostics, as the CLI would print them).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../src/common/diagnostics.js';
import { renderDiagnosticsText } from '../../../src/common/render-diagnostics.js';
import { lintWith } from '../../../src/lint/lint-command.js';
import { fakeDefaultRuleLevels, fakeLintPaths, fakeRules } from './fake-engine.js';

export const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'lint-ci');

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export async function lint(
  args: string[],
  options: Record<string, unknown> & {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    tty?: boolean;
    tableNames?: string[];
  },
): Promise<Run> {
  const { cwd, env, tty, tableNames, ...cliOptions } = options;
  let stdout = '';
  let stderr = '';
  try {
    const status = await lintWith({ format: 'text', rule: [], ...cliOptions }, args, {
      lintPaths: fakeLintPaths(cwd),
      rules: fakeRules,
      defaultRuleLevels: fakeDefaultRuleLevels,
      lintRoot: () => cwd,
      tableNames: async () => tableNames ?? ['sys_call_table'],
      cwd,
      env: env ?? {},
      stdout: {
        isTTY: tty ?? false,
        write: async (t) => {
          stdout += t;
        },
      },
      stderr: {
        isTTY: tty ?? false,
        write: (t: string) => {
          stderr += t;
        },
      },
      presetDirs: [join(fixtures, 'presets')],
    });
    return { status, stdout, stderr };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { status: 2, stdout, stderr: stderr + renderDiagnosticsText(error.diagnostics) };
  }
}

/** A private copy of a fixture folder, for tests that edit files. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-lint-ci-'));
  cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}
