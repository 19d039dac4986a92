// A signature must fit the registers of every ABI the syscall is on; stubs need one (their C is
// generated from it) and must fill reserved slots only, never shadow a real implementation.
import { isImplemented } from '../model.js';
import { rowOnAbi } from '../resolve.js';
import type { SpecCheck, SpecProblem } from './check.js';

export const tooManyParams: SpecCheck = {
  id: 'too-many-params',
  description: 'A signature has more parameters than an ABI it is on has argument registers.',
  run({ spec, arches }) {
    const problems: SpecProblem[] = [];
    for (const s of spec.syscalls) {
      if (!s.params) continue;
      const over = [...arches.abis.values()].filter(
        (abi) => rowOnAbi(s, abi) && s.params && s.params.length > abi.calling.argRegisters.length,
      );
      if (over.length > 0) {
        const limit = Math.min(...over.map((a) => a.calling.argRegisters.length));
        problems.push({
          code: 'too-many-params',
          severity: 'error',
          message: `${s.name} takes ${s.params.length} parameters; ${over.map((a) => a.name).join(', ')} pass at most ${limit}`,
          hint: 'pass the rest in a structure through a pointer',
          path: ['syscalls', s.name, 'params'],
        });
      }
    }
    return problems;
  },
};

export const stubDeclarations: SpecCheck = {
  id: 'stub-invalid',
  description:
    'A module stub without a signature, without a table slot, or over a real implementation.',
  run({ spec, arches }) {
    const problems: SpecProblem[] = [];
    for (const s of spec.syscalls) {
      if (!s.stub) continue;
      const path = ['syscalls', s.name, 'stub'];
      if (!s.params) {
        problems.push({
          code: 'stub-invalid',
          severity: 'error',
          message: `stub ${s.name} has no params`,
          hint: 'a stub needs its C signature: add params: [...]',
          path,
          at: 'key',
        });
      }
      const real = s.rows.filter((r) => isImplemented(r, arches.tables.get(r.table)));
      if (real.length > 0) {
        const r = real[0];
        problems.push({
          code: 'stub-invalid',
          severity: 'error',
          message: `stub ${s.name} is implemented on ${r?.table} (${r?.entry ?? r?.compat}); a stub may only fill a reserved slot`,
          hint: 'remove stub:, or set the entry points to null',
          path,
          at: 'key',
        });
      }
    }
    return problems;
  },
};

export const reservedFlag: SpecCheck = {
  id: 'reserved-mismatch',
  description: '`reserved: true` on an implemented syscall, or missing on one no ABI implements.',
  run({ raw, spec, arches }) {
    const problems: SpecProblem[] = [];
    for (const s of spec.syscalls) {
      const stated = raw.syscalls[s.name]?.reserved === true;
      if (stated && !s.reserved) {
        const r = s.rows.find((row) => isImplemented(row, arches.tables.get(row.table)));
        problems.push({
          code: 'reserved-mismatch',
          severity: 'error',
          message: `${s.name} is marked reserved but ${r?.table} implements it (${r?.entry ?? r?.compat})`,
          hint: 'remove reserved: true, or set its entry points to null',
          path: ['syscalls', s.name, 'reserved'],
          at: 'key',
        });
      } else if (!stated && s.reserved) {
        problems.push({
          code: 'reserved-mismatch',
          severity: 'warning',
          message: `no ABI implements ${s.name}, but it is not marked reserved`,
          hint: 'add reserved: true so readers (and the stub work) recognise it',
          path: ['syscalls', s.name],
          at: 'key',
        });
      }
    }
    return problems;
  },
};
