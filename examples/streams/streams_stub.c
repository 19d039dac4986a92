// SPDX-License-Identifier: GPL-2.0
/*
 * streams_stub: getpmsg(2) and putpmsg(2) for a loopback STREAMS device, provided through the
 * syscalltbl stub API (<linux/syscalltbl_stubs.h>) instead of by patching sys_call_table.
 *
 * Each open of /dev/streams_loop is a stream whose write side loops back to its read side:
 * putpmsg() on the descriptor queues a message, getpmsg() reads messages back in STREAMS
 * order (high priority first, then by band, first in first out within a band), in several
 * calls when the caller's buffers are short (MORECTL, MOREDATA). Any other descriptor is not
 * a stream: -ENOSTR, as on System V. Semantics follow X/Open getmsg(3p) and putmsg(3p).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/compat.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/syscalltbl_stubs.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

/* <stropts.h> values (SVR4, and glibc's bits/stropts.h while it shipped one). */
#define MSG_HIPRI	0x01
#define MSG_ANY		0x02
#define MSG_BAND	0x04
#define MORECTL		1
#define MOREDATA	2

#define LOOP_MAX_PART	4096	/* bytes in a control or data part */
#define LOOP_MAX_MSGS	64	/* messages queued on one stream */
#define LOOP_HIPRI	256	/* sorts above every band (0..255) */

/* struct strbuf as user space lays it out, native and 32-bit. */
struct loop_strbuf {
	int maxlen;
	int len;
	char __user *buf;
};

#ifdef CONFIG_COMPAT
struct loop_compat_strbuf {
	int maxlen;
	int len;
	compat_uptr_t buf;
};
#endif

/* A strbuf read in; @given is false for a NULL strbuf pointer. */
struct loop_part_arg {
	bool given;
	int maxlen;
	int len;
	char __user *buf;
	int __user *lenp;
};

struct loop_msg {
	struct list_head link;
	int prio;		/* band, or LOOP_HIPRI */
	int len[2];		/* control, data; -1 when the message has no such part */
	int off[2];		/* bytes already read by earlier getpmsg calls */
	char *part[2];
};

struct loop_stream {
	struct mutex lock;	/* the queue and its count; held across copies to user space */
	struct list_head msgs;	/* in retrieval order */
	unsigned int count;
	unsigned long gen;	/* bumped under @lock on every change; waiters read it locklessly */
	wait_queue_head_t wait;
};

static int loop_open(struct inode *inode, struct file *file)
{
	struct loop_stream *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	mutex_init(&s->lock);
	INIT_LIST_HEAD(&s->msgs);
	init_waitqueue_head(&s->wait);
	file->private_data = s;
	return nonseekable_open(inode, file);
}

static void loop_free_msg(struct loop_msg *m)
{
	kfree(m->part[0]);
	kfree(m->part[1]);
	kfree(m);
}

static int loop_release(struct inode *inode, struct file *file)
{
	struct loop_stream *s = file->private_data;
	struct loop_msg *m, *next;

	list_for_each_entry_safe(m, next, &s->msgs, link)
		loop_free_msg(m);
	kfree(s);
	return 0;
}

/* .owner pins this module while a stream is open, so no stream outlives the code. */
static const struct file_operations loop_fops = {
	.owner		= THIS_MODULE,
	.open		= loop_open,
	.release	= loop_release,
};

static struct miscdevice loop_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "streams_loop",
	.fops	= &loop_fops,
	.mode	= 0666,
};

/* Reads a user struct strbuf in the caller's layout (in_compat_syscall(): 32-bit). */
static int loop_get_strbuf(const void __user *uptr, struct loop_part_arg *arg)
{
	*arg = (struct loop_part_arg){ .given = uptr != NULL, .maxlen = -1, .len = -1 };
	if (!uptr)
		return 0;
	/* len sits at the same offset in both layouts, so one pointer serves to write it back. */
	BUILD_BUG_ON(offsetof(struct loop_strbuf, len) != sizeof(int));
	arg->lenp = (int __user *)((const char __user *)uptr + offsetof(struct loop_strbuf, len));
#ifdef CONFIG_COMPAT
	if (in_compat_syscall()) {
		struct loop_compat_strbuf c;

		BUILD_BUG_ON(offsetof(struct loop_compat_strbuf, len) != sizeof(int));
		if (copy_from_user(&c, uptr, sizeof(c)))
			return -EFAULT;
		arg->maxlen = c.maxlen;
		arg->len = c.len;
		arg->buf = compat_ptr(c.buf);
		return 0;
	}
#endif
	{
		struct loop_strbuf n;

		if (copy_from_user(&n, uptr, sizeof(n)))
			return -EFAULT;
		arg->maxlen = n.maxlen;
		arg->len = n.len;
		arg->buf = n.buf;
	}
	return 0;
}

/* The stream behind @file, or -ENOSTR when it is not one of ours. */
static struct loop_stream *loop_stream_of(struct file *file)
{
	if (!file)
		return ERR_PTR(-EBADF);
	if (file->f_op != &loop_fops)
		return ERR_PTR(-ENOSTR);
	return file->private_data;
}

static int loop_copy_part_in(struct loop_msg *m, int i, const struct loop_part_arg *arg)
{
	m->len[i] = arg->given ? arg->len : -1;
	if (m->len[i] < 0) {
		m->len[i] = -1;
		return 0;
	}
	if (m->len[i] > LOOP_MAX_PART)
		return -ERANGE;
	m->part[i] = memdup_user(arg->buf, m->len[i]);
	if (IS_ERR(m->part[i])) {
		int err = PTR_ERR(m->part[i]);

		m->part[i] = NULL;
		return err;
	}
	return 0;
}

/* Queues @m behind every message of its priority or higher. */
static void loop_enqueue(struct loop_stream *s, struct loop_msg *m)
{
	struct loop_msg *pos;

	list_for_each_entry(pos, &s->msgs, link) {
		if (pos->prio < m->prio) {
			list_add_tail(&m->link, &pos->link);
			goto queued;
		}
	}
	list_add_tail(&m->link, &s->msgs);
queued:
	s->count++;
	WRITE_ONCE(s->gen, s->gen + 1);
}

static long streams_putpmsg(int fd, const void __user *ctlptr, const void __user *datptr,
			    int band, int flags)
{
	struct loop_part_arg ctl, dat;
	struct loop_stream *s;
	struct loop_msg *m;
	unsigned long gen;
	long err;
	CLASS(fd, f)(fd);

	s = loop_stream_of(fd_file(f));
	if (IS_ERR(s))
		return PTR_ERR(s);
	err = loop_get_strbuf(ctlptr, &ctl);
	if (!err)
		err = loop_get_strbuf(datptr, &dat);
	if (err)
		return err;
	/* High priority: band 0 and a control part. Otherwise a band message, bands 0..255. */
	if (flags == MSG_HIPRI) {
		if (band != 0 || !ctl.given || ctl.len < 0)
			return -EINVAL;
	} else if (flags != MSG_BAND || band < 0 || band >= LOOP_HIPRI) {
		return -EINVAL;
	}
	/* Neither part: no message is sent. */
	if ((!ctl.given || ctl.len < 0) && (!dat.given || dat.len < 0))
		return 0;

	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->prio = flags == MSG_HIPRI ? LOOP_HIPRI : band;
	err = loop_copy_part_in(m, 0, &ctl);
	if (!err)
		err = loop_copy_part_in(m, 1, &dat);
	if (err)
		goto out_free;

	mutex_lock(&s->lock);
	while (s->count >= LOOP_MAX_MSGS) {
		gen = s->gen;
		mutex_unlock(&s->lock);
		if (fd_file(f)->f_flags & O_NONBLOCK)
			err = -EAGAIN;
		else
			err = wait_event_interruptible(s->wait, READ_ONCE(s->gen) != gen);
		if (err)
			goto out_free;
		mutex_lock(&s->lock);
	}
	loop_enqueue(s, m);
	mutex_unlock(&s->lock);
	wake_up_interruptible(&s->wait);
	return 0;

out_free:
	loop_free_msg(m);
	return err;
}

/* The message getpmsg() would retrieve for @flags and @band, or NULL. */
static struct loop_msg *loop_peek(struct loop_stream *s, int flags, int band)
{
	struct loop_msg *m;

	list_for_each_entry(m, &s->msgs, link) {
		if (flags == MSG_ANY)
			return m;
		if (flags == MSG_HIPRI)
			return m->prio == LOOP_HIPRI ? m : NULL;
		/* MSG_BAND: the highest band, if it is at least @band; never high priority. */
		if (m->prio != LOOP_HIPRI)
			return m->prio >= band ? m : NULL;
	}
	return NULL;
}

/*
 * Copies what fits of part @i to the caller and sets its len; returns the MORECTL/MOREDATA bit
 * when some of the part stays queued, or -EFAULT. A NULL strbuf or a negative maxlen leaves
 * the part unread (X/Open getmsg).
 */
static int loop_copy_part_out(const struct loop_msg *m, int i, const struct loop_part_arg *arg,
			      int *taken)
{
	int more = i == 0 ? MORECTL : MOREDATA;
	int left = m->len[i] < 0 ? 0 : m->len[i] - m->off[i];

	*taken = 0;
	if (!arg->given)
		return left > 0 ? more : 0;
	if (arg->maxlen < 0)
		return left > 0 ? more : 0;
	*taken = min(left, arg->maxlen);
	if (*taken && copy_to_user(arg->buf, m->part[i] + m->off[i], *taken))
		return -EFAULT;
	if (put_user(m->len[i] < 0 ? -1 : *taken, arg->lenp))
		return -EFAULT;
	return left > *taken ? more : 0;
}

static long streams_getpmsg(int fd, void __user *ctlptr, void __user *datptr, int __user *bandp,
			    int __user *flagsp)
{
	struct loop_part_arg ctl, dat;
	int flags, band, more, r, taken[2];
	struct loop_stream *s;
	struct loop_msg *m;
	unsigned long gen;
	long err;
	CLASS(fd, f)(fd);

	s = loop_stream_of(fd_file(f));
	if (IS_ERR(s))
		return PTR_ERR(s);
	if (get_user(flags, flagsp) || get_user(band, bandp))
		return -EFAULT;
	if (flags != MSG_HIPRI && flags != MSG_ANY && flags != MSG_BAND)
		return -EINVAL;
	if (flags == MSG_BAND && (band < 0 || band >= LOOP_HIPRI))
		return -EINVAL;
	err = loop_get_strbuf(ctlptr, &ctl);
	if (!err)
		err = loop_get_strbuf(datptr, &dat);
	if (err)
		return err;

	mutex_lock(&s->lock);
	while (!(m = loop_peek(s, flags, band))) {
		gen = s->gen;
		mutex_unlock(&s->lock);
		if (fd_file(f)->f_flags & O_NONBLOCK)
			return -EAGAIN;
		/* Sleeps inside the stub's SRCU read section: see the README on unloading. */
		err = wait_event_interruptible(s->wait, READ_ONCE(s->gen) != gen);
		if (err)
			return err;
		mutex_lock(&s->lock);
	}
	more = 0;
	r = loop_copy_part_out(m, 0, &ctl, &taken[0]);
	if (r >= 0) {
		more |= r;
		r = loop_copy_part_out(m, 1, &dat, &taken[1]);
	}
	if (r >= 0) {
		more |= r;
		if (put_user(m->prio == LOOP_HIPRI ? 0 : m->prio, bandp) ||
		    put_user(m->prio == LOOP_HIPRI ? MSG_HIPRI : MSG_BAND, flagsp))
			r = -EFAULT;
	}
	if (r < 0) {
		/* Nothing is consumed when the caller's memory faults. */
		mutex_unlock(&s->lock);
		return r;
	}
	m->off[0] += taken[0];
	m->off[1] += taken[1];
	if (!more) {
		list_del(&m->link);
		s->count--;
		loop_free_msg(m);
	}
	WRITE_ONCE(s->gen, s->gen + 1);
	mutex_unlock(&s->lock);
	wake_up_interruptible(&s->wait);
	return more;
}

/* .owner ties each registration to this module: calls pin it, unloading stops new calls. */
static const struct syscalltbl_getpmsg_ops streams_getpmsg_ops = {
	.owner	= THIS_MODULE,
	.call	= streams_getpmsg,
};

static const struct syscalltbl_putpmsg_ops streams_putpmsg_ops = {
	.owner	= THIS_MODULE,
	.call	= streams_putpmsg,
};

static int __init streams_stub_init(void)
{
	int err;

	err = misc_register(&loop_dev);
	if (err)
		return err;
	err = syscalltbl_register_getpmsg(&streams_getpmsg_ops);
	if (err) {
		pr_err("getpmsg is already provided (%d)\n", err);
		goto out_misc;
	}
	err = syscalltbl_register_putpmsg(&streams_putpmsg_ops);
	if (err) {
		pr_err("putpmsg is already provided (%d)\n", err);
		goto out_getpmsg;
	}
	return 0;

out_getpmsg:
	syscalltbl_unregister_getpmsg(&streams_getpmsg_ops);
out_misc:
	misc_deregister(&loop_dev);
	return err;
}

static void __exit streams_stub_exit(void)
{
	/* Stubs first: once these return, no call runs our code and none will start. */
	syscalltbl_unregister_putpmsg(&streams_putpmsg_ops);
	syscalltbl_unregister_getpmsg(&streams_getpmsg_ops);
	misc_deregister(&loop_dev);
}

module_init(streams_stub_init);
module_exit(streams_stub_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("getpmsg/putpmsg for a loopback STREAMS device, through syscalltbl stubs");
