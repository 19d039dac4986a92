// The scanner's front door: masks a C file, tokenizes it, and collects directives, macros and
// comments with positions. Works on any text (garbage, NUL bytes, unterminated literals).
import type { SourceComment } from '../types.js';
import { lineStarts, positionOf } from './lines.js';
import { collectMacros, type Macro } from './macros.js';
import { type MaskedSource, maskRegions } from './mask.js';
import { type Directive, type Token, tokenize } from './tokenize.js';

export { lineText, positionOf } from './lines.js';
export { maskSource } from './mask.js';
export { directiveOf, escapeAt, NO_CHAR, stringValue, tokenEnd } from './tokenize.js';
export type { Directive, Macro, MaskedSource, Token };

export interface ScannedFile {
  text: string;
  masked: MaskedSource;
  tokens: Token[];
  directives: Directive[];
  macros: Macro[];
  /** Offsets of line starts, computed on first use. */
  readonly lineStarts: number[];
}

export function scanSource(text: string): ScannedFile {
  const { source: masked, regions } = maskRegions(text);
  const { tokens, directives } = tokenize(text, masked, regions);
  // Only findings and suppression comments need positions: most scanned files have neither
  // (the gate rejects half of them), so the line table is built when first read.
  let starts: number[] | null = null;
  return {
    text,
    masked,
    tokens,
    directives,
    macros: collectMacros(tokens, directives),
    get lineStarts(): number[] {
      starts ??= lineStarts(text);
      return starts;
    },
  };
}

/** Comments whose text contains `needle`, with positions (for suppression directives). */
export function commentsContaining(file: ScannedFile, needle: string): SourceComment[] {
  const out: SourceComment[] = [];
  // Nearly every file lacks the needle entirely: one search instead of a copy per comment.
  if (!file.text.includes(needle)) return out;
  for (const c of file.masked.comments) {
    const text = file.text.slice(c.start, c.end);
    if (!text.includes(needle)) continue;
    const { line, column } = positionOf(file.lineStarts, c.start);
    out.push({ text, start: c.start, end: c.end, line, column });
  }
  return out;
}
