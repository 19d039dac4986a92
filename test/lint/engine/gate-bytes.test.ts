// The gate's finer byte conditions: each may only reject a file the token check rejects too,
// and should reject the common near misses (hex test vectors, masks, sixteens, plain escapes).
import { describe, expect, it } from 'vitest';
import { type ByteCheck, createGate } from '../../../src/lint/engine/gate.js';
import {
  armVectorPossible,
  asmTemplatePossible,
  dispatchNumbersPossible,
  nrIndexPossible,
  wpMaskPossible,
  wpSixteenPossible,
} from '../../../src/lint/engine/gate-bytes.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';
import { WP_MASKS } from '../../../src/lint/rules/wp-disable.js';
import { scanSource } from '../../../src/lint/scan/index.js';

const gate = createGate([...DEFAULT_TABLE_NAMES]);

function byBytes(text: string): ByteCheck {
  return gate.byBytes(Buffer.from(text, 'latin1'));
}
function byTokens(text: string): boolean {
  return gate.byTokens(scanSource(text));
}

/** Files the token check passes: the byte check must leave each to it. */
const NEEDED = [
  'unsigned char pat[] = { 0xff, 0x14, 0xc5 };',
  'unsigned char pat[] = { 0xFF,\n\t0x14, /* modrm */ 0x85 };',
  'int f(unsigned char *p) { return p[0] == 0xff && p[1] == 0x14 && p[2] == 0xc5; }',
  'int f(unsigned char *p) { return *p == 0xff && *(p + 1) == 0x14 && *(p + 2) == 0xc5; }',
  'unsigned char pat[] = { 255, 20, 197 };',
  'unsigned char pat[] = { 0x00FFul, 0X14, 0xC5 };',
  "unsigned char pat[] = { 0xff, '\\x14', '\\xc5' };",
  'unsigned char pat[] = { 0xff,\n#define X 3\n0x14, 0xc5 };',
  'unsigned char pat[] = { 0xff,\n#if 0\n1,\n#endif\n0x14, 0xc5 };',
  'unsigned char pat[] = { 0xff, "s", 0x14, x, 0xc5 };',
  'unsigned char pat[] = { 0xff, a[1], 0x14, 0xc5 };',
  'int x[] = { 0xff, y ++ 0x14, 0xc5 };',
  'int x[] = { 0xff, a[i, 1], 0x14, 0xc5 };',
  'void *f(void) { unsigned long *p = (unsigned long *)0xffff0000; return p; }',
  'void *f(void) { return (void *) /* vector page */ 0xFFFF0000UL; }',
  'void f(void) { write_cr0(read_cr0() & ~(1UL << 16)); }',
  'void f(void) { write_cr0(read_cr0() & ~BIT(16)); }',
  'void f(void) { unsigned long c = read_cr0(); clear_bit(16, &c); write_cr0(c); }',
  '#define WP (1 << 16)\nvoid f(void) { write_cr0(read_cr0() & ~WP); }',
  'void f(void) { if (!strcmp(name, "\\x73ys_call_table")) t = addr; }',
  'void f(void) { write_cr0(read_cr0() & ~X86_CR0_WP); }',
  'void f(void) { asm volatile(\n"movq %0, %%c" /* split */ "r0" :: "r"(v)); }',
  '#define W(v) asm volatile("mov %0, %%cr0" :: "r"(v))\n',
  'void f(void) { __asm__ __volatile__ (X "rdmsr" : "=a"(lo)); }',
  'void f(void) { asm volatile(\n#define S "nop";\n"mov %0, %%cr0" :: "r"(v)); }',
  'void f(void) { asm volatile(\'"\' "mov %0, %%cr0" :: "r"(v)); }',
  'void f(void) { asm goto (\n#ifdef A\n"mov %0, %%cr0"\n#endif\n :: "r"(v) :: l); l:; }',
  'void f(void) { write_cr0(read_cr0() & ~(CR0_WP | 1)); }',
  'void f(void) { unsigned long c = read_cr0(); c ^= 0x10000UL; write_cr0(c); }',
  'void f(void) { unsigned long c = read_cr0(); __clear_bit(X86_CR0_WP_BIT, &c); write_cr0(c); }',
  '#define MY_WP \\\n  X86_CR0_WP\nvoid f(void) { write_cr0(read_cr0() & ~MY_WP); }',
  '#define MY_WP (X86_CR0_WP)\nvoid f(void) { write_cr0(read_cr0() & ~MY_WP); }',
  'static unsigned long t;\nmodule_param(t, ulong, 0);\nvoid f(void) { ((void **)t)[__NR_read] = h; }',
  'static unsigned long t;\nmodule_param(t, ulong, 0);\nvoid f(void) { ((void **)t)[ /* n */ __NR_read] = h; }',
  'void f(void) { if (!strcmp(name, "\\163ys_" "call_table")) t = addr; }',
  'void f(void) { if (!strcmp(name, "sys_call\\\n_table")) t = addr; }',
];

/** Near misses the byte check rejects on its own. */
const REJECTED = [
  'static const u8 vec[] = { 0xff, 0x01, 0x14, 0xc5, 0xff, 0x14, 0x02, 0xc5 };',
  'static const u8 vec[] = { 0xff, 0xff, 0xff, 0 };\nstatic const u8 w[] = { 0x14, 0xc5 };',
  'int f(int x) { return x & 0xff; }\nint g(void) { return 3; }\nint h[] = { 0x14, 0xc5 };',
  'void f(void) { unsigned long x = 0xffff0000; }',
  'void f(void) { write_cr0(read_cr0()); memset(buf, 0, 16); }',
  'void f(void) { char *s = "\\x01\\x02\\n"; }',
  'void f(void) { if (read_cr0() & X86_CR0_WP) write_cr0(x); }',
  'void f(void) { asm volatile("nop"); } /* cr0 */',
  'void f(unsigned long cr0) { asm volatile("mov %0, %%cr4" :: "r"(cr0)); }',
  'static int n;\nmodule_param(n, int, 0);\nvoid f(void) { syscall(__NR_read, n); }',
];

describe('gate byte conditions', () => {
  it.each(NEEDED.map((s) => [s]))('leaves %s to the token check', (s) => {
    expect(byTokens(s)).toBe(true);
    expect(byBytes(s)).not.toBe('none');
  });

  it.each(REJECTED.map((s) => [s]))('rejects %s', (s) => {
    expect(byBytes(s)).toBe('none');
    expect(byTokens(s)).toBe(false);
  });

  it('tells the dispatch bytes adjacent from apart', () => {
    // Consecutive numbers across statements are still consecutive (dispatchStep).
    const across = 'u8 v[] = { 1, 0xff };\nu8 w[] = { 0x14, 0xc5 };';
    expect(byTokens(across)).toBe(true);
    expect(dispatchNumbersPossible(across)).toBe(true);
    expect(dispatchNumbersPossible('x = { 0xff, 0x14, 0xc5 };')).toBe(true);
    expect(dispatchNumbersPossible('x = { 0xff, 0x14, 0x85 };')).toBe(true);
    expect(dispatchNumbersPossible('x = { 0xff, 0x00, 0x14, 0xc5 };')).toBe(false);
    expect(dispatchNumbersPossible('x = { 0xff, 0x14, 0x00, 0xc5 };')).toBe(false);
    // An offset between keeps the match; a comment or a literal is skipped as the masker does.
    expect(dispatchNumbersPossible('p[0] == 0xff && p[1] == 0x14 && p[2] == 0xc5')).toBe(true);
    expect(dispatchNumbersPossible('0xff, /* 1, 2 */ 0x14, "3" 0xc5')).toBe(true);
    // Unsure: a line that may be a directive, a character literal, a continuation.
    expect(dispatchNumbersPossible('0xff,\n#define A 1\n 0x14, 0xc5')).toBe(true);
    expect(dispatchNumbersPossible("0xff, 'a', 3")).toBe(true);
    // Numbers as numberText reads them: leading zeros, any case, suffixes, decimals.
    expect(dispatchNumbersPossible('0x00FFul, 0X14, 197')).toBe(true);
    expect(dispatchNumbersPossible('0255, 20U, 0x0085')).toBe(true);
    expect(dispatchNumbersPossible('0xff, 0x14, 0xc5.')).toBe(false);
    expect(dispatchNumbersPossible('0xff, 0x14, 0xc5e')).toBe(false);
    // Not the number 0xff.
    expect(dispatchNumbersPossible('0xff00, 0x14, 0xc5')).toBe(false);
    expect(dispatchNumbersPossible('x0xff, 0x14, 0xc5')).toBe(false);
  });

  it('follows the dispatchBytesAt window and brackets', () => {
    // Past 23 tokens the numbers after 0xff no longer count for dispatchBytesAt, but
    // dispatchStep follows consecutive numbers at any distance.
    const far = `0xff ${'a '.repeat(40)} 0x14, 0xc5`;
    expect(dispatchNumbersPossible(far)).toBe(true);
    expect(byTokens(`int x[] = { ${far.replace(/a /g, 'a, ')} };`)).toBe(true);
    // Inside brackets numbers are skipped by dispatchBytesAt; after `]` they are not seen.
    expect(dispatchNumbersPossible('0xff ] [ 1, 0x14, 0xc5')).toBe(true);
  });

  it('finds the ARM vector page after a cast only', () => {
    expect(armVectorPossible('p = (u32 *)0xffff0000;')).toBe(true);
    expect(armVectorPossible('p = (u32 *)\n0xffff0000;')).toBe(true);
    expect(armVectorPossible('mask = 0xffff0000;')).toBe(false);
    expect(armVectorPossible('mask = (a)0xffff00000;')).toBe(false);
  });

  it('finds a sixteen that may be the WP bit', () => {
    expect(wpSixteenPossible('x & ~(1 << 16)')).toBe(true);
    expect(wpSixteenPossible('BIT(16)')).toBe(true);
    expect(wpSixteenPossible('BIT x 16')).toBe(true);
    expect(wpSixteenPossible('clear_bit(16, &c)')).toBe(true);
    expect(wpSixteenPossible('/* c */ 16')).toBe(true);
    expect(wpSixteenPossible('len = 16; n = x * 16;')).toBe(false);
    expect(wpSixteenPossible('x = 160 + y16;')).toBe(false);
  });
});

/** What may stand between the conditions' tokens in random files. */
const BETWEEN = [
  ',',
  ' ',
  '\n',
  '\n#define A 1\n',
  '\n#if 0\n',
  '\n#endif\n',
  '\\\n',
  '/* 1 */',
  '// 2\n',
  '"s"',
  "'s'",
  '[',
  ']',
  '+',
  '-',
  '++',
  '->',
  '...',
  '.',
  'x',
  '(',
  ')',
  ';',
  '{',
  '}',
  '=',
  '==',
  '&',
  '~',
  '<<',
  '0',
  '1',
];
/** Per byte condition: the pieces of its random files, a statement before them, the condition. */
const FAMILIES: Array<[string, string[], string, (text: string) => boolean]> = [
  [
    'dispatch bytes',
    ['0xff', '0xFF', '255', "'\\xff'", '0x14', '20', "'\\x14'", '0xc5', '0x85', '197', "'\\305'"],
    '',
    (t) => byBytes(t) !== 'none',
  ],
  ['ARM vector page', ['0xffff0000', '(void *)', '0xFFFF0000UL'], '', armVectorPossible],
  [
    'WP sixteen',
    ['16', '~BIT', 'clear_bit', '~(1UL', '~(1', '<<'],
    'write_cr0(c);',
    wpSixteenPossible,
  ],
  [
    'WP masks',
    [
      'X86_CR0_WP',
      'CR0_WP',
      '0x10000',
      '65536UL',
      'X86_CR0_WP_BIT',
      '~',
      '^',
      '^=',
      '__clear_bit(',
      '\n#define M X86_CR0_WP\n',
      '~M',
    ],
    'write_cr0(c);',
    (t) => wpMaskPossible(t, WP_MASKS),
  ],
  [
    'syscall indexes',
    ['__NR_read', '[__NR_', 'module_param(t, ulong, 0);', 'p[', '__NR_'],
    'module_param(t, ulong, 0);',
    nrIndexPossible,
  ],
  [
    'asm templates',
    [
      'asm',
      'asm volatile(',
      '__asm__ (',
      'volatile',
      '(',
      '"mov %0, %%cr0"',
      '"mov %0, "',
      '"%%cr0"',
      '"rdmsr"',
      '"nop"',
      '"cr0"',
      '/* c */',
      ':',
      'X',
    ],
    '',
    asmTemplatePossible,
  ],
  [
    'name strings',
    ['"\\x73ys_call_table"', '"sys_call', '_table"', '"\\163ys_"', '"call_table"', '"\\\n'],
    '',
    (t) => byBytes(t) !== 'none',
  ],
];

describe('gate byte conditions on random files', () => {
  it.each(FAMILIES.map(([name, pieces, before, test]) => [name, pieces, before, test] as const))(
    '%s: rejects only what the token check rejects',
    (_, pieces, before, test) => {
      let seed = 12345;
      const rnd = (n: number): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const all = [...pieces, ...pieces, ...pieces, ...BETWEEN];
      let needed = 0;
      for (let round = 0; round < 10000; round++) {
        // Half the rounds draw from a few pieces, so that rare combinations come up.
        const alphabet =
          round % 2 === 0 ? all : Array.from({ length: 6 }, () => all[rnd(all.length)] as string);
        const parts: string[] = [];
        const length = 3 + rnd(20);
        for (let k = 0; k < length; k++) parts.push(alphabet[rnd(alphabet.length)] as string);
        const text = `void f(void) { ${before} x = { ${parts.join('')} }; }\n`;
        if (!byTokens(text)) continue;
        needed++;
        expect([text, test(text)]).toEqual([text, true]);
      }
      // The pieces make the condition hold often enough for the check to mean something.
      expect(needed).toBeGreaterThan(40);
    },
  );
});
