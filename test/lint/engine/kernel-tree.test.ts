// The whole Linux 6.12 tree, when present (.ci/run extracts Debian's linux-source-6.12): the
// findings are exactly those docs/lint-kernel-tree.md lists and counts (so the document stays
// true), and none is in drivers/, fs/, net/ or sound/. SYSCALLTBL_LINT_TREE=0 skips it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandTableNames } from '../../../src/lint/command-table-names.js';
import { makeRuleLevelsFor } from '../../../src/lint/config/file-rules.js';
import { resolveConfig } from '../../../src/lint/config/resolve-config.js';
import { defaultRuleLevels, lintPaths } from '../../../src/lint/engine/lint-paths.js';
import { rules } from '../../../src/lint/rules/index.js';
import { linuxSourceTree } from '../../helpers/reference.js';

const tree = linuxSourceTree();
const enabled = !!tree && process.env.SYSCALLTBL_LINT_TREE !== '0';
const doc = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'docs', 'lint-kernel-tree.md'),
  'utf8',
);

/** The document's finding list: its plain fenced block, one `file:line:col rule message-id` a line. */
function documented(): string[] {
  const m = /\n```\n([\s\S]*?)\n```/.exec(doc);
  if (!m) throw new Error('docs/lint-kernel-tree.md has no plain fenced finding list');
  return (m[1] as string).split('\n').filter((l) => l.trim() !== '');
}

describe('kernel tree', () => {
  it.skipIf(!enabled)(
    'finds exactly what docs/lint-kernel-tree.md lists, nothing in drivers/, fs/, net/, sound/ (needs linux-source-6.12 extracted; skipped without it)',
    async () => {
      const r = await lintPaths([tree as string], {
        tableNames: await commandTableNames(),
        ruleLevelsFor: () => ({}),
      });
      const found = r.findings.map(
        (f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.messageId}`,
      );
      expect(found.filter((l) => /^(drivers|fs|net|sound)\//.test(l))).toEqual([]);
      expect(found).toEqual(documented());
      expect(doc).toContain(
        `**no preset** (\`bench/lint.mjs\` does the same). ${found.length} findings`,
      );
      // The kernel-tree preset turns off exactly these: with it, the tree lints clean.
      const preset = resolveConfig({
        cwd: tree as string,
        preset: 'kernel-tree',
        cliRules: {},
        knownRules: rules.map((r) => r.meta.id),
      });
      const levelsFor = makeRuleLevelsFor(preset, defaultRuleLevels());
      expect(r.findings.filter((f) => levelsFor(f.file)[f.ruleId] !== 'off')).toEqual([]);
    },
    600_000,
  );
});
