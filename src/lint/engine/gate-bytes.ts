// The gate's finer byte conditions (see gate.ts): over a file's raw text (Latin-1, one character
// a byte), whether a token-level condition of gate-tokens.ts can hold. Each errs one way only:
// where it is unsure what stands between two pieces of text (a comment, a line continuation, a
// line that may be a directive, a literal), it says the condition may hold.
import { asmTemplateWrite } from '../rules/wp-disable.js';
import {
  hexValue,
  idPartEnd,
  isDigit,
  isHex,
  isIdPart,
  isTokenGap,
  numberEnd,
} from '../scan/chars.js';
import { literalEnd } from '../scan/mask.js';
import { ASM_QUALIFIERS } from './symbols.js';

const NL = 10;
const SLASH = 47;
const BACKSLASH = 92;
const DQUOTE = 34;
const SQUOTE = 39;
const HASH = 35;

/** Unsure what the neighbouring token is (see `previousCode`). */
const UNSURE = -1;
/** No token before (start of the text) or after (its end). */
const NO_TOKEN = 0;

/**
 * The last character of the token before offset `i` (a token's start), skipping what the
 * tokenizer skips on one line; UNSURE when a line break, a comment's end or a backslash comes
 * first (a directive line, a comment or a continuation may hide the real neighbour).
 */
function previousCode(text: string, i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === NL || c === SLASH || c === BACKSLASH) return UNSURE;
    if (!isTokenGap(c)) return c;
  }
  return NO_TOKEN;
}

/**
 * The value of the number token text[start, end) as numberText (context.ts) reads one — hex
 * or decimal digits, then [uUlL] suffixes — or NaN for any other token. Two tokens have equal
 * numberTexts of this kind exactly when their values are equal (values this small are exact).
 */
function numberValue(text: string, start: number, end: number): number {
  let k = start;
  let value = 0;
  const hex = text.charCodeAt(k) === 48 && (text.charCodeAt(k + 1) | 32) === 120;
  if (hex) {
    k += 2;
    const from = k;
    for (; k < end && isHex(text.charCodeAt(k)); k++)
      value = value * 16 + hexValue(text.charCodeAt(k));
    if (k === from) return Number.NaN;
  } else {
    for (; k < end && isDigit(text.charCodeAt(k)); k++)
      value = value * 10 + (text.charCodeAt(k) - 48);
  }
  for (; k < end; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c !== 117 && c !== 108) return Number.NaN;
  }
  return value;
}

/**
 * A number token's start at `i`, as far as the raw text tells: not when an identifier or
 * number character precedes it (the tokenizer would have read both as one token).
 */
function mayStartToken(text: string, i: number): boolean {
  return i === 0 || !isIdPart(text.charCodeAt(i - 1));
}

/**
 * Every place a number token of `value` (numberValue) may stand: `pattern` (global) finds its
 * notations; each hit that is a whole token with that value is handed to `test`.
 */
function someNumber(
  text: string,
  pattern: RegExp,
  value: number,
  test: (start: number, end: number) => boolean,
): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = m.index;
    if (!mayStartToken(text, start)) continue;
    const end = numberEnd(text, start);
    if (numberValue(text, start, end) === value && test(start, end)) return true;
  }
  return false;
}

const ARM_VECTOR_HEX = /0x0*ffff0000/gi;

/**
 * gate-tokens' ARM vector page: the number 0xffff0000 right after `)` (a cast). Its decimal
 * spelling is a hint of its own (gate.ts armDecimal1).
 */
export function armVectorPossible(text: string): boolean {
  return someNumber(text, ARM_VECTOR_HEX, 0xffff0000, (start) => {
    const c = previousCode(text, start);
    return c === UNSURE || c === 41;
  });
}

/**
 * The dispatch bytes' first byte 0xff in the notations numberText reads: hex and decimal numbers
 * (checked as whole tokens below) and character literals (octal or hex escape, the raw byte in
 * Latin-1 or UTF-8), matched through their closing quote.
 */
const DISPATCH_FF_ALL = /0x0*ff|0*255|\\(?:x0*ff|377)'|'\xff'|'\xc3\xbf'/gi;

/**
 * Whether some 0xff may be followed by 0x14 and then 0xc5 or 0x85 as gate-tokens finds the
 * dispatch bytes: dispatchStep over consecutive numbers (offsets skipped), and dispatchBytesAt
 * over the numbers and characters after one 0xff (within 24 tokens, outside brackets). A hex
 * test vector (`0xff, 0x01, ...`) or a mask (`x & 0xff;`) is ruled out by the numbers after it.
 */
export function dispatchNumbersPossible(text: string): boolean {
  DISPATCH_FF_ALL.lastIndex = 0;
  for (let m = DISPATCH_FF_ALL.exec(text); m !== null; m = DISPATCH_FF_ALL.exec(text)) {
    const hit = m[0];
    let end: number;
    if (hit.endsWith("'")) end = m.index + hit.length;
    else {
      if (!mayStartToken(text, m.index)) continue;
      end = numberEnd(text, m.index);
      if (numberValue(text, m.index, end) !== 0xff) continue;
    }
    if (followedByDispatch(text, end, false) || followedByDispatch(text, end, true)) return true;
  }
  return false;
}

/** The bytes dispatchStep moves on at, offsets or not: 0xff (again), 0x14, 0xc5, 0x85. */
const DISPATCH_BYTE_VALUES = new Set([0xff, 0x14, 0xc5, 0x85]);

/** The window dispatchBytesAt reads after the 0xff, in tokens. */
const WINDOW = 23;

/**
 * Whether 0x14 and then 0xc5 or 0x85 may follow offset `end`: as the next two numbers that are
 * no offsets, or are dispatch bytes where they are (`window` false: dispatchStep, which moves on
 * at `p[1] == [0x14`), or as the next two numbers or characters outside brackets that are no
 * offsets within WINDOW tokens (`window` true: dispatchBytesAt).
 */
function followedByDispatch(text: string, end: number, window: boolean): boolean {
  const budget = { tokens: window ? WINDOW : Number.POSITIVE_INFINITY };
  const second = nextNumber(text, end, window, budget);
  if (second === null) return true;
  if (second.value !== 0x14) return false;
  const third = nextNumber(text, second.end, window, budget);
  return third === null || third.value === 0xc5 || third.value === 0x85;
}

/**
 * The next number token after offset `i` that counts (see followedByDispatch): its value
 * (numberValue) and end; `{ value: -1 }` when none does (end of text, or the window is used up); null when
 * unsure — a line continuation, a character literal, a line that may be a directive, or a `+`
 * or `-` that may be part of a longer punctuator. Comments and strings are skipped as the
 * masker reads them: the offset is taken to follow a token in code.
 */
function nextNumber(
  text: string,
  i: number,
  window: boolean,
  budget: { tokens: number },
): { value: number; end: number } | null {
  const n = text.length;
  let lineStart = false;
  // The run of punctuator characters just before the token at k (an offset follows `[`, `+`
  // or `-`): its last character (0 when the last token was no punctuator) and length.
  let prev = 0;
  let run = 0;
  let runEnd = -1;
  let depth = 0;
  let k = i;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c === NL) {
      lineStart = true;
      k++;
      continue;
    }
    if (isTokenGap(c)) {
      k++;
      continue;
    }
    if (lineStart && c === HASH) return null;
    if (c === SLASH && text.charCodeAt(k + 1) === 42) {
      const close = text.indexOf('*/', k + 2);
      if (close < 0) return { value: -1, end: n };
      if (text.lastIndexOf('\n', close) > k) lineStart = true;
      k = close + 2;
      continue;
    }
    if (c === SLASH && text.charCodeAt(k + 1) === SLASH) {
      const nl = text.indexOf('\n', k);
      if (nl < 0) return { value: -1, end: n };
      if (text.charCodeAt(nl - 1) === BACKSLASH || text.charCodeAt(nl - 1) === 13) return null;
      k = nl;
      continue;
    }
    lineStart = false;
    if (c === BACKSLASH || c === SQUOTE) return null;
    if (isPunctuatorCode(c) || (c === 46 && !isDigit(text.charCodeAt(k + 1)))) {
      run = k === runEnd ? run + 1 : 1;
      runEnd = k + 1;
      // A punctuator has up to three characters (a UTF-8 character, one token, up to four
      // bytes): counting every third ASCII one of a run never counts more tokens than there are.
      if (c < 128 && run % 3 === 1 && --budget.tokens < 0) return { value: -1, end: n };
      if (window && c === 91) depth++;
      else if (window && c === 93) depth--;
      prev = c;
      k++;
      continue;
    }
    if (--budget.tokens < 0) return { value: -1, end: n };
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(k + 1)))) {
      const end = numberEnd(text, k);
      if ((prev === 43 || prev === 45) && run > 1) return null;
      const offset = prev === 91 || prev === 43 || prev === 45;
      if (depth === 0 && !offset) return { value: numberValue(text, k, end), end };
      // dispatchStep moves on at a dispatch byte even where it is an offset (`p[1] == [0x14`).
      if (depth === 0 && !window) {
        const value = numberValue(text, k, end);
        if (DISPATCH_BYTE_VALUES.has(value)) return { value, end };
      }
      k = end;
    } else if (c === DQUOTE) k = literalEnd(text, k, DQUOTE);
    else if (isIdPart(c)) k = idPartEnd(text, k);
    else k++;
    prev = 0;
  }
  return { value: -1, end: n };
}

/** `16` as a whole token (the WP bit's number). */
const SIXTEEN = /16/g;

/**
 * gate-tokens' uses of the number 16 for the WP bit: `<< 16` (inverted, or a mask macro's body),
 * `BIT(16)` (two tokens past `BIT`), `clear_bit(16, ...)`. Other sixteens (sizes, shifts the
 * other way) are ruled out by the tokens before them.
 */
export function wpSixteenPossible(text: string): boolean {
  SIXTEEN.lastIndex = 0;
  for (let m = SIXTEEN.exec(text); m !== null; m = SIXTEEN.exec(text)) {
    const start = m.index;
    if (!mayStartToken(text, start) || numberEnd(text, start) !== start + 2) continue;
    const c = previousCode(text, start);
    if (c === UNSURE || c === 60 || c === 40) return true;
    if (c !== NO_TOKEN && bitTwoBefore(text, start)) return true;
  }
  return false;
}

/**
 * Whether the token two before offset `i` (a token's start, after a token on the same line)
 * may be `BIT`: the token before is skipped (a word, or a run of punctuator characters: more
 * than one token only makes the answer yes more often); a literal or an exponent's sign there
 * answers yes.
 */
function bitTwoBefore(text: string, i: number): boolean {
  let k = i - 1;
  while (isTokenGap(text.charCodeAt(k))) k--;
  const c = text.charCodeAt(k);
  if (c === DQUOTE || c === SQUOTE) return true;
  if (isIdPart(c) || c === 46) {
    while (k >= 0 && (isIdPart(text.charCodeAt(k)) || text.charCodeAt(k) === 46)) k--;
    const sign = text.charCodeAt(k);
    if (sign === 43 || sign === 45) return true;
  } else {
    while (k >= 0 && isPunctuatorCode(text.charCodeAt(k))) k--;
  }
  const c2 = previousCode(text, k + 1);
  if (c2 === UNSURE) return true;
  if (c2 === NO_TOKEN) return false;
  let e = k;
  while (isTokenGap(text.charCodeAt(e))) e--;
  return e >= 2 && text.startsWith('BIT', e - 2) && (e === 2 || !isIdPart(text.charCodeAt(e - 3)));
}

/**
 * Characters of punctuators, and any other character that is a token of its own (not blanks,
 * quotes, word characters or the dot of a number).
 */
function isPunctuatorCode(c: number): boolean {
  return c > 32 && c !== 127 && !isIdPart(c) && c !== DQUOTE && c !== SQUOTE && c !== 46;
}

/** `__NR_` starting an identifier. */
const NR_PREFIX = /__NR_/g;

/** gate-tokens' `x[__NR_...]`: an identifier starting with `__NR_` right after `[`. */
export function nrIndexPossible(text: string): boolean {
  NR_PREFIX.lastIndex = 0;
  for (let m = NR_PREFIX.exec(text); m !== null; m = NR_PREFIX.exec(text)) {
    if (!mayStartToken(text, m.index)) continue;
    const c = previousCode(text, m.index);
    if (c === UNSURE || c === 91) return true;
  }
  return false;
}

/** The WP masks wp-disable knows (WP_MASKS, and the bit's number X86_CR0_WP_BIT) as words. */
const WP_MASK_WORDS = /(?:X86_)?CR0_WP|0x10000|0x00010000|65536/g;

/**
 * gate-tokens' WP masks: a mask right after `~`, `^` or `^=` (parentheses between), in a
 * directive (a mask macro's body, whose name may be inverted anywhere), or the bit's number
 * as clear_bit's first argument. Masks merely tested (`cr0 & X86_CR0_WP`) are ruled out.
 */
export function wpMaskPossible(text: string, masks: ReadonlySet<string>): boolean {
  WP_MASK_WORDS.lastIndex = 0;
  for (let m = WP_MASK_WORDS.exec(text); m !== null; m = WP_MASK_WORDS.exec(text)) {
    const start = m.index;
    if (!mayStartToken(text, start)) continue;
    const word = text.slice(
      start,
      isDigit(text.charCodeAt(start)) ? numberEnd(text, start) : idPartEnd(text, start),
    );
    const bit = word === 'X86_CR0_WP_BIT';
    if (!bit && !masks.has(word.replace(/[uUlL]+$/, ''))) continue;
    const c = previousCode(text, start);
    if (bit && c === 40) return true;
    if (invertedAt(text, start) || mayBeDirectiveLine(text, start)) return true;
  }
  return false;
}

/** Whether the token at `i` may follow `~`, `^` or `^=`, with parentheses between. */
function invertedAt(text: string, i: number): boolean {
  let k = i;
  for (;;) {
    const c = previousCode(text, k);
    if (c === UNSURE) return true;
    if (c === NO_TOKEN) return false;
    k = lastCodeAt(text, k);
    if (c === 40) continue;
    if (c === 126 || c === 94) return true;
    return c === 61 && text.charCodeAt(k - 1) === 94;
  }
}

/** Offset of the last non-blank character before `i` (previousCode's character). */
function lastCodeAt(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && isTokenGap(text.charCodeAt(k))) k--;
  return k;
}

/**
 * Whether offset `i` may lie in a directive: its line starts with `#` (or a comment that may
 * hide one), or the line before ends with a continuation.
 */
function mayBeDirectiveLine(text: string, i: number): boolean {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  if (lineStart > 0) {
    let e = lineStart - 2;
    if (text.charCodeAt(e) === 13) e--;
    if (text.charCodeAt(e) === BACKSLASH) return true;
  }
  let k = lineStart;
  while (k < i && isTokenGap(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k);
  return c === HASH || c === SLASH;
}

const ASM_WORD = /(?<![A-Za-z0-9_$])(?:asm|__asm__|__asm)(?![A-Za-z0-9_$])/g;

/**
 * gate-tokens' asmNeeds: an asm statement (`asm`, qualifiers, `(`) whose first run of string
 * literals after the parenthesis reads `rdmsr` or, joined, writes %cr0 or sets ARM domains.
 * `cr0` in a comment or another string no longer counts.
 */
export function asmTemplatePossible(text: string): boolean {
  ASM_WORD.lastIndex = 0;
  for (let m = ASM_WORD.exec(text); m !== null; m = ASM_WORD.exec(text)) {
    const open = asmOpen(text, m.index + m[0].length);
    if (open === UNSURE) return true;
    if (open < 0) continue;
    const run = firstStringRun(text, open + 1);
    if (run === null) return true;
    let joined = '';
    for (const s of run) {
      if (s.indexOf('rdmsr') >= 0) return true;
      joined += s.slice(1, -1);
    }
    if (asmTemplateWrite(joined) !== null) return true;
  }
  return false;
}

/** Offset of the `(` after an asm keyword ending at `i` and its qualifiers; -2: none. */
function asmOpen(text: string, i: number): number {
  let k = i;
  for (;;) {
    k = skipGap(text, k);
    if (k === UNSURE) return UNSURE;
    if (text.charCodeAt(k) === 40) return k;
    const end = idPartEnd(text, k);
    if (end === k || !ASM_QUALIFIERS.has(text.slice(k, end))) return -2;
    k = end;
  }
}

/**
 * The first run of adjacent string literals from offset `i` on (their raw texts, quotes
 * included, as the tokenizer cuts them); null when unsure: a comment, a character literal, a
 * continuation or a line that may be a directive comes first or between.
 */
function firstStringRun(text: string, i: number): string[] | null {
  let k = i;
  for (;;) {
    k = skipGap(text, k);
    if (k === UNSURE) return null;
    if (k >= text.length) return [];
    const c = text.charCodeAt(k);
    if (c === DQUOTE) break;
    if (c === SQUOTE) return null;
    k = isIdPart(c) ? idPartEnd(text, k) : k + 1;
  }
  const run: string[] = [];
  while (k < text.length && text.charCodeAt(k) === DQUOTE) {
    const end = literalEnd(text, k, DQUOTE);
    run.push(text.slice(k, end));
    k = skipGap(text, end);
    if (k === UNSURE) return null;
  }
  return run;
}

/**
 * The next offset from `i` on that is not blank (line breaks included), or UNSURE at a comment,
 * a backslash or a line that starts with `#` (a directive's tokens are not the code's). A
 * slash that opens no comment is a token (`#include <asm/io.h>`).
 */
function skipGap(text: string, i: number): number {
  let k = i;
  let lineStart = false;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === NL) lineStart = true;
    else if (!isTokenGap(c)) {
      if (c === BACKSLASH || (lineStart && c === HASH)) return UNSURE;
      const next = text.charCodeAt(k + 1);
      if (c === SLASH && (next === 42 || next === SLASH)) return UNSURE;
      return k;
    }
  }
  return k;
}
