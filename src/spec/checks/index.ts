// Every semantic check, in the order their findings are most useful.

import { cIdentifiers } from './c-identifiers.js';
import type { SpecCheck } from './check.js';
import { knownTables } from './known-tables.js';
import { duplicateName, duplicateNumber, numberRange } from './per-abi.js';
import { compatSupported, noreturnEntry } from './rows.js';
import { reservedFlag, stubDeclarations, tooManyParams } from './signature.js';
import { unreadTags } from './unread-tags.js';

export const specChecks: SpecCheck[] = [
  knownTables,
  unreadTags,
  cIdentifiers,
  duplicateNumber,
  duplicateName,
  numberRange,
  compatSupported,
  noreturnEntry,
  tooManyParams,
  stubDeclarations,
  reservedFlag,
];
