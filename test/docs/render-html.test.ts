// The HTML page without a browser: self-contained, its CSP hashes its own style and script, and
// spec text reaches it only escaped (the browser test checks what a browser makes of it).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReference } from '../../src/docs/build-reference.js';
import { jsonForScript } from '../../src/docs/html-data.js';
import { renderHtml } from '../../src/docs/render-html.js';
import { loadSpec } from '../../src/spec/load.js';
import { repoRoot } from '../helpers/run-cli.js';
import { fixtureArchDir, fixturesDir, miniReference } from './helpers/fixture.js';

let mini: string;
let hostile: string;

beforeAll(async () => {
  mini = renderHtml(await miniReference());
  const loaded = await loadSpec({
    spec: join(fixturesDir, 'hostile.yaml'),
    archDir: fixtureArchDir,
    cache: false,
  });
  hostile = renderHtml(buildReference(loaded.spec, loaded.arches, { specName: '<i>x</i>.yaml' }));
});

const between = (html: string, open: string, close: string) => {
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf(close, start));
};
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('renderHtml', () => {
  it('loads nothing from anywhere: no src, href, url() or remote address', () => {
    for (const html of [mini, hostile]) {
      // Markup only: script bodies are code and data, checked below.
      const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
      const tags = markup.match(/<[a-z][^>]*>/gi) ?? [];
      expect(tags.length).toBeGreaterThan(20);
      for (const tag of tags) expect(tag).not.toMatch(/\s(src|href|srcset|action|poster|data)=/i);
      expect(markup).not.toMatch(/<(link|iframe|object|embed|img|base)\b/i);
      expect(between(html, '<style>', '</style>')).not.toMatch(/url\(|@import/i);
      expect(between(html, '<script>', '</script>')).not.toMatch(
        /fetch\(|XMLHttpRequest|https?:\/\/|import\(/,
      );
    }
  });

  it('allows by CSP exactly its own inline style and script', () => {
    // Handlebars escapes the attribute (' and = become entities); the browser decodes them.
    const csp = between(mini, 'http-equiv="Content-Security-Policy" content="', '"')
      .replaceAll('&#x27;', "'")
      .replaceAll('&#x3D;', '=');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${sha(between(mini, '<style>', '</style>'))}`);
    expect(csp).toContain(`script-src ${sha(between(mini, '<script>', '</script>'))}`);
  });

  it('has two script elements whatever the spec says', () => {
    expect(hostile.match(/<script\b/g)).toHaveLength(2);
    expect(hostile.match(/<\/script>/g)).toHaveLength(2);
  });

  it('embeds spec text in the data block with <, >, & and U+2028/9 escaped', () => {
    const data = between(hostile, '<script type="application/json" id="data">', '</script>');
    expect(data).not.toMatch(/[<>&\u2028\u2029]/);
    const parsed = JSON.parse(data);
    expect(parsed.source).toContain('<script>window.__pwned = "source"</script>');
    expect(parsed.syscalls[0].t).toContain(
      "</script><script>window.__pwned = 'reason'</script><!-- \u2028\u2029 & <b>",
    );
  });

  it('escapes the spec name and source where the page shows them', () => {
    expect(hostile).toContain('&lt;i&gt;x&lt;/i&gt;.yaml');
    expect(hostile).toContain(
      '&lt;script&gt;window.__pwned &#x3D; &quot;source&quot;&lt;/script&gt;',
    );
    expect(hostile).not.toContain('<i>x</i>');
  });

  it('names the kernel and the spec', () => {
    expect(mini).toContain('<title>Linux 6.12.117 system calls</title>');
    expect(mini).toContain('<code>test/fixtures/docs/mini.yaml</code>');
  });
});

describe('jsonForScript', () => {
  it('round-trips any string', () => {
    const value = { s: '</script><!--<script>&\u2028\u2029"\\' };
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });
});

it('the bundled page stays small enough to open instantly (~660 syscalls × 32 ABIs)', async () => {
  const loaded = await loadSpec({ spec: join(repoRoot, 'syscalls.yaml') });
  const html = renderHtml(
    buildReference(loaded.spec, loaded.arches, { specName: 'syscalls.yaml' }),
  );
  // Not a timing test: the size is what the browser parses; 1 MiB is a generous ceiling.
  expect(html.length).toBeLessThan(1 << 20);
});
