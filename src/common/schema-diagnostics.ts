// Turns ajv errors into diagnostics at the offending YAML node, with messages a person can act
// on: one error per problem (oneOf branches collapsed), patterns named by what they mean.
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from './diagnostics.js';
import { type DataPath, diagnosticAtPath, splitPointer, type YamlSource } from './yaml-document.js';

/** What a named `$defs` pattern means, for messages; keyed by the def's name. */
export type PatternMeanings = Record<string, string>;

function defName(schemaPath: string): string | undefined {
  return /#\/\$defs\/([^/]+)\//.exec(schemaPath)?.[1];
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function describe(
  error: ErrorObject,
  meanings: PatternMeanings,
  value: unknown,
): { message: string; hint?: string; onKey: boolean; extra?: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return {
        message: `unknown key "${String(p.additionalProperty)}"`,
        hint: 'check the spelling; see the schema for the keys allowed here',
        onKey: true,
        extra: String(p.additionalProperty),
      };
    case 'required':
      return { message: `missing required key "${String(p.missingProperty)}"`, onKey: false };
    case 'propertyNames': {
      const name = String(p.propertyName);
      return { message: `invalid key "${name}"`, onKey: true, extra: name };
    }
    case 'pattern': {
      const meaning = meanings[defName(error.schemaPath) ?? ''];
      return {
        message: meaning ? `must be ${meaning}` : `must match ${String(p.pattern)}`,
        onKey: false,
      };
    }
    case 'type': {
      const expected = String(p.type).replace(',', ' or ');
      // YAML reads 6.12 as a number and yes as a boolean: the usual fix is quotes.
      const hint =
        p.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')
          ? `put it in quotes: '${String(value)}'`
          : undefined;
      return { message: `must be ${expected}`, ...(hint ? { hint } : {}), onKey: false };
    }
    case 'enum':
      return {
        message: `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        onKey: false,
      };
    case 'const':
      return {
        message: `must be ${JSON.stringify(p.allowedValue)}`,
        hint: 'omit the key otherwise',
        onKey: false,
      };
    default:
      return { message: error.message ?? `fails ${error.keyword}`, onKey: false };
  }
}

/**
 * Collapses the noise of `oneOf`: when a branch got further (deeper errors exist), the other
 * branches' complaints at the same place are dropped; otherwise they merge into one message.
 */
function reduce(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(
    errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath),
  );
  const out: ErrorObject[] = [];
  const merged = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    if (oneOfPaths.has(e.instancePath)) {
      const deeper = errors.some(
        (o) => o.instancePath.startsWith(`${e.instancePath}/`) && o.keyword !== 'propertyNames',
      );
      if (deeper) continue;
      if (e.keyword === 'type') {
        const prior = merged.get(e.instancePath);
        if (prior) {
          (prior.params as { type: string }).type += `,${(e.params as { type: string }).type}`;
          continue;
        }
        const copy = { ...e, params: { ...e.params } };
        merged.set(e.instancePath, copy);
        out.push(copy);
        continue;
      }
    }
    out.push(e);
  }
  // Under a oneOf, a complaint about the value (a pattern, a minimum) beats "must be <other type>".
  const specific = new Set(
    out
      .filter((e) => e.keyword !== 'type' && oneOfPaths.has(e.instancePath))
      .map((e) => e.instancePath),
  );
  const kept = out.filter((e) => !(e.keyword === 'type' && specific.has(e.instancePath)));
  // ajv reports a bad key twice (pattern on the name, then propertyNames): keep the pattern.
  return kept.filter(
    (e, i) =>
      !out.some(
        (o, j) =>
          j !== i &&
          e.keyword === 'propertyNames' &&
          o.instancePath === e.instancePath &&
          o.keyword === 'pattern',
      ),
  );
}

export function schemaDiagnostics(
  src: YamlSource,
  errors: readonly ErrorObject[],
  meanings: PatternMeanings,
): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of reduce(errors)) {
    const { message, hint, onKey, extra } = describe(
      error,
      meanings,
      valueAt(src.data, error.instancePath),
    );
    const path: DataPath = [
      ...splitPointer(error.instancePath),
      ...(extra !== undefined ? [extra] : []),
    ];
    const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
    // Errors about a key's spelling (propertyNames → pattern) carry the key in `propertyName`.
    const keyPath =
      propertyName !== undefined ? [...splitPointer(error.instancePath), propertyName] : path;
    const where = keyPath.length > 0 ? keyPath.join('.') : '(document)';
    const text =
      propertyName !== undefined ? `key "${propertyName}" ${message}` : `${where}: ${message}`;
    const key = `${keyPath.join('\u0000')}|${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(
      diagnosticAtPath(src, keyPath, `schema-${error.keyword.toLowerCase()}`, text, hint, {
        as: onKey || propertyName !== undefined ? 'key' : 'value',
      }),
    );
  }
  return out;
}
