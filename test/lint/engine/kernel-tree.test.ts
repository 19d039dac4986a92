// The whole Linux 6.12 tree, when present (.ci/run extracts Debian's linux-source-6.12): no
// findings in drivers/, fs/, net/, sound/. SYSCALLTBL_LINT_TREE=0 skips it.
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../../../src/lint/engine/lint-paths.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';
import { linuxSourceTree } from '../../helpers/reference.js';

const tree = linuxSourceTree();
const enabled = !!tree && process.env.SYSCALLTBL_LINT_TREE !== '0';

describe('kernel tree', () => {
  it.skipIf(!enabled)(
    'finds nothing in drivers/, fs/, net/, sound/ (needs linux-source-6.12 extracted; skipped without it)',
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
