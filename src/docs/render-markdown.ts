// `docs --format md`: the index and one page per architecture, as separate files (for a
// folder) or as one document (for stdout or a single `.md` file).
import { archView, fileLinks, indexView, singleLinks } from './markdown-view.js';
import type { Reference } from './reference-model.js';
import { template } from './templates.js';

export interface MdFile {
  /** File name inside the output folder. */
  name: string;
  content: string;
}

// Templates end sections with blank lines; one final newline keeps files tidy.
const tidy = (text: string) => `${text.trimEnd()}\n`;

/** `README.md` (the index, shown first by code forges) and `<arch>.md` per architecture. */
export function renderMarkdownFiles(ref: Reference): MdFile[] {
  const links = fileLinks();
  const index = template('index.md.hbs', { noEscape: true });
  const arch = template('arch.md.hbs', { noEscape: true });
  return [
    { name: 'README.md', content: tidy(index(indexView(ref, links))) },
    ...ref.arches.map((a) => ({
      name: `${a.arch}.md`,
      content: tidy(arch(archView(ref, a, links, '#'))),
    })),
  ];
}

/** Everything in one document, architecture pages one heading level down. */
export function renderMarkdownSingle(ref: Reference): string {
  const links = singleLinks();
  const index = template('index.md.hbs', { noEscape: true });
  const arch = template('arch.md.hbs', { noEscape: true });
  const parts = [
    index(indexView(ref, links)),
    ...ref.arches.map((a) => arch(archView(ref, a, links, '##'))),
  ];
  return tidy(parts.map((p) => p.trimEnd()).join('\n\n'));
}
