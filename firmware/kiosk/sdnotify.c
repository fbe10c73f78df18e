// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sd_notify(3) for the kiosk's loop: see sdnotify.h.  libsystemd does the
 * socket work; outside systemd (no NOTIFY_SOCKET) sd_notify() returns 0 and
 * sends nothing.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <systemd/sd-daemon.h>

#include "log.h"
#include "sdnotify.h"

static void notify_send(const char *msg)
{
	int r = sd_notify(0, msg);

	if (r < 0)
		log_warn("sd_notify %s: %s", msg, strerror(-r));
}

int sdnotify_init(struct sdnotify *s, int64_t now_ms)
{
	uint64_t usec = 0;
	int r = sd_watchdog_enabled(0, &usec);

	memset(s, 0, sizeof(*s));
	if (r < 0) {
		log_warn("systemd watchdog: unusable setting: %s",
			 strerror(-r));
		errno = -r;
		return -1;
	}
	if (r > 0 && usec > 0) {
		/* Half the interval, at least 1 ms. */
		s->interval_ms = (int64_t)(usec / 2000);
		if (s->interval_ms < 1)
			s->interval_ms = 1;
		s->next_ms = now_ms;
		log_info("systemd watchdog: a ping every %lld ms",
			 (long long)s->interval_ms);
	}
	return 0;
}

bool sdnotify_watchdog_on(const struct sdnotify *s)
{
	return s->interval_ms > 0;
}

int64_t sdnotify_timeout_ms(const struct sdnotify *s, int64_t now_ms)
{
	if (!sdnotify_watchdog_on(s))
		return -1;
	return s->next_ms > now_ms ? s->next_ms - now_ms : 0;
}

void sdnotify_tick(struct sdnotify *s, int64_t now_ms)
{
	if (!sdnotify_watchdog_on(s) || now_ms < s->next_ms)
		return;
	notify_send("WATCHDOG=1");
	s->next_ms = now_ms + s->interval_ms;
}

void sdnotify_ready(struct sdnotify *s, const char *status)
{
	char msg[256];

	if (s->ready)
		return;
	s->ready = true;
	snprintf(msg, sizeof(msg), "READY=1\nSTATUS=%s", status);
	notify_send(msg);
}

void sdnotify_stopping(struct sdnotify *s)
{
	(void)s;
	notify_send("STOPPING=1");
}
