// Loads one config file (project `.syscalltbl.yaml` or a bundled preset): YAML with positions,
// the JSON Schema, then the checks a schema cannot make (rule ids and preset names that exist).
// Every problem in the file is reported in one run.
import { existsSync } from 'node:fs';
import { type Diagnostic, fileDiagnostic, UserError } from '../../common/diagnostics.js';
import { readSourceText } from '../../common/source-file.js';
import { diagnosticAtPath, parseYaml, type YamlSource } from '../../common/yaml-document.js';
import validateConfig from '../../generated/validate-lint-config.js';
import type { RuleLevel } from '../types.js';
import type { ConfigLayer } from './model.js';
import { configSchemaDiagnostics } from './schema-errors.js';

/** A config is a handful of lines; anything this large is not one. */
const MAX_CONFIG_BYTES = 1 << 20;

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface KnownNames {
  rules: readonly string[];
  presets: readonly string[];
}

interface RawConfig {
  extends?: string | string[];
  rules?: Record<string, RuleLevel>;
  tableNames?: string[];
  include?: string[];
  exclude?: string[];
  overrides?: Array<{ files: string[]; rules: Record<string, RuleLevel> }>;
}

export function loadConfigFile(path: string, displayPath: string, known: KnownNames): ConfigLayer {
  if (!existsSync(path)) {
    throw new UserError(
      fileDiagnostic(
        displayPath,
        'config-not-found',
        'no such config file',
        'check the --config path',
      ),
    );
  }
  const src = parseYaml(
    readSourceText(path, displayPath, MAX_CONFIG_BYTES),
    'a syscalltbl lint config',
  );
  const diagnostics = validateConfig(src.data)
    ? []
    : configSchemaDiagnostics(src, validateConfig.errors ?? []);
  diagnostics.push(...unknownNames(src, known));
  if (diagnostics.length > 0) throw new UserError(diagnostics);
  const raw = src.data as RawConfig;
  return {
    file: displayPath,
    extends: raw.extends === undefined ? [] : [raw.extends].flat(),
    rules: raw.rules ?? {},
    tableNames: raw.tableNames ?? [],
    ...(raw.include ? { include: raw.include } : {}),
    exclude: raw.exclude ?? [],
    overrides: raw.overrides ?? [],
  };
}

/** Rule ids and presets that do not exist, wherever the data is shaped well enough to tell. */
function unknownNames(src: YamlSource, known: KnownNames): Diagnostic[] {
  const data = isObject(src.data) ? src.data : {};
  const out: Diagnostic[] = [];
  const ruleMaps: Array<[Array<string | number>, unknown]> = [[['rules'], data.rules]];
  if (Array.isArray(data.overrides)) {
    data.overrides.forEach((o, i) => {
      if (isObject(o)) ruleMaps.push([['overrides', i, 'rules'], o.rules]);
    });
  }
  const validRules = `valid rules: ${[...known.rules].sort().join(', ')}`;
  for (const [path, rules] of ruleMaps) {
    if (!isObject(rules)) continue;
    for (const id of Object.keys(rules)) {
      // A misspelt id already has a schema error; only well-formed ones are looked up.
      if (known.rules.includes(id) || !KEBAB.test(id)) continue;
      out.push(
        diagnosticAtPath(src, [...path, id], 'unknown-rule', `unknown rule \`${id}\``, validRules, {
          as: 'key',
        }),
      );
    }
  }
  const names =
    typeof data.extends === 'string'
      ? [data.extends]
      : Array.isArray(data.extends)
        ? data.extends
        : [];
  const presetHint =
    known.presets.length > 0
      ? `bundled presets: ${known.presets.join(', ')}`
      : 'no presets are bundled';
  names.forEach((name, i) => {
    if (typeof name !== 'string' || known.presets.includes(name) || !KEBAB.test(name)) return;
    const path = Array.isArray(data.extends) ? ['extends', i] : ['extends'];
    out.push(
      diagnosticAtPath(src, path, 'unknown-preset', `unknown preset \`${name}\``, presetHint),
    );
  });
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
