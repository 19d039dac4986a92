// Character classes of C source, by character code: what the tokenizer reads as identifier,
// number and escape characters. The gate's raw-text checks use the same, so that they agree
// with the tokens.

export function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}
/** A character that continues an identifier or a number. */
export function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}
/**
 * 1 for each ASCII character isIdPart accepts. Loops over every character read it instead of
 * calling isIdPart: in the interpreter, and where V8's inlining budget is spent, that is a call
 * per character.
 */
const ID_PART: Uint8Array = Uint8Array.from({ length: 128 }, (_, c) => (isIdPart(c) ? 1 : 0));

/** End (exclusive) of the run of identifier characters (isIdPart) starting at `i`. */
export function idPartEnd(text: string, i: number): number {
  const n = text.length;
  let k = i;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c >= 128 || ID_PART[c] === 0) break;
    k++;
  }
  return k;
}
/**
 * End (exclusive) of the number token starting at `i`: identifier characters and dots, and a
 * sign right after an exponent letter (`1e+5`, `0x1p-3`).
 */
export function numberEnd(text: string, i: number): number {
  let k = i + 1;
  for (;;) {
    const d = text.charCodeAt(k);
    if (isIdPart(d) || d === 46) k++;
    else if ((d === 43 || d === 45) && isExponentLetter(text.charCodeAt(k - 1))) k++;
    else return k;
  }
}

function isExponentLetter(c: number): boolean {
  const lower = c | 32;
  return lower === 101 || lower === 112;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isOctal(c: number): boolean {
  return c >= 48 && c <= 55;
}
export function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
/** The value of hex digit `c`. */
export function hexValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

/** What the tokenizer skips between tokens: controls, blanks and line breaks, and DEL. */
export function isTokenGap(c: number): boolean {
  return c <= 32 || c === 127;
}
