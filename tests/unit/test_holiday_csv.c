// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests for holiday_csv.c: the holiday import file (RFC 4180). */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "holiday_csv.h"

struct fx {
	struct holiday_csv h;	      /* the result */
	struct holiday_csv_error err; /* the refusal */
};

static struct fx fixture;

static int setup(void **state)
{
	memset(&fixture, 0x5a, sizeof(fixture));
	errno = 0;
	*state = &fixture;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;

	holiday_csv_free(&x->h);
	memset(x, 0, sizeof(*x));
	return 0;
}

/* Parse @p text (a C string) and expect @p n rows. */
static void accept(struct fx *x, const char *text, size_t n)
{
	int rc = holiday_csv_parse(text, strlen(text), &x->h, &x->err);

	if (rc != 0)
		fail_msg("refused: line %zu: %s", x->err.line, x->err.msg);
	assert_int_equal(x->h.n_rows, n);
}

/* Parse and expect a refusal at @p line whose message holds @p needle. */
static void refuse(struct fx *x, const char *text, size_t len, size_t line,
		   const char *needle)
{
	errno = 0;
	assert_int_equal(holiday_csv_parse(text, len, &x->h, &x->err), -1);
	assert_int_equal(errno, EINVAL);
	assert_null(x->h.rows);
	assert_int_equal(x->h.n_rows, 0);
	assert_int_equal(x->err.line, line);
	if (!strstr(x->err.msg, needle))
		fail_msg("'%s' not in '%s'", needle, x->err.msg);
}

static void refuse_str(struct fx *x, const char *text, size_t line,
		       const char *needle)
{
	refuse(x, text, strlen(text), line, needle);
}

static void row_is(const struct fx *x, size_t i, int y, int m, int d,
		   const char *kind, const char *name, const char *source)
{
	const struct queue_holiday *h = &x->h.rows[i];

	assert_int_equal(h->day.year, y);
	assert_int_equal(h->day.month, m);
	assert_int_equal(h->day.day, d);
	assert_string_equal(h->kind, kind);
	assert_string_equal(h->name, name);
	assert_string_equal(h->source, source);
}

/* The format the console has always read, and that console.sh writes. */
static void test_current_format(void **state)
{
	struct fx *x = *state;

	accept(x,
	       "# Libur 2027 (test data)\n"
	       "day,kind,name,source\n"
	       "2027-02-10,office,Kantor tutup 2027,SKB test\n"
	       "2027-01-01,national,Tahun Baru 2027\n",
	       2);
	row_is(x, 0, 2027, 2, 10, "office", "Kantor tutup 2027", "SKB test");
	row_is(x, 1, 2027, 1, 1, "national", "Tahun Baru 2027", "");
}

static void test_quoted_fields(void **state)
{
	struct fx *x = *state;

	accept(x,
	       "2027-03-20,national,\"Idul Fitri 1448 H, hari pertama\","
	       "\"SKB 3 Menteri, 2026\"\n"
	       "2027-03-21,leave,\"Cuti \"\"bersama\"\" Idul Fitri\",\"\"\n"
	       "\"2027-03-22\",\"leave\",\"Cuti, \"\"lagi\"\"\"\n",
	       3);
	row_is(x, 0, 2027, 3, 20, "national", "Idul Fitri 1448 H, hari pertama",
	       "SKB 3 Menteri, 2026");
	row_is(x, 1, 2027, 3, 21, "leave", "Cuti \"bersama\" Idul Fitri", "");
	row_is(x, 2, 2027, 3, 22, "leave", "Cuti, \"lagi\"", "");
}

static void test_crlf_bom_blank_lines(void **state)
{
	struct fx *x = *state;

	accept(x,
	       "\xef\xbb\xbf"
	       "day,kind,name,source\r\n"
	       "\r\n"
	       "2027-05-01,national,Hari Buruh,SKB\r\n"
	       "   \r\n"
	       "\n"
	       "  # comment, with \"quotes\r\n"
	       "2027-05-13,national,\"Kenaikan, Isa\",SKB\r\n"
	       "2027-06-01,national,Hari Lahir Pancasila",
	       3);
	row_is(x, 0, 2027, 5, 1, "national", "Hari Buruh", "SKB");
	row_is(x, 1, 2027, 5, 13, "national", "Kenaikan, Isa", "SKB");
	row_is(x, 2, 2027, 6, 1, "national", "Hari Lahir Pancasila", "");
}

/* Records end at LF (or CRLF): a bare CR never splits a line in two. */
static void test_bare_cr(void **state)
{
	struct fx *x = *state;

	accept(x, "2027-01-01,national,\"A, B\"\r\n2027-01-02,leave,C \r\n", 2);
	row_is(x, 0, 2027, 1, 1, "national", "A, B", "");
	row_is(x, 1, 2027, 1, 2, "leave", "C", "");
	holiday_csv_free(&x->h);
	refuse_str(x, "2027-01-01,national,A\rB\n", 1, "one line");
	refuse_str(x, "2027-01-01,national,A,SKB\r2027-01-02,national,B\n", 1,
		   "found 6 fields");
}

static void test_empty_and_header_only(void **state)
{
	struct fx *x = *state;

	accept(x, "", 0);
	assert_null(x->h.rows);
	accept(x, "\xef\xbb\xbf", 0);
	accept(x, "DAY,Kind,Name\n# nothing yet\n", 0);
}

static void test_kind_any_case(void **state)
{
	struct fx *x = *state;

	accept(x, "2027-08-17,National,Hari Kemerdekaan\n", 1);
	row_is(x, 0, 2027, 8, 17, "national", "Hari Kemerdekaan", "");
	assert_string_equal(holiday_csv_kind("OFFICE"), "office");
	assert_null(holiday_csv_kind("holiday"));
	assert_null(holiday_csv_kind(NULL));
}

static void test_unquoted_spaces_trimmed(void **state)
{
	struct fx *x = *state;

	accept(x, " 2027-08-17 , national ,  Hari Kemerdekaan ,\" SKB \"\n", 1);
	row_is(x, 0, 2027, 8, 17, "national", "Hari Kemerdekaan", " SKB ");
}

/* A quoted name may not hold a newline: the name is one line. */
static void test_multiline_field_refused_at_its_start(void **state)
{
	struct fx *x = *state;

	refuse_str(x,
		   "day,kind,name\n"
		   "2027-01-01,national,Tahun Baru\n"
		   "2027-01-02,national,\"Dua\nbaris\"\n"
		   "2027-01-03,national,Tiga\n",
		   3, "one line");
}

/* Before libcsv the comma split "Idul Fitri" from "hari pertama". */
static void test_unquoted_comma_is_an_extra_field(void **state)
{
	struct fx *x = *state;

	refuse_str(x,
		   "2027-01-01,national,Tahun Baru\n"
		   "2027-03-20,national,Idul Fitri, hari pertama,SKB\n",
		   2, "found 5 fields");
}

static void test_bad_rows(void **state)
{
	struct fx *x = *state;

	refuse_str(x, "2027-13-01,national,Bad\n", 1, "'2027-13-01' is not");
	refuse_str(x, "\n\n2027-01-01,holiday,Bad\n", 3, "kind 'holiday'");
	refuse_str(x, "2027-01-01,national\n", 1, "found 2 fields");
	refuse_str(x, "2027-01-01\n", 1, "found 1 field");
	refuse_str(x, "2027-01-01,national,\"  \"\n", 1, "name is empty");
	refuse_str(x, "2027-01-01,national,\n", 1, "name is empty");
	refuse_str(x, "2027-01-01,national,Tab\x01in\n", 1, "one line");
	refuse_str(x, "2027-01-01,national,Bad\xff\n", 1, "UTF-8");
	refuse_str(x,
		   "2027-01-01,national,A\xe2\x80\xa8"
		   "B\n",
		   1, "one line");
	refuse_str(x, "2027-01-01,national,Ok,\"x\ny\"\n", 1, "source");
	/* A header anywhere but first is a bad record. */
	refuse_str(x, "2027-01-01,national,A\nday,kind,name\n", 2,
		   "'day' is not a date");
	/* Hostile text is not echoed as it is. */
	refuse_str(x, "\x1b[2J,national,A\n", 1, "'?[2J' is not");
}

static void test_quotes_strict(void **state)
{
	struct fx *x = *state;

	refuse_str(x, "2027-01-01,national,Hari \"Raya\"\n", 1,
		   "misplaced quote");
	refuse_str(x, "2027-01-01,national,A\n2027-01-02,national,\"B\"C\n", 2,
		   "misplaced quote");
	refuse_str(x, "2027-01-01,national,A\n2027-01-02,national,\"B\n\n", 2,
		   "not closed");
}

static void test_nul_byte(void **state)
{
	struct fx *x = *state;
	static const char text[] = "2027-01-01,national,A\0B\n";

	refuse(x, text, sizeof(text) - 1, 1, "NUL");
}

static void test_too_long(void **state)
{
	struct fx *x = *state;
	char text[HOLIDAY_CSV_TEXT_MAX * 2 + 64];
	int n = snprintf(text, sizeof(text), "2027-01-01,national,");

	memset(text + n, 'a', HOLIDAY_CSV_TEXT_MAX);
	strcpy(text + n + HOLIDAY_CSV_TEXT_MAX, "\n");
	accept(x, text, 1);
	holiday_csv_free(&x->h);
	strcpy(text + n + HOLIDAY_CSV_TEXT_MAX, "a\n");
	refuse_str(x, text, 1, "at most");
}

static void test_duplicate_day(void **state)
{
	struct fx *x = *state;

	refuse_str(x,
		   "# two on one day\n"
		   "2027-01-01,national,Tahun Baru\n"
		   "2027-05-01,national,Hari Buruh\n"
		   "2027-01-01,leave,Cuti\n",
		   4, "2027-01-01 is already on line 2");
}

static void test_load(void **state)
{
	struct fx *x = *state;
	char path[] = "/tmp/test_holiday_csv.XXXXXX";
	int fd = mkstemp(path);
	static const char text[] = "2027-01-01,national,\"Tahun Baru, 2027\"\n";

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, sizeof(text) - 1),
			 (ssize_t)sizeof(text) - 1);
	close(fd);
	assert_int_equal(holiday_csv_load(path, &x->h, &x->err), 0);
	assert_int_equal(x->h.n_rows, 1);
	row_is(x, 0, 2027, 1, 1, "national", "Tahun Baru, 2027", "");
	holiday_csv_free(&x->h);
	holiday_csv_free(&x->h); /* twice is harmless */
	unlink(path);

	errno = 0;
	assert_int_equal(holiday_csv_load(path, &x->h, &x->err), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(x->err.line, 0);
	assert_non_null(strstr(x->err.msg, "No such file"));
}

static void test_load_too_big(void **state)
{
	struct fx *x = *state;
	char path[] = "/tmp/test_holiday_csv.XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, HOLIDAY_CSV_FILE_MAX + 1), 0);
	close(fd);
	errno = 0;
	assert_int_equal(holiday_csv_load(path, &x->h, &x->err), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(x->err.line, 0);
	unlink(path);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(test_current_format),
	    T(test_quoted_fields),
	    T(test_crlf_bom_blank_lines),
	    T(test_bare_cr),
	    T(test_empty_and_header_only),
	    T(test_kind_any_case),
	    T(test_unquoted_spaces_trimmed),
	    T(test_multiline_field_refused_at_its_start),
	    T(test_unquoted_comma_is_an_extra_field),
	    T(test_bad_rows),
	    T(test_quotes_strict),
	    T(test_nul_byte),
	    T(test_too_long),
	    T(test_duplicate_day),
	    T(test_load),
	    T(test_load_too_big),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
