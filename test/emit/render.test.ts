// The renderer's helpers as templates see them: `each` (our lean one) over arrays, iterables
// and objects, with `../` reaching the outer view and `{{else}}` for nothing to render.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
