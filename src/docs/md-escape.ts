// Escaping for Markdown table cells (GitHub Flavored Markdown): spec strings are text, never
// markup, so a stub reason or a source line cannot add HTML, links or break a table.

/** Free text: markup characters escaped, HTML neutralised, one line. */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** A code span: literal except `|`, which GFM tables need escaped even inside code. */
export function mdCode(text: string): string {
  const one = text.replace(/[\r\n]+/g, ' ').replaceAll('|', '\\|');
  const fence = one.includes('`') ? '``' : '`';
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}
