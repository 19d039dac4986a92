// The parts of the kernel e2e that need no kernel build: the spec copy, the reading of the
// guest's output, and the header-script shim (this one with a Linux tree's own scripts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateChecks, expectedChecks } from '../../e2e/kernel/lib/guest-report.mjs';
import { installGenerated } from '../../e2e/kernel/lib/overlay.mjs';
import { writeSpecCopy } from '../../e2e/kernel/lib/spec-copy.mjs';
import { linuxSourceTree } from '../helpers/reference.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-e2e-parts-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the spec copy', () => {
  const bundled = join(repoRoot, 'syscalls.yaml');

  it('adds e2e_probe as a stub at the next native number of each x86 table, and nothing else', () => {
    const out = join(tempDir(), 'copy.yaml');
    expect(writeSpecCopy(bundled, out)).toEqual({ 'x86/64': 463, 'x86/32': 463 });
    const original = readFileSync(bundled, 'utf8');
    const copy = readFileSync(out, 'utf8');
    expect(copy.startsWith(original)).toBe(true);
    expect(copy.slice(original.length)).toMatchInlineSnapshot(`
      "  e2e_probe:
          params: [long value, unsigned long magic]
          reserved: true
          stub: {reason: "syscalltbl kernel e2e: a syscall only this copy of the spec has", compat: true}
          tables:
            x86/64: {common: {nr: 463, entry: null}}
            x86/32: {i386: {nr: 463, entry: null}}
      "
    `);
    const validate = runCli(['validate', '--spec', out]);
    expect(validate.stderr).toContain('valid: 663 syscalls');
    expect(validate.stderr).not.toMatch(/error|warning/);
    expect(validate.status).toBe(0);
  });

  it('swaps the x86 numbers of two syscalls, whatever form their rows take', () => {
    const out = join(tempDir(), 'swapped.yaml');
    writeSpecCopy(bundled, out, { swap: ['getpmsg', 'read'] });
    const { syscalls } = parse(readFileSync(out, 'utf8'));
    expect(syscalls.getpmsg.tables['x86/64']).toEqual({ common: { nr: 0, entry: null } });
    expect(syscalls.read.tables['x86/64']).toEqual({ common: 181 });
    expect(syscalls.getpmsg.tables['x86/32']).toEqual({ i386: { nr: 3, entry: null } });
    expect(syscalls.read.tables['x86/32']).toEqual({ i386: 188 });
    // Other architectures keep their numbers.
    expect(syscalls.read.tables.arm).toEqual({ common: 3 });
  });

  it('refuses a swap of syscalls without x86 rows', () => {
    const out = join(tempDir(), 'bad.yaml');
    expect(() => writeSpecCopy(bundled, out, { swap: ['getpmsg', 'no_such_call'] })).toThrow(
      /no x86 rows to swap/,
    );
  });
});

describe("the guest's report", () => {
  const allPassing = expectedChecks()
    .map((c: { id: string }) => `E2E-CHECK ${c.id} PASS result 0`)
    .join('\n');

  it('passes when every expected check printed PASS and the guest ended', () => {
    const { checks, unexpected, ended } = evaluateChecks(
      `boot noise\r\n${allPassing}\nE2E-END failures 0\n`,
    );
    expect(checks.every((c: { status: string }) => c.status === 'pass')).toBe(true);
    expect(unexpected).toEqual([]);
    expect(ended).toBe(true);
  });

  it('marks a failed check, a missing one, and one it does not expect', () => {
    const lines = allPassing
      .replace('x86_64.getpmsg.loaded PASS', 'x86_64.getpmsg.loaded FAIL')
      .split('\n')
      .filter((line) => !line.includes('i386.e2e_probe.after'));
    lines.push('E2E-CHECK x86_64.surprise.boot PASS result 0');
    const { checks, unexpected, ended } = evaluateChecks(lines.join('\n'));
    const status = (id: string) => checks.find((c: { id: string }) => c.id === id)?.status;
    expect(status('x86_64.getpmsg.loaded')).toBe('FAIL');
    expect(status('i386.e2e_probe.after')).toBe('MISSING');
    expect(status('x86_64.getpmsg.before')).toBe('pass');
    expect(unexpected).toEqual(['x86_64.surprise.boot']);
    expect(ended).toBe(false);
  });

  it('expects every check the guest programs print', () => {
    // Each id the host expects is spelled in the guest's C (as a check() call's parts).
    const guest = ['stub-checks.h', 'init.c']
      .map((f) => readFileSync(join(repoRoot, 'e2e/kernel/guest', f), 'utf8'))
      .join('\n');
    for (const { id } of expectedChecks() as { id: string }[]) {
      const what = id.split('.')[1] as string;
      expect(guest, id).toContain(`"${what}"`);
    }
  });
});

const linux = linuxSourceTree();
describe.skipIf(!linux)(
  `the header-script shim${linux ? '' : ' (SKIPPED: no Linux 6.12 tree; set SYSCALLTBL_LINUX_SRC)'}`,
  () => {
    /** A generate --stubs output and an overlay with the shims, for the x86 tables. */
    function setUp() {
      const dir = tempDir();
      const generated = join(dir, 'generated');
      const gen = runCli(['generate', '--stubs', '--arch', 'x86', '--out', generated]);
      expect(gen.status).toBe(0);
      const overlay = join(dir, 'linux');
      mkdirSync(join(overlay, 'kernel'), { recursive: true });
      const shimLog = join(dir, 'installed.log');
      writeFileSync(shimLog, '');
      const changed = installGenerated({
        overlay,
        source: linux as string,
        generated,
        shimTemplate: join(repoRoot, 'e2e/kernel/kbuild-shim.sh'),
        shimLog,
      });
      return { dir, generated, overlay, shimLog, changed };
    }

    /** Runs the shim as kbuild's syscalls Makefile does, from the build folder @build. */
    function shim(overlay: string, build: string, out: string) {
      mkdirSync(join(build, 'arch/x86/include/generated/uapi/asm'), { recursive: true });
      return spawnSync(
        'sh',
        [
          join(overlay, 'scripts/syscallhdr.sh'),
          '--abis',
          'common,64',
          '--emit-nr',
          join(overlay, 'arch/x86/entry/syscalls/syscall_64.tbl'),
          out,
        ],
        { cwd: build, encoding: 'utf8' },
      );
    }

    const header = 'arch/x86/include/generated/uapi/asm/unistd_64.h';

    it('installs the stub source, the tables and the shims, and only what changed', () => {
      const { changed, overlay } = setUp();
      expect(changed).toContain('kernel/Makefile');
      expect(changed).toContain('arch/x86/entry/syscalls/syscall_64.tbl');
      expect(readFileSync(join(overlay, 'kernel/Makefile'), 'utf8')).toMatch(
        /\nobj-y \+= syscalltbl\/\n$/,
      );
    });

    it("installs syscalltbl's header when the kernel's script writes the same bytes", () => {
      const { dir, generated, overlay, shimLog } = setUp();
      const build = join(dir, 'build');
      const run = shim(overlay, build, header);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(readFileSync(join(build, header))).toEqual(readFileSync(join(generated, header)));
      expect(readFileSync(shimLog, 'utf8')).toBe(`${header}\n`);
    });

    it('stops the build, with a diff, when they differ', () => {
      const { dir, generated, overlay } = setUp();
      const ours = join(generated, header);
      copyFileSync(ours, `${ours}.orig`);
      writeFileSync(ours, readFileSync(ours, 'utf8').replace('__NR_read 0', '__NR_read 1000'));
      const run = shim(overlay, join(dir, 'build'), header);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("syscalltbl's header differs from the kernel script's");
      expect(run.stderr).toContain('+#define __NR_read 1000');
    });
  },
);
