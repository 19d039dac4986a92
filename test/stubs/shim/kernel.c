// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel primitives the stub core uses, in user space, with their kernel semantics:
 * SRCU (readers never block; synchronize_srcu() waits for every read section that began before
 * it), module reference counting and unloading (kernel/module/main.c, 6.12), the module
 * notifier chain, mutexes. Every shared access is atomic or under a pthread lock, so
 * ThreadSanitizer reports races in the code under test, not here.
 */
#include <linux/mutex.h>
#include <linux/srcu.h>
#include <linux/printk.h>
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

#define SC __ATOMIC_SEQ_CST

__thread int shim_in_compat;
__thread void (*shim_before_module_get)(struct module *mod);

/* ---- mutexes ---- */

void mutex_lock(struct mutex *lock)
{
	if (pthread_mutex_lock(&lock->m))
		abort(); /* relocking: a self-deadlock in the kernel */
	__atomic_store_n(&lock->owner, (unsigned long)pthread_self(), SC);
}

void mutex_unlock(struct mutex *lock)
{
	if (!shim_mutex_held_by_me(lock))
		abort(); /* unlocking a mutex this thread does not hold */
	__atomic_store_n(&lock->owner, 0UL, SC);
	if (pthread_mutex_unlock(&lock->m))
		abort();
}

bool shim_mutex_held_by_me(struct mutex *lock)
{
	return __atomic_load_n(&lock->owner, SC) == (unsigned long)pthread_self();
}

/* ---- SRCU ---- */

/* Read sections this thread is in, for the kernel's rules (no synchronize inside one). */
static __thread struct srcu_struct *reading[16];
static __thread int nreading;
static long srcu_syncing, srcu_waited;

bool shim_srcu_reading(struct srcu_struct *ssp)
{
	for (int i = 0; i < nreading; i++)
		if (reading[i] == ssp)
			return true;
	return false;
}

int srcu_read_lock(struct srcu_struct *ssp)
{
	unsigned int idx = __atomic_load_n(&ssp->idx, SC) & 1;

	/*
	 * Sequentially consistent (smp_mb() in the kernel's __srcu_read_lock()): if the updater
	 * counted this index empty before the increment, our later pointer load sees its store.
	 */
	__atomic_fetch_add(&ssp->cnt[idx], 1, SC);
	if (nreading == (int)(sizeof(reading) / sizeof(reading[0])))
		abort();
	reading[nreading++] = ssp;
	return (int)idx;
}

void srcu_read_unlock(struct srcu_struct *ssp, int idx)
{
	int i;

	for (i = nreading - 1; i >= 0 && reading[i] != ssp; i--)
		;
	if (i < 0 || idx < 0 || idx > 1)
		abort(); /* unlock without lock */
	reading[i] = reading[--nreading];
	/* Release: everything the section did happens before the updater sees the count drop. */
	__atomic_fetch_sub(&ssp->cnt[idx], 1, SC);
}

static void srcu_drain(struct srcu_struct *ssp, unsigned int idx)
{
	bool waited = false;

	while (__atomic_load_n(&ssp->cnt[idx], SC) != 0) {
		waited = true;
		sched_yield();
	}
	if (waited)
		__atomic_fetch_add(&srcu_waited, 1, SC);
}

void synchronize_srcu(struct srcu_struct *ssp)
{
	if (shim_srcu_reading(ssp))
		abort(); /* would wait for itself: a deadlock in the kernel */
	__atomic_fetch_add(&srcu_syncing, 1, SC);
	pthread_mutex_lock(&ssp->gp_lock);
	/*
	 * Flip the index new readers use and wait for the old one to drain, twice: a reader that
	 * read the index before a flip but counted itself after the drain check sees the
	 * updater's pointer store (all sequentially consistent), and the second flip catches the
	 * readers that went to the other counter.
	 */
	for (int flip = 0; flip < 2; flip++) {
		unsigned int old = __atomic_load_n(&ssp->idx, SC) & 1;

		__atomic_store_n(&ssp->idx, old ^ 1, SC);
		srcu_drain(ssp, old);
	}
	pthread_mutex_unlock(&ssp->gp_lock);
	__atomic_fetch_sub(&srcu_syncing, 1, SC);
}

long shim_srcu_syncing(void)
{
	return __atomic_load_n(&srcu_syncing, SC);
}

long shim_srcu_waited(void)
{
	return __atomic_load_n(&srcu_waited, SC);
}

/* ---- modules ---- */

static pthread_rwlock_t notifier_lock = PTHREAD_RWLOCK_INITIALIZER;
static struct notifier_block *notifiers;

int register_module_notifier(struct notifier_block *nb)
{
	pthread_rwlock_wrlock(&notifier_lock);
	nb->next = notifiers;
	notifiers = nb;
	pthread_rwlock_unlock(&notifier_lock);
	return 0;
}

int unregister_module_notifier(struct notifier_block *nb)
{
	struct notifier_block **p;

	pthread_rwlock_wrlock(&notifier_lock);
	for (p = &notifiers; *p && *p != nb; p = &(*p)->next)
		;
	if (*p)
		*p = nb->next;
	pthread_rwlock_unlock(&notifier_lock);
	return 0;
}

/* blocking_notifier_call_chain(): callbacks may sleep. */
static void module_notify(unsigned long action, struct module *mod)
{
	pthread_rwlock_rdlock(&notifier_lock);
	for (struct notifier_block *nb = notifiers; nb; nb = nb->next)
		nb->notifier_call(nb, action, mod);
	pthread_rwlock_unlock(&notifier_lock);
}

bool try_module_get(struct module *module)
{
	int c;

	if (!module)
		return true;
	if (shim_before_module_get)
		shim_before_module_get(module);
	/* module_is_live() && atomic_inc_not_zero(&module->refcnt) */
	if (__atomic_load_n(&module->state, SC) == MODULE_STATE_GOING)
		return false;
	c = __atomic_load_n(&module->refcnt, SC);
	do {
		if (c == 0)
			return false;
	} while (!__atomic_compare_exchange_n(&module->refcnt, &c, c + 1, false, SC, SC));
	return true;
}

void module_put(struct module *module)
{
	int c;

	if (!module)
		return;
	/* atomic_dec_if_positive(); a put without a get is a WARN_ON in the kernel. */
	c = __atomic_load_n(&module->refcnt, SC);
	do {
		if (c <= 0)
			abort();
	} while (!__atomic_compare_exchange_n(&module->refcnt, &c, c - 1, false, SC, SC));
}

int shim_module_load(struct module *mod, const char *name, const struct shim_module_ops *ops)
{
	int err;

	snprintf(mod->name, sizeof(mod->name), "%s", name);
	__atomic_store_n(&mod->refcnt, MODULE_REF_BASE + 1, SC); /* held during init */
	__atomic_store_n(&mod->state, MODULE_STATE_COMING, SC);
	module_notify(MODULE_STATE_COMING, mod);
	err = ops->init(mod);
	if (err) {
		__atomic_store_n(&mod->state, MODULE_STATE_GOING, SC);
		module_put(mod);
		module_notify(MODULE_STATE_GOING, mod);
		ops->release(mod);
		return err;
	}
	__atomic_store_n(&mod->state, MODULE_STATE_LIVE, SC);
	module_notify(MODULE_STATE_LIVE, mod);
	module_put(mod);
	return 0;
}

/* try_release_module_ref(): nonzero when somebody holds a reference. */
static int try_release_module_ref(struct module *mod)
{
	int ret = __atomic_sub_fetch(&mod->refcnt, MODULE_REF_BASE, SC);
	int c;

	if (ret < 0)
		abort();
	if (!ret)
		return 0;
	/* Someone can put right now: take the base back unless the count reached zero. */
	c = __atomic_load_n(&mod->refcnt, SC);
	do {
		if (c == 0)
			return 0;
	} while (!__atomic_compare_exchange_n(&mod->refcnt, &c, c + MODULE_REF_BASE, false, SC, SC));
	return 1;
}

int shim_module_delete(struct module *mod, const struct shim_module_ops *ops)
{
	if (try_release_module_ref(mod))
		return -EWOULDBLOCK;
	__atomic_store_n(&mod->state, MODULE_STATE_GOING, SC);
	if (ops->exit)
		ops->exit(mod);
	module_notify(MODULE_STATE_GOING, mod);
	ops->release(mod);
	return 0;
}

/* ---- printk ---- */

static long warnings;

void shim_pr_warn(const char *fmt, ...)
{
	va_list ap;

	__atomic_fetch_add(&warnings, 1, SC);
	if (!getenv("SHIM_VERBOSE"))
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

long shim_warnings(void)
{
	return __atomic_load_n(&warnings, SC);
}
