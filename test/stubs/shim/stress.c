// SPDX-License-Identifier: GPL-2.0
/*
 * Concurrency test of the generated stub core (kernel/syscalltbl/syscalltbl_stubs.c), built in
 * user space against the shim and run under ThreadSanitizer by test/stubs/tsan.test.ts.
 *
 * First deterministic interleavings, each forced with barriers (never with sleeps):
 *   unload-vs-call     a call has loaded the handler pointer when its module starts unloading:
 *                      try_module_get() fails, the call returns -ENOSYS, and the unload's
 *                      unregister waits for the call to leave before the module is freed;
 *   unregister-waits   unregister does not return while a call is inside the handler;
 *   unload-busy        delete_module fails with -EWOULDBLOCK while a call is in the handler;
 *   errors, compat     -EINVAL, -EBUSY, -ENOENT, -ENOSYS; compat arguments widened.
 * Then a stress run: caller threads call getpmsg/putpmsg/afs_syscall (native and compat)
 * while one thread registers and unregisters getpmsg handlers of a resident module, a rival
 * module competes for the same stub (-EBUSY), and one thread loads and unloads modules that
 * provide putpmsg: their exit tears their data down before unregistering, every fourth
 * "forgets" to unregister (the stub core's module notifier must remove the handler), and the
 * module's memory is poisoned and freed at the end of the unload.
 *
 * Handlers read the data their registration or module owns with plain loads, and the
 * unregistering side writes it with plain stores once unregister (or unload) returned: a
 * handler running after that is a data race ThreadSanitizer reports, and the stale value it
 * reads is counted. Prints key=value lines; exits 0 when every check held.
 *
 * usage: stress CALLERS CALLS_PER_CALLER CYCLES RIVAL_ATTEMPTS MODULE_LOADS
 */
#include <linux/compat.h>
#include <linux/errno.h>
#include <linux/syscalltbl_stubs.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

#define SC __ATOMIC_SEQ_CST
#define LOAD(x) __atomic_load_n(&(x), SC)
#define STORE(x, v) __atomic_store_n(&(x), (v), SC)
#define INC(x) __atomic_fetch_add(&(x), 1, SC)
#define DEC(x) __atomic_fetch_sub(&(x), 1, SC)

#define P(v) ((void *)(uintptr_t)(v))

static long failures;

#define CHECK(cond, ...)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);   \
			fprintf(stderr, __VA_ARGS__);                          \
			fputc('\n', stderr);                                   \
			INC(failures);                                         \
		}                                                              \
	} while (0)

/* Counters: atomic. */
static long late_calls, torn_down_calls, inside_after_unregister, bad_args, bad_results;
static long calls, enosys, getpmsg_handled, putpmsg_handled, afs_handled;
static long inflight_at_unregister, unload_busy, callers_done;

/* The caller's expectation of in_compat_syscall() inside the handler. */
static __thread int expect_compat;

static void pause_cpu(void)
{
	sched_yield();
}

static void wait_until(long *flag)
{
	while (!LOAD(*flag))
		pause_cpu();
}

/* ---- argument checks: what every caller passes ---- */

static void check_getpmsg_args(int fd, void *ctl, void *dat, int *bandp, int *flagsp)
{
	if (fd != 7 || ctl != P(0x1000) || dat != P(0x2000) || bandp != P(0x3000) ||
	    flagsp != P(0xfffff000) || in_compat_syscall() != expect_compat)
		INC(bad_args);
}

static void check_putpmsg_args(int fd, const void *ctl, const void *dat, int band, int flags)
{
	if (fd != 9 || ctl != P(0x5000) || dat != P(0x6000) || band != 3 || flags != 4 ||
	    in_compat_syscall() != expect_compat)
		INC(bad_args);
}

static long call_getpmsg(int compat)
{
	long ret;

	expect_compat = compat;
	ret = compat ? compat_sys_getpmsg(7, 0x1000, 0x2000, 0x3000, 0xfffff000) :
		       sys_getpmsg(7, P(0x1000), P(0x2000), P(0x3000), P(0xfffff000));
	expect_compat = 0;
	return ret;
}

static long call_putpmsg(int compat)
{
	long ret;

	expect_compat = compat;
	ret = compat ? compat_sys_putpmsg(9, 0x5000, 0x6000, 3, 4) :
		       sys_putpmsg(9, P(0x5000), P(0x6000), 3, 4);
	expect_compat = 0;
	return ret;
}

/* ---- the resident module: always loaded, registers and unregisters at run time ---- */

static void no_exit(struct module *mod)
{
	(void)mod;
}

static void no_release(struct module *mod)
{
	(void)mod;
}

static int no_init(struct module *mod)
{
	(void)mod;
	return 0;
}

static const struct shim_module_ops permanent_ops = { no_init, no_exit, no_release };

static struct module resident, rival_mod;

/* One registration of a getpmsg handler; each has its own handler function ("code"). */
struct reg {
	struct syscalltbl_getpmsg_ops ops;
	long live;	/* plain: 1 from before register until unregister returned */
	long inside;	/* atomic: calls in the handler now */
	long result;
};

#define NREGS 8
static struct reg regs[NREGS];
static struct reg rival;

static long reg_handler(struct reg *r, int fd, void *ctl, void *dat, int *bandp, int *flagsp)
{
	long n;

	INC(r->inside);
	if (!r->live)
		INC(late_calls);
	check_getpmsg_args(fd, ctl, dat, bandp, flagsp);
	n = INC(getpmsg_handled);
	if ((n & 7) == 0)
		pause_cpu(); /* stay in the handler a while, so unregister has calls to wait for */
	if (!r->live)
		INC(late_calls);
	DEC(r->inside);
	return r->result;
}

#define REG_HANDLER(i)                                                                 \
	static long reg_getpmsg_##i(int fd, void *ctl, void *dat, int *bandp, int *flagsp) \
	{                                                                              \
		return reg_handler(&regs[i], fd, ctl, dat, bandp, flagsp);             \
	}
REG_HANDLER(0)
REG_HANDLER(1)
REG_HANDLER(2)
REG_HANDLER(3)
REG_HANDLER(4)
REG_HANDLER(5)
REG_HANDLER(6)
REG_HANDLER(7)

static long rival_getpmsg(int fd, void *ctl, void *dat, int *bandp, int *flagsp)
{
	return reg_handler(&rival, fd, ctl, dat, bandp, flagsp);
}

static long (*const reg_calls[NREGS])(int, void *, void *, int *, int *) = {
	reg_getpmsg_0, reg_getpmsg_1, reg_getpmsg_2, reg_getpmsg_3,
	reg_getpmsg_4, reg_getpmsg_5, reg_getpmsg_6, reg_getpmsg_7,
};

/* ---- loadable modules providing putpmsg ---- */

#define MAGIC_ALIVE 0xa11e
#define MAGIC_TORN_DOWN 0xdead
#define NSLOTS 4

/* A loaded module's memory: struct module, its ops and its data. */
struct image {
	struct module mod;
	struct syscalltbl_putpmsg_ops ops;
	long magic;	/* plain: ALIVE from init until exit tears it down */
	int forget;	/* this module's exit does not unregister (a bug the core must survive) */
	int slot;
};

/* Module code slot j reads its module's data through images[j] (its "static data"). */
static struct image *images[NSLOTS];

static long module_handler(int slot, int fd, const void *ctl, const void *dat, int band, int flags)
{
	struct image *im = images[slot];

	if (im->magic != MAGIC_ALIVE)
		INC(torn_down_calls);
	check_putpmsg_args(fd, ctl, dat, band, flags);
	if ((INC(putpmsg_handled) & 7) == 0)
		pause_cpu();
	if (im->magic != MAGIC_ALIVE)
		INC(torn_down_calls);
	return 3000;
}

#define MODULE_HANDLER(j)                                                                  \
	static long mod_putpmsg_##j(int fd, const void *ctl, const void *dat, int band, int flags) \
	{                                                                                  \
		return module_handler(j, fd, ctl, dat, band, flags);                       \
	}
MODULE_HANDLER(0)
MODULE_HANDLER(1)
MODULE_HANDLER(2)
MODULE_HANDLER(3)

static long (*const mod_calls[NSLOTS])(int, const void *, const void *, int, int) = {
	mod_putpmsg_0, mod_putpmsg_1, mod_putpmsg_2, mod_putpmsg_3,
};

static struct image *image_of(struct module *mod)
{
	return (struct image *)((char *)mod - offsetof(struct image, mod));
}

static int image_init(struct module *mod)
{
	struct image *im = image_of(mod);

	im->magic = MAGIC_ALIVE;
	return syscalltbl_register_putpmsg(&im->ops);
}

static void image_exit(struct module *mod)
{
	struct image *im = image_of(mod);

	/* Teardown first, as many exits do: calls must already be shut out (module going). */
	im->magic = MAGIC_TORN_DOWN;
	if (!im->forget)
		CHECK(syscalltbl_unregister_putpmsg(&im->ops) == 0, "module unregister");
}

static void image_release(struct module *mod)
{
	struct image *im = image_of(mod);

	/* The module's memory goes: poison it, then free it. */
	memset(im, 0x6b, sizeof(*im));
	free(im);
}

static const struct shim_module_ops image_ops = { image_init, image_exit, image_release };

static struct image *new_image(int k, int forget)
{
	struct image *im = calloc(1, sizeof(*im));

	if (!im)
		abort();
	im->slot = k % NSLOTS;
	im->forget = forget;
	im->ops.owner = &im->mod;
	im->ops.call = mod_calls[im->slot];
	images[im->slot] = im;
	return im;
}

/* ---- deterministic scenarios ---- */

static long sc_reached, sc_go, sc_done;
static long sc_result;

static void pause_before_get(struct module *mod)
{
	(void)mod;
	STORE(sc_reached, 1);
	wait_until(&sc_go);
}

static void *sc_caller_paused(void *arg)
{
	(void)arg;
	shim_before_module_get = pause_before_get;
	STORE(sc_result, call_putpmsg(0));
	shim_before_module_get = NULL;
	STORE(sc_reached, 1); /* a broken core may never reach try_module_get() */
	return NULL;
}

static void *sc_delete(void *arg)
{
	struct module *mod = arg;

	CHECK(shim_module_delete(mod, &image_ops) == 0, "unload while a call holds the pointer");
	STORE(sc_done, 1);
	return NULL;
}

static void reset_scenario(void)
{
	STORE(sc_reached, 0);
	STORE(sc_go, 0);
	STORE(sc_done, 0);
	STORE(sc_result, 0);
}

/* A call loaded the pointer; its module starts unloading before try_module_get(). */
static void scenario_unload_vs_call(void)
{
	struct image *im = new_image(0, 0);
	long handled = LOAD(putpmsg_handled);
	pthread_t caller, deleter;

	reset_scenario();
	CHECK(shim_module_load(&im->mod, "unload_vs_call", &image_ops) == 0, "load");
	pthread_create(&caller, NULL, sc_caller_paused, NULL);
	wait_until(&sc_reached);
	pthread_create(&deleter, NULL, sc_delete, &im->mod);
	/* The unload reaches synchronize_srcu() and must stay there: the call is still reading. */
	while (shim_srcu_syncing() == 0 && !LOAD(sc_done))
		pause_cpu();
	CHECK(LOAD(sc_done) == 0, "unload finished while a call was in its read section");
	STORE(sc_go, 1);
	pthread_join(caller, NULL);
	pthread_join(deleter, NULL);
	CHECK(LOAD(sc_result) == -ENOSYS, "call into a going module returned %ld", LOAD(sc_result));
	CHECK(LOAD(putpmsg_handled) == handled, "the going module's handler ran");
	CHECK(call_putpmsg(0) == -ENOSYS, "stub not empty after unload");
	printf("scenario_unload_vs_call=ok\n");
}

static long s2_in, s2_go;

/* The first call blocks until released; later ones (which must not come) return at once. */
static long blocking_getpmsg(int fd, void *ctl, void *dat, int *bandp, int *flagsp)
{
	long first = 0;

	(void)fd, (void)ctl, (void)dat, (void)bandp, (void)flagsp;
	if (!__atomic_compare_exchange_n(&s2_in, &first, 1, false, SC, SC))
		return 41;
	wait_until(&s2_go);
	return 42;
}

static const struct syscalltbl_getpmsg_ops blocking_ops = { &resident, blocking_getpmsg };

static void *sc_call_getpmsg(void *arg)
{
	(void)arg;
	STORE(sc_result, call_getpmsg(0));
	return NULL;
}

static void *sc_unregister(void *arg)
{
	(void)arg;
	CHECK(syscalltbl_unregister_getpmsg(&blocking_ops) == 0, "unregister");
	STORE(sc_done, 1);
	return NULL;
}

/* unregister must not return while a call is inside the handler. */
static void scenario_unregister_waits(void)
{
	pthread_t caller, unreg;

	reset_scenario();
	STORE(s2_in, 0);
	STORE(s2_go, 0);
	CHECK(syscalltbl_register_getpmsg(&blocking_ops) == 0, "register");
	pthread_create(&caller, NULL, sc_call_getpmsg, NULL);
	wait_until(&s2_in);
	pthread_create(&unreg, NULL, sc_unregister, NULL);
	while (shim_srcu_syncing() == 0 && !LOAD(sc_done))
		pause_cpu();
	CHECK(LOAD(sc_done) == 0, "unregister returned while a call was in the handler");
	/* The handler is gone for new calls already. */
	CHECK(call_getpmsg(0) == -ENOSYS, "a new call reached an unregistering handler");
	STORE(s2_go, 1);
	pthread_join(caller, NULL);
	pthread_join(unreg, NULL);
	CHECK(LOAD(sc_result) == 42, "the call in flight completed with %ld", LOAD(sc_result));
	printf("scenario_unregister_waits=ok\n");
}

static long s3_in, s3_go;

static long blocking_putpmsg(int fd, const void *ctl, const void *dat, int band, int flags)
{
	long first = 0;

	(void)fd, (void)ctl, (void)dat, (void)band, (void)flags;
	if (!__atomic_compare_exchange_n(&s3_in, &first, 1, false, SC, SC))
		return 44;
	wait_until(&s3_go);
	return 43;
}

static void *sc_call_putpmsg(void *arg)
{
	(void)arg;
	STORE(sc_result, call_putpmsg(0));
	return NULL;
}

static long sc_delete_result;

static void *sc_delete_once(void *arg)
{
	STORE(sc_delete_result, (long)shim_module_delete(arg, &image_ops));
	STORE(sc_done, 1);
	return NULL;
}

/* delete_module fails while a call runs the module's code; succeeds after. */
static void scenario_unload_busy(void)
{
	struct image *im = new_image(1, 0);
	pthread_t caller, deleter;

	reset_scenario();
	STORE(s3_in, 0);
	STORE(s3_go, 0);
	im->ops.call = blocking_putpmsg;
	CHECK(shim_module_load(&im->mod, "unload_busy", &image_ops) == 0, "load");
	pthread_create(&caller, NULL, sc_call_putpmsg, NULL);
	wait_until(&s3_in);
	/* In a thread: a broken core would run the exit and block in it, not fail. */
	pthread_create(&deleter, NULL, sc_delete_once, &im->mod);
	while (!LOAD(sc_done) && shim_srcu_syncing() == 0)
		pause_cpu();
	CHECK(LOAD(sc_done) && LOAD(sc_delete_result) == -EWOULDBLOCK,
	      "unloading a module with a call in its handler must fail with -EWOULDBLOCK");
	STORE(s3_go, 1);
	pthread_join(caller, NULL);
	pthread_join(deleter, NULL);
	CHECK(LOAD(sc_result) == 43, "call result %ld", LOAD(sc_result));
	if (LOAD(sc_delete_result) == -EWOULDBLOCK)
		CHECK(shim_module_delete(&im->mod, &image_ops) == 0, "unload once idle");
	printf("scenario_unload_busy=ok\n");
}

static long afs_handler(long cmd, long parm1, long parm2, long parm3, long parm4)
{
	INC(afs_handled);
	if (cmd != -5 || parm1 != -1 || parm2 != 0x7fffffff || parm3 != 0 || parm4 != 1 ||
	    in_compat_syscall() != expect_compat)
		INC(bad_args);
	return 7;
}

static const struct syscalltbl_afs_syscall_ops afs_ops = { &resident, afs_handler };
static const struct syscalltbl_afs_syscall_ops afs_ops_null = { &resident, NULL };

static void scenario_errors_and_compat(void)
{
	long before = LOAD(bad_args);

	CHECK(sys_afs_syscall(-5, -1, 0x7fffffff, 0, 1) == -ENOSYS, "no handler: -ENOSYS");
	CHECK(compat_sys_afs_syscall(-5, -1, 0x7fffffff, 0, 1) == -ENOSYS, "compat, no handler");
	CHECK(sys_vserver(1, 2, NULL) == -ENOSYS && sys_tuxcall(0, NULL) == -ENOSYS &&
		      sys_security(0, 0, NULL) == -ENOSYS && sys_nfsservctl(0, NULL, NULL) == -ENOSYS,
	      "the other stubs return -ENOSYS");
	CHECK(syscalltbl_register_afs_syscall(NULL) == -EINVAL, "NULL ops: -EINVAL");
	CHECK(syscalltbl_register_afs_syscall(&afs_ops_null) == -EINVAL, "NULL call: -EINVAL");
	CHECK(syscalltbl_unregister_afs_syscall(&afs_ops) == -ENOENT, "not registered: -ENOENT");
	CHECK(syscalltbl_register_afs_syscall(&afs_ops) == 0, "register");
	CHECK(syscalltbl_register_afs_syscall(&afs_ops) == -EBUSY, "again: -EBUSY");
	CHECK(sys_afs_syscall(-5, -1, 0x7fffffff, 0, 1) == 7, "native call");
	expect_compat = 1;
	/* compat_long_t arguments are sign-extended to the handler's longs. */
	CHECK(compat_sys_afs_syscall(-5, -1, 0x7fffffff, 0, 1) == 7, "compat call");
	expect_compat = 0;
	CHECK(LOAD(bad_args) == before, "arguments arrived changed");
	CHECK(syscalltbl_unregister_afs_syscall(&afs_ops) == 0, "unregister");
	CHECK(syscalltbl_unregister_afs_syscall(&afs_ops) == -ENOENT, "twice: -ENOENT");
	CHECK(sys_afs_syscall(-5, -1, 0x7fffffff, 0, 1) == -ENOSYS, "after unregister: -ENOSYS");
	printf("scenario_errors_and_compat=ok\n");
}

/* ---- stress ---- */

static long n_calls_per_caller, n_cycles, n_rival, n_modules;
static long cycles_done, cycle_busy, rival_cycles, rival_busy, modules_loaded, modules_unloaded;

static void *caller_thread(void *arg)
{
	long seed = (long)(uintptr_t)arg;

	for (long i = 0; i < n_calls_per_caller; i++) {
		long ret;
		int compat = (int)((i + seed) & 1);

		switch ((i + seed) % 5) {
		case 0:
		case 1:
			ret = call_getpmsg(compat);
			if (ret != -ENOSYS && !(ret >= 1000 && ret < 1000 + NREGS) && ret != 2000)
				INC(bad_results);
			break;
		case 2:
		case 3:
			ret = call_putpmsg(compat);
			if (ret != -ENOSYS && ret != 3000)
				INC(bad_results);
			break;
		default:
			/* Never registered during the stress run: always -ENOSYS. */
			ret = compat ? compat_sys_afs_syscall(-5, -1, 0x7fffffff, 0, 1) :
				       sys_afs_syscall(-5, -1, 0x7fffffff, 0, 1);
			if (ret != -ENOSYS)
				INC(bad_results);
			break;
		}
		if (ret == -ENOSYS)
			INC(enosys);
		INC(calls);
	}
	return NULL;
}

/* Waits for one more call through a handler, unless the callers are finished. */
static void let_a_call_through(long *counter, long before)
{
	while (LOAD(*counter) == before && !LOAD(callers_done))
		pause_cpu();
}

static void *cycler_thread(void *arg)
{
	(void)arg;
	for (long attempt = 0; LOAD(cycles_done) < n_cycles; attempt++) {
		struct reg *r = &regs[attempt % NREGS];
		long before = LOAD(getpmsg_handled);
		int err;

		r->live = 1;
		err = syscalltbl_register_getpmsg(&r->ops);
		if (err == -EBUSY) {
			r->live = 0;
			INC(cycle_busy);
			pause_cpu();
			continue;
		}
		CHECK(err == 0, "register: %d", err);
		let_a_call_through(&getpmsg_handled, before);
		if (LOAD(r->inside))
			INC(inflight_at_unregister);
		CHECK(syscalltbl_unregister_getpmsg(&r->ops) == 0, "unregister");
		if (LOAD(r->inside))
			INC(inside_after_unregister);
		r->live = 0;
		INC(cycles_done);
	}
	return NULL;
}

static void *rival_thread(void *arg)
{
	(void)arg;
	for (long a = 0; a < n_rival; a++) {
		int err;

		rival.live = 1;
		err = syscalltbl_register_getpmsg(&rival.ops);
		if (err == -EBUSY) {
			rival.live = 0;
			INC(rival_busy);
			pause_cpu();
			continue;
		}
		CHECK(err == 0, "rival register: %d", err);
		pause_cpu();
		CHECK(syscalltbl_unregister_getpmsg(&rival.ops) == 0, "rival unregister");
		if (LOAD(rival.inside))
			INC(inside_after_unregister);
		rival.live = 0;
		INC(rival_cycles);
	}
	return NULL;
}

static void *loader_thread(void *arg)
{
	(void)arg;
	for (long k = 0; k < n_modules; k++) {
		struct image *im = new_image((int)k, k % 4 == 3);
		long before = LOAD(putpmsg_handled);
		int err;

		CHECK(shim_module_load(&im->mod, "putpmsg_provider", &image_ops) == 0, "load %ld", k);
		INC(modules_loaded);
		let_a_call_through(&putpmsg_handled, before);
		while ((err = shim_module_delete(&im->mod, &image_ops)) == -EWOULDBLOCK) {
			INC(unload_busy);
			pause_cpu();
		}
		CHECK(err == 0, "unload: %d", err);
		INC(modules_unloaded);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	long callers, forgotten = 0, warnings_before;
	pthread_t *threads, cycler, rival_t, loader;

	if (argc != 6) {
		fprintf(stderr, "usage: %s CALLERS CALLS_PER_CALLER CYCLES RIVAL_ATTEMPTS MODULE_LOADS\n", argv[0]);
		return 2;
	}
	callers = atol(argv[1]);
	n_calls_per_caller = atol(argv[2]);
	n_cycles = atol(argv[3]);
	n_rival = atol(argv[4]);
	n_modules = atol(argv[5]);
	setvbuf(stdout, NULL, _IOLBF, 0);

	CHECK(shim_module_load(&resident, "resident", &permanent_ops) == 0, "load resident");
	CHECK(shim_module_load(&rival_mod, "rival", &permanent_ops) == 0, "load rival");
	for (int i = 0; i < NREGS; i++) {
		regs[i].ops.owner = &resident;
		regs[i].ops.call = reg_calls[i];
		regs[i].result = 1000 + i;
	}
	rival.ops.owner = &rival_mod;
	rival.ops.call = rival_getpmsg;
	rival.result = 2000;

	CHECK(call_getpmsg(0) == -ENOSYS && call_putpmsg(1) == -ENOSYS, "nothing registered yet");
	scenario_errors_and_compat();
	scenario_unregister_waits();
	scenario_unload_vs_call();
	scenario_unload_busy();

	warnings_before = shim_warnings();
	threads = calloc((size_t)callers, sizeof(*threads));
	pthread_create(&cycler, NULL, cycler_thread, NULL);
	pthread_create(&rival_t, NULL, rival_thread, NULL);
	pthread_create(&loader, NULL, loader_thread, NULL);
	for (long t = 0; t < callers; t++)
		pthread_create(&threads[t], NULL, caller_thread, (void *)(uintptr_t)t);
	for (long t = 0; t < callers; t++)
		pthread_join(threads[t], NULL);
	STORE(callers_done, 1);
	pthread_join(cycler, NULL);
	pthread_join(rival_t, NULL);
	pthread_join(loader, NULL);
	free(threads);
	for (long k = 0; k < n_modules; k++)
		forgotten += k % 4 == 3;

	CHECK(call_getpmsg(0) == -ENOSYS && call_putpmsg(0) == -ENOSYS, "stubs empty at the end");
	CHECK(LOAD(calls) == callers * n_calls_per_caller, "calls");
	CHECK(LOAD(cycles_done) == n_cycles, "cycles");
	CHECK(LOAD(rival_cycles) + LOAD(rival_busy) == n_rival, "rival attempts");
	CHECK(LOAD(modules_unloaded) == n_modules, "module unloads");
	CHECK(shim_warnings() - warnings_before == forgotten, "forgotten handlers removed: %ld of %ld",
	      shim_warnings() - warnings_before, forgotten);

	printf("threads=%ld\n", callers + 3);
	printf("callers=%ld\n", callers);
	printf("calls=%ld\n", LOAD(calls));
	printf("calls_handled=%ld\n", LOAD(getpmsg_handled) + LOAD(putpmsg_handled));
	printf("calls_enosys=%ld\n", LOAD(enosys));
	printf("register_unregister_cycles=%ld\n", LOAD(cycles_done));
	printf("register_busy=%ld\n", LOAD(cycle_busy));
	printf("rival_attempts=%ld\n", n_rival);
	printf("rival_cycles=%ld\n", LOAD(rival_cycles));
	printf("rival_busy=%ld\n", LOAD(rival_busy));
	printf("module_loads=%ld\n", LOAD(modules_loaded));
	printf("module_unloads=%ld\n", LOAD(modules_unloaded));
	printf("unload_busy=%ld\n", LOAD(unload_busy));
	printf("forgotten_handlers_removed=%ld\n", shim_warnings() - warnings_before);
	printf("unregister_with_call_in_flight=%ld\n", LOAD(inflight_at_unregister));
	printf("grace_periods_waited=%ld\n", shim_srcu_waited());
	printf("late_calls=%ld\n", LOAD(late_calls));
	printf("torn_down_calls=%ld\n", LOAD(torn_down_calls));
	printf("inside_after_unregister=%ld\n", LOAD(inside_after_unregister));
	printf("bad_args=%ld\n", LOAD(bad_args));
	printf("bad_results=%ld\n", LOAD(bad_results));
	printf("failures=%ld\n", LOAD(failures));
	return LOAD(failures) || LOAD(late_calls) || LOAD(torn_down_calls) ||
			       LOAD(inside_after_unregister) || LOAD(bad_args) || LOAD(bad_results) ?
		       1 :
		       0;
}
