// table-scan: the table located by scanning — kernel memory walked comparing the slot at a
// syscall number with that syscall's address, the IDT (`sidt`), the syscall entry MSR, ARM's
// vector page, or the dispatch instruction's bytes in the entry code.

import { asmStatements, numberText, type RuleContext, tok } from '../engine/context.js';
import type { Kind } from '../engine/facts.js';
import { DISPATCH_BYTES_STRING, dispatchBytesAt } from '../engine/scanners.js';
import type { Segment } from '../engine/structure.js';
import {
  ENTRY_MSRS,
  ENTRY_SYMBOLS,
  MSR_READS,
  normalNumber,
  SYSCALL_FN,
} from '../engine/symbols.js';
import type { Token } from '../scan/index.js';
import { type Rule, STUB_FIX } from './rule.js';

type MessageIds = 'slotCompare' | 'idt' | 'msr' | 'armVector' | 'dispatchBytes' | 'entryLookup';

export const ARM_VECTOR = new Set(['0xffff0000', '0xffff0008']);
export const ARM_LDR_PC = new Set(['0xe59ff000', '0xe59ff00', '0xe59ff', '0xe59ff018']);

const SIDE_STOPS = new Set(['&&', '||', ',', ';', '?', ':', '==', '!=', '=', '{', '}']);

/**
 * Operand range around a comparison operator, stopping at `&&`, `||`, `,`, `;` or an open bracket.
 * Takes the token texts and bracket matches directly so the cheap gate can share it.
 */
export function operandSide(
  toks: ReadonlyArray<{ text: string } | undefined>,
  match: ArrayLike<number | undefined>,
  from: number,
  dir: 1 | -1,
): [number, number] {
  let i = from;
  for (let guard = 0; guard < 64; guard++) {
    const t = toks[i];
    if (!t || SIDE_STOPS.has(t.text)) break;
    const m = match[i] ?? -1;
    if (
      (dir === 1 && (t.text === ')' || t.text === ']')) ||
      (dir === -1 && (t.text === '(' || t.text === '['))
    ) {
      if (m < 0 || (dir === 1 ? m < i : m > i)) break;
    }
    if (m >= 0 && ((dir === 1 && m > i) || (dir === -1 && m < i))) i = m;
    i += dir;
  }
  return dir === 1 ? [from, i] : [i + 1, from + 1];
}

function side(seg: Segment, from: number, dir: 1 | -1): [number, number] {
  return operandSide(seg.toks, seg.match, from, dir);
}

/** A looked-up kernel address or a syscall's code: what a slot is compared with when scanning. */
function isCode(k: Kind | null): boolean {
  return k === 'kaddr' || k === 'entry' || k === 'sysfn';
}

export const tableScan = {
  meta: {
    id: 'table-scan',
    description:
      'Kernel memory, the IDT, the syscall MSR or the vector page is scanned to locate the system call table.',
    fullDescription:
      "Flags the classic ways of finding an unexported system call table without its name: walking kernel memory until the slot at a syscall number (for example __NR_close) holds that syscall's address (sys_close); reading the IDT with sidt to reach the int 0x80 handler; reading the syscall entry MSR (MSR_LSTAR, MSR_CSTAR, SYSENTER_EIP); decoding ARM's vector page (0xffff0008, `ldr pc, [pc, #x]`) to reach vector_swi; searching entry code for the `call *table(,%rax,8)` bytes; looking up entry symbols to search them.",
    defaultSeverity: 'error',
    messages: {
      slotCompare:
        'memory is scanned for the system call table: the slot at `{{index}}` is compared with `{{symbol}}`',
      idt: 'the IDT is read (`{{how}}`) to reach the syscall handler and, through it, the table',
      msr: 'the syscall entry MSR `{{msr}}` is read to find the system call table',
      armVector: "ARM's vector page (`{{value}}`) is decoded to reach vector_swi and the table",
      dispatchBytes:
        'entry code is searched for the `call *table(,reg,n)` instruction bytes to find the table',
      entryLookup: '`{{symbol}}` is looked up to search the syscall entry code for the table',
    },
    fix: STUB_FIX,
    docs: 'docs/rules/table-scan.md',
  },
  check(context) {
    const a = context.analysis;
    // A slot compared needs a syscall number: most files have none (no comparison is looked at).
    const numbers = a.census.nrName;
    for (let si = 0; si < a.st.segs.length; si++) checkSegment(context, si, numbers);
    for (const c of a.callsTo((n) => MSR_READS.has(n) || a.mayHaveKind(n))) {
      const callee = tok(a, c.seg, c.callee)?.text ?? '';
      const arg0 = c.args[0];
      if (MSR_READS.has(callee) && arg0) {
        const t = tok(a, c.seg, arg0[0]);
        if (t && ENTRY_MSRS.has(normalNumber(t.text)))
          context.report({ seg: c.seg, tok: arg0[0], messageId: 'msr', data: { msr: t.text } });
      }
      const li = a.lookupIndex(c.seg, c.callee, c.scope);
      const arg = li >= 0 ? c.args[li] : undefined;
      if (arg) {
        const sym = a.symbolOf(c.seg, arg[0], arg[1], c.scope);
        if (sym && ENTRY_SYMBOLS.has(sym))
          context.report({
            seg: c.seg,
            tok: c.callee,
            messageId: 'entryLookup',
            data: { symbol: sym },
          });
      }
    }
    for (const s of asmStatements(a)) {
      const read = asmEntryRead(a.st.segs[s.seg]?.toks ?? [], s.start, s.end);
      if (read)
        context.report({ seg: s.seg, tok: read.str, messageId: 'msr', data: { msr: read.msr } });
    }
  },
} satisfies Rule<MessageIds>;

type Context = RuleContext<MessageIds>;

/**
 * An asm statement's body (`from`..`to`) reading an entry MSR: a string holding `rdmsr` (its
 * token) and an entry MSR among the tokens (its text); null when either is missing. The gate's
 * token check asks the same.
 */
export function asmEntryRead(
  toks: readonly Token[],
  from: number,
  to: number,
): { str: number; msr: string } | null {
  let str = -1;
  let msr: string | null = null;
  for (let k = from; k < to; k++) {
    const t = toks[k] as Token;
    if (str < 0 && t.type === 'str' && t.text.includes('rdmsr')) str = k;
    else if (msr === null && ENTRY_MSRS.has(normalNumber(t.text))) msr = t.text;
  }
  return str >= 0 && msr !== null ? { str, msr } : null;
}

/**
 * The per-token checks of one segment. The loop only dispatches on the token's type; each
 * finding's test is a function of its own, so the loop stays small: V8 recompiles it each time a
 * rare branch is first taken (a deopt), and a small loop is cheap to recompile.
 */
function checkSegment(context: Context, si: number, numbers: boolean): void {
  const seg = context.analysis.st.segs[si] as Segment;
  const toks = seg.toks;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    const type = t.type;
    if (type === 'op') {
      // A slot compared needs a syscall number: most files have none (no comparison is looked at).
      if (numbers && (t.text === '==' || t.text === '!=')) slotCompare(context, seg, si, i);
    } else if (type === 'str') {
      if (/\bsidt\b/.test(t.text))
        context.report({ seg: si, tok: i, messageId: 'idt', data: { how: 'sidt' } });
      if (DISPATCH_BYTES_STRING.test(t.text))
        context.report({ seg: si, tok: i, messageId: 'dispatchBytes', data: {} });
    } else if (type === 'id') {
      if ((t.text === 'store_idt' || t.text === 'native_store_idt') && toks[i + 1]?.text === '(')
        context.report({ seg: si, tok: i, messageId: 'idt', data: { how: t.text } });
    } else if (type === 'num') {
      // Every value looked for has three characters at least (`255`): most numbers are shorter.
      if (t.text.length > 2) numberFindings(context, seg, si, i);
    } else if (type === 'chr' && maySpellFF(t.text)) dispatchBytes(context, seg, si, i);
  }
}

/** ARM's vector page, an `ldr pc` word or the dispatch bytes' 0xff at number token `i`. */
function numberFindings(context: Context, seg: Segment, si: number, i: number): void {
  const v = numberText(seg.toks[i]);
  if (ARM_VECTOR.has(v) || ARM_LDR_PC.has(v)) armVector(context, seg, si, i, v);
  if (v === '0xff') dispatchBytes(context, seg, si, i);
}

/**
 * Whether a character literal can be 0xff (numberText): `'\xff'` and `'\377'` (six characters
 * with the quotes) or the character itself. Most (`'\0'`, `'a'`, `'\n'`) cannot.
 */
function maySpellFF(text: string): boolean {
  return text.length === 6 || (text.length === 3 && text.charCodeAt(1) === 0xff);
}

/** A comparison (at `i`) of a side holding `__NR_...` with a syscall's code: the table scanned for. */
function slotCompare(context: Context, seg: Segment, si: number, i: number): void {
  const a = context.analysis;
  const toks = seg.toks;
  const l = side(seg, i - 1, -1);
  const r = side(seg, i + 1, 1);
  for (const [nr, other] of [
    [l, r],
    [r, l],
  ] as const) {
    const idx = toks.slice(nr[0], nr[1]).findIndex((x) => x.text.startsWith('__NR_'));
    if (idx < 0) continue;
    const scope = si === 0 ? a.st.fns.findIndex((f) => i > f.bodyStart && i < f.bodyEnd) : -1;
    const sym = toks
      .slice(other[0], other[1])
      .find(
        (x) =>
          x.type === 'id' &&
          (SYSCALL_FN.test(x.text) || isCode(a.kind(si, other[0], other[1], scope))),
      );
    if (!sym || a.tableNames.has(sym.text)) continue;
    let at = nr[0];
    while (
      at < nr[1] &&
      (toks[at]?.type !== 'id' ||
        /^(unsigned|long|int|void|char|const)$/.test(toks[at]?.text ?? ''))
    )
      at++;
    context.report({
      seg: si,
      tok: at,
      messageId: 'slotCompare',
      data: { index: (toks[nr[0] + idx] as Token).text, symbol: sym.text },
    });
    break;
  }
}

/** ARM's vector page address cast to a pointer, or an `ldr pc, [pc, #...]` word (value `v`). */
function armVector(context: Context, seg: Segment, si: number, i: number, v: string): void {
  const toks = seg.toks;
  const prev = toks[i - 1]?.text;
  const castToPointer =
    prev === ')' &&
    toks[(seg.match[i - 1] ?? 0) + 1] &&
    toks.slice(seg.match[i - 1] ?? i, i).some((x) => x.text === '*');
  if ((ARM_VECTOR.has(v) && castToPointer) || ARM_LDR_PC.has(v)) {
    context.report({
      seg: si,
      tok: i,
      messageId: 'armVector',
      data: { value: (toks[i] as Token).text },
    });
  }
}

/** The dispatch instruction's bytes at `i` (scanners.ts dispatchBytesAt). */
function dispatchBytes(context: Context, seg: Segment, si: number, i: number): void {
  if (dispatchBytesAt(seg.toks, i)) {
    context.report({ seg: si, tok: i, messageId: 'dispatchBytes', data: {} });
  }
}
