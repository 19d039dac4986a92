// The lint command runs once and exits, and its hot code (scanner, gate, analysis, rules) is
// large and hot for about a second. TurboFan's default inlining budget then costs more in
// compiling than the inlined code saves: with a smaller one a whole-tree run took ~14% less
// CPU and ~12% less wall time (README § Speed). Likewise V8 optimises a function once it has
// run ~66 KB of bytecode: TurboFan then spent ~0.55 s of the run's ~2.1 s of CPU on hundreds of
// functions, most warm for a few files only; at 8 times that budget the hot loops still get
// optimised, and the run took ~5% less CPU and ~4% less wall time. V8 flags are process-wide
// (the reader threads share them) and apply to code compiled after they are set, so only the
// command sets these, before the engine loads; the library (lintPaths) leaves its host's V8
// alone.
import { setFlagsFromString } from 'node:v8';

export const SHORT_RUN_V8_FLAGS = [
  '--max-inlined-bytecode-size-cumulative=100',
  '--interrupt-budget=540672',
] as const;

export function tuneJitForShortRun(): void {
  for (const flag of SHORT_RUN_V8_FLAGS) setFlagsFromString(flag);
}
