/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Software debouncer for a push button: a pure function of the edges and
 * times it is fed (no I/O, no clock of its own), so it is unit tested with
 * scripted bouncy sequences.  It waits for stability: a level counts only
 * once the line has stayed at it for the debounce time.  It then reports
 * PRESS or RELEASE, and LONG_PRESS when a press has been held long enough.
 *
 * Times are milliseconds on any monotonic clock the caller chooses (the GPIO
 * driver uses CLOCK_MONOTONIC, like the kernel's GPIO event timestamps).
 * Levels are logical: 1 = pressed, 0 = released.
 */
#ifndef PPID_DEBOUNCE_H
#define PPID_DEBOUNCE_H

#include <stdbool.h>
#include <stdint.h>

#define DEBOUNCE_DEFAULT_MS	       30   /* stability time */
#define DEBOUNCE_LONG_PRESS_DEFAULT_MS 2000 /* hold time for LONG_PRESS */
#define DEBOUNCE_QUEUE_LEN	       16   /* events kept until popped */
#define DEBOUNCE_NONE		       (-1) /* "no deadline" */

enum debounce_event_type {
	DEBOUNCE_PRESS,	     /* the level became 1 and stayed */
	DEBOUNCE_RELEASE,    /* the level became 0 and stayed */
	DEBOUNCE_LONG_PRESS, /* still pressed long_press_ms after the press */
};

struct debounce_event {
	enum debounce_event_type type; /* what happened */
	int64_t time_ms; /* when it became true (caller's clock) */
};

struct debounce_cfg {
	unsigned int debounce_ms; /* stability time; 0 = DEBOUNCE_DEFAULT_MS */
	int long_press_ms; /* 0 = default 2000, < 0 = never report LONG_PRESS */
};

/*
 * The state is a plain value so it can be embedded without allocation.
 * Its fields are private: use the functions below.
 */
struct debounce {
	int64_t debounce_ms;   /* stability time */
	int64_t long_press_ms; /* hold time, or -1 for never */
	int stable;	       /* last reported (debounced) level */
	int raw;	       /* last level seen on the line */
	int64_t raw_since;     /* when the line took the level in raw */
	int64_t now;	       /* latest time fed in; time never goes back */
	int64_t press_start;   /* when the current stable press began */
	bool long_pending;     /* LONG_PRESS not yet reported for it */
	unsigned int head;     /* index of the oldest queued event */
	unsigned int count;    /* queued events */
	unsigned long dropped; /* events lost because the queue was full */
	struct debounce_event queue[DEBOUNCE_QUEUE_LEN]; /* ring of events */
};

/**
 * Start a debouncer.
 * @param d     The state to initialise.
 * @param cfg   Times; NULL for the defaults.
 * @param level The level the line has now (reported as nothing).
 * @param now_ms The current time.
 */
void debounce_init(struct debounce *d, const struct debounce_cfg *cfg,
		   int level, int64_t now_ms);

/**
 * Feed one edge the hardware saw.  An edge restarts the stability timer even
 * when @p level equals the previous one: the line moved in between (the
 * GPIO v1 uAPI can report two RISING edges in a row during bounce).
 * Times earlier than a time already fed are treated as that time.
 * @param d     The debouncer.
 * @param t_ms  When the edge happened.
 * @param level The level after the edge (nonzero = 1).
 */
void debounce_edge(struct debounce *d, int64_t t_ms, int level);

/**
 * Feed a level read from the line at @p t_ms (e.g. gpiod_line_get_value()).
 * Unlike an edge it changes nothing when the level is the one already seen,
 * so it corrects an edge whose type was wrong without delaying anything.
 * @param d     The debouncer.
 * @param t_ms  When the level was read.
 * @param level The level read (nonzero = 1).
 */
void debounce_sample(struct debounce *d, int64_t t_ms, int level);

/**
 * Let time pass up to @p now_ms, queueing every event that became due.
 * @param d      The debouncer.
 * @param now_ms The current time.
 */
void debounce_advance(struct debounce *d, int64_t now_ms);

/**
 * The next time at which debounce_advance() will have something to do.
 * @param d The debouncer.
 * @return An absolute time, or DEBOUNCE_NONE when nothing is pending.
 */
int64_t debounce_next_deadline_ms(const struct debounce *d);

/**
 * The timeout for poll(): milliseconds from @p now_ms until the next
 * deadline, rounded up; 0 if it has passed or events are queued; -1 if none.
 * @param d      The debouncer.
 * @param now_ms The current time.
 */
int debounce_timeout_ms(const struct debounce *d, int64_t now_ms);

/**
 * Take the oldest queued event.
 * @param d  The debouncer.
 * @param ev Receives the event.
 * @return true if an event was stored in @p ev, false if none is queued.
 */
bool debounce_pop(struct debounce *d, struct debounce_event *ev);

/** The debounced level: 1 pressed, 0 released. */
int debounce_get_level(const struct debounce *d);

/** How many events were lost because nobody popped them (queue full). */
unsigned long debounce_get_dropped(const struct debounce *d);

#endif
