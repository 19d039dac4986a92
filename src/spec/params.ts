// Splits a C parameter declaration (`char __user *buf`, `unsigned long`, `int __user *`) into
// its type and name; the kernel leaves some parameters unnamed.
import type { Param } from './model.js';

/** Words that end a type, never a name. */
const TYPE_WORDS = new Set([
  'void',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
  'signed',
  'unsigned',
  '_Bool',
  'const',
  'volatile',
  'restrict',
  '__user',
  '__force',
  '__kernel',
  '__iomem',
]);
const TAG_WORDS = new Set(['struct', 'union', 'enum']);

/** Collapses runs of whitespace; the kernel's own spelling is otherwise kept. */
export function normalizeDecl(decl: string): string {
  return decl.replace(/\s+/g, ' ').trim();
}

export function parseParam(raw: string): Param {
  const decl = normalizeDecl(raw);
  const m = /^(.*?)([A-Za-z_][A-Za-z0-9_]*)((?:\[[^\]]*\])*)$/.exec(decl);
  if (!m) return { decl, type: decl, name: '' };
  const [, before = '', word = '', arrays = ''] = m;
  const beforeTrim = before.trimEnd();
  const previous = beforeTrim.split(/[ *]/).filter(Boolean).pop();
  const isName =
    beforeTrim !== '' &&
    !TYPE_WORDS.has(word) &&
    !(previous !== undefined && TAG_WORDS.has(previous) && !before.endsWith('*'));
  if (!isName) return { decl, type: decl, name: '' };
  return { decl, type: `${before}${arrays}`.trim(), name: word };
}
