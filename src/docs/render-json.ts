// `docs --format json`: the whole resolved reference, with a format tag; schema/docs.schema.json
// describes it. Key order is the model's, so the output is deterministic.
import type { Reference } from './reference-model.js';

export const JSON_FORMAT = 'syscalltbl-docs';
export const JSON_FORMAT_VERSION = 1;

/**
 * Indented JSON whose values from `inlineDepth` down are written on one line: one line per
 * syscall-ABI cell (and every list of plain values) keeps ~12,000 cells readable and diffable at half the size of full indentation.
 */
export function layoutJson(value: unknown, inlineDepth: number, depth = 0): string {
  const scalars = Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
  if (value === null || typeof value !== 'object' || depth >= inlineDepth || scalars)
    return JSON.stringify(value);
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + layoutJson(v, inlineDepth, depth + 1)).join(',\n')}\n${end}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const body = entries.map(
    ([k, v]) => `${pad}${JSON.stringify(k)}: ${layoutJson(v, inlineDepth, depth + 1)}`,
  );
  return `{\n${body.join(',\n')}\n${end}}`;
}

export function renderJson(ref: Reference): string {
  // Depth 4 is a cell (root → syscalls → syscall → abis → cell), or a param, or a register list.
  return `${layoutJson({ format: JSON_FORMAT, version: JSON_FORMAT_VERSION, ...ref }, 4)}\n`;
}
