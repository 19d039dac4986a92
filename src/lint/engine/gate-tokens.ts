// The gate's token-level conditions (see gate.ts): one per way the analysis gets a value kind
// and per rule check that needs none, evaluated on the scanner's tokens as the analysis sees
// them — the code without directives, and each macro body. When none holds, every value's kind
// is null: no rule reports and nothing is exported.
import { ARM_LDR_PC, ARM_VECTOR, asmEntryRead, operandSide } from '../rules/table-scan.js';
import { asmTemplateWrite, isCr0Writer, WP_CLEARED, WP_MASKS } from '../rules/wp-disable.js';
import type { ScannedFile, Token } from '../scan/index.js';
import { stringValue } from '../scan/index.js';
import { asmOpen, numberText } from './context.js';
import {
  KERNEL_LOOKUPS,
  MAKES_WRITABLE,
  makesWritableAt,
  namesKernelSection,
  PAGE_ATTR,
  PTE_LOOKUPS,
  READONLY_BITS,
  WRITE_BITS,
} from './protection.js';
import {
  DISPATCH_BYTES_STRING,
  dispatchBytesAt,
  dispatchStep,
  SCAN_MSRS,
  SCAN_NUMBERS,
  scannerFunctions,
} from './scanners.js';
import {
  buildStructure,
  codeTokens,
  matchBrackets,
  type Segment,
  type Structure,
} from './structure.js';
import {
  ASM_KEYWORDS,
  ENTRY_MSRS,
  isKernelAddress,
  LOOKUP_FUNCTIONS,
  MSR_READS,
  MSR_WRITES,
  normalNumber,
  SYSCALL_FN,
} from './symbols.js';

const MODULE_PARAMS = new Set(['module_param', 'module_param_unsafe', 'module_param_named']);
const SYS_NAME = /k?sys_\w+$/;

/** A syscall number's name (`__NR_...`), as T.nr notes it. */
function isNrName(x: string): boolean {
  return x.charCodeAt(0) === 95 && x.startsWith('__NR_');
}

/** A name slot compares take for a syscall's (SYS_NAME), as T.sys notes it. */
function isSyscallName(x: string): boolean {
  return x.indexOf('sys_') >= 0 && SYS_NAME.test(x);
}

/**
 * The token-level conditions: one per kind source and per kind-free rule check. When none
 * holds, every value's kind is null, so no rule reports and nothing is exported. Order-sensitive
 * checks run per segment as the analysis sees them: code without directives, each macro body.
 */
export function tokenNeeds(
  file: ScannedFile,
  tables: ReadonlySet<string>,
  strNames: ReadonlySet<string>,
): boolean {
  // Table names and `syscalltbl-lint` comments are decisive bytes (gate.ts): a file left to the
  // tokens holds neither, as no token or comment holds what its bytes do not.
  const f: Flags = { found: 0, attrArgs: null };
  const code = codeTokens(file).code;
  let built: Structure | null = null;
  const structure = (): Structure => {
    built ??= buildStructure(file);
    return built;
  };
  // The longest name a string literal could spell.
  let longest = 0;
  for (const n of strNames) longest = Math.max(longest, n.length);
  if (segmentNeeds(code, f, strNames, longest, tables)) return true;
  const maskMacros = new Set<string>();
  for (const m of file.macros) {
    const body = file.tokens.slice(m.bodyStart, m.bodyEnd);
    if (segmentNeeds(body, f, strNames, longest, tables)) return true;
    // wp-disable's mask macros (`#define CR0_WP_BIT 0x10000`, `(1 << 16)`): `~NAME` clears WP.
    if (m.params === null && body.length <= 7 && isWpMask(body))
      maskMacros.add((file.tokens[m.nameToken] as Token).text);
  }
  const has = (bit: number): boolean => (f.found & bit) !== 0;
  if (has(T.cr0Writer) && !has(T.wpMask) && maskMacros.size > 0)
    if (file.tokens.some((t, i) => maskMacros.has(t.text) && afterInversion(file.tokens, i)))
      f.found |= T.wpMask;
  return (
    (has(T.nrIndex) && has(T.cand)) ||
    has(T.msrEntryCall) ||
    (has(T.pte) && has(T.bits) && pteFunctions(structure(), has(T.cand))) ||
    (has(T.cr0Writer) && has(T.wpMask)) ||
    (has(T.domain) && has(T.manager)) ||
    (has(T.scanMsr) && entryFunctions(structure(), tables)) ||
    (f.attrArgs !== null && (has(T.cand) || definesAny(code, f.attrArgs)))
  );
}

/**
 * tokenNeeds where the bytes leave only a slot compared with a syscall possible (gate.ts
 * `slots`): per segment, a comparison, `__NR_...` and a syscall's name, then slotCompares.
 */
export function slotNeeds(file: ScannedFile, tables: ReadonlySet<string>): boolean {
  if (segmentSlots(codeTokens(file).code, tables)) return true;
  for (const m of file.macros)
    if (segmentSlots(file.tokens.slice(m.bodyStart, m.bodyEnd), tables)) return true;
  return false;
}

/** segmentNeeds' slot compare alone: the same tokens noted (T.nr, T.sys, comparisons). */
function segmentSlots(toks: Token[], tables: ReadonlySet<string>): boolean {
  const compares: number[] = [];
  let nr = false;
  let sys = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (t.type === 'id') {
      const x = t.text;
      if (!nr && isNrName(x)) nr = true;
      if (!sys && isSyscallName(x)) sys = true;
    } else if (t.text === '==' || t.text === '!=') compares.push(i);
  }
  return nr && sys && compares.length > 0 && slotCompares(toks, compares, tables);
}

/** Whether one of `names` is followed by `(` in the code: a function the file may define. */
function definesAny(code: Token[], names: ReadonlySet<string>): boolean {
  for (let i = 0; i + 1 < code.length; i++)
    if (code[i + 1]?.text === '(' && names.has((code[i] as Token).text)) return true;
  return false;
}

/**
 * A page-attribute call (protection.ts, which reports one whose memory argument is kernel
 * memory): needed outright where the callee always reports (`set_kernel_text_rw`,
 * `update_mapping_prot`) or the argument names the kernel's sections; else the argument's
 * identifiers, which make it kernel memory only as functions the file defines, or with a kind,
 * here only a candidate address (every other kind source is a condition of its own).
 */
function pageAttrNeeds(toks: Token[], match: Int32Array, calls: number[], f: Flags): boolean {
  for (const i of calls) {
    const callee = (toks[i] as Token).text;
    const idx = PAGE_ATTR[callee] as number;
    if (idx < 0 || callee === 'update_mapping_prot') return true;
    f.attrArgs ??= new Set();
    const close = match[i + 1] ?? -1;
    // The argument at idx, split at top-level commas as the analysis splits a call's arguments.
    let at = 0;
    for (let k = i + 2; k < close; k++) {
      const t = toks[k] as Token;
      const m = match[k] ?? -1;
      if (at === idx && noteAttrArg(t, f)) return true;
      if (m > k && m < close) {
        if (at === idx)
          for (let q = k + 1; q < m; q++) if (noteAttrArg(toks[q] as Token, f)) return true;
        k = m;
      } else if (t.text === ',') at++;
    }
  }
  return false;
}

/** How many arguments the call whose `(` is at `open` has, as the analysis splits them. */
function argCount(toks: Token[], match: Int32Array, open: number): number {
  const close = match[open] ?? -1;
  if (close < 0) return -1;
  if (close === open + 1) return 0;
  let n = 1;
  for (let k = open + 1; k < close; k++) {
    const m = match[k] ?? -1;
    if (m > k && m < close) k = m;
    else if ((toks[k] as Token).text === ',') n++;
  }
  return n;
}

/** Notes an identifier of a memory argument; whether it names the kernel's sections. */
function noteAttrArg(t: Token, f: Flags): boolean {
  if (t.type !== 'id') return false;
  if (namesKernelSection(t.text)) return true;
  f.attrArgs?.add(t.text);
  return false;
}

/**
 * Whether a function naming an entry MSR is one scannerFunctions takes for returning the entry
 * code (it reads the MSR and returns what it read): the analysis's own test, on its structure.
 */
function entryFunctions(st: Structure, tables: ReadonlySet<string>): boolean {
  return scannerFunctions(st.segs[0] as Segment, st.fns, tables).length > 0;
}

/**
 * Whether a function both looks a page-table entry up and makes one writable, as protection.ts
 * reports it: a lookup of kernel memory in its scope (scopeRanges) and a writable bit set in its
 * body.
 * The module's own page walkers (pageWalkers) and lookup_address & co.
 * look kernel memory up whatever they are given; the other lookups (pte_offset_kernel, ...)
 * only given it: a kernel section, a function of the file, or a value with a kind (here only a
 * candidate address can have one: every other kind source is a condition of its own).
 */
function pteFunctions(st: Structure, cand: boolean): boolean {
  const seg = st.segs[0] as Segment;
  const toks = seg.toks;
  const defined = new Set(st.fns.map((fn) => fn.name));
  const scopes = scopeRanges(st);
  const walkers = pageWalkers(st, scopes);
  const kernelArgs = (open: number): boolean => {
    if (cand) return true;
    const close = seg.match[open] ?? -1;
    for (let k = open + 1; k < close; k++) {
      const x = (toks[k] as Token).text;
      if (namesKernelSection(x) || defined.has(x)) return true;
    }
    return false;
  };
  for (const [fi, fn] of st.fns.entries()) {
    let writable = false;
    for (let i = fn.bodyStart; i < fn.bodyEnd && !writable; i++)
      writable = (toks[i] as Token).type === 'id' && makesWritableAt(toks, i);
    if (!writable) continue;
    // A lookup anywhere the analysis gives the function's scope: its body and its header.
    for (const [from, to] of scopes[fi] ?? [])
      for (let i = from; i < to; i++) {
        const x = (toks[i] as Token).text;
        if (toks[i + 1]?.text !== '(') continue;
        if (walkers.has(x) || KERNEL_LOOKUPS.has(x) || (PTE_LOOKUPS.has(x) && kernelArgs(i + 1)))
          return true;
      }
  }
  return false;
}

/**
 * Per function, the token ranges of the code segment in its scope as the analysis takes a
 * call's scope: the statements of its header (a call there counts as the function's) and its
 * body.
 */
function scopeRanges(st: Structure): Array<Array<[number, number]>> {
  const ranges = st.fns.map((fn): Array<[number, number]> => [[fn.bodyStart, fn.bodyEnd]]);
  for (const s of st.stmts)
    if (s.seg === 0 && s.scope >= 0 && s.start < (st.fns[s.scope]?.bodyStart ?? 0))
      ranges[s.scope]?.push([s.start, s.end]);
  return ranges;
}

/**
 * The functions protection.ts may take for the module's own page walkers (pteHelpers: those
 * returning what a lookup or another walker returned), as a superset: every function that
 * returns a value and calls a lookup or another such function in its scope, to a fixpoint.
 */
function pageWalkers(st: Structure, scopes: Array<Array<[number, number]>>): Set<string> {
  const toks = (st.segs[0] as Segment).toks;
  const walkers = new Set<string>();
  const returning = [...st.fns.entries()].filter(([, fn]) => {
    for (let i = fn.bodyStart; i < fn.bodyEnd; i++)
      if (toks[i]?.text === 'return' && toks[i + 1]?.text !== ';') return true;
    return false;
  });
  const calls = (fi: number): boolean => {
    for (const [from, to] of scopes[fi] ?? [])
      for (let i = from; i < to; i++) {
        const x = (toks[i] as Token).text;
        if (toks[i + 1]?.text === '(' && (PTE_LOOKUPS.has(x) || walkers.has(x))) return true;
      }
    return false;
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const [fi, fn] of returning) {
      if (walkers.has(fn.name) || !calls(fi)) continue;
      walkers.add(fn.name);
      grew = true;
    }
  }
  return walkers;
}

interface Flags {
  /** The file-wide T bits found in the segments so far (FILE_BITS). */
  found: number;
  /** The identifiers in page-attribute calls' memory arguments; null: no such call. */
  attrArgs: Set<string> | null;
}

/** Identifiers the token-level conditions look for, each with what it signals. */
const ID_FLAG = {
  decisive: 1,
  moduleParam: 2,
  msrCall: 8,
  pte: 16,
  bits: 32,
  wpMask: 64,
  domain: 128,
  manager: 256,
  asm: 512,
  clearBit: 1024,
  pageAttr: 2048,
} as const;
const ID_FLAGS: Map<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (names: Iterable<string>, flag: number): void => {
    for (const n of names) m.set(n, (m.get(n) ?? 0) | flag);
  };
  add(LOOKUP_FUNCTIONS, ID_FLAG.decisive);
  add(Object.keys(PAGE_ATTR), ID_FLAG.pageAttr);
  add(['store_idt', 'native_store_idt'], ID_FLAG.decisive);
  add(MODULE_PARAMS, ID_FLAG.moduleParam);
  add([...MSR_READS, ...MSR_WRITES], ID_FLAG.msrCall);
  add(PTE_LOOKUPS, ID_FLAG.pte);
  add([...WRITE_BITS, ...READONLY_BITS, ...MAKES_WRITABLE], ID_FLAG.bits);
  add([...WP_MASKS, 'X86_CR0_WP_BIT'], ID_FLAG.wpMask);
  add(['set_domain', 'modify_domain'], ID_FLAG.domain);
  add(['DOMAIN_MANAGER', 'DOMAIN_MANAGER_VALUE'], ID_FLAG.manager);
  add(ASM_KEYWORDS, ID_FLAG.asm);
  add(['clear_bit', '__clear_bit'], ID_FLAG.clearBit);
  return m;
})();
/**
 * The first character and length (63 for longer) of every identifier in ID_FLAGS: most
 * identifiers have a shape none has, and skip the map (and hashing a fresh string).
 */
const ID_SHAPES: Uint8Array = (() => {
  const shapes = new Uint8Array(128 * 64);
  for (const n of ID_FLAGS.keys()) shapes[idShape(n.charCodeAt(0), n.length)] = 1;
  return shapes;
})();

function idShape(first: number, length: number): number {
  return (first & 127) * 64 + Math.min(length, 63);
}

/**
 * What tokens tell the token-level conditions, as bits: NEEDED (the segment needs the analysis
 * outright), the file-wide flags (see Flags) and two the segment's slot compares need (NR, SYS).
 * The per-token tests return these bits instead of setting flags: a store first reached late
 * in an optimised loop would cost a deopt and a recompile.
 */
const T = {
  needed: 1,
  bits: 2,
  cand: 4,
  cr0Writer: 8,
  domain: 16,
  manager: 32,
  msrEntryCall: 128,
  nrIndex: 256,
  pte: 512,
  rdmsrString: 1024,
  wpMask: 2048,
  nr: 4096,
  sys: 8192,
  scanMsr: 16384,
  pageAttr: 32768,
  cr0Call: 65536,
  asm: 131072,
  /** A comparison, `==` or `!=` (a slot compare's). */
  compare: 262144,
} as const;

/** The bits Flags keeps across segments; the others hold for one segment only. */
const FILE_BITS =
  T.bits |
  T.cand |
  T.cr0Writer |
  T.domain |
  T.manager |
  T.msrEntryCall |
  T.nrIndex |
  T.pte |
  T.scanMsr |
  T.wpMask;
/** The bits scanSegment notes a token's place for (and T.compare). */
const MARK_BITS = T.pageAttr | T.cr0Call | T.asm;

/**
 * The conditions over one segment: the tokens' bits (scanSegment), then the checks over the
 * places it marked, and the file-wide bits noted in `f`.
 */
function segmentNeeds(
  toks: Token[],
  f: Flags,
  strNames: ReadonlySet<string>,
  longest: number,
  tables: ReadonlySet<string>,
): boolean {
  const marks: number[] = [];
  let found = scanSegment(toks, strNames, longest, marks);
  if (found & T.needed) return true;
  const marked = (bit: number): number[] => {
    const at: number[] = [];
    for (let k = 0; k < marks.length; k += 2)
      if ((marks[k + 1] as number) & bit) at.push(marks[k] as number);
    return at;
  };
  if (found & (T.pageAttr | T.cr0Call) || (found & T.asm && found & T.rdmsrString)) {
    const match = matchBrackets(toks);
    if (pageAttrNeeds(toks, match, marked(T.pageAttr), f)) return true;
    // wp-disable looks at CR0 writers called with one argument.
    for (const i of marked(T.cr0Call)) if (argCount(toks, match, i + 1) === 1) found |= T.cr0Writer;
    // table-scan's asm check, over the statement up to its closing parenthesis.
    if (found & T.rdmsrString)
      for (const i of marked(T.asm)) {
        const open = asmOpen(toks, i);
        const close = match[open] ?? -1;
        if (asmEntryRead(toks, open + 1, close > open ? close : toks.length)) return true;
      }
  }
  f.found |= found & FILE_BITS;
  return (
    (found & T.nr) !== 0 &&
    (found & T.sys) !== 0 &&
    (found & T.compare) !== 0 &&
    slotCompares(toks, marked(T.compare), tables)
  );
}

/**
 * The tokens' T bits (T.needed: the segment needs the analysis outright), with the places of
 * MARK_BITS tokens and comparisons pushed on `marks` as pairs (index, bits). The loop only
 * follows string runs, the dispatch bytes and comparisons, and hands each identifier and number
 * to a function of its own, and reads or writes no object but the tokens and `marks`: TurboFan
 * recompiles it each time a rare branch is first taken (and code after a loop compiled on
 * stack deoptimizes on every later call until the function is compiled whole), so it is kept
 * small.
 */
function scanSegment(
  toks: Token[],
  strNames: ReadonlySet<string>,
  longest: number,
  marks: number[],
): number {
  let found = 0;
  let dispatch = 0;
  // The value of the run of adjacent string literals so far; null outside a run or once it
  // is longer than every name.
  let value: string | null = null;
  let inRun = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    const type = t.type;
    if (type === 'str') {
      if (!inRun) {
        inRun = true;
        value = '';
      }
      if (value !== null) value = runValue(value, t.text, longest);
      found |= stringNeeds(t.text);
      if (found & T.needed) return found;
      continue;
    }
    if (inRun) {
      if (value !== null && strNames.has(value)) return found | T.needed;
      inRun = false;
      value = null;
    }
    if (type === 'id') {
      const n = idNeeds(toks, i, t.text);
      if (n & MARK_BITS) marks.push(i, n & MARK_BITS);
      found |= n;
    } else if (type === 'num') {
      found |= numberNeeds(toks, i, t);
      // Scanner functions: 0xff 0x14 0xc5 as consecutive numbers (analyze.ts scannerFunctions).
      dispatch = dispatchStep(toks, i, dispatch);
      if (dispatch === 3) return found | T.needed;
    } else if (type === 'chr') {
      if (dispatchBytesAt(toks, i)) return found | T.needed;
    } else if (t.text === '==' || t.text === '!=') {
      marks.push(i, T.compare);
      found |= T.compare;
    }
    if (found & T.needed) return found;
  }
  if (inRun && value !== null && strNames.has(value)) return found | T.needed;
  return found;
}

/** A run of string literals' value with literal `x` appended, or null once longer than every name. */
function runValue(value: string, x: string, longest: number): string | null {
  // Escapes only shorten a literal, so a long one without them cannot be a name.
  const plain = x.indexOf('\\') < 0;
  if (plain && x.length - 2 + value.length > longest + 1) return null;
  const joined = value + stringValue(x);
  return joined.length > longest ? null : joined;
}

/** A string literal: `sidt` or the dispatch bytes (needed), `rdmsr`. */
function stringNeeds(x: string): number {
  if (/\bsidt\b/.test(x) || DISPATCH_BYTES_STRING.test(x)) return T.needed;
  return x.indexOf('rdmsr') >= 0 ? T.rdmsrString : 0;
}

/** An identifier (`x`, at `i`). */
function idNeeds(toks: Token[], i: number, x: string): number {
  let found = 0;
  const len = x.length;
  const first = x.charCodeAt(0);
  const flags = first < 128 && ID_SHAPES[idShape(first, len)] === 1 ? (ID_FLAGS.get(x) ?? 0) : 0;
  if (flags !== 0) found = listedIdNeeds(toks, i, flags);
  if (len >= 9 && (first | 32) === 109 && SCAN_MSRS.test(x)) found |= T.scanMsr;
  if (isNrName(x)) {
    found |= T.nr;
    if (i > 0 && toks[i - 1]?.text === '[') found |= T.nrIndex;
  }
  if (isSyscallName(x)) found |= T.sys;
  // A CR0 writer called (wp-disable looks at calls with one argument).
  if (toks[i + 1]?.text === '(' && isCr0Writer(x)) found |= T.cr0Call;
  // A mask with a literal suffix (wp-disable strips [uUlL]+ from every token).
  const last = x.charCodeAt(len - 1);
  if (
    (last === 117 || last === 85 || last === 108 || last === 76) &&
    WP_MASKS.has(x.replace(/[uUlL]+$/, '')) &&
    afterInversion(toks, i)
  )
    found |= T.wpMask;
  return found;
}

/** An identifier ID_FLAGS lists (with `flags`). */
function listedIdNeeds(toks: Token[], i: number, flags: number): number {
  if (flags & ID_FLAG.decisive) return T.needed;
  let found = 0;
  if (flags & ID_FLAG.pageAttr && toks[i + 1]?.text === '(') found |= T.pageAttr;
  if (flags & ID_FLAG.moduleParam) found |= T.cand;
  if (flags & ID_FLAG.msrCall && toks[i + 1]?.text === '(' && isEntryMsr(toks[i + 2]))
    found |= T.msrEntryCall;
  if (flags & ID_FLAG.pte && toks[i + 1]?.text === '(') found |= T.pte;
  if (flags & ID_FLAG.bits && makesWritableAt(toks, i)) found |= T.bits;
  if (flags & ID_FLAG.wpMask && afterInversion(toks, i)) found |= T.wpMask;
  if (flags & ID_FLAG.domain) found |= T.domain;
  if (flags & ID_FLAG.manager) found |= T.manager;
  if (flags & ID_FLAG.asm) {
    if (asmNeeds(toks, i)) return T.needed;
    if (asmOpen(toks, i) >= 0) found |= T.asm;
  }
  // clear_bit(16, &cr0) / clear_bit(X86_CR0_WP_BIT, &cr0).
  if (flags & ID_FLAG.clearBit && toks[i + 1]?.text === '(') {
    const bit = toks[i + 2]?.text;
    if (bit === '16' || bit === 'X86_CR0_WP_BIT') found |= T.wpMask;
  }
  return found;
}

/** A number (`t`, at `i`); the dispatch bytes are followed by the loop (dispatchStep). */
function numberNeeds(toks: Token[], i: number, t: Token): number {
  let found = 0;
  const x = t.text;
  const len = x.length;
  if (len >= 10 && isKernelAddress(x)) found |= T.cand;
  if (len >= 7) {
    const plain = x.replace(/[uUlL]+$/, '');
    if (SCAN_NUMBERS.test(plain)) return T.needed;
    if (SCAN_MSRS.test(x)) found |= T.scanMsr;
  }
  if (len >= 5) {
    const plain = x.replace(/[uUlL]+$/, '');
    if (WP_CLEARED.has(plain) || WP_CLEARED.has(plain.toLowerCase())) found |= T.wpMask;
    if (WP_MASKS.has(plain) && afterInversion(toks, i)) found |= T.wpMask;
  }
  // `~(1 << 16)`, `~BIT(16)`.
  if (x === '16' && invertedBit16(toks, i)) found |= T.wpMask;
  // Numbers of one or two characters are below 0xff (and the ARM words).
  const v = len >= 3 ? numberText(t) : '';
  if (ARM_LDR_PC.has(v) || (ARM_VECTOR.has(v) && toks[i - 1]?.text === ')')) return T.needed;
  if (v === '0xff' && dispatchBytesAt(toks, i)) return T.needed;
  return found;
}

/** An entry MSR as table-scan and table-write test a call's first argument. */
function isEntryMsr(t: Token | undefined): boolean {
  return t !== undefined && ENTRY_MSRS.has(normalNumber(t.text));
}

/** A macro body that is the WP bit: a mask wp-disable knows, or `1 << 16`, in parentheses or not. */
function isWpMask(body: Token[]): boolean {
  let n = 0;
  let first = '';
  let shift = false;
  for (const t of body) {
    if (t.text === '(' || t.text === ')') continue;
    if (n === 0) first = t.text.replace(/[uUlL]+$/, '');
    else if (n === 1) shift = t.text === '<<';
    else if (n === 2 && !(shift && first === '1' && t.text === '16')) return false;
    n++;
  }
  return n === 1 ? WP_MASKS.has(first) : n === 3;
}

/** wp-disable's clearsWp: a mask right after `~`, `^` or `^=` (parentheses between). */
function afterInversion(toks: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && toks[j]?.text === '(') j--;
  const op = toks[j]?.text;
  return op === '~' || op === '^' || op === '^=';
}

/** `~(1 << 16)` or `~BIT(16)`: the 16 of an inverted bit 16. */
function invertedBit16(toks: Token[], i: number): boolean {
  if (toks[i - 1]?.text === '<<' && toks[i - 2]?.text.replace(/[uUlL]+$/, '') === '1')
    return afterInversion(toks, i - 2);
  // wp-disable looks two tokens past `BIT`, whatever stands between.
  if (toks[i - 2]?.text === 'BIT') return afterInversion(toks, i - 2);
  return false;
}

/**
 * table-scan's slotCompare (a side holding `__NR_...` compared with a syscall function's name)
 * and analyze.ts' scanner test (`x[__NR_...] == ...sys_...`), on one segment.
 */
function slotCompares(toks: Token[], compares: number[], tables: ReadonlySet<string>): boolean {
  const match = matchBrackets(toks);
  const side = (from: number, dir: 1 | -1): [number, number] => operandSide(toks, match, from, dir);
  const has = (r: [number, number], test: (t: Token) => boolean): boolean => {
    for (let k = r[0]; k < r[1]; k++) if (test(toks[k] as Token)) return true;
    return false;
  };
  const isNr = (t: Token): boolean => t.text.startsWith('__NR_');
  const isSyscall = (t: Token): boolean =>
    t.type === 'id' && SYSCALL_FN.test(t.text) && !tables.has(t.text);
  for (const i of compares) {
    const l = side(i - 1, -1);
    const r = side(i + 1, 1);
    if ((has(l, isNr) && has(r, isSyscall)) || (has(r, isNr) && has(l, isSyscall))) return true;
  }
  // Scanner functions: `[__NR_x]` followed by a comparison with a `..sys_..` name.
  for (let i = 1; i < toks.length; i++) {
    if (toks[i - 1]?.text !== '[' || !(toks[i] as Token).text.startsWith('__NR_')) continue;
    const close = match[i - 1] ?? -1;
    const op = toks[close + 1]?.text;
    if (op !== '==' && op !== '!=') continue;
    for (let k = close + 2; k < close + 8 && k < toks.length; k++) {
      const t = toks[k] as Token;
      if (t.type === 'id' && SYS_NAME.test(t.text) && !tables.has(t.text)) return true;
    }
  }
  return false;
}

/** An asm statement whose template writes %cr0, sets ARM domains, or reads an MSR. */
function asmNeeds(toks: Token[], i: number): boolean {
  const j = asmOpen(toks, i);
  if (j < 0) return false;
  for (let k = j + 1; k < toks.length; k++) {
    if ((toks[k] as Token).type !== 'str') continue;
    let joined = '';
    for (let q = k; toks[q]?.type === 'str'; q++) {
      const s = (toks[q] as Token).text;
      if (/rdmsr/.test(s)) return true;
      joined += s.slice(1, -1);
    }
    return asmTemplateWrite(joined) !== null;
  }
  return false;
}
