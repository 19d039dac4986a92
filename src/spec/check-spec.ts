// From parsed YAML to a checked Spec: the JSON Schema first (shape), then the semantic checks
// (meaning). Every problem is collected; positions are looked up only for the problems found.
import type { ArchSet } from '../arch/model.js';
import type { Diagnostic } from '../common/diagnostics.js';
import { schemaDiagnostics } from '../common/schema-diagnostics.js';
import type { YamlData } from '../common/yaml-data.js';
import { diagnosticAtPath } from '../common/yaml-document.js';
import validateSpecSchema from '../generated/validate-syscalls.js';
import type { CheckContext } from './checks/check.js';
import { specChecks } from './checks/index.js';
import { specFromRaw } from './from-raw.js';
import type { Spec } from './model.js';
import type { RawSpec } from './raw.js';
import { tableRows } from './resolve.js';

export const SPEC_PATTERN_MEANINGS = {
  cIdent:
    'a C identifier (letters, digits, underscores; not starting with a digit; at most 64 characters)',
  syscallName:
    'a C identifier not starting with __ (letters, digits, underscores; at most 64 characters)',
  tableId: 'a table id such as x86/64',
  tag: 'an ABI tag: letters, digits, underscores, not starting with __',
  param: 'a C parameter declaration such as `char __user *buf` (letters, digits, _, spaces, *, [])',
  syscall: 'a syscall record',
};

export interface CheckedSpec {
  spec?: Spec;
  diagnostics: Diagnostic[];
}

export function checkSpec(src: YamlData, arches: ArchSet): CheckedSpec {
  if (src.data === null || typeof src.data !== 'object' || Array.isArray(src.data)) {
    const what = Array.isArray(src.data) ? 'a list' : `a ${typeof src.data}`;
    return {
      diagnostics: [
        diagnosticAtPath(
          src.locate(),
          [],
          'not-a-mapping',
          `the spec is ${what}, not a mapping`,
          'a spec is a mapping with the keys kernel: and syscalls:',
        ),
      ],
    };
  }
  if (!validateSpecSchema(src.data)) {
    return {
      diagnostics: schemaDiagnostics(
        src.locate(),
        validateSpecSchema.errors ?? [],
        SPEC_PATTERN_MEANINGS,
      ),
    };
  }
  const raw = src.data as RawSpec;
  const spec = specFromRaw(raw, arches);
  const ctx: CheckContext = { raw, spec, arches, tables: tableRows(spec, arches) };
  // Positions are looked up (a second, positioned parse) only when there is something to report.
  const diagnostics = specChecks.flatMap((check) =>
    check.run(ctx).map((p) =>
      diagnosticAtPath(src.locate(), p.path, p.code, p.message, p.hint, {
        as: p.at ?? 'value',
        severity: p.severity,
      }),
    ),
  );
  return { spec, diagnostics };
}
