// The data the HTML page embeds: the reference, compacted (one short record per syscall, cells
// keyed by ABI index, default entry points elided) so ~660 × 32 cells stay a few hundred KB.
import { isWideType } from './call-args.js';
import type { RefAbi, Reference, RefStatus } from './reference-model.js';

const STATUS: Record<RefStatus, number> = { implemented: 0, stub: 1, 'not-implemented': 2 };

/** One cell: [nr, number, entry (1 = sys_<name>), compat, status (0 ok, 1 stub, 2 ni), noreturn]. */
export type HtmlCell = [number, number, string | 1 | null, string | null, number, 0 | 1];

export interface HtmlSyscall {
  /** name */
  n: string;
  /** since, man ('' when unknown) */
  v: string;
  m: string;
  /** params: [type, name, 1 when a 64-bit scalar]; null when unknown */
  p: Array<[string, string, 0 | 1]> | null;
  /** 1: reserved (no ABI implements it) */
  r: 0 | 1;
  /** stub reason ('' when not a stub, or no reason given); s: 1 when a stub */
  s: 0 | 1;
  t: string;
  /** cells by ABI index */
  c: Record<number, HtmlCell>;
}

export interface HtmlData {
  kernel: string;
  spec: string;
  source: string | null;
  abis: RefAbi[];
  syscalls: HtmlSyscall[];
}

export function htmlData(ref: Reference): HtmlData {
  return {
    kernel: ref.kernel,
    spec: ref.spec,
    source: ref.source,
    abis: ref.abis,
    syscalls: ref.syscalls.map((s) => {
      const c: Record<number, HtmlCell> = {};
      ref.abis.forEach((a, i) => {
        const cell = s.abis[a.name];
        if (!cell) return;
        const entry = cell.entry === `sys_${s.name}` ? 1 : cell.entry;
        c[i] = [
          cell.nr,
          cell.number,
          entry,
          cell.compat,
          STATUS[cell.status],
          cell.noreturn ? 1 : 0,
        ];
      });
      return {
        n: s.name,
        v: s.since ?? '',
        m: s.man ?? '',
        p: s.params ? s.params.map((p) => [p.type, p.name, isWideType(p.type) ? 1 : 0]) : null,
        r: s.reserved ? 1 : 0,
        s: s.stub ? 1 : 0,
        t: s.stub?.reason ?? '',
        c,
      };
    }),
  };
}

/**
 * JSON safe inside `<script type="application/json">`: `<`, `>` and `&` escaped so no `</script>`
 * or `<!--` can end or alter the element; U+2028/2029 escaped for older parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
