// The code that runs when a string comparison matched: for `if (!strcmp(name, X)) { ... }` the
// branch body; for `if (strcmp(name, X)) return 0;` the rest of the block after it; for
// `if (strcmp(name, X) != 0) ...; else { ... }` the else branch. Token geometry over the code
// segment only: what the comparison is about is the caller's business.
import type { Segment } from './structure.js';

/** Comparisons that return 0 on a match; the others (strstr, str_has_prefix, ...) are truthy. */
const ZERO_ON_MATCH = new Set(['strcmp', 'strncmp', 'strcasecmp', 'strncasecmp', 'memcmp', 'bcmp']);
const JUMPS = new Set(['return', 'continue', 'break', 'goto']);
const STOPS = new Set([';', '{', '}']);

/**
 * Token range [start, end) of the code run when the comparison called at `callee` (its argument
 * list closing at `close`) matched, or null when that cannot be told (no `if`, an unknown test).
 */
export function matchedRegion(
  seg: Segment,
  callee: number,
  close: number,
): [number, number] | null {
  const toks = seg.toks;
  const name = toks[callee]?.text ?? '';
  // Whether the call's value is true on a match, then whether the `if` is true on a match.
  let trueOnMatch = !ZERO_ON_MATCH.has(name);
  const next = toks[close + 1]?.text;
  const after = toks[close + 2]?.text;
  if (next === '==' || next === '!=') {
    if (after !== '0' && after !== 'NULL') return null;
    trueOnMatch = next === '==' ? !trueOnMatch : trueOnMatch;
  } else if (next !== ')' && next !== '&&' && next !== '||') return null;
  if (toks[callee - 1]?.text === '!') trueOnMatch = !trueOnMatch;
  const open = enclosingIf(seg, callee);
  if (open < 0) return null;
  const body = statementAt(seg, (seg.match[open] ?? -1) + 1);
  if (!body) return null;
  if (trueOnMatch) return body.inner;
  if (toks[body.end]?.text === 'else') return statementAt(seg, body.end + 1)?.inner ?? null;
  // `if (differs) return/continue;`: the match falls through to the rest of the block.
  if (!JUMPS.has(toks[body.inner[0]]?.text ?? '')) return null;
  const block = enclosingBlock(seg, open - 1);
  return block < 0 ? null : [body.end, seg.match[block] ?? toks.length];
}

/** The `(` of the `if` condition holding token `at`, or -1. */
function enclosingIf(seg: Segment, at: number): number {
  const toks = seg.toks;
  let j = at - 1;
  for (let guard = 0; j > 0 && guard < 128; guard++) {
    const t = toks[j]?.text ?? '';
    if (STOPS.has(t)) return -1;
    const m = seg.match[j] ?? -1;
    if ((t === ')' || t === ']') && m >= 0 && m < j) j = m - 1;
    else if (t === '(' && toks[j - 1]?.text === 'if') return m > j ? j : -1;
    else j--;
  }
  return -1;
}

/** The `{` of the block holding token `at`, or -1. */
function enclosingBlock(seg: Segment, at: number): number {
  let j = at;
  for (let guard = 0; j >= 0 && guard < 4096; guard++) {
    const t = seg.toks[j]?.text ?? '';
    const m = seg.match[j] ?? -1;
    if (t === '{') return m > j ? j : -1;
    if ((t === '}' || t === ')' || t === ']') && m >= 0 && m < j) j = m - 1;
    else j--;
  }
  return -1;
}

/** The statement starting at `from`: its inside (a block's, without braces) and its end. */
function statementAt(seg: Segment, from: number): { inner: [number, number]; end: number } | null {
  const toks = seg.toks;
  if (from <= 0 || from >= toks.length) return null;
  if (toks[from]?.text === '{') {
    const m = seg.match[from] ?? -1;
    return m > from ? { inner: [from + 1, m], end: m + 1 } : null;
  }
  let j = from;
  for (let guard = 0; j < toks.length && guard < 512; guard++) {
    const t = toks[j]?.text;
    if (t === ';') return { inner: [from, j + 1], end: j + 1 };
    if (t === '{' || t === '}') return null;
    const m = seg.match[j] ?? -1;
    j = m > j ? m + 1 : j + 1;
  }
  return null;
}
