// Reads arch/arm64/include/asm/unistd32.h — arm64's AArch32 (compat) table before 6.11 turned it
// into arch/arm64/tools/syscall_32.tbl — into the rows that table holds, so older trees (6.1,
// 5.x) import arm64_compat too. The header names one entry per syscall, the one compat tasks
// run; the .tbl states a native entry and, where it differs, a compat one, as 6.12 does:
//   __SYSCALL(__NR_read, sys_read)              -> 3   common read   sys_read
//   __SYSCALL(__NR_open, compat_sys_open)       -> 5   common open   sys_open  compat_sys_open
//   __SYSCALL(7, sys_ni_syscall)                -> (a hole: no row)
// A compat_sys_* entry's native counterpart is the 32-bit ARM table's entry for the same syscall
// (the 6.11 conversion copied arch/arm/tools/syscall.tbl), given as `nativeEntries`; without
// that table, sys_ + the same suffix (the kernel's naming convention). Slots the header names
// but leaves unimplemented (`__NR_vserver`, sys_ni_syscall) are rows, as in the .tbl; unnamed
// holes (`/* 7 was sys_waitpid */`) are not.
import type { Diagnostic } from '../common/diagnostics.js';
import type { GenericUnistdOptions } from './parse-generic-unistd.js';
import type { LegacyRows, TblRow } from './parse-tbl.js';

export interface Arm64Unistd32Options extends GenericUnistdOptions {
  /** Each syscall's native entry, from the 32-bit ARM table of the same tree. */
  nativeEntries?: ReadonlyMap<string, string>;
}

const DEFINE = /^#define\s+__NR_([A-Za-z_][A-Za-z0-9_]*)\s+([0-9]+)\s*(?:\/\*.*)?$/;
const SYSCALL =
  /^__SYSCALL\(\s*(?:__NR_([A-Za-z_][A-Za-z0-9_]*)|([0-9]+))\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)/;

export function parseArm64Unistd32(
  text: string,
  file: string,
  options: Arm64Unistd32Options = {},
): LegacyRows {
  const numbers = new Map<string, number>(options.known ?? []);
  const rows: TblRow[] = [];
  const diagnostics: Diagnostic[] = [];
  const tag = options.tag ?? 'common';
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const define = DEFINE.exec(line);
    if (define) {
      numbers.set(define[1] as string, Number(define[2]));
      return;
    }
    const call = SYSCALL.exec(line);
    if (!call) return;
    const name = call[1];
    const literal = call[2];
    const fn = call[3] as string;
    if (name === undefined && fn === 'sys_ni_syscall') return;
    const nr = name !== undefined ? numbers.get(name) : Number(literal);
    if (name === undefined || nr === undefined) {
      diagnostics.push({
        code: 'legacy-unknown-number',
        severity: 'warning',
        message: `__SYSCALL(${name !== undefined ? `__NR_${name}` : literal}, ${fn}) has no #define'd name and number: left out`,
        hint: 'the header defines __NR_<name> <number> before each __SYSCALL line',
        file,
        position: { line: index + 1, column: 1 },
        sourceLine: raw,
      });
      return;
    }
    const compat = fn.startsWith('compat_sys_');
    rows.push({
      nr,
      tag,
      name,
      entry: compat
        ? (options.nativeEntries?.get(name) ?? `sys_${fn.slice('compat_sys_'.length)}`)
        : fn,
      compat: compat ? fn : null,
      noreturn: false,
      line: index + 1,
    });
  });
  return { rows, diagnostics, numbers };
}
