/* Shim: initcalls run before main(), as built-in initcalls run before user space. */
#ifndef SHIM_LINUX_INIT_H
#define SHIM_LINUX_INIT_H
#include <linux/compiler.h>
#include <stdlib.h>

#define core_initcall(fn)                                                  \
	static void __attribute__((constructor)) shim_initcall_##fn(void) \
	{                                                                  \
		if (fn())                                                  \
			abort();                                           \
	}
#endif
