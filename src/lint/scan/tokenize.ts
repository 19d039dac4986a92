// Splits masked C text into tokens (identifiers, numbers, string and character literals,
// punctuators) and finds the preprocessor directives among them (each a run of tokens). Literal
// values are read from the original text, since the masked copy blanks their insides.

import {
  hexValue,
  idPartEnd,
  isDigit,
  isHex,
  isIdStart,
  isOctal,
  isTokenGap,
  numberEnd,
} from './chars.js';
import type { MaskedSource, Span } from './mask.js';

export type TokenType = 'id' | 'num' | 'str' | 'chr' | 'op';

/**
 * Three fields, no more: a file's tokens (1.5 million in a kernel-tree run) live until its
 * analysis ends, so each field costs its young-generation collections a word per token. The
 * end is tokenEnd's; the directive a token belongs to, directiveOf's.
 */
export interface Token {
  type: TokenType;
  /** The token's text, as it stands in the source; for literals, with their quotes. */
  text: string;
  start: number;
}

export interface Directive {
  /** `define`, `include`, `if`, `ifdef`, `else`, ...; '' for a null directive. */
  name: string;
  /** Token index of the `#` and one past the directive's last token. */
  first: number;
  end: number;
  start: number;
}

const PUNCT3 = new Set(['<<=', '>>=', '...']);
const PUNCT2 = new Set([
  '->',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '##',
]);

/**
 * Every punctuator's text by its first character (an array indexed by the character code, not a
 * map: about half of all tokens are punctuators): three-, two-, then one-character forms.
 */
const PUNCT_BY_FIRST: Array<string[] | undefined> = (() => {
  const byFirst: Array<string[] | undefined> = new Array(128).fill(undefined);
  for (const p of [...PUNCT3, ...PUNCT2]) {
    const list = byFirst[p.charCodeAt(0)] ?? [];
    list.push(p);
    byFirst[p.charCodeAt(0)] = list;
  }
  for (const list of byFirst) list?.sort((a, b) => b.length - a.length);
  return byFirst;
})();
const SINGLE: string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** The punctuator at `i` (first character `c`): the longest of PUNCT3, PUNCT2, else one character. */
function punctuatorAt(m: string, i: number, c: number): string {
  if (c >= 128) return m.slice(i, i + 1);
  const longer = PUNCT_BY_FIRST[c];
  if (longer !== undefined) {
    for (const p of longer) {
      let k = 1;
      while (k < p.length && m.charCodeAt(i + k) === p.charCodeAt(k)) k++;
      if (k === p.length) return p;
    }
  }
  return SINGLE[c] as string;
}

/** Offset just past the token. */
export function tokenEnd(t: Token): number {
  return t.start + t.text.length;
}

/** The index of the directive (in `directives`) that token `i` belongs to, or -1 in code. */
export function directiveOf(directives: readonly Directive[], i: number): number {
  // The last directive starting at `i` or before, by bisection (they are in token order).
  let lo = 0;
  let hi = directives.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((directives[mid] as Directive).first <= i) lo = mid + 1;
    else hi = mid;
  }
  const d = lo - 1;
  return d >= 0 && i < (directives[d] as Directive).end ? d : -1;
}

/**
 * Tokens and directives of `text`, as read from its masked copy (`source.masked`) — but read
 * from the text itself, skipping the blanked `regions` (maskRegions): a region reads as blanks,
 * and as one line break if it holds any. No region starts inside a token (comments open with
 * `/`, literal insides follow a quote, dead blocks start a line), so only the loop's head and
 * a directive's name look for them.
 */
export function tokenize(
  text: string,
  source: MaskedSource,
  regions: readonly number[],
): { tokens: Token[]; directives: Directive[] } {
  const tokens: Token[] = [];
  const directives: Directive[] = [];
  // Literals in order of their start (as the masker found them): the loop moves forward, so a
  // cursor into each list finds the literal opening at a quote, if any.
  const strings = source.strings;
  const chars = source.chars;
  let nextString = 0;
  let nextChar = 0;
  const n = text.length;
  // The next region (its index in `regions`, and start; past the end when none is left).
  let region = 0;
  let regionStart = regions.length > 0 ? (regions[0] as number) : n;
  let i = 0;
  let atLineStart = true;
  // The directive being read, or -1. A plain local (no closure reads it): the loop reads it
  // for every character that may end one.
  let dir = -1;
  while (i < n) {
    if (i >= regionStart) {
      const end = regions[region + 1] as number;
      if (i < end) {
        // Blanks: a line break among them ends a directive as any line break does.
        const nl = text.indexOf('\n', i);
        if (nl >= 0 && nl < end) {
          if (dir >= 0) {
            (directives[dir] as Directive).end = tokens.length;
            dir = -1;
          }
          atLineStart = true;
        }
        i = end;
      }
      region += 2;
      regionStart = region < regions.length ? (regions[region] as number) : n;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (dir >= 0) {
        (directives[dir] as Directive).end = tokens.length;
        dir = -1;
      }
      atLineStart = true;
      i++;
      continue;
    }
    if (c === 92) {
      // Backslash-newline joins lines (a directive goes on). Blanked characters keep their
      // line breaks, so the text tells the same as the masked copy.
      let j = i + 1;
      if (text.charCodeAt(j) === 13) j++;
      if (text.charCodeAt(j) === 10) {
        i = j + 1;
        continue;
      }
      i++;
      continue;
    }
    if (isTokenGap(c)) {
      i = blanksEnd(text, i + 1, regionStart);
      continue;
    }
    const start = i;
    if (c === 35 && atLineStart) {
      atLineStart = false;
      dir = directives.length;
      directives.push({ name: '', first: tokens.length, end: tokens.length, start });
      tokens.push({ type: 'op', text: '#', start });
      i++;
      (directives[dir] as Directive).name = directiveName(text, i, regions, region);
      continue;
    }
    atLineStart = false;
    let type: TokenType;
    if (isIdStart(c)) {
      i = idPartEnd(text, i + 1);
      type = 'id';
    } else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      i = numberEnd(text, i);
      type = 'num';
    } else if (c === 34 || c === 39) {
      // One path for both kinds, its calls shared: a branch first taken late (the first
      // character literal) would cost the optimised loop a deopt and a recompile.
      const isString = c === 34;
      const spans = isString ? strings : chars;
      const at = spanFrom(spans, isString ? nextString : nextChar, i);
      if (isString) nextString = at;
      else nextChar = at;
      const end = spanEndAt(spans, at, i);
      if (end < 0) {
        // A stray quote (masked region edge or lone apostrophe): a one-character punctuator.
        i++;
        type = 'op';
      } else {
        i = end;
        type = isString ? 'str' : 'chr';
      }
    } else {
      // Punctuators: longest match, their text shared (no slice per operator). No punctuator
      // runs into a region (none holds a `/` after its first character, a quote or a break).
      const op = punctuatorAt(text, i, c);
      i += op.length;
      tokens.push({ type: 'op', text: op, start });
      continue;
    }
    tokens.push({ type, text: text.slice(start, i), start });
  }
  if (dir >= 0) (directives[dir] as Directive).end = tokens.length;
  return { tokens, directives };
}

/** The index of the first of `spans` (sorted), from index `k` on, that starts at `i` or later. */
function spanFrom(spans: readonly Span[], k: number, i: number): number {
  let j = k;
  while (j < spans.length && (spans[j] as Span).start < i) j++;
  return j;
}

/** The end of the span at index `k` of `spans` if it starts at `i`, else -1. */
function spanEndAt(spans: readonly Span[], k: number, i: number): number {
  const s = spans[k];
  return s !== undefined && s.start === i ? s.end : -1;
}

/**
 * End of the blanks (what the loop skips: up to space but line breaks, and DEL) from `i`, at
 * `limit` (the next region) at most: one step for a run, such as a line's indentation.
 */
function blanksEnd(text: string, i: number, limit: number): number {
  let k = i;
  while (k < limit) {
    const c = text.charCodeAt(k);
    if ((c > 32 && c !== 127) || c === 10) break;
    k++;
  }
  return k;
}

/**
 * The name of the directive whose `#` ends just before `i`: after spaces and tabs — and
 * blanked regions, which read as spaces up to a line break or carriage return — the
 * identifier characters that follow. `region` indexes the first region after the `#`.
 */
function directiveName(
  text: string,
  i: number,
  regions: readonly number[],
  region: number,
): string {
  const n = text.length;
  let r = region;
  let j = i;
  while (j < n) {
    if (r < regions.length && j >= (regions[r] as number)) {
      const end = regions[r + 1] as number;
      r += 2;
      if (j >= end) continue;
      // A region's line break or carriage return stops the blanks (and starts no name).
      for (let k = j; k < end; k++) {
        const b = text.charCodeAt(k);
        if (b === 10 || b === 13) return '';
      }
      j = end;
      continue;
    }
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 9) break;
    j++;
  }
  return text.slice(j, idPartEnd(text, j));
}

/** The value of a string literal token (escapes decoded loosely; prefixes L/u8 are separate ids). */
export function stringValue(raw: string): string {
  const inner = raw.length >= 2 && raw.endsWith('"') ? raw.slice(1, -1) : raw.slice(1);
  if (!inner.includes('\\')) return inner;
  return decodeEscapes(inner);
}

/** What escapeAt gives for a backslash-newline: no character. */
export const NO_CHAR = 0x10000;

/**
 * The escape whose backslash is at `j - 1`: `(code << 8) | length`, its character code (NO_CHAR
 * for a backslash-newline) and how many characters after the backslash it takes; -1 when the
 * backslash ends `s`. As the regex /\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/gs reads one: `\x` and one
 * or two hex digits (a bare `\x` is NUL), one to three octal digits, `\n`, `\t`, `\r`, else the
 * escaped character itself.
 */
export function escapeAt(s: string, j: number): number {
  if (j >= s.length) return -1;
  const e = s.charCodeAt(j);
  if (e === 120) {
    let code = 0;
    let k = j + 1;
    for (; k < j + 3 && isHex(s.charCodeAt(k)); k++) code = code * 16 + hexValue(s.charCodeAt(k));
    return (code << 8) | (k - j);
  }
  if (isOctal(e)) {
    let code = e - 48;
    let k = j + 1;
    for (; k < j + 3 && isOctal(s.charCodeAt(k)); k++) code = code * 8 + (s.charCodeAt(k) - 48);
    return (code << 8) | (k - j);
  }
  if (e === 110) return (10 << 8) | 1;
  if (e === 116) return (9 << 8) | 1;
  if (e === 114) return (13 << 8) | 1;
  if (e === 10) return (NO_CHAR << 8) | 1;
  return (e << 8) | 1;
}

/**
 * Decodes escapes left to right (escapeAt); a final lone backslash stays. A loop instead of a
 * replace with a callback: nearly every kernel string ends in `\n`, and the analysis reads
 * string arguments once a fixpoint round.
 */
function decodeEscapes(s: string): string {
  let out = '';
  let from = 0;
  let k = s.indexOf('\\');
  while (k >= 0 && k + 1 < s.length) {
    out += s.slice(from, k);
    const decoded = escapeAt(s, k + 1);
    const code = decoded >> 8;
    if (code !== NO_CHAR) out += String.fromCharCode(code);
    from = k + 1 + (decoded & 0xff);
    k = s.indexOf('\\', from);
  }
  return out + s.slice(from);
}
