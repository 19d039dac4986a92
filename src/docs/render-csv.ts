// `docs --format csv`: the syscall × ABI matrix of numbers user space passes (offsets applied),
// empty where a syscall has no number. A `#` comment line first names the kernel and the spec.
import type { Reference } from './reference-model.js';

/** RFC 4180 quoting, and a leading `'` against spreadsheet formula injection. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function renderCsv(ref: Reference): string {
  const comment = `# Linux ${ref.kernel} system call numbers by ABI (offsets applied), from ${ref.spec} by syscalltbl`;
  const lines = [
    comment.replace(/[\r\n]/g, ' '),
    ['syscall', ...ref.abis.map((a) => a.name)].map(csvField).join(','),
  ];
  for (const s of ref.syscalls) {
    const cells = ref.abis.map((a) => {
      const cell = s.abis[a.name];
      return cell ? String(cell.number) : '';
    });
    lines.push([csvField(s.name), ...cells].join(','));
  }
  return `${lines.join('\n')}\n`;
}
