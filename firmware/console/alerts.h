/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The desk's alerts, without polling: another process's commit is noticed
 * through dbwatch (inotify on the database's -wal file, confirmed by
 * queue_poll_changed()), and only then is the register re-read.  Raised:
 * a new request, a call-button call, a visitor waiting to collect (the
 * kiosk's pickup call), a receipt that did not print, a printer fault, a
 * deadline within 2 working days and a deadline passed.  Used by
 * `ppid-console watch` (one line per alert) and by the TUI (a banner).
 * Nothing here prints, rings or sleeps; no threads.
 */
#ifndef PPID_CONSOLE_ALERTS_H
#define PPID_CONSOLE_ALERTS_H

#include <stdbool.h>
#include <stdint.h>

#include "calendar.h"
#include "queue.h"

#define ALERTS_DUE_SOON_DAYS 2	 /* working days left that make a due-soon */
#define ALERTS_STALE_S	     240 /* a receipt not printed after this long */

enum alert_kind {
	ALERT_REQUEST,	 /* a new request was registered */
	ALERT_CALL,	 /* the call button or the screen's call key */
	ALERT_PICKUP,	 /* a visitor waits to collect (a pickup call) */
	ALERT_UNPRINTED, /* a print job failed or stayed unprinted */
	ALERT_PRINTER,	 /* a print job failed on a printer fault */
	ALERT_DUE_SOON,	 /* deadline within ALERTS_DUE_SOON_DAYS */
	ALERT_OVERDUE,	 /* deadline passed, not yet notified */
	ALERT_KIND_COUNT,
};

struct alert {
	int64_t at;	      /* unix seconds of the fact */
	enum alert_kind kind; /* what happened */
	int64_t request_id;   /* 0 when none */
	int64_t call_id;      /* 0 when none (ALERT_CALL, ALERT_PICKUP) */
	char regno[40];	      /* "" when none */
	char text[240];	      /* short, in the console's language, UTF-8,
				   escaped (safetext), NIK never */
};

struct alerts;

/**
 * Start watching the database @p db_path that @p q is connected to, and
 * take the baseline: facts already present are not alerted again, except
 * calls not yet acknowledged, pickups waiting and deadlines (due soon /
 * overdue, raised once per request per office day); those come with the
 * first alerts_read().
 * @param q       The queue connection (borrowed; must outlive the alerts).
 * @param cal     The holiday calendar deadlines are counted with (borrowed).
 * @param db_path The database file (for inotify).
 * @param now     Unix seconds.
 * @return The alerts (close with alerts_close()), or NULL: errno ENOMEM,
 *         or EIO with queue_errmsg(q) saying why the baseline failed.
 */
struct alerts *alerts_open(struct queue *q, const struct calendar *cal,
			   const char *db_path, int64_t now);

/** The fd to poll() for POLLIN (borrowed), or -1 in the fallback. */
int alerts_get_fd(const struct alerts *a);

/**
 * Milliseconds until alerts_read() has something to do without the fd
 * (dbwatch's follow-up checks, a receipt becoming late, the next office
 * day's deadlines, alerts not yet delivered: 0); -1 = nothing due.
 * @param now_ms CLOCK_MONOTONIC milliseconds.
 */
int alerts_timeout_ms(const struct alerts *a, int64_t now_ms);

/**
 * Never blocks: drains the watcher, and when the database changed (or a
 * timer is due) re-reads what can raise an alert, then calls @p cb once
 * per new alert, oldest fact first.  A non-zero return from @p cb stops
 * the delivery; the alerts not yet delivered wait for the next call.
 * @param now    Unix seconds.
 * @param now_ms CLOCK_MONOTONIC milliseconds.
 * @return The number of alerts delivered, or -1 (queue_errmsg() of the
 *         queue says why; ENOMEM as "out of memory").
 */
int alerts_read(struct alerts *a, int64_t now, int64_t now_ms,
		int (*cb)(const struct alert *, void *), void *ctx);

/** "request", "call", "pickup", "unprinted", "printer", "due-soon",
 *  "overdue"; "unknown" out of range. */
const char *alert_kind_name(enum alert_kind k);

/** Close the watcher and free @p a; NULL is harmless. */
void alerts_close(struct alerts *a);

/* ---- additions ----------------------------------------------------------- */

/** Texts in English instead of Indonesian (the default). */
void alerts_set_english(struct alerts *a, bool english);

/**
 * A print job still queued, sent or printing @p seconds after it was
 * queued is alerted as not printed (default ALERTS_STALE_S; the kiosk
 * gives up on a receipt after [printer] receipt_timeout_s).
 */
void alerts_set_stale_s(struct alerts *a, int seconds);

/**
 * Also hand every new event (any action: forward, call-ack, handover...)
 * to @p cb as alerts_read() reads it, before that read's alerts; NULL
 * stops it.  Events are read only when the database changed.
 */
void alerts_set_event_cb(struct alerts *a,
			 int (*cb)(const struct queue_event *, void *),
			 void *ctx);

/**
 * Re-read at the next alerts_read() (its timeout becomes 0).  data_version
 * does not move for the connection's own commits: a program that writes
 * through the same struct queue (the TUI) calls this after each write.
 */
void alerts_refresh(struct alerts *a);

/** true when inotify is unavailable and the watcher polls slowly. */
bool alerts_is_polling(const struct alerts *a);

#endif
