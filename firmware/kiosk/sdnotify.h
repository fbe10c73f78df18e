/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kiosk's word to systemd (sd_notify(3)): READY=1 once the first frame
 * is on screen, WATCHDOG=1 from the loop while it turns, STOPPING=1 on the
 * way out.  Under systemd's watchdog (WatchdogSec= in the unit) the loop
 * pings at half the interval, so a loop that hangs stops pinging and
 * systemd restarts the kiosk.  Without a watchdog, or outside systemd, it
 * adds no deadline to the loop and no wake-up; every call is then a no-op.
 */
#ifndef PPID_KIOSK_SDNOTIFY_H
#define PPID_KIOSK_SDNOTIFY_H

#include <stdbool.h>
#include <stdint.h>

struct sdnotify {
	int64_t interval_ms; /* between pings; 0 = no watchdog */
	int64_t next_ms;     /* the next ping is due then */
	bool ready;	     /* READY=1 was sent */
};

/**
 * Read the watchdog's interval from the environment (WATCHDOG_USEC, and
 * WATCHDOG_PID when set, through sd_watchdog_enabled()); the first ping is
 * due at @p now_ms.  A broken setting is logged and leaves the watchdog
 * off.  @return 0, or -1 with errno when the environment is unusable
 * (the watchdog is then off).
 */
int sdnotify_init(struct sdnotify *s, int64_t now_ms);

/** true when systemd expects WATCHDOG=1 pings. */
bool sdnotify_watchdog_on(const struct sdnotify *s);

/**
 * Milliseconds until the next ping is due (0 when overdue), for the
 * loop's poll timeout; -1 (no deadline) when the watchdog is off.
 */
int64_t sdnotify_timeout_ms(const struct sdnotify *s, int64_t now_ms);

/**
 * From the loop, once per turn: send WATCHDOG=1 when a ping is due at
 * @p now_ms, then schedule the next one.  A no-op when the watchdog is off.
 */
void sdnotify_tick(struct sdnotify *s, int64_t now_ms);

/** READY=1 with a STATUS= line (once; later calls do nothing). */
void sdnotify_ready(struct sdnotify *s, const char *status);

/** STOPPING=1: the kiosk is shutting down (SIGTERM). */
void sdnotify_stopping(struct sdnotify *s);

#endif
