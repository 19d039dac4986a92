/* Shim: sparse annotations vanish in user space, as they do for gcc in the kernel. */
#ifndef SHIM_LINUX_COMPILER_H
#define SHIM_LINUX_COMPILER_H
#define __user
#define __rcu
#define __force
#define __init
#define __exit
#endif
