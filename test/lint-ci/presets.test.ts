// Every bundled preset is a valid config naming only real rules, and the loader finds the presets
// folder from the module (so the same lookup works from dist/).
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/lint/config/load-config.js';
import { listPresets, presetPath } from '../../src/lint/config/presets.js';
import { rules } from '../../src/lint/rules/index.js';

const presets = listPresets();
const known = { rules: rules.map((r) => r.meta.id), presets };

describe('bundled presets', () => {
  it('are found by name and never by a path', () => {
    for (const name of presets)
      expect(presetPath(name)).toMatch(new RegExp(`/src/lint/presets/${name}\\.yaml$`));
    expect(presetPath('../../package')).toBeUndefined();
    expect(presetPath('no-such-preset')).toBeUndefined();
  });

  it.each(presets)('%s validates against the config schema and the rule list', (name) => {
    const layer = loadConfigFile(presetPath(name) as string, name, known);
    expect(layer.file).toBe(name);
  });
});
