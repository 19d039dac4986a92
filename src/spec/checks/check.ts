// The shape of a semantic check: a stable id, what it guards, and a function from the loaded
// spec to problems located by data path (positions are looked up only when there are problems).
import type { ArchSet } from '../../arch/model.js';
import type { Severity } from '../../common/diagnostics.js';
import type { DataPath } from '../../common/yaml-document.js';
import type { Spec, TableRow } from '../model.js';
import type { RawSpec } from '../raw.js';

export interface SpecProblem {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  path: DataPath;
  /** Point at the key of the last path segment rather than its value. */
  at?: 'key' | 'value';
}

export interface CheckContext {
  raw: RawSpec;
  spec: Spec;
  arches: ArchSet;
  /** Each table's rows in written order. */
  tables: Map<string, TableRow[]>;
}

export interface SpecCheck {
  /** Stable id, also the diagnostic code. */
  id: string;
  description: string;
  run(ctx: CheckContext): SpecProblem[];
}
