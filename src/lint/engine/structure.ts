// Finds the shape of a scanned file without parsing C fully: code and macro-body segments with
// matched brackets, function bodies, statements, declarations and calls. Every branch of an
// `#if`/`#else` is kept; brace depth is restored at `#else` so duplicated function headers
// (`#if LINUX_VERSION_CODE ...` around two signatures) do not unbalance the file.
import type { Directive, Macro, ScannedFile, Token } from '../scan/index.js';

export interface Segment {
  toks: Token[];
  /** Index of the matching bracket for ( [ { ) ] }, or -1. */
  match: Int32Array;
  /** The macro whose body this is, for macro segments. */
  macro: Macro | null;
}

export interface FnScope {
  name: string;
  /** Token (in the code segment) of the function's name. */
  nameTok: number;
  params: string[];
  bodyStart: number;
  bodyEnd: number;
  locals: Set<string>;
}

export interface Stmt {
  seg: number;
  start: number;
  end: number;
  /** Index into functions, or -1 at file scope (and in macro bodies). */
  scope: number;
}

export interface Structure {
  segs: Segment[];
  fns: FnScope[];
  stmts: Stmt[];
  /** File-scope declared names, with whether each is `static`. */
  globals: Map<string, { isStatic: boolean; tok: number }>;
}

export const KEYWORDS = new Set([
  'if',
  'else',
  'while',
  'for',
  'do',
  'switch',
  'case',
  'default',
  'return',
  'goto',
  'break',
  'continue',
  'sizeof',
  'typeof',
  '__typeof__',
  '__typeof',
  'asm',
  '__asm__',
  '__asm',
  'volatile',
  '__volatile__',
  'defined',
  'alignof',
  '_Alignof',
  '__alignof__',
  'offsetof',
  '_Static_assert',
  'static_assert',
  'BUILD_BUG_ON',
  '__attribute__',
]);

/** Words that may follow a declarator's name without being it. */
const ANNOTATIONS = new Set([
  '__read_mostly',
  '__initdata',
  '__ro_after_init',
  '__user',
  '__iomem',
  '__rcu',
  '__force',
  '__maybe_unused',
  '__aligned',
  '__packed',
  '__percpu',
  '__weak',
  '__visible',
  '__used',
  '__init',
  '__exit',
  '__initconst',
  '__cacheline_aligned',
  '__exitdata',
  '__devinitdata',
  'const',
  'volatile',
  'restrict',
  '__restrict',
  '__always_unused',
  '__section',
  '__attribute__',
  '__page_aligned_data',
  '__nocast',
  '__must_check',
  '__unused',
]);

export function matchBrackets(toks: Token[]): Int32Array {
  const match = new Int32Array(toks.length).fill(-1);
  matchRange(toks, 0, toks.length, match, []);
  return match;
}

/**
 * Matches the brackets of toks[from, to) into `match`, indexed from `from` (a segment's view), its
 * other entries -1 already. `stack` is scratch, empty or not.
 */
function matchRange(
  toks: Token[],
  from: number,
  to: number,
  match: Int32Array,
  stack: number[],
): void {
  stack.length = 0;
  for (let i = from; i < to; i++) {
    const t = (toks[i] as Token).text;
    if (t === '(' || t === '[' || t === '{') stack.push(i);
    else if (t === ')' || t === ']' || t === '}') {
      const open = t === ')' ? '(' : t === ']' ? '[' : '{';
      // Pop to the nearest opener of the same kind; unbalanced input just leaves -1s.
      for (let k = stack.length - 1; k >= 0 && k >= stack.length - 8; k--) {
        const o = stack[k] as number;
        if ((toks[o] as Token).text === open) {
          match[o - from] = i - from;
          match[i - from] = o - from;
          stack.length = k;
          break;
        }
      }
    }
  }
}

function isTypeStart(toks: Token[], i: number, end: number): boolean {
  const t = toks[i];
  const u = toks[i + 1];
  if (!t || !u || i + 1 >= end || t.type !== 'id' || KEYWORDS.has(t.text)) return false;
  if (u.type === 'id') return !KEYWORDS.has(u.text) || u.text === 'volatile';
  if (u.text === '*') return true;
  // `T (*name)(...)`
  return (
    u.text === '(' &&
    toks[i + 2]?.text === '*' &&
    toks[i + 3]?.type === 'id' &&
    toks[i + 4]?.text === ')'
  );
}

/** The name a declarator declares: `(*name)`, else its last identifier before `[`, `(` or `:`. */
export function declaratorName(toks: Token[], start: number, end: number): number {
  for (let i = start; i + 2 < end; i++) {
    if (toks[i]?.text === '(' && toks[i + 1]?.text === '*') {
      let j = i + 1;
      while (j < end && (toks[j]?.text === '*' || ANNOTATIONS.has(toks[j]?.text ?? ''))) j++;
      if (toks[j]?.type === 'id') return j;
    }
  }
  let name = -1;
  for (let i = start; i < end; i++) {
    const t = toks[i] as Token;
    if (t.text === '[' || t.text === '(' || t.text === ':') break;
    if (t.type === 'id' && !ANNOTATIONS.has(t.text)) name = i;
  }
  return name;
}

/** What declaredNames returns for a statement that declares nothing (most do): one shared array. */
const NO_NAMES: readonly number[] = [];

/** Words that may open a declaration before its type (a set: declaredNames runs per statement). */
const DECLARATION_WORDS = new Set([
  'static',
  'extern',
  'const',
  'register',
  'auto',
  'inline',
  '__always_inline',
  'noinline',
]);

/** Declared names of a declaration statement [start, end), or [] when it is none. */
export function declaredNames(
  toks: Token[],
  match: Int32Array,
  start: number,
  end: number,
): readonly number[] {
  let i = start;
  while (i < end && DECLARATION_WORDS.has((toks[i] as Token).text)) i++;
  if (!isTypeStart(toks, i, end)) return NO_NAMES;
  const names: number[] = [];
  let from = i;
  let j = i;
  while (j <= end) {
    const t = toks[j];
    if (j === end || t?.text === ',' || t?.text === '=' || t?.text === ';') {
      const n = declaratorName(toks, from, j);
      if (n >= 0) names.push(n);
      if (t?.text === '=') {
        // Skip the initializer to the next top-level comma.
        while (j < end && toks[j]?.text !== ',') {
          const m = match[j] ?? -1;
          j = m > j ? m + 1 : j + 1;
        }
      }
      from = j + 1;
      j++;
      continue;
    }
    const m = match[j] ?? -1;
    if (m > j && t?.text !== '(') j = m + 1;
    else if (m > j) {
      // `(*name)` declarators and parameter lists: keep scanning inside `(*` forms only.
      j = toks[j + 1]?.text === '*' ? j + 1 : m + 1;
    } else j++;
  }
  return names;
}

/** The directives that open, switch or close a conditional branch. */
const CONDITIONALS = new Set(['if', 'ifdef', 'ifndef', 'else', 'elif', 'endif']);

/** Conditional directives in order, each at the code token it precedes (`at` never decreases). */
interface CondEvents {
  at: number[];
  names: string[];
}

/**
 * The tokens outside directives, and the conditional directives among them (the gate's token
 * check reads the tokens too). Each directive is one run of tokens, so the code is the runs
 * between them: copied without reading a token, into an array made at its final size (a slice,
 * overwritten: no growing by push).
 */
export function codeTokens(file: ScannedFile): { code: Token[]; cond: CondEvents } {
  const tokens = file.tokens;
  const directives = file.directives;
  let size = tokens.length;
  for (let k = 0; k < directives.length; k++) {
    const d = directives[k] as Directive;
    size -= d.end - d.first;
  }
  const code = tokens.slice(0, size);
  const cond: CondEvents = { at: [], names: [] };
  let n = 0;
  let from = 0;
  for (let k = 0; k < directives.length; k++) {
    const d = directives[k] as Directive;
    for (let i = from; i < d.first; i++) code[n++] = tokens[i] as Token;
    if (CONDITIONALS.has(d.name)) {
      cond.at.push(n);
      cond.names.push(d.name);
    }
    from = d.end;
  }
  for (let i = from; i < tokens.length; i++) code[n++] = tokens[i] as Token;
  return { code, cond };
}

/**
 * A segment for each macro body. Their bracket matches are views of one array (most bodies are
 * a few tokens: an array each, filled, cost more than their matching).
 */
function macroSegments(file: ScannedFile, segs: Segment[]): void {
  const macros = file.macros;
  let size = 0;
  for (let k = 0; k < macros.length; k++) {
    const m = macros[k] as Macro;
    size += m.bodyEnd - m.bodyStart;
  }
  const matches = new Int32Array(size).fill(-1);
  const stack: number[] = [];
  let at = 0;
  for (let k = 0; k < macros.length; k++) {
    const m = macros[k] as Macro;
    const n = m.bodyEnd - m.bodyStart;
    const match = matches.subarray(at, at + n);
    at += n;
    matchRange(file.tokens, m.bodyStart, m.bodyEnd, match, stack);
    segs.push({ toks: file.tokens.slice(m.bodyStart, m.bodyEnd), match, macro: m });
  }
}

export function buildStructure(file: ScannedFile): Structure {
  const { code, cond } = codeTokens(file);
  const segs: Segment[] = [{ toks: code, match: matchBrackets(code), macro: null }];
  macroSegments(file, segs);
  const fns: FnScope[] = [];
  const stmts: Stmt[] = [];
  const globals = new Map<string, { isStatic: boolean; tok: number }>();
  splitCode(segs[0] as Segment, cond, fns, stmts, globals);
  for (let s = 1; s < segs.length; s++) splitFlat(segs[s] as Segment, s, stmts);
  return { segs, fns, stmts, globals };
}

function splitFlat(seg: Segment, s: number, stmts: Stmt[]): void {
  let from = 0;
  const toks = seg.toks;
  for (let i = 0; i <= toks.length; i++) {
    const t = toks[i]?.text;
    if (i === toks.length || t === ';' || t === '{' || t === '}') {
      if (i > from) stmts.push({ seg: s, start: from, end: i, scope: -1 });
      from = i + 1;
    }
  }
}

function splitCode(
  seg: Segment,
  cond: CondEvents,
  fns: FnScope[],
  stmts: Stmt[],
  globals: Map<string, { isStatic: boolean; tok: number }>,
): void {
  const toks = seg.toks;
  const match = seg.match;
  let depth = 0;
  let paren = 0;
  let init = 0;
  const stack: Array<{ depth: number; paren: number; init: number }> = [];
  let fn = -1;
  let from = 0;
  // A statement ends at `i`: recorded by a function of its own (no closure over this loop's
  // state, which then stays in registers), the next one starts after it.
  const out: Statements = { toks, match, fns, stmts, globals };
  let nextEvent = 0;
  const events = cond.at.length;
  for (let i = 0; i < toks.length; i++) {
    for (; nextEvent < events && cond.at[nextEvent] === i; nextEvent++) {
      const e = cond.names[nextEvent] as string;
      if (e.startsWith('if')) stack.push({ depth, paren, init });
      else if (e === 'endif') stack.pop();
      else {
        const top = stack[stack.length - 1];
        if (top) {
          ({ depth, paren, init } = top);
          if (depth === 0 && fn >= 0) {
            // The branch opened a function (one of several `#if`'d headers): close it here.
            (fns[fn] as FnScope).bodyEnd = i;
            fn = -1;
            from = i;
          }
        }
      }
    }
    const t = (toks[i] as Token).text;
    if (t === '(') paren++;
    else if (t === ')') paren = Math.max(0, paren - 1);
    else if (t === ';' && paren === 0 && init === 0) {
      statementAt(out, from, i, fn, depth);
      from = i + 1;
    } else if (t === '{') {
      const prev = toks[i - 1]?.text ?? '';
      if (
        init > 0 ||
        prev === '=' ||
        (prev === ')' && paren === 0 && depth > 0 && isCastBefore(toks, match, i - 1))
      ) {
        init++;
        continue;
      }
      if (paren > 0) continue;
      if (depth === 0) {
        const header = from;
        const open = prev === ')' ? (match[i - 1] ?? -1) : -1;
        const nameTok = open > 0 ? open - 1 : -1;
        if (
          nameTok >= 0 &&
          toks[nameTok]?.type === 'id' &&
          !KEYWORDS.has(toks[nameTok]?.text ?? '')
        ) {
          const params = paramNames(toks, match, open, i - 1);
          fns.push({
            name: (toks[nameTok] as Token).text,
            nameTok,
            params,
            bodyStart: i,
            bodyEnd: toks.length,
            locals: new Set(params),
          });
          fn = fns.length - 1;
          // The header is a statement of the function (its parameters), so it stays in scope.
          stmts.push({ seg: 0, start: header, end: i, scope: fn });
          depth = 1;
          from = i + 1;
          continue;
        }
      }
      statementAt(out, from, i, fn, depth);
      from = i + 1;
      depth++;
    } else if (t === '}') {
      if (init > 0) {
        init--;
        continue;
      }
      if (paren > 0) continue;
      statementAt(out, from, i, fn, depth);
      from = i + 1;
      depth = Math.max(0, depth - 1);
      if (depth === 0 && fn >= 0) {
        (fns[fn] as FnScope).bodyEnd = i;
        fn = -1;
      }
    }
  }
  statementAt(out, from, toks.length, fn, depth);
}

/** Where splitCode records statements, and what it reads them from. */
interface Statements {
  toks: Token[];
  match: Int32Array;
  fns: FnScope[];
  stmts: Stmt[];
  globals: Map<string, { isStatic: boolean; tok: number }>;
}

/** Records the statement [from, i) of function `fn` (or file scope), with what it declares. */
function statementAt(out: Statements, from: number, i: number, fn: number, depth: number): void {
  if (i <= from) return;
  const { toks, match } = out;
  out.stmts.push({ seg: 0, start: from, end: i, scope: fn });
  const names = declaredNames(toks, match, from, i);
  if (fn >= 0) {
    const locals = (out.fns[fn] as FnScope).locals;
    for (const n of names) locals.add((toks[n] as Token).text);
  } else if (depth === 0) {
    const isStatic = staticAmong(toks, from, Math.min(i, from + 4));
    for (const n of names) out.globals.set((toks[n] as Token).text, { isStatic, tok: n });
  }
}

function staticAmong(toks: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((toks[i] as Token).text === 'static') return true;
  return false;
}

/** `(struct foo){ ... }` compound literals: the parenthesised group before `{` holds a type. */
function isCastBefore(toks: Token[], match: Int32Array, close: number): boolean {
  const open = match[close] ?? -1;
  if (open < 0) return false;
  const before = toks[open - 1];
  return before?.type !== 'id' || KEYWORDS.has(before.text);
}

function paramNames(toks: Token[], match: Int32Array, open: number, close: number): string[] {
  const names: string[] = [];
  let from = open + 1;
  for (let j = open + 1; j <= close; j++) {
    const t = toks[j]?.text;
    if (j === close || t === ',') {
      const n = declaratorName(toks, from, j);
      if (n >= 0) names.push((toks[n] as Token).text);
      from = j + 1;
      continue;
    }
    const m = match[j] ?? -1;
    if (m > j && toks[j + 1]?.text !== '*') j = m;
  }
  return names;
}
