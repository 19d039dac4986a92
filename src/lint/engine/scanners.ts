// Functions that locate the table without its name — by the dispatch instruction's bytes,
// ARM's vector page, a slot compared with a syscall — or only read where the entry code is
// (`sidt`, store_idt, the entry MSR): what they return is the table, or the entry code.
import type { Token } from '../scan/index.js';
import { numberText } from './context.js';
import { returnsEntryCode, SCAN_MSRS } from './entry-reads.js';
import type { FnScope, Segment } from './structure.js';

export const SCAN_NUMBERS = /^0x(ffff0008|e59ff000|e59ff)$/i;
/** The dispatch instruction's bytes written in a string: `"\xff\x14\xc5"` (or `\x85`). */
export const DISPATCH_BYTES_STRING = /\\x[fF]{2}\\x14\\x(c5|C5|85)/;
/** `sidt` in an asm template (group 1: the IDT, entry code), or the dispatch bytes (the table). */
const SCAN_STRING = new RegExp(`\\b(sidt)\\b|${DISPATCH_BYTES_STRING.source}`);

export { SCAN_MSRS } from './entry-reads.js';

/**
 * Functions whose body locates the table without its name and return a value: what they return
 * is the table when they search for it (ARM's vector page, the dispatch instruction bytes, a
 * slot compared with a syscall), the syscall entry code when they only read where it is (`sidt`,
 * store_idt, the entry MSR) and what they return derives from that read (entry-reads.ts).
 */
export function scannerFunctions(
  seg: Segment,
  fns: FnScope[],
  tableNames: ReadonlySet<string>,
): Array<[number, 'table' | 'entry']> {
  const out: Array<[number, 'table' | 'entry']> = [];
  fns.forEach((f, fi) => {
    let scans = false;
    let entry = false;
    let returns = false;
    let dispatch = 0;
    for (let i = f.bodyStart; i < f.bodyEnd; i++) {
      const t = seg.toks[i] as Token;
      if (t.text === 'return' && seg.toks[i + 1]?.text !== ';') returns = true;
      if (t.type === 'str') {
        const m = SCAN_STRING.exec(t.text);
        if (m) {
          if (m[1]) entry = true;
          else scans = true;
        }
      } else if (
        t.type === 'id' &&
        t.text.length >= 9 &&
        (/^(native_)?store_idt$/.test(t.text) || SCAN_MSRS.test(t.text))
      )
        entry = true;
      else if (t.type === 'num' && t.text.length >= 7 && SCAN_MSRS.test(t.text)) entry = true;
      else if (
        t.type === 'num' &&
        t.text.length >= 7 &&
        SCAN_NUMBERS.test(t.text.replace(/[uUlL]+$/, ''))
      )
        scans = true;
      else if (t.type === 'num') {
        dispatch = dispatchStep(seg.toks, i, dispatch);
        if (dispatch === 3) scans = true;
      } else if (t.type === 'id' && t.text.startsWith('__NR_') && seg.toks[i - 1]?.text === '[') {
        // A slot compared with a syscall's address: the walked pointer is the table.
        const close = seg.match[i - 1] ?? -1;
        const op = seg.toks[close + 1]?.text;
        if (
          (op === '==' || op === '!=') &&
          seg.toks
            .slice(close + 2, close + 8)
            .some((x) => x.type === 'id' && /k?sys_\w+$/.test(x.text) && !tableNames.has(x.text))
        )
          scans = true;
      }
    }
    // Naming the IDT or an entry MSR only makes the function worth the closer look.
    if (returns && scans) out.push([fi, 'table']);
    else if (returns && entry && returnsEntryCode(seg, f)) out.push([fi, 'entry']);
  });
  return out;
}

/** A number indexing or offsetting a pointer (`p[1]`, `*(p + 1)`): not one of compared bytes. */
export function isOffset(toks: Token[], i: number): boolean {
  const prev = toks[i - 1]?.text;
  return prev === '[' || prev === '+' || prev === '-';
}

/**
 * The match state of the dispatch bytes as consecutive numbers after number token `i`: 1 after
 * 0xff, 2 after 0x14, 3 (kept) once 0xc5 or 0x85 follows. Offsets (`p[1]`) leave it as it was.
 */
export function dispatchStep(toks: Token[], i: number, dispatch: number): number {
  const x = (toks[i] as Token).text;
  // Only four-character numbers (0xff, 0x14, 0xc5, 0x85) advance the match.
  const v = x.length === 4 ? x.toLowerCase() : '';
  if (v === '0xff') return 1;
  if (dispatch === 1 && v === '0x14') return 2;
  if (dispatch === 2 && (v === '0xc5' || v === '0x85')) return 3;
  if (dispatch === 3) return 3;
  return isOffset(toks, i) ? dispatch : 0;
}

/**
 * `call *table(,%rax,8)` is ff 14 c5 (x86-64), `call *table(,%eax,4)` ff 14 85 (i386): 0xff at
 * `i`, then those bytes compared or listed. Not indexes or offsets (`p[1] == 0x14`, `*(p+1)`).
 */
export function dispatchBytesAt(toks: Token[], i: number): boolean {
  if (numberText(toks[i]) !== '0xff') return false;
  const rest: string[] = [];
  for (let k = i + 1, depth = 0; k < Math.min(toks.length, i + 24) && rest.length < 2; k++) {
    const x = toks[k] as Token;
    if (x.text === '[') depth++;
    else if (x.text === ']') depth--;
    else if (depth === 0 && (x.type === 'num' || x.type === 'chr') && !isOffset(toks, k))
      rest.push(numberText(x));
  }
  return rest[0] === '0x14' && (rest[1] === '0xc5' || rest[1] === '0x85');
}
