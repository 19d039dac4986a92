// The lint configuration as plain data: one layer per file (preset or project config), and the
// merged result the lint command works from.
import type { RuleLevel } from '../types.js';

export interface ConfigOverride {
  /** Globs relative to the lint root. */
  files: string[];
  rules: Record<string, RuleLevel>;
}

/** One validated file: `.syscalltbl.yaml` or a bundled preset. */
export interface ConfigLayer {
  /** As shown in diagnostics. */
  file: string;
  extends: string[];
  rules: Record<string, RuleLevel>;
  tableNames: string[];
  include?: string[];
  exclude: string[];
  overrides: ConfigOverride[];
}

/** Presets first, then the project config, merged; command-line `--rule`s are applied last. */
export interface ResolvedConfig {
  /** Absolute: the directory holding the config file, else the working directory. */
  root: string;
  /** Absolute path of the project config, when one was used. */
  configFile?: string;
  /** Presets applied, in order. */
  presets: string[];
  rules: Record<string, RuleLevel>;
  tableNames: string[];
  include?: string[];
  exclude: string[];
  overrides: ConfigOverride[];
  /** From `--rule id=level`, winning over everything in files. */
  cliRules: Record<string, RuleLevel>;
}
