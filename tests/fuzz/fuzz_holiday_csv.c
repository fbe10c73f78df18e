// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness for the holiday import file (holiday_csv.c): any bytes
 * as a file.  Parsing must never crash or leak; a refusal leaves nothing
 * behind and names a line the input has; what is accepted keeps the rules
 * (real dates, one row per day, a known kind, one line of text), and
 * written back with csvout.c it reads back the same, formula cells aside,
 * which come back with the neutralising "'".
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "holiday_csv.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			abort();                                               \
	} while (0)

static size_t count_lines(const uint8_t *data, size_t size)
{
	size_t n = 1;

	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n';
	return n;
}

static void check_rows(const struct holiday_csv *h)
{
	for (size_t i = 0; i < h->n_rows; i++) {
		const struct queue_holiday *r = &h->rows[i];
		char d[16];
		struct date back;

		CHECK(date_valid(r->day.year, r->day.month, r->day.day));
		date_format(r->day, d, sizeof(d));
		CHECK(date_parse(d, &back) == 0 && date_cmp(back, r->day) == 0);
		CHECK(holiday_csv_kind(r->kind) == r->kind);
		CHECK(r->name && *r->name &&
		      request_text_ok(r->name, false, NULL));
		CHECK(r->source && request_text_ok(r->source, false, NULL));
		for (size_t j = 0; j < i; j++)
			CHECK(date_cmp(h->rows[j].day, r->day) != 0);
	}
}

/* What csvout writes for @p s and the reader gives back. */
static int same_cell(const char *got, const char *orig)
{
	if (csvout_is_formula(orig))
		return got[0] == '\'' && strcmp(got + 1, orig) == 0;
	return strcmp(got, orig) == 0;
}

static void check_round_trip(const struct holiday_csv *h)
{
	struct holiday_csv again;
	struct holiday_csv_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return;
	for (size_t i = 0; i < h->n_rows; i++) {
		char d[16];
		const char *cells[4];

		date_format(h->rows[i].day, d, sizeof(d));
		cells[0] = d;
		cells[1] = h->rows[i].kind;
		cells[2] = h->rows[i].name;
		cells[3] = h->rows[i].source;
		CHECK(csvout_row(f, 4, cells) == 0);
	}
	CHECK(fclose(f) == 0);
	if (holiday_csv_parse(buf, len, &again, &err) < 0) {
		/* Only a neutralised cell may now be too long by its "'". */
		CHECK(strstr(err.msg, "at most"));
		free(buf);
		return;
	}
	CHECK(again.n_rows == h->n_rows);
	for (size_t i = 0; i < h->n_rows; i++) {
		CHECK(date_cmp(again.rows[i].day, h->rows[i].day) == 0);
		CHECK(again.rows[i].kind == h->rows[i].kind);
		CHECK(same_cell(again.rows[i].name, h->rows[i].name));
		CHECK(same_cell(again.rows[i].source, h->rows[i].source));
	}
	holiday_csv_free(&again);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct holiday_csv h;
	struct holiday_csv_error err;
	int rc;

	memset(&err, 0x5a, sizeof(err));
	errno = 0;
	rc = holiday_csv_parse((const char *)data, size, &h, &err);
	if (rc < 0) {
		CHECK(rc == -1);
		CHECK(errno == EINVAL || errno == ENOMEM);
		CHECK(h.rows == NULL && h.n_rows == 0);
		CHECK(memchr(err.msg, '\0', sizeof(err.msg)) && err.msg[0]);
		CHECK(!strchr(err.msg, '\n') && !strchr(err.msg, '\r'));
		CHECK(err.line >= 1 && err.line <= count_lines(data, size));
		return 0;
	}
	CHECK(rc == 0);
	CHECK((h.rows == NULL) == (h.n_rows == 0));
	CHECK(h.n_rows <= count_lines(data, size));
	check_rows(&h);
	check_round_trip(&h);
	holiday_csv_free(&h);
	CHECK(h.rows == NULL && h.n_rows == 0);
	return 0;
}
