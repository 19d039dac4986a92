// A throwaway project for running the built CLI the way CI users do: fixture sources, and
// syscalltbl "installed" as npm would (node_modules/.bin/syscalltbl) and on a PATH directory.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from '../../helpers/run-cli.js';
import { fixtures } from './harness.js';

export interface Project {
  dir: string;
  /** A directory holding an executable `syscalltbl`, for PATH. */
  binDir: string;
}

export function makeProject(fixture = 'corpus'): Project {
  const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-project-'));
  cpSync(join(fixtures, fixture), dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    '{ "name": "module-under-test", "private": true, "devDependencies": { "syscalltbl": "*" } }\n',
  );
  const localBin = join(dir, 'node_modules', '.bin');
  const binDir = join(dir, '.tools');
  for (const bin of [localBin, binDir]) {
    mkdirSync(bin, { recursive: true });
    const shim = join(bin, 'syscalltbl');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
    chmodSync(shim, 0o755);
  }
  return { dir, binDir };
}
