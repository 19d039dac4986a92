/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 system call numbers and constants the guest uses, as user space has always known
 * them (syscall_64.tbl and syscall_32.tbl of any released kernel; they never change). The number
 * of the syscall the test adds to its spec copy comes from the e2e driver (-DE2E_PROBE_NR=...).
 */
#ifndef E2E_ABI_H
#define E2E_ABI_H

#if defined(__x86_64__)
#define NR_read		  0
#define NR_write	  1
#define NR_open		  2
#define NR_close	  3
#define NR_mmap		  9
#define NR_getpid	 39
#define NR_fork		 57
#define NR_execve	 59
#define NR_wait4	 61
#define NR_uname	 63
#define NR_mkdir	 83
#define NR_mount	165
#define NR_reboot	169
#define NR_ioperm	173
#define NR_init_module	175
#define NR_delete_module 176
#define NR_getpmsg	181
#define NR_putpmsg	182
#define NR_exit_group	231
#else /* i386 */
#define NR_read		  3
#define NR_write	  4
#define NR_open		  5
#define NR_close	  6
#define NR_getpid	 20
#define NR_uname	122
#define NR_getpmsg	188
#define NR_putpmsg	189
#define NR_exit_group	252
#endif

#define E2E_ENOENT	 2
#define E2E_EAGAIN	11
#define E2E_EFAULT	14
#define E2E_ENOSYS	38
#define E2E_ENOSTR	60

#define E2E_O_RDONLY	00
#define E2E_O_WRONLY	01
#define E2E_O_RDWR	02
#define E2E_O_CREAT	0100
#define E2E_O_TRUNC	01000
#define E2E_O_NONBLOCK	04000

/* <stropts.h>, as examples/streams/streams_stub.c reads them. */
#define E2E_MSG_ANY	0x02
#define E2E_MSG_BAND	0x04

/* What the e2e_probe module's handler checks and returns: value / 3 when magic is this. */
#define E2E_PROBE_MAGIC	0xe2eUL

#endif
