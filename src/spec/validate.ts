// The non-throwing form of loadSpec, for library users: every diagnostic as data.
import type { Diagnostic } from '../common/diagnostics.js';
import { UserError } from '../common/diagnostics.js';
import { type LoadedSpec, type LoadOptions, loadSpec } from './load.js';

export interface ValidationResult {
  ok: boolean;
  /** Present when the spec is valid. */
  loaded?: LoadedSpec;
  diagnostics: Diagnostic[];
}

export async function validate(options: LoadOptions = {}): Promise<ValidationResult> {
  try {
    const loaded = await loadSpec(options);
    return { ok: true, loaded, diagnostics: loaded.warnings };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, diagnostics: error.diagnostics };
    throw error;
  }
}
