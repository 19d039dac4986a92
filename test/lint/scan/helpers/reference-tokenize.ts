// The tokenizer as it was before it read the text itself: it splits the masked copy of the
// text, character by character. The scanner's tests check the tokenizer against it.
import type { MaskedSource, Span } from '../../../../src/lint/scan/mask.js';
import type { Directive, Token, TokenType } from '../../../../src/lint/scan/tokenize.js';

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

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}
function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function referenceTokenize(
  text: string,
  source: MaskedSource,
): { tokens: Token[]; directives: Directive[] } {
  const m = source.masked;
  const tokens: Token[] = [];
  const directives: Directive[] = [];
  // Literals in order of their start (as the masker found them): the loop moves forward, so a
  // cursor into each list finds the literal opening at a quote, if any.
  const strings = source.strings;
  const chars = source.chars;
  let nextString = 0;
  let nextChar = 0;
  const n = m.length;
  let i = 0;
  let atLineStart = true;
  // The directive being read, or -1. A plain local (no closure reads it): the loop reads it
  // for every token.
  let dir = -1;
  while (i < n) {
    const c = m.charCodeAt(i);
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
      // Backslash-newline joins lines (a directive goes on).
      let j = i + 1;
      if (m.charCodeAt(j) === 13) j++;
      if (m.charCodeAt(j) === 10) {
        i = j + 1;
        continue;
      }
      i++;
      continue;
    }
    if (c <= 32 || c === 127) {
      i++;
      continue;
    }
    const start = i;
    if (c === 35 && atLineStart) {
      atLineStart = false;
      dir = directives.length;
      directives.push({ name: '', first: tokens.length, end: tokens.length, start });
      tokens.push({ type: 'op', text: '#', start });
      i++;
      let j = i;
      while (j < n && (m.charCodeAt(j) === 32 || m.charCodeAt(j) === 9)) j++;
      let k = j;
      while (k < n && isIdPart(m.charCodeAt(k))) k++;
      (directives[dir] as Directive).name = m.slice(j, k);
      continue;
    }
    atLineStart = false;
    let type: TokenType;
    if (isIdStart(c)) {
      i++;
      while (i < n && isIdPart(m.charCodeAt(i))) i++;
      type = 'id';
    } else if (isDigit(c) || (c === 46 && isDigit(m.charCodeAt(i + 1)))) {
      i++;
      while (i < n) {
        const d = m.charCodeAt(i);
        if (isIdPart(d) || d === 46) i++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(m[i - 1] as string)) i++;
        else break;
      }
      type = 'num';
    } else if (c === 34 || c === 39) {
      let end = -1;
      if (c === 34) {
        while (nextString < strings.length && (strings[nextString] as Span).start < i) nextString++;
        const s = strings[nextString];
        if (s !== undefined && s.start === i) end = s.end;
      } else {
        while (nextChar < chars.length && (chars[nextChar] as Span).start < i) nextChar++;
        const s = chars[nextChar];
        if (s !== undefined && s.start === i) end = s.end;
      }
      if (end < 0) {
        // A stray quote (masked region edge or lone apostrophe): a one-character punctuator.
        i++;
        type = 'op';
      } else {
        i = end;
        type = c === 34 ? 'str' : 'chr';
      }
    } else {
      // Punctuators: longest match, their text shared (no slice per operator).
      const op = punctuatorAt(m, i, c);
      i += op.length;
      tokens.push({ type: 'op', text: op, start });
      continue;
    }
    const raw = type === 'str' || type === 'chr' ? text.slice(start, i) : m.slice(start, i);
    tokens.push({ type, text: raw, start });
  }
  if (dir >= 0) (directives[dir] as Directive).end = tokens.length;
  return { tokens, directives };
}
