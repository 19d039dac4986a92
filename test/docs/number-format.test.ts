// Number formatting and register assignment helpers: offsets decided by their value alone.
import { describe, expect, it } from 'vitest';
import { assignRegisters, declOf, isWideType } from '../../src/docs/call-args.js';
import { applyOffset, describeOffset, displayNumber, hex } from '../../src/docs/number-format.js';

describe('describeOffset', () => {
  it('ORs a single bit above every number, written in hex', () => {
    const o = describeOffset({
      offset: { symbol: '__X32_SYSCALL_BIT', value: 0x40000000 },
      maxNr: 1023,
    });
    expect(o).toEqual({
      symbol: '__X32_SYSCALL_BIT',
      value: 0x40000000,
      text: '0x40000000',
      operator: '|',
    });
    expect(displayNumber(0, o)).toBe('0x40000000 | 0');
    expect(applyOffset(59, o)).toBe(0x4000003b);
  });

  it('adds a base: a round one in hex, any other in decimal', () => {
    expect(describeOffset({ offset: { symbol: 'B', value: 0x900000 }, maxNr: 1023 })).toMatchObject(
      {
        text: '0x900000',
        operator: '+',
      },
    );
    const mips = describeOffset({ offset: { symbol: '__NR_Linux', value: 4000 }, maxNr: 999 });
    expect(mips).toMatchObject({ text: '4000', operator: '+' });
    expect(displayNumber(3, mips)).toBe('4000 + 3');
  });

  it('adds a power of two within the number range rather than ORing it', () => {
    expect(describeOffset({ offset: { symbol: 'B', value: 512 }, maxNr: 1023 })?.operator).toBe(
      '+',
    );
  });

  it('treats no offset and a zero offset alike', () => {
    expect(describeOffset({ offset: null, maxNr: 1023 })).toBeNull();
    expect(
      describeOffset({ offset: { symbol: '__NR_SYSCALL_BASE', value: 0 }, maxNr: 1023 }),
    ).toBeNull();
    expect(displayNumber(59, null)).toBe('59');
    expect(hex(59)).toBe('0x3b');
  });
});

describe('registers', () => {
  it('recognises 64-bit scalar types, not pointers to them', () => {
    for (const t of [
      'loff_t',
      'u64',
      '__u64',
      's64',
      'long long',
      'unsigned long long',
      'const u64',
    ])
      expect(isWideType(t), t).toBe(true);
    for (const t of ['loff_t __user *', 'long', 'unsigned long', 'int', 'u32', 'size_t'])
      expect(isWideType(t), t).toBe(false);
  });

  it('pairs parameters with registers, null past the last, stack where the ABI says so', () => {
    const params = ['a', 'b', 'c'].map((name) => ({ decl: `int ${name}`, type: 'int', name }));
    expect(assignRegisters(params, ['a0', 'stack'], 64).map((a) => a.register)).toEqual([
      'a0',
      'stack',
      null,
    ]);
  });

  it('spells declarations as the kernel does', () => {
    expect(declOf({ type: 'char __user *', name: 'buf' })).toBe('char __user *buf');
    expect(declOf({ type: 'int', name: 'fd' })).toBe('int fd');
    expect(declOf({ type: 'int __user *', name: '' })).toBe('int __user *');
  });
});
