// Boots the e2e kernel under QEMU (software emulation, serial console) with a hard timeout.
import { readFileSync } from 'node:fs';
import { run } from './command.mjs';

/** isa-debug-exit turns the guest's `outb code` into QEMU's exit status (code << 1) | 1. */
export const QEMU_EXIT_PASSED = 1;
export const QEMU_EXIT_FAILED = 3;

/**
 * Runs the kernel @image with the initramfs @initramfs. Resolves to what QEMU printed (the
 * serial console), its exit status, whether the timeout killed it, and the seconds it took.
 */
export async function boot({ image, initramfs, timeoutSeconds, log }) {
  const argv = [
    'qemu-system-x86_64',
    '-accel',
    'tcg',
    '-m',
    '256M',
    '-nographic',
    '-no-reboot',
    '-kernel',
    image,
    '-initrd',
    initramfs,
    '-append',
    'console=ttyS0 panic=-1 oops=panic',
    '-device',
    'isa-debug-exit,iobase=0xf4,iosize=0x04',
  ];
  const started = performance.now();
  const result = await run(argv, { log, timeoutMs: timeoutSeconds * 1000 });
  return {
    argv,
    exitCode: result.code,
    timedOut: result.timedOut,
    seconds: (performance.now() - started) / 1000,
    output: readFileSync(log, 'utf8'),
  };
}
