// The guest's programs (static, no libc, from e2e/kernel/guest) and its initramfs, written by
// the kernel's own usr/gen_init_cpio from the build folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mustRun, StepError } from './command.mjs';

/** What the guest reads back from /etc/e2e-message (guest/stub-checks.h has the same text). */
export const GUEST_MESSAGE = 'syscalltbl e2e: read through the table\n';

const CFLAGS = [
  '-static',
  '-nostdlib',
  '-ffreestanding',
  '-fno-pie',
  '-no-pie',
  '-fno-stack-protector',
  '-fno-asynchronous-unwind-tables',
  '-O2',
  '-Wall',
  '-Wextra',
  '-Werror',
];

/** The guest's programs: /init, and the same checks for each 32-bit ABI (abi32.c). */
const PROGRAMS = [
  { name: 'init', source: 'init.c', flags: [], table: 'x86/64' },
  { name: 'i386', source: 'abi32.c', flags: ['-m32'], table: 'x86/32' },
  { name: 'x32', source: 'abi32.c', flags: ['-mx32'], table: 'x86/64' },
];

/**
 * Compiles the guest programs into @out; returns {name: path}. @probeNumbers gives e2e_probe's
 * number in each table of the spec copy, {'x86/64': n, 'x86/32': m} (x32 numbers are x86/64's).
 */
export async function compileGuest({ sourceDir, out, probeNumbers, log }) {
  mkdirSync(out, { recursive: true });
  const programs = {};
  for (const { name, source, flags, table } of PROGRAMS) {
    programs[name] = join(out, name);
    const argv = ['gcc', ...flags, ...CFLAGS, `-DE2E_PROBE_NR=${probeNumbers[table]}`];
    await mustRun(
      `compiling the guest's /${name}`,
      [...argv, '-o', programs[name], join(sourceDir, source)],
      {
        log,
      },
    );
  }
  return programs;
}

/** Writes the initramfs: the programs, /etc/e2e-message, the modules, /dev/console. */
export function writeInitramfs({ build, out, programs, modules }) {
  const tool = join(build, 'usr/gen_init_cpio');
  if (!existsSync(tool))
    throw new StepError(`the kernel build made no ${tool} (CONFIG_BLK_DEV_INITRD)`);
  const message = join(out, 'e2e-message');
  writeFileSync(message, GUEST_MESSAGE);
  const list = [
    'dir /dev 0755 0 0',
    'nod /dev/console 0600 0 0 c 5 1',
    'dir /etc 0755 0 0',
    `file /etc/e2e-message ${message} 0644 0 0`,
    ...Object.entries(programs).map(([name, path]) => `file /${name} ${path} 0755 0 0`),
    'dir /lib 0755 0 0',
    'dir /lib/modules 0755 0 0',
    ...Object.entries(modules).map(([name, ko]) => `file /lib/modules/${name}.ko ${ko} 0644 0 0`),
  ];
  const listPath = join(out, 'initramfs.list');
  writeFileSync(listPath, `${list.join('\n')}\n`);
  // -t 0: every time stamp 0, so the archive is the same bytes for the same files.
  const cpio = spawnSync(tool, ['-t', '0', listPath], { maxBuffer: 256 << 20 });
  if (cpio.status !== 0)
    throw new StepError(`gen_init_cpio failed: ${cpio.stderr.toString().trim()}`);
  const archive = join(out, 'initramfs.cpio');
  writeFileSync(archive, cpio.stdout);
  return archive;
}
