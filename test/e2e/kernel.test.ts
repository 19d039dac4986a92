// The kernel end-to-end run (e2e/kernel/run.mjs, npm run e2e:kernel): Linux 6.12 built for x86_64
// from syscalltbl's tables and stubs, booted under QEMU, the syscalls called from inside. Then the
// same build with two syscalls' numbers swapped in the spec, which must fail: the check can fail.
// Skips, saying why, without a Linux tree, QEMU, flex, bison, bc or libelf-dev (.ci/run installs
// them), or with SYSCALLTBL_E2E_KERNEL=0. About 2 minutes for the first build and 1.5 for the
// second on two cores.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedChecks } from '../../e2e/kernel/lib/guest-report.mjs';
import { findLinuxSource, missingPrerequisites } from '../../e2e/kernel/lib/prerequisites.mjs';
import { repoRoot } from '../helpers/run-cli.js';

interface Check {
  id: string;
  status: string;
  seen: string;
}
interface E2eResult {
  passed: boolean;
  skipped: boolean;
  problems: string[];
  checks?: Check[];
  headers?: { path: string; status: string }[];
  headersInstalledThisBuild?: string[];
  qemu?: { exitCode: number; timedOut: boolean };
  probeNumbers?: Record<string, number>;
  kernel?: string;
  timings: Record<string, number>;
}

const missing =
  process.env.SYSCALLTBL_E2E_KERNEL === '0'
    ? ['SYSCALLTBL_E2E_KERNEL=0']
    : (missingPrerequisites(findLinuxSource()) as string[]);
if (missing.length > 0) console.warn(`kernel e2e SKIPPED: ${missing.join('; ')}`);
const scratch = mkdtempSync(join(tmpdir(), 'syscalltbl-e2e-test-'));
// The build folder must start new or empty: the run refuses any other it did not make.
const work = join(scratch, 'work');
const BUILD_TIMEOUT_MS = 30 * 60_000;
let runs = 0;

function e2e(...args: string[]): { status: number | null; output: string; result: E2eResult } {
  const json = join(scratch, `result-${++runs}.json`);
  const run = spawnSync(
    process.execPath,
    [join(repoRoot, 'e2e/kernel/run.mjs'), '--work', work, '--json', json, ...args],
    { encoding: 'utf8', timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 << 20 },
  );
  const output = `${run.stdout}${run.stderr}`;
  // The report (each check, the build and boot times) goes into the test log.
  console.log(output);
  return { status: run.status, output, result: JSON.parse(readFileSync(json, 'utf8')) };
}

/** Files and folders under @dir changed since @marker was made (find -newer). */
function changedSince(dir: string, marker: string): string[] {
  const find = spawnSync('find', [dir, '-newer', marker], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return find.stdout.split('\n').filter(Boolean);
}

function statusOf(result: E2eResult, id: string): string | undefined {
  return result.checks?.find((c) => c.id === id)?.status;
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(missing.length > 0)(
  `kernel e2e${missing.length > 0 ? ` (SKIPPED: ${missing.join('; ')})` : ''}`,
  () => {
    it('builds the kernel from the generated tables and stubs, boots it, and every check passes', {
      timeout: BUILD_TIMEOUT_MS,
    }, () => {
      const marker = join(scratch, 'started');
      writeFileSync(marker, '');
      const before = new Date(Date.now() - 2000);
      utimesSync(marker, before, before);
      const { status, output, result } = e2e();
      expect(result.problems, output).toEqual([]);
      // The Linux tree itself was never written: the build went through the overlay and O=.
      expect(changedSince(findLinuxSource(), marker)).toEqual([]);
      expect(result.checks?.map((c) => c.id)).toEqual(expectedChecks().map((c) => c.id));
      expect(
        result.checks?.filter((c) => c.status !== 'pass'),
        output,
      ).toEqual([]);
      // The guest powered off through isa-debug-exit with code 0: (0 << 1) | 1.
      expect(result.qemu).toMatchObject({ exitCode: 1, timedOut: false });
      // The build used syscalltbl's headers; every one the configuration builds is byte-identical.
      // x86-64, i386 and x32 are all configured, so all eight are built.
      expect(result.headers?.map((h) => h.status)).toEqual(Array(8).fill('identical'));
      expect(result.probeNumbers).toEqual({ 'x86/64': 463, 'x86/32': 463 });
      expect(result.kernel).toMatch(/^6\.12\./);
      expect(result.checks?.find((c) => c.id === 'i386.e2e_probe.loaded')?.seen).toBe(
        'result -100000',
      );
      expect(output).toContain('kernel e2e: PASSED');
      expect(status).toBe(0);
    });

    it('fails when the spec swaps getpmsg and putpmsg: the guest calls the wrong handler', {
      timeout: BUILD_TIMEOUT_MS,
    }, () => {
      const { status, output, result } = e2e('--swap', 'getpmsg,putpmsg');
      expect(output).toContain('kernel e2e: FAILED');
      expect(status).toBe(1);
      // The wrong table is caught where it is wrong, through every entry...
      for (const abi of ['x86_64', 'i386', 'x32']) {
        expect(statusOf(result, `${abi}.getpmsg.loaded`)).toBe('FAIL');
      }
      // ...and nowhere else: ordinary calls and the untouched syscall still pass.
      expect(statusOf(result, 'x86_64.read-file.boot')).toBe('pass');
      expect(statusOf(result, 'x86_64.e2e_probe.loaded')).toBe('pass');
      expect(result.qemu).toMatchObject({ exitCode: 3, timedOut: false });
    });
  },
);
