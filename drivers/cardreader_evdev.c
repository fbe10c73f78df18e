// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Card reader backend for USB "keyboard wedge" readers through evdev: grabs
 * the device, decodes key presses with a US layout into text, and survives
 * unplug/replug by watching /dev/input with inotify.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/input.h>

#include "cardreader.h"
#include "cardreader_internal.h"
#include "log.h"

#define INPUT_DIR      "/dev/input"
#define SYSFS_INPUT    "/sys/class/input"
#define RETRY_FIRST_MS 100  /* first retry after a failed open */
#define RETRY_MAX_MS   5000 /* slowest retry (inotify normally wakes us) */
#define LONG_BITS      (8 * sizeof(unsigned long))
#define NLONGS(n)      (((n) + LONG_BITS - 1) / LONG_BITS)
#define SHIFT_LEFT     1u /* left shift held */
#define SHIFT_RIGHT    2u /* right shift held */

struct evdev_reader {
	struct cardreader base;		 /* must be first */
	char path[256];			 /* configured path, "" = match by id */
	uint16_t vendor;		 /* USB id to match when path is "" */
	uint16_t product;		 /* USB id to match when path is "" */
	enum cardreader_term terminator; /* key that ends a read */
	bool fixed_fd;			 /* made by open_fd: never reopened */
	int fd;				 /* the device, -1 while none; owned */
	int ino_fd; /* inotify on /dev/input while waiting; owned */
	enum cardreader_state state; /* see cardreader.h */
	bool ever_connected; /* "disconnected" rather than "not found" */
	int last_err;	     /* errno of the last failed open */
	char node[256];	     /* the /dev/input/eventN in use or tried */
	char name[80];	     /* the device's name (EVIOCGNAME) */
	unsigned int shift;  /* SHIFT_LEFT | SHIFT_RIGHT held */
	bool dropping;	     /* after SYN_DROPPED, until SYN_REPORT */
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

static bool test_bit(const unsigned long *bits, unsigned int bit)
{
	return (bits[bit / LONG_BITS] >> (bit % LONG_BITS)) & 1UL;
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

/* Re-read which shift keys are held; on a non-evdev fd assume none. */
static void resync_keys(struct evdev_reader *e)
{
	unsigned long keys[NLONGS(KEY_CNT)];

	memset(keys, 0, sizeof(keys));
	e->shift = 0;
	if (ioctl(e->fd, EVIOCGKEY(sizeof(keys)), keys) < 0) {
		log_debug("card reader: EVIOCGKEY: %s", strerror(errno));
		return;
	}
	if (test_bit(keys, KEY_LEFTSHIFT))
		e->shift |= SHIFT_LEFT;
	if (test_bit(keys, KEY_RIGHTSHIFT))
		e->shift |= SHIFT_RIGHT;
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
		cardreader_put(r, keymap[code][e->shift ? 1 : 0], now);
		return;
	}
	log_debug("card reader: key code %u ignored", code);
}

static void handle_event(struct evdev_reader *e, const struct input_event *ev,
			 int64_t now)
{
	unsigned int bit = 0;

	if (e->dropping) {
		/* The kernel's buffer overflowed: the state is unknown until
		 * the next report, then ask the kernel what is held. */
		if (ev->type == EV_SYN && ev->code == SYN_REPORT) {
			e->dropping = false;
			resync_keys(e);
		}
		return;
	}
	if (ev->type == EV_SYN && ev->code == SYN_DROPPED) {
		log_warn("card reader: input events dropped by the kernel; "
			 "the current read is discarded");
		e->dropping = true;
		cardreader_spoil(&e->base, EBADMSG, now);
		return;
	}
	if (ev->type != EV_KEY)
		return;

	if (ev->code == KEY_LEFTSHIFT)
		bit = SHIFT_LEFT;
	else if (ev->code == KEY_RIGHTSHIFT)
		bit = SHIFT_RIGHT;
	if (bit) {
		if (ev->value == 1)
			e->shift |= bit;
		else if (ev->value == 0)
			e->shift &= ~bit;
		return;
	}
	/* Presses only: releases carry nothing, autorepeat (2) would
	 * duplicate characters. */
	if (ev->value == 1)
		key_press(e, ev->code, now);
}

static size_t evdev_decode(struct cardreader *r, const unsigned char *p,
			   size_t n, int64_t now)
{
	struct evdev_reader *e = to_evdev(r);
	struct input_event ev;
	size_t used = 0;

	/* Whole records only: a short read leaves the tail for later. */
	while (n - used >= sizeof(ev) && !cardreader_busy(r)) {
		memcpy(&ev, p + used, sizeof(ev));
		used += sizeof(ev);
		handle_event(e, &ev, now);
	}
	return used;
}

/* Watch /dev/input (and the by-id/by-path folder) for the device's return. */
static void watch_start(struct evdev_reader *e)
{
	char dir[sizeof(e->path)];
	char *slash;

	if (e->ino_fd >= 0 || e->fixed_fd)
		return;
	e->ino_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (e->ino_fd < 0) {
		log_warn("card reader: inotify: %s; polling instead",
			 strerror(errno));
		return;
	}
	if (inotify_add_watch(e->ino_fd, INPUT_DIR,
			      IN_CREATE | IN_ATTRIB | IN_MOVED_TO) < 0)
		log_warn("card reader: cannot watch %s: %s; polling instead",
			 INPUT_DIR, strerror(errno));
	/* udev makes the by-id link after its rules ran: a precise wake-up.
	 * The folder may not exist; /dev/input covers that case. */
	snprintf(dir, sizeof(dir), "%s", e->path);
	slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		if (strcmp(dir, INPUT_DIR) != 0)
			inotify_add_watch(e->ino_fd, dir,
					  IN_CREATE | IN_ATTRIB | IN_MOVED_TO);
	}
}

static void watch_stop(struct evdev_reader *e)
{
	if (e->ino_fd >= 0)
		close(e->ino_fd);
	e->ino_fd = -1;
}

static bool read_hex_file(const char *path, unsigned int *val)
{
	FILE *f = fopen(path, "re");
	bool ok;

	if (!f)
		return false;
	ok = fscanf(f, "%x", val) == 1;
	fclose(f);
	return ok;
}

/* Does this fd look like a keyboard (a wedge reader's key interface)? */
static bool has_keys(int fd)
{
	unsigned long bits[NLONGS(KEY_CNT)];

	memset(bits, 0, sizeof(bits));
	if (ioctl(fd, EVIOCGBIT(EV_KEY, sizeof(bits)), bits) < 0)
		return false;
	return test_bit(bits, KEY_1) || test_bit(bits, KEY_KP1);
}

/*
 * Find and open the first /dev/input/eventN (lowest N) with the configured
 * USB id and keys.  The ids come from sysfs, which needs no permission, so
 * a permission problem is reported as such rather than as "not found".
 */
static int open_by_id(struct evdev_reader *e, int *err)
{
	int tried[64];
	size_t n_tried = 0;

	*err = ENOENT;
	for (;;) {
		char path[128];
		struct dirent *de;
		unsigned int v, p;
		long best = -1;
		DIR *d;
		int fd;

		d = opendir(SYSFS_INPUT);
		if (!d) {
			*err = errno;
			return -1;
		}
		while ((de = readdir(d))) {
			bool seen = false;
			char *end;
			long num;

			if (strncmp(de->d_name, "event", 5) != 0)
				continue;
			num = strtol(de->d_name + 5, &end, 10);
			if (*end || end == de->d_name + 5 || num > INT_MAX)
				continue;
			for (size_t i = 0; i < n_tried; i++)
				seen = seen || tried[i] == num;
			if (seen || (best >= 0 && num >= best))
				continue;
			snprintf(path, sizeof(path),
				 SYSFS_INPUT "/event%ld/device/id/vendor", num);
			if (!read_hex_file(path, &v) || v != e->vendor)
				continue;
			snprintf(path, sizeof(path),
				 SYSFS_INPUT "/event%ld/device/id/product",
				 num);
			if (!read_hex_file(path, &p) || p != e->product)
				continue;
			best = num;
		}
		closedir(d);
		if (best < 0 || n_tried == sizeof(tried) / sizeof(tried[0]))
			return -1;
		tried[n_tried++] = (int)best;

		snprintf(e->node, sizeof(e->node), INPUT_DIR "/event%ld", best);
		fd = open(e->node, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			*err = errno;
			continue;
		}
		if (has_keys(fd))
			return fd;
		close(fd);
	}
}

/* Try to open and grab the device; on failure schedule the next try. */
static void try_open(struct evdev_reader *e, int64_t now)
{
	enum cardreader_state state;
	char where[400];
	int fd, err = 0;

	if (e->path[0]) {
		snprintf(e->node, sizeof(e->node), "%s", e->path);
		fd = open(e->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0)
			err = errno;
	} else {
		fd = open_by_id(e, &err);
	}
	if (fd >= 0 && ioctl(fd, EVIOCGRAB, 1UL) < 0) {
		err = errno;
		close(fd);
		fd = -1;
	}
	describe(e, where, sizeof(where));
	if (fd < 0) {
		state = err == ENOENT || err == ENODEV || err == ENXIO
			    ? CARDREADER_DISCONNECTED
			    : CARDREADER_NO_ACCESS;
		if (state != e->state || err != e->last_err) {
			if (state == CARDREADER_NO_ACCESS)
				log_warn("card reader %s: cannot use %s: %s; "
					 "retrying",
					 where, e->node, strerror(err));
			else
				log_debug("card reader %s: not there yet",
					  where);
		}
		e->state = state;
		e->last_err = err;
		watch_start(e);
		cardreader_retry_failed(&e->retry, now);
		return;
	}

	e->fd = fd;
	e->name[0] = '\0';
	if (ioctl(fd, EVIOCGNAME(sizeof(e->name)), e->name) < 0)
		e->name[0] = '\0';
	e->name[sizeof(e->name) - 1] = '\0';
	resync_keys(e);
	e->dropping = false;
	e->state = CARDREADER_CONNECTED;
	e->ever_connected = true;
	e->last_err = 0;
	watch_stop(e);
	cardreader_retry_stop(&e->retry);
	connected_text(e, where, sizeof(where));
	log_info("%s", where);
}

/* The device went away (unplug) or the fd failed. */
static void lost(struct evdev_reader *e, int err, int64_t now)
{
	char where[400];

	describe(e, where, sizeof(where));
	log_warn("card reader %s unplugged (%s)", where,
		 err ? strerror(err) : "end of file");
	cardreader_reset_input(&e->base);
	close(e->fd);
	e->fd = -1;
	e->shift = 0;
	e->dropping = false;
	e->state = CARDREADER_DISCONNECTED;
	e->last_err = err ? err : ENODEV;
	if (e->fixed_fd)
		return;
	watch_start(e);
	cardreader_retry_restart(&e->retry);
	cardreader_retry_failed(&e->retry, now);
}

static bool evdev_pump(struct cardreader *r, int64_t now)
{
	struct evdev_reader *e = to_evdev(r);
	char buf[4096]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;

	if (e->fd >= 0) {
		n = cardreader_pump_fd(r, e->fd, evdev_decode, now);
		if (n == 0)
			lost(e, 0, now);
		else if (n < 0 && errno != EAGAIN && errno != EINTR)
			lost(e, errno, now);
		return n > 0;
	}
	if (e->ino_fd < 0)
		return false;
	/* Something changed in /dev/input: which entry does not matter. */
	n = read(e->ino_fd, buf, sizeof(buf));
	if (n > 0) {
		while (read(e->ino_fd, buf, sizeof(buf)) > 0)
			;
		cardreader_retry_restart(&e->retry);
		try_open(e, now);
	}
	/* A fresh device fd is read on the next call. */
	return e->fd >= 0;
}

static int evdev_get_fd(const struct cardreader *r)
{
	const struct evdev_reader *e = to_evdev(r);

	return e->fd >= 0 ? e->fd : e->ino_fd;
}

static int64_t evdev_deadline(const struct cardreader *r)
{
	const struct evdev_reader *e = to_evdev(r);

	return e->fd >= 0 ? CARDREADER_NEVER : e->retry.next;
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

	watch_stop(e);
	if (e->fd >= 0)
		close(e->fd); /* also releases the grab */
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
	e->ino_fd = -1;
	e->state = CARDREADER_DISCONNECTED;
	cardreader_retry_init(&e->retry, RETRY_FIRST_MS, RETRY_MAX_MS);
	return e;
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
	int flags;

	if (fd < 0) {
		errno = EBADF;
		return NULL;
	}
	e = evdev_new(cfg);
	if (!e)
		goto err_close_fd;

	/* Non-blocking reads are what the decoder relies on. */
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
		goto err_free;
	if (ioctl(fd, EVIOCGRAB, 1UL) < 0) {
		if (errno != ENOTTY && errno != EINVAL)
			goto err_free;
		log_debug("card reader: fd %d cannot be grabbed (%s), "
			  "reading it anyway",
			  fd, strerror(errno));
	}
	e->fixed_fd = true;
	e->fd = fd;
	e->state = CARDREADER_CONNECTED;
	e->ever_connected = true;
	resync_keys(e);
	return &e->base;

err_free:
	free(e);
err_close_fd:
	flags = errno;
	close(fd);
	errno = flags;
	return NULL;
}
