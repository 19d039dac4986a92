// Exit codes shared by every command (DESIGN.md: 0 success; 1 findings or stale outputs;
// 2 bad input or usage).
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** A bug in syscalltbl itself, never bad input. */
export const EXIT_INTERNAL = 70;
