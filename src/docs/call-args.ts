// Which register carries each argument on an ABI: the n-th parameter of the C signature travels
// in the n-th argument register (syscall(2), "Architecture calling conventions").
import type { Param } from '../spec/model.js';
import type { RefArg } from './reference-model.js';

// 64-bit scalar types of include/linux/syscalls.h. Pointers to them are one word.
const WIDE_TYPE =
  /^(?:const\s+)?(?:loff_t|u64|s64|__u64|__s64|uint64_t|int64_t|(?:unsigned\s+|signed\s+)?long\s+long(?:\s+int)?)$/;

/** True for a 64-bit scalar parameter type, e.g. `loff_t`, `u64`, `long long`. */
export function isWideType(type: string): boolean {
  return WIDE_TYPE.test(type.trim());
}

/**
 * Parameters matched with registers. On a 32-bit ABI a 64-bit scalar is flagged `wide`: where
 * registers are 32 bits wide it takes a pair (ARM EABI aligns it to an even pair), which the
 * descriptors do not state, so the mapping from there on is marked indicative.
 */
export function assignRegisters(
  params: readonly Param[],
  registers: readonly string[],
  bits: number,
): RefArg[] {
  return params.map((p, i) => ({
    name: p.name,
    type: p.type,
    register: registers[i] ?? null,
    wide: bits === 32 && isWideType(p.type),
  }));
}

/** `char __user *buf`, `int fd`, or the type alone for an unnamed parameter. */
export function declOf(arg: Pick<RefArg, 'type' | 'name'>): string {
  if (!arg.name) return arg.type;
  return arg.type.endsWith('*') ? `${arg.type}${arg.name}` : `${arg.type} ${arg.name}`;
}
