// The spec the e2e kernel is built from: a copy of syscalls.yaml with one syscall added that
// no kernel has (e2e_probe, a stub, at the next free number of each x86 table), and on request
// two syscalls' x86 numbers swapped, to show that a wrong table fails the run.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isScalar, parseDocument } from 'yaml';

export const PROBE_NAME = 'e2e_probe';
/** The x86 tables of the spec and the ABI tag e2e_probe's row gets in each. */
const X86_TABLES = { 'x86/64': 'common', 'x86/32': 'i386' };

function rowNumber(value) {
  return typeof value === 'number' ? value : value?.nr;
}

/**
 * The highest number in use in @table over every syscall of the plain spec @spec, leaving out
 * x32's rows: they sit at 512 and up, and a new syscall takes the next native number.
 */
function highestNumber(spec, table) {
  let highest = -1;
  for (const record of Object.values(spec.syscalls)) {
    for (const [tag, value] of Object.entries(record.tables?.[table] ?? {})) {
      if (tag !== 'x32') highest = Math.max(highest, rowNumber(value) ?? -1);
    }
  }
  return highest;
}

/** The node holding a row's number: the scalar itself, or the `nr` of a row map. */
function numberNode(row) {
  if (isScalar(row)) return row;
  if (isMap(row)) return row.get('nr', true);
  return undefined;
}

function swapNumbers(doc, [a, b]) {
  let swapped = 0;
  for (const table of Object.keys(X86_TABLES)) {
    const rowsA = doc.getIn(['syscalls', a, 'tables', table]);
    const rowsB = doc.getIn(['syscalls', b, 'tables', table]);
    if (!isMap(rowsA) || !isMap(rowsB)) continue;
    const nodeA = numberNode(rowsA.items[0]?.value);
    const nodeB = numberNode(rowsB.items[0]?.value);
    if (!nodeA || !nodeB) continue;
    [nodeA.value, nodeB.value] = [nodeB.value, nodeA.value];
    swapped++;
  }
  if (swapped === 0) throw new Error(`--swap ${a},${b}: the two have no x86 rows to swap`);
}

/**
 * Writes the copy of @specPath to @outPath. Returns e2e_probe's number in each x86 table,
 * {'x86/64': n, 'x86/32': m}, which the guest programs are compiled with.
 */
export function writeSpecCopy(specPath, outPath, { swap } = {}) {
  const doc = parseDocument(readFileSync(specPath, 'utf8'));
  const spec = doc.toJS();
  if (spec.syscalls?.[PROBE_NAME]) throw new Error(`${specPath} already has ${PROBE_NAME}`);
  const numbers = {};
  const tables = {};
  for (const [table, tag] of Object.entries(X86_TABLES)) {
    numbers[table] = highestNumber(spec, table) + 1;
    tables[table] = { [tag]: { nr: numbers[table], entry: null } };
  }
  const probe = doc.createNode({
    params: ['long value', 'unsigned long magic'],
    reserved: true,
    stub: {
      reason: 'syscalltbl kernel e2e: a syscall only this copy of the spec has',
      compat: true,
    },
    tables,
  });
  probe.get('params').flow = true;
  probe.get('stub').flow = true;
  for (const table of probe.get('tables').items) table.value.flow = true;
  doc.setIn(['syscalls', PROBE_NAME], probe);
  if (swap) swapNumbers(doc, swap);
  writeFileSync(outPath, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  return numbers;
}
