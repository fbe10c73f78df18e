/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Card / barcode / QR reader.  One interface, three backends chosen at run
 * time: evdev (a USB "keyboard wedge" under /dev/input), serial (a USB CDC or
 * FTDI serial reader under /dev/ttyACM* or /dev/ttyUSB*) and sim (lines
 * written to a FIFO, for demos and end-to-end tests).  Every backend delivers
 * one complete read as text and never interprets it: parsing is the core's.
 *
 * The reader never blocks and starts no thread.  The caller's poll loop:
 *
 *	struct pollfd p = { .fd = cardreader_get_fd(r), .events = POLLIN };
 *	poll(&p, 1, min(cardreader_timeout_ms(r), other timeouts));
 *	cardreader_tick(r);
 *	while ((n = cardreader_read(r, buf, sizeof(buf))) != 0)
 *		n > 0 ? handle(buf) : report_bad_read(errno);
 *	if (cardreader_get_state(r) changed) show cardreader_state_text(...);
 *
 * The fd may change across cardreader_read() and cardreader_tick() (an
 * unplugged evdev reader is watched through a udev monitor's fd, a
 * disconnected serial reader has no fd at all and returns -1, which poll()
 * ignores), so query it again before every poll().  An unplugged reader is a
 * state (CARDREADER_DISCONNECTED), never an error: the reader reopens by
 * itself.
 *
 * The evdev backend needs libevdev and libudev at build time; without them
 * its two open calls fail with ENOSYS and the other backends still work.
 */
#ifndef PPID_CARDREADER_H
#define PPID_CARDREADER_H

#include <stddef.h>
#include <stdint.h>

#define CARDREADER_READ_MAX	  512 /* longest read in characters */
#define CARDREADER_GAP_DEFAULT_MS 200 /* silence that ends a read */

struct cardreader;

enum cardreader_state {
	CARDREADER_CONNECTED,	 /* device open, reads arrive */
	CARDREADER_DISCONNECTED, /* device absent or unplugged; waiting for it */
	CARDREADER_NO_ACCESS,	 /* device present but unusable (permission,
				    grabbed by another program); retrying */
};

enum cardreader_term {
	CARDREADER_TERM_ENTER, /* evdev: Enter/keypad Enter ends a read */
	CARDREADER_TERM_TAB,   /* evdev: Tab (or Enter) ends a read */
};

struct cardreader_evdev_cfg {
	const char *path; /* /dev/input/by-id/...-event-kbd (or by-path, or
			     /dev/input/eventN); NULL = match vendor:product */
	uint16_t vendor;  /* USB vendor id, used when path is NULL */
	uint16_t product; /* USB product id, used when path is NULL */
	enum cardreader_term terminator; /* key that ends a read */
	int gap_ms; /* silence that ends a read: 0 = default, < 0 = never */
};

/**
 * Open a keyboard-wedge reader through evdev and grab it (EVIOCGRAB), so
 * its keys reach neither the console nor SDL.  With a path, that node is
 * opened; with vendor:product, udev's list of input event devices is
 * searched (the lowest eventN with those ids and digit keys; while udevd
 * runs, only a device its rules have finished).  A udev monitor reports
 * the device's arrival after its rules ran, and a retry timer (at most
 * every 5 s) covers a system without udevd.  A device that is absent,
 * unreadable or grabbed by another program is not an error: the reader
 * starts DISCONNECTED or NO_ACCESS and opens the device when it can.
 * Keys are decoded with a US layout.
 * @param cfg The device; copied, so it may be freed afterwards.
 * @return A reader to close with cardreader_close(), or NULL with errno
 *         EINVAL (no path and no vendor:product), ENOMEM, or ENOSYS (built
 *         without libevdev/libudev).
 */
struct cardreader *
cardreader_evdev_open(const struct cardreader_evdev_cfg *cfg);

/**
 * Read an evdev device the caller has already opened (libevdev on it, and
 * grabbed).  Takes ownership of @p fd, also on failure.  When the device
 * reports ENODEV (unplugged) the reader goes DISCONNECTED for good: without
 * a path there is nothing to reopen.
 * @param fd  An open /dev/input/eventN; made non-blocking.
 * @param cfg Terminator and gap; its path, vendor and product are ignored.
 *            NULL for the defaults.
 * @return A reader to close with cardreader_close(), or NULL with errno:
 *         EBADF, ENOTTY (not an input device), EBUSY (grabbed by another
 *         program), ENOMEM, ENOSYS (built without libevdev/libudev).
 */
struct cardreader *
cardreader_evdev_open_fd(int fd, const struct cardreader_evdev_cfg *cfg);

struct cardreader_serial_cfg {
	const char *path;  /* /dev/ttyACM0, /dev/serial/by-id/... */
	unsigned int baud; /* 1200..921600; 0 = 9600 */
	char terminator;   /* byte that ends a read; '\0' = CR, LF or CRLF */
	int gap_ms; /* silence that ends a read: 0 = default, < 0 = never */
};

/**
 * Open a reader on a serial port: raw mode (cfmakeraw), 8N1, no flow
 * control, at the configured speed.  Empty lines are skipped, so CRLF ends
 * one read.  A port that is absent or unreadable is retried every few
 * seconds, as after an unplug.
 * @param cfg The port; copied.
 * @return A reader to close with cardreader_close(), or NULL with errno
 *         EINVAL (no path, or a speed termios cannot set) or ENOMEM.
 */
struct cardreader *
cardreader_serial_open(const struct cardreader_serial_cfg *cfg);

/**
 * Open the simulated reader: every line written to the FIFO at @p fifo_path
 * is one read, so `echo 3201015708900001 > FIFO` is a card swipe.  The FIFO
 * is created (mode 0660) if missing.  The reader holds a write end open
 * itself, so writers may come and go.  Two lines are commands, not reads:
 * "!unplug" and "!plug" simulate unplugging the reader and plugging it back
 * (reads in between are dropped).
 * @param fifo_path Where the FIFO is (or will be).
 * @return A reader to close with cardreader_close() (which leaves the FIFO
 *         in place), or NULL with errno (EEXIST: the path exists and is not
 *         a FIFO; or the mkfifo/open errno).
 */
struct cardreader *cardreader_sim_open(const char *fifo_path);

/**
 * Inject a read into a simulated reader: writes @p text and a newline into
 * its FIFO, so it travels the same poll path as a real read.
 * @param r    A reader from cardreader_sim_open().
 * @param text The read; no newline inside.
 * @return 0, or -1 with errno EINVAL (not a sim reader, or a newline in
 *         @p text) or EAGAIN (FIFO full).
 */
int cardreader_sim_swipe(struct cardreader *r, const char *text);

/**
 * The fd to poll for POLLIN.  Borrowed: valid until the next call to
 * cardreader_read(), cardreader_tick() or cardreader_close().
 * @return The fd, or -1 when there is nothing to poll (only a timeout).
 */
int cardreader_get_fd(const struct cardreader *r);

/**
 * Take the next complete read, if there is one.  Never blocks.  Call it
 * when poll() reports anything on the fd (POLLIN, POLLHUP, POLLERR) or the
 * timeout expires, and again until it returns 0.  Unplug and replug are
 * handled here and in cardreader_tick(): watch cardreader_get_state().
 * @param r   The reader.
 * @param buf Receives the read, NUL-terminated (at most CARDREADER_READ_MAX
 *            characters, so CARDREADER_READ_MAX + 1 bytes always suffice).
 * @param len Size of @p buf.
 * @return The length of the read (> 0); 0 when no complete read is
 *         waiting; -1 with errno when a read was lost and the visitor must
 *         try again: EMSGSIZE (longer than CARDREADER_READ_MAX, discarded),
 *         EBADMSG (the kernel dropped input events mid-read, discarded),
 *         ENOBUFS (@p buf too small, the read is discarded).  The reader
 *         stays usable after each of these.
 */
int cardreader_read(struct cardreader *r, char *buf, size_t len);

/**
 * How long poll() may sleep before cardreader_tick() has work: ending a
 * partial read after the inter-key gap, or retrying a disconnected device.
 * @return Milliseconds (0 = now), or -1 for no deadline.
 */
int cardreader_timeout_ms(struct cardreader *r);

/**
 * Do what is due now: take in pending input, end a partial read after the
 * gap (it then comes out of cardreader_read()), retry opening the device.
 * Call it after every poll(), whatever poll() returned.
 */
void cardreader_tick(struct cardreader *r);

/** The connection state (see enum cardreader_state). */
enum cardreader_state cardreader_get_state(const struct cardreader *r);

/**
 * Describe the state in one English line for technicians, e.g. "card reader
 * disconnected (/dev/input/by-id/usb-X-event-kbd): waiting for it to return".
 * @param r   The reader.
 * @param buf Receives the text (truncated to fit, always NUL-terminated).
 * @param len Size of @p buf; 160 bytes is comfortable.
 * @return @p buf.
 */
const char *cardreader_state_text(const struct cardreader *r, char *buf,
				  size_t len);

/**
 * Release the device (and the grab) and free the reader.
 * @param r The reader, or NULL (no-op).
 */
void cardreader_close(struct cardreader *r);

#endif
