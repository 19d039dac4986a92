/* Shim: asmlinkage is a calling-convention marker; plain C calls in user space. */
#ifndef SHIM_LINUX_LINKAGE_H
#define SHIM_LINUX_LINKAGE_H
#define asmlinkage
#endif
