// What the guest must report, and what it did. The guest prints one line per check
// (guest/report.h); every check listed here must appear and pass, so a guest that stops
// half-way, or skips a check, fails the run.

const STUB_CALLS = ['getpmsg', 'putpmsg', 'e2e_probe'];
const LOADED_CHECKS = [
  'getpmsg-not-a-stream',
  'open-streams-loop',
  'putpmsg',
  'getpmsg',
  'getpmsg-empty',
  'e2e_probe',
];
const ORDINARY = ['read-file', 'write-file', 'getpid', 'uname'];

/** The 32-bit ABIs, each checked by its own program (guest/abi32.c), and the entry it takes. */
const ABI32 = { i386: '32-bit entry, ia32 table', x32: 'x32 entry, x32 table' };
const ENTRY = { x86_64: '64-bit entry', ...ABI32 };

/** The checks, in the order the guest runs them, each with the requirement it proves. */
export function expectedChecks() {
  const checks = [];
  const add = (id, proves) => checks.push({ id, proves });
  add('x86_64.mount-devtmpfs.boot', 'ordinary syscalls');
  for (const what of ORDINARY) add(`x86_64.${what}.boot`, 'ordinary syscalls (64-bit entry)');
  for (const phase of ['before', 'loaded', 'after']) {
    if (phase === 'loaded') {
      add('x86_64.insmod.streams_stub', 'stubs: module loaded');
      add('x86_64.insmod.e2e_probe', 'stubs: module loaded');
    }
    for (const abi of ['x86_64', ...Object.keys(ABI32)]) {
      if (abi !== 'x86_64' && phase === 'before') {
        for (const what of ORDINARY)
          add(`${abi}.${what}.before`, `ordinary syscalls (${ENTRY[abi]})`);
      }
      for (const what of phase === 'loaded' ? LOADED_CHECKS : STUB_CALLS) {
        const proves =
          what === 'e2e_probe' ? 'syscall added in the spec copy' : 'stubs: getpmsg/putpmsg';
        add(`${abi}.${what}.${phase}`, `${proves} (${ENTRY[abi]})`);
      }
      if (abi !== 'x86_64') add(`${abi}.program.${phase}`, `the ${abi} program ran and passed`);
    }
    if (phase === 'loaded') {
      add('x86_64.rmmod.streams_stub', 'stubs: module unloaded');
      add('x86_64.rmmod.e2e_probe', 'stubs: module unloaded');
    }
  }
  return checks;
}

/** The E2E-CHECK lines of @output: id -> {passed, seen}, and whether E2E-END was printed. */
export function parseGuestOutput(output) {
  const seen = new Map();
  let ended = false;
  for (const line of output.split(/\r?\n/)) {
    const check = /^E2E-CHECK (\S+) (PASS|FAIL) ?(.*)$/.exec(line);
    if (check) seen.set(check[1], { passed: check[2] === 'PASS', seen: check[3] });
    if (line.startsWith('E2E-END')) ended = true;
  }
  return { seen, ended };
}

/**
 * Each expected check with its status (pass, FAIL, MISSING), plus any the guest printed that
 * are not expected (a guest and host out of step).
 */
export function evaluateChecks(output) {
  const { seen, ended } = parseGuestOutput(output);
  const checks = expectedChecks().map(({ id, proves }) => {
    const got = seen.get(id);
    return {
      id,
      proves,
      status: got ? (got.passed ? 'pass' : 'FAIL') : 'MISSING',
      seen: got?.seen ?? '',
    };
  });
  const expected = new Set(checks.map((c) => c.id));
  const unexpected = [...seen.keys()].filter((id) => !expected.has(id));
  return { checks, unexpected, ended };
}
