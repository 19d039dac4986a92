// Where bundled presets live: `src/lint/presets/<name>.yaml`, found from this module both when
// running from src/ (tests) and from dist/ (installed), whether or not the build copied them.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../common/paths.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Candidate folders, first match wins: beside this module's parent (src/lint/presets, or
 * dist/lint/presets when the build copies them), then the sources in the package root.
 */
const PRESET_DIRS = [join(here, '..', 'presets'), join(packageRoot, 'src', 'lint', 'presets')];

/** The bundled preset names, sorted. */
export function listPresets(dirs: readonly string[] = PRESET_DIRS): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir))
      if (entry.endsWith('.yaml')) names.add(entry.slice(0, -'.yaml'.length));
  }
  return [...names].sort();
}

/** The file of a preset, or undefined when there is none by that name. */
export function presetPath(
  name: string,
  dirs: readonly string[] = PRESET_DIRS,
): string | undefined {
  // Names are kebab-case (the schema says so); refusing anything else keeps `../x` out of paths.
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) return undefined;
  for (const dir of dirs) {
    const file = join(dir, `${name}.yaml`);
    if (existsSync(file)) return file;
  }
  return undefined;
}
