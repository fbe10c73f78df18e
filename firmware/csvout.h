/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CSV output for people who open it in a spreadsheet: RFC 4180 records
 * (fields quoted when needed, quotes doubled, every record ends in CRLF),
 * and cells that a spreadsheet would run as a formula neutralised with a
 * leading apostrophe (OWASP's rule for "CSV injection").  Named csvout, not
 * csv, so it cannot shadow libcsv's <csv.h>.
 */
#ifndef PPID_CSVOUT_H
#define PPID_CSVOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/**
 * true if a spreadsheet could take @p s as a formula: it begins with '=',
 * '+', '-', '@', a tab or a carriage return.  Such a cell is written with
 * a "'" in front.
 */
bool csvout_is_formula(const char *s);

/**
 * Write one cell of a record, then ',' or (for the record's @p last cell)
 * CRLF.  The cell is quoted when it holds a comma, a quote, CR or LF, when
 * it begins or ends with a space or tab (readers trim those), and when it
 * was neutralised.  NULL is written as an empty cell.
 * @return 0, or -1 with errno set (EIO when the stream gives no errno) if
 *         the stream failed; the stream's error flag stays set.  A buffered
 *         stream may only fail when it is flushed: check fflush()/fclose()
 *         (or ferror()) at the end too.
 */
int csvout_cell(FILE *f, const char *s, bool last);

/**
 * Write one record of @p n_cells cells (see csvout_cell()); nothing when
 * @p n_cells is 0.
 * @return 0, or -1 with errno set on a write error.
 */
int csvout_row(FILE *f, size_t n_cells, const char *const cells[]);

#endif
