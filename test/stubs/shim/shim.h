/*
 * Test-only side of the kernel shim: loading and unloading simulated modules the way
 * kernel/module/main.c does, a hook into try_module_get() for deterministic interleavings,
 * and counters the test reads. Nothing here is used by the generated stub core.
 */
#ifndef SHIM_SHIM_H
#define SHIM_SHIM_H
#include <linux/module.h>

struct shim_module_ops {
	/* module_init: 0 or -errno. */
	int (*init)(struct module *mod);
	/* module_exit. */
	void (*exit)(struct module *mod);
	/* Frees the module's memory (struct module included), after the GOING notifiers. */
	void (*release)(struct module *mod);
};

/*
 * As load_module()/do_init_module(): COMING with an extra reference during init, then LIVE.
 * On a failed init: GOING, the reference dropped, GOING notifiers, release.
 */
int shim_module_load(struct module *mod, const char *name, const struct shim_module_ops *ops);

/*
 * As delete_module() without O_TRUNC: -EWOULDBLOCK while a reference is held; else GOING,
 * exit, GOING notifiers, release. Returns 0 once the module's memory is gone.
 */
int shim_module_delete(struct module *mod, const struct shim_module_ops *ops);

/* Called by try_module_get() on this thread before it looks at the module, when set. */
extern __thread void (*shim_before_module_get)(struct module *mod);

/* Threads inside synchronize_srcu() right now, over every domain. */
long shim_srcu_syncing(void);
/* Grace periods that found a reader and waited for it. */
long shim_srcu_waited(void);
/* pr_warn() calls so far. */
long shim_warnings(void);
#endif
