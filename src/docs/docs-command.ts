// `syscalltbl docs [--format md|html|json|csv] [--out PATH]`: the reference from the spec.
// I/O edge only: load, build the reference, render, then write atomically or print.
import { join } from 'node:path';
import { type PlannedFile, writeFilesAtomically } from '../common/atomic-write.js';
import { UserError } from '../common/diagnostics.js';
import { EXIT_OK } from '../common/exit-codes.js';
import { renderDiagnosticsText } from '../common/render-diagnostics.js';
import { loadSpec } from '../spec/load.js';
import { buildReference } from './build-reference.js';
import type { Reference } from './reference-model.js';
import { specDisplayName } from './spec-name.js';
import { printDocument } from './stdout.js';

export type DocsFormat = 'md' | 'html' | 'json' | 'csv';
const FORMATS: readonly DocsFormat[] = ['md', 'html', 'json', 'csv'];

/** The files one run writes; `out` undefined means one document for stdout. */
export async function planDocs(
  ref: Reference,
  format: DocsFormat,
  out: string | undefined,
): Promise<PlannedFile[] | string> {
  switch (format) {
    case 'md': {
      const md = await import('./render-markdown.js');
      // A folder gets the index and one page per architecture; a `.md` path, one document.
      if (out === undefined) return md.renderMarkdownSingle(ref);
      if (out.endsWith('.md')) return [{ path: out, content: md.renderMarkdownSingle(ref) }];
      return md
        .renderMarkdownFiles(ref)
        .map((f) => ({ path: join(out, f.name), content: f.content }));
    }
    case 'html': {
      const html = (await import('./render-html.js')).renderHtml(ref);
      return out === undefined ? html : [{ path: out, content: html }];
    }
    case 'json': {
      const json = (await import('./render-json.js')).renderJson(ref);
      return out === undefined ? json : [{ path: out, content: json }];
    }
    case 'csv': {
      const csv = (await import('./render-csv.js')).renderCsv(ref);
      return out === undefined ? csv : [{ path: out, content: csv }];
    }
  }
}

/** Writes all or nothing; a path that cannot be written is the user's to fix, not a crash. */
function writePlanned(planned: PlannedFile[]) {
  try {
    return writeFilesAtomically(planned);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!e.code) throw error;
    throw new UserError({
      code: 'docs-write',
      severity: 'error',
      message: `cannot write the output (${e.code}): ${e.message}`,
      hint: 'give --out a writable file (html, json, csv, or md as one .md file) or folder (md)',
      file: e.path ?? planned[0]?.path ?? '<output>',
    });
  }
}

export async function runDocs(options: Record<string, unknown>): Promise<number> {
  const format = (options.format as DocsFormat | undefined) ?? 'md';
  if (!FORMATS.includes(format)) {
    throw new UserError({
      code: 'docs-format',
      severity: 'error',
      message: `unknown format ${JSON.stringify(format)}`,
      hint: `use one of ${FORMATS.join(', ')}`,
      file: '<command line>',
    });
  }
  const loaded = await loadSpec({
    spec: options.spec as string | undefined,
    archDir: options.archDir as string | undefined,
  });
  if (loaded.warnings.length > 0) process.stderr.write(renderDiagnosticsText(loaded.warnings));
  const ref = buildReference(loaded.spec, loaded.arches, {
    specName: specDisplayName(loaded.file),
  });
  const out = options.out as string | undefined;
  const planned = await planDocs(ref, format, out);
  if (typeof planned === 'string') {
    printDocument(planned);
    return EXIT_OK;
  }
  const report = writePlanned(planned);
  process.stderr.write(
    `syscalltbl docs: ${report.written.length} written, ${report.unchanged.length} unchanged (Linux ${ref.kernel}, ${ref.syscalls.length} syscalls, ${ref.abis.length} ABIs)\n`,
  );
  return EXIT_OK;
}
