// How a symbol name reads where code looks it up or compares it: sprint_symbol and %pS print
// `sys_call_table+0x0/0x1000`, and modules compare with a prefix of that (`"sys_call_table+0x0"`);
// some look up `__sys_call_table`. Only lookups and comparisons go through here: an identifier
// in code is the table only under its exact name.

/** Per set of table names, one pattern for every spelling (built once: strings are many). */
const patterns = new WeakMap<ReadonlySet<string>, RegExp>();

function patternOf(tableNames: ReadonlySet<string>): RegExp {
  let p = patterns.get(tableNames);
  if (!p) {
    const names = [...tableNames].map((n) => n.replace(/[^\w]/g, '\\$&')).join('|');
    // `+0x0`, `+0x0/0x1000` after the name, as kallsyms' symbol printing appends.
    p = new RegExp(`^_*(${names || '(?!)'})(?:\\+0x[0-9a-fA-F]+(?:\\/0x[0-9a-fA-F]+)?)?$`);
    patterns.set(tableNames, p);
  }
  return p;
}

/** The table name `value` spells when looked up or compared, or null. */
export function tableSymbol(value: string, tableNames: ReadonlySet<string>): string | null {
  if (tableNames.has(value)) return value;
  // Shorter than every name, or with no underscore: no spelling of a table name.
  if (value.length < 8 || value.indexOf('_') < 0) return null;
  const m = patternOf(tableNames).exec(value);
  return m ? (m[1] as string) : null;
}
