// Every rule has its docs page, with the id, a bad and a good example, and the stub fix.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../../src/lint/rules/index.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('rule docs', () => {
  it.each(rules.map((r) => [r.meta.id, r] as const))(
    '%s has a docs page and complete metadata',
    (id, rule) => {
      expect(rule.meta.docs).toBe(`docs/rules/${id}.md`);
      const page = join(root, rule.meta.docs);
      expect(existsSync(page)).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text).toContain(`# ${id}`);
      expect(text).toMatch(/## Bad/);
      expect(text).toMatch(/## Good/);
      expect(text).toContain('syscalltbl generate --stubs');
      expect(rule.meta.fix).toContain('syscalltbl generate --stubs');
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    },
  );
});
