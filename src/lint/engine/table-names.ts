// The built-in system call table symbols, until the arch descriptors' `tableSymbols` are loaded
// alongside. Data, not code: rules never name a table themselves.

export const DEFAULT_TABLE_NAMES: readonly string[] = [
  'sys_call_table',
  'ia32_sys_call_table',
  'x32_sys_call_table',
  'compat_sys_call_table',
  'sys_call_table32',
  'sys_oabi_call_table',
  'compat_sys_call_table32',
  'sys_call_table64',
  'sys_call_table_emu',
  'sys_call_table_spu',
  'syscall_table32',
];
