// Precompiles every JSON Schema in schema/ into standalone ajv validators under src/generated/,
// so the CLI compiles nothing at start-up. Run by `npm run build` (and so by `npm test`).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'schema');
const outDir = join(root, 'src', 'generated');
mkdirSync(outDir, { recursive: true });

for (const file of readdirSync(schemaDir)
  .filter((f) => f.endsWith('.schema.json'))
  .sort()) {
  const schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));
  const ajv = new Ajv2020({
    code: { source: true, esm: true, lines: true },
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
  });
  const validate = ajv.compile(schema);
  let code = standaloneCode(ajv, validate);
  // Known trap: standalone ESM output may still `require()` ajv runtime helpers. Turn each into
  // a static import so the module stays pure ESM.
  const imports = [];
  // Node gives `module.exports` as the default import of a CommonJS module, bundlers (vitest)
  // give `module.exports.default`; normalise both to the `{ default: fn }` that ajv expects.
  code = code.replace(/require\("([^"]+)"\)/g, (_m, spec) => {
    const id = `__ajvRuntime${imports.length}`;
    const path = spec.endsWith('.js') ? spec : `${spec}.js`;
    imports.push(
      `import * as ${id}ns from ${JSON.stringify(path)};\nconst ${id} = { default: typeof ${id}ns.default === 'function' ? ${id}ns.default : ${id}ns.default.default };`,
    );
    return id;
  });
  if (/\brequire\(/.test(code))
    throw new Error(`${file}: standalone code still contains require()`);
  const name = `validate-${basename(file, '.schema.json')}`;
  writeFileSync(
    join(outDir, `${name}.js`),
    `// Generated from schema/${file} by scripts/compile-schemas.mjs. Do not edit.\n${imports.join('\n')}\n${code}`,
  );
  writeFileSync(
    join(outDir, `${name}.d.ts`),
    `// Generated from schema/${file}. Do not edit.\nimport type { ErrorObject } from 'ajv';\ndeclare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };\nexport default validate;\n`,
  );
}
