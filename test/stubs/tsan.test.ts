// Runs the generated stub core under ThreadSanitizer: compiled in user space against the kernel
// shim (test/stubs/shim/), driven by shim/stress.c (forced interleavings, then many threads
// calling, registering, unregistering and unloading at once). Also checks that the test fails
// when the core is broken. Skips when gcc or its TSAN runtime (libtsan2) is missing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STUB_SOURCE_PATH } from '../../src/stubs/paths.js';
import { repoRoot } from '../helpers/run-cli.js';
import { writeStubTree } from './render-bundled.js';
import { tsanSupport } from './toolchain.js';

const shim = join(repoRoot, 'test', 'stubs', 'shim');
const { missing, runner } = tsanSupport();

/** The stress run: 8 caller threads, a registering thread, a rival, a module loader. */
const RUN = {
  callers: 8,
  callsPerCaller: 125_000,
  cycles: 10_000,
  rivalAttempts: 5_000,
  moduleLoads: 2_000,
};

const tree = missing ? '' : writeStubTree('tsan-stubs-');

afterAll(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
});

/** Compiles `source` (the stub core, possibly broken on purpose) with the shim; the binary's path. */
function build(name: string, source: string): string {
  const dir = join(tree, 'build', name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'syscalltbl_stubs.c');
  writeFileSync(file, source);
  const binary = join(dir, 'stress');
  const gcc = spawnSync(
    'gcc',
    [
      '-std=gnu11',
      '-D_GNU_SOURCE',
      '-O1',
      '-g',
      '-fsanitize=thread',
      '-pthread',
      '-Wall',
      '-Wextra',
      '-Wno-unused-parameter',
      '-Werror',
      '-DCONFIG_COMPAT',
      '-DCONFIG_MODULES',
      `-I${join(shim, 'include')}`,
      `-I${shim}`,
      `-I${join(tree, 'include')}`,
      file,
      join(shim, 'kernel.c'),
      join(shim, 'stress.c'),
      '-o',
      binary,
    ],
    { encoding: 'utf8' },
  );
  expect(gcc.stderr).toBe('');
  expect(gcc.status).toBe(0);
  return binary;
}

function run(binary: string, args: number[]) {
  const argv = [...runner, binary, ...args.map(String)];
  const result = spawnSync(argv[0] as string, argv.slice(1), {
    encoding: 'utf8',
    env: { ...process.env, TSAN_OPTIONS: 'halt_on_error=1:exitcode=66:second_deadlock_stack=1' },
    timeout: 240_000,
  });
  const values = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const m = /^(\w+)=(.*)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) values.set(m[1], m[2]);
  }
  const num = (key: string): number => Number(values.get(key) ?? Number.NaN);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, values, num };
}

function generated(): string {
  return readFileSync(join(tree, STUB_SOURCE_PATH), 'utf8');
}

/** `source` with `from` replaced by `to`; the replacement must happen (the mutant must differ). */
function mutate(source: string, from: string | RegExp, to: string): string {
  const out = source.replace(from, to);
  expect(out).not.toBe(source);
  return out;
}

describe.skipIf(missing !== '')(
  `stub core under ThreadSanitizer${missing ? ` (SKIPPED: ${missing})` : ''}`,
  () => {
    it('reports no race, and no call reaches a handler after its unregistration or unload', {
      timeout: 300_000,
    }, () => {
      const r = run(build('core', generated()), [
        RUN.callers,
        RUN.callsPerCaller,
        RUN.cycles,
        RUN.rivalAttempts,
        RUN.moduleLoads,
      ]);
      process.stdout.write(`stub core under TSAN:\n${r.stdout}`);
      expect(r.stderr).not.toContain('ThreadSanitizer');
      expect(r.stderr).not.toContain('FAIL');
      for (const scenario of [
        'errors_and_compat',
        'unregister_waits',
        'unload_vs_call',
        'unload_busy',
      ]) {
        expect(r.values.get(`scenario_${scenario}`)).toBe('ok');
      }
      expect(r.num('threads')).toBe(RUN.callers + 3);
      expect(r.num('calls')).toBe(RUN.callers * RUN.callsPerCaller);
      expect(r.num('calls_handled') + r.num('calls_enosys')).toBe(RUN.callers * RUN.callsPerCaller);
      expect(r.num('register_unregister_cycles')).toBe(RUN.cycles);
      expect(r.num('rival_cycles') + r.num('rival_busy')).toBe(RUN.rivalAttempts);
      expect(r.num('module_loads')).toBe(RUN.moduleLoads);
      expect(r.num('module_unloads')).toBe(RUN.moduleLoads);
      // Every fourth module "forgets" to unregister; the core's module notifier removes it.
      expect(r.num('forgotten_handlers_removed')).toBe(RUN.moduleLoads / 4);
      for (const violation of [
        'late_calls',
        'torn_down_calls',
        'inside_after_unregister',
        'bad_args',
        'bad_results',
        'failures',
      ]) {
        expect(r.num(violation), violation).toBe(0);
      }
      expect(r.status).toBe(0);
    });

    it('fails when unregister does not wait for calls (synchronize_srcu removed)', {
      timeout: 120_000,
    }, () => {
      const source = generated();
      const at = source.indexOf('static int syscalltbl_stub_unregister');
      const broken =
        source.slice(0, at) + mutate(source.slice(at), 'synchronize_srcu(stub->srcu);', '');
      const r = run(build('no-synchronize', broken), [2, 1000, 50, 50, 20]);
      expect(r.stderr).toContain('unregister returned while a call was in the handler');
      expect(r.status).not.toBe(0);
    });

    it('fails when calls do not pin the module (try_module_get removed)', {
      timeout: 120_000,
    }, () => {
      const broken = mutate(
        mutate(generated(), /if \(try_module_get\(owner\)\) \{/g, 'if (owner || 1) {'),
        /module_put\(owner\);/g,
        '',
      );
      const r = run(build('no-module-get', broken), [2, 1000, 50, 50, 20]);
      expect(r.stderr).toContain("the going module's handler ran");
      expect(r.status).not.toBe(0);
    });
  },
);
