// `syscalltbl show NAME|NUMBER [--abi ABI] [--json]`: the job of ausyscall and
// scmp_sys_resolver, for every ABI in the spec.
import type { AbiDescriptor, ArchSet } from '../arch/model.js';
import { UserError } from '../common/diagnostics.js';
import { EXIT_OK } from '../common/exit-codes.js';
import { loadSpec } from './load.js';
import {
  type AbiPlacement,
  describeSyscall,
  findSyscalls,
  parseNumberQuery,
  type SyscallInfo,
  similarNames,
  syscallsByNumber,
} from './lookup.js';
import type { Spec } from './model.js';
import { rowOnAbi } from './resolve.js';

function usage(code: string, message: string, hint: string): UserError {
  return new UserError({ code, severity: 'error', message, hint, file: 'syscalltbl show' });
}

function pickAbi(arches: ArchSet, name: string | undefined): AbiDescriptor | undefined {
  if (name === undefined) return undefined;
  const abi = arches.abis.get(name);
  if (!abi) {
    const known = [...arches.abis.keys()];
    const near = similarNames(known, name);
    throw usage(
      'unknown-abi',
      `no ABI named "${name}"`,
      `${near.length ? `did you mean ${near.join(', ')}? ` : ''}ABIs: ${known.join(', ')}`,
    );
  }
  return abi;
}

/** The highest number a syscall has on `abi` (its own table number, before any offset). */
function highestNumber(spec: Spec, abi: AbiDescriptor): number {
  let max = 0;
  for (const s of spec.syscalls) {
    const row = rowOnAbi(s, abi);
    if (row && row.nr > max) max = row.nr;
  }
  return max;
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

function numberText(p: AbiPlacement): string {
  return p.offset && p.offset.value !== 0
    ? `${p.number} (${p.offset.symbol} + ${p.nr})`
    : String(p.nr);
}

function signature(info: SyscallInfo): string {
  if (!info.params) return `${info.name}(?)  [no prototype in include/linux/syscalls.h]`;
  return `long ${info.name}(${info.params.map((p) => p.decl).join(', ') || 'void'})`;
}

function renderInfo(info: SyscallInfo, kernel: string, detailed: boolean): string {
  const lines = [`${info.name} (Linux ${kernel})`, `  ${signature(info)}`];
  const facts = [
    info.man && `man ${info.man}`,
    info.since && `since ${info.since}`,
    info.reserved && 'reserved: no ABI implements it',
    info.stub && 'module stub',
  ].filter(Boolean);
  if (facts.length) lines.push(`  ${facts.join('; ')}`);
  if (info.placements.length === 0) {
    lines.push('  not on this ABI');
    return `${lines.join('\n')}\n`;
  }
  const rows = info.placements.map((p) => [
    p.abi,
    numberText(p),
    hex(p.number),
    p.entry ?? '-',
    p.compat ?? '',
    p.noreturn ? 'noreturn' : '',
  ]);
  const header = ['ABI', 'number', 'hex', 'entry', 'compat', ''];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
  );
  const fmt = (r: string[]) =>
    `  ${r
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd()}`;
  lines.push('', fmt(header), ...rows.map(fmt));
  if (detailed) {
    for (const p of info.placements) {
      lines.push(
        '',
        `  on ${p.abi}: ${p.instruction}, number in ${p.numberRegister ?? 'the instruction'}, result in ${p.returnRegister}`,
      );
      for (const a of p.args) lines.push(`    ${(a.register ?? '(none)').padEnd(8)} ${a.decl}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function runShow(options: Record<string, unknown>, args: string[]): Promise<number> {
  const query = (args[0] ?? '').trim();
  const { spec, arches } = await loadSpec({
    spec: options.spec as string | undefined,
    archDir: options.archDir as string | undefined,
  });
  const abi = pickAbi(arches, options.abi as string | undefined);
  const asJson = options.json === true;
  const n = parseNumberQuery(query);
  if (n !== undefined) {
    const hits = syscallsByNumber(spec, arches, n, abi);
    if (hits.length === 0) {
      throw usage(
        'number-not-found',
        `no syscall has number ${query}${abi ? ` on ${abi.name}` : ' on any ABI'}`,
        abi
          ? `${abi.name} numbers run from 0 to ${highestNumber(spec, abi)} in this spec${abi.offset && abi.offset.value !== 0 ? ` (user space passes ${abi.offset.symbol} + the number)` : ''}`
          : 'give --abi to look on one ABI',
      );
    }
    const infos = hits.map((h) => ({
      abi: h.abi.name,
      ...describeSyscall(h.syscall, arches, h.abi),
    }));
    if (asJson)
      process.stdout.write(
        `${JSON.stringify({ kernel: spec.kernel, query: n, matches: infos }, null, 2)}\n`,
      );
    else if (abi)
      process.stdout.write(infos.map((i) => renderInfo(i, spec.kernel, true)).join('\n'));
    else {
      const width = Math.max(...infos.map((i) => i.abi.length));
      process.stdout.write(
        `${n} (Linux ${spec.kernel}), by ABI:\n${infos.map((i) => `  ${i.abi.padEnd(width)}  ${i.name}`).join('\n')}\n`,
      );
    }
    return EXIT_OK;
  }
  const found = findSyscalls(spec, query);
  if (found.length === 0) {
    const near = similarNames(
      spec.syscalls.map((s) => s.name),
      query,
    );
    throw usage(
      'unknown-syscall',
      `no syscall named "${query}"`,
      near.length
        ? `did you mean ${near.join(', ')}?`
        : 'give a name, a number, a number macro or an entry point: openat, 59, __NR_openat, __x64_sys_openat',
    );
  }
  const infos = found.map((s) => describeSyscall(s, arches, abi));
  if (asJson) {
    // One syscall: its fields at the top level, as always; an entry point several share: all.
    const body = infos.length === 1 ? { ...infos[0] } : { query, matches: infos as SyscallInfo[] };
    process.stdout.write(`${JSON.stringify({ kernel: spec.kernel, ...body }, null, 2)}\n`);
  } else
    process.stdout.write(
      infos.map((i) => renderInfo(i, spec.kernel, abi !== undefined)).join('\n'),
    );
  return EXIT_OK;
}
