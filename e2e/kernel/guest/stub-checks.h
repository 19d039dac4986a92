/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The checks every ABI runs: ordinary calls, and the stub calls in each phase of the module's
 * life. The i386 program makes the same calls through the 32-bit entry (the ia32 table), the
 * x32 program through the 64-bit entry with __X32_SYSCALL_BIT (the x32 table).
 */
#ifndef E2E_STUB_CHECKS_H
#define E2E_STUB_CHECKS_H

#include "report.h"

#if defined(__x86_64__) && defined(__ILP32__)
#define E2E_ABI "x32"
#elif defined(__x86_64__)
#define E2E_ABI "x86_64"
#else
#define E2E_ABI "i386"
#endif

#ifndef E2E_PROBE_NR
#error "E2E_PROBE_NR: the number the driver gave e2e_probe in its spec copy"
#endif

/* What /etc/e2e-message holds (the driver writes the same text into the initramfs). */
static const char e2e_message[] = "syscalltbl e2e: read through the table\n";

/* struct strbuf in this ABI's layout: the i386 and x32 programs pass 4-byte pointers. */
struct e2e_strbuf {
	int maxlen;
	int len;
	char *buf;
};

/* Reads up to @size bytes of @path into @buf: the count, or -errno. */
static long read_file(const char *path, char *buf, unsigned long size)
{
	long fd = sys2(NR_open, path, E2E_O_RDONLY), n;

	if (fd < 0)
		return fd;
	n = sys3(NR_read, fd, buf, size);
	sys1(NR_close, fd);
	return n;
}

static int is_message(const char *buf, long n)
{
	return n == (long)sizeof(e2e_message) - 1 && !memcmp(buf, e2e_message, (unsigned long)n);
}

/*
 * Ordinary system calls: read a file of the initramfs; write a file of one's own and read it
 * back; getpid; uname.
 */
static void ordinary_checks(const char *phase, int expect_init)
{
	const char *written = "/written-by-" E2E_ABI;
	char buf[128];
	char uts[6 * 65];
	long fd, n, pid, r;

	n = read_file("/etc/e2e-message", buf, sizeof(buf));
	check(E2E_ABI, "read-file", phase, is_message(buf, n), "bytes", n);

	fd = sys3(NR_open, written, E2E_O_WRONLY | E2E_O_CREAT | E2E_O_TRUNC, 0644);
	n = fd < 0 ? fd : sys3(NR_write, fd, e2e_message, sizeof(e2e_message) - 1);
	if (fd >= 0)
		sys1(NR_close, fd);
	if (n >= 0)
		n = read_file(written, buf, sizeof(buf));
	check(E2E_ABI, "write-file", phase, is_message(buf, n), "bytes", n);

	pid = sys0(NR_getpid);
	check(E2E_ABI, "getpid", phase, expect_init ? pid == 1 : pid > 1, "pid", pid);

	/* i386's uname (122) is newuname: struct new_utsname, six 65-byte fields, like x86-64's. */
	r = sys1(NR_uname, uts);
	check(E2E_ABI, "uname", phase, r == 0 && !memcmp(uts, "Linux", 6), "result", r);
}

/* Before the module is loaded and after it is gone: every stub says -ENOSYS. */
/* e2e_probe(value, magic): value is a signed long, so passed sign-extended (sys.h). */
static long e2e_probe(long value)
{
	return (long)sys6(E2E_PROBE_NR, (e2e_reg)value, E2E_ARG(E2E_PROBE_MAGIC), 0, 0, 0, 0);
}

static void stub_checks_unloaded(const char *phase)
{
	long r;

	r = sys5(NR_getpmsg, 0, 0, 0, 0, 0);
	check(E2E_ABI, "getpmsg", phase, r == -E2E_ENOSYS, "result", r);
	r = sys5(NR_putpmsg, 0, 0, 0, 0, 0);
	check(E2E_ABI, "putpmsg", phase, r == -E2E_ENOSYS, "result", r);
	r = e2e_probe(-300000);
	check(E2E_ABI, "e2e_probe", phase, r == -E2E_ENOSYS, "result", r);
}

/*
 * With the modules loaded, the calls reach their handlers: getpmsg on a descriptor that is not
 * a stream is -ENOSTR; a message put on /dev/streams_loop comes back whole, with its band; and
 * e2e_probe(-300000, magic) is -100000, which only a sign-extended -300000 gives
 * (zero-extended, it is 4294667296 / 3).
 */
static void stub_checks_loaded(const char *phase)
{
	char ctl_out[] = "ctl!", dat_out[] = "hello", ctl_in[16], dat_in[16];
	struct e2e_strbuf ctl = {0, 4, ctl_out}, dat = {0, 5, dat_out};
	int band = 0, flags = E2E_MSG_ANY;
	long fd, r, put, got;

	r = sys5(NR_getpmsg, 1, 0, 0, &band, &flags);
	check(E2E_ABI, "getpmsg-not-a-stream", phase, r == -E2E_ENOSTR, "result", r);

	fd = sys2(NR_open, "/dev/streams_loop", E2E_O_RDWR | E2E_O_NONBLOCK);
	check(E2E_ABI, "open-streams-loop", phase, fd >= 0, "fd", fd);
	if (fd >= 0) {
		put = sys5(NR_putpmsg, fd, &ctl, &dat, 3, E2E_MSG_BAND);
		check(E2E_ABI, "putpmsg", phase, put == 0, "result", put);
		ctl = (struct e2e_strbuf){sizeof(ctl_in), -1, ctl_in};
		dat = (struct e2e_strbuf){sizeof(dat_in), -1, dat_in};
		flags = E2E_MSG_ANY;
		got = sys5(NR_getpmsg, fd, &ctl, &dat, &band, &flags);
		check(E2E_ABI, "getpmsg", phase,
		      got == 0 && ctl.len == 4 && !memcmp(ctl_in, "ctl!", 4) && dat.len == 5 &&
			      !memcmp(dat_in, "hello", 5) && band == 3 && flags == E2E_MSG_BAND,
		      "result", got);
		r = sys5(NR_getpmsg, fd, &ctl, &dat, &band, &flags);
		check(E2E_ABI, "getpmsg-empty", phase, r == -E2E_EAGAIN, "result", r);
		sys1(NR_close, fd);
	}

	r = e2e_probe(-300000);
	check(E2E_ABI, "e2e_probe", phase, r == -100000, "result", r);
}

static inline int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

#endif
