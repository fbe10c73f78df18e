// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Working-day calendar: a sorted array of holiday day numbers searched by
 * bisection.  A year holds about 25 holidays, so the array stays tiny.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"

struct calendar {
	int64_t *days; /* sorted holiday day numbers; malloc'd */
	size_t n_days; /* how many are used */
	size_t cap;    /* how many fit */
	int open_min;  /* office opens, minutes after midnight WIB */
	int close_min; /* office closes */
};

struct calendar *calendar_new(void)
{
	struct calendar *cal = calloc(1, sizeof(*cal));

	if (!cal)
		return NULL;
	cal->open_min = 8 * 60;
	cal->close_min = 16 * 60;
	return cal;
}

void calendar_free(struct calendar *cal)
{
	if (!cal)
		return;
	free(cal->days);
	free(cal);
}

void calendar_clear(struct calendar *cal)
{
	cal->n_days = 0;
}

/* Index of the first element >= key. */
static size_t lower_bound(const struct calendar *cal, int64_t key)
{
	size_t lo = 0, hi = cal->n_days;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cal->days[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int calendar_add_holiday(struct calendar *cal, struct date day)
{
	int64_t key;
	size_t at;

	if (!date_valid(day.year, day.month, day.day)) {
		errno = EINVAL;
		return -1;
	}
	key = date_to_days(day);
	at = lower_bound(cal, key);
	if (at < cal->n_days && cal->days[at] == key)
		return 0;
	if (cal->n_days == cal->cap) {
		size_t cap = cal->cap ? cal->cap * 2 : 64;
		int64_t *p = realloc(cal->days, cap * sizeof(*p));

		if (!p)
			return -1;
		cal->days = p;
		cal->cap = cap;
	}
	memmove(cal->days + at + 1, cal->days + at,
		(cal->n_days - at) * sizeof(*cal->days));
	cal->days[at] = key;
	cal->n_days++;
	return 0;
}

void calendar_set_hours(struct calendar *cal, int open_min, int close_min)
{
	cal->open_min = open_min;
	cal->close_min = close_min;
}

static bool is_holiday(const struct calendar *cal, int64_t key)
{
	size_t at = lower_bound(cal, key);

	return at < cal->n_days && cal->days[at] == key;
}

bool calendar_is_workday(const struct calendar *cal, struct date day)
{
	return date_weekday(day) <= 5 && !is_holiday(cal, date_to_days(day));
}

bool calendar_has_year(const struct calendar *cal, int year)
{
	size_t at = lower_bound(cal, date_to_days((struct date){year, 1, 1}));

	return at < cal->n_days &&
	       cal->days[at] <= date_to_days((struct date){year, 12, 31});
}

struct date calendar_next_workday(const struct calendar *cal, struct date day)
{
	while (!calendar_is_workday(cal, day))
		day = date_add_days(day, 1);
	return day;
}

struct date calendar_add_workdays(const struct calendar *cal, struct date day,
				  int n)
{
	while (n > 0) {
		day = date_add_days(day, 1);
		if (calendar_is_workday(cal, day))
			n--;
	}
	return day;
}

struct date calendar_start_day(const struct calendar *cal, time_t received)
{
	int minute;
	struct date day = date_of_wib(received, &minute);

	if (calendar_is_workday(cal, day) && minute < cal->close_min)
		return day;
	return calendar_next_workday(cal, date_add_days(day, 1));
}

struct date calendar_due(const struct calendar *cal, time_t received, int n)
{
	return calendar_add_workdays(cal, calendar_start_day(cal, received), n);
}

int calendar_workdays_between(const struct calendar *cal, struct date from,
			      struct date to)
{
	int sign = 1, n = 0;

	if (date_cmp(from, to) > 0) {
		struct date t = from;

		from = to;
		to = t;
		sign = -1;
	}
	while (date_cmp(from, to) < 0) {
		from = date_add_days(from, 1);
		if (calendar_is_workday(cal, from))
			n++;
	}
	return sign * n;
}
