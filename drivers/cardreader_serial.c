// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Card reader backend for readers on a serial port (USB CDC-ACM or a USB
 * serial adapter): raw 8N1 at a fixed speed, one line per read, reopened
 * on a timer after an unplug.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cardreader.h"
#include "cardreader_internal.h"
#include "log.h"

#define RETRY_FIRST_MS 250  /* first retry after a failed open */
#define RETRY_MAX_MS   2000 /* an unplugged reader is noticed within this */

struct serial_reader {
	struct cardreader base;	       /* must be first */
	char path[256];		       /* the port */
	unsigned int baud;	       /* its speed in bit/s */
	speed_t speed;		       /* the same as a termios constant */
	char terminator;	       /* byte ending a read, '\0' = CR/LF */
	int fd;			       /* the port, -1 while none; owned */
	enum cardreader_state state;   /* see cardreader.h */
	bool ever_connected;	       /* "disconnected" vs "not found" */
	int last_err;		       /* errno of the last failed open */
	struct cardreader_retry retry; /* reopen timer */
};

static const struct {
	unsigned int baud; /* bit/s */
	speed_t speed;	   /* termios constant */
} speeds[] = {
    {1200, B1200},     {2400, B2400},	  {4800, B4800},     {9600, B9600},
    {19200, B19200},   {38400, B38400},	  {57600, B57600},   {115200, B115200},
    {230400, B230400}, {460800, B460800}, {921600, B921600},
};

static struct serial_reader *to_serial(const struct cardreader *r)
{
	return (struct serial_reader *)r;
}

static size_t serial_decode(struct cardreader *r, const unsigned char *p,
			    size_t n, int64_t now)
{
	return cardreader_decode_lines(r, p, n, to_serial(r)->terminator, now);
}

/* Open the port in raw mode; returns the fd or -1 with errno. */
static int open_port(const struct serial_reader *s)
{
	struct termios tio;
	int fd, err;

	fd = open(s->path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (tcgetattr(fd, &tio) < 0)
		goto err_close;
	cfmakeraw(&tio);
	tio.c_cflag |= CLOCAL | CREAD;
	tio.c_cflag &= ~(tcflag_t)(CRTSCTS | CSTOPB);
	tio.c_cc[VMIN] = 1;
	tio.c_cc[VTIME] = 0;
	if (cfsetispeed(&tio, s->speed) < 0 || cfsetospeed(&tio, s->speed) < 0)
		goto err_close;
	if (tcsetattr(fd, TCSANOW, &tio) < 0)
		goto err_close;
	/* Whatever arrived before we were listening is stale. */
	tcflush(fd, TCIFLUSH);
	return fd;

err_close:
	err = errno;
	close(fd);
	errno = err;
	return -1;
}

static void try_open(struct serial_reader *s, int64_t now)
{
	enum cardreader_state state;
	int fd = open_port(s);
	int err = errno;

	if (fd < 0) {
		state =
		    err == ENOENT || err == ENODEV || err == ENXIO || err == EIO
			? CARDREADER_DISCONNECTED
			: CARDREADER_NO_ACCESS;
		if (state == CARDREADER_NO_ACCESS &&
		    (state != s->state || err != s->last_err))
			log_warn("card reader %s: %s; retrying", s->path,
				 strerror(err));
		s->state = state;
		s->last_err = err;
		cardreader_retry_failed(&s->retry, now);
		return;
	}
	s->fd = fd;
	s->state = CARDREADER_CONNECTED;
	s->ever_connected = true;
	s->last_err = 0;
	cardreader_retry_stop(&s->retry);
	log_info("card reader connected on %s at %u baud", s->path, s->baud);
}

static void lost(struct serial_reader *s, int err, int64_t now)
{
	log_warn("card reader on %s unplugged (%s)", s->path,
		 err ? strerror(err) : "hang-up");
	cardreader_reset_input(&s->base);
	close(s->fd);
	s->fd = -1;
	s->state = CARDREADER_DISCONNECTED;
	s->last_err = err ? err : ENODEV;
	cardreader_retry_restart(&s->retry);
	cardreader_retry_failed(&s->retry, now);
}

static bool serial_pump(struct cardreader *r, int64_t now)
{
	struct serial_reader *s = to_serial(r);
	ssize_t n;

	if (s->fd < 0)
		return false;
	/* A tty reads 0 after a hang-up, EIO or ENODEV after an unplug. */
	n = cardreader_pump_fd(r, s->fd, serial_decode, now);
	if (n == 0)
		lost(s, 0, now);
	else if (n < 0 && errno != EAGAIN && errno != EINTR)
		lost(s, errno, now);
	return n > 0;
}

static int serial_get_fd(const struct cardreader *r)
{
	return to_serial(r)->fd;
}

static int64_t serial_deadline(const struct cardreader *r)
{
	const struct serial_reader *s = to_serial(r);

	return s->fd >= 0 ? CARDREADER_NEVER : s->retry.next;
}

static void serial_tick(struct cardreader *r, int64_t now)
{
	struct serial_reader *s = to_serial(r);

	if (s->fd < 0)
		try_open(s, now);
}

static enum cardreader_state serial_get_state(const struct cardreader *r)
{
	return to_serial(r)->state;
}

static void serial_state_text(const struct cardreader *r, char *buf, size_t len)
{
	const struct serial_reader *s = to_serial(r);

	switch (s->state) {
	case CARDREADER_CONNECTED:
		snprintf(buf, len, "card reader ready on %s at %u baud",
			 s->path, s->baud);
		break;
	case CARDREADER_DISCONNECTED:
		snprintf(buf, len,
			 s->ever_connected
			     ? "card reader disconnected (%s): waiting for "
			       "it to return"
			     : "card reader not found (%s): waiting for it "
			       "to be plugged in",
			 s->path);
		break;
	case CARDREADER_NO_ACCESS:
		if (s->last_err == EACCES || s->last_err == EPERM)
			snprintf(buf, len,
				 "card reader found but not readable (%s: %s): "
				 "check the udev rule or the dialout group; "
				 "retrying",
				 s->path, strerror(s->last_err));
		else
			snprintf(buf, len,
				 "card reader cannot be opened (%s: %s): "
				 "retrying",
				 s->path, strerror(s->last_err));
		break;
	}
}

static void serial_destroy(struct cardreader *r)
{
	struct serial_reader *s = to_serial(r);

	if (s->fd >= 0)
		close(s->fd);
	free(s);
}

static const struct cardreader_ops serial_ops = {
    .get_fd = serial_get_fd,
    .pump = serial_pump,
    .deadline = serial_deadline,
    .tick = serial_tick,
    .get_state = serial_get_state,
    .state_text = serial_state_text,
    .destroy = serial_destroy,
    .swipe = NULL,
};

struct cardreader *
cardreader_serial_open(const struct cardreader_serial_cfg *cfg)
{
	struct serial_reader *s;
	unsigned int baud;
	size_t i;

	if (!cfg || !cfg->path || !cfg->path[0] ||
	    strlen(cfg->path) >= sizeof(s->path)) {
		errno = EINVAL;
		return NULL;
	}
	baud = cfg->baud ? cfg->baud : 9600;
	for (i = 0; i < sizeof(speeds) / sizeof(speeds[0]); i++)
		if (speeds[i].baud == baud)
			break;
	if (i == sizeof(speeds) / sizeof(speeds[0])) {
		log_err("card reader: %u baud is not a speed the serial port "
			"can be set to",
			baud);
		errno = EINVAL;
		return NULL;
	}

	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	cardreader_base_init(&s->base, &serial_ops, cfg->gap_ms);
	snprintf(s->path, sizeof(s->path), "%s", cfg->path);
	s->baud = baud;
	s->speed = speeds[i].speed;
	s->terminator = cfg->terminator;
	s->fd = -1;
	s->state = CARDREADER_DISCONNECTED;
	cardreader_retry_init(&s->retry, RETRY_FIRST_MS, RETRY_MAX_MS);

	try_open(s, cardreader_now_ms());
	if (s->state == CARDREADER_DISCONNECTED) {
		char text[400];

		serial_state_text(&s->base, text, sizeof(text));
		log_warn("%s", text);
	}
	return &s->base;
}
