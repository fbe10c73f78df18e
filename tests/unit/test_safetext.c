// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests for safetext.c: hostile text cannot forge a line. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "safetext.h"

static void test_plain_text_unchanged(void **state)
{
	char out[128];

	(void)state;
	assert_true(safetext_line("Budi Santoso, S.H.", 0, out, sizeof(out)));
	assert_string_equal(out, "Budi Santoso, S.H.");
	assert_true(safetext_line("Ni Luh Putu Ayu Suartini D\xc3\xa9wi", 0,
				  out, sizeof(out)));
	assert_string_equal(out, "Ni Luh Putu Ayu Suartini D\xc3\xa9wi");
}

static void test_controls_escaped(void **state)
{
	char out[256];

	(void)state;
	safetext_line("Budi\nStatus               closed", 0, out, sizeof(out));
	assert_string_equal(out, "Budi\\nStatus               closed");
	assert_null(strchr(out, '\n'));
	safetext_line("a\tb\rc\x1b[2Jd\x7f", 0, out, sizeof(out));
	assert_string_equal(out, "a\\tb\\rc\\x1b[2Jd\\x7f");
	/* C1 NEL, the line separator and a right-to-left override. */
	safetext_line("x\xc2\x85y\xe2\x80\xa8z\xe2\x80\xae", 0, out,
		      sizeof(out));
	assert_string_equal(out, "x\\u0085y\\u2028z\\u202e");
	/* Invalid UTF-8 bytes become visible hex. */
	safetext_line("ok\xff\xc3", 0, out, sizeof(out));
	assert_string_equal(out, "ok\\xff\\xc3");
}

static void test_cut_by_character(void **state)
{
	char out[64];

	(void)state;
	/* "é" is two bytes: a cut keeps it whole, "..." counted in. */
	assert_false(safetext_line("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
				   4, out, sizeof(out)));
	assert_string_equal(out, "\xc3\xa9...");
	assert_true(safetext_line("abc", 3, out, sizeof(out)));
	assert_string_equal(out, "abc");
	assert_int_equal(safetext_chars(out), 3);
	/* An escape counts as wide as it shows. */
	assert_false(safetext_line("a\nbcdef", 5, out, sizeof(out)));
	assert_string_equal(out, "a...");
	/* A small buffer also cuts between characters. */
	assert_false(
	    safetext_line("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 0, out, 9));
	assert_string_equal(out, "\xc3\xa9\xc3\xa9...");
	assert_true(strlen(out) < 9);
	/* Never a partial sequence at the end, whatever the width. */
	for (size_t w = 1; w < 12; w++) {
		for (size_t cap = 1; cap < 20; cap++) {
			char small[20];

			safetext_line("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
				      "\xe2\x82\xac",
				      w, small, cap);
			const char *dots;
			size_t body;

			assert_true(strlen(small) < cap);
			assert_true(safetext_chars(small) <= (w < 3 ? 3 : w));
			dots = strstr(small, "...");
			body = dots ? (size_t)(dots - small) : strlen(small);
			assert_int_equal(body % 3, 0);
		}
	}
}

static void test_fold(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(f);
	assert_int_equal(
	    safetext_fold(f, "line one\r\nline two\nCALL\t!", "    "), 0);
	fclose(f);
	assert_string_equal(buf, "line one\n    line two\n    CALL\\t!");
	free(buf);
}

static void test_fold_write_error(void **state)
{
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (!f)
		skip();
	setvbuf(f, NULL, _IONBF, 0);
	assert_int_equal(safetext_fold(f, "x\ny", "  "), -1);
	fclose(f);
}

static void test_chars(void **state)
{
	(void)state;
	assert_int_equal(safetext_chars(""), 0);
	assert_int_equal(safetext_chars("D\xc3\xa9wi"), 4);
	assert_int_equal(safetext_chars("\xff\xfe"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_text_unchanged),
	    cmocka_unit_test(test_controls_escaped),
	    cmocka_unit_test(test_cut_by_character),
	    cmocka_unit_test(test_fold),
	    cmocka_unit_test(test_fold_write_error),
	    cmocka_unit_test(test_chars),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
