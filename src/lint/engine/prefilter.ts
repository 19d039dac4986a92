// The cheap test that rejects a file before any lexing: does its raw bytes contain any trigger
// word (a table name, a lookup or protection API, a syscall-number prefix, ...)? A multi-word
// Wu-Manber search over byte pairs, one pass per file, no decoding.

/** Words without which no rule can report; table names are added per run. */
export const TRIGGER_WORDS: readonly string[] = [
  'kallsyms',
  '__symbol_get',
  'sprint_symbol',
  'System.map',
  'sidt',
  'store_idt',
  'LSTAR',
  'CSTAR',
  'SYSENTER_EIP',
  'c0000082',
  'C0000082',
  'c0000083',
  'C0000083',
  'write_cr0',
  'cr0_write',
  'set_cr0',
  'wr_cr0',
  'cr0(',
  '%cr0',
  'CR0_WP',
  'cr0,',
  'set_memory_r',
  'set_memory_x',
  'change_page_attr',
  'set_pages_',
  'lookup_address',
  'virt_to_kpte',
  'mkwrite',
  'update_mapping_prot',
  'set_kernel_text_rw',
  'PMD_SECT',
  'PTE_RDONLY',
  'DOMAIN_MANAGER',
  'c3, c0',
  'c3,c0',
  '__NR_',
  'ffff0008',
  'FFFF0008',
  'e59ff',
  'E59FF',
  'e51ff004',
  'x14\\xc5',
  'x14\\x85',
  '0x14, 0xc5',
  '0x14,0xc5',
  '0x14, 0x85',
  '0x14,0x85',
  'vector_swi',
  'syscalltbl-lint',
  'call_table',
];

export interface Prefilter {
  /** Whether bytes [0, length) of `buf` contain any of the words. */
  test(buf: Uint8Array, length: number): boolean;
}

export function buildPrefilter(words: readonly string[]): Prefilter {
  const needles = [...new Set(words.filter((w) => w.length >= 2))].map((w) =>
    Buffer.from(w, 'latin1'),
  );
  if (needles.length === 0) return { test: () => false };
  const m = Math.min(...needles.map((n) => n.length));
  // shift[pair] = how far the window may move when its last two bytes are `pair`.
  const shift = new Uint8Array(65536).fill(m - 1);
  const heads: Array<Buffer[] | undefined> = new Array(65536);
  for (const n of needles) {
    for (let j = 0; j <= m - 2; j++) {
      const h = ((n[j] as number) << 8) | (n[j + 1] as number);
      const s = m - 2 - j;
      if (s < (shift[h] as number)) shift[h] = s;
    }
    const h = ((n[m - 2] as number) << 8) | (n[m - 1] as number);
    heads[h] = [...(heads[h] ?? []), n];
  }
  return {
    test(b: Uint8Array, length: number): boolean {
      let i = m - 1;
      while (i < length) {
        const h = ((b[i - 1] as number) << 8) | (b[i] as number);
        const s = shift[h] as number;
        if (s !== 0) {
          i += s;
          continue;
        }
        const start = i - m + 1;
        for (const nd of heads[h] as Buffer[]) {
          const len = nd.length;
          if (start + len > length) continue;
          let k = 0;
          while (k < len && b[start + k] === nd[k]) k++;
          if (k === len) return true;
        }
        i++;
      }
      return false;
    },
  };
}
