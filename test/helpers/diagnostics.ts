// Loads a spec in-process and returns every diagnostic it produced, thrown or not.
import { type Diagnostic, UserError } from '../../src/common/diagnostics.js';
import { loadSpec } from '../../src/spec/load.js';

export async function specDiagnostics(spec: string): Promise<Diagnostic[]> {
  try {
    return (await loadSpec({ spec, cache: false })).warnings;
  } catch (error) {
    if (error instanceof UserError) return error.diagnostics;
    throw error;
  }
}
