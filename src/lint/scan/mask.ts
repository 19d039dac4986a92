// Masks what C code does not execute: comments, the insides of string and character literals,
// and `#if 0` blocks become spaces, keeping every offset and newline, so later passes can work
// on plain tokens and still report exact lines and columns. Never throws, whatever the input.

export interface Span {
  start: number;
  end: number;
}

export interface MaskedSource {
  /** Same length as the input; masked characters are spaces, newlines are kept. */
  masked: string;
  /** Comments, delimiters included (offsets into the input). */
  comments: Span[];
  /** String literals, quotes included. Their insides are masked. */
  strings: Span[];
  /** Character literals, quotes included. */
  chars: Span[];
  /** Regions removed by `#if 0` (whole lines). */
  deadBlocks: Span[];
}

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const DQUOTE = 34;
const SQUOTE = 39;
const HASH = 35;

/**
 * Characters that matter after a line's first token: a line break, a comment's slash, quotes
 * (a `#` there opens no directive; blanks and everything else are skipped).
 */
const STOPS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (const c of [NL, SLASH, DQUOTE, SQUOTE]) t[c] = 1;
  return t;
})();

function stops(c: number): boolean {
  return c < 128 && STOPS[c] === 1;
}

/** The first offset from `i` whose character stops (or the end): one call for a line's run. */
function nextStop(text: string, i: number): number {
  const n = text.length;
  let k = i;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c < 128 && STOPS[c] === 1) break;
    k++;
  }
  return k;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === 12 || c === 11;
}

/** Offset just past the end of the physical line that holds `i` (after its newline). */
function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n + 1;
}

/** Reads a directive at `i` (the `#`): its name, and where the name ends. */
function directiveAt(text: string, i: number): { name: string; nameEnd: number } {
  let j = i + 1;
  while (j < text.length && isBlank(text.charCodeAt(j))) j++;
  let k = j;
  while (k < text.length && isNameChar(text.charCodeAt(k))) k++;
  return { name: text.slice(j, k), nameEnd: k };
}

/** A letter or `_`: what a directive's name is made of. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/**
 * The text from `k` to the end of its line: a condition, copied only for `#if` and `#elif`
 * (a copy for every directive was 3% of what the whole analysis allocated).
 */
function restOfLine(text: string, k: number): string {
  const end = text.indexOf('\n', k);
  return text.slice(k, end < 0 ? text.length : end);
}

/** `#if 0`, `#if (0)`, `#elif 0`, with a trailing comment allowed. */
function isFalseCondition(rest: string): boolean {
  const expr = rest
    .replace(/\/\*.*?\*\//g, ' ')
    .replace(/\/\/.*$/, '')
    .trim();
  return /^\(?\s*0[uUlL]*\s*\)?$/.test(expr);
}

export function maskSource(text: string): MaskedSource {
  return maskRegions(text).source;
}

/**
 * The masked source and its blanked regions: sorted, disjoint `[start, end)` pairs, flat. The
 * tokenizer reads the original text and skips these, so the masked copy is built only if read.
 */
export function maskRegions(text: string): { source: MaskedSource; regions: number[] } {
  const comments: Span[] = [];
  const strings: Span[] = [];
  const chars: Span[] = [];
  const deadBlocks: Span[] = [];
  const regions: number[] = [];
  const n = text.length;
  const cond: Conditionals = { stack: [], dead: false, deadStart: 0 };
  let atLineStart = true;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!atLineStart && !stops(c)) {
      // Within a line, only these characters change anything: skip the rest in a tight loop.
      i = nextStop(text, i + 1);
      if (i >= n) break;
      c = text.charCodeAt(i);
    }
    if (c === NL) {
      atLineStart = true;
      i++;
      continue;
    }
    if (isBlank(c) || c === CR) {
      i++;
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      comments.push({ start: i, end });
      addRegion(regions, i, end);
      i = end;
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      const j = lineCommentEnd(text, i + 2);
      comments.push({ start: i, end: j });
      addRegion(regions, i, j);
      i = j;
      continue;
    }
    if (c === HASH && atLineStart) {
      atLineStart = false;
      followDirective(text, i, cond, deadBlocks, regions);
      i++;
      continue;
    }
    atLineStart = false;
    // Dead code holds no literals (one test, no branch of its own: see followDirective).
    if (!cond.dead && (c === DQUOTE || c === SQUOTE)) {
      const end = literalEnd(text, i, c);
      if (end > 0) {
        (c === DQUOTE ? strings : chars).push({ start: i, end });
        if (end - i > 2) addRegion(regions, i + 1, end - 1);
        i = end;
        continue;
      }
    }
    i++;
  }
  if (cond.dead) endDeadCode(cond, n, deadBlocks, regions);
  let masked: string | null = null;
  const source: MaskedSource = {
    get masked(): string {
      masked ??= applyBlanks(text, regions);
      return masked;
    },
    comments,
    strings,
    chars,
    deadBlocks,
  };
  return { source, regions };
}

/** End (exclusive) of the line comment whose text starts at `i`: a newline not escaped ends it. */
function lineCommentEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    const nl = text.indexOf('\n', j);
    if (nl < 0) return text.length;
    let k = nl - 1;
    if (text.charCodeAt(k) === CR) k--;
    if (text.charCodeAt(k) !== BACKSLASH) return nl;
    j = nl + 1;
  }
}

/**
 * The `#if` nesting as the masker reads it, and whether the code it reads is dead (`#if 0`).
 * Updated by functions of their own, called for every directive: the masker's loop stays small,
 * and the rare branches (the first `#elif`, the first dead block) deopt those functions only.
 */
interface Conditionals {
  /** Per open `#if`: DEAD_BRANCH (its current branch is dead) and OUTER_DEAD (so was the code around it). */
  stack: number[];
  dead: boolean;
  /** Where the dead code began, while `dead`. */
  deadStart: number;
}
const DEAD_BRANCH = 1;
const OUTER_DEAD = 2;

/** Follows the directive whose `#` is at `i`: an `#if`, `#elif`, `#else` or `#endif` may open or end dead code. */
function followDirective(
  text: string,
  i: number,
  cond: Conditionals,
  deadBlocks: Span[],
  regions: number[],
): void {
  const { name, nameEnd } = directiveAt(text, i);
  if (name === 'if' || name === 'ifdef' || name === 'ifndef') {
    const falseBranch = name === 'if' && isFalseCondition(restOfLine(text, nameEnd));
    cond.stack.push((falseBranch ? DEAD_BRANCH : 0) | (cond.dead ? OUTER_DEAD : 0));
    if (!cond.dead && falseBranch) startDeadCode(cond, lineEnd(text, i));
  } else if (name === 'elif' || name === 'else') {
    const at = cond.stack.length - 1;
    const top = cond.stack[at];
    // Inside dead code a branch revives nothing.
    if (top === undefined || (top & OUTER_DEAD) !== 0) return;
    const wasDead = (top & DEAD_BRANCH) !== 0;
    const nowDead = name === 'elif' && isFalseCondition(restOfLine(text, nameEnd));
    if (wasDead && !nowDead) endDeadCode(cond, i, deadBlocks, regions);
    else if (!wasDead && nowDead) startDeadCode(cond, lineEnd(text, i));
    cond.stack[at] = nowDead ? DEAD_BRANCH : 0;
  } else if (name === 'endif') {
    const top = cond.stack.pop();
    if (top !== undefined && (top & OUTER_DEAD) === 0 && (top & DEAD_BRANCH) !== 0)
      endDeadCode(cond, i, deadBlocks, regions);
  }
}

function startDeadCode(cond: Conditionals, start: number): void {
  cond.dead = true;
  cond.deadStart = start;
}

/** Ends the dead code at `end`: a dead block, and a region that covers what was found in it. */
function endDeadCode(cond: Conditionals, end: number, deadBlocks: Span[], regions: number[]): void {
  deadBlocks.push({ start: cond.deadStart, end });
  addDeadRegion(regions, cond.deadStart, end);
  cond.dead = false;
}

/** Appends `[start, end)` to the regions, merged with the last one if they overlap or touch. */
function addRegion(regions: number[], start: number, end: number): void {
  const k = regions.length;
  if (k > 0 && start <= (regions[k - 1] as number)) {
    if (end > (regions[k - 1] as number)) regions[k - 1] = end;
    return;
  }
  regions.push(start, end);
}

/**
 * Appends a dead block: the comments found inside it (the masker still reads them) are dropped
 * first, as the block covers them; one that opened on the `#if 0` line may overlap it.
 */
function addDeadRegion(regions: number[], start: number, end: number): void {
  while (regions.length > 0 && (regions[regions.length - 2] as number) >= start)
    regions.length -= 2;
  addRegion(regions, start, end);
}

/**
 * End (exclusive) of the literal opening at `i`, or -1 when it is no literal: a string runs to
 * its closing quote or, unterminated, to the end of the line; a character literal must close on
 * the same line within a few characters (a lone apostrophe in `#error don't` is no literal).
 */
export function literalEnd(text: string, i: number, quote: number): number {
  const limit = quote === SQUOTE ? Math.min(text.length, i + 12) : text.length;
  let j = i + 1;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) {
      j += 2;
      continue;
    }
    if (c === quote) return j + 1;
    if (c === NL) {
      // A backslash-newline continues; any other newline ends an unterminated literal.
      return quote === DQUOTE ? j : -1;
    }
    j++;
  }
  return quote === DQUOTE ? text.length : -1;
}

let spaces = ' '.repeat(256);

/** `n` spaces (slices of one shared string: most blanked spans hold no line break). */
function spacesOf(n: number): string {
  while (spaces.length < n) spaces += spaces;
  return spaces.slice(0, n);
}

/** The text with the regions (sorted, disjoint) blanked: spaces, keeping line breaks. */
function applyBlanks(text: string, regions: number[]): string {
  if (regions.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (let r = 0; r < regions.length; r += 2) {
    const start = regions[r] as number;
    const end = regions[r + 1] as number;
    parts.push(text.slice(at, start));
    // Runs between breaks are slices of one string of spaces.
    let run = start;
    for (let j = start; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c !== NL && c !== CR) continue;
      if (j > run) parts.push(spacesOf(j - run));
      parts.push(c === NL ? '\n' : '\r');
      run = j + 1;
    }
    if (end > run) parts.push(spacesOf(end - run));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
