// Part of `npm run build`: bundles the command line (dist/cli.js and the modules it loads; each
// command's lazily loaded modules in chunks of their own) and the lint reader thread into
// dist/bundle/, which the `syscalltbl` bin runs. Loading a few files instead of ~80 ES modules
// takes ~50 ms off every command's start (README § Speed). npm packages stay external, loaded
// from node_modules as before; dist/*.js stays the library (`main`) the tests import.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'rolldown';

const dist = join(import.meta.dirname, '..', 'dist');
const out = join(dist, 'bundle');
rmSync(out, { recursive: true, force: true });
await build({
  // The worker beside the chunks: the pool finds it as ./worker.js next to its own module.
  input: { cli: join(dist, 'cli.js'), worker: join(dist, 'lint', 'engine', 'worker.js') },
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  output: { dir: out, format: 'esm' },
  // A module both imported and loaded lazily stays where it is: expected here, not worth a warning.
  checks: { ineffectiveDynamicImport: false },
});
