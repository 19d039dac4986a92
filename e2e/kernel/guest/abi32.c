// SPDX-License-Identifier: GPL-2.0
/*
 * /i386 and /x32 of the e2e guest (static, no libc; this file built with -m32 and with -mx32),
 * run by /init: the same checks through the 32-bit entry (int $0x80: the ia32 table and the
 * stubs' compat entry points) and through x32's (syscall with __X32_SYSCALL_BIT: the x32
 * table). argv[1] is the phase: before, loaded, after. Exits with the number of failed checks.
 */
#include "stub-checks.h"

E2E_START;

void e2e_start(long *sp)
{
	long argc = sp[0];
	char **argv = (char **)(sp + 1);
	const char *phase = argc > 1 ? argv[1] : "";

	if (str_eq(phase, "before")) {
		ordinary_checks(phase, 0);
		stub_checks_unloaded(phase);
	} else if (str_eq(phase, "loaded")) {
		stub_checks_loaded(phase);
	} else if (str_eq(phase, "after")) {
		stub_checks_unloaded(phase);
	} else {
		say("usage: /" E2E_ABI " before|loaded|after");
		e2e_failures++;
	}
	sys1(NR_exit_group, e2e_failures);
}
