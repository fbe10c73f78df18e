// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests for csvout.c: RFC 4180 quoting, CRLF, formula neutralising. */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csvout.h"

struct fx {
	char *buf;  /* open_memstream() text, free() */
	size_t len; /* its length */
	FILE *f;    /* the stream */
};

static struct fx fixture;

static int setup(void **state)
{
	memset(&fixture, 0, sizeof(fixture));
	fixture.f = open_memstream(&fixture.buf, &fixture.len);
	assert_non_null(fixture.f);
	*state = &fixture;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;

	if (x->f)
		fclose(x->f);
	free(x->buf);
	memset(x, 0, sizeof(*x));
	return 0;
}

/* What one cell (as the last of its record) comes out as. */
static const char *one(struct fx *x, const char *cell)
{
	/* A fresh stream each time: rewinding would not truncate. */
	fclose(x->f);
	free(x->buf);
	x->buf = NULL;
	x->f = open_memstream(&x->buf, &x->len);
	assert_non_null(x->f);
	assert_int_equal(csvout_cell(x->f, cell, true), 0);
	assert_int_equal(fflush(x->f), 0);
	return x->buf;
}

static void test_plain_cells_unquoted(void **state)
{
	struct fx *x = *state;

	assert_string_equal(one(x, "0001/PPID/KPU-BKL/XI/2026"),
			    "0001/PPID/KPU-BKL/XI/2026\r\n");
	assert_string_equal(one(x, ""), "\r\n");
	assert_string_equal(one(x, NULL), "\r\n");
	assert_string_equal(one(x, "Ñoño Šťastný"), "Ñoño Šťastný\r\n");
}

static void test_quoting(void **state)
{
	struct fx *x = *state;

	assert_string_equal(one(x, "Santoso, Budi"), "\"Santoso, Budi\"\r\n");
	assert_string_equal(one(x, "O\"Brien"), "\"O\"\"Brien\"\r\n");
	assert_string_equal(one(x, "\"\""), "\"\"\"\"\"\"\r\n");
	assert_string_equal(one(x, "a\nb"), "\"a\nb\"\r\n");
	assert_string_equal(one(x, "a\r\nb"), "\"a\r\nb\"\r\n");
	/* Readers trim unquoted edge spaces; quoting keeps them. */
	assert_string_equal(one(x, " x"), "\" x\"\r\n");
	assert_string_equal(one(x, "x\t"), "\"x\t\"\r\n");
}

static void test_formula_neutralised(void **state)
{
	struct fx *x = *state;

	assert_string_equal(one(x, "=SUM(A1)"), "\"'=SUM(A1)\"\r\n");
	assert_string_equal(one(x, "+1"), "\"'+1\"\r\n");
	assert_string_equal(one(x, "-2"), "\"'-2\"\r\n");
	assert_string_equal(one(x, "@x"), "\"'@x\"\r\n");
	assert_string_equal(one(x, "\tcmd"), "\"'\tcmd\"\r\n");
	assert_string_equal(one(x, "\r=1"), "\"'\r=1\"\r\n");
	assert_string_equal(one(x, "=HYPERLINK(\"http://x\",\"y\")"),
			    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
	/* Only the first character counts. */
	assert_string_equal(one(x, "a=1"), "a=1\r\n");
	assert_string_equal(one(x, "'=1"), "'=1\r\n");
	assert_true(csvout_is_formula("=1"));
	assert_false(csvout_is_formula(""));
	assert_false(csvout_is_formula(NULL));
	assert_false(csvout_is_formula("1-2"));
}

static void test_row(void **state)
{
	struct fx *x = *state;
	const char *cells[] = {"a", "b,c", "", "=d"};

	assert_int_equal(csvout_row(x->f, 4, cells), 0);
	assert_int_equal(csvout_row(x->f, 2, cells), 0);
	assert_int_equal(csvout_row(x->f, 0, cells), 0);
	assert_int_equal(fflush(x->f), 0);
	assert_string_equal(x->buf, "a,\"b,c\",,\"'=d\"\r\na,\"b,c\"\r\n");
}

static void test_write_error(void **state)
{
	const char *cells[] = {"a", "b"};
	FILE *f = fopen("/dev/full", "we");

	(void)state;
	if (!f)
		skip();
	/* Unbuffered, so the first byte already fails. */
	setvbuf(f, NULL, _IONBF, 0);
	errno = 0;
	assert_int_equal(csvout_cell(f, "x", false), -1);
	assert_int_equal(errno, ENOSPC);
	assert_int_equal(csvout_row(f, 2, cells), -1);
	assert_true(ferror(f));
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_plain_cells_unquoted, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_quoting, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_formula_neutralised, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_row, setup, teardown),
	    cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
