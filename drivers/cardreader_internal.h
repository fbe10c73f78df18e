/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * For the card reader backends only (cardreader_*.c): the ops table, the
 * common part of every reader (read assembly, gap timer, raw input buffer)
 * and the helpers that fill it.  Not part of the public contract.
 */
#ifndef PPID_CARDREADER_INTERNAL_H
#define PPID_CARDREADER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "cardreader.h"

#define CARDREADER_RAW_SIZE 4096 /* bytes taken from the device per read() */
#define CARDREADER_NEVER    (-1) /* "no deadline" */

struct cardreader_ops {
	/* The fd to poll, or -1. */
	int (*get_fd)(const struct cardreader *r);
	/* Take in what the device has (one read() or one batch of events at
	 * most), never block: true if input came in (there may be more). */
	bool (*pump)(struct cardreader *r, int64_t now);
	/* The backend's next deadline (reconnect), or CARDREADER_NEVER. */
	int64_t (*deadline)(const struct cardreader *r);
	/* Called by cardreader_tick() once the deadline has passed. */
	void (*tick)(struct cardreader *r, int64_t now);
	/* Connection state. */
	enum cardreader_state (*get_state)(const struct cardreader *r);
	/* One line for technicians. */
	void (*state_text)(const struct cardreader *r, char *buf, size_t len);
	/* Close the fds and free the backend's object. */
	void (*destroy)(struct cardreader *r);
	/* Inject a read (sim only; NULL elsewhere). */
	int (*swipe)(struct cardreader *r, const char *text);
};

/*
 * The part every reader shares; each backend's struct starts with it.
 * Decoders feed characters and terminators in; a finished read waits in
 * ready[] until cardreader_read() takes it, and decoding pauses meanwhile
 * (undecoded bytes stay in raw[]) so reads come out one at a time, in order.
 */
struct cardreader {
	const struct cardreader_ops *ops; /* the backend */
	int64_t gap_ms;			  /* silence that ends a read, or -1 */
	char text[CARDREADER_READ_MAX + 1]; /* the read being assembled */
	size_t text_len;		    /* characters in text */
	bool discarding;    /* the current read is lost: skip to its end */
	int64_t last_input; /* when the last key/byte of the read came */
	char ready[CARDREADER_READ_MAX + 1]; /* a complete read, NUL-ended */
	size_t ready_len;		     /* its length */
	bool has_ready;			     /* ready[] holds a read */
	int error; /* errno of a lost read still to report, or 0 */
	unsigned char raw[CARDREADER_RAW_SIZE]; /* bytes not yet decoded */
	size_t raw_len;				/* bytes in raw */
	bool raw_pending; /* input waits inside (raw, or a library's queue)
			     where poll() cannot see it: call again now */
};

/* Decode up to @p n bytes; return how many were used (whole records). */
typedef size_t cardreader_decode_fn(struct cardreader *r,
				    const unsigned char *p, size_t n,
				    int64_t now);

/* Reconnect timer with exponential backoff. */
struct cardreader_retry {
	int64_t next;  /* when to try again, or CARDREADER_NEVER */
	int64_t delay; /* last delay used (ms), 0 = none yet */
	int64_t first; /* first delay after a failure (ms) */
	int64_t max;   /* longest delay (ms) */
};

/** CLOCK_MONOTONIC in milliseconds. */
int64_t cardreader_now_ms(void);

/** Fill the common part; @p gap_ms as in the configs (0 default, <0 never). */
void cardreader_base_init(struct cardreader *r,
			  const struct cardreader_ops *ops, int gap_ms);

/** true while a read or an error waits for cardreader_read(). */
bool cardreader_busy(const struct cardreader *r);

/** Append one character to the read being assembled. */
void cardreader_put(struct cardreader *r, char c, int64_t now);

/** A terminator: the read being assembled is complete (empty ones vanish). */
void cardreader_end(struct cardreader *r);

/** The current read is damaged: report @p err once and skip to its end. */
void cardreader_spoil(struct cardreader *r, int err, int64_t now);

/** Forget the read being assembled and any undecoded bytes (unplug). */
void cardreader_reset_input(struct cardreader *r);

/**
 * Decode what waits in raw[], then, if the decoder is not paused, read()
 * once from @p fd into raw[] and decode that too.
 * @return The read() result: > 0 bytes, 0 end of file, -1 with errno
 *         (EAGAIN also when nothing was read because a read is waiting).
 */
ssize_t cardreader_pump_fd(struct cardreader *r, int fd,
			   cardreader_decode_fn *decode, int64_t now);

/**
 * The line decoder of the serial and sim backends: @p term ends a read
 * ('\0' = CR or LF; empty lines vanish, so CRLF ends one read); other
 * control bytes are dropped, everything else is kept as it is.
 */
size_t cardreader_decode_lines(struct cardreader *r, const unsigned char *p,
			       size_t n, char term, int64_t now);

/** Start a retry timer: first and longest delay in ms, nothing scheduled. */
void cardreader_retry_init(struct cardreader_retry *rt, int64_t first,
			   int64_t max);

/** An attempt failed: schedule the next one, backing off. */
void cardreader_retry_failed(struct cardreader_retry *rt, int64_t now);

/** Something changed (a uevent): restart the backoff from the start. */
void cardreader_retry_restart(struct cardreader_retry *rt);

/** Connected: nothing to retry. */
void cardreader_retry_stop(struct cardreader_retry *rt);

#endif
