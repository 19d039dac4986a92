/*
 * Shim: sleepable RCU with its real guarantee, implemented with two reader counters and an
 * index flip (the classic SRCU algorithm): synchronize_srcu() returns only after every read
 * section that began before it has ended, and readers never block. Read sections may sleep
 * and nest. Misuse the kernel forbids aborts: srcu_dereference() outside a read section,
 * synchronize_srcu() inside one of the same domain (a deadlock in the kernel).
 */
#ifndef SHIM_LINUX_SRCU_H
#define SHIM_LINUX_SRCU_H
#include <assert.h>
#include <pthread.h>
#include <stdbool.h>

struct srcu_struct {
	long cnt[2];		/* readers per index; atomic */
	unsigned int idx;	/* index new readers use; atomic */
	pthread_mutex_t gp_lock;	/* one grace period at a time */
};

#define DEFINE_STATIC_SRCU(name) \
	static struct srcu_struct name = { .gp_lock = PTHREAD_MUTEX_INITIALIZER }

int srcu_read_lock(struct srcu_struct *ssp);
void srcu_read_unlock(struct srcu_struct *ssp, int idx);
void synchronize_srcu(struct srcu_struct *ssp);
bool shim_srcu_reading(struct srcu_struct *ssp);

/* A read of the protected pointer: sequentially consistent, paired with the updater's store. */
#define srcu_dereference(p, ssp)                               \
	({                                                     \
		assert(shim_srcu_reading(ssp));                \
		__atomic_load_n(&(p), __ATOMIC_SEQ_CST);       \
	})
#endif
