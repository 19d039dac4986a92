// What one file tells the others in a run: the project-wide symbol table of globals, struct
// fields, macros and functions whose values hold the table (or a lookup function, an entry
// point, a table name), merged across files so aliases are followed from file to file.

/**
 * What a value is, most to least telling: the table (or a pointer into it), a shadow copy of it,
 * a slot of either (an lvalue), syscall entry code, a syscall's own function (read from a slot
 * or looked up by its sys_* name: kept within its file, as every hooking module holds such
 * values under ordinary names), a name-lookup function, a string naming the table or an entry
 * symbol, a candidate address (module parameter, hard-coded kernel address) not yet known to be
 * the table, and some other kernel address.
 */
export type Kind =
  | 'table'
  | 'shadow'
  | 'slot'
  | 'sslot'
  | 'eslot'
  | 'entry'
  | 'sysfn'
  | 'lookup'
  | 'tname'
  | 'ename'
  | 'cand'
  | 'kaddr';

const RANK: Record<Kind, number> = {
  table: 12,
  shadow: 11,
  slot: 10,
  sslot: 9,
  eslot: 8,
  entry: 7,
  sysfn: 6,
  lookup: 5,
  tname: 4,
  ename: 3,
  cand: 2,
  kaddr: 1,
};

/** Whether `next` should replace `prev` (a value keeps the most telling kind it was given). */
export function outranks(next: Kind, prev: Kind | undefined): boolean {
  return prev === undefined || RANK[next] > RANK[prev];
}

export interface ProjectFacts {
  globals: Record<string, Kind>;
  fields: Record<string, Kind>;
  macros: Record<string, Kind>;
  /** Function name → kind of the value it returns. */
  returns: Record<string, Kind>;
  /** Lookup wrappers: function name → index of the parameter that carries the symbol name. */
  wrappers: Record<string, number>;
  /** Function name → parameter index → kind a caller passes there. */
  params: Record<string, Record<string, Kind>>;
  /** Directories (modules) whose files touch the table. */
  tableDirs: string[];
}

/** A record keyed by C identifiers: no prototype, so `constructor` or `__proto__` are just names. */
export function dict<T>(from?: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, from);
}

export function emptyFacts(): ProjectFacts {
  return {
    globals: dict(),
    fields: dict(),
    macros: dict(),
    returns: dict(),
    wrappers: dict(),
    params: dict(),
    tableDirs: [],
  };
}

function mergeKinds(into: Record<string, Kind>, from: Record<string, Kind>): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(from)) {
    if (outranks(v, into[k])) {
      into[k] = v;
      changed = true;
    }
  }
  return changed;
}

/** Merges `from` into `into`; true when anything was added. */
export function mergeFacts(into: ProjectFacts, from: ProjectFacts): boolean {
  let changed = mergeKinds(into.globals, from.globals);
  changed = mergeKinds(into.fields, from.fields) || changed;
  changed = mergeKinds(into.macros, from.macros) || changed;
  changed = mergeKinds(into.returns, from.returns) || changed;
  for (const [k, v] of Object.entries(from.wrappers)) {
    if (into.wrappers[k] === undefined) {
      into.wrappers[k] = v;
      changed = true;
    }
  }
  for (const [fn, ps] of Object.entries(from.params)) {
    into.params[fn] ??= dict();
    changed = mergeKinds(into.params[fn] as Record<string, Kind>, ps) || changed;
  }
  for (const d of from.tableDirs) {
    if (!into.tableDirs.includes(d)) {
      into.tableDirs.push(d);
      changed = true;
    }
  }
  return changed;
}

/** Every name a file would have to mention for these facts to change its analysis. */
export function factNames(f: ProjectFacts): string[] {
  return [
    ...Object.keys(f.globals),
    ...Object.keys(f.fields),
    ...Object.keys(f.macros),
    ...Object.keys(f.returns),
    ...Object.keys(f.wrappers),
    ...Object.keys(f.params),
  ];
}
