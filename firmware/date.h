/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Civil (proleptic Gregorian) dates and the office's clock.  Dates are plain
 * values; a "day number" counts days since 1970-01-01 so dates compare and
 * subtract as integers.  The office is in WIB (UTC+7, no daylight saving), so
 * local time is computed arithmetically and never depends on TZ.
 */
#ifndef PPID_DATE_H
#define PPID_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define DATE_WIB_OFFSET_S (7 * 3600) /* WIB = UTC+7 */

struct date {
	int year;  /* e.g. 2026 */
	int month; /* 1..12 */
	int day;   /* 1..31 */
};

/** true if year/month/day name a real calendar day (years 1900..9999). */
bool date_valid(int year, int month, int day);

/** Days since 1970-01-01 (negative before). */
int64_t date_to_days(struct date d);

/** The date of a day number. */
struct date date_from_days(int64_t days);

/** 1 = Monday .. 7 = Sunday (ISO 8601). */
int date_weekday(struct date d);

/** @p d plus @p n calendar days (n may be negative). */
struct date date_add_days(struct date d, int n);

/** <0, 0, >0 as a is before, equal to, after b. */
int date_cmp(struct date a, struct date b);

/**
 * Parse "YYYY-MM-DD" exactly (no spaces, a real date).
 * @return 0 on success, -1 (errno EINVAL) otherwise.
 */
int date_parse(const char *s, struct date *out);

/** Write "YYYY-MM-DD" into @p buf (at least 11 bytes). */
void date_format(struct date d, char *buf, size_t len);

/** The WIB calendar date and minutes since local midnight of a UTC instant. */
struct date date_of_wib(time_t utc, int *minute_of_day);

/** The UTC instant of a WIB local date and time (hh:mm:ss). */
time_t date_wib_to_utc(struct date d, int hour, int minute, int second);

/**
 * Parse a WIB local time "YYYY-MM-DD HH:MM" (or with a 'T', or
 * with ":SS", or a bare date meaning 00:00) into a UTC instant.
 * @return 0 on success, -1 with errno EINVAL (not such a time) or ERANGE
 *         (beyond what time_t holds: 2038 where it has 32 bits).
 */
int date_parse_wib(const char *s, time_t *out);

/** Format a UTC instant as WIB "YYYY-MM-DD HH:MM WIB" into @p buf. */
void date_format_wib(time_t utc, char *buf, size_t len);

/** Indonesian month name, 1..12 ("Januari"); English with @p english. */
const char *date_month_name(int month, bool english);

/** Upper-case Roman numeral of a month 1..12 ("XI"). */
const char *date_month_roman(int month);

#endif
