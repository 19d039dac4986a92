// The resolved reference: the spec and the architecture descriptors joined into plain data, one
// record per syscall with its number, entry points and calling convention on every ABI. Every
// renderer (md, html, json, csv) reads only this; the JSON output is this model as-is.
import type { Param } from '../spec/model.js';

/** How an ABI's number offset is added (x32's flag bit is ORed, MIPS's base is added). */
export interface RefOffset {
  /** The C symbol the kernel adds, e.g. `__X32_SYSCALL_BIT`, `__NR_Linux`. */
  symbol: string;
  value: number;
  /** The value as the kernel headers write it: `0x40000000`, `4000`. */
  text: string;
  /** `|` when the offset is one bit above every number (a flag), else `+`. */
  operator: '|' | '+';
}

export interface RefCalling {
  instruction: string;
  /** Null when the number is encoded in the instruction (ARM OABI's `swi NR`). */
  numberRegister: string | null;
  argRegisters: string[];
  returnRegister: string;
  return2Register: string | null;
  errorRegister: string | null;
  notes: string | null;
}

export interface RefAbi {
  name: string;
  arch: string;
  title: string;
  /** Table id in the spec, and the `.tbl` tags this ABI reads. */
  table: string;
  tags: string[];
  /** Pointer width. */
  bits: 32 | 64;
  /** What syscall(2) calls this ABI. */
  manName: string;
  offset: RefOffset | null;
  calling: RefCalling;
  /** How many syscalls have a number on this ABI. */
  count: number;
}

export interface RefArch {
  arch: string;
  title: string;
  /** Its ABIs, in descriptor order. */
  abis: string[];
}

export interface RefArg {
  name: string;
  type: string;
  /** Argument register, `stack` where the ABI passes it in memory, null past the last register. */
  register: string | null;
  /**
   * A 64-bit value on a 32-bit ABI: with 32-bit registers it takes a register pair, which some
   * ABIs align to an even pair (syscall(2), "Architecture-specific requirements"), so this and
   * the later registers are indicative only.
   */
  wide: boolean;
}

/** How the syscall is made on one ABI. */
export interface RefCall {
  instruction: string;
  numberRegister: string | null;
  /** Null when the signature is unknown. */
  args: RefArg[] | null;
  returnRegister: string;
  /** False when an argument is `wide`, so its registers may shift. */
  exact: boolean;
}

export type RefStatus = 'implemented' | 'stub' | 'not-implemented';

/** One syscall on one ABI. */
export interface RefCell {
  /** The `.tbl` number. */
  nr: number;
  /** What user space passes: nr with the ABI's offset applied. */
  number: number;
  /** `number` in hex, e.g. `0x40000000`. */
  hex: string;
  /** The number as the headers compose it: `0x40000000 | 0`, `4000 + 3`, or just `59`. */
  display: string;
  entry: string | null;
  compat: string | null;
  noreturn: boolean;
  status: RefStatus;
  call: RefCall;
}

export interface RefSyscall {
  name: string;
  /** Kernel version it first appeared in (syscalls(2)). */
  since: string | null;
  /** Its man page, e.g. `openat(2)`. */
  man: string | null;
  /** Null when the spec has no signature for it. */
  params: Param[] | null;
  /** `long sys_openat(int dfd, ...)`, or null when the signature is unknown. */
  signature: string | null;
  /** No ABI implements it. */
  reserved: boolean;
  stub: { reason: string | null; compat: boolean } | null;
  /** By ABI name, in ABI order; ABIs where it has no number are absent. */
  abis: Record<string, RefCell>;
}

export interface Reference {
  /** Kernel version of the spec. */
  kernel: string;
  /** The spec, by the path the user gave (relative) or its basename. */
  spec: string;
  /** The spec's own `source:` line, if any. */
  source: string | null;
  abis: RefAbi[];
  arches: RefArch[];
  /** Sorted by name. */
  syscalls: RefSyscall[];
}
