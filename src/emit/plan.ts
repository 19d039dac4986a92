// Plans a run: every file the selected architectures generate, with its content, before anything
// touches the disk. Each file is one output descriptor (or a table, written through the `tbl`
// layout) run through its layout and template. Pure: templates were read when the renderer was made.
import { posix } from 'node:path';
import type { ArchDescriptor, ArchSet, OutputDescriptor } from '../arch/model.js';
import { UserError } from '../common/diagnostics.js';
import type { Spec, TableRow } from '../spec/model.js';
import { selectRows, tableRows } from '../spec/resolve.js';
import { LAYOUTS, layoutNamed } from './layouts/index.js';
import type { Renderer } from './render.js';

export interface PlannedOutput {
  /** Path below the output root, `/`-separated. */
  path: string;
  /**
   * UTF-8 bytes. Rendered text is a rope of thousands of pieces; turning it into bytes at once
   * keeps the heap small while the rest of the run is planned.
   */
  content: Buffer;
  /** The descriptor that asked for it (for diagnostics). */
  origin: string;
}

/** The tables an architecture owns are written like outputs: template and layout `tbl`. */
export function tableOutputs(arch: ArchDescriptor): OutputDescriptor[] {
  return arch.tables.map((t) => ({
    template: 'tbl',
    layout: 'tbl',
    path: t.path,
    table: t.id,
    params: {},
    base: 'root',
  }));
}

/** Where an output goes below the output root. */
export function outputPath(arch: ArchDescriptor, output: OutputDescriptor): string {
  return output.base === 'root'
    ? output.path
    : posix.join('arch', arch.arch, 'include', 'generated', output.path);
}

/** What one run shares between outputs: rows per table, and selections already made. */
interface RunRows {
  byTable: Map<string, TableRow[]>;
  selections: Map<string, TableRow[]>;
}

function selectedRows(run: RunRows, table: string, tags: readonly string[] | undefined) {
  const key = `${table}\0${tags?.join(',') ?? ''}\0${tags === undefined}`;
  let selected = run.selections.get(key);
  if (!selected) {
    selected = selectRows(run.byTable.get(table), tags);
    run.selections.set(key, selected);
  }
  return selected;
}

function renderOutput(
  arch: ArchDescriptor,
  output: OutputDescriptor,
  spec: Spec,
  arches: ArchSet,
  run: RunRows,
  renderer: Renderer,
): string {
  const layout = layoutNamed(output.layout);
  if (!layout) {
    throw new UserError({
      code: 'layout-unknown',
      severity: 'error',
      message: `output "${output.path}" names unknown layout "${output.layout}"`,
      hint: `known layouts: ${Object.keys(LAYOUTS).sort().join(', ')}`,
      file: arch.file,
    });
  }
  const table = arches.tables.get(output.table);
  if (!table) {
    throw new UserError({
      code: 'output-unknown-table',
      severity: 'error',
      message: `output "${output.path}" reads unknown table "${output.table}"`,
      hint: `known tables: ${[...arches.tables.keys()].sort().join(', ')}`,
      file: arch.file,
    });
  }
  const rows = run.byTable.get(table.id) ?? [];
  const selected = selectedRows(run, table.id, output.tags);
  const view = {
    ...layout.build({ rows, selected, table, output, arches }),
    // Common fields last: a layout cannot shadow them.
    file: { path: output.path, basename: posix.basename(output.path) },
    arch: arch.arch,
    table: { id: table.id, path: table.path },
    tags: output.tags ?? null,
    params: { ...layout.defaults, ...output.params },
    spec: { kernel: spec.kernel },
  };
  return renderer.render(output.template, view);
}

/** One file a run writes: which architecture's which output, and where. */
export interface PlanTarget {
  arch: ArchDescriptor;
  output: OutputDescriptor;
  path: string;
}

/** The files `selected` generate (outputs and each one's own tables), sorted by path. */
export function planTargets(selected: readonly ArchDescriptor[]): PlanTarget[] {
  const targets = new Map<string, PlanTarget>();
  for (const arch of selected) {
    for (const output of [...tableOutputs(arch), ...arch.outputs]) {
      const path = outputPath(arch, output);
      const prior = targets.get(path);
      if (prior) {
        throw new UserError({
          code: 'output-duplicate',
          severity: 'error',
          message: `two outputs write ${path} (the other is in ${prior.arch.file})`,
          hint: 'give each output its own path',
          file: arch.file,
        });
      }
      targets.set(path, { arch, output, path });
    }
  }
  return [...targets.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Renders every target. */
export function planFiles(
  spec: Spec,
  arches: ArchSet,
  targets: readonly PlanTarget[],
  renderer: Renderer,
): PlannedOutput[] {
  const run: RunRows = { byTable: tableRows(spec, arches), selections: new Map() };
  return targets.map(({ arch, output, path }) => ({
    path,
    content: Buffer.from(renderOutput(arch, output, spec, arches, run, renderer), 'utf8'),
    origin: arch.file,
  }));
}
