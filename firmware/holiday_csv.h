/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The holiday file that `holidays import` reads: CSV (RFC 4180, parsed by
 * libcsv in strict mode), one holiday per record
 *
 *     DATE,KIND,NAME[,SOURCE]        2027-01-01,national,Tahun Baru 2027,SKB
 *
 * with DATE as YYYY-MM-DD and KIND national, leave (cuti bersama) or
 * office.  Fields may be quoted ("Idul Fitri, hari pertama"), quotes inside
 * doubled; lines end in LF or CRLF; a UTF-8 byte order mark, blank lines,
 * lines starting with '#' and a first record "day,kind,name[,source]" (the
 * header) are skipped.  The whole file is checked before anything is
 * returned: one bad record refuses it, naming its line.
 */
#ifndef PPID_HOLIDAY_CSV_H
#define PPID_HOLIDAY_CSV_H

#include <stddef.h>

#include "queue.h"

#define HOLIDAY_CSV_TEXT_MAX 200	   /* NAME, SOURCE: characters */
#define HOLIDAY_CSV_FILE_MAX (1024 * 1024) /* bytes holiday_csv_load() reads */

/** The holidays of one file. */
struct holiday_csv {
	struct queue_holiday *rows; /* n_rows, malloc; name and source each
				       malloc, kind static; NULL when empty */
	size_t n_rows;		    /* records read */
};

/** Why a file was refused. */
struct holiday_csv_error {
	size_t line;   /* 1-based line of the bad record; 0 = the file */
	char msg[200]; /* what is wrong (English, one line, no line number) */
};

/**
 * Read holidays from @p len bytes of @p text (need not be NUL-terminated).
 * On success @p out owns the rows (free with holiday_csv_free()); on
 * failure @p out is empty and @p err says where and why.  Two records for
 * the same day are refused.
 * @return 0, or -1 with errno EINVAL (bad content) or ENOMEM.
 */
int holiday_csv_parse(const char *text, size_t len, struct holiday_csv *out,
		      struct holiday_csv_error *err);

/**
 * holiday_csv_parse() on the file at @p path, at most HOLIDAY_CSV_FILE_MAX
 * bytes.
 * @return 0, or -1 with errno from opening or reading (err->line 0), EFBIG
 *         for a larger file, or as holiday_csv_parse().
 */
int holiday_csv_load(const char *path, struct holiday_csv *out,
		     struct holiday_csv_error *err);

/** Release the rows of @p h and empty it; an empty one is a no-op. */
void holiday_csv_free(struct holiday_csv *h);

/**
 * The holiday kind @p s names, in any case ("National" -> "national").
 * @return a static string, or NULL if @p s is not national, leave or office.
 */
const char *holiday_csv_kind(const char *s);

#endif
