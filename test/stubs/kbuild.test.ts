// Builds the generated stub C and examples/streams with kbuild against real kernel headers
// (scripts/kbuild-stubs.sh: W=1, any warning fails). Skips when the headers, gcc or make are
// missing: install linux-headers-6.12.117+deb12-amd64, gcc and make to run it.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STUB_SOURCE_PATH } from '../../src/stubs/paths.js';
import { repoRoot } from '../helpers/run-cli.js';
import { writeStubTree } from './render-bundled.js';
import { findKernelHeaders, hasCommand } from './toolchain.js';

const headers = findKernelHeaders();
const missing = !headers
  ? 'no kernel headers (linux-headers-6.12.*-amd64)'
  : !hasCommand('make') || !hasCommand('gcc')
    ? 'no gcc or make'
    : '';
const script = join(repoRoot, 'scripts', 'kbuild-stubs.sh');
const dirs: string[] = [];

function kbuild(stubsDir: string) {
  const result = spawnSync('sh', [script, '--stubs-dir', stubsDir], {
    encoding: 'utf8',
    env: { ...process.env, ...(headers ? { SYSCALLTBL_KERNEL_HEADERS: headers } : {}) },
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(missing !== '')(
  `kbuild of the stub C${missing ? ` (SKIPPED: ${missing})` : ''}`,
  () => {
    it('builds the stub source (built in and as a module) and examples/streams with no warning', {
      timeout: 300_000,
    }, () => {
      const dir = writeStubTree('kbuild-stubs-');
      dirs.push(dir);
      const { status, output } = kbuild(dir);
      expect(output).toContain('kbuild-stubs: OK');
      expect(output).toContain('warnings: 0');
      expect(output).not.toMatch(/warning:/i);
      expect(status).toBe(0);
    });

    it('fails when the generated source warns', { timeout: 300_000 }, () => {
      const dir = writeStubTree('kbuild-stubs-bad-');
      dirs.push(dir);
      const source = join(dir, STUB_SOURCE_PATH);
      writeFileSync(
        source,
        `${readFileSync(source, 'utf8')}\nstatic int syscalltbl_unused_variable;\n`,
      );
      const { status, output } = kbuild(dir);
      expect(output).toContain('syscalltbl_unused_variable');
      expect(output).toContain('kbuild-stubs: FAIL');
      expect(status).toBe(1);
    });
  },
);
