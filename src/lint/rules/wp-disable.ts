// wp-disable: write protection lifted — CR0.WP cleared (write_cr0 with the bit masked off,
// directly, through a local variable or a mask macro of the module's own), inline assembly
// writing %cr0, ARM domains set to manager, the table's own pages made writable, or the
// read-only data that holds it (arm64 update_mapping_prot on __start_rodata) in a module that
// touches the table. Raised to error when the module touches the table.
import type { Assign, Call } from '../engine/analyze.js';
import { asmStatements, tok } from '../engine/context.js';
import { protectionChanges } from '../engine/protection.js';
import type { Segment } from '../engine/structure.js';
import type { Token } from '../scan/index.js';
import { type Rule, STUB_FIX } from './rule.js';

type MessageIds = 'cr0Write' | 'cr0Asm' | 'armDomain' | 'tableMemory' | 'rodataWritable';

export const CR0_WRITER = /(write|wr|set|put).*cr0|cr0.*(write|set)/i;
export const WP_MASKS = new Set(['X86_CR0_WP', '0x10000', '0x00010000', '65536', 'CR0_WP']);
export const WP_CLEARED = new Set([
  '0xfffeffff',
  '0xfffffffffffeffff',
  '0xFFFEFFFF',
  '0xFFFFFFFFFFFEFFFF',
]);
/** `mov ..., %cr0` (AT&T) or `mov cr0, ...` (Intel). */
const CR0_ASM = /mov[lqw]?\s+[^;\n]*,\s*%+cr0\b|\bmov\s+cr0\s*,/i;
const ARM_DACR_ASM = /mcr\s+p15\s*,\s*0\s*,\s*%?\w+\s*,\s*c3\s*,\s*c0/i;

/**
 * What an asm template (its string literals joined, quotes off) writes that this rule reports:
 * %cr0 (`\n`/`\t` escapes read as blanks), ARM's domain register, or nothing. The gate's
 * checks ask the same.
 */
export function asmTemplateWrite(template: string): 'cr0' | 'armDomain' | null {
  if (CR0_ASM.test(template.replace(/\\n|\\t/g, ' '))) return 'cr0';
  return ARM_DACR_ASM.test(template) ? 'armDomain' : null;
}

/** The module's own macros: those that are the WP bit (`CR0_WP_BIT 0x10000`) and those that clear it. */
interface WpMacros {
  masks: ReadonlySet<string>;
  clears: ReadonlySet<string>;
}
const NO_MACROS: WpMacros = { masks: new Set(), clears: new Set() };

function clearsWp(toks: Token[], from: number, to: number, macros: WpMacros = NO_MACROS): boolean {
  for (let i = from; i < to; i++) {
    const t = toks[i] as Token;
    const v = t.text.replace(/[uUlL]+$/, '');
    if (WP_CLEARED.has(v) || WP_CLEARED.has(v.toLowerCase()) || macros.clears.has(t.text))
      return true;
    if (t.text === '~' || t.text === '^' || t.text === '^=') {
      let j = i + 1;
      while (toks[j]?.text === '(' && j < to) j++;
      const m = toks[j];
      if (!m) continue;
      const mv = m.text.replace(/[uUlL]+$/, '');
      if (WP_MASKS.has(mv) || macros.masks.has(m.text)) return true;
      if (mv === '1' && toks[j + 1]?.text === '<<' && toks[j + 2]?.text === '16') return true;
      if (m.text === 'BIT' && toks[j + 2]?.text === '16') return true;
    }
  }
  return false;
}

/** A name this rule takes for a CR0 writer (the gate's token check asks the same). */
export function isCr0Writer(name: string): boolean {
  // Every CR0 writer's name holds a `0`: most names skip the pattern.
  return name.indexOf('0') >= 0 && CR0_WRITER.test(name);
}

/** A callee that may clear CR0.WP or set ARM domains (the checks below decide). */
function mayLiftProtection(name: string): boolean {
  return isCr0Writer(name) || name === 'set_domain' || name === 'modify_domain';
}

export const wpDisable = {
  meta: {
    id: 'wp-disable',
    description:
      "Write protection of kernel memory is lifted (CR0.WP, %cr0 writes, ARM domains, the table's pages).",
    fullDescription:
      'Flags code that lifts write protection so read-only kernel data can be patched: write_cr0/native_write_cr0 with X86_CR0_WP (bit 16, 0x10000) masked off, directly or through a local variable or clear_bit(16, ...); inline assembly moving a value into %cr0; ARM domain access set to manager (set_domain/modify_domain with DOMAIN_MANAGER, `mcr p15, 0, r, c3, c0`); and page attributes or page-table entries of the system call table made writable. A warning on its own; an error when the same module (the files of its directory) touches the system call table.',
    defaultSeverity: 'warning',
    messages: {
      cr0Write: '`{{callee}}` clears CR0.WP: write protection is lifted for all kernel memory',
      cr0Asm: 'inline assembly writes %cr0, which can lift write protection for all kernel memory',
      armDomain:
        'ARM domain access is set to manager (`{{how}}`): page permissions are no longer checked',
      tableMemory: "`{{callee}}` makes the system call table's memory writable",
      rodataWritable:
        "`{{callee}}` makes the kernel's read-only data, which holds the system call table, writable",
    },
    fix: STUB_FIX,
    docs: 'docs/rules/wp-disable.md',
  },
  check(context) {
    const a = context.analysis;
    const escalate = context.moduleTouchesTable;
    let macros: WpMacros | null = null;
    for (const c of a.callsTo(mayLiftProtection)) {
      const callee = tok(a, c.seg, c.callee)?.text ?? '';
      const seg = a.st.segs[c.seg] as Segment;
      if (c.args.length === 1 && isCr0Writer(callee)) {
        macros ??= wpMacros(a);
        const [x, y] = c.args[0] as [number, number];
        let cleared = clearsWp(seg.toks, x, y, macros);
        const only = y - x === 1 && seg.toks[x]?.type === 'id' ? (seg.toks[x] as Token).text : null;
        if (!cleared && only !== null && c.scope >= 0)
          cleared = variableCleared(a, c.scope, only, macros, { seg: c.seg, tok: c.callee });
        if (cleared)
          context.report({
            seg: c.seg,
            tok: c.callee,
            messageId: 'cr0Write',
            data: { callee },
            escalate,
          });
      }
      if (
        (callee === 'set_domain' || callee === 'modify_domain') &&
        seg.toks
          .slice(c.callee, c.args.at(-1)?.[1] ?? c.callee)
          .some((t) => t.text === 'DOMAIN_MANAGER' || t.text === 'DOMAIN_MANAGER_VALUE')
      ) {
        context.report({
          seg: c.seg,
          tok: c.callee,
          messageId: 'armDomain',
          data: { how: callee },
          escalate,
        });
      }
    }
    for (const s of asmStatements(a)) {
      const toks = a.st.segs[s.seg]?.toks ?? [];
      for (let i = s.start; i < s.end; i++) {
        const t = toks[i] as Token;
        if (t.type !== 'str') continue;
        // The template: the string literals before the first operand colon.
        let joined = '';
        for (let k = i; k < s.end && toks[k]?.type === 'str'; k++)
          joined += (toks[k] as Token).text.slice(1, -1);
        const writes = asmTemplateWrite(joined);
        if (writes === 'cr0') {
          context.report({ seg: s.seg, tok: i, messageId: 'cr0Asm', data: {}, escalate });
        } else if (writes === 'armDomain') {
          context.report({
            seg: s.seg,
            tok: i,
            messageId: 'armDomain',
            data: { how: 'mcr p15 c3' },
            escalate,
          });
        }
        break;
      }
    }
    for (const p of protectionChanges(a)) {
      if (p.target === 'table')
        context.report({
          seg: p.seg,
          tok: p.tok,
          messageId: 'tableMemory',
          data: { callee: p.callee },
          escalate: true,
        });
      else if (p.target === 'rodata' && escalate)
        context.report({
          seg: p.seg,
          tok: p.tok,
          messageId: 'rodataWritable',
          data: { callee: p.callee },
          escalate: true,
        });
    }
  },
} satisfies Rule<MessageIds>;

/** Object-like macros of the file that are the WP bit, or a value with it cleared. */
function wpMacros(a: import('../engine/analyze.js').Analysis): WpMacros {
  const masks = new Set<string>();
  const clears = new Set<string>();
  for (const seg of a.st.segs) {
    const m = seg.macro;
    if (!m || m.params !== null || seg.toks.length > 8) continue;
    const body = seg.toks.filter((t) => t.text !== '(' && t.text !== ')');
    const v = body[0]?.text.replace(/[uUlL]+$/, '') ?? '';
    if (body.length === 1 && WP_MASKS.has(v)) masks.add(m.name);
    else if (body.length === 3 && v === '1' && body[1]?.text === '<<' && body[2]?.text === '16')
      masks.add(m.name);
    else if (clearsWp(seg.toks, 0, seg.toks.length)) clears.add(m.name);
  }
  return { masks, clears };
}

/**
 * `cr0 &= ~X86_CR0_WP`, `cr0 = read_cr0() & ~0x10000`, `clear_bit(16, &cr0)` in the same
 * function: the last change to `name` before the call at `at` (a later `set_bit(16, &cr0)` or
 * `cr0 = read_cr0()` restores it; in macro bodies, where order says nothing, any change counts).
 */
function variableCleared(
  a: import('../engine/analyze.js').Analysis,
  scope: number,
  name: string,
  macros: WpMacros,
  at: { seg: number; tok: number },
): boolean {
  const ordered = at.seg === 0;
  let last = -1;
  let cleared = false;
  const note = (seg: number, tokIndex: number, clears: boolean): void => {
    if (!ordered) {
      cleared ||= clears;
      return;
    }
    if (seg !== 0 || tokIndex >= at.tok || tokIndex < last) return;
    last = tokIndex;
    cleared = clears;
  };
  for (let ai = 0; ai < a.assigns.length; ai++) {
    const asg = a.assigns[ai] as Assign;
    if (asg.scope !== scope || tok(a, asg.seg, asg.lhs[1] - 1)?.text !== name) continue;
    const seg = a.st.segs[asg.seg] as Segment;
    const from = asg.op === '&=' || asg.op === '^=' ? asg.rhs[0] - 1 : asg.rhs[0];
    // `cr0 |= X86_CR0_WP` after a clear sets it again; other compound updates keep it.
    if (asg.op === '|=') note(asg.seg, asg.lhs[0], false);
    else if (asg.op === '=' || asg.op === '&=' || asg.op === '^=')
      note(asg.seg, asg.lhs[0], clearsWp(seg.toks, from, asg.rhs[1], macros));
  }
  for (let ci = 0; ci < a.calls.length; ci++) {
    const c = a.calls[ci] as Call;
    if (c.scope !== scope || c.args.length !== 2) continue;
    const callee = tok(a, c.seg, c.callee)?.text ?? '';
    const clear = /^(__)?clear_bit$/.test(callee);
    if (!clear && !/^(__)?set_bit$/.test(callee)) continue;
    const bit = tok(a, c.seg, (c.args[0] as [number, number])[0])?.text ?? '';
    const target = a.st.segs[c.seg]?.toks
      .slice(...(c.args[1] as [number, number]))
      .some((t) => t.text === name);
    if (target && (bit === '16' || bit === 'X86_CR0_WP_BIT')) note(c.seg, c.callee, clear);
  }
  return cleared;
}
