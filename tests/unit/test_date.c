// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests for date.c: civil-date arithmetic and the WIB clock. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "date.h"

static void test_days_roundtrip(void **state)
{
	(void)state;
	struct date epoch = {1970, 1, 1};
	assert_int_equal(date_to_days(epoch), 0);
	for (int64_t d = -800000; d < 800000; d += 37) {
		struct date x = date_from_days(d);
		assert_int_equal(date_to_days(x), d);
		assert_true(date_valid(x.year, x.month, x.day) ||
			    x.year < 1900);
	}
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday((struct date){2026, 11, 27}),
			 5); /* Fri */
	assert_int_equal(date_weekday((struct date){2026, 11, 29}),
			 7);					       /* Sun */
	assert_int_equal(date_weekday((struct date){2000, 2, 29}), 2); /* Tue */
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(date_valid(2024, 2, 29));
	assert_false(date_valid(2026, 2, 29));
	assert_false(date_valid(1900, 2, 29));
	assert_true(date_valid(2000, 2, 29));
	assert_false(date_valid(2026, 4, 31));
	assert_false(date_valid(2026, 13, 1));
	assert_false(date_valid(2026, 0, 1));
	assert_false(date_valid(2026, 1, 0));
}

static void test_parse(void **state)
{
	(void)state;
	struct date d;
	char buf[16];
	assert_int_equal(date_parse("2026-12-31", &d), 0);
	date_format(d, buf, sizeof(buf));
	assert_string_equal(buf, "2026-12-31");
	assert_int_equal(date_parse("2026-02-30", &d), -1);
	assert_int_equal(date_parse("2026-2-3", &d), -1);
	assert_int_equal(date_parse("2026-12-31x", &d), -1);
	assert_int_equal(date_parse("", &d), -1);
	assert_int_equal(date_parse(NULL, &d), -1);
}

static void test_wib(void **state)
{
	(void)state;
	time_t t;
	int min;
	char buf[32];
	/* 2026-11-27 00:30 WIB is 2026-11-26 17:30 UTC. */
	assert_int_equal(date_parse_wib("2026-11-27 00:30", &t), 0);
	struct date d = date_of_wib(t, &min);
	assert_int_equal(d.day, 27);
	assert_int_equal(min, 30);
	assert_int_equal((long long)t, 1795714200LL);
	date_format_wib(t, buf, sizeof(buf));
	assert_string_equal(buf, "2026-11-27 00:30 WIB");
	assert_int_equal(date_parse_wib("2026-11-27T23:59:59", &t), 0);
	assert_int_equal(date_parse_wib("2026-11-27", &t), 0);
	assert_int_equal(date_parse_wib("2026-11-27 24:00", &t), -1);
	assert_int_equal(date_parse_wib("2026-11-27 1:00", &t), -1);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(date_month_roman(11), "XI");
	assert_string_equal(date_month_name(8, false), "Agustus");
	assert_string_equal(date_month_name(8, true), "August");
	assert_string_equal(date_month_roman(13), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_days_roundtrip),
	    cmocka_unit_test(test_weekday),
	    cmocka_unit_test(test_valid),
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_wib),
	    cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
