// Functions that locate the table without its name — by the dispatch instruction's bytes,
// ARM's vector page, a slot compared with a syscall — or only read where the entry code is
// (`sidt`, store_idt, the entry MSR): what they return is the table, or the entry code.
import type { Token } from '../scan/index.js';
import type { FnScope, Segment } from './structure.js';

export const SCAN_NUMBERS = /^0x(ffff0008|e59ff000|e59ff)$/i;
/** `sidt` in an asm template (group 1: the IDT, entry code), or the dispatch bytes (the table). */
const SCAN_STRING = /\b(sidt)\b|\\x[fF]{2}\\x14\\x(c5|C5|85)/;
export const SCAN_MSRS = /^(MSR_LSTAR|MSR_CSTAR|MSR_IA32_SYSENTER_EIP|0xc000008[23])$/i;

/**
 * Functions whose body locates the table without its name and return a value: what they return
 * is the table when they search for it (ARM's vector page, the dispatch instruction bytes, a
 * slot compared with a syscall), the syscall entry code when they only read where it is (`sidt`,
 * store_idt, the entry MSR).
 */
export function scannerFunctions(
  seg: Segment,
  fns: FnScope[],
  tableNames: Set<string>,
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
        // Only four-character numbers (0xff, 0x14, 0xc5, 0x85) advance the match.
        const v = t.text.length === 4 ? t.text.toLowerCase() : '';
        dispatch =
          v === '0xff'
            ? 1
            : dispatch === 1 && v === '0x14'
              ? 2
              : dispatch === 2 && (v === '0xc5' || v === '0x85')
                ? 3
                : dispatch === 3
                  ? 3
                  : isOffset(seg.toks, i)
                    ? dispatch
                    : 0;
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
    if (returns && (scans || entry)) out.push([fi, scans ? 'table' : 'entry']);
  });
  return out;
}

/** A number indexing or offsetting a pointer (`p[1]`, `*(p + 1)`): not one of compared bytes. */
export function isOffset(toks: Token[], i: number): boolean {
  const prev = toks[i - 1]?.text;
  return prev === '[' || prev === '+' || prev === '-';
}
