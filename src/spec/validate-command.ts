// `syscalltbl validate`: load and check the spec; print warnings; exit 0 when valid (errors
// are thrown as UserError and rendered by the CLI with exit 2).
import { EXIT_OK } from '../common/exit-codes.js';
import { renderDiagnosticsJson, renderDiagnosticsText } from '../common/render-diagnostics.js';
import { loadSpec } from './load.js';

export async function runValidate(options: Record<string, unknown>): Promise<number> {
  const loaded = await loadSpec({
    spec: options.spec as string | undefined,
    archDir: options.archDir as string | undefined,
  });
  if (options.format === 'json') {
    process.stdout.write(renderDiagnosticsJson(loaded.warnings));
  } else {
    if (loaded.warnings.length > 0) process.stderr.write(renderDiagnosticsText(loaded.warnings));
    const abis = new Set(loaded.spec.syscalls.flatMap((s) => s.rows.map((r) => r.table)));
    process.stderr.write(
      `${loaded.file}: valid: ${loaded.spec.syscalls.length} syscalls, ${loaded.spec.syscalls.reduce((n, s) => n + s.rows.length, 0)} rows in ${abis.size} tables (Linux ${loaded.spec.kernel})\n`,
    );
  }
  return EXIT_OK;
}
