/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The visitor's "call the desk" logic as a small pure state machine: no
 * SQLite, no GPIO, no clock of its own.  The program feeds it what happened
 * (a press of the GPIO button or of the screen's call key, the call row
 * committed or not, the desk's acknowledgement seen in the database, the
 * time) and reads back what to do (commit a call row) and how the LED and
 * the screen should look.
 *
 *     IDLE --press--> CALLING --committed(id)--> WAITING --acknowledged(id)-->
 *     COMING --(coming_ms passed)--> IDLE
 *     CALLING --commit failed--> the state before the press
 *
 * The loop's part, one press:
 *
 *     if (callbutton_press(&cb, now) == CALLBUTTON_DO_COMMIT) {
 *             if (queue_call_add(q, QUEUE_CALL_BUTTON, 0, time(NULL), &id) == 0)
 *                     callbutton_committed(&cb, id, now);
 *             else
 *                     callbutton_commit_failed(&cb, now);  (tell the visitor)
 *     }
 *     led = callbutton_led(&cb);                  (BLINK / ON / OFF)
 *
 * and, while callbutton_waiting_call() is non-zero, whenever the database
 * changed: if that call is acknowledged, callbutton_acknowledged().  Call
 * callbutton_tick() after every poll() and fold callbutton_timeout_ms() into
 * its timeout.  Times are CLOCK_MONOTONIC milliseconds.
 */
#ifndef PPID_CALLBUTTON_H
#define PPID_CALLBUTTON_H

#include <stdbool.h>
#include <stdint.h>

enum callbutton_state {
	CALLBUTTON_IDLE = 0, /* no call: LED off */
	CALLBUTTON_CALLING,  /* pressed, the call row is being committed */
	CALLBUTTON_WAITING,  /* the desk has been called, no answer yet */
	CALLBUTTON_COMING,   /* the desk acknowledged: staff is coming */
	CALLBUTTON_STATE_COUNT,
};

enum callbutton_led {
	CALLBUTTON_LED_OFF = 0, /* steady off */
	CALLBUTTON_LED_BLINK,	/* blinking: called, waiting for the desk */
	CALLBUTTON_LED_ON,	/* steady on: staff is coming */
};

/** What the program must do after an input. */
enum callbutton_do {
	CALLBUTTON_DO_NOTHING = 0, /* nothing */
	CALLBUTTON_DO_COMMIT,	   /* commit a call row, then report it with
				      callbutton_committed() or
				      callbutton_commit_failed() */
};

struct callbutton_cfg {
	int64_t repeat_ms; /* a press while a call waits commits another
			      call once this long has passed since the last
			      one: 0 = every press calls again, < 0 = never
			      (one call until it is answered) */
	int64_t coming_ms; /* how long COMING (LED on) lasts before IDLE;
			      <= 0 = until the next press */
};

/**
 * The machine.  A plain value (no resources): declare it anywhere, start it
 * with callbutton_init(), read it through the accessors below.
 */
struct callbutton {
	struct callbutton_cfg cfg;   /* settings */
	enum callbutton_state state; /* now */
	enum callbutton_state
	    before;	   /* CALLING: where a failed commit returns */
	int64_t call_id;   /* the call waited on / answered, 0 none */
	int64_t called_ms; /* when the last call was committed */
	int64_t coming_ms; /* when the acknowledgement was seen */
};

/**
 * Start in IDLE.
 * @param b   The machine.
 * @param cfg Settings (copied); NULL = every press calls, COMING lasts
 *            until the next press (what `ppid-console hw --listen` uses).
 */
void callbutton_init(struct callbutton *b, const struct callbutton_cfg *cfg);

/**
 * The button (or the screen's call key) was pressed.
 * @return CALLBUTTON_DO_COMMIT when a call row must be committed now (the
 *         state is CALLING), else CALLBUTTON_DO_NOTHING: a commit is under
 *         way, or a call is already waiting (see callbutton_cfg.repeat_ms).
 */
enum callbutton_do callbutton_press(struct callbutton *b, int64_t now_ms);

/**
 * The call row asked for is committed as @p call_id (> 0): the desk is
 * alerted, the state is WAITING on that call.  Ignored outside CALLING.
 */
void callbutton_committed(struct callbutton *b, int64_t call_id,
			  int64_t now_ms);

/**
 * The call row could not be committed: back to the state before the press
 * (the visitor must be told to go to the desk).  Ignored outside CALLING.
 */
void callbutton_commit_failed(struct callbutton *b, int64_t now_ms);

/**
 * Call @p call_id has been acknowledged by the desk.  When it is the call
 * being waited on, the state becomes COMING (while CALLING, a failed commit
 * then returns to COMING).  Other ids are ignored.
 * @return true when the acknowledgement was for the waited call.
 */
bool callbutton_acknowledged(struct callbutton *b, int64_t call_id,
			     int64_t now_ms);

/** Let time pass: COMING ends after callbutton_cfg.coming_ms. */
void callbutton_tick(struct callbutton *b, int64_t now_ms);

/**
 * How long poll() may sleep before callbutton_tick() has work.
 * @return Milliseconds (0 = now), or -1 for no deadline.
 */
int callbutton_timeout_ms(const struct callbutton *b, int64_t now_ms);

/** The state now. */
enum callbutton_state callbutton_state(const struct callbutton *b);

/** How the LED should look now: BLINK while CALLING or WAITING, ON while
 *  COMING, OFF when IDLE. */
enum callbutton_led callbutton_led(const struct callbutton *b);

/** The call whose acknowledgement to watch for, or 0 (nothing waits). */
int64_t callbutton_waiting_call(const struct callbutton *b);

/** Stable key of a state ("idle", "calling", "waiting", "coming"), or "?". */
const char *callbutton_state_key(enum callbutton_state s);

#endif
