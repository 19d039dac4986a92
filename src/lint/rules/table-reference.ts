// table-reference: the system call table named in code (declared, used), or held by a variable
// or struct field under another name, known by where its value comes from.
import { firstId, nameLengths, type RuleContext } from '../engine/context.js';
import type { Segment } from '../engine/structure.js';
import type { Token } from '../scan/index.js';
import { type Rule, STUB_FIX } from './rule.js';

type MessageIds = 'declaration' | 'use' | 'alias';

const TYPE_BEFORE =
  /^(extern|static|const|volatile|void|long|int|unsigned|char|__read_mostly|__ro_after_init|__visible|syscall_fn_t|sys_call_ptr_t|u64|u32|__user)$/;

export const tableReference = {
  meta: {
    id: 'table-reference',
    description: 'The system call table is named, declared, or held under another name.',
    fullDescription:
      "Flags every declaration or use of a system call table symbol (sys_call_table, ia32_sys_call_table, compat_sys_call_table, sys_oabi_call_table, the arch descriptors' tableSymbols and configured names), and every variable or struct field whose value is the table under another name. The table has not been exported to modules since Linux 2.5.41; its layout differs per architecture and ABI, and nothing locks it.",
    defaultSeverity: 'error',
    messages: {
      declaration:
        '`{{name}}` declared: the system call table is not exported to modules (since 2.5.41) and its layout is per-architecture',
      use: '`{{name}}` referenced: module code reaches into the system call table directly',
      alias: '`{{name}}` holds the system call table under another name',
    },
    fix: STUB_FIX,
    docs: 'docs/rules/table-reference.md',
  },
  check(context) {
    const a = context.analysis;
    // Only a file with an identifier naming the table has one to report.
    if (a.census.tableName) for (let si = 0; si < a.st.segs.length; si++) checkSegment(context, si);
    for (const al of a.aliases) {
      if (al.kind !== 'table') continue;
      context.report({
        seg: al.seg,
        tok: firstId(a, al.seg, al.tok, al.tok + 1),
        messageId: 'alias',
        data: { name: al.name },
      });
    }
  },
} satisfies Rule<MessageIds>;

/** Table names declared or used in one segment. */
function checkSegment(context: RuleContext<MessageIds>, si: number): void {
  const a = context.analysis;
  const toks = (a.st.segs[si] as Segment).toks;
  const lengths = nameLengths(a.tableNames);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    // The length first: no hashing of the (fresh) text of every identifier.
    if (t.type !== 'id' || lengths[Math.min(t.text.length, 255)] !== 1 || !a.tableNames.has(t.text))
      continue;
    const prev = toks[i - 1];
    const next = toks[i + 1]?.text ?? '';
    const declared =
      prev !== undefined &&
      (TYPE_BEFORE.test(prev.text) ||
        (prev.text === '*' && toks[i - 2]?.type === 'id') ||
        (prev.type === 'id' && !/^(return|sizeof|case)$/.test(prev.text))) &&
      /^(\[|;|=|,|\)|__\w+|$)/.test(next);
    context.report({
      seg: si,
      tok: i,
      messageId: declared ? 'declaration' : 'use',
      data: { name: t.text },
    });
  }
}
