// Turns ajv errors on a config into diagnostics at the YAML node they concern, in words a user
// reads without knowing JSON Schema (`unknown setting`, `not a rule level`, ...). Positions come
// from the shared YAML helpers, so config errors look exactly like spec errors.
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../../common/diagnostics.js';
import { diagnosticAtPath, splitPointer, type YamlSource } from '../../common/yaml-document.js';

const SETTINGS = 'extends, rules, tableNames, include, exclude, overrides';
const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  'string,array': 'a preset name or a list of them',
};

interface Described {
  code: string;
  message: string;
  hint?: string;
  /** Point at this key of the object rather than at the object's value. */
  key?: string;
}

export function configSchemaDiagnostics(
  src: YamlSource,
  errors: readonly ErrorObject[],
): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of errors) {
    if (error.keyword === 'propertyNames') continue; // its `pattern` error says it better
    const segments = splitPointer(error.instancePath);
    const d = describe(error, segments, valueAt(src.data, segments));
    const path = d.key === undefined ? segments : [...segments, d.key];
    const diagnostic = diagnosticAtPath(src, path, d.code, d.message, d.hint, {
      as: d.key === undefined ? 'value' : 'key',
    });
    const id = `${diagnostic.position?.line}:${diagnostic.position?.column}:${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(diagnostic);
  }
  return out;
}

function describe(e: ErrorObject, segments: string[], value: unknown): Described {
  const where = segments.length === 0 ? 'the config' : `\`${pathText(segments)}\``;
  const params = e.params as Record<string, unknown>;
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const inOverride = segments[0] === 'overrides';
      return {
        code: 'config-unknown-setting',
        message: `unknown setting \`${name}\`${inOverride ? ' in an override' : ''}`,
        hint: inOverride ? 'an override has `files` and `rules`' : `the settings are ${SETTINGS}`,
        key: name,
      };
    }
    case 'required':
      return {
        code: 'config-missing',
        message: `${where} needs \`${String(params.missingProperty)}\``,
      };
    case 'enum':
      return {
        code: 'config-rule-level',
        message: `\`${shown}\` is not a rule level (${where})`,
        hint:
          typeof value === 'boolean'
            ? "quote it ('off'): YAML 1.1 reads off/on as booleans"
            : 'use off, warn or error',
      };
    case 'pattern': {
      const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
      if (propertyName !== undefined) {
        return {
          code: 'config-rule-id',
          message: `\`${propertyName}\` is not a rule id`,
          hint: 'rule ids are kebab-case, e.g. table-write',
          key: propertyName,
        };
      }
      if (segments[0] === 'tableNames')
        return { code: 'config-table-name', message: `\`${shown}\` is not a C identifier` };
      return {
        code: 'config-preset-name',
        message: `\`${shown}\` is not a preset name`,
        hint: 'preset names are kebab-case, e.g. kernel-tree',
      };
    }
    case 'type':
      return {
        code: 'config-type',
        message: `${where} must be ${TYPE_NAMES[String(params.type)] ?? String(params.type)}`,
      };
    case 'minItems':
      return { code: 'config-empty-list', message: `${where} must name at least one glob` };
    case 'uniqueItems':
      return { code: 'config-duplicate', message: `${where} lists the same item twice` };
  }
  return { code: 'config-schema', message: `${where} ${e.message ?? 'is invalid'}` };
}

/** ajv reports no data unless compiled `verbose`; look it up in the parsed config instead. */
function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment))
      return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** `overrides[0].rules` rather than a JSON pointer. */
function pathText(segments: readonly string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
