// Reads the `asmlinkage long sys_*(...)` prototypes of include/linux/syscalls.h into parameter
// lists. Where a prototype depends on configuration (sys_clone, sys_fanotify_mark), the last one
// in the file is kept: the kernel writes the generic variant in the final #else.
import type { Param } from '../spec/model.js';
import { parseParam } from '../spec/params.js';

const PROTOTYPE = /\basmlinkage\s+long\s+(sys_[A-Za-z0-9_]+)\s*\(([^)]*)\)\s*;/g;

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

export function parseSyscallsHeader(text: string): Map<string, Param[]> {
  const prototypes = new Map<string, Param[]>();
  for (const m of stripComments(text).matchAll(PROTOTYPE)) {
    const [, entry, list] = m;
    if (!entry || list === undefined) continue;
    const decls = list
      .split(',')
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '' && p !== 'void');
    prototypes.set(entry, decls.map(parseParam));
  }
  return prototypes;
}
