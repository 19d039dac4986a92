// How a compat entry point (COMPAT_SYSCALL_DEFINEn) receives a native parameter from a 32-bit
// caller and widens it back, the way the kernel's own compat syscalls do (include/linux/compat.h).

export interface CompatParam {
  /** The type COMPAT_SYSCALL_DEFINEn declares, e.g. `compat_uptr_t`. */
  type: string;
  /** The expression that turns it into the native argument, e.g. `compat_ptr(buf)`. */
  convert: (name: string) => string;
}

const SAME = (name: string): string => name;

/** Word-sized integers have compat twins; assigning them to the native type widens correctly. */
const WORD_TYPES: Readonly<Record<string, string>> = {
  long: 'compat_long_t',
  'signed long': 'compat_long_t',
  'long int': 'compat_long_t',
  'unsigned long': 'compat_ulong_t',
  'unsigned long int': 'compat_ulong_t',
  size_t: 'compat_size_t',
  ssize_t: 'compat_ssize_t',
  off_t: 'compat_off_t',
  __kernel_long_t: 'compat_long_t',
  __kernel_ulong_t: 'compat_ulong_t',
};

/** 64-bit on every ABI: a 32-bit caller passes them in two registers, which a stub cannot join. */
const SPLIT_TYPES = new Set([
  'long long',
  'unsigned long long',
  'loff_t',
  'u64',
  's64',
  '__u64',
  '__s64',
  'uint64_t',
  'int64_t',
]);

/** The compat form of `type`, or an error when a 32-bit caller cannot pass it in one register. */
export function compatParam(type: string): CompatParam | { error: string } {
  // Every user pointer arrives as a 32-bit value; compat_ptr() makes it a pointer again
  // (and clears the top bit on s390's 31-bit ABI).
  if (type.includes('*')) return { type: 'compat_uptr_t', convert: (n) => `compat_ptr(${n})` };
  const bare = type
    .replace(/\b(const|volatile)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const word = WORD_TYPES[bare];
  if (word) return { type: word, convert: SAME };
  if (SPLIT_TYPES.has(bare)) {
    return { error: `\`${type}\` is 64 bits wide: 32-bit callers pass it in two registers` };
  }
  // int, unsigned int, u32, pid_t, umode_t, ...: 32 bits or less, the same on both sides.
  return { type, convert: SAME };
}
