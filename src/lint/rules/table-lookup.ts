// table-lookup: the table's address found by name — kallsyms_lookup_name (directly, through a
// wrapper, or through a pointer from the kprobe trick), a kprobe on the table symbol, symbol
// names compared with the table's (also `sys_call_table+0x0` as sprint_symbol prints it),
// /proc/kallsyms or System.map opened and read — or taken from a module parameter or a
// hard-coded kernel address.
import type { Assign } from '../engine/analyze.js';
import { firstId, tok } from '../engine/context.js';
import { COMPARES } from '../engine/symbols.js';
import { type Rule, STUB_FIX } from './rule.js';

type MessageIds =
  | 'lookupCall'
  | 'kprobeSymbol'
  | 'nameCompare'
  | 'symbolFile'
  | 'moduleParam'
  | 'kernelAddress';

export const tableLookup = {
  meta: {
    id: 'table-lookup',
    description: 'The system call table is looked up by name or taken from a supplied address.',
    fullDescription:
      "Flags code that finds the system call table's address: kallsyms_lookup_name (or __symbol_get) called with a table name, directly, through a wrapper of the module's own (also one that walks kallsyms or reads a symbol file), or through a function pointer obtained with a kprobe on kallsyms_lookup_name; a kprobe whose symbol_name is a table name; symbol names (kallsyms_on_each_symbol callbacks, sprint_symbol output such as `sys_call_table+0x0`) compared with a table name; /proc/kallsyms or System.map opened or handed to a program to read it; an address from a module parameter or a hard-coded kernel address used as the table.",
    defaultSeverity: 'error',
    messages: {
      lookupCall: '`{{callee}}("{{symbol}}")` looks the system call table up by name',
      kprobeSymbol: 'a kprobe on `{{symbol}}` is used to find the system call table',
      nameCompare: 'a symbol name is compared with `{{symbol}}` to find the system call table',
      symbolFile: "`{{path}}` is read to find the system call table's address",
      moduleParam: "`{{name}}` takes the system call table's address from a module parameter",
      kernelAddress: 'a hard-coded kernel address is used as the system call table',
    },
    fix: STUB_FIX,
    docs: 'docs/rules/table-lookup.md',
  },
  check(context) {
    const a = context.analysis;
    let named = false;
    // Only a lookup function (which has a kind) or a comparison can name the table.
    for (const c of a.callsTo((n) => a.mayHaveKind(n) || COMPARES.has(n))) {
      const callee = tok(a, c.seg, c.callee)?.text ?? '';
      const li = a.lookupIndex(c.seg, c.callee, c.scope);
      // (No `args[-1]`: a negative index is a slow named-property lookup on an array.)
      const arg = li >= 0 ? c.args[li] : undefined;
      if (arg) {
        const sym = a.symbolOf(c.seg, arg[0], arg[1], c.scope);
        if (sym !== null && a.tableSymbol(sym) !== null) {
          named = true;
          context.report({
            seg: c.seg,
            tok: c.callee,
            messageId: 'lookupCall',
            data: { callee, symbol: sym },
          });
        }
      }
      if (COMPARES.has(callee)) {
        for (const [x, y] of c.args) {
          const sym = a.symbolOf(c.seg, x, y, c.scope);
          if (sym !== null && a.tableSymbol(sym) !== null) {
            named = true;
            context.report({ seg: c.seg, tok: x, messageId: 'nameCompare', data: { symbol: sym } });
          }
        }
      }
    }
    for (let ai = 0; ai < a.assigns.length; ai++) {
      const asg = a.assigns[ai] as Assign;
      if (asg.shape !== 'field' || tok(a, asg.seg, asg.nameTok)?.text !== 'symbol_name') continue;
      const sym = a.symbolOf(asg.seg, asg.rhs[0], asg.rhs[1], asg.scope);
      if (sym !== null && a.tableSymbol(sym) !== null) {
        named = true;
        context.report({
          seg: asg.seg,
          tok: asg.rhs[0],
          messageId: 'kprobeSymbol',
          data: { symbol: sym },
        });
      }
    }
    // Symbol files are findings where the code reads one (not where a message or a parameter
    // description names it), and only where the file is after the table in them.
    const reads = a.symbolFileReads();
    if (reads.length > 0 && !named) {
      const names = new RegExp(`\\b(${[...a.tableNames].join('|')})\\b`);
      named = a.st.segs.some((s) => s.toks.some((t) => t.type === 'str' && names.test(t.text)));
    }
    if (named) {
      for (const r of reads)
        context.report({ seg: r.seg, tok: r.tok, messageId: 'symbolFile', data: { path: r.path } });
    }
    // `sys_call_table = (void **)param;` or a hard-coded address: the table's own name, supplied.
    for (let ai = 0; ai < a.assigns.length; ai++) {
      const asg = a.assigns[ai] as Assign;
      if (asg.shape !== 'name' || !a.tableNames.has(tok(a, asg.seg, asg.nameTok)?.text ?? ''))
        continue;
      if (a.kind(asg.seg, asg.rhs[0], asg.rhs[1], asg.scope) !== 'cand') continue;
      const first = firstId(a, asg.seg, asg.rhs[0], asg.rhs[1]);
      const t = tok(a, asg.seg, first);
      context.report({
        seg: asg.seg,
        tok: first,
        messageId: t?.type === 'num' ? 'kernelAddress' : 'moduleParam',
        data: { name: t?.text ?? '' },
      });
    }
    for (const c of a.confirmed) {
      const name = tok(a, c.seg, c.tok)?.text ?? '';
      context.report({ seg: c.seg, tok: c.tok, messageId: c.how, data: { name } });
    }
  },
} satisfies Rule<MessageIds>;
