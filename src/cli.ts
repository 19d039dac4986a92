#!/usr/bin/env node
// The command line: wires each command to its stage. Heavy modules load lazily, so
// `syscalltbl show 59` pays only for what it uses.
import { createRequire } from 'node:module';
import type * as CommanderModule from 'commander';
import type { Command, Option as CommanderOption } from 'commander';
import { UserError } from './common/diagnostics.js';
import { EXIT_INTERNAL, EXIT_USAGE } from './common/exit-codes.js';
import { renderDiagnosticsJson, renderDiagnosticsText } from './common/render-diagnostics.js';
import { VERSION } from './version.js';

// commander is CommonJS: require() skips the ESM wrapper's export scan, a few ms of every run.
const {
  Command: CommandClass,
  CommanderError,
  Option,
} = createRequire(import.meta.url)('commander') as typeof CommanderModule;

/** A command's implementation: options and positional arguments in, exit code out. */
export type Action = (options: Record<string, unknown>, args: string[]) => Promise<number>;
type Wrap = (load: () => Promise<Action>) => (...params: unknown[]) => Promise<void>;

function specOption(): CommanderOption {
  return new Option('--spec <file>', 'the spec (default: ./syscalls.yaml, else the bundled one)');
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function buildProgram(run: Wrap): Command {
  const program = new CommandClass('syscalltbl')
    .description('Linux system call tables: one spec, every architecture, stubs, a linter, docs.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('validate')
    .description('check the spec; exit 0 when valid, 2 otherwise')
    .addOption(specOption())
    .option('--arch-dir <dir>', 'architecture descriptors (default: bundled arch/)')
    .addOption(
      new Option('--format <format>', 'diagnostics format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .action(run(async () => (await import('./spec/validate-command.js')).runValidate));

  program
    .command('generate')
    .description('write every architecture table and header the kernel generates')
    .addOption(specOption())
    .option('--arch <list>', 'only these architectures (comma-separated)')
    .option('--out <dir>', 'output root; files go under arch/<arch>/...', '.')
    .option('--check', 'write nothing; exit 1 with a diff when an output is stale or missing')
    .option('--stubs', 'point stub syscalls at generated stub entry points and emit the stub C')
    .option('--list', 'print the files that would be written')
    .option('--arch-dir <dir>', 'architecture descriptors (default: bundled arch/)')
    .option('--templates <dir>', 'templates (default: bundled templates/)')
    .action(run(async () => (await import('./emit/generate-command.js')).runGenerate));

  program
    .command('lint')
    .description('find module source that reaches into the system call table')
    .argument('[paths...]', 'files or directories (default: .)')
    .addOption(specOption())
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'github', 'gitlab'])
        .default('text'),
    )
    .option('--config <file>', 'config file (default: .syscalltbl.yaml found upward)')
    .option('--rule <id=level>', 'set a rule to off|warn|error (repeatable)', collect, [])
    .option('--max-warnings <n>', 'fail when there are more warnings than this')
    .option('--baseline <file>', 'report only findings not in this baseline')
    .option('--write-baseline <file>', 'record the current findings as the baseline')
    .option('--report-unused-suppressions', 'report suppression comments that suppress nothing')
    .option('--preset <name>', 'a bundled configuration preset, e.g. kernel-tree')
    .option(
      '--jobs <n>',
      'threads reading files, the main thread included (default: number of cores)',
    )
    .option('--progress', 'show progress on a terminal (never when piped or in CI)')
    .action(run(async () => (await import('./lint/lint-command.js')).runLint));

  program
    .command('docs')
    .description('write the syscall reference: markdown, html, json or csv')
    .addOption(specOption())
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['md', 'html', 'json', 'csv'])
        .default('md'),
    )
    .option('--out <path>', 'output file or directory (default: stdout for one file)')
    .option('--arch-dir <dir>', 'architecture descriptors (default: bundled arch/)')
    .action(run(async () => (await import('./docs/docs-command.js')).runDocs));

  program
    .command('import')
    .description('read a kernel tree (or a folder laid out like it) and write the spec')
    .requiredOption('--kernel <dir>', 'kernel source tree')
    .option('--out <file>', 'output spec (default: stdout)')
    .option('--stubs <file>', 'stub declarations to merge (default: bundled data/stubs.yaml)')
    .option(
      '--manpages <file>',
      'syscalls(2) man page for first-appeared versions (default: the installed one, if any)',
    )
    .option('--no-manpages', 'do not read the syscalls(2) man page')
    .option('--kernel-version <version>', "version to record (default: the tree's Makefile)")
    .option('--arch-dir <dir>', 'architecture descriptors (default: bundled arch/)')
    .action(run(async () => (await import('./import/import-command.js')).runImport));

  program
    .command('show')
    .description('look up a syscall by name or number: what is 59 on x86_64?')
    .argument('<query>', 'a syscall name or number')
    .addOption(specOption())
    .option('--abi <abi>', 'limit to one ABI (required for a number that differs per ABI)')
    .option('--json', 'print JSON')
    .option('--arch-dir <dir>', 'architecture descriptors (default: bundled arch/)')
    .action(run(async () => (await import('./spec/show-command.js')).runShow));

  program
    .command('diff')
    .description('what changed between two specs: added, removed, renumbered, re-pointed')
    .argument('<old>', 'older spec')
    .argument('<new>', 'newer spec')
    .addOption(
      new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'),
    )
    .option('--arch-dir <dir>', 'architecture descriptors (default: bundled arch/)')
    .action(run(async () => (await import('./docs/diff-command.js')).runDiff));

  return program;
}

function reportUserError(error: UserError, json: boolean): void {
  const out = json
    ? renderDiagnosticsJson(error.diagnostics)
    : renderDiagnosticsText(error.diagnostics);
  if (json) process.stdout.write(out);
  else process.stderr.write(out);
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const run: Wrap =
    (load) =>
    async (...params) => {
      // commander passes (args..., options, command); normalise to (options, args).
      const command = params[params.length - 1] as Command;
      const options = command.opts();
      const args = params.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : [a])) as string[];
      try {
        const action = await load();
        exitCode = await action(options, args);
      } catch (error) {
        if (error instanceof UserError) {
          reportUserError(error, options.format === 'json');
          exitCode = EXIT_USAGE;
        } else {
          throw error;
        }
      }
    };
  const program = buildProgram(run);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are not errors.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`syscalltbl: internal error: ${message}\n`);
    if (process.env.SYSCALLTBL_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('(set SYSCALLTBL_DEBUG=1 for a stack trace, and please report it)\n');
    return EXIT_INTERNAL;
  }
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`syscalltbl: internal error: ${String(error)}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
