// Loads and compiles the docs templates (templates/docs/*.hbs) once per process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { bundledTemplatesDir } from '../common/paths.js';

export const docsTemplatesDir = join(bundledTemplatesDir, 'docs');

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * A compiled template. Markdown templates take pre-escaped text (`noEscape`: HTML escaping would
 * garble it); the HTML template keeps Handlebars' escaping for every `{{value}}`.
 */
export function template(
  name: string,
  options: { noEscape?: boolean } = {},
): (view: object) => string {
  const key = `${name}\0${options.noEscape ? 1 : 0}`;
  let fn = compiled.get(key);
  if (!fn) {
    const source = readFileSync(join(docsTemplatesDir, name), 'utf8');
    fn = Handlebars.compile(source, { noEscape: options.noEscape ?? false, strict: true });
    compiled.set(key, fn);
  }
  return fn;
}

/** Static text shipped beside the templates (the HTML page's CSS and script). */
export function asset(name: string): string {
  return readFileSync(join(docsTemplatesDir, name), 'utf8');
}
