// The second, finer filter, for files the prefilter let through: can the full analysis of this
// file (with no facts from other files yet) report anything, export anything other files could
// use, or carry suppression comments? Most cannot — `__NR_` in a libc header, `kallsyms` in a
// comment — and are done without the analysis. It errs one way only: a file it passes may turn
// out clean, a file it rejects would have yielded nothing (test/lint/engine/gate.test.ts and
// the whole-tree comparison check that).
//
// Every way the analysis gets a value kind (table, lookup function, candidate address, table or
// entry name string, scanner function) and every rule check that needs no kind is a condition
// over tokens (gate-tokens.ts); this file holds the cheaper necessary conditions over the raw
// bytes that decide whether tokens are needed at all: hints (substrings), then for the common
// hints the finer conditions of gate-bytes.ts (the tokens around a hint, read from the text).

import { WP_MASKS } from '../rules/wp-disable.js';
import { isTokenGap } from '../scan/chars.js';
import { escapeAt, maskSource, NO_CHAR, type ScannedFile, stringValue } from '../scan/index.js';
import {
  armVectorPossible,
  asmTemplatePossible,
  dispatchNumbersPossible,
  nrIndexPossible,
  wpMaskPossible,
  wpSixteenPossible,
} from './gate-bytes.js';
import { slotComparePossible } from './gate-slots.js';
import { slotNeeds, tokenNeeds } from './gate-tokens.js';
import { createMultiSearch } from './multi-search.js';
import { PAGE_ATTR, PTE_LOOKUPS, READONLY_BITS, WRITE_BITS } from './protection.js';
import { DISPATCH_BYTES_STRING } from './scanners.js';
import { ENTRY_SYMBOLS } from './symbols.js';

/**
 * What the raw bytes say: surely nothing (`none`); surely analyse (`full`); look at the tokens
 * (`tokens`), or only for a slot compared with a syscall, the one condition the bytes leave
 * open (`slots`); or nothing of its own but lookup functions other files may call (`exports`).
 */
export type ByteCheck = 'none' | 'full' | 'tokens' | 'slots' | 'exports';

export interface Gate {
  byBytes(bytes: Uint8Array): ByteCheck;
  /**
   * The token-level conditions, for files `byBytes` left open (`tokens`, or `slots`: then
   * only the slot compares) and only those.
   */
  byTokens(file: ScannedFile, slotsOnly?: boolean): boolean;
  /**
   * For a file `byBytes` left at `slots`, before its tokens: whether a slot compare may be
   * there as its masked text reads (gate-slots.ts); most such files have none. Run where the
   * scanner is warm, the analysing thread.
   */
  slotsByText(text: string): boolean;
  /**
   * Both: whether `bytes` (a prefiltered file) needs the full analysis, the files left for
   * their exports included; `scan` gives its tokens.
   */
  needsAnalysis(bytes: Uint8Array, scan: () => ScannedFile): boolean;
}

/**
 * The lookup functions' names (LOOKUP_FUNCTIONS; `module_kallsyms_lookup_name` holds the
 * first): alone, with no name a string could spell and nothing else a rule looks for, a lookup
 * yields values of kind `lookup` and `kaddr` only, which no rule reports and only the lookup
 * kind is shared. Such a file is left out unless another file may call its lookups (`exports`).
 */
const LOOKUP_WORDS = ['kallsyms_lookup_name', '__symbol_get'];
const PAGE_ATTR_NAMES = Object.keys(PAGE_ATTR);
/** Raw substrings that alone send a file to the analysis (case-sensitive). */
const DECISIVE = [...LOOKUP_WORDS, 'syscalltbl-lint', 'store_idt'];
/** The same, case-insensitive (the analysis matches these numbers in any case). */
const DECISIVE_ICASE = ['ffff0008', 'e59ff'];

/** Raw substrings that make some token-level condition possible (see `tokenNeeds`). */
const HINTS = {
  nr: '__NR_',
  sys: 'sys_',
  moduleParam: 'module_param',
  sidt: 'sidt',
  dispatchString: 'x14\\x',
  rdmsr: 'rdmsr',
  readMsr: 'read_msr',
  wrmsr: 'wrmsr',
  writeMsr: 'write_msr',
  msrLstar: 'MSR_LSTAR',
  msrCstar: 'MSR_CSTAR',
  msrSysenter: 'MSR_IA32_SYSENTER_EIP',
  domainManager: 'DOMAIN_MANAGER',
  setDomain: 'set_domain',
  modifyDomain: 'modify_domain',
  mkwrite: 'mkwrite',
  asm: 'asm',
  crWp: 'CR0_WP',
  wp10000: '0x10000',
  wp00010000: '0x00010000',
  wp65536: '65536',
  sixteen: '16',
  // Page-attribute calls: reported by what they are given (the token check, gate-tokens.ts).
  ...Object.fromEntries(PAGE_ATTR_NAMES.map((n) => [`attr:${n}`, n])),
  ...Object.fromEntries([...PTE_LOOKUPS].map((n) => [`pte:${n}`, n])),
  ...Object.fromEntries([...WRITE_BITS, ...READONLY_BITS].map((n) => [`bit:${n}`, n])),
  // ARM vector page and `ldr pc, [pc, #...]` words in decimal (numberText reads decimals too).
  armDecimal1: '4294901760',
  armDecimal2: '4294901768',
  armDecimal3: '3852462080',
  armDecimal4: '240779008',
  armDecimal5: '940543',
  armDecimal6: '3852462104',
} as const;
const HINTS_ICASE = {
  // The entry MSRs as the analysis matches them (SCAN_MSRS, any case): what they do is read at
  // the token level (calls reading or writing one, functions returning what they read).
  scanLstar: 'msr_lstar',
  scanCstar: 'msr_cstar',
  scanSysenter: 'msr_ia32_sysenter_eip',
  scanNumber: '0xc000008',
  cr0: 'cr0',
  mcr: 'mcr',
  // Inline assembly templates are joined across adjacent literals: `"%%c" "r0"`.
  cr0SplitA: 'c"',
  cr0SplitB: '"r0',
  cr0SplitC: 'cr"',
  cr0SplitD: '"0',
  mcrSplitA: 'm"',
  mcrSplitB: '"cr',
  mcrSplitC: 'mc"',
  mcrSplitD: '"r',
  kaddrC: '0xc',
  kaddrD: '0xd',
  kaddrE: '0xe',
  kaddrF: '0xf',
  msr176: '0x176',
  wpCleared: 'fffeffff',
  // ARM_VECTOR's other word; 0xffff0008 is decisive.
  armVector: 'ffff0000',
} as const;

/**
 * The call-dispatch bytes `ff 14 c5` / `ff 14 85` as numbers or characters in any notation
 * numberText reads (hex with leading zeros, decimal, octal or hex escapes, the raw byte as
 * Latin-1 or UTF-8): the last byte is the rare one, so it is tested first.
 */
/** A character literal holding the raw byte (Latin-1) or its UTF-8 encoding. */
const rawChar = (...codes: number[]): string => `'${String.fromCharCode(...codes)}'`;
const DISPATCH_LAST = new RegExp(
  `0x0*(c5|85)|(?<![0-9a-z_.])0*(197|133)(?![0-9.])|\\\\(x(c5|85)|305|205)'|${[
    rawChar(0xc5),
    rawChar(0x85),
    rawChar(0xc3, 0x85),
    rawChar(0xc2, 0x85),
  ].join('|')}`,
  'i',
);
const DISPATCH_FF = new RegExp(
  `0x0*ff|(?<![0-9a-z_.])0*255(?![0-9.])|\\\\(xff|377)'|${rawChar(0xff)}|${rawChar(0xc3, 0xbf)}`,
  'i',
);
const DISPATCH_14 = new RegExp(
  `0x0*14|(?<![0-9a-z_.])0*20(?![0-9.])|\\\\(x14|0?24)'|${rawChar(0x14)}`,
  'i',
);

type HintId = keyof typeof HINTS | keyof typeof HINTS_ICASE;

const hintKeys = Object.keys(HINTS) as Array<keyof typeof HINTS>;
const hintIcaseKeys = Object.keys(HINTS_ICASE) as Array<keyof typeof HINTS_ICASE>;

/**
 * What the byte check searches with: the decisive words (and the table names), the hints, and
 * the trie of names a string literal may spell.
 */
function byteSearches(names: readonly string[], strNames: Iterable<string>) {
  return {
    strTrie: trieOf(strNames),
    decisive: createMultiSearch([...DECISIVE, ...names]),
    decisiveIcase: createMultiSearch(DECISIVE_ICASE, { ignoreCase: true }),
    hints: createMultiSearch(hintKeys.map((k) => HINTS[k])),
    hintsIcase: createMultiSearch(
      hintIcaseKeys.map((k) => HINTS_ICASE[k]),
      { ignoreCase: true },
    ),
  };
}

export function createGate(tableNames: readonly string[]): Gate {
  const names = [...new Set(tableNames)];
  // Built on first use: the analysing thread asks only the token check.
  let searches: ReturnType<typeof byteSearches> | null = null;
  const tables = new Set(names);
  const strNames = new Set([...names, ...ENTRY_SYMBOLS, 'kallsyms_lookup_name']);
  const byBytes = (bytes: Uint8Array): ByteCheck => {
    searches ??= byteSearches(names, strNames);
    const { strTrie, decisive, decisiveIcase, hints, hintsIcase } = searches;
    let lookups = false;
    if (decisive.any(bytes)) {
      for (const id of decisive.all(bytes)) if (id >= LOOKUP_WORDS.length) return 'full';
      lookups = true;
    }
    if (decisiveIcase.any(bytes)) return 'full';
    const found = new Set<HintId>();
    for (const i of hints.all(bytes)) found.add(hintKeys[i] as HintId);
    for (const i of hintsIcase.all(bytes)) found.add(hintIcaseKeys[i] as HintId);
    // The text one character a byte, made when a condition first reads it.
    let latin1: string | null = null;
    const text = (): string => {
      latin1 ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
      return latin1;
    };
    const needs = byteNeeds(found, text);
    // A string that may spell a name leaves the string runs open: every condition then.
    if (needs === 'any' || stringRisk(text(), strTrie)) return lookups ? 'full' : 'tokens';
    if (needs === 'slots') return lookups ? 'full' : 'slots';
    if (!lookups) return 'none';
    // A lookup's result is the table or entry code by the name it is given (no string may spell
    // one: stringRisk), a syscall's code by a name holding `sys_`, a page-attribute function
    // called through the pointer (protection.ts), else a kernel address, which only a slot
    // compare (`[__NR_...]`) or what the hints cover would report.
    if (found.has('nr')) return 'full';
    const values = literalValues(text());
    if (values.includes('sys_') || PAGE_ATTR_NAMES.some((n) => values.includes(n))) return 'full';
    return 'exports';
  };
  const byTokens = (file: ScannedFile, slotsOnly = false): boolean =>
    slotsOnly ? slotNeeds(file, tables) : tokenNeeds(file, tables, strNames);
  return {
    byBytes,
    byTokens,
    slotsByText: slotComparePossible,
    needsAnalysis(bytes, scan) {
      const b = byBytes(bytes);
      if (b === 'slots' && !slotComparePossible(Buffer.from(bytes).toString('latin1')))
        return false;
      if (b === 'tokens' || b === 'slots') return byTokens(scan(), b === 'slots');
      return b === 'full' || b === 'exports';
    },
  };
}

/**
 * Whether the hints found make any token-level condition of `tokenNeeds` possible: none, only a
 * slot compared with a syscall (`slots`: `__NR_`, `sys_` and a comparison), or others (`any`).
 */
function byteNeeds(h: Set<HintId>, text: () => string): 'none' | 'slots' | 'any' {
  if (otherNeeds(h, text)) return 'any';
  return h.has('nr') && h.has('sys') && EQUALITY.test(text()) ? 'slots' : 'none';
}

/** byteNeeds' conditions but the slot compare. */
function otherNeeds(h: Set<HintId>, text: () => string): boolean {
  const any = (...ids: HintId[]): boolean => ids.some((i) => h.has(i));
  const prefixed = (p: string): boolean => [...h].some((i) => i.startsWith(p));
  if (h.has('nr')) {
    // A candidate address indexed by a syscall number (`[__NR_`): a module parameter or a
    // kernel address literal, as analyze.ts reads one.
    if (
      (h.has('moduleParam') ||
        (any('kaddrC', 'kaddrD', 'kaddrE', 'kaddrF') && KERNEL_ADDRESS.test(text()))) &&
      nrIndexPossible(text())
    )
      return true;
  }
  if (any('scanLstar', 'scanCstar', 'scanSysenter', 'scanNumber')) return true;
  if (prefixed('attr:')) return true;
  if (h.has('sidt') && SIDT_WORD.test(text())) return true;
  // The dispatch bytes in a string; the ARM vector page as a number after a cast.
  if (h.has('dispatchString') && DISPATCH_BYTES_STRING.test(text())) return true;
  if (h.has('armVector') && armVectorPossible(text())) return true;
  if (any('armDecimal1', 'armDecimal2', 'armDecimal3', 'armDecimal4', 'armDecimal5', 'armDecimal6'))
    return true;
  if (
    any('rdmsr', 'readMsr', 'wrmsr', 'writeMsr') &&
    any('msrLstar', 'msrCstar', 'msrSysenter', 'msr176')
  )
    return true;
  if (any('domainManager') && any('setDomain', 'modifyDomain')) return true;
  if (prefixed('pte:') && (prefixed('bit:') || h.has('mkwrite'))) return true;
  // write_cr0 & co. with the WP bit cleared: a CR0 writer's name and a mask.
  // Masks count only where they may clear the bit (`~X86_CR0_WP`), and sixteen, a common
  // number, only where it may be the bit (`<< 16`, `BIT(16)`).
  if (
    h.has('cr0') &&
    (h.has('wpCleared') ||
      (any('crWp', 'wp10000', 'wp00010000', 'wp65536') && wpMaskPossible(text(), WP_MASKS)) ||
      (h.has('sixteen') && wpSixteenPossible(text())))
  )
    if (CR0_WRITER_NAME.test(text())) return true;
  // Inline assembly (its templates joined across literals): only with an asm statement.
  const asmTemplate =
    any('cr0', 'mcr', 'rdmsr') ||
    (h.has('cr0SplitA') && h.has('cr0SplitB')) ||
    (h.has('cr0SplitC') && h.has('cr0SplitD')) ||
    (h.has('mcrSplitA') && h.has('mcrSplitB')) ||
    (h.has('mcrSplitC') && h.has('mcrSplitD'));
  if (asmTemplate && h.has('asm') && ASM_STATEMENT.test(text()) && asmTemplatePossible(text()))
    return true;
  // Dispatch bytes: rare as numbers, so the regexes run on few files; where all three occur
  // (hex test vectors, register tables), they must follow one another.
  return (
    DISPATCH_LAST.test(text()) &&
    DISPATCH_FF.test(text()) &&
    DISPATCH_14.test(text()) &&
    dispatchNumbersPossible(text())
  );
}

const EQUALITY = /[=!]=/;
/** A number token isKernelAddress accepts: 0x[c-f] and 7 hex digits, or 0xffff and 12, suffixed. */
const KERNEL_ADDRESS =
  /(?<![A-Za-z0-9_.$])0[xX](?:[c-fC-F][0-9a-fA-F]{7}|[fF]{4}[0-9a-fA-F]{12})[uUlL]*(?![0-9A-Za-z_.$])/;
/** table-scan's `\bsidt\b` (in a string literal; the raw text is enough to rule it out). */
const SIDT_WORD = /\bsidt\b/;

/** An identifier wp-disable takes for a CR0 writer (CR0_WRITER within one identifier). */
const CR0_WRITER_NAME = /(?:write|wr|set|put)[A-Za-z0-9_$]*cr0|cr0[A-Za-z0-9_$]*(?:write|set)/i;
/**
 * `asm`, `__asm__` or `__asm` as a word followed by what may open a statement: `(`, a qualifier
 * (volatile, goto, inline), a comment, a line continuation or a directive line; blanks between
 * as the tokenizer reads them (control characters included).
 */
const ASM_STATEMENT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the tokenizer skips control characters as blanks
  /(?<![A-Za-z0-9_$])(?:asm|__asm__|__asm)(?![A-Za-z0-9_$])[\s\x00-\x20\x7f]*(?:[(vgi_\\#]|\/[*/])/;

/**
 * Whether a string literal (or several, adjacent) might spell a table name, an entry symbol
 * or `kallsyms_lookup_name` without the name appearing in the bytes: its value (escapes decoded
 * as stringValue does) is then a name, or a prefix of one that another literal may continue, or
 * is cut by a line end. Every quote is taken for an opening one.
 */
function stringRisk(text: string, trie: Trie): boolean {
  let i = text.indexOf('"');
  while (i >= 0) {
    if (literalRisk(text, i + 1, trie)) return true;
    i = text.indexOf('"', i + 1);
  }
  return false;
}

/** Whether the literal whose text starts at `from` may begin a run of literals spelling a name. */
function literalRisk(text: string, from: number, trie: Trie): boolean {
  const n = text.length;
  let node = 0;
  let j = from;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 34) return node > 0 && (trie.whole.has(node) || continues(text, j + 1));
    if (c === 10 || c === 13) return node > 0;
    let code = c;
    j++;
    if (c === 92) {
      const decoded = escapeAt(text, j);
      if (decoded < 0) return node > 0 || !trie.ascii;
      code = decoded >> 8;
      j += decoded & 0xff;
      if (code === NO_CHAR) continue;
    }
    if (code > 127 && !trie.ascii) return true;
    node = trie.child.get(node * 256 + code) ?? -1;
    if (node < 0) return false;
  }
  return node > 0;
}

/**
 * The values of the file's string literals (escapes decoded, as stringValue does), in order,
 * joined: each run of adjacent literals the analysis joins into one value is a part of it.
 * Literals in comments and `#if 0` blocks are left out, as the masker leaves them out.
 */
function literalValues(text: string): string {
  let out = '';
  for (const s of maskSource(text).strings) out += stringValue(text.slice(s.start, s.end));
  return out;
}

/**
 * Whether, after what the tokenizer skips (bytes up to space, and DEL), the text at `i` goes on
 * with `"`, `/`, `\\` or `#` (or ends).
 */
function continues(text: string, i: number): boolean {
  let k = i;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (isTokenGap(c)) k++;
    else return c === 34 || c === 47 || c === 92 || c === 35;
  }
  return true;
}

/** Names as a byte trie: node 0 is the root; `whole` marks nodes that end a name. */
interface Trie {
  child: Map<number, number>;
  whole: Set<number>;
  /** Whether every name is ASCII (else decoded characters above 127 are not followed). */
  ascii: boolean;
}

function trieOf(names: Iterable<string>): Trie {
  const trie: Trie = { child: new Map(), whole: new Set(), ascii: true };
  let nodes = 1;
  for (const name of names) {
    let node = 0;
    for (let k = 0; k < name.length; k++) {
      if (name.charCodeAt(k) > 127) trie.ascii = false;
      const key = node * 256 + (name.charCodeAt(k) & 0xff);
      let next = trie.child.get(key);
      if (next === undefined) {
        next = nodes++;
        trie.child.set(key, next);
      }
      node = next;
    }
    trie.whole.add(node);
  }
  return trie;
}
