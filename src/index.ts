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
// Documentation and diffs.
export { buildReference } from './docs/build-reference.js';
export { diffSpecs } from './docs/diff-specs.js';
export { renderCsv } from './docs/render-csv.js';
export { renderDiffJson, renderDiffMarkdown } from './docs/render-diff.js';
export { renderHtml } from './docs/render-html.js';
export { renderJson } from './docs/render-json.js';
export { renderMarkdownFiles, renderMarkdownSingle } from './docs/render-markdown.js';
// Generation: plan the files of some architectures, render them, write or check them.
export { applyStubs } from './emit/apply-stubs.js';
export { findStale, type StaleFile } from './emit/check.js';
export { type PlannedOutput, type PlanTarget, planFiles, planTargets } from './emit/plan.js';
export { createRenderer, type Renderer } from './emit/render.js';
export { selectArches } from './emit/select-arches.js';
export { type FileToWrite, writePlanned } from './emit/write.js';
export { buildSpec, type ImportInputs } from './import/build-spec.js';
export { parseSyscallsHeader } from './import/parse-syscalls-h.js';
export { parseSyscallsManPage } from './import/parse-syscalls-man.js';
export { parseTbl, type TblRow } from './import/parse-tbl.js';
export { readKernel } from './import/read-kernel.js';
// The linter.
export {
  defaultRuleLevels,
  type EngineResult,
  type LintEngineOptions,
  lintPaths,
} from './lint/engine/lint-paths.js';
export { getFormatter } from './lint/formatters/index.js';
export { rules as lintRules } from './lint/rules/index.js';
export type { Finding, Formatter, LintResult, RuleMeta } from './lint/types.js';
export { type LoadedSpec, type LoadOptions, loadSpec } from './spec/load.js';
export { describeSyscall, type SyscallInfo, syscallsByNumber } from './spec/lookup.js';
export type { Param, Spec, StubDecl, Syscall, TableRow } from './spec/model.js';
export { abiRows, effectiveNumber, rowOnAbi, selectRows, tableRows } from './spec/resolve.js';
export { serializeSpec } from './spec/serialize.js';
export { tagSelected } from './spec/tags.js';
export { type ValidationResult, validate } from './spec/validate.js';
export { stubSyscallsFromSpec } from './stubs/from-spec.js';
// Module stubs.
export { renderStubFiles, type StubFiles, type StubSyscall } from './stubs/render-stubs.js';
export { VERSION } from './version.js';
