// The command users run: the package's `syscalltbl` bin (the bundled CLI after `npm run build`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function cliPath(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return join(root, pkg.bin.syscalltbl);
}
