// Answers "what is 59 on x86_64?" and "what is openat on every ABI?": plain data for `show`.
import type { AbiDescriptor, ArchSet } from '../arch/model.js';
import type { Param, Spec, Syscall, TableRow } from './model.js';
import { effectiveNumber, rowOnAbi } from './resolve.js';

export interface AbiPlacement {
  abi: string;
  arch: string;
  nr: number;
  /** The number user space passes, offset applied (x32's bit 30, MIPS's __NR_Linux, ...). */
  number: number;
  offset: { symbol: string; value: number } | null;
  tag: string;
  table: string;
  entry: string | null;
  compat: string | null;
  noreturn: boolean;
  instruction: string;
  numberRegister: string | null;
  returnRegister: string;
  /** Each parameter with the register it travels in (`stack` on MIPS o32 beyond four). */
  args: Array<{ decl: string; name: string; type: string; register: string | null }>;
}

export interface SyscallInfo {
  name: string;
  params: Param[] | null;
  reserved: boolean;
  stub: boolean;
  since: string | null;
  man: string | null;
  placements: AbiPlacement[];
}

function placement(syscall: Syscall, row: TableRow, abi: AbiDescriptor): AbiPlacement {
  return {
    abi: abi.name,
    arch: abi.arch,
    nr: row.nr,
    number: effectiveNumber(row.nr, abi),
    offset: abi.offset,
    tag: row.tag,
    table: row.table,
    entry: row.entry,
    compat: row.compat,
    noreturn: row.noreturn,
    instruction: abi.calling.instruction,
    numberRegister: abi.calling.numberRegister,
    returnRegister: abi.calling.returnRegister,
    args: (syscall.params ?? []).map((p, i) => ({
      decl: p.decl,
      name: p.name,
      type: p.type,
      register: abi.calling.argRegisters[i] ?? null,
    })),
  };
}

export function describeSyscall(
  syscall: Syscall,
  arches: ArchSet,
  onlyAbi?: AbiDescriptor,
): SyscallInfo {
  const abis = onlyAbi ? [onlyAbi] : [...arches.abis.values()];
  const placements = abis.flatMap((abi) => {
    const row = rowOnAbi(syscall, abi);
    return row ? [placement(syscall, row, abi)] : [];
  });
  return {
    name: syscall.name,
    params: syscall.params ?? null,
    reserved: syscall.reserved,
    stub: syscall.stub !== undefined,
    since: syscall.since ?? null,
    man: syscall.man ?? null,
    placements,
  };
}

/** Parses `59`, `0x3b`, or an offset number such as `0x4000003b` (matched against the offset too). */
export function parseNumberQuery(query: string): number | undefined {
  if (/^[0-9]+$/.test(query)) return Number(query);
  if (/^0[xX][0-9a-fA-F]+$/.test(query)) return Number.parseInt(query.slice(2), 16);
  return undefined;
}

/** Syscalls with this number, per ABI: the row's own number, or the number user space passes. */
export function syscallsByNumber(
  spec: Spec,
  arches: ArchSet,
  n: number,
  onlyAbi?: AbiDescriptor,
): Array<{ abi: AbiDescriptor; syscall: Syscall; row: TableRow }> {
  const abis = onlyAbi ? [onlyAbi] : [...arches.abis.values()];
  const hits: Array<{ abi: AbiDescriptor; syscall: Syscall; row: TableRow }> = [];
  for (const abi of abis) {
    for (const syscall of spec.syscalls) {
      const row = rowOnAbi(syscall, abi);
      if (row && (row.nr === n || effectiveNumber(row.nr, abi) === n))
        hits.push({ abi, syscall, row });
    }
  }
  return hits;
}

/**
 * The syscall a number macro names, as headers and libc spell them: `__NR_execve`,
 * `__NR3264_fcntl`, `SYS_openat`, and the ABI-prefixed `__NR_ia32_read`, `__NR_x32_read`,
 * `__NR_compat_read` (no syscall name starts with those prefixes; `arm_` does, so it stays).
 * Null when `text` is no such macro.
 */
export function numberMacroName(text: string): string | null {
  const m = /^(?:__NR(?:3264)?_|SYS_)(?:ia32_|x32_|compat_)?(?=[A-Za-z_])/.exec(text);
  return m ? text.slice(m[0].length) : null;
}

/**
 * Per-architecture syscall wrappers the kernel's SYSCALL_DEFINE generates around an entry
 * point, as stack traces and kallsyms show them: `__x64_sys_execve`, `__arm64_sys_openat`.
 */
const ENTRY_WRAPPER = /^__(?:x64|ia32|x32|arm64|arm|riscv|s390x|s390|powerpc|loongarch|se|do)_/;

/**
 * The syscalls a query names: the name itself; else a number macro (`__NR_execve`); else an
 * entry point or its wrapper (`sys_newuname`, `__x64_sys_execve`, `compat_sys_open`), which
 * several syscalls may share; else the name in another case. Empty when nothing matches.
 */
export function findSyscalls(spec: Spec, query: string): Syscall[] {
  const byName = (name: string): Syscall[] => spec.syscalls.filter((s) => s.name === name);
  const exact = byName(query);
  if (exact.length > 0) return exact;
  const macro = numberMacroName(query);
  if (macro) {
    const named = byName(macro);
    if (named.length > 0) return named;
  }
  const entry = query.replace(ENTRY_WRAPPER, '');
  if (entry !== 'sys_ni_syscall') {
    const implementing = spec.syscalls.filter((s) =>
      s.rows.some((r) => r.entry === entry || r.compat === entry),
    );
    if (implementing.length > 0) return implementing;
  }
  const lower = query.toLowerCase();
  return spec.syscalls.filter((s) => s.name.toLowerCase() === lower);
}

/** Names close to a misspelt one, for "did you mean". */
export function similarNames(names: readonly string[], query: string, limit = 3): string[] {
  const distance = (a: string, b: string): number => {
    const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let diag = prev[0] as number;
      prev[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min(
          (prev[j] as number) + 1,
          (prev[j - 1] as number) + 1,
          diag + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
        diag = prev[j] as number;
        prev[j] = next;
      }
    }
    return prev[b.length] as number;
  };
  return names
    .map((n) => ({ n, d: n.includes(query) || query.includes(n) ? 1 : distance(n, query) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(query.length / 3)))
    .sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.n);
}
