// The gate's byte-level check of the one token condition the hints often leave open alone: a
// slot compared with a syscall (gate-tokens.ts slotNeeds). Read from the masked text (comments,
// literals' insides and `#if 0` blocks blanked) instead of tokens, so that a file whose
// `__NR_` and `sys_` never face each other across a comparison is dropped without being
// tokenized. It errs one way only: where the text does not read the simple way (brackets that
// do not pair up, an operand running off the text), it says the compare may be there.
import { isIdPart, isTokenGap } from '../scan/chars.js';
import { maskSource } from '../scan/index.js';

const NL = 10;
const CR = 13;
const BACKSLASH = 92;
const HASH = 35;
const DQUOTE = 34;
const SQUOTE = 39;
/** A bracket's partner, by character code: `(`/`)`, `[`/`]`, `{`/`}`. */
const PARTNER: Record<number, number> = { 40: 41, 41: 40, 91: 93, 93: 91, 123: 125, 125: 123 };
/** How many tokens past a comparison the scanner form (`x[__NR_a] == ...sys_...`) looks. */
const SCANNER_REACH = 6;
/**
 * Characters the operands of all comparisons may take, per character of the text, before the
 * check gives up (and says yes): it stays linear however the comparisons nest.
 */
const STEPS_PER_CHAR = 8;

/**
 * Whether some comparison may have `__NR_...` on one side and a syscall's name on the other, as
 * slotCompares reads one, or be the scanner form: `__NR_` on its left and `sys_` within six
 * tokens on its right. An operand here runs from the comparison to a `;`, `{` or `}` outside
 * brackets, or to a bracket left open: wider than operandSide's, which stops at more. A
 * directive, whose macro body is a segment of its own, counts when it holds all three.
 */
export function slotComparePossible(text: string): boolean {
  const code = maskSource(text).masked;
  const nr = places(code, '__NR_', true);
  const sys = places(code, 'sys_', false);
  if (nr.length === 0 || sys.length === 0) return false;
  const directive = directiveLines(code);
  const budget = { steps: STEPS_PER_CHAR * code.length + 65536 };
  // Each `=` after `=` or `!` closes a comparison operator (`===` reads as two: more, not less).
  for (let eq = code.indexOf('=', 1); eq >= 0; eq = code.indexOf('=', eq + 1)) {
    const first = code.charCodeAt(eq - 1);
    if (first !== 61 && first !== 33) continue;
    const op = eq - 1;
    if (directive[op] === 1) {
      const [from, to] = directiveAround(directive, op);
      if (within(nr, from, to) && within(sys, from, to)) return true;
      continue;
    }
    const left = operandEnd(code, directive, op - 1, -1, budget);
    const right = operandEnd(code, directive, op + 2, 1, budget);
    if (left === null || right === null) return true;
    const leftNr = within(nr, left + 1, op);
    if (leftNr && within(sys, op + 2, right)) return true;
    if (within(nr, op + 2, right) && within(sys, left + 1, op)) return true;
    if (leftNr && within(sys, op + 2, tokensEnd(code, directive, op + 2, SCANNER_REACH, budget)))
      return true;
  }
  return false;
}

/**
 * Per character, 1 on a directive line (a `#` first on its line, on to a line end that no
 * backslash continues), as the tokenizer takes directives out of the code. A line continuing
 * another (a backslash before its break) starts no directive, whatever it starts with.
 */
function directiveLines(code: string): Uint8Array {
  const n = code.length;
  const marks = new Uint8Array(n);
  let lineStart = 0;
  while (lineStart < n) {
    let k = lineStart;
    while (k < n && code.charCodeAt(k) !== NL && isTokenGap(code.charCodeAt(k))) k++;
    // The logical line: on through continued lines (a backslash right before the break).
    let end = code.indexOf('\n', lineStart);
    if (end < 0) end = n;
    while (end < n && continues(code, end)) {
      const next = code.indexOf('\n', end + 1);
      end = next < 0 ? n : next;
    }
    if (k < n && code.charCodeAt(k) === HASH) marks.fill(1, lineStart, end);
    lineStart = end + 1;
  }
  return marks;
}

/** Whether the line break at `nl` is continued: `\` before it, or `\` and a carriage return. */
function continues(code: string, nl: number): boolean {
  const prev = code.charCodeAt(nl - 1);
  return prev === BACKSLASH || (prev === CR && code.charCodeAt(nl - 2) === BACKSLASH);
}

/** The directive line (continued) holding `at`: its start and end. */
function directiveAround(directive: Uint8Array, at: number): [number, number] {
  let from = at;
  while (from > 0 && directive[from - 1] === 1) from--;
  let to = at;
  while (to < directive.length && directive[to] === 1) to++;
  return [from, to];
}

/**
 * The end of the operand from `i` on in direction `dir`: the index of the `;`, `{`, `}` or open
 * bracket that bounds it (-1 or the text's length at its ends), brackets on the way skipped in
 * pairs and directive lines passed over. Null when brackets do not pair up so, or when
 * `budget` is spent.
 */
function operandEnd(
  code: string,
  directive: Uint8Array,
  from: number,
  dir: 1 | -1,
  budget: { steps: number },
): number | null {
  const stack: number[] = [];
  let i = from;
  for (; i >= 0 && i < code.length; i += dir) {
    // Operands spanning much of the text, again and again (a table in one expression): unsure,
    // rather than slow.
    if (--budget.steps < 0) return null;
    if (directive[i] === 1) continue;
    const c = code.charCodeAt(i);
    if (stack.length === 0 && (c === 59 || c === 123 || c === 125)) return i;
    const opens = dir === 1 ? c === 40 || c === 91 || c === 123 : c === 41 || c === 93 || c === 125;
    const closes =
      dir === 1 ? c === 41 || c === 93 || c === 125 : c === 40 || c === 91 || c === 123;
    if (opens) stack.push(c);
    else if (closes) {
      if (stack.length === 0) return i;
      if (PARTNER[stack.pop() as number] !== c) return null;
    }
  }
  return stack.length === 0 ? i : null;
}

/** Where `word` starts in `code`, in order (only at an identifier's start if `atStart`). */
function places(code: string, word: string, atStart: boolean): number[] {
  const out: number[] = [];
  for (let k = code.indexOf(word); k >= 0; k = code.indexOf(word, k + 1))
    if (!atStart || k === 0 || !isIdPart(code.charCodeAt(k - 1))) out.push(k);
  return out;
}

/** Whether one of `at` (sorted places) starts in [from, to): the bounds are no word's characters. */
function within(at: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length && (at[lo] as number) < to;
}

/**
 * Where `count` tokens from `from` end at the latest: runs of identifier characters and dots,
 * a quoted literal, or runs of other characters each count as one (each is one token or
 * more), directive lines passed over.
 */
function tokensEnd(
  code: string,
  directive: Uint8Array,
  from: number,
  count: number,
  budget: { steps: number },
): number {
  const n = code.length;
  let i = from;
  for (let k = 0; k < count; k++) {
    // Long runs past many comparisons: as far as the text goes (more text, not less).
    if (budget.steps < 0) return n;
    const runStart = i;
    // What the tokenizer skips: blanks, directive lines, and backslashes (a line continuation,
    // or a stray one, is no token).
    while (i < n && (isGapOrBackslash(code.charCodeAt(i)) || directive[i] === 1)) i++;
    if (i >= n) return n;
    const c = code.charCodeAt(i);
    if (isIdPart(c) || c === 46) {
      while (i < n && (isIdPart(code.charCodeAt(i)) || code.charCodeAt(i) === 46)) i++;
    } else if (c === DQUOTE || c === SQUOTE) {
      // The masked insides are blanks: on to the same quote, line breaks included.
      const close = code.indexOf(String.fromCharCode(c), i + 1);
      i = close < 0 ? n : close + 1;
    } else {
      while (i < n) {
        const d = code.charCodeAt(i);
        if (isGapOrBackslash(d) || isIdPart(d) || d === 46 || d === DQUOTE || d === SQUOTE) break;
        i++;
      }
    }
    budget.steps -= i - runStart;
  }
  return i;
}

function isGapOrBackslash(c: number): boolean {
  return isTokenGap(c) || c === BACKSLASH;
}
