// The masker as it was before it skipped runs of ordinary characters and blanked lazily: the
// scanner's tests check the masker against it.
import type { MaskedSource, Span } from '../../../../src/lint/scan/mask.js';

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

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === 12 || c === 11;
}

/** Offset just past the end of the physical line that holds `i` (after its newline). */
function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n + 1;
}

/** Reads a directive at `i` (the `#`): its name and the text up to the end of the line. */
function directiveAt(text: string, i: number): { name: string; rest: string } {
  let j = i + 1;
  while (j < text.length && isBlank(text.charCodeAt(j))) j++;
  let k = j;
  while (k < text.length && /[A-Za-z_]/.test(text[k] as string)) k++;
  const end = text.indexOf('\n', k);
  return { name: text.slice(j, k), rest: text.slice(k, end < 0 ? text.length : end) };
}

/** `#if 0`, `#if (0)`, `#elif 0`, with a trailing comment allowed. */
function isFalseCondition(rest: string): boolean {
  const expr = rest
    .replace(/\/\*.*?\*\//g, ' ')
    .replace(/\/\/.*$/, '')
    .trim();
  return /^\(?\s*0[uUlL]*\s*\)?$/.test(expr);
}

export function referenceMask(text: string): MaskedSource {
  const comments: Span[] = [];
  const strings: Span[] = [];
  const chars: Span[] = [];
  const deadBlocks: Span[] = [];
  const blank: Span[] = [];
  const n = text.length;
  // Conditional stack: for each open #if, whether its current branch is dead and whether
  // that dead branch started the block (so #else/#elif revive it).
  const stack: Array<{ dead: boolean; outerDead: boolean }> = [];
  let dead = false;
  let deadStart = 0;
  let atLineStart = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
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
      blank.push({ start: i, end });
      i = end;
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      // A line comment ends at a newline not escaped by a backslash.
      let j = i + 2;
      for (;;) {
        const nl = text.indexOf('\n', j);
        if (nl < 0) {
          j = n;
          break;
        }
        let k = nl - 1;
        if (text.charCodeAt(k) === CR) k--;
        if (text.charCodeAt(k) === BACKSLASH) {
          j = nl + 1;
          continue;
        }
        j = nl;
        break;
      }
      comments.push({ start: i, end: j });
      blank.push({ start: i, end: j });
      i = j;
      continue;
    }
    if (c === HASH && atLineStart) {
      atLineStart = false;
      const { name, rest } = directiveAt(text, i);
      if (name === 'if' || name === 'ifdef' || name === 'ifndef') {
        const falseBranch = name === 'if' && isFalseCondition(rest);
        stack.push({ dead: falseBranch, outerDead: dead });
        if (!dead && falseBranch) {
          dead = true;
          deadStart = lineEnd(text, i);
        }
      } else if (name === 'elif' || name === 'else') {
        const top = stack[stack.length - 1];
        if (top && !top.outerDead) {
          const nowDead = name === 'elif' && isFalseCondition(rest);
          if (top.dead && !nowDead) {
            deadBlocks.push({ start: deadStart, end: i });
            dead = false;
          } else if (!top.dead && nowDead) {
            dead = true;
            deadStart = lineEnd(text, i);
          }
          top.dead = nowDead;
        }
      } else if (name === 'endif') {
        const top = stack.pop();
        if (top && !top.outerDead && top.dead) {
          deadBlocks.push({ start: deadStart, end: i });
          dead = false;
        }
      }
      i++;
      continue;
    }
    atLineStart = false;
    if (dead) {
      i++;
      continue;
    }
    if (c === DQUOTE || c === SQUOTE) {
      const end = literalEnd(text, i, c);
      if (end > 0) {
        (c === DQUOTE ? strings : chars).push({ start: i, end });
        if (end - i > 2) blank.push({ start: i + 1, end: end - 1 });
        i = end;
        continue;
      }
    }
    i++;
  }
  if (dead) deadBlocks.push({ start: deadStart, end: n });
  for (const d of deadBlocks) blank.push(d);
  return { masked: applyBlanks(text, blank), comments, strings, chars, deadBlocks };
}

/**
 * End (exclusive) of the literal opening at `i`, or -1 when it is no literal: a string runs to
 * its closing quote or, unterminated, to the end of the line; a character literal must close on
 * the same line within a few characters (a lone apostrophe in `#error don't` is no literal).
 */
function literalEnd(text: string, i: number, quote: number): number {
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

function applyBlanks(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    const start = Math.max(s.start, at);
    if (s.end <= start) continue;
    parts.push(text.slice(at, start));
    // Spaces, keeping line breaks: runs between breaks are slices of one string of spaces.
    let run = start;
    for (let j = start; j < s.end; j++) {
      const c = text.charCodeAt(j);
      if (c !== NL && c !== CR) continue;
      if (j > run) parts.push(spacesOf(j - run));
      parts.push(c === NL ? '\n' : '\r');
      run = j + 1;
    }
    if (s.end > run) parts.push(spacesOf(s.end - run));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
