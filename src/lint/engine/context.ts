// What a rule sees while it checks one file: the analysis, token helpers, and `report`, which
// turns a token and a message id into a positioned finding.
import type { Token } from '../scan/index.js';
import type { Analysis } from './analyze.js';
import type { Segment } from './structure.js';
import { ASM_KEYWORDS, ASM_QUALIFIERS } from './symbols.js';

export interface Report<MessageIds extends string = string> {
  seg: number;
  tok: number;
  messageId: MessageIds;
  data?: Record<string, string>;
  /** Raise a `warn` finding to `error` (write protection lifted where the module touches the table). */
  escalate?: boolean;
  /** The finding's rule depends on whether the module touches the table (lint again once known). */
  moduleDependent?: boolean;
}

export interface RuleContext<MessageIds extends string = string> {
  analysis: Analysis;
  /** Whether this file's module (its directory, across the run) touches the table. */
  moduleTouchesTable: boolean;
  report(r: Report<MessageIds>): void;
}

export function segTokens(a: Analysis, seg: number): Segment {
  return a.st.segs[seg] as Segment;
}

export function tok(a: Analysis, seg: number, i: number): Token | undefined {
  return a.st.segs[seg]?.toks[i];
}

const lengthsOf = new WeakMap<ReadonlySet<string>, Uint8Array>();

/**
 * 1 at each length some name of `names` has (longer than 255: at 255, a test that passes only
 * to a Set lookup): a token whose length no name has is none of them, without hashing its text.
 */
export function nameLengths(names: ReadonlySet<string>): Uint8Array {
  let lengths = lengthsOf.get(names);
  if (!lengths) {
    lengths = new Uint8Array(256);
    for (const n of names) lengths[Math.min(n.length, 255)] = 1;
    lengthsOf.set(names, lengths);
  }
  return lengths;
}

/** First identifier at or after `from` (before `to`), skipping casts, parentheses, `&` and `*`. */
export function firstId(a: Analysis, seg: number, from: number, to: number): number {
  const toks = segTokens(a, seg).toks;
  for (let i = from; i < to; i++) {
    const t = toks[i] as Token;
    if (
      t.type === 'id' &&
      !/^(unsigned|signed|long|int|char|void|const|struct|volatile|short)$/.test(t.text)
    ) {
      // Skip the type words of a cast: `(unsigned long *)x` → x.
      const next = toks[i + 1]?.text;
      if (
        next === '*' ||
        (next === ')' && toks[i + 2] && toks[i + 2]?.text !== ')' && isInCast(toks, i))
      )
        continue;
      return i;
    }
    if (t.type === 'num' || t.type === 'str') return i;
  }
  return from;
}

function isInCast(toks: Token[], i: number): boolean {
  let j = i;
  while (j > 0 && (toks[j - 1]?.type === 'id' || toks[j - 1]?.text === '*')) j--;
  return toks[j - 1]?.text === '(';
}

/** Numeric value of a number or character literal token, lower-case hex; '' when neither. */
export function numberText(t: Token | undefined): string {
  if (!t) return '';
  if (t.type === 'num') {
    const m = /^(0x[0-9a-f]+|\d+)[ul]*$/i.exec(t.text);
    if (!m) return t.text.toLowerCase();
    const v = m[1] as string;
    return v.startsWith('0x') || v.startsWith('0X')
      ? `0x${v
          .slice(2)
          .toLowerCase()
          .replace(/^0+(?=.)/, '')}`
      : `0x${Number(v).toString(16)}`;
  }
  if (t.type === 'chr') {
    const inner = t.text.slice(1, -1);
    const hex = /^\\x([0-9a-f]{1,2})$/i.exec(inner);
    if (hex) return `0x${(hex[1] as string).toLowerCase().replace(/^0(?=.)/, '')}`;
    const oct = /^\\([0-7]{1,3})$/.exec(inner);
    if (oct) return `0x${Number.parseInt(oct[1] as string, 8).toString(16)}`;
    if (inner.length === 1) return `0x${inner.charCodeAt(0).toString(16)}`;
  }
  return '';
}

const asmFound = new WeakMap<Analysis, Array<{ seg: number; start: number; end: number }>>();

/** Token ranges of inline assembly statements: `asm [volatile|goto] ( ... )` (found once a file). */
export function asmStatements(a: Analysis): Array<{ seg: number; start: number; end: number }> {
  const known = asmFound.get(a);
  if (known) return known;
  const out: Array<{ seg: number; start: number; end: number }> = [];
  asmFound.set(a, out);
  if (!a.census.asm) return out;
  a.st.segs.forEach((s, si) => {
    for (let i = 0; i < s.toks.length; i++) {
      const j = asmOpen(s.toks, i);
      if (j < 0) continue;
      const close = s.match[j] ?? -1;
      out.push({ seg: si, start: j + 1, end: close > j ? close : s.toks.length });
    }
  });
  return out;
}

/** The `(` of an asm statement whose keyword is token `i` (`asm [volatile|goto] (`), or -1. */
export function asmOpen(toks: readonly Token[], i: number): number {
  const t = toks[i] as Token;
  if (t.type !== 'id' || !ASM_KEYWORDS.has(t.text)) return -1;
  let j = i + 1;
  while (ASM_QUALIFIERS.has(toks[j]?.text ?? '')) j++;
  return toks[j]?.text === '(' ? j : -1;
}
