// The library API: the same functions the CLI uses, with their types. Plain data in, plain data
// out; only the load*/read*/write* functions touch the file system.

export { loadArchSet } from './arch/load.js';
export type {
  AbiDescriptor,
  ArchDescriptor,
  ArchSet,
  CallingConvention,
  OutputDescriptor,
  TableDescriptor,
} from './arch/model.js';
export { writeFilesAtomically } from './common/atomic-write.js';
export type { Diagnostic, Severity, SourcePosition } from './common/diagnostics.js';
export { UserError } from './common/diagnostics.js';
export { renderDiagnosticsJson, renderDiagnosticsText } from './common/render-diagnostics.js';
export { buildSpec, type ImportInputs } from './import/build-spec.js';
export { parseSyscallsHeader } from './import/parse-syscalls-h.js';
export { parseSyscallsManPage } from './import/parse-syscalls-man.js';
export { parseTbl, type TblRow } from './import/parse-tbl.js';
export { readKernel } from './import/read-kernel.js';
export { type LoadedSpec, type LoadOptions, loadSpec } from './spec/load.js';
export { describeSyscall, type SyscallInfo, syscallsByNumber } from './spec/lookup.js';
export type { Param, Spec, StubDecl, Syscall, TableRow } from './spec/model.js';
export { abiRows, effectiveNumber, rowOnAbi, selectRows, tableRows } from './spec/resolve.js';
export { serializeSpec } from './spec/serialize.js';
export { tagSelected } from './spec/tags.js';
export { type ValidationResult, validate } from './spec/validate.js';
export { VERSION } from './version.js';
