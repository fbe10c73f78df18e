// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Card reader backend for USB "keyboard wedge" readers through evdev.  libudev
 * finds the device (by its path, or by USB vendor:product) and reports its
 * return after an unplug; libevdev reads and grabs it, keeps the key state
 * and resynchronises it after SYN_DROPPED.  Keys become text with a US
 * layout.  Every libudev and libevdev call of the project is in this file.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libevdev/libevdev.h>
#include <libudev.h>

#include "cardreader.h"
#include "cardreader_internal.h"
#include "log.h"

#define RETRY_FIRST_MS	 100  /* first retry after a failed open */
#define RETRY_MAX_MS	 5000 /* slowest retry (udev normally wakes us) */
#define EVENTS_PER_PUMP	 256  /* input events taken per pump call */
#define UEVENTS_PER_PUMP 64   /* udev events taken per pump call */
#define MAX_CANDIDATES	 16   /* matching event devices tried per scan */

struct evdev_reader {
	struct cardreader base;		 /* must be first */
	char path[256];			 /* configured path, "" = match by id */
	uint16_t vendor;		 /* USB id to match when path is "" */
	uint16_t product;		 /* USB id to match when path is "" */
	enum cardreader_term terminator; /* key that ends a read */
	bool fixed_fd;			 /* made by open_fd: never reopened */
	int fd;				 /* the device, -1 while none; owned */
	struct libevdev *dev; /* reads fd, NULL while none; libevdev_free() */
	struct udev *udev;    /* NULL if udev is unusable; udev_unref() */
	struct udev_monitor *mon;    /* input uevents, or NULL; owned */
	int mon_fd;		     /* its fd (borrowed from mon), or -1 */
	enum cardreader_state state; /* see cardreader.h */
	bool ever_connected; /* "disconnected" rather than "not found" */
	int last_err;	     /* errno of the last failed open */
	char node[256];	     /* the /dev/input/eventN in use or tried */
	char name[80];	     /* the device's name */
	bool syncing; /* after SYN_DROPPED: taking libevdev's state delta */
	struct cardreader_retry retry; /* reopen timer */
};

/* US layout: [unshifted, shifted] per key code; 0 = not a character. */
static const char keymap[KEY_KPDOT + 1][2] = {
    [KEY_1] = {'1', '!'},	   [KEY_2] = {'2', '@'},
    [KEY_3] = {'3', '#'},	   [KEY_4] = {'4', '$'},
    [KEY_5] = {'5', '%'},	   [KEY_6] = {'6', '^'},
    [KEY_7] = {'7', '&'},	   [KEY_8] = {'8', '*'},
    [KEY_9] = {'9', '('},	   [KEY_0] = {'0', ')'},
    [KEY_MINUS] = {'-', '_'},	   [KEY_EQUAL] = {'=', '+'},
    [KEY_TAB] = {'\t', '\t'},	   [KEY_Q] = {'q', 'Q'},
    [KEY_W] = {'w', 'W'},	   [KEY_E] = {'e', 'E'},
    [KEY_R] = {'r', 'R'},	   [KEY_T] = {'t', 'T'},
    [KEY_Y] = {'y', 'Y'},	   [KEY_U] = {'u', 'U'},
    [KEY_I] = {'i', 'I'},	   [KEY_O] = {'o', 'O'},
    [KEY_P] = {'p', 'P'},	   [KEY_LEFTBRACE] = {'[', '{'},
    [KEY_RIGHTBRACE] = {']', '}'}, [KEY_A] = {'a', 'A'},
    [KEY_S] = {'s', 'S'},	   [KEY_D] = {'d', 'D'},
    [KEY_F] = {'f', 'F'},	   [KEY_G] = {'g', 'G'},
    [KEY_H] = {'h', 'H'},	   [KEY_J] = {'j', 'J'},
    [KEY_K] = {'k', 'K'},	   [KEY_L] = {'l', 'L'},
    [KEY_SEMICOLON] = {';', ':'},  [KEY_APOSTROPHE] = {'\'', '"'},
    [KEY_GRAVE] = {'`', '~'},	   [KEY_BACKSLASH] = {'\\', '|'},
    [KEY_Z] = {'z', 'Z'},	   [KEY_X] = {'x', 'X'},
    [KEY_C] = {'c', 'C'},	   [KEY_V] = {'v', 'V'},
    [KEY_B] = {'b', 'B'},	   [KEY_N] = {'n', 'N'},
    [KEY_M] = {'m', 'M'},	   [KEY_COMMA] = {',', '<'},
    [KEY_DOT] = {'.', '>'},	   [KEY_SLASH] = {'/', '?'},
    [KEY_KPASTERISK] = {'*', '*'}, [KEY_SPACE] = {' ', ' '},
    [KEY_KP7] = {'7', '7'},	   [KEY_KP8] = {'8', '8'},
    [KEY_KP9] = {'9', '9'},	   [KEY_KPMINUS] = {'-', '-'},
    [KEY_KP4] = {'4', '4'},	   [KEY_KP5] = {'5', '5'},
    [KEY_KP6] = {'6', '6'},	   [KEY_KPPLUS] = {'+', '+'},
    [KEY_KP1] = {'1', '1'},	   [KEY_KP2] = {'2', '2'},
    [KEY_KP3] = {'3', '3'},	   [KEY_KP0] = {'0', '0'},
    [KEY_KPDOT] = {'.', '.'},
};

static struct evdev_reader *to_evdev(const struct cardreader *r)
{
	return (struct evdev_reader *)r;
}

/* Where the device is, for messages. */
static void describe(const struct evdev_reader *e, char *buf, size_t len)
{
	if (e->path[0])
		snprintf(buf, len, "%s", e->path);
	else if (e->fixed_fd)
		snprintf(buf, len, "fd");
	else
		snprintf(buf, len, "USB id %04x:%04x", e->vendor, e->product);
}

/* "card reader ready: "NAME" on /dev/input/event5 (USB id 1209:7070)" */
static void connected_text(const struct evdev_reader *e, char *buf, size_t len)
{
	if (e->fixed_fd)
		snprintf(buf, len, "card reader ready (fd)");
	else if (e->path[0])
		snprintf(buf, len, "card reader ready: \"%s\" on %s", e->name,
			 e->path);
	else
		snprintf(buf, len,
			 "card reader ready: \"%s\" on %s (USB id "
			 "%04x:%04x)",
			 e->name, e->node, e->vendor, e->product);
}

static bool shift_held(struct evdev_reader *e)
{
	return libevdev_get_event_value(e->dev, EV_KEY, KEY_LEFTSHIFT) > 0 ||
	       libevdev_get_event_value(e->dev, EV_KEY, KEY_RIGHTSHIFT) > 0;
}

static void key_press(struct evdev_reader *e, unsigned int code, int64_t now)
{
	struct cardreader *r = &e->base;

	if (code == KEY_ENTER || code == KEY_KPENTER ||
	    (code == KEY_TAB && e->terminator == CARDREADER_TERM_TAB)) {
		cardreader_end(r);
		return;
	}
	if (code < sizeof(keymap) / sizeof(keymap[0]) && keymap[code][0]) {
		cardreader_put(r, keymap[code][shift_held(e) ? 1 : 0], now);
		return;
	}
	log_debug("card reader: key code %u ignored", code);
}

/*
 * One event in normal mode.  libevdev has already applied it to its key
 * state, which is where shift comes from.  Presses only: releases carry
 * nothing, autorepeat (2) would duplicate characters.
 */
static void handle_event(struct evdev_reader *e, const struct input_event *ev,
			 int64_t now)
{
	if (ev->type == EV_KEY && ev->value == 1)
		key_press(e, ev->code, now);
}

static void lost(struct evdev_reader *e, int err, int64_t now);

/*
 * Take events from libevdev until a read is complete, it has nothing more,
 * or EVENTS_PER_PUMP.  After SYN_DROPPED the read in progress is lost; the
 * state delta libevdev then hands out (LIBEVDEV_READ_FLAG_SYNC, until
 * -EAGAIN) only updates the key state, it types nothing.
 */
static bool take_events(struct evdev_reader *e, int64_t now)
{
	struct cardreader *r = &e->base;
	struct input_event ev;
	int n, rc = 0;

	for (n = 0; n < EVENTS_PER_PUMP && !cardreader_busy(r); n++) {
		rc = libevdev_next_event(e->dev,
					 e->syncing ? LIBEVDEV_READ_FLAG_SYNC
						    : LIBEVDEV_READ_FLAG_NORMAL,
					 &ev);
		if (rc == LIBEVDEV_READ_STATUS_SYNC) {
			if (!e->syncing) {
				log_warn("card reader: input events dropped "
					 "by the kernel; the current read is "
					 "discarded");
				cardreader_spoil(r, EBADMSG, now);
				e->syncing = true;
			}
		} else if (rc == -EAGAIN && e->syncing) {
			e->syncing = false; /* delta done, back to normal */
			rc = 0;
		} else if (rc == LIBEVDEV_READ_STATUS_SUCCESS) {
			handle_event(e, &ev, now);
		} else {
			break;
		}
	}
	if (rc == -EAGAIN || rc == -EINTR) {
		r->raw_pending = false;
		return false;
	}
	if (rc < 0) {
		lost(e, -rc, now);
		return false;
	}
	/* Stopped with events perhaps queued inside libevdev, where poll()
	 * cannot see them: the caller's loop must come back at once. */
	r->raw_pending = true;
	return n > 0;
}

/* true if udevd runs, so devices it has not set up yet must wait for it. */
static bool udevd_running(struct udev *udev)
{
	struct udev_queue *q = udev_queue_new(udev);
	bool active = q && udev_queue_get_udev_is_active(q) > 0;

	udev_queue_unref(q);
	return active;
}

static bool attr_hex(struct udev_device *d, const char *attr, uint16_t want)
{
	const char *s = udev_device_get_sysattr_value(d, attr);
	unsigned long v;
	char *end;

	if (!s)
		return false;
	errno = 0;
	v = strtoul(s, &end, 16);
	return !errno && end != s && (*end == '\0' || *end == '\n') &&
	       v == want;
}

struct candidate {
	long num;      /* N of eventN */
	char node[64]; /* /dev/input/eventN */
};

/*
 * The event devices with the configured USB id, lowest N first.  The ids
 * are attributes of the parent input device (sysfs: no permission needed).
 * While udevd runs, a device it has not finished (permissions, links) is
 * left for its "add" event, so a fresh node is never opened too early.
 */
static size_t find_by_id(struct evdev_reader *e, struct candidate *out,
			 size_t max, int *err)
{
	struct udev_enumerate *en = udev_enumerate_new(e->udev);
	struct udev_list_entry *it;
	bool udevd = udevd_running(e->udev);
	size_t n = 0;

	if (!en) {
		*err = errno ? errno : ENOMEM;
		return 0;
	}
	if (udev_enumerate_add_match_subsystem(en, "input") < 0 ||
	    udev_enumerate_add_match_sysname(en, "event*") < 0 ||
	    udev_enumerate_scan_devices(en) < 0) {
		*err = errno ? errno : EIO;
		goto out;
	}
	for (it = udev_enumerate_get_list_entry(en); it;
	     it = udev_list_entry_get_next(it)) {
		struct udev_device *d = udev_device_new_from_syspath(
		    e->udev, udev_list_entry_get_name(it));
		struct udev_device *parent;
		const char *node, *num;
		size_t i;

		if (!d)
			continue;
		parent = udev_device_get_parent(d); /* borrowed */
		node = udev_device_get_devnode(d);
		num = udev_device_get_sysnum(d);
		if (parent && node && num && n < max &&
		    strlen(node) < sizeof(out->node) &&
		    attr_hex(parent, "id/vendor", e->vendor) &&
		    attr_hex(parent, "id/product", e->product)) {
			if (udevd && !udev_device_get_is_initialized(d)) {
				log_debug("card reader: %s not set up by udev "
					  "yet",
					  node);
			} else {
				/* Insert in order of N. */
				for (i = n; i > 0 && out[i - 1].num > atol(num);
				     i--)
					out[i] = out[i - 1];
				out[i].num = atol(num);
				snprintf(out[i].node, sizeof(out[i].node), "%s",
					 node);
				n++;
			}
		}
		udev_device_unref(d);
	}
out:
	udev_enumerate_unref(en);
	return n;
}

/*
 * Open @p node and put libevdev on it; with @p need_keys, refuse a device
 * without digit keys (a reader's mouse or consumer-control interface).
 * @return The fd (and *devp), or -1 with *err.
 */
static int open_node(const char *node, bool need_keys, struct libevdev **devp,
		     int *err)
{
	int fd = open(node, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	int rc;

	if (fd < 0) {
		*err = errno;
		return -1;
	}
	rc = libevdev_new_from_fd(fd, devp);
	if (rc < 0) {
		*err = -rc;
		goto err_close_fd;
	}
	if (need_keys && !libevdev_has_event_code(*devp, EV_KEY, KEY_1) &&
	    !libevdev_has_event_code(*devp, EV_KEY, KEY_KP1)) {
		*err = ENOENT;
		goto err_free_dev;
	}
	/* Its keys reach neither the console nor SDL. */
	rc = libevdev_grab(*devp, LIBEVDEV_GRAB);
	if (rc < 0) {
		*err = -rc;
		goto err_free_dev;
	}
	return fd;

err_free_dev:
	libevdev_free(*devp);
	*devp = NULL;
err_close_fd:
	close(fd);
	return -1;
}

/* The configured device, or the first candidate that opens. */
static int open_device(struct evdev_reader *e, struct libevdev **devp, int *err)
{
	struct candidate c[MAX_CANDIDATES];
	size_t n;
	int fd = -1;

	*err = ENOENT;
	if (e->path[0]) {
		snprintf(e->node, sizeof(e->node), "%s", e->path);
		return open_node(e->path, false, devp, err);
	}
	if (!e->udev) {
		*err = ENOSYS;
		return -1;
	}
	n = find_by_id(e, c, MAX_CANDIDATES, err);
	for (size_t i = 0; i < n && fd < 0; i++) {
		snprintf(e->node, sizeof(e->node), "%s", c[i].node);
		fd = open_node(c[i].node, true, devp, err);
	}
	return fd;
}

/* Try to open and grab the device; on failure schedule the next try. */
static void try_open(struct evdev_reader *e, int64_t now)
{
	enum cardreader_state state;
	struct libevdev *dev = NULL;
	char where[400];
	int fd, err;

	fd = open_device(e, &dev, &err);
	describe(e, where, sizeof(where));
	if (fd < 0) {
		state = err == ENOENT || err == ENODEV || err == ENXIO
			    ? CARDREADER_DISCONNECTED
			    : CARDREADER_NO_ACCESS;
		if (state != e->state || err != e->last_err) {
			if (err == ENOSYS)
				log_warn("card reader %s: cannot be searched "
					 "for without udev; set a device path",
					 where);
			else if (state == CARDREADER_NO_ACCESS)
				log_warn("card reader %s: cannot use %s: %s; "
					 "retrying",
					 where, e->node, strerror(err));
			else
				log_debug("card reader %s: not there yet",
					  where);
		}
		e->state = state;
		e->last_err = err;
		cardreader_retry_failed(&e->retry, now);
		return;
	}

	e->fd = fd;
	e->dev = dev;
	snprintf(e->name, sizeof(e->name), "%s",
		 libevdev_get_name(dev) ? libevdev_get_name(dev) : "");
	e->syncing = false;
	e->state = CARDREADER_CONNECTED;
	e->ever_connected = true;
	e->last_err = 0;
	cardreader_retry_stop(&e->retry);
	connected_text(e, where, sizeof(where));
	log_info("%s", where);
}

/*
 * Take the uevents waiting on the monitor.
 * @return true if one may be the reader arriving or becoming usable (an
 *         event device added, or changed: e.g. a rule fixed its permissions).
 */
static bool take_uevents(struct evdev_reader *e)
{
	bool relevant = false;

	for (int i = 0; i < UEVENTS_PER_PUMP; i++) {
		struct udev_device *d = udev_monitor_receive_device(e->mon);
		const char *action, *sysname;

		if (!d)
			break;
		action = udev_device_get_action(d);
		sysname = udev_device_get_sysname(d);
		if (action && sysname && strncmp(sysname, "event", 5) == 0 &&
		    (strcmp(action, "add") == 0 ||
		     strcmp(action, "change") == 0))
			relevant = true;
		udev_device_unref(d);
	}
	return relevant;
}

/* The device went away (unplug: ENODEV) or the fd failed. */
static void lost(struct evdev_reader *e, int err, int64_t now)
{
	char where[400];

	describe(e, where, sizeof(where));
	log_warn("card reader %s unplugged (%s)", where, strerror(err));
	cardreader_reset_input(&e->base);
	libevdev_free(e->dev);
	e->dev = NULL;
	close(e->fd); /* also releases the grab */
	e->fd = -1;
	e->syncing = false;
	e->state = CARDREADER_DISCONNECTED;
	e->last_err = err;
	if (e->fixed_fd)
		return;
	/* What queued while connected is stale; the timer covers a quick
	 * return. */
	if (e->mon)
		take_uevents(e);
	cardreader_retry_restart(&e->retry);
	cardreader_retry_failed(&e->retry, now);
}

static bool evdev_pump(struct cardreader *r, int64_t now)
{
	struct evdev_reader *e = to_evdev(r);

	if (e->dev)
		return take_events(e, now);
	if (!e->mon || e->fixed_fd)
		return false;
	if (take_uevents(e)) {
		cardreader_retry_restart(&e->retry);
		try_open(e, now);
	}
	/* A fresh device is read on the next call. */
	return e->dev != NULL;
}

static int evdev_get_fd(const struct cardreader *r)
{
	const struct evdev_reader *e = to_evdev(r);

	if (e->fd >= 0)
		return e->fd;
	return e->fixed_fd ? -1 : e->mon_fd;
}

static int64_t evdev_deadline(const struct cardreader *r)
{
	const struct evdev_reader *e = to_evdev(r);

	return e->fd >= 0 || e->fixed_fd ? CARDREADER_NEVER : e->retry.next;
}

static void evdev_tick(struct cardreader *r, int64_t now)
{
	struct evdev_reader *e = to_evdev(r);

	if (e->fd < 0 && !e->fixed_fd)
		try_open(e, now);
}

static enum cardreader_state evdev_get_state(const struct cardreader *r)
{
	return to_evdev(r)->state;
}

static void evdev_state_text(const struct cardreader *r, char *buf, size_t len)
{
	const struct evdev_reader *e = to_evdev(r);
	char where[400];

	describe(e, where, sizeof(where));
	switch (e->state) {
	case CARDREADER_CONNECTED:
		connected_text(e, buf, len);
		break;
	case CARDREADER_DISCONNECTED:
		if (e->fixed_fd)
			snprintf(buf, len, "card reader disconnected (%s)",
				 where);
		else if (e->ever_connected)
			snprintf(buf, len,
				 "card reader disconnected (%s): waiting for "
				 "it to return",
				 where);
		else
			snprintf(buf, len,
				 "card reader not found (%s): waiting for it "
				 "to be plugged in",
				 where);
		break;
	case CARDREADER_NO_ACCESS:
		if (e->last_err == EACCES || e->last_err == EPERM)
			snprintf(buf, len,
				 "card reader found but not readable (%s: %s): "
				 "check the udev rule or the input group; "
				 "retrying",
				 e->node, strerror(e->last_err));
		else if (e->last_err == EBUSY)
			snprintf(buf, len,
				 "card reader in use by another program (%s "
				 "is grabbed): retrying",
				 e->node);
		else if (e->last_err == ENOSYS)
			snprintf(buf, len,
				 "card reader cannot be searched for (%s): "
				 "udev is not usable; set a device path",
				 where);
		else
			snprintf(buf, len,
				 "card reader cannot be opened (%s: %s): "
				 "retrying",
				 e->node, strerror(e->last_err));
		break;
	}
}

static void evdev_destroy(struct cardreader *r)
{
	struct evdev_reader *e = to_evdev(r);

	libevdev_free(e->dev);
	if (e->fd >= 0)
		close(e->fd); /* also releases the grab */
	udev_monitor_unref(e->mon);
	udev_unref(e->udev);
	free(e);
}

static const struct cardreader_ops evdev_ops = {
    .get_fd = evdev_get_fd,
    .pump = evdev_pump,
    .deadline = evdev_deadline,
    .tick = evdev_tick,
    .get_state = evdev_get_state,
    .state_text = evdev_state_text,
    .destroy = evdev_destroy,
    .swipe = NULL,
};

static struct evdev_reader *evdev_new(const struct cardreader_evdev_cfg *cfg)
{
	struct evdev_reader *e = calloc(1, sizeof(*e));

	if (!e)
		return NULL;
	cardreader_base_init(&e->base, &evdev_ops, cfg ? cfg->gap_ms : 0);
	e->terminator = cfg ? cfg->terminator : CARDREADER_TERM_ENTER;
	e->fd = -1;
	e->mon_fd = -1;
	e->state = CARDREADER_DISCONNECTED;
	cardreader_retry_init(&e->retry, RETRY_FIRST_MS, RETRY_MAX_MS);
	return e;
}

/*
 * Listen for input devices coming and going.  Started before the first
 * search, so a device that arrives in between is not missed.  Without it
 * the retry timer still finds the device, only later.
 */
static void monitor_start(struct evdev_reader *e)
{
	e->udev = udev_new();
	if (!e->udev) {
		log_warn("card reader: udev is not usable (%s); retrying every "
			 "%d s instead",
			 strerror(errno), RETRY_MAX_MS / 1000);
		return;
	}
	e->mon = udev_monitor_new_from_netlink(e->udev, "udev");
	if (!e->mon ||
	    udev_monitor_filter_add_match_subsystem_devtype(e->mon, "input",
							    NULL) < 0 ||
	    udev_monitor_enable_receiving(e->mon) < 0 ||
	    (e->mon_fd = udev_monitor_get_fd(e->mon)) < 0) {
		log_warn("card reader: no udev monitor (%s); retrying every "
			 "%d s instead",
			 strerror(errno), RETRY_MAX_MS / 1000);
		udev_monitor_unref(e->mon);
		e->mon = NULL;
		e->mon_fd = -1;
	}
}

struct cardreader *cardreader_evdev_open(const struct cardreader_evdev_cfg *cfg)
{
	struct evdev_reader *e;

	if (!cfg || (!(cfg->path && cfg->path[0]) && !cfg->vendor) ||
	    (cfg->path && strlen(cfg->path) >= sizeof(e->path))) {
		errno = EINVAL;
		return NULL;
	}
	e = evdev_new(cfg);
	if (!e)
		return NULL;
	if (cfg->path)
		snprintf(e->path, sizeof(e->path), "%s", cfg->path);
	e->vendor = cfg->vendor;
	e->product = cfg->product;

	monitor_start(e);
	try_open(e, cardreader_now_ms());
	if (e->state == CARDREADER_DISCONNECTED) {
		char text[400];

		/* (NO_ACCESS was logged by try_open()) */
		evdev_state_text(&e->base, text, sizeof(text));
		log_warn("%s", text);
	}
	return &e->base;
}

struct cardreader *
cardreader_evdev_open_fd(int fd, const struct cardreader_evdev_cfg *cfg)
{
	struct evdev_reader *e;
	int flags, rc;

	if (fd < 0) {
		errno = EBADF;
		return NULL;
	}
	e = evdev_new(cfg);
	if (!e)
		goto err_close_fd;

	/* Non-blocking reads are what the loop relies on. */
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
		goto err_free;
	rc = libevdev_new_from_fd(fd, &e->dev);
	if (rc < 0) {
		errno = -rc;
		goto err_free;
	}
	rc = libevdev_grab(e->dev, LIBEVDEV_GRAB);
	if (rc < 0) {
		errno = -rc;
		goto err_free_dev;
	}
	snprintf(e->name, sizeof(e->name), "%s",
		 libevdev_get_name(e->dev) ? libevdev_get_name(e->dev) : "");
	e->fixed_fd = true;
	e->fd = fd;
	e->state = CARDREADER_CONNECTED;
	e->ever_connected = true;
	return &e->base;

err_free_dev:
	libevdev_free(e->dev);
err_free:
	free(e);
err_close_fd:
	flags = errno;
	close(fd);
	errno = flags;
	return NULL;
}
