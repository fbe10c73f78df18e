/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kiosk's engine: everything of ppid-kiosk except SDL.  It owns the
 * visitor flow (flow.h), the UI thread's queue connection, the devices
 * (card reader, call button, LED), the call-button state machine, the
 * print worker (printworker.h) and the database watcher (dbwatch.h), and
 * carries out the flow's effects: a submission is committed here, its
 * receipt handed to the worker, calls recorded, acknowledgements noticed,
 * the LED set, and visitor data wiped.  It also keeps the database under
 * watch: when it cannot be opened or written the flow goes out of service
 * and the engine retries by itself (backoff from retry_min_ms to
 * retry_max_ms, at once when the file's mode changes) until it works.
 *
 * The main loop (one thread; the engine is not thread-safe):
 *
 *     k = kiosk_open(&opt, now_ms());
 *     kiosk_set_wipe_hook(k, ui_wipe, ui);     (UI buffers, text cache)
 *     for (;;) {
 *             struct pollfd p[KIOSK_N_POLLFDS + 1];
 *             kiosk_pollfds(k, p);              (+ the loop's own fds)
 *             poll(p, n, kiosk_timeout_ms(k, now_ms()));
 *             kiosk_handle_ready(k, p, now_ms());
 *             while (SDL_PollEvent(&e))  ...  kiosk_feed(k, &flow_event);
 *             if (kiosk_dirty(k)) draw(kiosk_view(k, &v));
 *     }
 *     kiosk_close(k);
 *
 * No busy loop: kiosk_timeout_ms() is -1 (sleep until an fd) on an idle
 * welcome screen, unless a device, a database retry or a follow-up check
 * of a database change is due.  Times are CLOCK_MONOTONIC milliseconds.
 *
 * The call LED: off, blinking (1 s) while a call waits, steady on once the
 * desk acknowledged it (the flow says which), and a fast blink
 * (KIOSK_LED_FAILED_MS) when a call could not be recorded (the database is
 * out of service or refused it), until the flow clears the call.  A desk
 * buzzer, when [gpio] buzzer is set, beeps once (200 ms) per recorded call.
 */
#ifndef PPID_KIOSK_KIOSK_H
#define PPID_KIOSK_KIOSK_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "devices.h"
#include "flow.h"
#include "flow_view.h"
#include "printer.h"

#define KIOSK_N_POLLFDS	    4	 /* pollfds kiosk_pollfds() fills */
#define KIOSK_LED_WAIT_MS   1000 /* blink period while a call waits */
#define KIOSK_LED_FAILED_MS 200	 /* fast blink: the call was not recorded */

/** Called on the flow's WIPE effect, after the engine wiped its copies. */
typedef void (*kiosk_wipe_fn)(void *ctx);

struct kiosk_options {
	const struct config *cfg;	/* copied; devices, office, printer */
	const char *db_path;		/* NULL = cfg->db_path; copied */
	bool create_db;			/* create the database if missing */
	const struct flow_config *flow; /* NULL = defaults with the office's
					   name and hours from cfg */
	const char *cups_server;	/* NULL = CUPS_SERVER / default */
	int printer_poll_ms;		/* printer state poll on the worker;
					   <= 0 = 30000 */
	int retry_min_ms;		/* first out-of-service retry; <= 0 =
					   2000 */
	int retry_max_ms;		/* longest retry interval; <= 0 =
					   30000 */
	bool keep_lang;			/* flow->default_lang is from the
					   command line: the language kept
					   by the maintenance menu does not
					   replace it */
};

struct kiosk;

/**
 * Open the devices, the database (a failure is not an error: the flow
 * starts out of service and the engine retries) and the database watcher,
 * and start the print worker.
 * @param o      Options (copied).
 * @param now_ms The monotonic clock.
 * @return The engine (close with kiosk_close()), or NULL with errno
 *         (ENOMEM, or the print worker's thread could not start).
 */
struct kiosk *kiosk_open(const struct kiosk_options *o, int64_t now_ms);

/**
 * Stop the print worker (joined: a receipt being printed is finished
 * first), close the database and the devices (the LED goes off), and wipe
 * and free the engine.  NULL is harmless.
 */
void kiosk_close(struct kiosk *k);

/** Register the UI's wipe (NULL = none); @p ctx is passed to it. */
void kiosk_set_wipe_hook(struct kiosk *k, kiosk_wipe_fn fn, void *ctx);

/**
 * Fill @p p[0..KIOSK_N_POLLFDS-1] for poll(): card reader, call button,
 * the print worker's eventfd, the database watcher (fd -1 = absent, poll()
 * skips it).  Borrowed fds: refill before every poll().
 * @return KIOSK_N_POLLFDS.
 */
int kiosk_pollfds(const struct kiosk *k, struct pollfd *p);

/**
 * How long poll() may sleep: the smallest of the flow's next wake, the
 * devices' deadlines, the call button's, a follow-up database check and
 * the out-of-service retry.
 * @return Milliseconds (0 = now), or -1 for no deadline.
 */
int kiosk_timeout_ms(struct kiosk *k, int64_t now_ms);

/**
 * After every poll(), whatever it returned: read the devices (card reads,
 * button presses and the reader's state become flow events), collect the
 * print worker's results and the printer's state, look at the database
 * when it changed (an acknowledged call becomes FLOW_EVT_CALL_ACKED; an
 * unusable database, FLOW_EVT_DB), retry the database when due, and send
 * the flow a tick when its clock is due.
 * @param p The pollfds as kiosk_pollfds() filled them, with revents.
 */
void kiosk_handle_ready(struct kiosk *k, const struct pollfd *p,
			int64_t now_ms);

/**
 * Feed one event from the UI (a tap, text) to the flow and carry out the
 * effects that follow.  @p ev->now_ms must be set; wall 0 = time(NULL).
 * @return true when the model changed (kiosk_dirty() is set too).
 */
bool kiosk_feed(struct kiosk *k, const struct flow_event *ev);

/** The flow's model (borrowed, valid as long as @p k). */
const struct flow_model *kiosk_model(const struct kiosk *k);

/** The current screen's view, into @p v (flow_view()); returns @p v. */
const struct flow_view *kiosk_view(const struct kiosk *k, struct flow_view *v);

/** true once after the model changed since the previous call: redraw. */
bool kiosk_dirty(struct kiosk *k);

/** The devices (borrowed: a maintenance menu's reader and LED tests). */
struct devices *kiosk_devices(struct kiosk *k);

/** true once the maintenance menu's "exit" was chosen: end the program
 *  with status 0. */
bool kiosk_exit_asked(const struct kiosk *k);

/** true when the database is open and writable. */
bool kiosk_db_ok(const struct kiosk *k);

/** The printer's state as the worker last read it. */
enum printer_state kiosk_printer_state(const struct kiosk *k);

/** The LED's mode as last set (GPIO_OUT_OFF / _BLINK / _ON), and its
 *  blink period in @p period_ms (may be NULL); also without an LED. */
enum gpio_out_mode kiosk_led(const struct kiosk *k, unsigned *period_ms);

#endif
