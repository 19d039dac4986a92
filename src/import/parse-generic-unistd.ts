// Reads include/uapi/asm-generic/unistd.h — the asm-generic syscall list before 6.11 moved it to
// scripts/syscall.tbl — into the rows that table would hold, so older trees (6.1, 5.x) import
// arm64, riscv, loongarch and the other asm-generic users too. Each `#if` the header uses becomes
// the tag scripts/syscall.tbl gives the same rows (checked against 6.12, which ships both).
import type { Diagnostic } from '../common/diagnostics.js';
import type { LegacyRows, TblRow } from './parse-tbl.js';

/** What a condition of the header means for the rows inside it. */
type Effect =
  | { kind: 'tag'; tag: string } // rows get this tag
  | { kind: 'split'; tag32: string } // `X || __BITS_PER_LONG != 32`: 32-bit side tagged tag32, 64-bit side `64`
  | { kind: 'plain' } // every asm-generic user wants it: `common`
  | { kind: 'skip' } // no asm-generic user wants it
  | { kind: 'alias64' } // the __NR3264_* names of 64-bit ABIs
  | { kind: 'alias32' }; // ... and of 32-bit ABIs

/** Conditions as the header writes them (whitespace collapsed), per branch. */
const CONDITIONS: Record<string, { ifBranch: Effect; elseBranch: Effect }> = {
  'if defined(__ARCH_WANT_TIME32_SYSCALLS) || __BITS_PER_LONG != 32': {
    ifBranch: { kind: 'split', tag32: 'time32' },
    elseBranch: { kind: 'skip' },
  },
  'if defined(__ARCH_WANT_NEW_STAT) || defined(__ARCH_WANT_STAT64)': {
    ifBranch: { kind: 'split', tag32: 'stat64' },
    elseBranch: { kind: 'skip' },
  },
  'ifdef __ARCH_WANT_RENAMEAT': {
    ifBranch: { kind: 'tag', tag: 'renameat' },
    elseBranch: { kind: 'plain' },
  },
  'ifdef __ARCH_WANT_SET_GET_RLIMIT': {
    ifBranch: { kind: 'tag', tag: 'rlimit' },
    elseBranch: { kind: 'plain' },
  },
  'ifdef __ARCH_WANT_MEMFD_SECRET': {
    ifBranch: { kind: 'tag', tag: 'memfd_secret' },
    elseBranch: { kind: 'plain' },
  },
  'if defined(__SYSCALL_COMPAT) || __BITS_PER_LONG == 32': {
    ifBranch: { kind: 'tag', tag: '32' },
    elseBranch: { kind: 'plain' },
  },
  // scripts/syscall.tbl keeps only sync_file_range: no asm-generic user wants the variant.
  'ifdef __ARCH_WANT_SYNC_FILE_RANGE2': {
    ifBranch: { kind: 'skip' },
    elseBranch: { kind: 'plain' },
  },
  'ifdef __ARCH_WANT_SYS_CLONE3': { ifBranch: { kind: 'plain' }, elseBranch: { kind: 'skip' } },
  'ifndef __ARCH_NOMMU': { ifBranch: { kind: 'plain' }, elseBranch: { kind: 'skip' } },
  'if __BITS_PER_LONG == 64 && !defined(__SYSCALL_COMPAT)': {
    ifBranch: { kind: 'alias64' },
    elseBranch: { kind: 'alias32' },
  },
  'ifdef __NR3264_stat': { ifBranch: { kind: 'plain' }, elseBranch: { kind: 'plain' } },
  // The header's own plumbing, not rows.
  'ifndef __SYSCALL': { ifBranch: { kind: 'plain' }, elseBranch: { kind: 'plain' } },
  'ifdef __SYSCALL_COMPAT': { ifBranch: { kind: 'plain' }, elseBranch: { kind: 'plain' } },
  'if __BITS_PER_LONG == 32 || defined(__SYSCALL_COMPAT)': {
    ifBranch: { kind: 'plain' },
    elseBranch: { kind: 'plain' },
  },
};

interface Call {
  macro: string;
  nrName: string;
  entries: string[];
  effects: Effect[];
  line: number;
}

const CALL = /^(__SYSCALL|__SC_COMP|__SC_3264|__SC_COMP_3264)\s*\((.*)\)\s*;?\s*$/;

/** Strips comments and joins continued lines, keeping each logical line's first line number. */
function logicalLines(text: string): Array<{ text: string; line: number }> {
  const stripped = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const out: Array<{ text: string; line: number }> = [];
  let pending: { text: string; line: number } | undefined;
  stripped.split('\n').forEach((raw, i) => {
    const continued = raw.endsWith('\\');
    const piece = continued ? raw.slice(0, -1) : raw;
    pending = pending
      ? { text: `${pending.text} ${piece}`, line: pending.line }
      : { text: piece, line: i + 1 };
    if (!continued) {
      out.push({ text: pending.text.replace(/\s+/g, ' ').trim(), line: pending.line });
      pending = undefined;
    }
  });
  return out;
}

export interface GenericUnistdOptions {
  /**
   * An architecture's own header (arch/<arch>/include/uapi/asm/unistd.h): every row gets this
   * tag (the table's per-architecture tag, e.g. riscv, or1k), and its conditions are its own.
   */
  tag?: string;
  /** Numbers already known (`__NR_arch_specific_syscall` from the generic header). */
  known?: ReadonlyMap<string, number>;
}

/** `N`, `NAME`, `(NAME)` or `(NAME + N)`, as the headers define numbers. */
function evaluate(value: string, numbers: ReadonlyMap<string, number>): number | undefined {
  const m = /^\(?\s*(?:([A-Za-z_][A-Za-z0-9_]*)\s*(?:\+\s*([0-9]+))?|([0-9]+))\s*\)?$/.exec(value);
  if (!m) return undefined;
  if (m[3] !== undefined) return Number(m[3]);
  const base = numbers.get(m[1] ?? '');
  return base === undefined ? undefined : base + Number(m[2] ?? 0);
}

export function parseGenericUnistd(
  text: string,
  file: string,
  options: GenericUnistdOptions = {},
): LegacyRows {
  const diagnostics: Diagnostic[] = [];
  const numbers = new Map<string, number>(options.known ?? []);
  const alias = { 32: new Map<string, string>(), 64: new Map<string, string>() };
  const calls: Call[] = [];
  const stack: Array<{ condition: string; inElse: boolean; line: number }> = [];
  const effects = (): Effect[] =>
    stack.map((f) => {
      const known = CONDITIONS[f.condition];
      return known ? (f.inElse ? known.elseBranch : known.ifBranch) : { kind: 'plain' };
    });

  for (const { text: line, line: n } of logicalLines(text)) {
    const directive = /^#\s*(if|ifdef|ifndef|elif|else|endif)\b\s*(.*)$/.exec(line);
    if (directive) {
      const [, word = '', rest = ''] = directive;
      if (word === 'endif') stack.pop();
      else if (word === 'else') {
        const top = stack[stack.length - 1];
        if (top) top.inElse = true;
      } else if (word === 'elif') {
        stack.pop();
        stack.push({ condition: `if ${rest}`, inElse: false, line: n });
      } else {
        const condition = `${word} ${rest}`.trim();
        if (!CONDITIONS[condition] && options.tag === undefined) {
          diagnostics.push({
            code: 'unistd-unknown-condition',
            severity: 'warning',
            message: `unknown condition "#${condition}": its rows are read as common`,
            file,
            position: { line: n, column: 1 },
          });
        }
        stack.push({ condition, inElse: false, line: n });
      }
      continue;
    }
    const define = /^#\s*define\s+(__NR(?:3264)?_[A-Za-z0-9_]+)\s+(.+)$/.exec(line);
    if (define) {
      const [, name = '', value = ''] = define;
      const mode = effects().find((e) => e.kind === 'alias32' || e.kind === 'alias64');
      const nr = evaluate(value, numbers);
      if (mode && value.startsWith('__NR3264_')) {
        alias[mode.kind === 'alias32' ? 32 : 64].set(value, name.replace(/^__NR_/, ''));
      } else if (nr !== undefined) numbers.set(name, nr);
      continue;
    }
    const call = CALL.exec(line);
    if (call) {
      const [, macro = '', args = ''] = call;
      const [nrName = '', ...entries] = args.split(',').map((a) => a.trim());
      calls.push({ macro, nrName, entries, effects: effects(), line: n });
    }
  }

  const rows: TblRow[] = [];
  const nameOf = (nrName: string, bits: 32 | 64): string =>
    nrName.startsWith('__NR3264_')
      ? (alias[bits].get(nrName) ?? nrName.slice('__NR3264_'.length))
      : nrName.replace(/^__NR_/, '');
  for (const c of calls) {
    if (c.effects.some((e) => e.kind === 'skip')) continue;
    const nr = numbers.get(c.nrName);
    if (nr === undefined) continue; // a macro definition's body, not a row
    const split = c.effects.find(
      (e): e is Extract<Effect, { kind: 'split' }> => e.kind === 'split',
    );
    const tagged = c.effects.find((e): e is Extract<Effect, { kind: 'tag' }> => e.kind === 'tag');
    const pair = c.macro === '__SC_3264' || c.macro === '__SC_COMP_3264';
    const [first = null, second = null, third = null] = c.entries;
    const compat = c.macro === '__SC_COMP' ? second : c.macro === '__SC_COMP_3264' ? third : null;
    const row = (
      tag: string,
      name: string,
      entry: string | null,
      withCompat: string | null,
    ): TblRow => ({
      nr,
      tag,
      name,
      entry,
      compat: withCompat,
      noreturn: false,
      line: c.line,
    });
    // A __NR3264_ number has a 32-bit and a 64-bit name even when one entry serves both.
    if (options.tag === undefined && (pair || split || c.nrName.startsWith('__NR3264_'))) {
      // The 32-bit side (and the compat entry, which only 32-bit callers reach), then the 64-bit side.
      rows.push(row(split?.tag32 ?? '32', nameOf(c.nrName, 32), first, compat));
      rows.push(row('64', nameOf(c.nrName, 64), pair ? second : first, null));
    } else {
      rows.push(row(options.tag ?? tagged?.tag ?? 'common', nameOf(c.nrName, 64), first, compat));
    }
  }
  return { rows, diagnostics, numbers };
}
