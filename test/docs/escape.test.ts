// Text from the spec stays text in Markdown and CSV: no markup, no broken tables, no formulas.
import { describe, expect, it } from 'vitest';
import { mdCode, mdText } from '../../src/docs/md-escape.js';
import { csvField } from '../../src/docs/render-csv.js';
import { specDisplayName } from '../../src/docs/spec-name.js';

describe('mdText', () => {
  it('neutralises HTML, emphasis, links, code and table pipes', () => {
    expect(mdText('<script>a</script> & *b* _c_ [d](e) `f` | g ~h~ \\')).toBe(
      '&lt;script&gt;a&lt;/script&gt; &amp; \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\| g \\~h\\~ \\\\',
    );
  });

  it('keeps a table row on one line', () => {
    expect(mdText('a\nb\r\nc')).toBe('a b c');
  });
});

describe('mdCode', () => {
  it('escapes pipes even inside code (GFM tables)', () => {
    expect(mdCode('0x40000000 | 0')).toBe('`0x40000000 \\| 0`');
  });

  it('fences text that holds a backtick', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`a')).toBe('`` `a ``');
  });
});

describe('csvField', () => {
  it('quotes as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('specDisplayName', () => {
  it('keeps a relative path as given and never shows an absolute one', () => {
    expect(specDisplayName('test/fixtures/docs/mini.yaml')).toBe('test/fixtures/docs/mini.yaml');
    expect(specDisplayName('/home/someone/linux/syscalls.yaml')).toBe('syscalls.yaml');
  });
});
