// Which spec a command uses: --spec, else ./syscalls.yaml, else the bundled one.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSpecPath, resolveSpecPath } from '../../src/common/paths.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

describe('spec resolution', () => {
  it('prefers --spec, then ./syscalls.yaml, then the bundled spec', () => {
    const empty = mkdtempSync(join(tmpdir(), 'syscalltbl-'));
    expect(resolveSpecPath(undefined, empty)).toBe(bundledSpecPath);
    const local = mkdtempSync(join(tmpdir(), 'syscalltbl-'));
    writeFileSync(join(local, 'syscalls.yaml'), 'x');
    expect(resolveSpecPath(undefined, local)).toBe(join(local, 'syscalls.yaml'));
    expect(resolveSpecPath('other.yaml', local)).toBe('other.yaml');
  });

  it('a local syscalls.yaml is used by every command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-'));
    copyFileSync(join(repoRoot, 'test/fixtures/spec/valid-small.yaml'), join(dir, 'syscalls.yaml'));
    const run = runCli(['validate'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^syscalls\.yaml: valid: 2 syscalls/);
    expect(readFileSync(join(dir, 'syscalls.yaml'), 'utf8')).toMatch(/kernel/);
  });
});
