// Finds the project config (`--config`, else `.syscalltbl.yaml` upward from the working
// directory), expands its presets and `--preset`, and merges them into one ResolvedConfig.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../../common/diagnostics.js';
import type { RuleLevel } from '../types.js';
import { loadConfigFile } from './load-config.js';
import type { ConfigLayer, ResolvedConfig } from './model.js';
import { listPresets, presetPath } from './presets.js';

export const CONFIG_FILE_NAME = '.syscalltbl.yaml';

export interface ResolveOptions {
  cwd: string;
  /** `--config FILE`. */
  configPath?: string;
  /** `--preset NAME`: applied after the config's own `extends`, before its settings. */
  preset?: string;
  cliRules: Record<string, RuleLevel>;
  knownRules: readonly string[];
  /** Where presets are looked for (tests point this at fixtures). */
  presetDirs?: readonly string[];
}

export function resolveConfig(options: ResolveOptions): ResolvedConfig {
  const { cwd } = options;
  const configFile = options.configPath ? resolve(cwd, options.configPath) : findConfigFile(cwd);
  const known = { rules: options.knownRules, presets: listPresets(options.presetDirs) };
  const project = configFile
    ? loadConfigFile(configFile, options.configPath ?? displayPath(cwd, configFile), known)
    : undefined;

  const presetNames = [...(project?.extends ?? []), ...(options.preset ? [options.preset] : [])];
  const layers: ConfigLayer[] = [];
  const applied: string[] = [];
  for (const name of presetNames) addPreset(name, [], layers, applied, options, known);
  if (project) layers.push(project);

  const merged: ResolvedConfig = {
    root: configFile ? dirname(configFile) : cwd,
    ...(configFile ? { configFile } : {}),
    presets: applied,
    rules: {},
    tableNames: [],
    exclude: [],
    overrides: [],
    cliRules: options.cliRules,
  };
  for (const layer of layers) {
    Object.assign(merged.rules, layer.rules);
    merged.tableNames = [...new Set([...merged.tableNames, ...layer.tableNames])];
    if (layer.include) merged.include = layer.include;
    merged.exclude.push(...layer.exclude);
    merged.overrides.push(...layer.overrides);
  }
  return merged;
}

/** `.syscalltbl.yaml` in the working directory or the nearest ancestor holding one. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Depth first, each preset once: a preset's own `extends` come before it. */
function addPreset(
  name: string,
  chain: string[],
  layers: ConfigLayer[],
  applied: string[],
  options: ResolveOptions,
  known: { rules: readonly string[]; presets: readonly string[] },
): void {
  if (applied.includes(name)) return;
  if (chain.includes(name)) {
    throw new UserError({
      code: 'preset-cycle',
      severity: 'error',
      message: `presets extend each other in a cycle: ${[...chain, name].join(' -> ')}`,
      file: `preset ${name}`,
    });
  }
  const file = presetPath(name, options.presetDirs);
  if (!file) {
    const hint =
      known.presets.length > 0
        ? `bundled presets: ${known.presets.join(', ')}`
        : 'no presets are bundled';
    throw new UserError({
      code: 'unknown-preset',
      severity: 'error',
      message: `unknown preset \`${name}\``,
      hint,
      file: '--preset',
    });
  }
  const layer = loadConfigFile(file, displayPath(options.cwd, file), known);
  for (const parent of layer.extends)
    addPreset(parent, [...chain, name], layers, applied, options, known);
  layers.push(layer);
  applied.push(name);
}

/** Relative to the working directory when below it, so messages stay short. */
function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
