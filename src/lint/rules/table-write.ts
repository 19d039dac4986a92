// table-write: a slot of the table written — by assignment, xchg/cmpxchg/WRITE_ONCE/memcpy, or
// through any alias the analysis followed (pointers, struct fields, helper parameters, macros,
// globals from other files) — a shadow copy edited for installation, or the syscall entry and
// dispatch code patched instead of the table.

import { numberMacroName } from '../../spec/lookup.js';
import type { Analysis, Assign } from '../engine/analyze.js';
import { firstId, tok } from '../engine/context.js';
import type { Kind } from '../engine/facts.js';
import {
  ENTRY_MSRS,
  LVALUE_WRITERS,
  MSR_WRITES,
  normalNumber,
  WRITERS,
} from '../engine/symbols.js';
import { HOOK_FIX, type Rule } from './rule.js';

type MessageIds = 'slotWrite' | 'writeCall' | 'shadowWrite' | 'entryPatch' | 'msrWrite';

/**
 * The syscall whose slot a written range indexes (`tbl[__NR_read]`, `&t[__NR_ia32_read]`), so
 * the fix hint can name its stub; '' when no `__NR_` name is there (a computed index, `##`).
 */
function slotSyscall(a: Analysis, seg: number, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const t = tok(a, seg, i);
    const name = t?.type === 'id' ? numberMacroName(t.text) : null;
    if (name && tok(a, seg, i + 1)?.text !== '##') return name;
  }
  return '';
}

function syscallData(a: Analysis, seg: number, from: number, to: number): Record<string, string> {
  const syscall = slotSyscall(a, seg, from, to);
  return syscall ? { syscall } : {};
}

function family(k: Kind | null): 'table' | 'shadow' | 'entry' | null {
  if (k === 'slot' || k === 'table') return 'table';
  if (k === 'sslot' || k === 'shadow') return 'shadow';
  if (k === 'eslot' || k === 'entry' || k === 'sysfn') return 'entry';
  return null;
}

export const tableWrite = {
  meta: {
    id: 'table-write',
    description:
      'A slot of the system call table is overwritten, or the table is bypassed by patching entry code.',
    fullDescription:
      "Flags writes into the system call table: assignment to an element, xchg/cmpxchg/WRITE_ONCE/memcpy into it, directly or through an alias (a local or global pointer, a struct field, a helper's parameter, a macro, an extern global written in another file); edits of a shadow copy of the table meant to replace it; and patches that bypass the table: the syscall entry or dispatch code (or its MSR) rewritten, or the code of a syscall function reached through the table or looked up by its sys_* name overwritten (inline hooking). Patching other kernel functions is not a table finding; the write protection it lifts is. Nothing locks the table: a concurrent syscall can read a torn or stale entry, and unloading the module leaves dangling pointers.",
    defaultSeverity: 'error',
    messages: {
      slotWrite: 'a slot of the system call table is overwritten through `{{name}}`',
      writeCall: '`{{callee}}` writes into the system call table through `{{name}}`',
      shadowWrite:
        'a shadow copy of the system call table (`{{name}}`) is edited to be installed in its place',
      entryPatch:
        "syscall code (the entry or dispatch code, or a syscall's own function) is patched through `{{name}}` instead of the table",
      msrWrite: 'the syscall entry MSR `{{msr}}` is rewritten, bypassing the table',
    },
    fix: HOOK_FIX,
    docs: 'docs/rules/table-write.md',
  },
  check(context) {
    const a = context.analysis;
    const ids: Record<'table' | 'shadow' | 'entry', MessageIds> = {
      table: 'slotWrite',
      shadow: 'shadowWrite',
      entry: 'entryPatch',
    };
    for (let ai = 0; ai < a.assigns.length; ai++) {
      const asg = a.assigns[ai] as Assign;
      if (asg.shape === 'name' || asg.shape === 'field') continue;
      const k = a.kind(asg.seg, asg.lhs[0], asg.lhs[1], asg.scope);
      if (k !== 'slot' && k !== 'sslot' && k !== 'eslot') continue;
      const f = family(k) as 'table' | 'shadow' | 'entry';
      const at = firstId(a, asg.seg, asg.lhs[0], asg.lhs[1]);
      context.report({
        seg: asg.seg,
        tok: at,
        messageId: ids[f],
        data: {
          name: tok(a, asg.seg, at)?.text ?? '',
          ...(f === 'table' ? syscallData(a, asg.seg, asg.lhs[0], asg.lhs[1]) : {}),
        },
      });
    }
    for (const c of a.callsTo((n) => WRITERS.has(n) || MSR_WRITES.has(n))) {
      const callee = tok(a, c.seg, c.callee)?.text ?? '';
      const arg0 = c.args[0];
      if (!arg0) continue;
      if (WRITERS.has(callee)) {
        const k = a.kind(c.seg, arg0[0], arg0[1], c.scope);
        // WRITE_ONCE(x, v) writes x itself: only a slot is the table's memory.
        if (LVALUE_WRITERS.has(callee) && k !== 'slot' && k !== 'sslot' && k !== 'eslot') continue;
        const f = family(k);
        if (!f) continue;
        // memcpy(shadow, table, size) makes the shadow copy; editing it is the finding.
        const src = c.args[1];
        if (f === 'shadow' && src && a.kind(c.seg, src[0], src[1], c.scope) === 'table') continue;
        const at = firstId(a, c.seg, arg0[0], arg0[1]);
        const name = tok(a, c.seg, at)?.text ?? '';
        context.report({
          seg: c.seg,
          tok: at,
          messageId: f === 'table' ? 'writeCall' : ids[f],
          data: {
            callee,
            name,
            ...(f === 'table' ? syscallData(a, c.seg, arg0[0], arg0[1]) : {}),
          },
        });
      } else if (MSR_WRITES.has(callee)) {
        const t = tok(a, c.seg, arg0[0]);
        if (t && ENTRY_MSRS.has(normalNumber(t.text)))
          context.report({
            seg: c.seg,
            tok: arg0[0],
            messageId: 'msrWrite',
            data: { msr: t.text },
          });
      }
    }
  },
} satisfies Rule<MessageIds>;
