// Where a symbol file (/proc/kallsyms, System.map) is actually read: a string naming one that
// reaches a file-opening call (filp_open, kernel_read_file_from_path, a usermode helper's
// argv), directly or through a variable, a macro or a path formatted into a buffer. Naming the
// file anywhere else — MODULE_PARM_DESC, printk, an error message — reads nothing.
import type { Token } from '../scan/index.js';
import type { Assign, Call } from './analyze.js';
import type { Segment } from './structure.js';

/** A path naming a symbol file, as it appears in a string literal. */
export const SYMBOL_FILE = /\/proc\/kallsyms|[\w/.-]*System\.map[\w.%-]*/;

/** Calls that open, read or hand to a program the file named by their arguments. */
const READERS = new Set([
  'filp_open',
  'file_open_name',
  'file_open_root',
  'file_open_root_mnt',
  'kernel_read_file_from_path',
  'kernel_read_file_from_path_initns',
  'open_exec',
  'ksys_open',
  'do_sys_open',
  'sys_open',
  'call_usermodehelper',
  'call_usermodehelper_setup',
  'argv_split',
  'fopen',
  'open',
  'openat',
]);
/** Calls that build their first argument (a path buffer) from the others. */
const FORMATTERS = new Set([
  'sprintf',
  'snprintf',
  'scnprintf',
  'vsnprintf',
  'strcpy',
  'strncpy',
  'strscpy',
  'strlcpy',
  'strcat',
  'strncat',
  'strlcat',
]);

export interface SymbolFileRead {
  seg: number;
  tok: number;
  path: string;
}

/** String tokens naming a symbol file that the code opens or hands to a program. */
export function symbolFileReads(
  segs: Segment[],
  calls: Call[],
  assigns: Assign[],
): SymbolFileRead[] {
  const text = (si: number, i: number): string => segs[si]?.toks[i]?.text ?? '';
  const idsIn = (si: number, [a, b]: [number, number], into: Set<string>): void => {
    for (let i = a; i < b; i++) if (segs[si]?.toks[i]?.type === 'id') into.add(text(si, i));
  };
  // Ranges whose strings are read: reader arguments, then whatever flows into them.
  const ranges: Array<[number, number, number]> = [];
  const readNames = new Set<string>();
  for (const c of calls) {
    if (!READERS.has(text(c.seg, c.callee))) continue;
    for (const arg of c.args) {
      idsIn(c.seg, arg, readNames);
      ranges.push([c.seg, arg[0], arg[1]]);
    }
  }
  if (ranges.length === 0) return [];
  const done = new Set<object>();
  // Paths formatted into buffers, variables and macros that reach a reader, to a fixpoint.
  for (let round = 0; round < 4; round++) {
    const before = readNames.size;
    for (const c of calls) {
      const dest = c.args[0];
      if (done.has(c) || !dest || !FORMATTERS.has(text(c.seg, c.callee))) continue;
      if (!hasName(segs[c.seg]?.toks ?? [], dest, readNames)) continue;
      done.add(c);
      for (const arg of c.args.slice(1)) {
        idsIn(c.seg, arg, readNames);
        ranges.push([c.seg, arg[0], arg[1]]);
      }
    }
    for (const asg of assigns) {
      if (done.has(asg) || !readNames.has(assignedName(segs[asg.seg] as Segment, asg))) continue;
      done.add(asg);
      idsIn(asg.seg, asg.rhs, readNames);
      ranges.push([asg.seg, asg.rhs[0], asg.rhs[1]]);
    }
    for (let si = 1; si < segs.length; si++) {
      const seg = segs[si] as Segment;
      if (!seg.macro || done.has(seg) || !readNames.has(seg.macro.name)) continue;
      done.add(seg);
      idsIn(si, [0, seg.toks.length], readNames);
      ranges.push([si, 0, seg.toks.length]);
    }
    if (readNames.size === before) break;
  }
  const out: SymbolFileRead[] = [];
  const seen = new Set<string>();
  for (const [si, a, b] of ranges) {
    for (let i = a; i < b; i++) {
      const t = segs[si]?.toks[i] as Token;
      if (t.type !== 'str' || seen.has(`${si}:${i}`)) continue;
      seen.add(`${si}:${i}`);
      const m = SYMBOL_FILE.exec(t.text);
      if (m) out.push({ seg: si, tok: i, path: m[0] });
    }
  }
  return out;
}

function hasName(toks: Token[], [a, b]: [number, number], names: Set<string>): boolean {
  for (let i = a; i < b; i++)
    if (toks[i]?.type === 'id' && names.has(toks[i]?.text ?? '')) return true;
  return false;
}

/** The variable an assignment or initialized declaration sets (`path`, `argv` in `argv[] = {...}`). */
function assignedName(seg: Segment, asg: Assign): string {
  const [a, b] = asg.lhs;
  for (let i = b - 1; i >= a; i--) {
    const t = seg.toks[i] as Token;
    if (t.text === ']') {
      i = (seg.match[i] ?? i) as number;
      continue;
    }
    if (t.type === 'id') return t.text;
  }
  return '';
}
