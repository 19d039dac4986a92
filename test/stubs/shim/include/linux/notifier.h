/* Shim: notifier blocks as include/linux/notifier.h declares them. */
#ifndef SHIM_LINUX_NOTIFIER_H
#define SHIM_LINUX_NOTIFIER_H
struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action, void *data);
	struct notifier_block *next;
	int priority;
};

#define NOTIFY_DONE 0x0000
#define NOTIFY_OK 0x0001
#endif
