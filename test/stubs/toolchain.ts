// What the stub build and concurrency tests need from the machine: kernel headers (Debian's
// linux-headers-6.12.*-amd64), gcc, make, and gcc's ThreadSanitizer runtime (libtsan2).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** $SYSCALLTBL_KERNEL_HEADERS, else the newest /usr/src/linux-headers-6.12*-amd64; undefined when none. */
export function findKernelHeaders(): string | undefined {
  const fromEnv = process.env.SYSCALLTBL_KERNEL_HEADERS;
  if (fromEnv) return existsSync(join(fromEnv, 'Makefile')) ? fromEnv : undefined;
  let names: string[] = [];
  try {
    names = readdirSync('/usr/src').filter((n) => /^linux-headers-6\.12.*-amd64$/.test(n));
  } catch {
    return undefined;
  }
  const newest = names.sort(compareVersions).pop();
  return newest && existsSync(join('/usr/src', newest, 'Makefile'))
    ? join('/usr/src', newest)
    : undefined;
}

/** `sort -V` order for the names above: numbers compared as numbers. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export interface TsanSupport {
  /** Empty when TSAN programs build and run here; else why not. */
  missing: string;
  /** Prefix for running them: [] or `setarch <arch> -R` when ASLR must be off. */
  runner: string[];
}

/**
 * Whether gcc can build and run a -fsanitize=thread program here. gcc 12's TSAN runtime
 * rejects the memory layout of kernels with many mmap random bits ("unexpected memory
 * mapping"); such programs run with ASLR off, through setarch -R.
 */
export function tsanSupport(): TsanSupport {
  if (!hasCommand('gcc')) return { missing: 'no gcc (install gcc and libtsan2)', runner: [] };
  const dir = mkdtempSync(join(tmpdir(), 'tsan-probe-'));
  try {
    writeFileSync(join(dir, 'probe.c'), 'int main(void) { return 0; }\n');
    const probe = join(dir, 'probe');
    const build = spawnSync('gcc', ['-fsanitize=thread', join(dir, 'probe.c'), '-o', probe], {
      stdio: 'ignore',
    });
    if (build.status !== 0)
      return {
        missing: 'gcc cannot link -fsanitize=thread programs (install libtsan2)',
        runner: [],
      };
    if (spawnSync(probe, { stdio: 'ignore' }).status === 0) return { missing: '', runner: [] };
    const setarch = ['setarch', process.arch === 'x64' ? 'x86_64' : process.arch, '-R'];
    if (
      spawnSync(setarch[0] as string, [...setarch.slice(1), probe], { stdio: 'ignore' }).status ===
      0
    ) {
      return { missing: '', runner: setarch };
    }
    return {
      missing: 'TSAN programs do not run on this kernel, not even with ASLR off',
      runner: [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
