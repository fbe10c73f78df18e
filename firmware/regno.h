/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Registration numbers.  The office sets the layout with a template whose
 * placeholders are {seq} (4 digits, more when needed), {prefix}, {roman}
 * (month in Roman numerals), {month} (2 digits) and {year}.  The default
 * "{seq}/PPID/{prefix}/{roman}/{year}" gives "0001/PPID/KPU-BKL/XI/2026",
 * which cannot be confused with the national e-PPID's numbers.
 */
#ifndef PPID_REGNO_H
#define PPID_REGNO_H

#include <stddef.h>

/**
 * Expand @p fmt into @p buf.
 * @return 0, or -1 with errno EINVAL (unknown placeholder, no {seq} or
 *         {year}, a character a receipt QR cannot carry) or ENOSPC.
 */
int regno_format(const char *fmt, const char *prefix, int seq, int year,
		 int month, char *buf, size_t len);

/**
 * Check a template and prefix once at start-up: the same rules, and the
 * number must fit REQ_REGNO_MAX bytes for every sequence up to 99999 in
 * every month (the widest Roman month is VIII).
 * @return 0, or -1 with errno EINVAL or ENOSPC.
 */
int regno_check_format(const char *fmt, const char *prefix);

#endif
