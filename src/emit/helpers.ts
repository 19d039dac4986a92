// The few helpers templates may use: layout conveniences only, no data decisions.
import type { HelperDelegate, HelperOptions } from 'handlebars';

/**
 * The kernel scripts' include-guard spelling: upper-case, every character outside [A-Z0-9_]
 * becomes `_`, then `sed s/__/_/g`, which squeezes pairs left to right without overlap (`___`
 * becomes `__`). The arguments are concatenated first: syscallhdr.sh normalises only the
 * basename (`_UAPI_ASM_{{guard file.basename}}`), s390's syscalltbl the whole guard
 * (`{{guard "__UAPI_ASM_S390_" file.basename}}`).
 */
export function normalizeGuard(text: string): string {
  return text
    .replace(/[a-z]/g, (c) => c.toUpperCase())
    .replace(/[^A-Z0-9_]/g, '_')
    .replace(/__/g, '_');
}

/** Handlebars passes its options object last; drop it. */
function values(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

/**
 * `each` as the templates use it: templates are compiled without data frames (no @index, @key)
 * and take no block parameters, yet handlebars' own `each` builds both for every row, most of
 * the allocation of a run. This one renders arrays, other iterables and plain objects' values
 * in order, and the else block when there is nothing to render.
 */
function each(this: unknown, context: unknown, options: HelperOptions): string {
  let items: readonly unknown[] = [];
  if (Array.isArray(context)) items = context;
  else if (context !== null && typeof context === 'object')
    items =
      Symbol.iterator in context ? [...(context as Iterable<unknown>)] : Object.values(context);
  if (items.length === 0) return options.inverse(this);
  let out = '';
  for (const item of items) out += options.fn(item);
  return out;
}

export const HELPERS: Record<string, HelperDelegate> = {
  each,
  guard: (...args: unknown[]) => normalizeGuard(values(args).map(String).join('')),
  multipleOf: (n: unknown, k: unknown) => Number(k) !== 0 && Number(n) % Number(k) === 0,
  eq: (a: unknown, b: unknown) => a === b,
};
