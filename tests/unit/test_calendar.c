// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for calendar.c: working days, the 2026 holiday table from
 * DOMAIN.md, office hours and deadlines.  Every expected date below was
 * counted by hand on a 2026 calendar; the comments show the count.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "calendar.h"
#include "date.h"

#define D(y, m, d) ((struct date){(y), (m), (d)})
#define DI(y, m, d)                                                            \
	{                                                                      \
		(y), (m), (d)                                                  \
	} /* in static initialisers */

/* National holidays and cuti bersama 2026 (SKB 1497, 2 and 5 of 2025). */
static const struct date holidays_2026[] = {
    DI(2026, 1, 1),   DI(2026, 1, 16), DI(2026, 2, 16), DI(2026, 2, 17),
    DI(2026, 3, 18),  DI(2026, 3, 19), DI(2026, 3, 20), DI(2026, 3, 21),
    DI(2026, 3, 22),  DI(2026, 3, 23), DI(2026, 3, 24), DI(2026, 4, 3),
    DI(2026, 4, 5),   DI(2026, 5, 1),  DI(2026, 5, 14), DI(2026, 5, 15),
    DI(2026, 5, 27),  DI(2026, 5, 28), DI(2026, 5, 31), DI(2026, 6, 1),
    DI(2026, 6, 16),  DI(2026, 8, 17), DI(2026, 8, 25), DI(2026, 12, 24),
    DI(2026, 12, 25),
};
#define N_HOLIDAYS_2026 (sizeof(holidays_2026) / sizeof(holidays_2026[0]))

static void assert_date(struct date got, int y, int m, int d)
{
	char g[16], w[16];

	date_format(got, g, sizeof(g));
	date_format(D(y, m, d), w, sizeof(w));
	assert_string_equal(g, w);
}

static time_t wib(struct date d, int h, int m)
{
	return date_wib_to_utc(d, h, m, 0);
}

static void load_2026(struct calendar *cal)
{
	for (size_t i = 0; i < N_HOLIDAYS_2026; i++)
		assert_int_equal(calendar_add_holiday(cal, holidays_2026[i]),
				 0);
}

/* Every test starts from a fresh empty calendar (weekends only). */
static int setup(void **state)
{
	struct calendar *cal = calendar_new();

	if (!cal)
		return -1;
	*state = cal;
	return 0;
}

/* Same, with the 2026 holidays loaded. */
static int setup_2026(void **state)
{
	struct calendar *cal = calendar_new();

	if (!cal)
		return -1;
	for (size_t i = 0; i < N_HOLIDAYS_2026; i++)
		if (calendar_add_holiday(cal, holidays_2026[i]) < 0) {
			calendar_free(cal);
			return -1;
		}
	*state = cal;
	return 0;
}

static int teardown(void **state)
{
	calendar_free(*state);
	*state = NULL;
	return 0;
}

static void test_weekends_are_not_workdays(void **state)
{
	struct calendar *cal = *state;

	assert_true(calendar_is_workday(cal, D(2026, 11, 23)));	 /* Mon */
	assert_true(calendar_is_workday(cal, D(2026, 11, 27)));	 /* Fri */
	assert_false(calendar_is_workday(cal, D(2026, 11, 28))); /* Sat */
	assert_false(calendar_is_workday(cal, D(2026, 11, 29))); /* Sun */
	assert_date(calendar_next_workday(cal, D(2026, 11, 28)), 2026, 11, 30);
	assert_date(calendar_next_workday(cal, D(2026, 11, 27)), 2026, 11, 27);
}

static void test_add_workdays_skips_weekend(void **state)
{
	struct calendar *cal = *state;

	/* Monday + 1 is Tuesday, Friday + 1 is Monday. */
	assert_date(calendar_add_workdays(cal, D(2026, 11, 23), 1), 2026, 11,
		    24);
	assert_date(calendar_add_workdays(cal, D(2026, 11, 27), 1), 2026, 11,
		    30);
	/* n == 0 gives the day itself, even a Saturday. */
	assert_date(calendar_add_workdays(cal, D(2026, 11, 28), 0), 2026, 11,
		    28);
	/* Saturday + 1 is Monday. */
	assert_date(calendar_add_workdays(cal, D(2026, 11, 28), 1), 2026, 11,
		    30);
	/* Fri 27 Nov + 10: 30,1,2,3,4 | 7,8,9,10,11 -> Fri 11 Dec. */
	assert_date(calendar_add_workdays(cal, D(2026, 11, 27), 10), 2026, 12,
		    11);
}

static void test_all_2026_holidays_are_not_workdays(void **state)
{
	struct calendar *cal = *state;

	for (size_t i = 0; i < N_HOLIDAYS_2026; i++)
		assert_false(calendar_is_workday(cal, holidays_2026[i]));
	/* The working days around them stay working days. */
	assert_true(calendar_is_workday(cal, D(2026, 1, 2)));
	assert_true(calendar_is_workday(cal, D(2026, 3, 17)));
	assert_true(calendar_is_workday(cal, D(2026, 3, 25)));
	assert_true(calendar_is_workday(cal, D(2026, 12, 23)));
	assert_true(calendar_is_workday(cal, D(2026, 12, 28)));
}

static void test_idul_fitri_block_is_skipped(void **state)
{
	struct calendar *cal = *state;

	/* Tue 17 Mar + 1: 18 (cuti), 19 (Nyepi), 20 (cuti), 21-22 (Idul
	 * Fitri, weekend), 23-24 (cuti) -> Wed 25 Mar. */
	assert_date(calendar_add_workdays(cal, D(2026, 3, 17), 1), 2026, 3, 25);
	assert_date(calendar_next_workday(cal, D(2026, 3, 18)), 2026, 3, 25);
	assert_int_equal(
	    calendar_workdays_between(cal, D(2026, 3, 17), D(2026, 3, 25)), 1);
}

static void test_deadline_10_and_extension_7_over_idul_fitri(void **state)
{
	struct calendar *cal = *state;
	struct date start, due, ext;

	/* Received Tue 17 Mar 2026 10:00 WIB: counts from that day. */
	start = calendar_start_day(cal, wib(D(2026, 3, 17), 10, 0));
	assert_date(start, 2026, 3, 17);
	/* 25(1) 26(2) 27(3) 30(4) 31(5) 1 Apr(6) 2(7) [3 Good Friday]
	 * 6(8) 7(9) 8(10) -> Wed 8 Apr 2026. */
	due = calendar_add_workdays(cal, start, 10);
	assert_date(due, 2026, 4, 8);
	/* Extension by 7: 9(1) 10(2) 13(3) 14(4) 15(5) 16(6) 17(7). */
	ext = calendar_add_workdays(cal, due, 7);
	assert_date(ext, 2026, 4, 17);
	assert_int_equal(calendar_workdays_between(cal, start, due), 10);
	assert_int_equal(calendar_workdays_between(cal, due, ext), 7);
	assert_int_equal(calendar_workdays_between(cal, due, start), -10);
	assert_int_equal(calendar_workdays_between(cal, due, due), 0);
}

static void test_deadline_over_may_holidays(void **state)
{
	struct calendar *cal = *state;

	/* Wed 13 May + 10: [14 Ascension, 15 cuti] 18(1) 19(2) 20(3) 21(4)
	 * 22(5) 25(6) 26(7) [27 Idul Adha, 28 cuti] 29(8) [1 Jun Pancasila]
	 * 2(9) 3(10) -> Wed 3 Jun. */
	assert_date(calendar_add_workdays(cal, D(2026, 5, 13), 10), 2026, 6, 3);
}

static void test_christmas_and_year_end(void **state)
{
	struct calendar *cal = *state;
	struct date due;

	/* Wed 23 Dec + 1: 24 (cuti), 25 (Christmas), weekend -> Mon 28. */
	assert_date(calendar_add_workdays(cal, D(2026, 12, 23), 1), 2026, 12,
		    28);
	/* Only 2026 is loaded, so 1 Jan 2027 counts as a working day:
	 * 28(1) 29(2) 30(3) 31(4) 1 Jan(5) 4(6) 5(7) 6(8) 7(9) 8(10). */
	due = calendar_add_workdays(cal, D(2026, 12, 23), 10);
	assert_date(due, 2027, 1, 8);
	assert_int_equal(
	    calendar_workdays_between(cal, D(2026, 12, 23), D(2027, 1, 8)), 10);

	/* With New Year 2027 loaded: ... 31(4) [1 Jan] 4(5) .. 8(9) 11(10). */
	assert_int_equal(calendar_add_holiday(cal, D(2027, 1, 1)), 0);
	due = calendar_add_workdays(cal, D(2026, 12, 23), 10);
	assert_date(due, 2027, 1, 11);
	/* Extension 7: 12(1) 13(2) 14(3) 15(4) 18(5) 19(6) 20(7). */
	assert_date(calendar_add_workdays(cal, due, 7), 2027, 1, 20);
	/* Received on Christmas Eve counts from Mon 28 Dec. */
	assert_date(calendar_start_day(cal, wib(D(2026, 12, 24), 9, 0)), 2026,
		    12, 28);
	/* Received Thu 31 Dec after closing counts from Mon 4 Jan 2027. */
	assert_date(calendar_start_day(cal, wib(D(2026, 12, 31), 16, 30)), 2027,
		    1, 4);
}

static void test_start_day_office_hour_edges(void **state)
{
	struct calendar *cal = *state;
	const struct date fri = D(2026, 11, 27);

	/* Before opening on a working day still counts that day (the office
	 * handles it when it opens); before closing counts that day. */
	assert_date(calendar_start_day(cal, wib(fri, 7, 59)), 2026, 11, 27);
	assert_date(calendar_start_day(cal, wib(fri, 8, 0)), 2026, 11, 27);
	assert_date(calendar_start_day(cal, wib(fri, 15, 59)), 2026, 11, 27);
	assert_date(calendar_start_day(cal, date_wib_to_utc(fri, 15, 59, 59)),
		    2026, 11, 27);
	/* At closing time or later: next working day (Friday -> Monday). */
	assert_date(calendar_start_day(cal, wib(fri, 16, 0)), 2026, 11, 30);
	assert_date(calendar_start_day(cal, wib(fri, 23, 59)), 2026, 11, 30);
	/* Saturday and Sunday count from Monday. */
	assert_date(calendar_start_day(cal, wib(D(2026, 11, 28), 10, 0)), 2026,
		    11, 30);
	assert_date(calendar_start_day(cal, wib(D(2026, 11, 29), 0, 0)), 2026,
		    11, 30);
	/* Thursday after closing counts from Friday. */
	assert_date(calendar_start_day(cal, wib(D(2026, 11, 26), 16, 0)), 2026,
		    11, 27);
}

static void test_start_day_uses_wib_not_utc(void **state)
{
	struct calendar *cal = *state;
	/* Fri 27 Nov 00:30 WIB is Thu 26 Nov 17:30 UTC, after closing in
	 * UTC terms but early morning of a working day in WIB. */
	time_t t = wib(D(2026, 11, 27), 0, 30);

	assert_date(calendar_start_day(cal, t), 2026, 11, 27);
	/* Fri 27 Nov 15:30 WIB is 08:30 UTC: still Friday. */
	assert_date(calendar_start_day(cal, wib(D(2026, 11, 27), 15, 30)), 2026,
		    11, 27);
}

static void test_start_day_on_holiday(void **state)
{
	struct calendar *cal = *state;

	/* Mon 17 Aug (Independence Day) 10:00 counts from Tue 18 Aug. */
	assert_date(calendar_start_day(cal, wib(D(2026, 8, 17), 10, 0)), 2026,
		    8, 18);
	/* Wed 18 Mar (cuti bersama) counts from Wed 25 Mar. */
	assert_date(calendar_start_day(cal, wib(D(2026, 3, 18), 9, 0)), 2026, 3,
		    25);
	/* Tue 17 Mar after closing also skips the whole block. */
	assert_date(calendar_start_day(cal, wib(D(2026, 3, 17), 16, 0)), 2026,
		    3, 25);
	/* Wed 13 May after hours: 14 (Ascension), 15 (cuti), weekend ->
	 * Mon 18 May. */
	assert_date(calendar_start_day(cal, wib(D(2026, 5, 13), 16, 5)), 2026,
		    5, 18);
}

static void test_start_day_with_custom_hours(void **state)
{
	struct calendar *cal = *state;
	const struct date mon = D(2026, 11, 23);

	calendar_set_hours(cal, 7 * 60 + 30, 15 * 60);
	assert_date(calendar_start_day(cal, wib(mon, 14, 59)), 2026, 11, 23);
	assert_date(calendar_start_day(cal, wib(mon, 15, 0)), 2026, 11, 24);
}

static void test_workdays_between_signs(void **state)
{
	struct calendar *cal = *state;

	/* Fri -> Mon is one working day; Mon -> Fri four. */
	assert_int_equal(
	    calendar_workdays_between(cal, D(2026, 11, 27), D(2026, 11, 30)),
	    1);
	assert_int_equal(
	    calendar_workdays_between(cal, D(2026, 11, 30), D(2026, 11, 27)),
	    -1);
	assert_int_equal(
	    calendar_workdays_between(cal, D(2026, 11, 23), D(2026, 11, 27)),
	    4);
	/* Saturday -> Sunday: none. */
	assert_int_equal(
	    calendar_workdays_between(cal, D(2026, 11, 28), D(2026, 11, 29)),
	    0);
}

static void test_has_year(void **state)
{
	struct calendar *cal = *state;

	assert_false(calendar_has_year(cal, 2026));
	load_2026(cal);
	assert_true(calendar_has_year(cal, 2026));
	assert_false(calendar_has_year(cal, 2025));
	assert_false(calendar_has_year(cal, 2027));
	/* One holiday on the last day of a year is enough. */
	assert_int_equal(calendar_add_holiday(cal, D(2027, 12, 31)), 0);
	assert_true(calendar_has_year(cal, 2027));
	assert_false(calendar_has_year(cal, 2028));
	calendar_clear(cal);
	assert_false(calendar_has_year(cal, 2026));
	assert_false(calendar_has_year(cal, 2027));
	assert_true(calendar_is_workday(cal, D(2026, 8, 17)));
}

static void test_add_holiday_twice_is_harmless(void **state)
{
	struct calendar *cal = *state;

	assert_int_equal(calendar_add_holiday(cal, D(2026, 11, 30)), 0);
	assert_int_equal(calendar_add_holiday(cal, D(2026, 11, 30)), 0);
	assert_false(calendar_is_workday(cal, D(2026, 11, 30)));
	/* Fri 27 + 1: weekend, Mon 30 holiday -> Tue 1 Dec. */
	assert_date(calendar_add_workdays(cal, D(2026, 11, 27), 1), 2026, 12,
		    1);
	/* Fri 27 + 2 -> Wed 2 Dec: the duplicate is not a second day. */
	assert_date(calendar_add_workdays(cal, D(2026, 11, 27), 2), 2026, 12,
		    2);
	assert_int_equal(
	    calendar_workdays_between(cal, D(2026, 11, 27), D(2026, 12, 4)), 4);
}

static void test_add_holiday_refuses_invalid_dates(void **state)
{
	struct calendar *cal = *state;
	static const struct date bad[] = {
	    DI(2026, 2, 29), DI(2026, 4, 31), DI(2026, 13, 1),	DI(2026, 0, 1),
	    DI(2026, 1, 0),  DI(2026, 1, 32), DI(1899, 12, 31),
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		assert_int_equal(calendar_add_holiday(cal, bad[i]), -1);
		assert_int_equal(errno, EINVAL);
	}
	assert_false(calendar_has_year(cal, 2026));
	/* A leap day is a real date. */
	assert_int_equal(calendar_add_holiday(cal, D(2028, 2, 29)), 0);
	assert_true(calendar_has_year(cal, 2028));
}

static void test_many_holidays_keep_order(void **state)
{
	struct calendar *cal = *state;
	struct date jan1 = D(2030, 1, 1); /* a Tuesday; 2030 has 52 Fridays */
	int n_added = 0;

	/* Every Monday..Thursday of 2030, inserted in a scrambled order
	 * (i * 97 mod 365 visits every day once), far more than the first
	 * allocation holds. */
	for (int i = 0; i < 365; i++) {
		struct date d = date_add_days(jan1, (i * 97) % 365);

		if (date_weekday(d) <= 4) {
			assert_int_equal(calendar_add_holiday(cal, d), 0);
			n_added++;
		}
	}
	/* 52 full weeks of Mon..Thu, plus Tue 31 Dec. */
	assert_int_equal(n_added, 52 * 4 + 1);
	for (int i = 0; i < 365; i++) {
		struct date d = date_add_days(jan1, i);

		assert_int_equal(calendar_is_workday(cal, d),
				 date_weekday(d) == 5);
	}
	assert_int_equal(
	    calendar_workdays_between(cal, D(2029, 12, 31), D(2030, 12, 31)),
	    52);
	/* Mon 31 Dec 2029 + 1 -> Fri 4 Jan 2030; + 2 -> Fri 11 Jan. */
	assert_date(calendar_add_workdays(cal, D(2029, 12, 31), 1), 2030, 1, 4);
	assert_date(calendar_add_workdays(cal, D(2029, 12, 31), 2), 2030, 1,
		    11);
	/* The 2026 table loaded on top stays found as well. */
	load_2026(cal);
	assert_false(calendar_is_workday(cal, D(2026, 12, 25)));
	assert_true(calendar_is_workday(cal, D(2026, 12, 28)));
	assert_false(calendar_has_year(cal, 2029));
	assert_true(calendar_has_year(cal, 2030));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_weekends_are_not_workdays,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_add_workdays_skips_weekend,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_all_2026_holidays_are_not_workdays, setup_2026, teardown),
	    cmocka_unit_test_setup_teardown(test_idul_fitri_block_is_skipped,
					    setup_2026, teardown),
	    cmocka_unit_test_setup_teardown(
		test_deadline_10_and_extension_7_over_idul_fitri, setup_2026,
		teardown),
	    cmocka_unit_test_setup_teardown(test_deadline_over_may_holidays,
					    setup_2026, teardown),
	    cmocka_unit_test_setup_teardown(test_christmas_and_year_end,
					    setup_2026, teardown),
	    cmocka_unit_test_setup_teardown(test_start_day_office_hour_edges,
					    setup_2026, teardown),
	    cmocka_unit_test_setup_teardown(test_start_day_uses_wib_not_utc,
					    setup_2026, teardown),
	    cmocka_unit_test_setup_teardown(test_start_day_on_holiday,
					    setup_2026, teardown),
	    cmocka_unit_test_setup_teardown(test_start_day_with_custom_hours,
					    setup_2026, teardown),
	    cmocka_unit_test_setup_teardown(test_workdays_between_signs, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_has_year, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_add_holiday_twice_is_harmless,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_add_holiday_refuses_invalid_dates, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_many_holidays_keep_order,
					    setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
