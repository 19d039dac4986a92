/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Output for the host: one line per check, which e2e/kernel/lib/guest-report.mjs parses.
 *   E2E-CHECK <id> PASS|FAIL <what was seen>
 * A check the host expects and never sees counts as failed, so a guest that dies half-way
 * cannot pass.
 */
#ifndef E2E_REPORT_H
#define E2E_REPORT_H

#include "sys.h"

void *memset(void *s, int c, unsigned long n)
{
	unsigned char *p = s;

	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	while (n--)
		*dp++ = *sp++;
	return d;
}

int memcmp(const void *a, const void *b, unsigned long n)
{
	const unsigned char *ap = a, *bp = b;

	for (; n; n--, ap++, bp++)
		if (*ap != *bp)
			return *ap - *bp;
	return 0;
}

static unsigned long e2e_strlen(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

/* The line being built; written with one write() so lines from two processes never mix. */
static char e2e_line[256];
static unsigned long e2e_len;
static int e2e_failures;

static void out(const char *s)
{
	unsigned long n = e2e_strlen(s);

	if (n > sizeof(e2e_line) - 1 - e2e_len)
		n = sizeof(e2e_line) - 1 - e2e_len;
	memcpy(e2e_line + e2e_len, s, n);
	e2e_len += n;
}

static void out_long(long v)
{
	char digits[24];
	int i = sizeof(digits) - 1;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	digits[i] = 0;
	do {
		digits[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		digits[--i] = '-';
	out(digits + i);
}

static void flush_line(void)
{
	out("\n");
	sys3(NR_write, 1, e2e_line, e2e_len);
	e2e_len = 0;
}

static void say(const char *s)
{
	out(s);
	flush_line();
}

/* Reports check <abi>.<what>.<phase>: @ok, with "<label> <got>" as what was seen. */
static void check(const char *abi, const char *what, const char *phase, int ok, const char *label,
		  long got)
{
	out("E2E-CHECK ");
	out(abi);
	out(".");
	out(what);
	out(".");
	out(phase);
	out(ok ? " PASS " : " FAIL ");
	out(label);
	out(" ");
	out_long(got);
	flush_line();
	if (!ok)
		e2e_failures++;
}

#endif
