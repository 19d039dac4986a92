// Follows the table through a file: which variables, struct fields, macros and function results
// hold it (or a lookup function, an entry point, a table name), to a fixpoint, seeded with the
// facts other files of the run exported. Rules query the result; nothing here reports.
import type { Directive, ScannedFile, Token } from '../scan/index.js';
import { directiveOf, stringValue } from '../scan/index.js';
import { matchedRegion } from './branches.js';
import { nameLengths } from './context.js';
import {
  exprEnd,
  indexBase,
  isCastGroup,
  lhsShape,
  lvalueStart,
  splitArgs,
} from './expressions.js';
import { dict, emptyFacts, type Kind, outranks, type ProjectFacts } from './facts.js';
import { SCAN_MSRS, SCAN_NUMBERS, scannerFunctions } from './scanners.js';
import {
  buildStructure,
  declaredNames,
  type FnScope,
  KEYWORDS,
  type Segment,
  type Stmt,
  type Structure,
} from './structure.js';
import { type SymbolFileRead, symbolFileReads } from './symbol-files.js';
import { tableSymbol } from './symbol-name.js';
import {
  COMPARES,
  COPIERS,
  ENTRY_SYMBOLS,
  isKernelAddress,
  LOOKUP_FUNCTIONS,
  PASSTHROUGH,
  SYMBOL_ITERATORS,
  SYSCALL_FN,
} from './symbols.js';

export interface Assign {
  seg: number;
  scope: number;
  /** Token range of the left side and right side; `op` is `=` or a compound operator. */
  lhs: [number, number];
  rhs: [number, number];
  op: string;
  /** The assigned name for `x = ...` and `type x = ...`, the field for `a->f = ...`. */
  nameTok: number;
  shape: 'name' | 'field' | 'other';
}

export interface Call {
  seg: number;
  scope: number;
  callee: number;
  args: Array<[number, number]>;
}

export interface AliasDef {
  seg: number;
  tok: number;
  name: string;
  kind: Kind;
}

export interface Analysis {
  file: ScannedFile;
  st: Structure;
  tableNames: ReadonlySet<string>;
  assigns: Assign[];
  calls: Call[];
  /** Where a name first acquired the table (or a shadow copy / entry code). */
  aliases: AliasDef[];
  /** Candidates (module parameter, hard-coded address) confirmed by a `[__NR_x]` index. */
  confirmed: Array<{ seg: number; tok: number; how: 'moduleParam' | 'kernelAddress' }>;
  /** Module parameters by name. */
  moduleParams: Set<string>;
  kind(seg: number, a: number, b: number, scope: number): Kind | null;
  /** The symbol name a string argument (or a name-holding variable/macro) spells, if any. */
  symbolOf(seg: number, a: number, b: number, scope: number): string | null;
  /** Whether the callee token names a lookup function (builtin, pointer, kprobe trick, wrapper). */
  lookupIndex(seg: number, callee: number, scope: number): number;
  /**
   * The calls whose callee's name passes `test` (asked once per name), in source order. Rules
   * look for a few callees: a pass of their own over every call made each rule's loop hot
   * enough for V8 to compile it, and each rule compiled is a large function.
   */
  callsTo(test: (name: string) => boolean): Call[];
  /** False for a name without kind, lookup index or return value (lookupIndex is then -1). */
  mayHaveKind(name: string): boolean;
  exports: ProjectFacts;
  touchesTable: boolean;
  /** What the file's tokens hold, found in one pass: rules skip passes that could find nothing. */
  census: TokenCensus;
  /** The table name a looked-up or compared string spells (`sys_call_table+0x0`), or null. */
  tableSymbol(value: string): string | null;
  /** Variables assigned the address of a symbol looked up by name: variable → symbol. */
  lookedUp: Map<string, string>;
  /** Strings naming /proc/kallsyms or System.map where the code reads that file. */
  symbolFileReads(): SymbolFileRead[];
  /**
   * Functions this file does not know as lookups, called with the table's or an entry symbol's
   * name: another file of the run may define one as a lookup wrapper.
   */
  namedCalls: string[];
}

/**
 * Each symbol iterator's name argument, as a number: lookupIndex, inlined in many hot loops,
 * reads no property for the rare iterator (a first property read there, once optimised, would
 * cost each of those loops a deopt).
 */
const ITERATOR_NAME_ARGS: ReadonlyMap<string, number> = new Map(
  [...SYMBOL_ITERATORS].map(([fn, it]) => [fn, it.name]),
);

/** An expression's range once strip took off parentheses, casts, `&` and `*`, and what it took. */
interface Stripped {
  start: number;
  end: number;
  addr: boolean;
  deref: boolean;
  ptrCast: boolean;
}

/** How deep kindOf follows nested expressions. */
const MAX_EXPRESSION_DEPTH = 256;

/** Every assignment operator ends with `=` (most operators do not: no set lookup for them). */
function endsWithEquals(op: string): boolean {
  return op.charCodeAt(op.length - 1) === 61;
}

/** `=` and the compound assignments. */
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']);

export function analyzeFile(
  file: ScannedFile,
  tableNames: ReadonlySet<string>,
  facts: ProjectFacts = emptyFacts(),
): Analysis {
  // Facts may arrive through structured clone (plain objects again): rebuild them prototype-free.
  facts = {
    globals: dict(facts.globals),
    fields: dict(facts.fields),
    macros: dict(facts.macros),
    returns: dict(facts.returns),
    wrappers: dict(facts.wrappers),
    params: dict(Object.fromEntries(Object.entries(facts.params).map(([k, v]) => [k, dict(v)]))),
    tableDirs: facts.tableDirs,
  };
  const st = buildStructure(file);
  const { segs, fns, stmts } = st;
  const assigns: Assign[] = [];
  const calls: Call[] = [];
  const moduleParams = new Set<string>();
  const klnProbes = new Set<string>();
  const fnByName = new Map<string, number[]>();
  fns.forEach((f, i) => {
    const list = fnByName.get(f.name) ?? [];
    list.push(i);
    fnByName.set(f.name, list);
  });

  // Per-file state, seeded from the project.
  const globals = dict<Kind>();
  const fields = dict<Kind>(facts.fields);
  const macros = dict<Kind>(facts.macros);
  const returns = dict<Kind>(facts.returns);
  const wrappers = dict<number>(facts.wrappers);
  const params = dict<Record<string, Kind>>();
  const locals: Array<Record<string, Kind>> = fns.map(() => dict<Kind>());
  const aliases = new Map<string, AliasDef>();
  const candOrigin = new Map<
    string,
    { seg: number; tok: number; how: 'moduleParam' | 'kernelAddress' }
  >();
  const confirmed: Analysis['confirmed'] = [];
  /** A variable or parameter of this file holds the table (set as kinds are given). */
  let holdsTable = false;
  const macroIsFn = new Map<string, boolean>();
  const nameValues = new Map<string, string>();
  const kindNames = kindNamesOf(tableNames, facts);
  /**
   * Gives `name` the kind in `store` unless it holds a more telling one. Every name given a kind
   * goes into kindNames, the set the rounds check before evaluating a name at all.
   */
  function giveKind(store: Record<string, Kind>, name: string, kind: Kind): boolean {
    if (!outranks(kind, store[name])) return false;
    store[name] = kind;
    kindNames.add(name);
    return true;
  }

  // A function's own definition header is not a call of it (`static void update_mapping_prot(…)`).
  const definitions = new Set(fns.map((f) => f.nameTok));
  collectAll();
  function collectAll(): void {
    for (let i = 0; i < stmts.length; i++) {
      const s = stmts[i] as Stmt;
      collect(segs[s.seg] as Segment, s.seg, s.start, s.end, s.scope);
    }
  }

  function collect(seg: Segment, si: number, a: number, b: number, scope: number): void {
    const toks = seg.toks;
    for (let i = a; i < b; i++) {
      const t = toks[i] as Token;
      if (t.type === 'id' && toks[i + 1]?.text === '(' && !KEYWORDS.has(t.text)) {
        if (si === 0 && definitions.has(i)) continue;
        const close = seg.match[i + 1] ?? -1;
        if (close > i)
          calls.push({ seg: si, scope, callee: i, args: splitArgs(seg, i + 2, close) });
      } else if (t.type === 'op' && endsWithEquals(t.text) && ASSIGN_OPS.has(t.text)) {
        const lhsStart = lvalueStart(seg, i, a);
        const rhsEnd = exprEnd(seg, i + 1, b);
        const { nameTok, shape } = lhsShape(seg, lhsStart, i);
        assigns.push({
          seg: si,
          scope,
          lhs: [lhsStart, i],
          rhs: [i + 1, rhsEnd],
          op: t.text,
          nameTok,
          shape,
        });
      }
    }
  }

  // The calls the name-match and wrapper passes look at, found in the same pass.
  /** 1 for each call (by index) that copies its second argument into its first (memcpy). */
  const copiers = new Uint8Array(calls.length);
  const comparisons: Call[] = [];
  /** Each callee's calls, as indexes into `calls` (ascending). */
  const callsByName = new Map<string, number[]>();
  const iteratorCalls: Call[] = [];
  const printers = new Set<number>();
  // A symbol file can only be read where the text names one.
  let opensFiles = false;
  const census = censusOf(file, tableNames);
  const namesSymbolFile = census.symbolFile;
  // `#define SCT_ADDR 0xc0321560`: an object-like macro holding a kernel address.
  const addressMacros = new Set<string>();
  // Every loop of the analysis is in a function of its own (here and below), so this function,
  // which creates all the closures, does not run hot and is never optimised: TurboFan's escape
  // analysis of it (its context and some 35 closures) took 0.5-0.9 s a compile, twice to four
  // times a run. V8 optimises, and after a deopt re-optimises, only the small phase functions.
  classifyCalls();
  noteMacros();

  function classifyCalls(): void {
    for (let ci = 0; ci < calls.length; ci++) {
      const c = calls[ci] as Call;
      const name = tokText(c.seg, c.callee);
      const same = callsByName.get(name);
      if (same) same.push(ci);
      else callsByName.set(name, [ci]);
      if (c.args.length >= 2 && COPIERS.has(name)) copiers[ci] = 1;
      if (c.seg === 0 && c.scope >= 0 && COMPARES.has(name)) comparisons.push(c);
      else if (SYMBOL_ITERATORS.get(name)) iteratorCalls.push(c);
      else if (c.scope >= 0 && SYMBOL_PRINTERS.has(name)) printers.add(c.scope);
      else if (namesSymbolFile && FILE_OPENERS.has(name)) opensFiles = true;
      if ((name === 'module_param' || name === 'module_param_unsafe') && c.args[0]) {
        noteModuleParam(tokText(c.seg, c.args[0][0]));
      } else if (name === 'module_param_named' && c.args[1]) {
        noteModuleParam(tokText(c.seg, c.args[1][0]));
      }
    }
  }

  function noteMacros(): void {
    for (let si = 1; si < segs.length; si++) {
      const m = (segs[si] as Segment).macro;
      if (m) macroIsFn.set(m.name, m.params !== null);
    }
    for (let si = 0; si < segs.length; si++) {
      const m = segs[si] as Segment;
      if (!m.macro || m.macro.params !== null || m.toks.length > 3) continue;
      const value = onlyToken(m.toks);
      if (value?.type === 'num' && isKernelAddress(value.text)) addressMacros.add(m.macro.name);
    }
  }

  function noteModuleParam(name: string): void {
    moduleParams.add(name);
    kindNames.add(name);
  }

  function tokText(seg: number, i: number): string {
    return segs[seg]?.toks[i]?.text ?? '';
  }

  function nameKind(name: string, scope: number): Kind | null {
    if (!kindNames.has(name)) return null;
    if (tableNames.has(name)) return 'table';
    if (scope >= 0) {
      const k = locals[scope]?.[name];
      if (k) return k;
      if (fns[scope]?.locals.has(name)) return null;
    }
    const g = globals[name] ?? facts.globals[name];
    if (g) return g;
    if (macroIsFn.get(name) === false || (facts.macros[name] && !macroIsFn.has(name))) {
      const k = macros[name];
      if (k) return k;
    }
    if (LOOKUP_FUNCTIONS.has(name)) return 'lookup';
    if (moduleParams.has(name)) return 'cand';
    return null;
  }

  function symbolOf(si: number, a: number, b: number, scope: number): string | null {
    const seg = segs[si] as Segment;
    const s = strip(seg, a, b);
    a = s.start;
    b = s.end;
    const toks = seg.toks;
    if (a >= b) return null;
    if (toks[a]?.type === 'str') {
      let v = '';
      for (let i = a; i < b; i++) {
        const t = toks[i] as Token;
        if (t.type !== 'str') return null;
        v += stringValue(t.text);
      }
      return v;
    }
    if (b - a === 1 && toks[a]?.type === 'id') {
      const name = (toks[a] as Token).text;
      const k = nameKind(name, scope);
      if (k === 'tname' || k === 'ename') return nameValues.get(name) ?? null;
    }
    return null;
  }

  function lookupIndex(si: number, callee: number, scope: number): number {
    const name = tokText(si, callee);
    if (!kindNames.has(name)) return -1;
    const w = wrappers[name];
    if (w !== undefined) return w;
    if (LOOKUP_FUNCTIONS.has(name)) return 0;
    const it = ITERATOR_NAME_ARGS.get(name);
    if (it !== undefined) return it;
    return nameKind(name, scope) === 'lookup' ? 0 : -1;
  }

  function symbolKind(sym: string | null): Kind {
    if (sym === null) return 'kaddr';
    if (tableSymbol(sym, tableNames)) return 'table';
    // Entry code, and a syscall's own function: code that can be patched instead of the table.
    if (ENTRY_SYMBOLS.has(sym)) return 'entry';
    if (SYSCALL_FN.test(sym)) return 'sysfn';
    return 'kaddr';
  }

  function callKind(si: number, i: number, close: number, scope: number): Kind | null {
    const seg = segs[si] as Segment;
    const name = tokText(si, i);
    if (!kindNames.has(name)) return null;
    // An iterator returns a count: the address reaches its data argument (nameMatches).
    if (SYMBOL_ITERATORS.get(name)) return null;
    const li = lookupIndex(si, i, scope);
    if (li >= 0) {
      const arg = splitArgs(seg, i + 2, close)[li];
      return symbolKind(arg ? symbolOf(si, arg[0], arg[1], scope) : null);
    }
    if (returns[name]) return returns[name] as Kind;
    if (macroIsFn.get(name) || (facts.macros[name] && !macroIsFn.has(name))) {
      const k = macros[name];
      if (k) return k;
    }
    if (!PASSTHROUGH.has(name)) return null;
    const arg = splitArgs(seg, i + 2, close)[0];
    return arg ? kindOf(si, arg[0], arg[1], scope) : null;
  }

  /**
   * What strip found. One object for the file, overwritten by each call: callers read it before
   * stripping anything else (strip runs for nearly every expression; an object each was a tenth
   * of the analysis' allocations).
   */
  const stripped: Stripped = { start: 0, end: 0, addr: false, deref: false, ptrCast: false };

  /** Strips outer parentheses, casts, `&` and `*`, reporting what was stripped. */
  function strip(seg: Segment, a: number, b: number): Stripped {
    const toks = seg.toks;
    let addr = false;
    let deref = false;
    let ptrCast = false;
    for (let guard = 0; a < b && guard < 64; guard++) {
      const t = toks[a] as Token;
      const m = seg.match[a] ?? -1;
      if (t.text === '(' && m === b - 1) {
        a++;
        b--;
      } else if (t.text === '(' && m > a && m < b - 1 && isCastGroup(seg, a, m)) {
        if (toks[m - 1]?.text === '*') ptrCast = true;
        a = m + 1;
      } else if (t.text === '&' && !addr) {
        addr = true;
        a++;
      } else if (t.text === '*' && !deref) {
        deref = true;
        a++;
      } else break;
    }
    stripped.start = a;
    stripped.end = b;
    stripped.addr = addr;
    stripped.deref = deref;
    stripped.ptrCast = ptrCast;
    return stripped;
  }

  /**
   * Whether kindOf(si, a, b) is null for want of a token that could give a kind: one number
   * (not cast), or one name that has none. For an argument or a value assigned: the token after
   * it ends the expression (`,` `)` `;`), so a name is not a call. Most arguments and values
   * are such a token, and the fixpoint's rounds skip them without evaluating them.
   */
  function noKind(si: number, a: number, b: number): boolean {
    if (b - a !== 1) return false;
    const t = (segs[si] as Segment).toks[a] as Token;
    return t.type === 'num' || (t.type === 'id' && !kindNames.has(t.text));
  }

  // Expressions nest (parentheses, calls passing values through); past this depth, which no
  // real code reaches, a value is left unknown instead of exhausting the stack.
  let depth = 0;
  function kindOf(si: number, a0: number, b0: number, scope: number): Kind | null {
    if (depth >= MAX_EXPRESSION_DEPTH) return null;
    depth++;
    const k = expressionKind(si, a0, b0, scope);
    depth--;
    return k;
  }

  function expressionKind(si: number, a0: number, b0: number, scope: number): Kind | null {
    const seg = segs[si] as Segment;
    const toks = seg.toks;
    const s = strip(seg, a0, b0);
    const a = s.start;
    const b = s.end;
    const addr = s.addr;
    const deref = s.deref;
    const ptrCast = s.ptrCast;
    if (a >= b) return null;
    const t = toks[a] as Token;
    let k: Kind | null = null;
    let i = a;
    let baseName = '';
    if (t.type === 'str') {
      const sym = symbolOf(si, a, b, scope);
      if (sym === null) return null;
      return tableSymbol(sym, tableNames) ? 'tname' : ENTRY_SYMBOLS.has(sym) ? 'ename' : null;
    }
    if (t.type === 'num') {
      return ptrCast && b - a === 1 && isKernelAddress(t.text) ? 'cand' : null;
    }
    if (t.type === 'id') {
      if (toks[i + 1]?.text === '(' && (seg.match[i + 1] ?? -1) > i) {
        const close = seg.match[i + 1] as number;
        k = callKind(si, i, close, scope);
        i = close + 1;
      } else {
        baseName = t.text;
        k = nameKind(t.text, scope);
        if (k === null && ptrCast && b - a === 1 && addressMacros.has(t.text)) k = 'cand';
        i++;
      }
    } else if (t.text === '(' && (seg.match[a] ?? -1) > a) {
      const close = seg.match[a] as number;
      k = kindOf(si, a + 1, close, scope);
      i = close + 1;
    } else return null;
    while (i < b) {
      const n = (toks[i] as Token).text;
      if (n === '[') {
        k =
          k === 'table'
            ? 'slot'
            : k === 'shadow'
              ? 'sslot'
              : k === 'entry' || k === 'sysfn'
                ? 'eslot'
                : k === 'cand'
                  ? 'cand'
                  : null;
        const m = seg.match[i] ?? -1;
        i = m > i ? m + 1 : b;
      } else if ((n === '.' || n === '->') && toks[i + 1]?.type === 'id') {
        const f = (toks[i + 1] as Token).text;
        if (f === 'addr' && klnProbes.has(baseName)) k = 'lookup';
        else k = fields[f] ?? (tableNames.has(f) ? 'table' : null);
        baseName = '';
        i += 2;
      } else if (n === '(') {
        const m = seg.match[i] ?? -1;
        if (k === 'lookup' && m > i) {
          const args = splitArgs(seg, i + 1, m);
          k = symbolKind(args[0] ? symbolOf(si, args[0][0], args[0][1], scope) : null);
        } else k = null;
        i = m > i ? m + 1 : b;
      } else if (n === '++' || n === '--') i++;
      else break;
    }
    if (i < b) {
      const op = (toks[i] as Token).text;
      // Pointer arithmetic and page masking keep the value's kind; anything else computes a new one.
      if (!(op === '+' || op === '-' || op === '&' || op === '|' || op === '>>' || op === '<<')) {
        return null;
      }
    }
    if (k === null) return null;
    // The address of a variable holding a code address is not that code.
    if (addr && (k === 'entry' || k === 'sysfn')) return null;
    if (addr && (k === 'slot' || k === 'sslot' || k === 'eslot'))
      k = k === 'slot' ? 'table' : k === 'sslot' ? 'shadow' : 'entry';
    else if (deref && (k === 'table' || k === 'shadow' || k === 'entry' || k === 'sysfn'))
      k = k === 'table' ? 'slot' : k === 'shadow' ? 'sslot' : 'eslot';
    return k;
  }

  function setName(
    name: string,
    kind: Kind,
    scope: number,
    si: number,
    tok: number,
    record = true,
  ): boolean {
    if (tableNames.has(name)) return false;
    const local = scope >= 0 && fns[scope]?.locals.has(name);
    const store = local ? (locals[scope] as Record<string, Kind>) : globals;
    if (!giveKind(store, name, kind)) return false;
    if (kind === 'table') holdsTable = true;
    const key = `${local ? scope : ''}:${name}`;
    const had = aliases.get(key);
    // Where the name first acquired its most telling kind (a later upgrade to the table counts).
    if (
      record &&
      (kind === 'table' || kind === 'shadow' || kind === 'entry') &&
      (!had || outranks(kind, had.kind))
    ) {
      aliases.set(key, { seg: si, tok, name, kind });
    }
    return true;
  }

  /**
   * `pg = virt_to_page(table)`, `pa = __pa(table)`, `page = (unsigned long)table & PAGE_MASK`:
   * the table's page or physical address, followed for protection changes but not the table.
   */
  function derivedAddress(asg: Assign): boolean {
    const toks = (segs[asg.seg] as Segment).toks;
    for (let i = asg.rhs[0]; i < asg.rhs[1]; i++) if (PAGE_OF.has(toks[i]?.text ?? '')) return true;
    return false;
  }

  /** `orig_##name = ...` in a macro body: the name is a parameter or pasted, no variable. */
  function pastedName(asg: Assign): boolean {
    const seg = segs[asg.seg] as Segment;
    if (!seg.macro) return false;
    const t = seg.toks[asg.nameTok]?.text ?? '';
    return (
      seg.macro.params?.includes(t) === true ||
      seg.toks[asg.nameTok - 1]?.text === '##' ||
      seg.toks[asg.nameTok + 1]?.text === '##'
    );
  }

  function assignedValue(asg: Assign): string | null {
    return symbolOf(asg.seg, asg.rhs[0], asg.rhs[1], asg.scope);
  }

  /** The symbol `x = (T)kallsyms_lookup_name("sym")` looks up, or null. */
  function lookedUpSymbol(asg: Assign): string | null {
    const seg = segs[asg.seg] as Segment;
    const x = strip(seg, asg.rhs[0], asg.rhs[1]).start;
    if (seg.toks[x + 1]?.text !== '(') return null;
    const li = lookupIndex(asg.seg, x, asg.scope);
    const arg = splitArgs(seg, x + 2, seg.match[x + 1] ?? x + 2)[li];
    return li >= 0 && arg ? symbolOf(asg.seg, arg[0], arg[1], asg.scope) : null;
  }

  noteKlnProbes();
  function noteKlnProbes(): void {
    // Kprobes placed on kallsyms_lookup_name: their `.addr` is the lookup function.
    for (let ai = 0; ai < assigns.length; ai++) {
      const asg = assigns[ai] as Assign;
      if (asg.shape !== 'field' || tokText(asg.seg, asg.nameTok) !== 'symbol_name') continue;
      if (assignedValue(asg) !== 'kallsyms_lookup_name') continue;
      const seg = segs[asg.seg] as Segment;
      const [l0] = asg.lhs;
      if (seg.toks[l0]?.text === '.') {
        const s = stmts.find((x) => x.seg === asg.seg && x.start <= l0 && x.end > l0);
        if (s)
          for (const n of declaredNames(seg.toks, seg.match, s.start, s.end))
            klnProbes.add(tokText(asg.seg, n));
      } else if (seg.toks[l0]?.type === 'id') klnProbes.add(tokText(asg.seg, l0));
    }
  }

  // `x[__NR_...]` sites, found once: the fixpoint below revisits them every round.
  const nrIndexes: Array<[number, number]> = [];
  if (census.nrIndex) findNrIndexes();
  function findNrIndexes(): void {
    for (let si = 0; si < segs.length; si++) {
      const toks = (segs[si] as Segment).toks;
      for (let i = 1; i < toks.length; i++)
        if (toks[i]?.text === '[' && toks[i + 1]?.text.startsWith('__NR_')) nrIndexes.push([si, i]);
    }
  }
  // Most files hold none of the tokens that make a scanner: no pass over every function body.
  const scanners =
    census.scanSign || census.nrIndex ? scannerFunctions(segs[0] as Segment, fns, tableNames) : [];
  let compareCalls = comparisons;
  const matched = new Set<Call>();
  /** Callbacks that store the matched address through a parameter: function → parameter index. */
  const paramStores = new Map<string, number>();
  let fileReads: SymbolFileRead[] | null = null;
  const readsOnce = (): SymbolFileRead[] => {
    fileReads ??= namesSymbolFile ? symbolFileReads(segs, calls, assigns) : [];
    return fileReads;
  };
  const lookedUp = new Map<string, string>();
  const lookedUpTried = new Set<Assign>();
  noteSearchWrappers();
  function noteSearchWrappers(): void {
    for (const [name, idx] of symbolSearchWrappers())
      if (wrappers[name] === undefined) {
        wrappers[name] = idx;
        kindNames.add(name);
      }
  }

  /**
   * What code does once a symbol name matched the table's: in the branch, a value stored in a
   * variable or field, or through the function's parameter, or returned, is the table's address
   * (a kallsyms_on_each_symbol callback, a sprint_symbol walk, a /proc/kallsyms parser).
   */
  function nameMatches(): boolean {
    let changed = false;
    // Comparisons of literals alone are decided once; those naming a variable or macro may
    // name the table once the fixpoint knows more.
    const again: Call[] = [];
    for (const c of compareCalls) {
      if (matched.has(c)) continue;
      const other = c.args.findIndex(([x, y]) => {
        const v = symbolOf(c.seg, x, y, c.scope);
        return v !== null && tableSymbol(v, tableNames) !== null;
      });
      if (other < 0) {
        if (c.args.some(([x, y]) => y - x === 1 && segs[c.seg]?.toks[x]?.type === 'id'))
          again.push(c);
        continue;
      }
      matched.add(c);
      const seg = segs[0] as Segment;
      const region = matchedRegion(seg, c.callee, seg.match[c.callee + 1] ?? -1);
      if (!region) continue;
      const f = fns[c.scope] as FnScope;
      // The compared name itself (`name`, `buf`) is not the address.
      const compared = new Set<string>();
      c.args.forEach(([x, y], idx) => {
        if (idx !== other) for (let i = x; i < y; i++) compared.add(tokText(0, i));
      });
      const isAddress = (a: number, b: number): boolean => {
        const s = strip(seg, a, b);
        const x = s.start;
        const y = s.end;
        const t = seg.toks[x];
        return (
          x < y &&
          t?.type === 'id' &&
          !compared.has(t.text) &&
          !/^(NULL|true|false|sizeof)$/.test(t.text)
        );
      };
      for (let ai = 0; ai < assigns.length; ai++) {
        const asg = assigns[ai] as Assign;
        const at = asg.lhs[0];
        if (asg.seg !== 0 || asg.op !== '=' || at < region[0] || at >= region[1]) continue;
        if (!isAddress(asg.rhs[0], asg.rhs[1])) continue;
        const name = tokText(0, asg.nameTok);
        if (asg.shape === 'name' && setName(name, 'table', asg.scope, 0, asg.nameTok))
          changed = true;
        else if (asg.shape === 'field' && outranks('table', fields[name])) {
          fields[name] = 'table';
          aliases.set(`.${name}`, { seg: 0, tok: asg.nameTok, name, kind: 'table' });
          changed = true;
        } else if (asg.shape === 'other') {
          // `*(unsigned long *)data = addr;`: stored through the callback's parameter.
          const base = strip(seg, asg.lhs[0], asg.lhs[1]);
          const deref = base.deref;
          const p = f.params.indexOf(tokText(0, base.start));
          if (deref && p >= 0 && !paramStores.has(f.name)) {
            paramStores.set(f.name, p);
            changed = true;
          }
        }
      }
      for (let i = region[0]; i < region[1]; i++) {
        if (seg.toks[i]?.text !== 'return') continue;
        let end = i + 1;
        while (end < region[1] && seg.toks[end]?.text !== ';') end++;
        if (end > i + 1 && isAddress(i + 1, end) && giveKind(returns, f.name, 'table'))
          changed = true;
      }
    }
    compareCalls = again;
    // kallsyms_on_each_symbol(cb, &addr): what the callback stores through `data` lands in addr.
    for (const c of iteratorCalls) {
      const it = SYMBOL_ITERATORS.get(tokText(c.seg, c.callee));
      if (!it) continue;
      const fnArg = c.args[it.fn];
      const dataArg = c.args[it.data];
      if (!fnArg || !dataArg) continue;
      const nameArg = c.args[it.name];
      const byName =
        nameArg !== undefined &&
        tableSymbol(symbolOf(c.seg, nameArg[0], nameArg[1], c.scope) ?? '', tableNames) !== null;
      const cb = tokText(c.seg, strip(segs[c.seg] as Segment, fnArg[0], fnArg[1]).start);
      if (!byName && paramStores.get(cb) !== 0) continue;
      const d = strip(segs[c.seg] as Segment, dataArg[0], dataArg[1]);
      const at = d.start;
      if (d.addr && setName(tokText(c.seg, at), 'table', c.scope, c.seg, at)) changed = true;
    }
    return changed;
  }

  /**
   * Functions of this file that find a symbol by a name they are given without calling a lookup
   * function: they walk kallsyms (kallsyms_on_each_symbol, sprint_symbol) or read a symbol file,
   * and take a `char *` parameter. Calling one with the table's name looks the table up.
   */
  function symbolSearchWrappers(): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    const seg = segs[0] as Segment;
    const searches = new Set<number>(printers);
    for (const c of iteratorCalls) if (c.scope >= 0) searches.add(c.scope);
    if (searches.size === 0 && !opensFiles) return out;
    for (const r of readsOnce()) {
      if (r.seg !== 0) continue;
      const fi = fns.findIndex((f) => r.tok > f.bodyStart && r.tok < f.bodyEnd);
      if (fi >= 0) searches.add(fi);
    }
    for (const fi of searches) {
      const f = fns[fi] as FnScope;
      const p = charPointerParam(seg, f);
      if (p >= 0) out.push([f.name, p]);
    }
    return out;
  }
  /** The statements returning a value from a function: each round's returnRound reads them. */
  const valueReturns = stmts.filter(
    (s) =>
      s.scope >= 0 &&
      fns[s.scope] !== undefined &&
      segs[s.seg]?.toks[s.start]?.text === 'return' &&
      s.end > s.start + 1,
  );
  for (let round = 0; round < 6; round++) {
    // Every step runs every round (no short-circuit): each may add what the next one reads.
    let changed = macroRound();
    if (assignRound()) changed = true;
    if (callRound()) changed = true;
    if (paramRound()) changed = true;
    if (scannerRound()) changed = true;
    if (nameMatches()) changed = true;
    if (returnRound()) changed = true;
    if (wrapperRound()) changed = true;
    if (nrIndexRound()) changed = true;
    if (!changed) break;
  }

  function macroRound(): boolean {
    let changed = false;
    for (let si = 1; si < segs.length; si++) {
      const seg = segs[si] as Segment;
      const m = seg.macro;
      if (!m) continue;
      const k = kindOf(si, 0, seg.toks.length, -1);
      if (k && giveKind(macros, m.name, k)) {
        changed = true;
        if (k === 'tname' || k === 'ename') {
          const sym = symbolOf(si, 0, seg.toks.length, -1);
          if (sym) nameValues.set(m.name, sym);
        }
      }
    }
    return changed;
  }

  function assignRound(): boolean {
    let changed = false;
    for (let ai = 0; ai < assigns.length; ai++) {
      const asg = assigns[ai] as Assign;
      if (asg.op !== '=' || asg.shape === 'other' || pastedName(asg)) continue;
      if (noKind(asg.seg, asg.rhs[0], asg.rhs[1])) continue;
      const k = valueKind(kindOf(asg.seg, asg.rhs[0], asg.rhs[1], asg.scope));
      if (!k) continue;
      const name = tokText(asg.seg, asg.nameTok);
      if (k === 'tname' || k === 'ename') {
        const sym = assignedValue(asg);
        if (sym) nameValues.set(name, sym);
      } else if ((k === 'kaddr' || k === 'entry' || k === 'sysfn') && !lookedUpTried.has(asg)) {
        lookedUpTried.add(asg);
        const sym = lookedUpSymbol(asg);
        if (sym && !lookedUp.has(name)) lookedUp.set(name, sym);
      }
      if (asg.shape === 'name') {
        if (setName(name, k, asg.scope, asg.seg, asg.nameTok, !derivedAddress(asg))) changed = true;
        if (k === 'cand' && !candOrigin.has(name)) {
          const rhsFirst = strip(segs[asg.seg] as Segment, asg.rhs[0], asg.rhs[1]).start;
          const first = segs[asg.seg]?.toks[rhsFirst];
          const how =
            first?.type === 'num' || addressMacros.has(first?.text ?? '')
              ? 'kernelAddress'
              : 'moduleParam';
          candOrigin.set(name, { seg: asg.seg, tok: asg.nameTok, how });
        }
      } else {
        if (outranks(k, fields[name])) {
          fields[name] = k;
          changed = true;
        }
        // Recorded even when the project already knew the field, so the file reports it.
        if (k === 'table' && !aliases.has(`.${name}`))
          aliases.set(`.${name}`, { seg: asg.seg, tok: asg.nameTok, name, kind: k });
      }
    }
    return changed;
  }

  function callRound(): boolean {
    let changed = false;
    for (let ci = 0; ci < calls.length; ci++) {
      const c = calls[ci] as Call;
      if (c.args.length === 0) continue;
      if (copiers[ci] === 1 && copyShadow(c)) changed = true;
      if (flowArguments(c)) changed = true;
    }
    return changed;
  }

  /** memcpy(shadow, table, size): the destination becomes a shadow copy of the table. */
  function copyShadow(c: Call): boolean {
    const [s0, s1] = c.args as [[number, number], [number, number]];
    if (kindOf(c.seg, s1[0], s1[1], c.scope) !== 'table') return false;
    const dst = strip(segs[c.seg] as Segment, s0[0], s0[1]).start;
    const d = segs[c.seg]?.toks[dst];
    return (
      d?.type === 'id' &&
      kindOf(c.seg, s0[0], s0[1], c.scope) !== 'table' &&
      setName(d.text, 'shadow', c.scope, c.seg, dst)
    );
  }

  /**
   * Values passed to the module's own functions flow into their parameters. The callee's name
   * and definitions are looked up once an argument has a kind (most have none).
   */
  function flowArguments(c: Call): boolean {
    let changed = false;
    for (let idx = 0; idx < c.args.length; idx++) {
      const arg = c.args[idx] as [number, number];
      if (noKind(c.seg, arg[0], arg[1])) continue;
      const k = valueKind(kindOf(c.seg, arg[0], arg[1], c.scope));
      if (!k || k === 'tname' || k === 'ename') continue;
      const name = tokText(c.seg, c.callee);
      params[name] ??= dict<Kind>();
      const p = params[name] as Record<string, Kind>;
      if (outranks(k, p[idx])) {
        p[idx] = k;
        changed = true;
      }
      for (const fi of fnByName.get(name) ?? []) {
        const pn = fns[fi]?.params[idx];
        if (pn && giveKind(locals[fi] as Record<string, Kind>, pn, k)) {
          if (k === 'table') holdsTable = true;
          changed = true;
        }
      }
    }
    return changed;
  }

  function paramRound(): boolean {
    let changed = false;
    // Parameters the project's other files pass values into.
    for (let fi = 0; fi < fns.length; fi++) {
      const f = fns[fi] as FnScope;
      const ps = facts.params[f.name];
      if (!ps) continue;
      for (const [idx, k] of Object.entries(ps)) {
        const pn = f.params[Number(idx)];
        if (pn && giveKind(locals[fi] as Record<string, Kind>, pn, k)) {
          if (k === 'table') holdsTable = true;
          changed = true;
        }
      }
    }
    return changed;
  }

  function scannerRound(): boolean {
    let changed = false;
    // Functions that scan for the table (dispatch bytes, vector page, a slot compared) return
    // it; those that only read the IDT or the entry MSR return the syscall entry code.
    for (const [fi, k] of scanners) {
      if (giveKind(returns, (fns[fi] as FnScope).name, k)) changed = true;
    }
    return changed;
  }

  function returnRound(): boolean {
    let changed = false;
    // Function summaries: what they return, and which of them wrap a name lookup.
    for (let ri = 0; ri < valueReturns.length; ri++) {
      const s = valueReturns[ri] as Stmt;
      const f = fns[s.scope] as FnScope;
      const k = kindOf(s.seg, s.start + 1, s.end, s.scope);
      if (k && k !== 'slot' && k !== 'sslot' && k !== 'eslot' && giveKind(returns, f.name, k))
        changed = true;
    }
    return changed;
  }

  function wrapperRound(): boolean {
    let changed = false;
    for (let ci = 0; ci < calls.length; ci++) {
      const c = calls[ci] as Call;
      if (c.scope < 0 || c.args.length === 0) continue;
      const f = fns[c.scope];
      // Without parameters or arguments no call makes its function a wrapper.
      if (!f || f.params.length === 0 || wrappers[f.name] !== undefined) continue;
      const li = lookupIndex(c.seg, c.callee, c.scope);
      if (li < 0) continue;
      const arg = c.args[li];
      if (!arg || arg[1] - arg[0] !== 1) continue;
      const pi = f.params.indexOf(tokText(c.seg, arg[0]));
      if (pi >= 0 && f.name !== tokText(c.seg, c.callee)) {
        wrappers[f.name] = pi;
        kindNames.add(f.name);
        changed = true;
      }
    }
    return changed;
  }

  function nrIndexRound(): boolean {
    let changed = false;
    // A candidate address indexed by a syscall number is the table.
    for (const [si, i] of nrIndexes) {
      const seg = segs[si] as Segment;
      const toks = seg.toks;
      {
        const base = indexBase(seg, i);
        if (base < 0) continue;
        const scope = scopeOf(si, i);
        if (kindOf(si, base, i, scope) !== 'cand') continue;
        const r = strip(seg, base, i).start;
        const bt = toks[r] as Token;
        if (bt.type === 'id') {
          const origin = candOrigin.get(bt.text);
          if (setName(bt.text, 'table', scope, si, r, false)) {
            changed = true;
            confirmed.push(origin ?? { seg: si, tok: r, how: 'moduleParam' });
          }
        } else if (bt.type === 'num' && !confirmed.some((c) => c.seg === si && c.tok === r)) {
          confirmed.push({ seg: si, tok: r, how: 'kernelAddress' });
        }
      }
    }
    return changed;
  }

  function scopeOf(si: number, i: number): number {
    if (si !== 0) return -1;
    for (let f = 0; f < fns.length; f++) {
      const fn = fns[f];
      if (fn && i > fn.bodyStart && i < fn.bodyEnd) return f;
    }
    return -1;
  }

  const touchesTable = holdsTable || census.tableName;

  const exports = exportsOf();
  const namedCalls = namedCallsOf();

  function exportsOf(): ProjectFacts {
    // Built for the first parameter exported (most files export none).
    let codeCallees: Set<string> | null = null;
    const exports = emptyFacts();
    for (const [n, k] of Object.entries(globals))
      if (!st.globals.get(n)?.isStatic) exports.globals[n] = k;
    Object.assign(exports.fields, fields);
    for (let si = 1; si < segs.length; si++) {
      const s = segs[si] as Segment;
      if (s.macro && macros[s.macro.name])
        exports.macros[s.macro.name] = macros[s.macro.name] as Kind;
    }
    for (let fi = 0; fi < fns.length; fi++) {
      const f = fns[fi] as FnScope;
      if (returns[f.name]) exports.returns[f.name] = returns[f.name] as Kind;
      if (wrappers[f.name] !== undefined) exports.wrappers[f.name] = wrappers[f.name] as number;
    }
    // Only calls in code to functions defined elsewhere: a macro body's `hi(sym)` or `FN(x)` is no function.
    for (const [fn, ps] of Object.entries(params)) {
      if (fnByName.has(fn) || macroIsFn.has(fn) || fn.length < 4 || /^[A-Z0-9_]+$/.test(fn))
        continue;
      codeCallees ??= codeCalleesOf();
      if (codeCallees.has(fn)) exports.params[fn] = ps;
    }

    return exports;
  }

  function codeCalleesOf(): Set<string> {
    return new Set(calls.filter((c) => c.seg === 0).map((c) => tokText(0, c.callee)));
  }

  function namedCallsOf(): Set<string> {
    const namedCalls = new Set<string>();
    for (let ci = 0; ci < calls.length; ci++) {
      const c = calls[ci] as Call;
      // Without arguments no call names anything.
      if (c.args.length === 0) continue;
      const name = tokText(c.seg, c.callee);
      if (namedCalls.has(name) || lookupIndex(c.seg, c.callee, c.scope) >= 0) continue;
      if (namesSymbol(c)) namedCalls.add(name);
    }
    return namedCalls;
  }

  /** Whether an argument of `c` spells the table's or an entry symbol's name. */
  function namesSymbol(c: Call): boolean {
    for (let i = 0; i < c.args.length; i++) {
      const arg = c.args[i] as [number, number];
      const sym = symbolOf(c.seg, arg[0], arg[1], c.scope);
      if (sym !== null && (tableSymbol(sym, tableNames) !== null || ENTRY_SYMBOLS.has(sym)))
        return true;
    }
    return false;
  }

  return {
    file,
    st,
    tableNames,
    assigns,
    calls,
    aliases: [...aliases.values()],
    confirmed,
    moduleParams,
    kind: kindOf,
    symbolOf,
    lookupIndex,
    callsTo: (test) => callsNamed(calls, callsByName, test),
    mayHaveKind: (name) => kindNames.has(name),
    exports,
    touchesTable,
    census,
    tableSymbol: (v) => tableSymbol(v, tableNames),
    lookedUp,
    symbolFileReads: readsOnce,
    namedCalls: [...namedCalls],
  };
}

/** The calls (`byName`: indexes by callee name) whose callee's name passes `test`, in order. */
function callsNamed(
  calls: Call[],
  byName: ReadonlyMap<string, number[]>,
  test: (name: string) => boolean,
): Call[] {
  const picked: number[][] = [];
  for (const [name, indexes] of byName) if (test(name)) picked.push(indexes);
  if (picked.length === 0) return [];
  const order = picked.length === 1 ? (picked[0] as number[]) : picked.flat().sort((x, y) => x - y);
  return order.map((ci) => calls[ci] as Call);
}

/**
 * What a file's tokens hold that whole passes look for: an identifier that is a table name, one
 * spelling a syscall number (`__NR_...`), an `asm` keyword, a string naming a symbol file, a
 * token scannerFunctions looks for. One pass over the tokens, where a search of the text for
 * each (a dozen table names) read it all that many times; only tokens can be found by the
 * passes these flags let run.
 */
export interface TokenCensus {
  /** Among all tokens, directives too (touchesTable counts `#ifdef sys_call_table`). */
  tableName: boolean;
  /** In code or a macro body (where the passes look), as `asm`. */
  nrName: boolean;
  /** An `__NR_` identifier that may follow `[` in its segment (`x[__NR_read]`). */
  nrIndex: boolean;
  asm: boolean;
  symbolFile: boolean;
  /** A token that can make a function a scanner (scanners.ts), but `[__NR_` (nrIndex). */
  scanSign: boolean;
  /**
   * Numbers seen, as bits: 1 for 0xff, 2 for 0x14, 4 for 0xc5 or 0x85 (the dispatch bytes), 8
   * for a long one scannerFunctions looks for (see dispatchByte).
   */
  dispatchBytes: number;
}

function censusOf(file: ScannedFile, tableNames: ReadonlySet<string>): TokenCensus {
  const lengths = nameLengths(tableNames);
  const census: TokenCensus = {
    tableName: false,
    nrName: false,
    nrIndex: false,
    asm: false,
    symbolFile: false,
    scanSign: false,
    dispatchBytes: 0,
  };
  const tokens = file.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const type = t.type;
    if (type === 'id') noteIdentifier(census, tokens, i, lengths, tableNames, file.directives);
    else if (type === 'str') noteString(census, t.text);
    else if (type === 'num') census.dispatchBytes |= dispatchByte(t.text);
  }
  // A long number looked for, or all three dispatch bytes (scannerFunctions follows
  // 0xff, 0x14, 0xc5 or 0x85 in turn).
  const bytes = census.dispatchBytes;
  if ((bytes & 8) !== 0 || (bytes & 7) === 7) census.scanSign = true;
  return census;
}

/** The length is tested before the table-name set (no hashing of most identifiers). */
function noteIdentifier(
  census: TokenCensus,
  tokens: Token[],
  i: number,
  lengths: Uint8Array,
  tableNames: ReadonlySet<string>,
  directives: Directive[],
): void {
  const text = (tokens[i] as Token).text;
  if (lengths[Math.min(text.length, 255)] === 1 && tableNames.has(text)) census.tableName = true;
  const c = text.charCodeAt(0);
  if (c === 95) {
    if (text.startsWith('__NR_') && inCode(i, directives))
      noteSyscallNumber(census, tokens, i, directives);
    else if (text === '__asm__' || text === '__asm') census.asm ||= inCode(i, directives);
  } else if (text === 'asm') census.asm ||= inCode(i, directives);
  if (text.length >= 9 && !census.scanSign) census.scanSign = scannerIdentifier(text, c);
}

/**
 * A `__NR_` name in code: an index too after `[`, or after a directive (in the code segment, the
 * token before the directive comes before it).
 */
function noteSyscallNumber(
  census: TokenCensus,
  tokens: Token[],
  i: number,
  directives: Directive[],
): void {
  census.nrName = true;
  if (i === 0) return;
  if (
    (tokens[i - 1] as Token).text === '[' ||
    directiveOf(directives, i - 1) !== directiveOf(directives, i)
  )
    census.nrIndex = true;
}

/** Whether token `i` is in code or a macro body (in a segment), not another directive. */
function inCode(i: number, directives: Directive[]): boolean {
  const d = directiveOf(directives, i);
  return d < 0 || directives[d]?.name === 'define';
}

function noteString(census: TokenCensus, text: string): void {
  if (!census.symbolFile) census.symbolFile = namesSymbolFile(text);
  // SCAN_STRING: `sidt`, or the dispatch bytes written `\xff\x14\xc5`.
  if (!census.scanSign) census.scanSign = text.includes('sidt') || text.includes('\\x14');
}

/** store_idt, native_store_idt, the entry MSRs (SCAN_MSRS, any case): `c` is the first character. */
function scannerIdentifier(text: string, c: number): boolean {
  return text.endsWith('store_idt') || ((c === 77 || c === 109) && SCAN_MSRS.test(text));
}

/**
 * The dispatch byte a number is (its bit in TokenCensus.dispatchBytes), or 8 for an entry MSR
 * (0xc0000082) or one of SCAN_NUMBERS (0xffff0008, 0xe59ff000), which have 7 characters or more.
 * Only four-character numbers are bytes (dispatchStep), `0xff` in any case.
 */
function dispatchByte(text: string): number {
  const n = text.length;
  if (n >= 7) return text.charCodeAt(0) === 48 && scannerNumber(text) ? 8 : 0;
  if (n !== 4 || text.charCodeAt(0) !== 48 || (text.charCodeAt(1) | 32) !== 120) return 0;
  const hi = text.charCodeAt(2) | 32;
  const lo = text.charCodeAt(3) | 32;
  if (hi === 102 && lo === 102) return 1;
  if (hi === 49 && lo === 52) return 2;
  if ((hi === 99 || hi === 56) && lo === 53) return 4;
  return 0;
}

/** An entry MSR's or a SCAN_NUMBERS number (as scannerFunctions tests them), once 0x is known. */
function scannerNumber(text: string): boolean {
  const c = text.charCodeAt(2) | 32;
  if (c !== 99 && c !== 101 && c !== 102) return false;
  return SCAN_MSRS.test(text) || SCAN_NUMBERS.test(text.replace(/[uUlL]+$/, ''));
}

/** A string literal naming /proc/kallsyms or System.map (what symbol-files.ts looks for). */
function namesSymbolFile(text: string): boolean {
  return text.includes('/proc/kallsyms') || text.includes('System.map');
}

/** The names analyzeFile knows a kind, lookup index or return value of before reading a file. */
const WELL_KNOWN_NAMES: readonly string[] = [
  ...LOOKUP_FUNCTIONS,
  ...SYMBOL_ITERATORS.keys(),
  ...PASSTHROUGH,
];

/**
 * Every name that may have a kind, a lookup index or a return value: the table names, the
 * well-known functions, the project's facts, and (added as the analysis gives them) the names
 * of this file. A name outside it has none, so nameKind, lookupIndex and callKind answer for
 * most names (ordinary variables and functions) with one lookup instead of a dozen.
 */
function kindNamesOf(tableNames: ReadonlySet<string>, facts: ProjectFacts): Set<string> {
  const names = new Set<string>(WELL_KNOWN_NAMES);
  for (const n of tableNames) names.add(n);
  for (const store of [facts.globals, facts.macros, facts.returns, facts.wrappers])
    for (const n in store) names.add(n);
  return names;
}

/** The one token of `toks` that is no parenthesis (`(0xc0321560)`), or undefined. */
function onlyToken(toks: Token[]): Token | undefined {
  let only: Token | undefined;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (t.text === '(' || t.text === ')') continue;
    if (only) return undefined;
    only = t;
  }
  return only;
}

/** What a value read from an lvalue is: a table slot holds a syscall's code; other slots nothing. */
function valueKind(k: Kind | null): Kind | null {
  if (k === 'slot') return 'sysfn';
  return k === 'sslot' || k === 'eslot' ? null : k;
}

/** Conversions to the page or physical address holding a value. */
const PAGE_OF = new Set([
  'virt_to_page',
  'virt_to_phys',
  '__pa',
  '__pa_symbol',
  'PAGE_MASK',
  'PAGE_ALIGN',
  'PAGE_SHIFT',
  'offset_in_page',
  'page_address',
]);

/** kallsyms' address-to-name printers: a loop comparing their output searches for a symbol. */
const SYMBOL_PRINTERS = new Set(['sprint_symbol', 'sprint_symbol_no_offset', 'lookup_symbol_name']);
/** Calls that may open a symbol file (symbol-files.ts decides whether they do). */
const FILE_OPENERS = new Set([
  'filp_open',
  'file_open_name',
  'kernel_read_file_from_path',
  'kernel_read_file_from_path_initns',
  'call_usermodehelper',
  'call_usermodehelper_setup',
  'fopen',
  'open',
]);

/** Index of the first `char *` parameter of `f` used in its body, or -1. */
function charPointerParam(seg: Segment, f: FnScope): number {
  const open = seg.match[f.bodyStart - 1] ?? -1;
  if (open < 0) return -1;
  let idx = 0;
  let hasChar = false;
  let hasStar = false;
  for (let i = open + 1; i < f.bodyStart - 1; i++) {
    const t = seg.toks[i] as Token;
    if (t.text === ',') {
      idx++;
      hasChar = false;
      hasStar = false;
    } else if (t.text === 'char') hasChar = true;
    else if (t.text === '*') hasStar = true;
    else if (t.type === 'id' && hasChar && hasStar && t.text === f.params[idx]) {
      for (let j = f.bodyStart; j < f.bodyEnd; j++) if (seg.toks[j]?.text === t.text) return idx;
    }
  }
  return -1;
}
