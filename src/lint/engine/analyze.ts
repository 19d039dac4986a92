// Follows the table through a file: which variables, struct fields, macros and function results
// hold it (or a lookup function, an entry point, a table name), to a fixpoint, seeded with the
// facts other files of the run exported. Rules query the result; nothing here reports.
import type { ScannedFile, Token } from '../scan/index.js';
import { stringValue } from '../scan/index.js';
import { dict, emptyFacts, type Kind, outranks, type ProjectFacts } from './facts.js';
import {
  buildStructure,
  declaredNames,
  type FnScope,
  KEYWORDS,
  type Segment,
  type Structure,
} from './structure.js';
import {
  COPIERS,
  ENTRY_SYMBOLS,
  isKernelAddress,
  LOOKUP_FUNCTIONS,
  PASSTHROUGH,
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
  tableNames: Set<string>;
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
  exports: ProjectFacts;
  touchesTable: boolean;
}

/** `=` and the compound assignments. */
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']);

const CAST_WORDS =
  /^(unsigned|signed|long|int|short|char|void|const|volatile|struct|union|enum|u8|u16|u32|u64|s8|s16|s32|s64|uint8_t|uint16_t|uint32_t|uint64_t|uintptr_t|size_t|ulong|uint|phys_addr_t|psize_t|sys_call_ptr_t|__user|__force|[A-Za-z_]\w*_t|[A-Za-z_]\w*_fn|[A-Za-z_]\w*_func|[A-Za-z_]\w*_ptr)$/;

export function analyzeFile(
  file: ScannedFile,
  tableNames: Set<string>,
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
  const macroIsFn = new Map<string, boolean>();
  const nameValues = new Map<string, string>();

  for (const s of stmts) collect(segs[s.seg] as Segment, s.seg, s.start, s.end, s.scope);

  function collect(seg: Segment, si: number, a: number, b: number, scope: number): void {
    const toks = seg.toks;
    for (let i = a; i < b; i++) {
      const t = toks[i] as Token;
      if (t.type === 'id' && toks[i + 1]?.text === '(' && !KEYWORDS.has(t.text)) {
        const close = seg.match[i + 1] ?? -1;
        if (close > i)
          calls.push({ seg: si, scope, callee: i, args: splitArgs(seg, i + 2, close) });
      } else if (t.type === 'op' && ASSIGN_OPS.has(t.text)) {
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

  for (const c of calls) {
    const name = tokText(c.seg, c.callee);
    if ((name === 'module_param' || name === 'module_param_unsafe') && c.args[0]) {
      moduleParams.add(tokText(c.seg, c.args[0][0]));
    } else if (name === 'module_param_named' && c.args[1]) {
      moduleParams.add(tokText(c.seg, c.args[1][0]));
    }
  }
  for (const m of segs.slice(1)) if (m.macro) macroIsFn.set(m.macro.name, m.macro.params !== null);

  function tokText(seg: number, i: number): string {
    return segs[seg]?.toks[i]?.text ?? '';
  }

  function nameKind(name: string, scope: number): Kind | null {
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
    [a, b] = strip(seg, a, b).range;
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
    const w = wrappers[name];
    if (w !== undefined) return w;
    if (LOOKUP_FUNCTIONS.has(name)) return 0;
    return nameKind(name, scope) === 'lookup' ? 0 : -1;
  }

  function symbolKind(sym: string | null): Kind {
    if (sym === null) return 'kaddr';
    if (tableNames.has(sym)) return 'table';
    if (ENTRY_SYMBOLS.has(sym)) return 'entry';
    return 'kaddr';
  }

  function callKind(si: number, i: number, close: number, scope: number): Kind | null {
    const seg = segs[si] as Segment;
    const name = tokText(si, i);
    const args = splitArgs(seg, i + 2, close);
    const li = lookupIndex(si, i, scope);
    if (li >= 0) {
      const arg = args[li];
      return symbolKind(arg ? symbolOf(si, arg[0], arg[1], scope) : null);
    }
    if (returns[name]) return returns[name] as Kind;
    if (macroIsFn.get(name) || (facts.macros[name] && !macroIsFn.has(name))) {
      const k = macros[name];
      if (k) return k;
    }
    if (PASSTHROUGH.has(name) && args[0]) return kindOf(si, args[0][0], args[0][1], scope);
    return null;
  }

  /** Strips outer parentheses, casts, `&` and `*`, reporting what was stripped. */
  function strip(
    seg: Segment,
    a: number,
    b: number,
  ): { range: [number, number]; addr: boolean; deref: boolean; ptrCast: boolean } {
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
    return { range: [a, b], addr, deref, ptrCast };
  }

  /**
   * Whether `(...)` at [open, close] is a cast: type words and `*` only, followed by an operand.
   * A lone word such as `(x)` is a parenthesised value unless it reads as a type (`u64`, `foo_t`).
   */
  function isCastGroup(seg: Segment, open: number, close: number): boolean {
    if (close - open < 2) return false;
    let words = 0;
    for (let i = open + 1; i < close; i++) {
      const t = seg.toks[i] as Token;
      if (t.text === '*' || t.text === '(' || t.text === ')') continue;
      if (t.type !== 'id' || KEYWORDS.has(t.text)) return false;
      words++;
    }
    const next = seg.toks[close + 1];
    if (!next || words === 0) return false;
    if (words === 1 && close - open === 2 && !CAST_WORDS.test(seg.toks[open + 1]?.text ?? ''))
      return false;
    if (next.type === 'id' || next.type === 'num' || next.type === 'str' || next.text === '(')
      return true;
    return (
      (next.text === '&' || next.text === '*' || next.text === '~' || next.text === '!') &&
      (words > 1 || CAST_WORDS.test(seg.toks[open + 1]?.text ?? ''))
    );
  }

  function kindOf(si: number, a0: number, b0: number, scope: number): Kind | null {
    const seg = segs[si] as Segment;
    const toks = seg.toks;
    const { range, addr, deref, ptrCast } = strip(seg, a0, b0);
    const [a, b] = range;
    if (a >= b) return null;
    const t = toks[a] as Token;
    let k: Kind | null = null;
    let i = a;
    let baseName = '';
    if (t.type === 'str') {
      const sym = symbolOf(si, a, b, scope);
      if (sym === null) return null;
      return tableNames.has(sym) ? 'tname' : ENTRY_SYMBOLS.has(sym) ? 'ename' : null;
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
              : k === 'entry'
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
    if (addr && (k === 'slot' || k === 'sslot' || k === 'eslot'))
      k = k === 'slot' ? 'table' : k === 'sslot' ? 'shadow' : 'entry';
    else if (deref && (k === 'table' || k === 'shadow' || k === 'entry'))
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
    if (!outranks(kind, store[name])) return false;
    store[name] = kind;
    if (
      record &&
      (kind === 'table' || kind === 'shadow' || kind === 'entry') &&
      !aliases.has(`${local ? scope : ''}:${name}`)
    ) {
      aliases.set(`${local ? scope : ''}:${name}`, { seg: si, tok, name, kind });
    }
    return true;
  }

  function assignedValue(asg: Assign): string | null {
    return symbolOf(asg.seg, asg.rhs[0], asg.rhs[1], asg.scope);
  }

  // Kprobes placed on kallsyms_lookup_name: their `.addr` is the lookup function.
  for (const asg of assigns) {
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

  // `x[__NR_...]` sites, found once: the fixpoint below revisits them every round.
  const nrIndexes: Array<[number, number]> = [];
  segs.forEach((seg, si) => {
    const toks = seg.toks;
    for (let i = 1; i < toks.length; i++)
      if (toks[i]?.text === '[' && toks[i + 1]?.text.startsWith('__NR_')) nrIndexes.push([si, i]);
  });
  const scanners = scannerFunctions(segs[0] as Segment, fns, tableNames);
  for (let round = 0; round < 6; round++) {
    let changed = false;
    for (let si = 1; si < segs.length; si++) {
      const seg = segs[si] as Segment;
      const m = seg.macro;
      if (!m) continue;
      const k = kindOf(si, 0, seg.toks.length, -1);
      if (k && outranks(k, macros[m.name])) {
        macros[m.name] = k;
        changed = true;
        if (k === 'tname' || k === 'ename') {
          const sym = symbolOf(si, 0, seg.toks.length, -1);
          if (sym) nameValues.set(m.name, sym);
        }
      }
    }
    for (const asg of assigns) {
      if (asg.op !== '=' || asg.shape === 'other') continue;
      const k = kindOf(asg.seg, asg.rhs[0], asg.rhs[1], asg.scope);
      if (!k || k === 'slot' || k === 'sslot' || k === 'eslot') continue;
      const name = tokText(asg.seg, asg.nameTok);
      if (k === 'tname' || k === 'ename') {
        const sym = assignedValue(asg);
        if (sym) nameValues.set(name, sym);
      }
      if (asg.shape === 'name') {
        if (setName(name, k, asg.scope, asg.seg, asg.nameTok)) changed = true;
        if (k === 'cand' && !candOrigin.has(name)) {
          const rhsFirst = strip(segs[asg.seg] as Segment, asg.rhs[0], asg.rhs[1]).range[0];
          const how =
            segs[asg.seg]?.toks[rhsFirst]?.type === 'num' ? 'kernelAddress' : 'moduleParam';
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
    for (const c of calls) {
      const name = tokText(c.seg, c.callee);
      // memcpy(shadow, table, size): the destination becomes a shadow copy of the table.
      if (COPIERS.has(name) && c.args.length >= 2) {
        const [s0, s1] = c.args as [[number, number], [number, number]];
        if (kindOf(c.seg, s1[0], s1[1], c.scope) === 'table') {
          const dst = strip(segs[c.seg] as Segment, s0[0], s0[1]).range;
          const d = segs[c.seg]?.toks[dst[0]];
          if (d?.type === 'id' && kindOf(c.seg, s0[0], s0[1], c.scope) !== 'table') {
            if (setName(d.text, 'shadow', c.scope, c.seg, dst[0])) changed = true;
          }
        }
      }
      // Values passed to the module's own functions flow into their parameters.
      const targets = fnByName.get(name);
      c.args.forEach(([x, y], idx) => {
        const k = kindOf(c.seg, x, y, c.scope);
        if (!k || k === 'slot' || k === 'sslot' || k === 'eslot' || k === 'tname' || k === 'ename')
          return;
        params[name] ??= dict<Kind>();
        const p = params[name] as Record<string, Kind>;
        if (outranks(k, p[idx])) {
          p[idx] = k;
          changed = true;
        }
        for (const fi of targets ?? []) {
          const pn = fns[fi]?.params[idx];
          if (pn && outranks(k, locals[fi]?.[pn])) {
            (locals[fi] as Record<string, Kind>)[pn] = k;
            changed = true;
          }
        }
      });
    }
    // Parameters the project's other files pass values into.
    fns.forEach((f, fi) => {
      const ps = facts.params[f.name];
      if (!ps) return;
      for (const [idx, k] of Object.entries(ps)) {
        const pn = f.params[Number(idx)];
        if (pn && outranks(k, locals[fi]?.[pn])) {
          (locals[fi] as Record<string, Kind>)[pn] = k;
          changed = true;
        }
      }
    });
    // Functions that scan for the table (IDT, MSR, vector page, dispatch bytes) return it.
    for (const fi of scanners) {
      const f = fns[fi] as FnScope;
      if (returns[f.name] !== 'table') {
        returns[f.name] = 'table';
        changed = true;
      }
    }
    // Function summaries: what they return, and which of them wrap a name lookup.
    for (const s of stmts) {
      if (s.scope < 0) continue;
      const seg = segs[s.seg] as Segment;
      const f = fns[s.scope];
      if (!f) continue;
      if (seg.toks[s.start]?.text === 'return' && s.end > s.start + 1) {
        const k = kindOf(s.seg, s.start + 1, s.end, s.scope);
        if (k && k !== 'slot' && k !== 'sslot' && k !== 'eslot' && outranks(k, returns[f.name])) {
          returns[f.name] = k;
          changed = true;
        }
      }
    }
    for (const c of calls) {
      if (c.scope < 0 || c.args.length === 0) continue;
      const f = fns[c.scope];
      // Without parameters or arguments no call makes its function a wrapper.
      if (!f || f.params.length === 0 || wrappers[f.name] !== undefined) continue;
      const li = lookupIndex(c.seg, c.callee, c.scope);
      const arg = c.args[li];
      if (li < 0 || !arg || arg[1] - arg[0] !== 1) continue;
      const pi = f.params.indexOf(tokText(c.seg, arg[0]));
      if (pi >= 0 && f.name !== tokText(c.seg, c.callee)) {
        wrappers[f.name] = pi;
        changed = true;
      }
    }
    // A candidate address indexed by a syscall number is the table.
    for (const [si, i] of nrIndexes) {
      const seg = segs[si] as Segment;
      const toks = seg.toks;
      {
        const base = indexBase(seg, i);
        if (base < 0) continue;
        const scope = scopeOf(si, i);
        if (kindOf(si, base, i, scope) !== 'cand') continue;
        const r = strip(seg, base, i).range;
        const bt = toks[r[0]] as Token;
        if (bt.type === 'id') {
          const origin = candOrigin.get(bt.text);
          if (setName(bt.text, 'table', scope, si, r[0], false)) {
            changed = true;
            confirmed.push(origin ?? { seg: si, tok: r[0], how: 'moduleParam' });
          }
        } else if (bt.type === 'num' && !confirmed.some((c) => c.seg === si && c.tok === r[0])) {
          confirmed.push({ seg: si, tok: r[0], how: 'kernelAddress' });
        }
      }
    }
    if (!changed) break;
  }

  function scopeOf(si: number, i: number): number {
    if (si !== 0) return -1;
    for (let f = 0; f < fns.length; f++) {
      const fn = fns[f];
      if (fn && i > fn.bodyStart && i < fn.bodyEnd) return f;
    }
    return -1;
  }

  let touchesTable =
    Object.values(globals).includes('table') ||
    locals.some((l) => Object.values(l).includes('table'));
  // A token can only be a table name the text holds.
  if (!touchesTable && [...tableNames].some((n) => file.text.includes(n)))
    touchesTable = file.tokens.some((t) => t.type === 'id' && tableNames.has(t.text));

  const codeCallees = new Set(calls.filter((c) => c.seg === 0).map((c) => tokText(0, c.callee)));
  const exports = emptyFacts();
  for (const [n, k] of Object.entries(globals))
    if (!st.globals.get(n)?.isStatic) exports.globals[n] = k;
  Object.assign(exports.fields, fields);
  for (const s of segs)
    if (s.macro && macros[s.macro.name])
      exports.macros[s.macro.name] = macros[s.macro.name] as Kind;
  for (const f of fns) {
    if (returns[f.name]) exports.returns[f.name] = returns[f.name] as Kind;
    if (wrappers[f.name] !== undefined) exports.wrappers[f.name] = wrappers[f.name] as number;
  }
  // Only calls in code to functions defined elsewhere: a macro body's `hi(sym)` or `FN(x)` is no function.
  for (const [fn, ps] of Object.entries(params)) {
    if (
      fnByName.has(fn) ||
      macroIsFn.has(fn) ||
      fn.length < 4 ||
      /^[A-Z0-9_]+$/.test(fn) ||
      !codeCallees.has(fn)
    )
      continue;
    exports.params[fn] = ps;
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
    exports,
    touchesTable,
  };
}

/** Argument ranges of a call whose arguments run over [from, close). */
export function splitArgs(seg: Segment, from: number, close: number): Array<[number, number]> {
  const args: Array<[number, number]> = [];
  let a = from;
  for (let i = from; i <= close; i++) {
    if (i === close || seg.toks[i]?.text === ',') {
      if (i > a || args.length > 0 || i < close) args.push([a, i]);
      a = i + 1;
      continue;
    }
    const m = seg.match[i] ?? -1;
    if (m > i && m < close) i = m;
  }
  return args;
}

/** Start of the operand indexed by the `[` at `open`: `a`, `a->b`, `((T *)a)`, `f(x)`. */
export function indexBase(seg: Segment, open: number): number {
  let i = open - 1;
  for (let guard = 0; i >= 0 && guard < 64; guard++) {
    const t = seg.toks[i] as Token;
    if (t.text === ')' || t.text === ']') {
      const m = seg.match[i] ?? -1;
      if (m < 0) return -1;
      i = m - 1;
      if (t.text === ')' && seg.toks[i]?.type !== 'id') return m;
      continue;
    }
    if (t.type === 'id') {
      const p = seg.toks[i - 1]?.text;
      if (p === '.' || p === '->') {
        i -= 2;
        continue;
      }
      return i;
    }
    return -1;
  }
  return -1;
}

function lvalueStart(seg: Segment, eq: number, min: number): number {
  let i = eq - 1;
  let start = eq;
  for (let guard = 0; i >= min && guard < 64; guard++) {
    const t = seg.toks[i] as Token;
    if (t.text === ')' || t.text === ']') {
      const m = seg.match[i] ?? -1;
      if (m < min) break;
      start = m;
      i = m - 1;
      continue;
    }
    if (t.type === 'id' || t.text === '.' || t.text === '->' || t.text === '*') {
      if (t.type === 'id' && KEYWORDS.has(t.text)) break;
      start = i;
      i--;
      // Stop at the first identifier that is not reached through `.`/`->` (the declarator or base).
      if (t.type === 'id' && !/^(\.|->)$/.test(seg.toks[i]?.text ?? '')) {
        // `type *name = ...`: keep the declaration's type words out of the lvalue.
        while (seg.toks[i]?.text === '*' && i >= min) {
          const before = seg.toks[i - 1];
          if (before && (before.type === 'id' || before.text === '*')) break;
          start = i;
          i--;
        }
        break;
      }
      continue;
    }
    break;
  }
  return start;
}

function lhsShape(
  seg: Segment,
  a: number,
  eq: number,
): { nameTok: number; shape: Assign['shape'] } {
  const last = seg.toks[eq - 1];
  if (last?.type !== 'id') return { nameTok: -1, shape: 'other' };
  const before = seg.toks[eq - 2]?.text;
  if (before === '.' || before === '->') return { nameTok: eq - 1, shape: 'field' };
  if (eq - 1 === a) return { nameTok: eq - 1, shape: 'name' };
  return { nameTok: -1, shape: 'other' };
}

function exprEnd(seg: Segment, from: number, max: number): number {
  let i = from;
  while (i < max) {
    const t = seg.toks[i]?.text;
    if (t === ',' || t === ';' || t === ')' || t === ']' || t === '}') return i;
    const m = seg.match[i] ?? -1;
    i = m > i ? m + 1 : i + 1;
  }
  return max;
}

export const SCAN_NUMBERS = /^0x(ffff0008|e59ff000|e59ff)$/i;
export const SCAN_MSRS = /^(MSR_LSTAR|MSR_CSTAR|MSR_IA32_SYSENTER_EIP|0xc000008[23])$/i;

/**
 * Functions whose body locates the table without its name — `sidt`, store_idt, the entry MSR,
 * ARM's vector page, the dispatch instruction bytes — and return a value: what they return is
 * the table.
 */
function scannerFunctions(seg: Segment, fns: FnScope[], tableNames: Set<string>): number[] {
  const out: number[] = [];
  fns.forEach((f, fi) => {
    let scans = false;
    let returns = false;
    let dispatch = 0;
    for (let i = f.bodyStart; i < f.bodyEnd; i++) {
      const t = seg.toks[i] as Token;
      if (t.text === 'return' && seg.toks[i + 1]?.text !== ';') returns = true;
      if (t.type === 'str' && /\bsidt\b|\\x[fF]{2}\\x14\\x(c5|C5|85)/.test(t.text)) scans = true;
      else if (
        t.type === 'id' &&
        t.text.length >= 9 &&
        (/^(native_)?store_idt$/.test(t.text) || SCAN_MSRS.test(t.text))
      )
        scans = true;
      else if (
        t.type === 'num' &&
        t.text.length >= 7 &&
        (SCAN_NUMBERS.test(t.text.replace(/[uUlL]+$/, '')) || SCAN_MSRS.test(t.text))
      )
        scans = true;
      else if (t.type === 'num') {
        // Only four-character numbers (0xff, 0x14, 0xc5, 0x85) advance the match.
        const v = t.text.length === 4 ? t.text.toLowerCase() : '';
        dispatch =
          v === '0xff'
            ? 1
            : dispatch === 1 && v === '0x14'
              ? 2
              : dispatch === 2 && (v === '0xc5' || v === '0x85')
                ? 3
                : dispatch === 3
                  ? 3
                  : seg.toks[i - 1]?.text === '['
                    ? dispatch
                    : 0;
        if (dispatch === 3) scans = true;
      } else if (t.type === 'id' && t.text.startsWith('__NR_') && seg.toks[i - 1]?.text === '[') {
        // A slot compared with a syscall's address: the walked pointer is the table.
        const close = seg.match[i - 1] ?? -1;
        const op = seg.toks[close + 1]?.text;
        if (
          (op === '==' || op === '!=') &&
          seg.toks
            .slice(close + 2, close + 8)
            .some((x) => x.type === 'id' && /k?sys_\w+$/.test(x.text) && !tableNames.has(x.text))
        )
          scans = true;
      }
    }
    if (scans && returns) out.push(fi);
  });
  return out;
}
