// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Civil dates by day-number arithmetic (the days-from-civil algorithm), and
 * the WIB clock as a fixed UTC offset.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool date_valid(int year, int month, int day)
{
	return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 &&
	       day >= 1 && day <= days_in_month(year, month);
}

int64_t date_to_days(struct date d)
{
	/* Shift the year to start in March so the leap day is last. */
	int64_t y = d.year - (d.month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t mp = (d.month + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date date_from_days(int64_t days)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	struct date d;

	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

int date_weekday(struct date d)
{
	/* 1970-01-01 was a Thursday (4). */
	int64_t w = (date_to_days(d) + 3) % 7;

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

struct date date_add_days(struct date d, int n)
{
	return date_from_days(date_to_days(d) + n);
}

int date_cmp(struct date a, struct date b)
{
	int64_t x = date_to_days(a), y = date_to_days(b);

	return x < y ? -1 : x > y;
}

static int parse_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse(const char *s, struct date *out)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		goto invalid;
	y = parse_digits(s, 4);
	m = parse_digits(s + 5, 2);
	d = parse_digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_valid(y, m, d))
		goto invalid;
	out->year = y;
	out->month = m;
	out->day = d;
	return 0;
invalid:
	errno = EINVAL;
	return -1;
}

void date_format(struct date d, char *buf, size_t len)
{
	snprintf(buf, len, "%04d-%02d-%02d", d.year, d.month, d.day);
}

struct date date_of_wib(time_t utc, int *minute_of_day)
{
	int64_t t = (int64_t)utc + DATE_WIB_OFFSET_S;
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t sec = t - days * 86400;

	if (minute_of_day)
		*minute_of_day = (int)(sec / 60);
	return date_from_days(days);
}

time_t date_wib_to_utc(struct date d, int hour, int minute, int second)
{
	return (time_t)(date_to_days(d) * 86400 + hour * 3600 + minute * 60 +
			second - DATE_WIB_OFFSET_S);
}

int date_parse_wib(const char *s, time_t *out)
{
	char day[11];
	struct date d;
	int hh = 0, mm = 0, ss = 0;
	size_t n = s ? strlen(s) : 0;

	if (n < 10)
		goto invalid;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (date_parse(day, &d) < 0)
		goto invalid;
	if (n > 10) {
		const char *t = s + 11;

		if ((s[10] != ' ' && s[10] != 'T') || (n != 16 && n != 19) ||
		    t[2] != ':')
			goto invalid;
		hh = parse_digits(t, 2);
		mm = parse_digits(t + 3, 2);
		if (n == 19) {
			if (t[5] != ':')
				goto invalid;
			ss = parse_digits(t + 6, 2);
		}
		if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59)
			goto invalid;
	}
	{
		int64_t t = date_to_days(d) * 86400 + hh * 3600 + mm * 60 + ss -
			    DATE_WIB_OFFSET_S;

		/* A 32-bit time_t (armhf) ends in 2038. */
		if ((int64_t)(time_t)t != t) {
			errno = ERANGE;
			return -1;
		}
		*out = (time_t)t;
	}
	return 0;
invalid:
	errno = EINVAL;
	return -1;
}

void date_format_wib(time_t utc, char *buf, size_t len)
{
	int min;
	struct date d = date_of_wib(utc, &min);

	snprintf(buf, len, "%04d-%02d-%02d %02d:%02d WIB", d.year, d.month,
		 d.day, min / 60, min % 60);
}

const char *date_month_name(int month, bool english)
{
	static const char *const id[] = {"Januari", "Februari", "Maret",
					 "April",   "Mei",	"Juni",
					 "Juli",    "Agustus",	"September",
					 "Oktober", "November", "Desember"};
	static const char *const en[] = {"January", "February", "March",
					 "April",   "May",	"June",
					 "July",    "August",	"September",
					 "October", "November", "December"};

	if (month < 1 || month > 12)
		return "?";
	return english ? en[month - 1] : id[month - 1];
}

const char *date_month_roman(int month)
{
	static const char *const r[] = {"I",  "II", "III", "IV",
					"V",  "VI", "VII", "VIII",
					"IX", "X",  "XI",  "XII"};

	return month >= 1 && month <= 12 ? r[month - 1] : "?";
}
