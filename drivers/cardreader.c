// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Card reader: the backend-neutral calls, which dispatch through the ops
 * table, and what the backends share: read assembly with a bounded buffer,
 * the inter-key gap, the raw input buffer and the reconnect backoff.
 */

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cardreader.h"
#include "cardreader_internal.h"
#include "log.h"

#define PUMP_BUDGET 16 /* read() calls per cardreader_read(): 64 KiB */

int64_t cardreader_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void cardreader_base_init(struct cardreader *r,
			  const struct cardreader_ops *ops, int gap_ms)
{
	memset(r, 0, sizeof(*r));
	r->ops = ops;
	if (gap_ms == 0)
		r->gap_ms = CARDREADER_GAP_DEFAULT_MS;
	else
		r->gap_ms = gap_ms < 0 ? CARDREADER_NEVER : gap_ms;
}

bool cardreader_busy(const struct cardreader *r)
{
	return r->has_ready || r->error;
}

void cardreader_put(struct cardreader *r, char c, int64_t now)
{
	r->last_input = now;
	if (r->discarding)
		return;
	if (r->text_len == CARDREADER_READ_MAX) {
		log_warn("card reader: a read longer than %d characters was "
			 "discarded",
			 CARDREADER_READ_MAX);
		cardreader_spoil(r, EMSGSIZE, now);
		return;
	}
	r->text[r->text_len++] = c;
}

void cardreader_end(struct cardreader *r)
{
	if (r->discarding) {
		/* The loss was reported when it happened. */
		r->discarding = false;
	} else if (r->text_len) {
		memcpy(r->ready, r->text, r->text_len);
		r->ready[r->text_len] = '\0';
		r->ready_len = r->text_len;
		r->has_ready = true;
	}
	r->text_len = 0;
}

void cardreader_spoil(struct cardreader *r, int err, int64_t now)
{
	if (!r->discarding)
		r->error = err;
	r->discarding = true;
	r->text_len = 0;
	r->last_input = now;
}

void cardreader_reset_input(struct cardreader *r)
{
	if (r->text_len || r->discarding)
		log_warn("card reader: a partial read was lost");
	r->text_len = 0;
	r->discarding = false;
	r->raw_len = 0;
	r->raw_pending = false;
}

/* Decode raw[] until it runs out of whole records or the decoder pauses. */
static void decode_raw(struct cardreader *r, cardreader_decode_fn *decode,
		       int64_t now)
{
	size_t used = decode(r, r->raw, r->raw_len, now);

	memmove(r->raw, r->raw + used, r->raw_len - used);
	r->raw_len -= used;
	r->raw_pending = cardreader_busy(r) && r->raw_len > 0;
}

ssize_t cardreader_pump_fd(struct cardreader *r, int fd,
			   cardreader_decode_fn *decode, int64_t now)
{
	ssize_t n;

	/* Bytes left over when the decoder paused come first. */
	decode_raw(r, decode, now);
	if (cardreader_busy(r) || r->raw_len == sizeof(r->raw)) {
		errno = EAGAIN;
		return -1;
	}

	n = read(fd, r->raw + r->raw_len, sizeof(r->raw) - r->raw_len);
	if (n <= 0)
		return n;
	r->raw_len += (size_t)n;
	decode_raw(r, decode, now);
	return n;
}

size_t cardreader_decode_lines(struct cardreader *r, const unsigned char *p,
			       size_t n, char term, int64_t now)
{
	size_t i;

	for (i = 0; i < n && !cardreader_busy(r); i++) {
		unsigned char c = p[i];

		if (term ? c == (unsigned char)term : c == '\r' || c == '\n') {
			cardreader_end(r);
			r->last_input = now;
		} else if ((c < 0x20 && c != '\t') || c == 0x7f) {
			/* NUL and other control bytes: not text. */
		} else {
			cardreader_put(r, (char)c, now);
		}
	}
	return i;
}

void cardreader_retry_init(struct cardreader_retry *rt, int64_t first,
			   int64_t max)
{
	rt->next = CARDREADER_NEVER;
	rt->delay = 0;
	rt->first = first;
	rt->max = max;
}

void cardreader_retry_failed(struct cardreader_retry *rt, int64_t now)
{
	rt->delay = rt->delay ? rt->delay * 2 : rt->first;
	if (rt->delay > rt->max)
		rt->delay = rt->max;
	rt->next = now + rt->delay;
}

void cardreader_retry_restart(struct cardreader_retry *rt)
{
	rt->delay = 0;
}

void cardreader_retry_stop(struct cardreader_retry *rt)
{
	rt->next = CARDREADER_NEVER;
	rt->delay = 0;
}

/* When the read being assembled must end for lack of input. */
static int64_t gap_deadline(const struct cardreader *r)
{
	if (r->gap_ms < 0 || (!r->text_len && !r->discarding))
		return CARDREADER_NEVER;
	return r->last_input + r->gap_ms;
}

/*
 * Take in input until a read is complete or the device has nothing more,
 * within a budget so that a flooding device cannot starve the caller's loop
 * (it returns to poll(), which wakes it again at once).
 */
static void pump(struct cardreader *r, int64_t now)
{
	for (int i = 0; i < PUMP_BUDGET && !cardreader_busy(r); i++)
		if (!r->ops->pump(r, now))
			break;
}

int cardreader_get_fd(const struct cardreader *r)
{
	assert(r);
	return r->ops->get_fd(r);
}

int cardreader_read(struct cardreader *r, char *buf, size_t len)
{
	assert(r && buf);
	pump(r, cardreader_now_ms());
	if (r->error) {
		errno = r->error;
		r->error = 0;
		return -1;
	}
	if (!r->has_ready)
		return 0;
	r->has_ready = false;
	if (r->ready_len >= len) {
		log_warn("card reader: a %zu-character read does not fit a "
			 "%zu-byte buffer; discarded",
			 r->ready_len, len);
		errno = ENOBUFS;
		return -1;
	}
	memcpy(buf, r->ready, r->ready_len + 1);
	return (int)r->ready_len;
}

int cardreader_timeout_ms(struct cardreader *r)
{
	int64_t now, t, b;

	assert(r);
	if (cardreader_busy(r) || r->raw_pending)
		return 0;
	t = gap_deadline(r);
	b = r->ops->deadline(r);
	if (t == CARDREADER_NEVER || (b != CARDREADER_NEVER && b < t))
		t = b;
	if (t == CARDREADER_NEVER)
		return -1;
	now = cardreader_now_ms();
	if (t <= now)
		return 0;
	return t - now > INT_MAX ? INT_MAX : (int)(t - now);
}

void cardreader_tick(struct cardreader *r)
{
	int64_t now = cardreader_now_ms();
	int64_t t;

	assert(r);
	/*
	 * Take in what has arrived first: if the loop was busy elsewhere, the
	 * rest of a read may be waiting in the kernel, and ending the read on
	 * the gap now would split it in two.
	 */
	pump(r, now);

	t = gap_deadline(r);
	if (t != CARDREADER_NEVER && t <= now && !cardreader_busy(r)) {
		if (!r->discarding)
			log_debug("card reader: read ended by a %lld ms gap",
				  (long long)r->gap_ms);
		cardreader_end(r);
	}

	t = r->ops->deadline(r);
	if (t != CARDREADER_NEVER && t <= now)
		r->ops->tick(r, now);
}

enum cardreader_state cardreader_get_state(const struct cardreader *r)
{
	assert(r);
	return r->ops->get_state(r);
}

const char *cardreader_state_text(const struct cardreader *r, char *buf,
				  size_t len)
{
	assert(r && buf);
	if (len) {
		buf[0] = '\0';
		r->ops->state_text(r, buf, len);
	}
	return buf;
}

int cardreader_sim_swipe(struct cardreader *r, const char *text)
{
	assert(r && text);
	if (!r->ops->swipe) {
		errno = EINVAL;
		return -1;
	}
	return r->ops->swipe(r, text);
}

void cardreader_close(struct cardreader *r)
{
	if (!r)
		return;
	r->ops->destroy(r);
}

#ifndef HAVE_LIBEVDEV
/* Built without libevdev or libudev: the evdev backend exists but fails. */

struct cardreader *cardreader_evdev_open(const struct cardreader_evdev_cfg *cfg)
{
	(void)cfg;
	log_err("card reader: this program was built without libevdev and "
		"libudev; use the serial or sim backend");
	errno = ENOSYS;
	return NULL;
}

struct cardreader *
cardreader_evdev_open_fd(int fd, const struct cardreader_evdev_cfg *cfg)
{
	(void)cfg;
	if (fd >= 0)
		close(fd);
	errno = ENOSYS;
	return NULL;
}
#endif
