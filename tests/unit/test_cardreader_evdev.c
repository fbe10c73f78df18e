// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the evdev card reader, linked against fakes of every libevdev
 * and libudev call it makes (-Wl,--wrap, see test_cardreader_evdev.mk).  The
 * fake libevdev reads input_event records that the tests write into a pipe
 * or a FIFO, keeps the key state, and on SYN_DROPPED does what libevdev
 * documents: it drains what the kernel holds and hands out the state delta
 * in sync mode.  The fake udev lists input devices whose nodes are FIFOs in
 * a temporary folder, and a pipe carries its monitor's uevents.
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/input.h>

#include "cardreader.h"
#include "log.h"

#define BUF_LEN	     (CARDREADER_READ_MAX + 1)
#define TEST_VENDOR  0x1209 /* pid.codes, test id */
#define TEST_PRODUCT 0x7070

/* One reader and its pipe per test; teardown releases both. */
struct fixture {
	struct cardreader *r; /* under test */
	int wfd;	      /* the pipe's write end (open_fd tests) */
};

static struct fixture fx;

#ifdef HAVE_LIBEVDEV
#include <libevdev/libevdev.h>
#include <libudev.h>

static void write_all(int fd, const void *p, size_t n)
{
	assert_int_equal(write(fd, p, n), (ssize_t)n);
}

/* ---- the fake udev: input devices with FIFOs as their nodes ---------------- */

#define MAX_INPUTS  6
#define MAX_UEVENTS 16

struct fake_input {
	bool present;	  /* plugged in: listed, node exists */
	int num;	  /* N of eventN */
	uint16_t vendor;  /* id/vendor of the parent input device */
	uint16_t product; /* id/product */
	bool initialized; /* udev's rules have run */
	bool keys;	  /* has digit keys (else a mouse-like interface) */
	bool busy;	  /* grabbed by another program */
	char node[128];	  /* the FIFO standing in for /dev/input/eventN */
	char name[64];	  /* what libevdev_get_name() says */
	int wfd;	  /* the test's end (O_RDWR), -1 while unplugged */
};

struct udev {
	int refs; /* udev_new / udev_unref balance */
};

struct udev_queue {
	int unused; /* nothing: only is_active is asked */
};

struct udev_monitor {
	int rfd; /* read end of the uevent pipe */
};

struct udev_list_entry {
	struct udev_list_entry *next; /* or NULL */
	char name[64];		      /* syspath */
};

struct udev_enumerate {
	struct udev_list_entry entries[MAX_INPUTS]; /* the scan's result */
	size_t n;				    /* entries used */
	bool scanned;				    /* scan_devices ran */
};

struct udev_device {
	struct fake_input *in;	    /* the device, or NULL (uevent only) */
	struct udev_device *parent; /* the input device; owned */
	char action[16];	    /* uevent action, "" if none */
	char sysname[16];	    /* eventN */
	char sysnum[8];		    /* N */
	char vendor[8];		    /* id/vendor (parent only) */
	char product[8];	    /* id/product (parent only) */
};

static struct {
	struct fake_input inputs[MAX_INPUTS]; /* the machine's input devices */
	char dir[64];			      /* where their nodes are */
	struct udev udev;		      /* the one context */
	bool udev_broken;		      /* udev_new() fails */
	bool monitor_broken;		      /* no netlink monitor */
	bool udevd_active;		      /* udev_queue says udevd runs */
	int mon[2];			      /* uevent pipe, one byte each */
	struct udev_device *uevents[MAX_UEVENTS]; /* queued, in order */
	size_t n_uevents;			  /* queued */
	int live_devices;			  /* udev_device allocations */
	int live_evdevs;			  /* libevdev allocations */
	int sync_taken;	  /* delta events handed out in sync mode */
	int sync_ignored; /* delta events dropped by a normal-mode call */
} fk;

struct udev *__wrap_udev_new(void);
struct udev *__wrap_udev_unref(struct udev *udev);
struct udev_queue *__wrap_udev_queue_new(struct udev *udev);
struct udev_queue *__wrap_udev_queue_unref(struct udev_queue *q);
int __wrap_udev_queue_get_udev_is_active(struct udev_queue *q);
struct udev_enumerate *__wrap_udev_enumerate_new(struct udev *udev);
struct udev_enumerate *__wrap_udev_enumerate_unref(struct udev_enumerate *en);
int __wrap_udev_enumerate_add_match_subsystem(struct udev_enumerate *en,
					      const char *subsystem);
int __wrap_udev_enumerate_add_match_sysname(struct udev_enumerate *en,
					    const char *sysname);
int __wrap_udev_enumerate_scan_devices(struct udev_enumerate *en);
struct udev_list_entry *
__wrap_udev_enumerate_get_list_entry(struct udev_enumerate *en);
struct udev_list_entry *
__wrap_udev_list_entry_get_next(struct udev_list_entry *it);
const char *__wrap_udev_list_entry_get_name(struct udev_list_entry *it);
struct udev_device *__wrap_udev_device_new_from_syspath(struct udev *udev,
							const char *path);
struct udev_device *__wrap_udev_device_unref(struct udev_device *d);
struct udev_device *__wrap_udev_device_get_parent(struct udev_device *d);
const char *__wrap_udev_device_get_sysattr_value(struct udev_device *d,
						 const char *attr);
const char *__wrap_udev_device_get_devnode(struct udev_device *d);
const char *__wrap_udev_device_get_sysname(struct udev_device *d);
const char *__wrap_udev_device_get_sysnum(struct udev_device *d);
const char *__wrap_udev_device_get_action(struct udev_device *d);
int __wrap_udev_device_get_is_initialized(struct udev_device *d);
struct udev_monitor *__wrap_udev_monitor_new_from_netlink(struct udev *udev,
							  const char *name);
struct udev_monitor *__wrap_udev_monitor_unref(struct udev_monitor *m);
int __wrap_udev_monitor_filter_add_match_subsystem_devtype(
    struct udev_monitor *m, const char *subsystem, const char *devtype);
int __wrap_udev_monitor_enable_receiving(struct udev_monitor *m);
int __wrap_udev_monitor_get_fd(struct udev_monitor *m);
struct udev_device *__wrap_udev_monitor_receive_device(struct udev_monitor *m);

struct udev *__wrap_udev_new(void)
{
	if (fk.udev_broken) {
		errno = ENOENT;
		return NULL;
	}
	fk.udev.refs++;
	return &fk.udev;
}

struct udev *__wrap_udev_unref(struct udev *udev)
{
	if (udev) {
		assert_ptr_equal(udev, &fk.udev);
		fk.udev.refs--;
	}
	return NULL;
}

struct udev_queue *__wrap_udev_queue_new(struct udev *udev)
{
	assert_ptr_equal(udev, &fk.udev);
	return calloc(1, sizeof(struct udev_queue));
}

struct udev_queue *__wrap_udev_queue_unref(struct udev_queue *q)
{
	free(q);
	return NULL;
}

int __wrap_udev_queue_get_udev_is_active(struct udev_queue *q)
{
	assert_non_null(q);
	return fk.udevd_active;
}

struct udev_enumerate *__wrap_udev_enumerate_new(struct udev *udev)
{
	assert_ptr_equal(udev, &fk.udev);
	return calloc(1, sizeof(struct udev_enumerate));
}

struct udev_enumerate *__wrap_udev_enumerate_unref(struct udev_enumerate *en)
{
	free(en);
	return NULL;
}

int __wrap_udev_enumerate_add_match_subsystem(struct udev_enumerate *en,
					      const char *subsystem)
{
	assert_false(en->scanned);
	assert_string_equal(subsystem, "input");
	return 0;
}

int __wrap_udev_enumerate_add_match_sysname(struct udev_enumerate *en,
					    const char *sysname)
{
	assert_false(en->scanned);
	assert_string_equal(sysname, "event*");
	return 0;
}

/* Lists the present devices in syspath order, as udev does ("event10"
 * before "event9"). */
int __wrap_udev_enumerate_scan_devices(struct udev_enumerate *en)
{
	en->scanned = true;
	en->n = 0;
	for (size_t i = 0; i < MAX_INPUTS; i++) {
		struct udev_list_entry *e;
		size_t j;

		if (!fk.inputs[i].present)
			continue;
		e = &en->entries[en->n];
		snprintf(e->name, sizeof(e->name), "/sys/class/input/event%d",
			 fk.inputs[i].num);
		for (j = en->n;
		     j > 0 && strcmp(en->entries[j - 1].name, e->name) > 0; j--)
			;
		if (j < en->n) {
			struct udev_list_entry tmp = *e;

			memmove(&en->entries[j + 1], &en->entries[j],
				(en->n - j) * sizeof(tmp));
			en->entries[j] = tmp;
		}
		en->n++;
	}
	for (size_t i = 0; i < en->n; i++)
		en->entries[i].next =
		    i + 1 < en->n ? &en->entries[i + 1] : NULL;
	return 0;
}

struct udev_list_entry *
__wrap_udev_enumerate_get_list_entry(struct udev_enumerate *en)
{
	assert_true(en->scanned);
	return en->n ? &en->entries[0] : NULL;
}

struct udev_list_entry *
__wrap_udev_list_entry_get_next(struct udev_list_entry *it)
{
	return it->next;
}

const char *__wrap_udev_list_entry_get_name(struct udev_list_entry *it)
{
	return it->name;
}

static struct udev_device *device_new(struct fake_input *in)
{
	struct udev_device *d = calloc(1, sizeof(*d));

	assert_non_null(d);
	fk.live_devices++;
	d->in = in;
	if (in) {
		snprintf(d->sysname, sizeof(d->sysname), "event%d", in->num);
		snprintf(d->sysnum, sizeof(d->sysnum), "%d", in->num);
	}
	return d;
}

struct udev_device *__wrap_udev_device_new_from_syspath(struct udev *udev,
							const char *path)
{
	int num;

	assert_ptr_equal(udev, &fk.udev);
	if (sscanf(path, "/sys/class/input/event%d", &num) != 1)
		fail_msg("unexpected syspath %s", path);
	for (size_t i = 0; i < MAX_INPUTS; i++)
		if (fk.inputs[i].present && fk.inputs[i].num == num)
			return device_new(&fk.inputs[i]);
	errno = ENODEV;
	return NULL;
}

struct udev_device *__wrap_udev_device_unref(struct udev_device *d)
{
	if (d) {
		if (d->parent)
			__wrap_udev_device_unref(d->parent);
		free(d);
		fk.live_devices--;
	}
	return NULL;
}

/* The inputN device above eventN; owned by the child, as in libudev. */
struct udev_device *__wrap_udev_device_get_parent(struct udev_device *d)
{
	if (!d->in)
		return NULL;
	if (!d->parent) {
		d->parent = device_new(NULL);
		snprintf(d->parent->vendor, sizeof(d->parent->vendor), "%04x",
			 d->in->vendor);
		snprintf(d->parent->product, sizeof(d->parent->product), "%04x",
			 d->in->product);
	}
	return d->parent;
}

const char *__wrap_udev_device_get_sysattr_value(struct udev_device *d,
						 const char *attr)
{
	if (!strcmp(attr, "id/vendor") && d->vendor[0])
		return d->vendor;
	if (!strcmp(attr, "id/product") && d->product[0])
		return d->product;
	return NULL;
}

const char *__wrap_udev_device_get_devnode(struct udev_device *d)
{
	return d->in ? d->in->node : NULL;
}

const char *__wrap_udev_device_get_sysname(struct udev_device *d)
{
	return d->sysname[0] ? d->sysname : NULL;
}

const char *__wrap_udev_device_get_sysnum(struct udev_device *d)
{
	return d->sysnum[0] ? d->sysnum : NULL;
}

const char *__wrap_udev_device_get_action(struct udev_device *d)
{
	return d->action[0] ? d->action : NULL;
}

int __wrap_udev_device_get_is_initialized(struct udev_device *d)
{
	return d->in && d->in->initialized;
}

struct udev_monitor *__wrap_udev_monitor_new_from_netlink(struct udev *udev,
							  const char *name)
{
	struct udev_monitor *m;

	assert_ptr_equal(udev, &fk.udev);
	/* "udev": events after the rules ran, not raw kernel ones. */
	assert_string_equal(name, "udev");
	if (fk.monitor_broken) {
		errno = EPROTONOSUPPORT;
		return NULL;
	}
	m = calloc(1, sizeof(*m));
	assert_non_null(m);
	m->rfd = fk.mon[0];
	return m;
}

struct udev_monitor *__wrap_udev_monitor_unref(struct udev_monitor *m)
{
	free(m);
	return NULL;
}

int __wrap_udev_monitor_filter_add_match_subsystem_devtype(
    struct udev_monitor *m, const char *subsystem, const char *devtype)
{
	assert_non_null(m);
	assert_string_equal(subsystem, "input");
	assert_null(devtype);
	return 0;
}

int __wrap_udev_monitor_enable_receiving(struct udev_monitor *m)
{
	assert_non_null(m);
	return 0;
}

int __wrap_udev_monitor_get_fd(struct udev_monitor *m)
{
	return m->rfd;
}

struct udev_device *__wrap_udev_monitor_receive_device(struct udev_monitor *m)
{
	struct udev_device *d;
	char c;

	if (read(m->rfd, &c, 1) != 1) {
		errno = EAGAIN;
		return NULL;
	}
	assert_true(fk.n_uevents > 0);
	d = fk.uevents[0];
	memmove(&fk.uevents[0], &fk.uevents[1],
		--fk.n_uevents * sizeof(fk.uevents[0]));
	return d;
}

/* Queue a uevent as udevd sends it once its rules ran. */
static void uevent(const char *action, int num)
{
	struct udev_device *d = device_new(NULL);

	assert_true(fk.n_uevents < MAX_UEVENTS);
	snprintf(d->action, sizeof(d->action), "%s", action);
	snprintf(d->sysname, sizeof(d->sysname), "event%d", num);
	fk.uevents[fk.n_uevents++] = d;
	write_all(fk.mon[1], "u", 1);
}

/* Plug in an input device: its node appears (at @p node, or by number). */
static struct fake_input *plug_at(int num, uint16_t vendor, uint16_t product,
				  const char *node)
{
	struct fake_input *in = NULL;

	for (size_t i = 0; i < MAX_INPUTS && !in; i++)
		if (!fk.inputs[i].present)
			in = &fk.inputs[i];
	assert_non_null(in);
	memset(in, 0, sizeof(*in));
	in->num = num;
	in->vendor = vendor;
	in->product = product;
	in->initialized = true;
	in->keys = true;
	snprintf(in->name, sizeof(in->name), "fake reader %d", num);
	if (node)
		snprintf(in->node, sizeof(in->node), "%s", node);
	else
		snprintf(in->node, sizeof(in->node), "%s/event%d", fk.dir, num);
	assert_int_equal(mkfifo(in->node, 0600), 0);
	/* Read-write, so the reader never sees a FIFO without a writer. */
	in->wfd = open(in->node, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	assert_true(in->wfd >= 0);
	in->present = true;
	return in;
}

static struct fake_input *plug(int num, uint16_t vendor, uint16_t product)
{
	return plug_at(num, vendor, product, NULL);
}

/* Unplug: the node goes, and the reader's read() reports ENODEV. */
static void unplug(struct fake_input *in)
{
	assert_true(in->present);
	in->present = false;
	unlink(in->node);
	close(in->wfd);
	in->wfd = -1;
}

/* ---- the fake libevdev ----------------------------------------------------- */

struct libevdev {
	int fd;		       /* the device (owned by the caller) */
	struct fake_input *in; /* the device, or NULL for a plain pipe */
	bool keys[KEY_CNT];    /* the key state as libevdev tells it */
	bool kernel[KEY_CNT];  /* the state an EVIOCGKEY would return */
	struct input_event sync[KEY_CNT + 1]; /* the delta after a drop */
	size_t n_sync;			      /* events in sync */
	size_t i_sync;			      /* handed out */
	unsigned char part[sizeof(struct input_event)]; /* a split record */
	size_t part_len;				/* bytes in part */
};

int __wrap_libevdev_new_from_fd(int fd, struct libevdev **dev);
void __wrap_libevdev_free(struct libevdev *dev);
int __wrap_libevdev_grab(struct libevdev *dev, enum libevdev_grab_mode grab);
const char *__wrap_libevdev_get_name(const struct libevdev *dev);
int __wrap_libevdev_has_event_code(const struct libevdev *dev,
				   unsigned int type, unsigned int code);
int __wrap_libevdev_get_event_value(const struct libevdev *dev,
				    unsigned int type, unsigned int code);
int __wrap_libevdev_next_event(struct libevdev *dev, unsigned int flags,
			       struct input_event *ev);

/* Pipes and FIFOs stand in for evdev nodes; anything else is not one. */
int __wrap_libevdev_new_from_fd(int fd, struct libevdev **dev)
{
	struct libevdev *d;
	struct stat st, node;

	if (fstat(fd, &st) < 0)
		return -errno;
	if (!S_ISFIFO(st.st_mode))
		return -ENOTTY;
	d = calloc(1, sizeof(*d));
	assert_non_null(d);
	d->fd = fd;
	for (size_t i = 0; i < MAX_INPUTS; i++)
		if (fk.inputs[i].present &&
		    stat(fk.inputs[i].node, &node) == 0 &&
		    node.st_ino == st.st_ino && node.st_dev == st.st_dev)
			d->in = &fk.inputs[i];
	fk.live_evdevs++;
	*dev = d;
	return 0;
}

void __wrap_libevdev_free(struct libevdev *dev)
{
	if (dev) {
		free(dev);
		fk.live_evdevs--;
	}
}

int __wrap_libevdev_grab(struct libevdev *dev, enum libevdev_grab_mode grab)
{
	assert_int_equal(grab, LIBEVDEV_GRAB);
	return dev->in && dev->in->busy ? -EBUSY : 0;
}

const char *__wrap_libevdev_get_name(const struct libevdev *dev)
{
	return dev->in ? dev->in->name : "fake pipe";
}

int __wrap_libevdev_has_event_code(const struct libevdev *dev,
				   unsigned int type, unsigned int code)
{
	return type == EV_KEY && code < KEY_CNT && (!dev->in || dev->in->keys);
}

int __wrap_libevdev_get_event_value(const struct libevdev *dev,
				    unsigned int type, unsigned int code)
{
	return type == EV_KEY && code < KEY_CNT && dev->keys[code];
}

static void apply(bool *keys, const struct input_event *ev)
{
	if (ev->type == EV_KEY && ev->code < KEY_CNT)
		keys[ev->code] = ev->value != 0;
}

/* One record off the fd; the kernel's state follows every one. */
static int read_record(struct libevdev *dev, struct input_event *ev)
{
	for (;;) {
		ssize_t n = read(dev->fd, dev->part + dev->part_len,
				 sizeof(*ev) - dev->part_len);

		if (n == 0)
			return -ENODEV; /* the writer went: unplugged */
		if (n < 0)
			return -errno;
		dev->part_len += (size_t)n;
		if (dev->part_len == sizeof(*ev)) {
			memcpy(ev, dev->part, sizeof(*ev));
			dev->part_len = 0;
			apply(dev->kernel, ev);
			return 0;
		}
	}
}

int __wrap_libevdev_next_event(struct libevdev *dev, unsigned int flags,
			       struct input_event *ev)
{
	struct input_event junk;
	int rc;

	if (dev->i_sync < dev->n_sync) {
		if (flags & LIBEVDEV_READ_FLAG_SYNC) {
			*ev = dev->sync[dev->i_sync++];
			apply(dev->keys, ev);
			fk.sync_taken++;
			return LIBEVDEV_READ_STATUS_SYNC;
		}
		/* Not synced by the caller: applied and dropped. */
		while (dev->i_sync < dev->n_sync) {
			apply(dev->keys, &dev->sync[dev->i_sync++]);
			fk.sync_ignored++;
		}
	}
	if (flags & LIBEVDEV_READ_FLAG_SYNC)
		return -EAGAIN;

	rc = read_record(dev, ev);
	if (rc < 0)
		return rc;
	if (ev->type == EV_SYN && ev->code == SYN_DROPPED) {
		/* Drain what the kernel holds, then the delta between what
		 * the caller was told and what the kernel says now. */
		while (read_record(dev, &junk) == 0)
			;
		dev->n_sync = dev->i_sync = 0;
		for (unsigned int c = 0; c < KEY_CNT; c++) {
			if (dev->keys[c] == dev->kernel[c])
				continue;
			memset(&dev->sync[dev->n_sync], 0, sizeof(junk));
			dev->sync[dev->n_sync].type = EV_KEY;
			dev->sync[dev->n_sync].code = (unsigned short)c;
			dev->sync[dev->n_sync++].value = dev->kernel[c];
		}
		memset(&dev->sync[dev->n_sync], 0, sizeof(junk));
		dev->sync[dev->n_sync].type = EV_SYN;
		dev->sync[dev->n_sync++].code = SYN_REPORT;
		return LIBEVDEV_READ_STATUS_SYNC;
	}
	apply(dev->keys, ev);
	return LIBEVDEV_READ_STATUS_SUCCESS;
}

/* ---- fixtures ---------------------------------------------------------------- */

static int setup(void **state)
{
	(void)state;
	memset(&fx, 0, sizeof(fx));
	fx.wfd = -1;
	memset(&fk, 0, sizeof(fk));
	assert_int_equal(pipe2(fk.mon, O_CLOEXEC | O_NONBLOCK), 0);
	snprintf(fk.dir, sizeof(fk.dir), "/tmp/ppid-test-evdev-XXXXXX");
	assert_non_null(mkdtemp(fk.dir));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	cardreader_close(fx.r);
	fx.r = NULL;
	if (fx.wfd >= 0)
		close(fx.wfd);
	fx.wfd = -1;
	for (size_t i = 0; i < MAX_INPUTS; i++)
		if (fk.inputs[i].present)
			unplug(&fk.inputs[i]);
	while (fk.n_uevents)
		__wrap_udev_device_unref(fk.uevents[--fk.n_uevents]);
	close(fk.mon[0]);
	close(fk.mon[1]);
	rmdir(fk.dir);
	/* The reader gave back everything it took from the libraries. */
	assert_int_equal(fk.live_devices, 0);
	assert_int_equal(fk.live_evdevs, 0);
	assert_int_equal(fk.udev.refs, 0);
	return 0;
}

/* ---- decoding: input events written into a pipe ----------------------------- */

/* Close the reader (mid-test), keeping the fake machine as it is. */
static void close_reader(void)
{
	cardreader_close(fx.r);
	fx.r = NULL;
	if (fx.wfd >= 0)
		close(fx.wfd);
	fx.wfd = -1;
}

static void open_pipe_reader(enum cardreader_term term, int gap_ms)
{
	struct cardreader_evdev_cfg cfg = {.terminator = term,
					   .gap_ms = gap_ms};
	int p[2];

	assert_int_equal(pipe2(p, O_CLOEXEC), 0);
	fx.wfd = p[1];
	fx.r = cardreader_evdev_open_fd(p[0], &cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	assert_int_equal(cardreader_get_fd(fx.r), p[0]);
}

static size_t put_event(unsigned char *out, unsigned int type,
			unsigned int code, int value)
{
	struct input_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = (unsigned short)type;
	ev.code = (unsigned short)code;
	ev.value = value;
	memcpy(out, &ev, sizeof(ev));
	return sizeof(ev);
}

/* A key press and release, each followed by SYN_REPORT, as a keyboard does. */
static size_t put_key(unsigned char *out, unsigned int code)
{
	size_t n = 0;

	n += put_event(out + n, EV_KEY, code, 1);
	n += put_event(out + n, EV_SYN, SYN_REPORT, 0);
	n += put_event(out + n, EV_KEY, code, 0);
	n += put_event(out + n, EV_SYN, SYN_REPORT, 0);
	return n;
}

/* The key (and shift) that types @p c on a US keyboard. */
static unsigned int key_for(char c, bool *shift)
{
	static const char *const rows[] = {"1234567890", "qwertyuiop",
					   "asdfghjkl", "zxcvbnm"};
	static const unsigned int first[] = {KEY_1, KEY_Q, KEY_A, KEY_Z};
	static const char shifted_digits[] = "!@#$%^&*()";
	const char *hit;

	*shift = false;
	if (c == '\n')
		return KEY_ENTER;
	if (c == '\t')
		return KEY_TAB;
	if (c == ' ')
		return KEY_SPACE;
	if (c == '-')
		return KEY_MINUS;
	if (c == '<') {
		*shift = true;
		return KEY_COMMA;
	}
	hit = strchr(shifted_digits, c);
	if (c && hit) {
		*shift = true;
		return KEY_1 + (unsigned int)(hit - shifted_digits);
	}
	if (c >= 'A' && c <= 'Z') {
		*shift = true;
		c = (char)(c - 'A' + 'a');
	}
	for (size_t i = 0; i < 4; i++) {
		hit = c ? strchr(rows[i], c) : NULL;
		if (hit)
			return first[i] + (unsigned int)(hit - rows[i]);
	}
	fail_msg("no key for '%c'", c);
	return 0;
}

/* Encode @p text as key events; returns the byte count. */
static size_t encode(unsigned char *out, const char *text)
{
	size_t n = 0;

	for (; *text; text++) {
		bool shift;
		unsigned int code = key_for(*text, &shift);

		if (shift) {
			n += put_event(out + n, EV_KEY, KEY_LEFTSHIFT, 1);
			n += put_event(out + n, EV_SYN, SYN_REPORT, 0);
		}
		n += put_key(out + n, code);
		if (shift) {
			n += put_event(out + n, EV_KEY, KEY_LEFTSHIFT, 0);
			n += put_event(out + n, EV_SYN, SYN_REPORT, 0);
		}
	}
	return n;
}

static void type(const char *text)
{
	static unsigned char buf[1 << 16];
	size_t n = encode(buf, text);

	write_all(fx.wfd, buf, n);
}

static void expect_read(const char *want)
{
	char buf[BUF_LEN];
	int n = cardreader_read(fx.r, buf, sizeof(buf));

	assert_int_equal(n, (int)strlen(want));
	assert_string_equal(buf, want);
}

static void expect_nothing(void)
{
	char buf[BUF_LEN];

	assert_int_equal(cardreader_read(fx.r, buf, sizeof(buf)), 0);
}

static void expect_lost(int err)
{
	char buf[BUF_LEN];

	errno = 0;
	assert_int_equal(cardreader_read(fx.r, buf, sizeof(buf)), -1);
	assert_int_equal(errno, err);
}

static void test_evdev_letters_digits_enter(void **state)
{
	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	type("Ab1\n");
	expect_read("Ab1");
	expect_nothing();

	/* An NIK, a passport line with '<' and shifted digits. */
	type("3201015708900001\n");
	expect_read("3201015708900001");
	type("P<UTOERIKSSON<<ANNA\n");
	expect_read("P<UTOERIKSSON<<ANNA");
	type("!@# x-y\n");
	expect_read("!@# x-y");
	expect_nothing();
}

static void test_evdev_keypad_and_right_shift(void **state)
{
	unsigned char buf[4096];
	size_t n = 0;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	n += put_key(buf + n, KEY_KP4);
	n += put_key(buf + n, KEY_KP2);
	n += put_event(buf + n, EV_KEY, KEY_RIGHTSHIFT, 1);
	n += put_key(buf + n, KEY_Q);
	n += put_event(buf + n, EV_KEY, KEY_RIGHTSHIFT, 0);
	n += put_key(buf + n, KEY_Q);
	n += put_key(buf + n, KEY_KPENTER);
	write_all(fx.wfd, buf, n);
	expect_read("42Qq");
}

static void test_evdev_several_reads_in_one_write(void **state)
{
	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	type("1\n\n22\n333\n");
	/* A read waits inside the reader: poll must not sleep. */
	expect_read("1");
	assert_int_equal(cardreader_timeout_ms(fx.r), 0);
	expect_read("22");
	expect_read("333");
	expect_nothing();
	assert_int_equal(cardreader_timeout_ms(fx.r), -1);
}

static void test_evdev_tab_terminator(void **state)
{
	(void)state;
	open_pipe_reader(CARDREADER_TERM_TAB, 0);
	type("12\t34\t");
	expect_read("12");
	expect_read("34");
	/* Enter still ends a read. */
	type("56\n");
	expect_read("56");
	close_reader();

	/* With Enter as the terminator, Tab is a character. */
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	type("1\t2\n");
	expect_read("1\t2");
}

static void test_evdev_gap_flush(void **state)
{
	struct pollfd p;
	char buf[BUF_LEN];
	int n = 0, t;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 5);
	assert_int_equal(cardreader_timeout_ms(fx.r), -1);
	type("123"); /* a reader that sends no terminator */
	expect_nothing();
	t = cardreader_timeout_ms(fx.r);
	assert_true(t >= 0 && t <= 5);

	/* The caller's loop: poll with the timeout, tick, read. */
	for (int i = 0; i < 1000 && n == 0; i++) {
		p.fd = cardreader_get_fd(fx.r);
		p.events = POLLIN;
		poll(&p, 1, cardreader_timeout_ms(fx.r));
		cardreader_tick(fx.r);
		n = cardreader_read(fx.r, buf, sizeof(buf));
	}
	assert_int_equal(n, 3);
	assert_string_equal(buf, "123");
	assert_int_equal(cardreader_timeout_ms(fx.r), -1);
	type("45\n");
	expect_read("45");
}

static void test_evdev_no_gap_when_disabled(void **state)
{
	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, -1);
	type("123");
	expect_nothing();
	assert_int_equal(cardreader_timeout_ms(fx.r), -1);
	cardreader_tick(fx.r);
	expect_nothing();
	type("4\n");
	expect_read("1234");
}

static void test_evdev_syn_dropped(void **state)
{
	unsigned char buf[8192];
	size_t n = 0;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	/* "12", then the kernel overflows: what it still holds (X and Enter
	 * pressed) is drained, and the delta (X and Enter held) comes in sync
	 * mode.  The read is lost and said to be, once; the delta types
	 * nothing and its Enter does not end the lost read: "34" still
	 * belongs to it. */
	n += encode(buf + n, "12");
	n += put_event(buf + n, EV_SYN, SYN_DROPPED, 0);
	n += put_event(buf + n, EV_KEY, KEY_X, 1);
	n += put_event(buf + n, EV_KEY, KEY_ENTER, 1);
	n += put_event(buf + n, EV_SYN, SYN_REPORT, 0);
	write_all(fx.wfd, buf, n);
	expect_lost(EBADMSG);
	expect_nothing();
	assert_int_equal(fk.sync_taken, 3); /* X, Enter, SYN_REPORT */
	n = put_event(buf, EV_KEY, KEY_X, 0);
	n += put_event(buf + n, EV_KEY, KEY_ENTER, 0);
	n += encode(buf + n, "34\nab\n");
	write_all(fx.wfd, buf, n);
	expect_read("ab");
	expect_nothing();

	/* Shift held when events drop, its release lost in the drain: the
	 * resynchronised state has it up again, so lower case follows. */
	n = put_event(buf, EV_KEY, KEY_LEFTSHIFT, 1);
	n += put_event(buf + n, EV_SYN, SYN_REPORT, 0);
	n += put_event(buf + n, EV_SYN, SYN_DROPPED, 0);
	n += put_event(buf + n, EV_KEY, KEY_LEFTSHIFT, 0);
	n += put_event(buf + n, EV_SYN, SYN_REPORT, 0);
	write_all(fx.wfd, buf, n);
	expect_lost(EBADMSG);
	type("\nab\n");
	expect_read("ab");

	/* And the other way: shift pressed inside the drop comes back from
	 * the resync, so a bare "a" is upper case. */
	n = put_event(buf, EV_SYN, SYN_DROPPED, 0);
	n += put_event(buf + n, EV_KEY, KEY_RIGHTSHIFT, 1);
	n += put_event(buf + n, EV_SYN, SYN_REPORT, 0);
	write_all(fx.wfd, buf, n);
	expect_lost(EBADMSG);
	n = encode(buf, "\n");
	n += put_key(buf + n, KEY_A);
	n += put_key(buf + n, KEY_ENTER);
	write_all(fx.wfd, buf, n);
	expect_read("A");
	expect_nothing();
	/* Every delta was taken in sync mode, none left to libevdev. */
	assert_int_equal(fk.sync_ignored, 0);
	assert_int_equal(fk.sync_taken, 3 + 2 + 2);
}

static void test_evdev_garbage_ignored(void **state)
{
	unsigned char buf[4096];
	size_t n = 0;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	n += encode(buf + n, "7");
	n += put_event(buf + n, EV_KEY, 0, 1);
	n += put_event(buf + n, EV_KEY, KEY_MAX, 1);
	n += put_event(buf + n, 0xffff, 0xffff, 1);
	n += put_event(buf + n, EV_KEY, 0xffff, 1);
	n += put_event(buf + n, EV_KEY, KEY_F1, 1);
	n += put_event(buf + n, EV_KEY, KEY_LEFTCTRL, 1);
	n += put_event(buf + n, EV_KEY, KEY_BACKSPACE, 1);
	n += put_event(buf + n, EV_MSC, MSC_SCAN, 0x70024);
	n += put_event(buf + n, EV_REL, REL_X, 5);
	n += put_event(buf + n, EV_KEY, KEY_8, 2); /* autorepeat */
	n += encode(buf + n, "8\n");
	write_all(fx.wfd, buf, n);
	expect_read("78");
	expect_nothing();
}

static void test_evdev_flood_is_bounded(void **state)
{
	static unsigned char buf[10000 * 4 * sizeof(struct input_event)];
	char out[BUF_LEN];
	size_t n = 0, off = 0;
	int lost = 0, got = 0, r;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, -1);
	for (int i = 0; i < 10000; i++)
		n += put_key(buf + n, KEY_1 + (unsigned int)(i % 10));
	fcntl(fx.wfd, F_SETFL, O_NONBLOCK);

	/* Feed the pipe as fast as the reader empties it. */
	while (off < n) {
		ssize_t w = write(fx.wfd, buf + off, n - off);

		if (w > 0)
			off += (size_t)w;
		while ((r = cardreader_read(fx.r, out, sizeof(out))) != 0) {
			if (r < 0 && errno == EMSGSIZE)
				lost++;
			else
				got++;
		}
	}
	assert_int_equal(lost, 1);
	assert_int_equal(got, 0);
	/* Its Enter ends the lost read; the next one is fine. */
	type("\n99\n");
	expect_read("99");
	expect_nothing();
}

static void test_evdev_longest_read(void **state)
{
	static char text[CARDREADER_READ_MAX + 3];

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	memset(text, '5', CARDREADER_READ_MAX);
	text[CARDREADER_READ_MAX] = '\n';
	type(text);
	text[CARDREADER_READ_MAX] = '\0';
	expect_read(text);

	/* One more character and the read is lost, and said to be. */
	memset(text, '6', CARDREADER_READ_MAX + 1);
	text[CARDREADER_READ_MAX + 1] = '\n';
	type(text);
	expect_lost(EMSGSIZE);
	expect_nothing();
	type("7\n");
	expect_read("7");
}

static void test_evdev_short_reads(void **state)
{
	unsigned char buf[4096];
	size_t n;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	n = encode(buf, "Xy9");
	/* One byte at a time: records arrive split at every offset. */
	for (size_t i = 0; i < n; i++) {
		write_all(fx.wfd, buf + i, 1);
		expect_nothing();
	}
	n = encode(buf, "\n");
	write_all(fx.wfd, buf, sizeof(struct input_event) - 1);
	expect_nothing();
	write_all(fx.wfd, buf + sizeof(struct input_event) - 1,
		  n - sizeof(struct input_event) + 1);
	expect_read("Xy9");

	/* Split in the middle of a record, across two reads. */
	n = encode(buf, "ok\n");
	write_all(fx.wfd, buf, sizeof(struct input_event) * 5 + 7);
	expect_nothing();
	write_all(fx.wfd, buf + sizeof(struct input_event) * 5 + 7,
		  n - sizeof(struct input_event) * 5 - 7);
	expect_read("ok");
}

static void test_evdev_small_buffer(void **state)
{
	char small[4];

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	type("1234\n5\n");
	errno = 0;
	assert_int_equal(cardreader_read(fx.r, small, sizeof(small)), -1);
	assert_int_equal(errno, ENOBUFS);
	assert_int_equal(cardreader_read(fx.r, small, sizeof(small)), 1);
	assert_string_equal(small, "5");
}

static void test_evdev_end_of_file(void **state)
{
	char text[200];

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	type("12"); /* a partial read, then the device goes */
	close(fx.wfd);
	fx.wfd = -1;
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	assert_int_equal(cardreader_get_fd(fx.r), -1);
	assert_int_equal(cardreader_timeout_ms(fx.r), -1);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_non_null(strstr(text, "disconnected"));
	cardreader_tick(fx.r);
	expect_nothing();
}

static void test_evdev_bad_args(void **state)
{
	struct cardreader_evdev_cfg cfg = {0};
	char text[200];

	(void)state;
	errno = 0;
	assert_null(cardreader_evdev_open(&cfg));
	assert_int_equal(errno, EINVAL);
	assert_null(cardreader_evdev_open(NULL));
	errno = 0;
	assert_null(cardreader_evdev_open_fd(-1, NULL));
	assert_int_equal(errno, EBADF);

	/* A device that is not there: a reader waiting for it. */
	cfg.path = "/nonexistent/by-id/usb-none-event-kbd";
	fx.r = cardreader_evdev_open(&cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_string_equal(text, "card reader not found (/nonexistent/by-id/"
				  "usb-none-event-kbd): waiting for it to be "
				  "plugged in");
	assert_true(cardreader_timeout_ms(fx.r) >= 0);
	cardreader_tick(fx.r);
	expect_nothing();
	errno = 0;
	assert_int_equal(cardreader_sim_swipe(fx.r, "1"), -1);
	assert_int_equal(errno, EINVAL);
	close_reader();

	/* A path that is not an input device: opened, grab refused. */
	cfg.path = "/dev/null";
	fx.r = cardreader_evdev_open(&cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_NO_ACCESS);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_non_null(strstr(text, "cannot be opened (/dev/null"));
}

/* ---- finding the reader and hotplug, through the fake udev ------------------ */

static void open_by_id(void)
{
	struct cardreader_evdev_cfg cfg = {.vendor = TEST_VENDOR,
					   .product = TEST_PRODUCT};

	fx.r = cardreader_evdev_open(&cfg);
	assert_non_null(fx.r);
}

static void type_on(struct fake_input *in, const char *text)
{
	static unsigned char buf[1 << 14];

	write_all(in->wfd, buf, encode(buf, text));
}

/* The reader's fd is readable now (a uevent, or input). */
static void assert_fd_ready(void)
{
	struct pollfd p = {.fd = cardreader_get_fd(fx.r), .events = POLLIN};

	assert_true(p.fd >= 0);
	assert_int_equal(poll(&p, 1, 0), 1);
}

/* The kiosk's loop until the state is @p want or 3 s pass. */
static void spin_until(enum cardreader_state want)
{
	char buf[BUF_LEN];

	for (int i = 0; i < 300 && cardreader_get_state(fx.r) != want; i++) {
		struct pollfd p = {.fd = cardreader_get_fd(fx.r),
				   .events = POLLIN};
		int t = cardreader_timeout_ms(fx.r);

		poll(&p, 1, t < 0 || t > 10 ? 10 : t);
		cardreader_tick(fx.r);
		assert_int_equal(cardreader_read(fx.r, buf, sizeof(buf)), 0);
	}
	assert_int_equal(cardreader_get_state(fx.r), want);
}

static void expect_text(const char *want)
{
	char text[300];

	cardreader_state_text(fx.r, text, sizeof(text));
	assert_string_equal(text, want);
}

static void test_udev_match_lowest_with_keys(void **state)
{
	char want[300];
	struct fake_input *in9;

	(void)state;
	plug(3, 0x046d, 0xc31c); /* somebody's keyboard */
	plug(7, TEST_VENDOR, TEST_PRODUCT)->keys = false; /* its mouse side */
	plug(10, TEST_VENDOR, TEST_PRODUCT);
	in9 = plug(9, TEST_VENDOR, TEST_PRODUCT);
	open_by_id();
	/* event9, not event10 (which a string sort puts first), not event7
	 * (no digit keys), not event3 (another id). */
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	snprintf(want, sizeof(want),
		 "card reader ready: \"fake reader 9\" on %s (USB id "
		 "1209:7070)",
		 in9->node);
	expect_text(want);
	type_on(in9, "Ab1\n");
	expect_read("Ab1");
	expect_nothing();
	unplug(&fk.inputs[0]);
	unplug(&fk.inputs[1]);
	unplug(&fk.inputs[2]);
	unplug(in9);
	close_reader();

	/* Nothing that matches: waiting, polling the monitor. */
	open_by_id();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	assert_int_equal(cardreader_get_fd(fx.r), fk.mon[0]);
	expect_text("card reader not found (USB id 1209:7070): waiting for it "
		    "to be plugged in");
}

static void test_udev_unplug_replug(void **state)
{
	struct fake_input *in;
	char want[300];
	int dev_fd;

	(void)state;
	in = plug(9, TEST_VENDOR, TEST_PRODUCT);
	open_by_id();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	dev_fd = cardreader_get_fd(fx.r);
	assert_true(dev_fd != fk.mon[0]);
	/* While connected, uevents wait unread (only the device is polled). */
	uevent("add", 3);

	/* Unplugged halfway through a read: ENODEV is a state. */
	type_on(in, "12");
	expect_nothing();
	unplug(in);
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	assert_int_equal(cardreader_get_fd(fx.r), fk.mon[0]);
	assert_int_equal(fk.n_uevents, 0); /* the stale one was dropped */
	assert_int_equal(fk.live_evdevs, 0);
	expect_text("card reader disconnected (USB id 1209:7070): waiting for "
		    "it to return");
	assert_true(cardreader_timeout_ms(fx.r) >= 0); /* the safety net */

	/* A uevent that is not an arrival changes nothing. */
	uevent("remove", 9);
	assert_fd_ready();
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);

	/* Plugged back in (another node number): udev's "add" wakes the
	 * loop and the reader opens it at once, not on the retry timer. */
	in = plug(11, TEST_VENDOR, TEST_PRODUCT);
	uevent("add", 11);
	assert_fd_ready();
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	snprintf(want, sizeof(want),
		 "card reader ready: \"fake reader 11\" on %s (USB id "
		 "1209:7070)",
		 in->node);
	expect_text(want);
	/* The half read before the unplug is gone. */
	type_on(in, "3\n");
	expect_read("3");

	/* Again, found by the retry timer alone (a uevent lost). */
	unplug(in);
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	in = plug(12, TEST_VENDOR, TEST_PRODUCT);
	spin_until(CARDREADER_CONNECTED);
	type_on(in, "4\n");
	expect_read("4");
}

static void test_udev_waits_for_rules(void **state)
{
	struct fake_input *in;

	(void)state;
	/* udevd runs and has not finished the new node: it is not opened
	 * yet (its permissions may still be root-only), not NO_ACCESS. */
	fk.udevd_active = true;
	in = plug(9, TEST_VENDOR, TEST_PRODUCT);
	in->initialized = false;
	open_by_id();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	cardreader_tick(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	/* Its rules ran: udevd says so with "add". */
	in->initialized = true;
	uevent("add", 9);
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	close_reader();

	/* Without udevd nothing is ever "initialized": take it anyway. */
	fk.udevd_active = false;
	in->initialized = false;
	open_by_id();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
}

static void test_udev_busy_then_change(void **state)
{
	struct fake_input *in;
	char want[300];

	(void)state;
	in = plug(9, TEST_VENDOR, TEST_PRODUCT);
	in->busy = true;
	open_by_id();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_NO_ACCESS);
	snprintf(want, sizeof(want),
		 "card reader in use by another program (%s is grabbed): "
		 "retrying",
		 in->node);
	expect_text(want);
	assert_int_equal(fk.live_evdevs, 0);
	assert_int_equal(cardreader_get_fd(fx.r), fk.mon[0]);
	/* Released; a "change" (e.g. `udevadm trigger`) retries at once. */
	in->busy = false;
	uevent("change", 9);
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
}

static void test_udev_path(void **state)
{
	struct cardreader_evdev_cfg cfg = {0};
	char path[128], want[300];
	struct fake_input *in;

	(void)state;
	snprintf(path, sizeof(path), "%s/usb-Fake_Reader-event-kbd", fk.dir);
	cfg.path = path;
	fx.r = cardreader_evdev_open(&cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	snprintf(want, sizeof(want),
		 "card reader not found (%s): waiting for it to be plugged in",
		 path);
	expect_text(want);

	in = plug_at(4, 0, 0, path);
	uevent("add", 4);
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	snprintf(want, sizeof(want),
		 "card reader ready: \"fake reader 4\" on %s", path);
	expect_text(want);
	type_on(in, "P<UTO\n");
	expect_read("P<UTO");

	unplug(in);
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	snprintf(want, sizeof(want),
		 "card reader disconnected (%s): waiting for it to return",
		 path);
	expect_text(want);
	in = plug_at(5, 0, 0, path);
	uevent("add", 5);
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	type_on(in, "5\n");
	expect_read("5");
}

static void test_udev_unusable(void **state)
{
	struct cardreader_evdev_cfg cfg = {0};
	char path[128];
	struct fake_input *in;

	(void)state;
	/* No monitor: the retry timer alone finds the device. */
	fk.monitor_broken = true;
	snprintf(path, sizeof(path), "%s/cardreader", fk.dir);
	cfg.path = path;
	fx.r = cardreader_evdev_open(&cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_fd(fx.r), -1);
	assert_true(cardreader_timeout_ms(fx.r) >= 0);
	in = plug_at(4, 0, 0, path);
	spin_until(CARDREADER_CONNECTED);
	type_on(in, "6\n");
	expect_read("6");
	unplug(in);
	close_reader();

	/* No udev at all: a path still works, a USB id cannot be searched. */
	fk.udev_broken = true;
	in = plug_at(4, 0, 0, path);
	fx.r = cardreader_evdev_open(&cfg);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	close_reader();
	open_by_id();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_NO_ACCESS);
	expect_text("card reader cannot be searched for (USB id 1209:7070): "
		    "udev is not usable; set a device path");
}

#else  /* !HAVE_LIBEVDEV */

static int setup(void **state)
{
	(void)state;
	memset(&fx, 0, sizeof(fx));
	fx.wfd = -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return 0;
}

static void test_built_without_libevdev(void **state)
{
	struct cardreader_evdev_cfg cfg = {.vendor = TEST_VENDOR};
	int p[2];

	(void)state;
	errno = 0;
	assert_null(cardreader_evdev_open(&cfg));
	assert_int_equal(errno, ENOSYS);
	/* The fd is still taken over (closed). */
	assert_int_equal(pipe2(p, O_CLOEXEC), 0);
	assert_null(cardreader_evdev_open_fd(p[0], NULL));
	assert_int_equal(errno, ENOSYS);
	assert_int_equal(fcntl(p[0], F_GETFD), -1);
	close(p[1]);
}
#endif /* HAVE_LIBEVDEV */

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#ifdef HAVE_LIBEVDEV
	    T(test_evdev_letters_digits_enter),
	    T(test_evdev_keypad_and_right_shift),
	    T(test_evdev_several_reads_in_one_write),
	    T(test_evdev_tab_terminator),
	    T(test_evdev_gap_flush),
	    T(test_evdev_no_gap_when_disabled),
	    T(test_evdev_syn_dropped),
	    T(test_evdev_garbage_ignored),
	    T(test_evdev_flood_is_bounded),
	    T(test_evdev_longest_read),
	    T(test_evdev_short_reads),
	    T(test_evdev_small_buffer),
	    T(test_evdev_end_of_file),
	    T(test_evdev_bad_args),
	    T(test_udev_match_lowest_with_keys),
	    T(test_udev_unplug_replug),
	    T(test_udev_waits_for_rules),
	    T(test_udev_busy_then_change),
	    T(test_udev_path),
	    T(test_udev_unusable),
#else
	    T(test_built_without_libevdev),
#endif
#undef T
	};

	log_set_level(LOG_LEVEL_DEBUG);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
