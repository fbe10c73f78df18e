// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Wait-for-stability debouncer (see debounce.h).  Pure: the caller supplies
 * every edge and every time, so the same inputs always give the same events.
 */

#include <limits.h>

#include "debounce.h"

static void push(struct debounce *d, enum debounce_event_type type,
		 int64_t time_ms)
{
	unsigned int tail;

	if (d->count == DEBOUNCE_QUEUE_LEN) {
		d->dropped++;
		return;
	}
	tail = (d->head + d->count) % DEBOUNCE_QUEUE_LEN;
	d->queue[tail].type = type;
	d->queue[tail].time_ms = time_ms;
	d->count++;
}

/* When the pending level change (raw != stable) becomes stable. */
static int64_t stable_deadline(const struct debounce *d)
{
	if (d->raw == d->stable)
		return DEBOUNCE_NONE;
	return d->raw_since + d->debounce_ms;
}

/*
 * When LONG_PRESS is due.  Only while the line still reads pressed: a raw
 * release that has not yet proven stable holds the long press back, and if
 * it turns out to be a glitch the hold time keeps counting from the press.
 */
static int64_t long_deadline(const struct debounce *d)
{
	int64_t t;

	if (!d->stable || !d->raw || !d->long_pending)
		return DEBOUNCE_NONE;
	t = d->press_start + d->long_press_ms;
	return t > d->raw_since ? t : d->raw_since;
}

void debounce_init(struct debounce *d, const struct debounce_cfg *cfg,
		   int level, int64_t now_ms)
{
	unsigned int db = cfg ? cfg->debounce_ms : 0;
	int lp = cfg ? cfg->long_press_ms : 0;

	d->debounce_ms = db ? db : DEBOUNCE_DEFAULT_MS;
	if (lp == 0)
		d->long_press_ms = DEBOUNCE_LONG_PRESS_DEFAULT_MS;
	else
		d->long_press_ms = lp < 0 ? -1 : lp;
	d->stable = level != 0;
	d->raw = d->stable;
	d->raw_since = now_ms;
	d->now = now_ms;
	/* A button already held at start-up never produces a LONG_PRESS. */
	d->press_start = now_ms;
	d->long_pending = false;
	d->head = 0;
	d->count = 0;
	d->dropped = 0;
}

void debounce_advance(struct debounce *d, int64_t now_ms)
{
	if (now_ms < d->now)
		now_ms = d->now;

	/*
	 * The two deadlines exclude each other (one needs raw != stable, the
	 * other raw == stable == 1), but a press that becomes stable can make
	 * its long press due within the same call, hence the loop.
	 */
	for (;;) {
		int64_t a = stable_deadline(d);
		int64_t b = long_deadline(d);

		if (a != DEBOUNCE_NONE && a <= now_ms) {
			d->stable = d->raw;
			if (d->stable) {
				d->press_start = d->raw_since;
				d->long_pending = d->long_press_ms >= 0;
				push(d, DEBOUNCE_PRESS, a);
			} else {
				d->long_pending = false;
				push(d, DEBOUNCE_RELEASE, a);
			}
		} else if (b != DEBOUNCE_NONE && b <= now_ms) {
			d->long_pending = false;
			push(d, DEBOUNCE_LONG_PRESS, b);
		} else {
			break;
		}
	}
	d->now = now_ms;
}

void debounce_edge(struct debounce *d, int64_t t_ms, int level)
{
	if (t_ms < d->now)
		t_ms = d->now;
	/* Whatever became stable before this edge is reported first. */
	debounce_advance(d, t_ms);
	d->raw = level != 0;
	d->raw_since = t_ms;
}

void debounce_sample(struct debounce *d, int64_t t_ms, int level)
{
	if (t_ms < d->now)
		t_ms = d->now;
	debounce_advance(d, t_ms);
	if ((level != 0) != d->raw) {
		d->raw = level != 0;
		d->raw_since = t_ms;
	}
}

int64_t debounce_next_deadline_ms(const struct debounce *d)
{
	int64_t a = stable_deadline(d);

	return a != DEBOUNCE_NONE ? a : long_deadline(d);
}

int debounce_timeout_ms(const struct debounce *d, int64_t now_ms)
{
	int64_t t;

	if (d->count)
		return 0;
	t = debounce_next_deadline_ms(d);
	if (t == DEBOUNCE_NONE)
		return -1;
	if (t <= now_ms)
		return 0;
	t -= now_ms;
	return t > INT_MAX ? INT_MAX : (int)t;
}

bool debounce_pop(struct debounce *d, struct debounce_event *ev)
{
	if (!d->count)
		return false;
	*ev = d->queue[d->head];
	d->head = (d->head + 1) % DEBOUNCE_QUEUE_LEN;
	d->count--;
	return true;
}

int debounce_get_level(const struct debounce *d)
{
	return d->stable;
}

unsigned long debounce_get_dropped(const struct debounce *d)
{
	return d->dropped;
}
