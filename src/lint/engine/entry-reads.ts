// Whether a function returns where the syscall entry code is: a value that derives from its own
// read of an entry MSR (rdmsrl(MSR_LSTAR, x), native_read_msr(MSR_LSTAR), an asm `rdmsr` with
// the MSR in %ecx) or of the IDT register (`sidt`, store_idt). Naming an entry MSR is not reading
// it: hypervisors and emulators put them in case labels, comparisons, lists and writes, and
// return statuses; a function that reads the IDT into a vCPU's context returns that context.
import type { Token } from '../scan/index.js';
import { asmOpen } from './context.js';
import { exprEnd, isCastGroup, lhsShape, lvalueStart, splitArgs } from './expressions.js';
import type { FnScope, Segment } from './structure.js';
import { COPIERS, MSR_READS, PASSTHROUGH } from './symbols.js';

/** The entry MSRs by name and number (what the scanners have always looked for). */
export const SCAN_MSRS = /^(MSR_LSTAR|MSR_CSTAR|MSR_IA32_SYSENTER_EIP|0xc000008[23])$/i;

/** Reads whose value is the MSR's (`native_read_msr(msr)`); the `_safe` one's second is an error out. */
const VALUE_READS = new Set([
  'native_read_msr',
  '__rdmsr',
  'native_rdmsrq',
  'native_read_msr_safe',
]);
const IDT_STORES = new Set(['store_idt', 'native_store_idt']);
/** Kernel helpers computing an address from a gate (desc.h, 4.15 on): the handler's. */
const GATE_DECODERS = new Set(['gate_offset']);
/** Operators whose result is a truth value: a read compared is not returned. */
const TRUTH_OPS = new Set(['==', '!=', '<', '>', '<=', '>=', '&&', '||', '!']);

/**
 * Whether `f` returns a value derived from its own read of the IDT or an entry MSR: the read's
 * output, a local assigned (or memcpy'd) from it, or a value read in the return itself. A struct
 * returned by value is no address, whatever it holds (the IDT register's limit and base).
 */
export function returnsEntryCode(seg: Segment, f: FnScope): boolean {
  if (returnsAggregate(seg, f)) return false;
  const held = readOutputs(seg, f);
  spreadThroughAssignments(seg, f, held);
  for (let i = f.bodyStart; i < f.bodyEnd; i++) {
    if (seg.toks[i]?.text !== 'return') continue;
    const end = exprEnd(seg, i + 1, f.bodyEnd);
    if (end > i + 1 && carriesRead(seg, i + 1, end, held)) return true;
  }
  return false;
}

/** Whether the definition's return type is a struct or union by value (`struct desc_ptr f(void)`). */
function returnsAggregate(seg: Segment, f: FnScope): boolean {
  for (let i = f.nameTok - 1; i >= 0; i--) {
    const t = seg.toks[i] as Token;
    if (t.text === '*') return false;
    if (t.type !== 'id') return false;
    if (t.text === 'struct' || t.text === 'union') return true;
  }
  return false;
}

/**
 * An entry MSR spelt as one token (`MSR_LSTAR`, `0xc0000082`), as the token census that lets
 * scannerFunctions run tests it.
 */
function isEntryMsr(t: Token | undefined): boolean {
  return t !== undefined && (t.type === 'id' || t.type === 'num') && SCAN_MSRS.test(t.text);
}

/** The names `f`'s reads of an entry MSR or of the IDT write into. */
function readOutputs(seg: Segment, f: FnScope): Set<string> {
  const held = new Set<string>();
  const toks = seg.toks;
  for (let i = f.bodyStart; i < f.bodyEnd; i++) {
    const t = toks[i] as Token;
    if (t.type !== 'id') continue;
    if (MSR_READS.has(t.text) && toks[i + 1]?.text === '(') noteMsrRead(seg, f, i, held);
    else if (IDT_STORES.has(t.text) && toks[i + 1]?.text === '(') {
      const arg = splitArgs(seg, i + 2, seg.match[i + 1] ?? i + 2)[0];
      if (arg) noteOutput(seg, f, arg, held);
    } else noteAsmRead(seg, f, i, held);
  }
  return held;
}

/** `rdmsrl(MSR_LSTAR, x)`, `rdmsr(msr, lo, hi)`, `rdmsrl_safe(msr, &x)`: the arguments after the MSR. */
function noteMsrRead(seg: Segment, f: FnScope, callee: number, held: Set<string>): void {
  const args = splitArgs(seg, callee + 2, seg.match[callee + 1] ?? callee + 2);
  const msr = args[0];
  if (!msr || msr[1] - msr[0] !== 1 || !isEntryMsr(seg.toks[msr[0]])) return;
  if (VALUE_READS.has(seg.toks[callee]?.text ?? '')) return;
  for (let k = 1; k < args.length; k++) noteOutput(seg, f, args[k] as [number, number], held);
}

/**
 * `asm("sidt %0" : "=m"(idtr))` (every operand: old code passes the memory as an input too, or
 * names it in the template), or `asm("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_LSTAR))`.
 */
function noteAsmRead(seg: Segment, f: FnScope, at: number, held: Set<string>): void {
  const toks = seg.toks;
  const open = asmOpen(seg.toks, at);
  const close = open < 0 ? -1 : (seg.match[open] ?? -1);
  if (open < 0 || close < open) return;
  let template = '';
  let i = open + 1;
  for (; i < close && toks[i]?.type === 'str'; i++) template += (toks[i] as Token).text;
  const sidt = /\bsidt\b/.test(template);
  if (!sidt && !/\brdmsr\b/.test(template)) return;
  // Operand sections: outputs, inputs, clobbers, split at `:` outside parentheses.
  const sections: Array<Array<[number, number]>> = [];
  while (i < close && toks[i]?.text === ':') {
    let end = i + 1;
    while (end < close && toks[end]?.text !== ':')
      end = (seg.match[end] ?? -1) > end ? (seg.match[end] as number) + 1 : end + 1;
    sections.push(splitArgs(seg, i + 1, end).filter(([a, b]) => b > a));
    i = end;
  }
  const [outputs = [], inputs = []] = sections;
  if (sidt) {
    for (const op of [...outputs, ...inputs]) noteOperand(seg, f, op, held);
    for (const m of template.matchAll(/\bsidt\s+\(?\s*([A-Za-z_]\w*)/g)) held.add(m[1] as string);
  } else if (inputs.some(([a, b]) => operandNamesEntryMsr(seg, a, b))) {
    for (const op of outputs) noteOperand(seg, f, op, held);
  }
}

/** `"c"(MSR_LSTAR)` or `[msr] "c" (0xc0000082)`. */
function operandNamesEntryMsr(seg: Segment, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isEntryMsr(seg.toks[i])) return true;
  return false;
}

/** An asm operand `[name] "=m" (expr)`: the expression in its parentheses. */
function noteOperand(seg: Segment, f: FnScope, [a, b]: [number, number], held: Set<string>): void {
  let open = a;
  while (open < b && seg.toks[open]?.text !== '(')
    open = seg.toks[open]?.text === '[' ? (seg.match[open] ?? open) + 1 : open + 1;
  const close = seg.match[open] ?? -1;
  if (open < b && close > open) noteOutput(seg, f, [open + 1, close], held);
}

/**
 * The variable an output expression names: `x`, `&x`, `*(u64 *)&x`, or a member of a local
 * (`dt.address`, `&idtr[2]`: the local holds the read). A member of a parameter or global is
 * the caller's or another object's (`ctxt->eip`, `&ctxt->idt`), not this function's value.
 */
function noteOutput(seg: Segment, f: FnScope, [a, b]: [number, number], held: Set<string>): void {
  let i = a;
  while (i < b && seg.toks[i]?.type !== 'id') i = castEnd(seg, i, b);
  const t = seg.toks[i];
  if (i >= b || t?.type !== 'id') return;
  const whole = i + 1 === b;
  if (whole || (f.locals.has(t.text) && !f.params.includes(t.text))) held.add(t.text);
}

/** The token after a cast at `i` (`(u64 *)`, `(unsigned long)`), or after a prefix (`&`, `*`, `(`). */
function castEnd(seg: Segment, i: number, b: number): number {
  const m = seg.match[i] ?? -1;
  return seg.toks[i]?.text === '(' && m > i + 1 && m < b - 1 && isCastGroup(seg, i, m)
    ? m + 1
    : i + 1;
}

/**
 * Names assigned (`p = (void *)x`, `u64 v = hi`, `v |= lo`) or copied into (`memcpy(&d, x, n)`)
 * from a value that carries a read, to a fixpoint: a loop's assignments may come before the
 * read in the text.
 */
function spreadThroughAssignments(seg: Segment, f: FnScope, held: Set<string>): void {
  const toks = seg.toks;
  for (let changed = true, guard = 0; changed && guard < 16; guard++) {
    changed = false;
    for (let i = f.bodyStart; i < f.bodyEnd; i++) {
      const t = toks[i] as Token;
      let name = '';
      if (t.type === 'op' && isAssignment(t.text)) {
        const lhs = lhsShape(seg, lvalueStart(seg, i, f.bodyStart), i);
        if (lhs.shape === 'name' && carriesRead(seg, i + 1, exprEnd(seg, i + 1, f.bodyEnd), held))
          name = toks[lhs.nameTok]?.text ?? '';
      } else if (t.type === 'id' && COPIERS.has(t.text) && toks[i + 1]?.text === '(') {
        name = copyDestination(seg, i, held);
      }
      if (name !== '' && !held.has(name)) {
        held.add(name);
        changed = true;
      }
    }
  }
}

/** `=` and the compound assignments; not the comparisons. */
function isAssignment(op: string): boolean {
  return op.endsWith('=') && op !== '==' && op !== '!=' && op !== '<=' && op !== '>=';
}

/** The variable `memcpy(&d, src, n)` copies a read into, or ''. */
function copyDestination(seg: Segment, callee: number, held: Set<string>): string {
  const [dst, src] = splitArgs(seg, callee + 2, seg.match[callee + 1] ?? callee + 2);
  if (!dst || !src || !carriesRead(seg, src[0], src[1], held)) return '';
  let i = dst[0];
  while (i < dst[1] && seg.toks[i]?.type !== 'id') i = castEnd(seg, i, dst[1]);
  return i < dst[1] ? (seg.toks[i]?.text ?? '') : '';
}

/**
 * Whether the value of [a, b) carries a read: it names a variable holding one (not as a member
 * name), or reads an entry MSR's value itself. A truth value does not (`x == y`, `!x`), nor an
 * argument of a call (its result is something else: a status, a write's), but of a conversion
 * passing its argument through (`__va(x)`, `READ_ONCE(x)`) or decoding a gate's handler.
 */
function carriesRead(seg: Segment, a: number, b: number, held: ReadonlySet<string>): boolean {
  const toks = seg.toks;
  if (isTruthValue(seg, a, b)) return false;
  for (let i = a; i < b; i++) {
    const t = toks[i] as Token;
    if (t.type !== 'id') continue;
    if (toks[i + 1]?.text === '(') {
      if (valueRead(seg, i)) return true;
      const close = seg.match[i + 1] ?? -1;
      if (!PASSTHROUGH.has(t.text) && !GATE_DECODERS.has(t.text) && close > i) i = close;
    } else if (held.has(t.text)) {
      const prev = toks[i - 1]?.text;
      if (prev !== '.' && prev !== '->') return true;
    }
  }
  return false;
}

/** `native_read_msr(MSR_LSTAR)`, or any MSR read given only the MSR (it returns the value). */
function valueRead(seg: Segment, callee: number): boolean {
  const name = seg.toks[callee]?.text ?? '';
  if (!MSR_READS.has(name)) return false;
  const args = splitArgs(seg, callee + 2, seg.match[callee + 1] ?? callee + 2);
  const msr = args[0];
  return (
    (VALUE_READS.has(name) || args.length === 1) &&
    msr !== undefined &&
    msr[1] - msr[0] === 1 &&
    isEntryMsr(seg.toks[msr[0]])
  );
}

/** A comparison or logical expression with no `?` choosing a value. */
function isTruthValue(seg: Segment, a: number, b: number): boolean {
  let truth = false;
  for (let i = a; i < b; i++) {
    const x = seg.toks[i]?.text ?? '';
    if (x === '?') return false;
    if (TRUTH_OPS.has(x)) truth = true;
  }
  return truth;
}
