// What the kernel e2e needs from the machine. Anything missing makes the run a skip (exit 77),
// with the Debian packages that provide it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COMMANDS = {
  make: 'make',
  gcc: 'gcc',
  flex: 'flex',
  bison: 'bison',
  bc: 'bc',
  'qemu-system-x86_64': 'qemu-system-x86',
};

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Whether gcc makes a static freestanding program for @abiFlag here (no multilib libc needed). */
function canCompileFor(abiFlag) {
  const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-abi-'));
  try {
    writeFileSync(join(dir, 'a.c'), 'void _start(void) { for (;;) ; }\n');
    const args = [
      abiFlag,
      '-static',
      '-nostdlib',
      '-ffreestanding',
      '-fno-pie',
      '-no-pie',
      '-o',
      join(dir, 'a'),
      join(dir, 'a.c'),
    ];
    return spawnSync('gcc', args, { stdio: 'ignore' }).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Linux tree to build: $SYSCALLTBL_LINUX_SRC, else Debian's extracted linux-source-6.12. */
export function findLinuxSource(env = process.env) {
  return env.SYSCALLTBL_LINUX_SRC || '/usr/src/linux-source-6.12';
}

/** The tree's "VERSION.PATCHLEVEL" from its top Makefile, or undefined. */
export function treeVersion(linuxSource) {
  let makefile;
  try {
    makefile = readFileSync(join(linuxSource, 'Makefile'), 'utf8');
  } catch {
    return undefined;
  }
  const field = (name) => new RegExp(`^${name} = (\\d+)$`, 'm').exec(makefile)?.[1];
  return field('VERSION') && field('PATCHLEVEL')
    ? `${field('VERSION')}.${field('PATCHLEVEL')}`
    : undefined;
}

/**
 * Reasons the run cannot go ahead here; empty when it can. The tree must be Linux
 * @wantedVersion: the bundled spec's entry points are that kernel's.
 */
export function missingPrerequisites(linuxSource, wantedVersion = '6.12') {
  const missing = [];
  const version = treeVersion(linuxSource);
  if (!version || !existsSync(join(linuxSource, 'arch/x86/entry/syscalls'))) {
    missing.push(
      `no Linux source tree at ${linuxSource} (set SYSCALLTBL_LINUX_SRC, or install linux-source-6.12 and extract /usr/src/linux-source-6.12.tar.xz)`,
    );
  } else if (version !== wantedVersion) {
    missing.push(
      `the tree at ${linuxSource} is Linux ${version}, not ${wantedVersion}: the spec's tables name ${wantedVersion}'s entry points (set SYSCALLTBL_LINUX_SRC to a ${wantedVersion} tree)`,
    );
  }
  for (const [command, pkg] of Object.entries(COMMANDS)) {
    if (!hasCommand(command)) missing.push(`no ${command} (Debian package ${pkg})`);
  }
  if (!existsSync('/usr/include/gelf.h') && !existsSync('/usr/include/libelf.h')) {
    missing.push('no libelf headers for objtool (Debian package libelf-dev)');
  }
  for (const [abi, flag] of [
    ['i386', '-m32'],
    ['x32', '-mx32'],
  ]) {
    if (hasCommand('gcc') && !canCompileFor(flag)) {
      missing.push(`gcc cannot build a static ${abi} program (${flag})`);
    }
  }
  return missing;
}
