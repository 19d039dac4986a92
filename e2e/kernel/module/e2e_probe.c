// SPDX-License-Identifier: GPL-2.0
/*
 * The handler for e2e_probe, the syscall the kernel e2e test adds to its copy of the spec
 * (e2e/kernel/lib/spec-copy.mjs). It exists only in a kernel generated from that copy, so
 * this module builds only against one: syscalltbl_register_e2e_probe() is generated API.
 *
 * e2e_probe(value, magic) returns value / 3 when magic is 0xe2e, else -EINVAL. Division is
 * not linear under truncation to 32 bits, so an i386 caller gets the right answer for a
 * negative value only if the compat entry point sign-extended it.
 */
#include <linux/errno.h>
#include <linux/module.h>
#include <linux/syscalltbl_stubs.h>

#define E2E_PROBE_MAGIC 0xe2eUL

static long e2e_probe_call(long value, unsigned long magic)
{
	if (magic != E2E_PROBE_MAGIC)
		return -EINVAL;
	return value / 3;
}

static const struct syscalltbl_e2e_probe_ops e2e_probe_ops = {
	.owner = THIS_MODULE,
	.call = e2e_probe_call,
};

static int __init e2e_probe_init(void)
{
	return syscalltbl_register_e2e_probe(&e2e_probe_ops);
}

static void __exit e2e_probe_exit(void)
{
	syscalltbl_unregister_e2e_probe(&e2e_probe_ops);
}

module_init(e2e_probe_init);
module_exit(e2e_probe_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("syscalltbl kernel e2e test: the handler of the spec copy's e2e_probe stub");
