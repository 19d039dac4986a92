/*
 * Shim: compat types and COMPAT_SYSCALL_DEFINEn. The compat entry point marks the calling
 * thread as in a compat system call for its duration, as a 32-bit task's entry does, so
 * in_compat_syscall() answers as it would for the handler.
 */
#ifndef SHIM_LINUX_COMPAT_H
#define SHIM_LINUX_COMPAT_H
#include <linux/syscalls.h>
#include <linux/types.h>

typedef u32 compat_uptr_t;
typedef s32 compat_long_t;
typedef u32 compat_ulong_t;
typedef u32 compat_size_t;
typedef s32 compat_ssize_t;
typedef s32 compat_off_t;

static inline void *compat_ptr(compat_uptr_t uptr)
{
	return (void *)(uintptr_t)uptr;
}

extern __thread int shim_in_compat;

static inline bool in_compat_syscall(void)
{
	return shim_in_compat > 0;
}

#define COMPAT_SYSCALL_DEFINE0(name) asmlinkage long compat_sys_##name(void)
#define COMPAT_SYSCALL_DEFINE1(name, ...) COMPAT_SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE2(name, ...) COMPAT_SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE3(name, ...) COMPAT_SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE4(name, ...) COMPAT_SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE5(name, ...) COMPAT_SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE6(name, ...) COMPAT_SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINEx(x, name, ...)                                            \
	static long __do_compat_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__));             \
	asmlinkage long compat_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))               \
	{                                                                                \
		long ret;                                                                \
		shim_in_compat++;                                                        \
		ret = __do_compat_sys##name(__MAP(x, __SC_ARGS, __VA_ARGS__));           \
		shim_in_compat--;                                                        \
		return ret;                                                              \
	}                                                                                \
	static long __do_compat_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))
#endif
