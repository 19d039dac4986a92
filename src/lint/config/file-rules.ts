// Per-file decisions from the resolved config: which files are linted (include/exclude) and each
// file's rule levels (defaults, presets and config, matching overrides, then `--rule`).
import picomatch from 'picomatch';
import type { RuleLevel } from '../types.js';
import type { ResolvedConfig } from './model.js';

/** Globs match root-relative, forward-slash paths; dot files are not special. */
function matcher(globs: readonly string[]): (file: string) => boolean {
  return globs.length === 0 ? () => false : picomatch([...globs], { dot: true });
}

export function makeFileFilter(config: ResolvedConfig): (file: string) => boolean {
  const included = config.include ? matcher(config.include) : () => true;
  const excluded = matcher(config.exclude);
  return (file) => included(file) && !excluded(file);
}

/**
 * Levels for one root-relative file. Files matching the same overrides share one object (callers
 * must not change it), so 60,000 files cost one merge per distinct combination, not one per file.
 */
export function makeRuleLevelsFor(
  config: ResolvedConfig,
  defaults: Record<string, RuleLevel>,
): (file: string) => Record<string, RuleLevel> {
  const base = { ...defaults, ...config.rules };
  const overrides = config.overrides.map((o) => ({ matches: matcher(o.files), rules: o.rules }));
  const cache = new Map<string, Record<string, RuleLevel>>();
  return (file) => {
    const hits = overrides.flatMap((o, i) => (o.matches(file) ? [i] : []));
    const key = hits.join(',');
    const cached = cache.get(key);
    if (cached) return cached;
    const levels: Record<string, RuleLevel> = Object.assign(
      {},
      base,
      ...hits.map((i) => overrides[i]?.rules),
      config.cliRules,
    );
    cache.set(key, levels);
    return levels;
  };
}
