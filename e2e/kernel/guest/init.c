// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the e2e guest (x86-64, static, no libc). Runs the checks in order, each printed as
 * an E2E-CHECK line, then powers the machine off through QEMU's isa-debug-exit device:
 *
 *   ordinary calls; every stub -ENOSYS ("before"); the i386 and x32 programs, same checks;
 *   load streams_stub.ko and e2e_probe.ko; the handlers answer ("loaded"), both ABIs;
 *   unload both; every stub -ENOSYS again ("after"), both ABIs.
 */
#include "stub-checks.h"

E2E_START;

#define E2E_DEBUG_EXIT_PORT 0xf4	/* -device isa-debug-exit,iobase=0xf4,iosize=0x04 */
#define E2E_MODULE_MAX (8UL << 20)

static char *const e2e_env[] = {0};

/* Runs "/<abi> <phase>" and reports whether it ran and passed all its checks. */
static void run_program(const char *abi, const char *path, const char *phase)
{
	char *const argv[] = {(char *)path, (char *)phase, 0};
	int status = -1;
	long pid, r;

	pid = sys0(NR_fork);
	if (pid == 0) {
		r = sys3(NR_execve, argv[0], argv, e2e_env);
		sys1(NR_exit_group, 100 - r); /* 100 + errno: execve failed (no such ABI?) */
	}
	r = pid < 0 ? pid : sys4(NR_wait4, pid, &status, 0, 0);
	/* status: exited (low 7 bits 0) with the number of failed checks as its code. */
	check(abi, "program", phase, r == pid && status == 0, "wait-status", r < 0 ? r : status);
}

/* init_module() on a file of the initramfs; the module's init registers its stub handlers. */
static void load_module(const char *path, const char *name)
{
	char *image;
	long fd, n = 0, r;

	image = (char *)sys6(NR_mmap, 0, E2E_MODULE_MAX, 3 /* RW */, 0x22 /* PRIVATE|ANON */, -1, 0);
	fd = sys2(NR_open, path, E2E_O_RDONLY);
	if (fd >= 0) {
		while ((r = sys3(NR_read, fd, image + n, E2E_MODULE_MAX - n)) > 0)
			n += r;
		sys1(NR_close, fd);
	}
	r = fd < 0 ? fd : sys3(NR_init_module, image, n, "");
	check("x86_64", "insmod", name, r == 0, "result", r);
}

static void unload_module(const char *name)
{
	long r = sys2(NR_delete_module, name, E2E_O_NONBLOCK);

	check("x86_64", "rmmod", name, r == 0, "result", r);
}

static void power_off(int failures)
{
	unsigned char code = failures ? 1 : 0;

	/* QEMU exits with status (code << 1) | 1: 1 all passed, 3 a check failed. */
	if (sys3(NR_ioperm, E2E_DEBUG_EXIT_PORT, 1, 1) == 0)
		__asm__ volatile("outb %0, %1" : : "a"(code), "Nd"((unsigned short)E2E_DEBUG_EXIT_PORT));
	/* No device: restart, which -no-reboot turns into QEMU exiting. */
	sys4(NR_reboot, 0xfee1dead, 672274793, 0x01234567, 0);
	for (;;)
		;
}

void e2e_start(long *sp)
{
	long r;

	(void)sp;
	say("E2E-BEGIN");
	r = sys5(NR_mount, "devtmpfs", "/dev", "devtmpfs", 0, 0);
	check("x86_64", "mount-devtmpfs", "boot", r == 0, "result", r);

	ordinary_checks("boot", 1);
	stub_checks_unloaded("before");
	run_program("i386", "/i386", "before");
	run_program("x32", "/x32", "before");

	load_module("/lib/modules/streams_stub.ko", "streams_stub");
	load_module("/lib/modules/e2e_probe.ko", "e2e_probe");
	stub_checks_loaded("loaded");
	run_program("i386", "/i386", "loaded");
	run_program("x32", "/x32", "loaded");

	unload_module("streams_stub");
	unload_module("e2e_probe");
	stub_checks_unloaded("after");
	run_program("i386", "/i386", "after");
	run_program("x32", "/x32", "after");

	out("E2E-END failures ");
	out_long(e2e_failures);
	flush_line();
	power_off(e2e_failures);
}
