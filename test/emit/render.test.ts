// The renderer's helpers as templates see them: `each` (our lean one) over arrays, iterables
// and objects, with `../` reaching the outer view and `{{else}}` for nothing to render.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UserError } from '../../src/common/diagnostics.js';
import { createRenderer } from '../../src/emit/render.js';
import { tempDir } from './helpers/tree.js';

async function render(template: string, view: object): Promise<string> {
  const dir = tempDir();
  writeFileSync(join(dir, 't.hbs'), template);
  return (await createRenderer([dir], ['t'], { cache: false })).render('t', view);
}

describe('each', () => {
  const template = '{{#each items}}[{{../prefix}}{{this}}]{{else}}none{{/each}}';

  it('renders arrays in order, reaching outer fields with ../', async () => {
    expect(await render(template, { prefix: 'p', items: ['a', 'b', 'c'] })).toBe('[pa][pb][pc]');
  });

  it('renders the else block for an empty array or null', async () => {
    expect(await render(template, { prefix: '', items: [] })).toBe('none');
    expect(await render(template, { prefix: '', items: null })).toBe('none');
  });

  it("renders other iterables and plain objects' values", async () => {
    expect(await render(template, { prefix: '', items: new Set(['x', 'y']) })).toBe('[x][y]');
    expect(await render(template, { prefix: '', items: { one: 1, two: 2 } })).toBe('[1][2]');
  });

  it('renders rows with fields', async () => {
    const rows = [
      { nr: 0, name: 'read' },
      { nr: 1, name: 'write' },
    ];
    expect(await render('{{#each rows}}{{nr}} {{name}}\n{{/each}}', { rows })).toBe(
      '0 read\n1 write\n',
    );
  });
});

describe('template errors', () => {
  const failure = async (template: string, view: object) => {
    try {
      await render(template, view);
    } catch (error) {
      return (error as UserError).diagnostics[0];
    }
    throw new Error('expected a template error');
  };

  it('a misspelt field is reported at its line and column', async () => {
    const d = await failure('{{#each rows}}\n#define X {{nmae}}\n{{/each}}', { rows: [{}] });
    expect(d).toMatchObject({
      code: 'template-error',
      message: 'template failed: "nmae" is not a field of the view here',
      position: { line: 2, column: 13 },
      sourceLine: '#define X {{nmae}}',
    });
  });

  it('a parse error is reported where the parser stopped', async () => {
    const d = await failure('{{#each rows}\n', { rows: [] });
    expect(d).toMatchObject({
      message: 'template failed: cannot parse the template',
      position: { line: 1, column: 13 },
    });
    expect(d?.hint).toMatch(/^expected one of /);
  });

  it('a block closed by the wrong helper is reported at the block', async () => {
    const d = await failure('{{#each rows}}\n{{/if}}\n', { rows: [] });
    expect(d).toMatchObject({
      message: "template failed: each doesn't match if",
      position: { line: 1, column: 4 },
    });
  });
});
