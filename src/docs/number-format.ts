// How syscall numbers are written: hex, and composed with an ABI's offset the way the kernel's
// headers compose them (unistd_x32.h: `(__X32_SYSCALL_BIT + 0)`; MIPS: `(__NR_Linux + 3)`).
import type { AbiDescriptor } from '../arch/model.js';
import type { RefOffset } from './reference-model.js';

export function hex(value: number): string {
  return `0x${value.toString(16)}`;
}

/**
 * The offset as people read it. Derived from the value alone, never from the architecture: one
 * bit above every number is a flag and is ORed (x32's 0x40000000); a round base is written in
 * hex (ARM OABI's 0x900000), any other in decimal (MIPS's 4000). A zero offset is no offset.
 */
export function describeOffset(abi: Pick<AbiDescriptor, 'offset' | 'maxNr'>): RefOffset | null {
  const offset = abi.offset;
  if (!offset || offset.value === 0) return null;
  const { value } = offset;
  const flag = (value & (value - 1)) === 0 && value > abi.maxNr;
  return {
    symbol: offset.symbol,
    value,
    text: value % 0x10000 === 0 ? hex(value) : String(value),
    operator: flag ? '|' : '+',
  };
}

/** The number user space passes. Equal to `value + nr` for both operators (nr < the flag bit). */
export function applyOffset(nr: number, offset: RefOffset | null): number {
  return (offset?.value ?? 0) + nr;
}

/** `0x40000000 | 0`, `4000 + 3`, or `59` without an offset. */
export function displayNumber(nr: number, offset: RefOffset | null): string {
  return offset ? `${offset.text} ${offset.operator} ${nr}` : String(nr);
}
