/*
 * Shim: kernel mutexes over error-checking pthread mutexes, so relocking or unlocking a mutex
 * not held aborts (lockdep's job in the kernel); lockdep_is_held() really checks the owner.
 */
#ifndef SHIM_LINUX_MUTEX_H
#define SHIM_LINUX_MUTEX_H
#include <pthread.h>
#include <stdbool.h>

struct mutex {
	pthread_mutex_t m;
	unsigned long owner; /* pthread_self() of the holder, 0 when free; atomic */
};

#define DEFINE_MUTEX(name) struct mutex name = { .m = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP }

void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool shim_mutex_held_by_me(struct mutex *lock);
#define lockdep_is_held(lock) shim_mutex_held_by_me(lock)
#endif
