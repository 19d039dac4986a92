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

/**
 * Compiles /init (x86-64) and /compat32 (i386) into @out. @probeNumbers gives e2e_probe's
 * number in each table of the spec copy, {'x86/64': n, 'x86/32': m}.
 */
export async function compileGuest({ sourceDir, out, probeNumbers, log }) {
  mkdirSync(out, { recursive: true });
  const init = join(out, 'init');
  const compat32 = join(out, 'compat32');
  await mustRun(
    'compiling the guest /init (x86-64)',
    [
      'gcc',
      ...CFLAGS,
      `-DE2E_PROBE_NR=${probeNumbers['x86/64']}`,
      '-o',
      init,
      join(sourceDir, 'init.c'),
    ],
    { log },
  );
  await mustRun(
    'compiling the guest /compat32 (i386)',
    [
      'gcc',
      '-m32',
      ...CFLAGS,
      `-DE2E_PROBE_NR=${probeNumbers['x86/32']}`,
      '-o',
      compat32,
      join(sourceDir, 'compat32.c'),
    ],
    { log },
  );
  return { init, compat32 };
}

/** Writes the initramfs: /init, /compat32, /etc/e2e-message, the modules, /dev/console. */
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
    `file /init ${programs.init} 0755 0 0`,
    `file /compat32 ${programs.compat32} 0755 0 0`,
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
