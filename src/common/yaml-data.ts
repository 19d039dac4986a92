// Fast YAML loading: js-yaml builds plain data several times faster than a positioned parse, so
// the happy path uses it; the positioned `yaml` parse runs only when a diagnostic needs a
// file:line:column, or when js-yaml meets anything unusual (aliases, errors, deep nesting) —
// then the careful parser decides and reports.
import jsYaml from 'js-yaml';
import type { SourceText } from './source-file.js';
import { MAX_DEPTH, parseYaml, type YamlSource } from './yaml-document.js';

export interface YamlData {
  source: SourceText;
  data: unknown;
  /** The positioned parse, made on first use. */
  locate(): YamlSource;
}

/** Plain trees only: a collection reached twice is an alias (maybe a bomb); too deep is hostile. */
function isPlainTree(root: unknown): boolean {
  const seen = new Set<object>();
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (seen.has(node) || depth > MAX_DEPTH) return false;
    seen.add(node);
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

function fastLoad(text: string): { ok: true; data: unknown } | { ok: false } {
  try {
    const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
    if (data === null || data === undefined || !isPlainTree(data)) return { ok: false };
    return { ok: true, data };
  } catch {
    return { ok: false };
  }
}

export function loadYamlData(source: SourceText, what: string): YamlData {
  let located: YamlSource | undefined;
  const locate = (): YamlSource => {
    located ??= parseYaml(source, what);
    return located;
  };
  const fast = fastLoad(source.text);
  if (fast.ok) return { source, data: fast.data, locate };
  // The careful parser either throws the right diagnostics or accepts what js-yaml refused.
  return { source, data: locate().data, locate };
}
