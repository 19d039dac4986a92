/*
 * Shim: the module reference counting of kernel/module/main.c (6.12): refcnt starts at
 * MODULE_REF_BASE, try_module_get() fails once the module is going or its count reached zero,
 * module_put() is atomic_dec_if_positive(), and unloading (shim.h) succeeds only when it can
 * take the base reference away, as try_release_module_ref() does.
 */
#ifndef SHIM_LINUX_MODULE_H
#define SHIM_LINUX_MODULE_H
#include <linux/notifier.h>
#include <stdbool.h>

enum module_state {
	MODULE_STATE_LIVE,
	MODULE_STATE_COMING,
	MODULE_STATE_GOING,
	MODULE_STATE_UNFORMED,
};

struct module {
	int state;	/* enum module_state; atomic */
	int refcnt;	/* atomic */
	char name[56];
};

#define MODULE_REF_BASE 1

bool try_module_get(struct module *module);
void module_put(struct module *module);
int register_module_notifier(struct notifier_block *nb);
int unregister_module_notifier(struct notifier_block *nb);

static inline const char *module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}
#endif
