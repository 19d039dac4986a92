// SPDX-License-Identifier: GPL-2.0
/*
 * /compat32 of the e2e guest (i386, static, no libc), run by /init under IA-32 emulation:
 * the same checks through the 32-bit entry (int $0x80), so the kernel's ia32 table and the
 * stubs' compat entry points are what answer. argv[1] is the phase: before, loaded, after.
 * Exits with the number of failed checks.
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
		say("compat32: usage: /compat32 before|loaded|after");
		e2e_failures++;
	}
	sys1(NR_exit_group, e2e_failures);
}
