/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Raw system calls for the guest programs: x86-64 and x32 (`syscall`), i386 (`int $0x80`).
 *
 * No libc: the programs are static, freestanding and tiny, and a libc would hide which entry a
 * call takes. The numbers are the published x86 ABI (abi.h), never the headers generated from
 * the spec under test, so a table the generator got wrong shows up as a failed call.
 */
#ifndef E2E_SYS_H
#define E2E_SYS_H

#include "abi.h"

/*
 * e2e_reg: a syscall argument or result as the ABI passes it, a full register. On x32 that is
 * 64 bits while long and pointers are 32: the sysN() macros zero-extend every argument (right
 * for pointers, descriptors and flags), and a signed long is passed sign-extended, as x32's C
 * library does, by calling sys6() with (e2e_reg)value.
 */
#if defined(__x86_64__) && defined(__ILP32__)
typedef long long e2e_reg;
#define E2E_ARG(x) ((e2e_reg)(unsigned long)(x))
#define E2E_NR(n) ((e2e_reg)(n) | 0x40000000) /* __X32_SYSCALL_BIT */
#else
typedef long e2e_reg;
#define E2E_ARG(x) ((e2e_reg)(x))
#define E2E_NR(n) ((e2e_reg)(n))
#endif

#if defined(__x86_64__)
static inline e2e_reg sys6(e2e_reg nr, e2e_reg a, e2e_reg b, e2e_reg c, e2e_reg d, e2e_reg e,
			   e2e_reg f)
{
	register e2e_reg r10 __asm__("r10") = d;
	register e2e_reg r8 __asm__("r8") = e;
	register e2e_reg r9 __asm__("r9") = f;
	e2e_reg ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(E2E_NR(nr)), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}
#elif defined(__i386__)
/* Five arguments at most (ebx, ecx, edx, esi, edi): ebp would be the frame pointer. */
static inline e2e_reg sys6(e2e_reg nr, e2e_reg a, e2e_reg b, e2e_reg c, e2e_reg d, e2e_reg e,
			   e2e_reg f)
{
	e2e_reg ret;

	(void)f;
	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return ret;
}
#else
#error "the e2e guest programs are for x86-64, x32 and i386"
#endif

#define sys0(n) sys6((n), 0, 0, 0, 0, 0, 0)
#define sys1(n, a) sys6((n), E2E_ARG(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b) sys6((n), E2E_ARG(a), E2E_ARG(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sys6((n), E2E_ARG(a), E2E_ARG(b), E2E_ARG(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sys6((n), E2E_ARG(a), E2E_ARG(b), E2E_ARG(c), E2E_ARG(d), 0, 0)
#define sys5(n, a, b, c, d, e)                                                             \
	sys6((n), E2E_ARG(a), E2E_ARG(b), E2E_ARG(c), E2E_ARG(d), E2E_ARG(e), 0)

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
