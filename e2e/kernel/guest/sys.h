/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Raw system calls for the guest programs, x86-64 (`syscall`) and i386 (`int $0x80`).
 *
 * No libc: the programs are static, freestanding and tiny, and a libc would hide which entry a
 * call takes. The numbers are the published x86 ABI (abi.h), never the headers generated from
 * the spec under test, so a table the generator got wrong shows up as a failed call.
 */
#ifndef E2E_SYS_H
#define E2E_SYS_H

#include "abi.h"

#if defined(__x86_64__)
static inline long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}
#elif defined(__i386__)
/* Five arguments at most (ebx, ecx, edx, esi, edi): ebp would be the frame pointer. */
static inline long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	long ret;

	(void)f;
	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return ret;
}
#else
#error "the e2e guest programs are for x86-64 and i386"
#endif

#define sys0(n) sys6((n), 0, 0, 0, 0, 0, 0)
#define sys1(n, a) sys6((n), (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b) sys6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sys6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sys6((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define sys5(n, a, b, c, d, e) sys6((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* The compiler may emit calls to these even when freestanding. */
void *memset(void *s, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);
int memcmp(const void *a, const void *b, unsigned long n);

/* The process entry: calls main(argc, argv) and exits with its result. */
#if defined(__x86_64__)
#define E2E_START                                                                  \
	__asm__(".globl _start\n_start:\n"                                         \
		"	xor %ebp, %ebp\n"                                            \
		"	mov %rsp, %rdi\n"                                            \
		"	and $-16, %rsp\n"                                            \
		"	call e2e_start\n"                                            \
		"	hlt\n")
#else
#define E2E_START                                                                  \
	__asm__(".globl _start\n_start:\n"                                         \
		"	xor %ebp, %ebp\n"                                            \
		"	mov %esp, %eax\n"                                            \
		"	and $-16, %esp\n"                                            \
		"	sub $12, %esp\n"                                             \
		"	push %eax\n"                                                 \
		"	call e2e_start\n"                                            \
		"	hlt\n")
#endif

#endif
