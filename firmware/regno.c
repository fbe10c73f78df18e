// SPDX-License-Identifier: GPL-2.0-or-later
/* Registration number templates. */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "regno.h"
#include "request.h"

/* What a receipt payload may carry (see idparse.h). */
static bool allowed(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '-';
}

int regno_format(const char *fmt, const char *prefix, int seq, int year,
		 int month, char *buf, size_t len)
{
	size_t n = 0;
	bool has_seq = false, has_year = false;

	for (const char *p = fmt; *p;) {
		char piece[64];
		const char *add = piece;

		if (*p == '{') {
			const char *end = strchr(p, '}');
			size_t k = end ? (size_t)(end - p - 1) : 0;

			if (!end)
				goto invalid;
			if (k == 3 && strncmp(p + 1, "seq", 3) == 0) {
				snprintf(piece, sizeof(piece), "%04d", seq);
				has_seq = true;
			} else if (k == 4 && strncmp(p + 1, "year", 4) == 0) {
				snprintf(piece, sizeof(piece), "%04d", year);
				has_year = true;
			} else if (k == 5 && strncmp(p + 1, "month", 5) == 0) {
				snprintf(piece, sizeof(piece), "%02d", month);
			} else if (k == 5 && strncmp(p + 1, "roman", 5) == 0) {
				add = date_month_roman(month);
			} else if (k == 6 && strncmp(p + 1, "prefix", 6) == 0) {
				add = prefix;
			} else {
				goto invalid;
			}
			p = end + 1;
		} else {
			piece[0] = *p++;
			piece[1] = '\0';
		}
		for (; *add; add++) {
			if (!allowed(*add))
				goto invalid;
			if (n + 1 >= len) {
				errno = ENOSPC;
				return -1;
			}
			buf[n++] = *add;
		}
	}
	if (!has_seq || !has_year)
		goto invalid;
	buf[n] = '\0';
	return 0;
invalid:
	errno = EINVAL;
	return -1;
}

int regno_check_format(const char *fmt, const char *prefix)
{
	char buf[REQ_REGNO_MAX];

	/* A five-digit sequence in every month: the widest Roman month is
	 * VIII, not XII. */
	for (int month = 1; month <= 12; month++)
		if (regno_format(fmt, prefix, 99999, 2026, month, buf,
				 sizeof(buf)) < 0)
			return -1;
	return 0;
}
