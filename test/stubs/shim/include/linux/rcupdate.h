/*
 * Shim: RCU pointer accessors as atomics. Publication and retraction are sequentially
 * consistent, the full barriers that rcu_assign_pointer()'s release plus synchronize_srcu()'s
 * smp_mb() give in the kernel; ThreadSanitizer sees every pointer access as atomic.
 */
#ifndef SHIM_LINUX_RCUPDATE_H
#define SHIM_LINUX_RCUPDATE_H
#include <assert.h>

#define rcu_assign_pointer(p, v) __atomic_store_n(&(p), (v), __ATOMIC_SEQ_CST)
#define RCU_INIT_POINTER(p, v) __atomic_store_n(&(p), (v), __ATOMIC_SEQ_CST)
#define rcu_access_pointer(p) __atomic_load_n(&(p), __ATOMIC_RELAXED)
/* The update side: @c must hold (lockdep checks it in the kernel; here it is asserted). */
#define rcu_dereference_protected(p, c) \
	({                                  \
		assert(c);                  \
		__atomic_load_n(&(p), __ATOMIC_RELAXED); \
	})
#endif
