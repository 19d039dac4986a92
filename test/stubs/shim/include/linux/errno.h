/*
 * Shim: the kernel's errno values. glibc's <errno.h> reaches the uapi <linux/errno.h> through
 * this directory too, so pass through to it: same values as the kernel's.
 */
#ifndef SHIM_LINUX_ERRNO_H
#define SHIM_LINUX_ERRNO_H
#include_next <linux/errno.h>
#include <errno.h>
#endif
