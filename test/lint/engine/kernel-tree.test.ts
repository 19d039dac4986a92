// Opt-in (SYSCALLTBL_LINT_TREE=1, and a Linux tree present): no findings in drivers/, fs/, net/, sound/.
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../../../src/lint/engine/lint-paths.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';
import { linuxSourceTree } from '../../helpers/reference.js';

const tree = linuxSourceTree();
const enabled = !!tree && process.env.SYSCALLTBL_LINT_TREE === '1';

describe('kernel tree', () => {
  it.skipIf(!enabled)(
    'finds nothing in drivers/, fs/, net/, sound/ (needs SYSCALLTBL_LINT_TREE=1 and linux-source-6.12)',
    async () => {
      const dirs = ['drivers', 'fs', 'net', 'sound'].map((d) => `${tree}/${d}`);
      const r = await lintPaths(dirs, {
        tableNames: [...DEFAULT_TABLE_NAMES],
        ruleLevelsFor: () => ({}),
        jobs: 1,
      });
      expect(r.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
    },
    600_000,
  );
});
