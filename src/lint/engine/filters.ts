// Which filters a pass runs, as plain data a worker can receive, and the built filters, cached
// per word list: the prefilter (trigger words, plus the names other files export, which are
// only noted), and, in a first pass, the gate.
import { createGate, type Gate } from './gate.js';
import { createMultiSearch, type MultiSearch } from './multi-search.js';

export interface FilterSpec {
  /** Prefilter words; null lints every file. */
  words: string[] | null;
  /** Table names for the gate; null runs no gate (later passes, with other files' facts). */
  gateTables: string[] | null;
  /** Names other files export, known so far: files holding one are noted, not linted for it. */
  names?: string[];
}

/** One search for the trigger words and the names, telling the two apart. */
export interface Prefilter {
  search: MultiSearch;
  /** Ids below this are trigger words, the rest names. */
  triggers: number;
}

/** The filters a task runs: none (lint everything), or the prefilter and, in a first pass, the gate. */
export interface Filters {
  prefilter: Prefilter | null;
  gate: Gate | null;
}

const searches = new Map<string, Prefilter>();
const gates = new Map<string, Gate>();

export function filtersFor(spec: FilterSpec): Filters {
  let prefilter: Prefilter | null = null;
  if (spec.words) {
    const names = spec.names ?? [];
    const key = `${spec.words.join('\n')}\n\n${names.join('\n')}`;
    prefilter = searches.get(key) ?? null;
    if (!prefilter) {
      // Words under two bytes never match (as ever); repeated words count once.
      const words = [...new Set(spec.words.filter((w) => w.length >= 2))];
      prefilter = { search: createMultiSearch([...words, ...names]), triggers: words.length };
      remember(searches, key, prefilter);
    }
  }
  let gate: Gate | null = null;
  if (spec.gateTables) {
    const key = spec.gateTables.join('\n');
    gate = gates.get(key) ?? null;
    if (!gate) {
      gate = createGate(spec.gateTables);
      remember(gates, key, gate);
    }
  }
  return { prefilter, gate };
}

/** Keeps the few most recent entries: a run uses two or three word lists. */
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= 4) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}
