// What one file's analysis tells the others: the exports worth sharing, the names whose values
// spread the table (other files mentioning them are linted again with the run's facts), and
// the facts merged from a set of outcomes in file order.
import { dict, emptyFacts, type Kind, mergeFacts, type ProjectFacts } from './facts.js';
import type { FileOutcome } from './file-task.js';

/** Kinds worth telling other files about; plain kernel addresses stay local to keep runs cheap. */
export const SHARED_KINDS: ReadonlySet<Kind> = new Set([
  'table',
  'shadow',
  'slot',
  'sslot',
  'eslot',
  'entry',
  'lookup',
  'tname',
  'ename',
]);
/** Kinds that make another file's plain-looking code a finding (and so warrant re-reading files). */
const SPREADING: ReadonlySet<Kind> = new Set([
  'table',
  'shadow',
  'slot',
  'sslot',
  'eslot',
  'entry',
]);

export function shareable(f: ProjectFacts): ProjectFacts {
  const pick = (r: Record<string, Kind>): Record<string, Kind> =>
    dict(Object.fromEntries(Object.entries(r).filter(([, k]) => SHARED_KINDS.has(k))));
  const params: ProjectFacts['params'] = dict();
  for (const [fn, ps] of Object.entries(f.params)) {
    const kept = pick(ps);
    if (Object.keys(kept).length > 0) params[fn] = kept;
  }
  return {
    ...f,
    globals: pick(f.globals),
    fields: pick(f.fields),
    macros: pick(f.macros),
    returns: pick(f.returns),
    params,
  };
}

export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '.' : rel.slice(0, i);
}

/** Names whose values spread the table to other files: globals, fields, macros, results, parameters. */
export function namesOf(f: ProjectFacts): string[] {
  const spreading = (r: Record<string, Kind>): string[] =>
    Object.keys(r).filter((n) => SPREADING.has(r[n] as Kind));
  const params = Object.keys(f.params).filter((fn) => spreading(f.params[fn] ?? {}).length > 0);
  return [
    ...spreading(f.globals),
    ...spreading(f.fields),
    ...spreading(f.macros),
    ...spreading(f.returns),
    ...params,
  ];
}

/**
 * The module's own ways to look a symbol up, known across the run: lookup wrappers, and globals,
 * fields, macros and results holding a lookup function (kallsyms_lookup_name found through a
 * kprobe). A file calling one with the table's name was analysed without knowing what it is.
 */
export function lookupNamesOf(f: ProjectFacts): Set<string> {
  const lookups = (r: Record<string, Kind>): string[] =>
    Object.keys(r).filter((n) => r[n] === 'lookup');
  return new Set([
    ...Object.keys(f.wrappers),
    ...lookups(f.globals),
    ...lookups(f.fields),
    ...lookups(f.macros),
    ...lookups(f.returns),
  ]);
}

/** Merges what a linted file exports (and whether its module touches the table) into `facts`. */
export function learnFrom(facts: ProjectFacts, o: FileOutcome): void {
  if (o.status !== 'linted') return;
  const ex = shareable(o.exports ?? emptyFacts());
  if (o.touchesTable) ex.tableDirs = [dirOf(o.rel)];
  mergeFacts(facts, ex);
}
