// Every rule has its docs page, with the id, a bad and a good example, and the stub fix; the bad
// example is flagged by its rule, the good one is clean, and the good one uses only the API the
// generated stubs header declares for the bundled spec.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSpecPath, bundledTemplatesDir } from '../../../src/common/paths.js';
import { rules } from '../../../src/lint/rules/index.js';
import { loadSpec } from '../../../src/spec/load.js';
import { stubSyscallsFromSpec } from '../../../src/stubs/from-spec.js';
import { renderStubFiles } from '../../../src/stubs/render-stubs.js';
import { lintC } from '../helpers.js';

const root = join(import.meta.dirname, '..', '..', '..');

/** The first fenced C block after `heading`. */
function example(page: string, heading: string): string {
  const at = page.indexOf(heading);
  const m = /```c\n([\s\S]*?)```/.exec(page.slice(at));
  if (at < 0 || !m) throw new Error(`no C example under ${heading}`);
  return m[1] as string;
}

const { spec } = await loadSpec({ spec: bundledSpecPath, cache: false });
const header = renderStubFiles(stubSyscallsFromSpec(spec), bundledTemplatesDir).header;
/** Functions and ops structures the generated header declares. */
const declared = new Set([
  ...[...header.matchAll(/^int (syscalltbl_\w+)\(/gm)].map((m) => m[1] as string),
  ...[...header.matchAll(/^struct (syscalltbl_\w+_ops) \{/gm)].map((m) => m[1] as string),
]);

describe('rule docs', () => {
  it('the generated header declares a register/unregister pair per stub', () => {
    expect(declared.has('syscalltbl_register_getpmsg')).toBe(true);
    expect(declared.has('syscalltbl_unregister_getpmsg')).toBe(true);
  });

  describe.each(rules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    const page = join(root, rule.meta.docs);

    it('has a docs page and complete metadata', () => {
      expect(rule.meta.docs).toBe(`docs/rules/${id}.md`);
      expect(existsSync(page)).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text).toContain(`# ${id}`);
      expect(text).toMatch(/## Bad/);
      expect(text).toMatch(/## Good/);
      expect(text).toContain('syscalltbl generate --stubs');
      expect(rule.meta.fix).toContain('syscalltbl generate --stubs');
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    });

    it('its bad example is flagged by the rule', () => {
      expect(lintC(example(readFileSync(page, 'utf8'), '## Bad'), id)).not.toEqual([]);
    });

    it('its good example is clean and uses only the generated stub API', () => {
      const good = example(readFileSync(page, 'utf8'), '## Good');
      expect(lintC(good)).toEqual([]);
      expect(good).toContain('#include <linux/syscalltbl_stubs.h>');
      const used = [...good.matchAll(/\b(syscalltbl_\w+)\b(?!\.h)/g)].map((m) => m[1] as string);
      expect(used.length).toBeGreaterThan(0);
      for (const name of used) expect(declared, name).toContain(name);
    });
  });
});
