/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The office's working-day calendar: Monday to Friday, minus the holiday
 * table, with office hours.  Deadlines are counted in working days from the
 * first working day on which the request counts as received: a request that
 * arrives outside office hours or on a non-working day counts from the next
 * working day.
 */
#ifndef PPID_CALENDAR_H
#define PPID_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "date.h"

struct calendar;

/** An empty calendar (weekends only), office hours 08:00-16:00. Free with
 *  calendar_free(). NULL with errno ENOMEM. */
struct calendar *calendar_new(void);

/** Release a calendar; NULL is a no-op. */
void calendar_free(struct calendar *cal);

/** Remove every holiday (keeps office hours). */
void calendar_clear(struct calendar *cal);

/**
 * Mark @p day as a non-working day.  Adding a day twice is harmless.
 * @return 0, or -1 with errno ENOMEM / EINVAL (not a real date).
 */
int calendar_add_holiday(struct calendar *cal, struct date day);

/** Office hours as minutes after local midnight, open < close. */
void calendar_set_hours(struct calendar *cal, int open_min, int close_min);

/** true if @p day is neither a weekend nor a holiday. */
bool calendar_is_workday(const struct calendar *cal, struct date day);

/** true if at least one holiday of @p year is loaded. */
bool calendar_has_year(const struct calendar *cal, int year);

/** The first working day on or after @p day. */
struct date calendar_next_workday(const struct calendar *cal, struct date day);

/**
 * The date @p n working days after @p day (n >= 0; n == 0 gives @p day).
 * Day @p day itself is not counted: Monday + 1 is Tuesday, Friday + 1 is
 * Monday.
 */
struct date calendar_add_workdays(const struct calendar *cal, struct date day,
				  int n);

/**
 * The day a request received at @p received (UTC) counts as received:
 * that WIB date if it is a working day and the time is before closing,
 * otherwise the next working day.
 */
struct date calendar_start_day(const struct calendar *cal, time_t received);

/**
 * The deadline of a request received at @p received (UTC): @p n working
 * days after calendar_start_day(), that day itself not counted.  The queue
 * and `ppid-console workdays` both count with this, so they agree.
 */
struct date calendar_due(const struct calendar *cal, time_t received, int n);

/** Working days from @p from to @p to (positive if to is later). */
int calendar_workdays_between(const struct calendar *cal, struct date from,
			      struct date to);

#endif
