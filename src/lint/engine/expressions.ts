// Token geometry of C expressions over a segment: call arguments, the base of an indexed
// operand, the extent of an lvalue before an assignment operator and of the value after it.
import type { Token } from '../scan/index.js';
import type { Assign } from './analyze.js';
import { KEYWORDS, type Segment } from './structure.js';

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

export function lvalueStart(seg: Segment, eq: number, min: number): number {
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
      // `*(unsigned long *)data`: a pointer cast between the dereference and the base.
      if (t.type === 'id' && seg.toks[i]?.text === ')' && derefCastBefore(seg, i, min)) {
        i = (seg.match[i] as number) - 1;
        continue;
      }
      // Stop at the first identifier that is not reached through `.`/`->` (the declarator or base).
      const prev = seg.toks[i]?.text;
      if (t.type === 'id' && prev !== '.' && prev !== '->') {
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

/** `*(T *)` ending at `close`: a cast to a pointer type right after a dereference. */
function derefCastBefore(seg: Segment, close: number, min: number): boolean {
  const open = seg.match[close] ?? -1;
  if (open <= min || seg.toks[open - 1]?.text !== '*' || seg.toks[close - 1]?.text !== '*')
    return false;
  for (let j = open + 1; j < close; j++) {
    const t = seg.toks[j] as Token;
    if (t.text !== '*' && (t.type !== 'id' || KEYWORDS.has(t.text))) return false;
  }
  return true;
}

export function lhsShape(
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

export function exprEnd(seg: Segment, from: number, max: number): number {
  let i = from;
  while (i < max) {
    const t = seg.toks[i]?.text;
    if (t === ',' || t === ';' || t === ')' || t === ']' || t === '}') return i;
    const m = seg.match[i] ?? -1;
    i = m > i ? m + 1 : i + 1;
  }
  return max;
}

/** Words that make a lone parenthesised word a type (`(u64)x`), as casts are written. */
const CAST_WORDS =
  /^(unsigned|signed|long|int|short|char|void|const|volatile|struct|union|enum|u8|u16|u32|u64|s8|s16|s32|s64|uint8_t|uint16_t|uint32_t|uint64_t|uintptr_t|size_t|ulong|uint|phys_addr_t|psize_t|sys_call_ptr_t|__user|__force|[A-Za-z_]\w*_t|[A-Za-z_]\w*_fn|[A-Za-z_]\w*_func|[A-Za-z_]\w*_ptr)$/;

/**
 * Whether `(...)` at [open, close] is a cast: type words and `*` only, followed by an operand.
 * A lone word such as `(x)` is a parenthesised value unless it reads as a type (`u64`, `foo_t`).
 */
export function isCastGroup(seg: Segment, open: number, close: number): boolean {
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
