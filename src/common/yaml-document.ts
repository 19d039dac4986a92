// YAML with source positions: parse (rejecting duplicate keys, alias bombs and deep nesting with
// one clear diagnostic each), convert to plain data, and map a data path back to file:line:col.
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import { type Diagnostic, UserError } from './diagnostics.js';
import type { SourceText } from './source-file.js';

// `yaml` takes ~25 ms to load; most runs never need it (see yaml-data.ts), so load it on first use.
let yamlModule: typeof import('yaml') | undefined;
function yamlLib(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}

export const MAX_DEPTH = 64;
export const MAX_ALIASES = 100;

export interface YamlSource {
  source: SourceText;
  doc: Document;
  lines: LineCounter;
  /** The document as plain data. */
  data: unknown;
}

export type DataPath = ReadonlyArray<string | number>;

function lineText(text: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}

/** A diagnostic at a character offset of the source text. */
export function diagnosticAt(
  src: { source: SourceText; lines: LineCounter },
  offset: number,
  code: string,
  message: string,
  hint?: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  const { line, col } = src.lines.linePos(Math.max(0, Math.min(offset, src.source.text.length)));
  return {
    code,
    severity,
    message,
    ...(hint ? { hint } : {}),
    file: src.source.file,
    position: { line, column: col },
    sourceLine: lineText(src.source.text, line),
  };
}

const YAML_ERROR_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear once in a mapping; merge the two entries',
  BAD_INDENT: 'indent nested entries consistently with spaces',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the bracket or quote',
  RESOURCE_EXHAUSTION: `nest at most ${MAX_DEPTH} levels deep`,
};

function deepestNode(doc: Document): { depth: number; node: Node | null } {
  const { isCollection, isPair } = yamlLib();
  // Iterative, so a hostile file cannot overflow our own stack either.
  let worst = { depth: 0, node: null as Node | null };
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (!isCollection(node)) continue;
    if (depth > worst.depth) worst = { depth, node };
    if (depth > MAX_DEPTH) return worst;
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return worst;
}

/** Parses YAML text; throws UserError listing every syntax problem. */
export function parseYaml(source: SourceText, what: string): YamlSource {
  const { LineCounter, isScalar, parseDocument } = yamlLib();
  const lines = new LineCounter();
  const doc = parseDocument(source.text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const src = { source, lines };
  if (doc.errors.length > 0) {
    throw new UserError(
      doc.errors.map((e) => {
        const offset = e.pos[0];
        if (e.code === 'MULTIPLE_DOCS') {
          return diagnosticAt(
            src,
            offset,
            'yaml-multiple-documents',
            'the file holds more than one YAML document',
            `${what} is one document: remove the --- and what follows`,
          );
        }
        if (e.code === 'RESOURCE_EXHAUSTION') {
          return diagnosticAt(
            src,
            offset,
            'yaml-too-deep',
            'nesting is too deep to read',
            YAML_ERROR_HINTS[e.code],
          );
        }
        const message =
          e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message;
        return diagnosticAt(
          src,
          offset,
          e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
          message,
          YAML_ERROR_HINTS[e.code],
        );
      }),
    );
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new UserError({
      code: 'empty-file',
      severity: 'error',
      message: `file is empty: expected ${what}`,
      hint: `start with the keys of ${what}`,
      file: source.file,
    });
  }
  const deepest = deepestNode(doc);
  if (deepest.depth > MAX_DEPTH && deepest.node?.range) {
    throw new UserError(
      diagnosticAt(
        src,
        deepest.node.range[0],
        'yaml-too-deep',
        `nesting deeper than ${MAX_DEPTH} levels`,
        `${what} needs only a few levels`,
      ),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError) {
      throw new UserError(
        diagnosticAt(
          src,
          0,
          'yaml-alias-limit',
          'aliases expand too far (a "billion laughs" document?)',
          `use at most ${MAX_ALIASES} alias expansions`,
        ),
      );
    }
    throw error;
  }
  return { source, doc, lines, data };
}

function pairFor(map: Node, key: string | number): Pair | undefined {
  const { isMap, isScalar } = yamlLib();
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key)) as
    | Pair
    | undefined;
}

/**
 * The node at a data path, resolving aliases. `as: 'key'` gives the key of the last segment
 * (for "unknown property" errors) instead of its value.
 */
export function nodeAt(
  src: YamlSource,
  path: DataPath,
  as: 'value' | 'key' = 'value',
): Node | undefined {
  const { isAlias, isMap, isSeq } = yamlLib();
  let node: Node | undefined = src.doc.contents ?? undefined;
  for (let i = 0; i < path.length; i++) {
    if (node && isAlias(node)) node = node.resolve(src.doc) ?? undefined;
    const segment = path[i] as string | number;
    const last = i === path.length - 1;
    if (node && isMap(node)) {
      const pair = pairFor(node, segment);
      if (!pair) return node;
      if (last && as === 'key') return (pair.key as Node) ?? undefined;
      node = (pair.value as Node) ?? (pair.key as Node);
    } else if (node && isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

/** A diagnostic at the node a data path names (or the nearest existing ancestor). */
export function diagnosticAtPath(
  src: YamlSource,
  path: DataPath,
  code: string,
  message: string,
  hint?: string,
  options: { as?: 'value' | 'key'; severity?: Diagnostic['severity'] } = {},
): Diagnostic {
  const node = nodeAt(src, path, options.as);
  return diagnosticAt(src, node?.range?.[0] ?? 0, code, message, hint, options.severity);
}

/** Turns an ajv instancePath (`/syscalls/read/tables/x86~132`) into path segments. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
