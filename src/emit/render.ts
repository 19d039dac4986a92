// Renders views through handlebars templates: `noEscape` (this is C, not HTML) and `strict` (a
// misspelt field is an error, not an empty string). Each template a run needs is read and
// compiled once, up front; compiled templates are cached (template-cache.ts), and when all are
// cached only the handlebars runtime is loaded. Templates are looked up in the user's
// --templates folder first, then the bundled one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type HandlebarsNamespace from 'handlebars';
import { UserError } from '../common/diagnostics.js';
import { HELPERS } from './helpers.js';
import { readPrecompiled, templateKey, writePrecompiled } from './template-cache.js';

type Handlebars = typeof HandlebarsNamespace;

// handlebars is CommonJS: require() skips the ESM wrapper's export scan (~5 ms a run).
const requireCjs = createRequire(import.meta.url);
type Run = (view: object) => string;

export interface Renderer {
  render(template: string, view: object): string;
}

/**
 * Templates may call the built-in block helpers and ours, nothing else (known helpers compile to
 * direct calls). No @data variables (@index, @root, ...): outer fields are reached with `../`;
 * without data frames every loop iteration allocates less, which is most of a run's time.
 */
export const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])),
  knownHelpersOnly: true,
  data: false,
};

/**
 * A handlebars error as a diagnostic at its place in the template: compile and render errors
 * carry a line and a 0-based column, parse errors a line in their text.
 */
function templateError(file: string, error: unknown, text?: string): UserError {
  const raw = error instanceof Error ? error.message : String(error);
  const [first = '', ...rest] = raw.split('\n');
  const e = error as { lineNumber?: unknown; column?: unknown };
  const parsed = /^Parse error on line (\d+):/.exec(first);
  const line = typeof e.lineNumber === 'number' ? e.lineNumber : parsed ? Number(parsed[1]) : 0;
  const sourceLine = line > 0 ? text?.split('\n')[line - 1] : undefined;
  let column = typeof e.column === 'number' ? e.column + 1 : 1;
  const undefinedField = /^"([^"]+)" not defined in /.exec(first);
  let message = undefinedField
    ? `"${undefinedField[1]}" is not a field of the view here`
    : first.replace(/ - \d+:\d+$/, '');
  let hint = undefinedField
    ? 'check the spelling; fields of an outer view are reached with ../ (docs/build-integration.md)'
    : rest.join(' ').replace(/\s+/g, ' ').trim();
  if (parsed) {
    // The parser's excerpt, a caret under the error, then what it expected.
    const [excerpt = '', caret = '', expected = ''] = rest;
    const at = caret.indexOf('^');
    if (at >= 0 && sourceLine?.startsWith(excerpt.slice(0, at))) column = at + 1;
    message = 'cannot parse the template';
    hint = expected.replace(/^Expecting /, 'expected one of ');
  }
  return new UserError({
    code: 'template-error',
    severity: 'error',
    message: `template failed: ${message}`,
    ...(hint ? { hint } : {}),
    file,
    ...(line > 0 ? { position: { line, column } } : {}),
    ...(sourceLine !== undefined ? { sourceLine } : {}),
  });
}

interface Source {
  name: string;
  file: string;
  text: string;
  key: string;
  cached: string | undefined;
}

function readSource(dirs: readonly string[], name: string, cache: boolean): Source {
  for (const dir of dirs) {
    const file = join(dir, `${name}.hbs`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const key = templateKey(text, COMPILE_OPTIONS);
    return { name, file, text, key, cached: cache ? readPrecompiled(key) : undefined };
  }
  throw new UserError({
    code: 'template-missing',
    severity: 'error',
    message: `no template "${name}" (looked for ${name}.hbs in ${dirs.join(', ')})`,
    hint: 'add the template, or name an existing one in the output descriptor',
    file: dirs[0] ?? '.',
  });
}

/** A precompiled template spec (JavaScript object source) back into an object. */
function specObject(code: string): unknown {
  return new Function(`return (${code});`)();
}

/** Loads and compiles `names` from `dirs`; throws UserError for a missing or broken template. */
export async function createRenderer(
  dirs: readonly string[],
  names: Iterable<string>,
  options: { cache?: boolean } = {},
): Promise<Renderer> {
  const cache = options.cache ?? !process.env.SYSCALLTBL_NO_CACHE;
  const sources = [...new Set(names)].map((n) => readSource(dirs, n, cache));
  const allCached = sources.every((s) => s.cached !== undefined);
  // The runtime alone is enough to run precompiled templates; compiling needs the full package.
  const hbs: Handlebars = allCached
    ? (requireCjs('handlebars/runtime') as Handlebars)
    : (requireCjs('handlebars') as Handlebars);
  const env = hbs.create();
  env.registerHelper(HELPERS);
  const compiled = new Map<string, { file: string; run: Run; text: string }>();
  for (const s of sources) {
    let run: Run;
    try {
      let code = s.cached;
      if (code === undefined) {
        code = String(env.precompile(s.text, COMPILE_OPTIONS));
        if (cache) writePrecompiled(s.key, code);
      }
      run = env.template(specObject(code) as Parameters<Handlebars['template']>[0]);
    } catch (error) {
      throw templateError(s.file, error, s.text);
    }
    compiled.set(s.name, { file: s.file, run, text: s.text });
  }
  return {
    render(name, view) {
      const entry = compiled.get(name);
      if (!entry) throw new Error(`template ${name} was not loaded`);
      try {
        return entry.run(view);
      } catch (error) {
        throw templateError(entry.file, error, entry.text);
      }
    },
  };
}
