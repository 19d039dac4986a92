// Every rule, in the order their findings are documented.
import { kernelMemoryProtection } from './kernel-memory-protection.js';
import type { Rule } from './rule.js';
import { tableLookup } from './table-lookup.js';
import { tableReference } from './table-reference.js';
import { tableScan } from './table-scan.js';
import { tableWrite } from './table-write.js';
import { wpDisable } from './wp-disable.js';

export type { Rule } from './rule.js';

export const rules: Rule[] = [
  tableReference,
  tableLookup,
  tableScan,
  tableWrite,
  wpDisable,
  kernelMemoryProtection,
];
