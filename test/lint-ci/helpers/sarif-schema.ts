// The official SARIF 2.1.0 schema (draft-04, kept in test fixtures), compiled. One of its
// patterns is not valid in unicode mode, hence `unicodeRegExp: false`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// Both are CommonJS whose `module.exports` is also its own `.default`; `.default` is what
// NodeNext types and what every loader (Node, vitest) resolves the same way.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

const schemaPath = join(
  import.meta.dirname,
  '..',
  '..',
  'fixtures',
  'sarif',
  'sarif-2.1.0-rtm.5.json',
);

export function sarifValidator() {
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}
