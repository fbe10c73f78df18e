// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests for regno.c: registration number templates. */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "idparse.h"
#include "regno.h"

#define DEFAULT_FMT "{seq}/PPID/{prefix}/{roman}/{year}"

struct fx {
	char buf[128];
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
	memset(&fixture, 0, sizeof(fixture));
	*state = NULL;
	return 0;
}

/* Expand and expect success with @p want. */
static void expect(struct fx *f, const char *fmt, const char *prefix, int seq,
		   int year, int month, const char *want)
{
	assert_int_equal(
	    regno_format(fmt, prefix, seq, year, month, f->buf, sizeof(f->buf)),
	    0);
	assert_string_equal(f->buf, want);
}

/* Expand and expect failure with @p err. */
static void refuse(struct fx *f, const char *fmt, const char *prefix, int err)
{
	errno = 0;
	assert_int_equal(
	    regno_format(fmt, prefix, 1, 2026, 11, f->buf, sizeof(f->buf)), -1);
	assert_int_equal(errno, err);
	errno = 0;
	assert_int_equal(regno_check_format(fmt, prefix), -1);
	assert_int_equal(errno, err);
}

static void test_default_template(void **state)
{
	struct fx *f = *state;

	expect(f, DEFAULT_FMT, "KPU-BKL", 1, 2026, 11,
	       "0001/PPID/KPU-BKL/XI/2026");
	expect(f, DEFAULT_FMT, "KPU-BKL", 42, 2027, 1,
	       "0042/PPID/KPU-BKL/I/2027");
	expect(f, DEFAULT_FMT, "KPU-BKL", 9999, 2026, 12,
	       "9999/PPID/KPU-BKL/XII/2026");
	assert_int_equal(regno_check_format(DEFAULT_FMT, "KPU-BKL"), 0);
}

/* The start-up check covers August (VIII), wider than December (XII):
 * found by tests/fuzz/fuzz_regno.c. */
static void test_check_covers_the_widest_month(void **state)
{
	struct fx *f = *state;
	char prefix[64];

	/* 99999/PPID/<43>/XII/2026 is 63 characters; with VIII, 64. */
	memset(prefix, 'A', 43);
	prefix[43] = '\0';
	assert_int_equal(
	    regno_format(DEFAULT_FMT, prefix, 99999, 2026, 12, f->buf, 64), 0);
	errno = 0;
	assert_int_equal(
	    regno_format(DEFAULT_FMT, prefix, 99999, 2026, 8, f->buf, 64), -1);
	assert_int_equal(errno, ENOSPC);
	errno = 0;
	assert_int_equal(regno_check_format(DEFAULT_FMT, prefix), -1);
	assert_int_equal(errno, ENOSPC);
	prefix[42] = '\0';
	assert_int_equal(regno_check_format(DEFAULT_FMT, prefix), 0);
}

static void test_seq_widens_past_four_digits(void **state)
{
	struct fx *f = *state;

	expect(f, DEFAULT_FMT, "KPU-BKL", 12345, 2026, 11,
	       "12345/PPID/KPU-BKL/XI/2026");
	expect(f, DEFAULT_FMT, "KPU-BKL", 100000, 2026, 11,
	       "100000/PPID/KPU-BKL/XI/2026");
}

static void test_month_and_roman_placeholders(void **state)
{
	struct fx *f = *state;
	static const char *const roman[] = {"I",  "II", "III", "IV",
					    "V",  "VI", "VII", "VIII",
					    "IX", "X",	"XI",  "XII"};
	char want[64];

	expect(f, "{prefix}/{year}/{month}/{seq}", "KPU-BKL", 7, 2026, 3,
	       "KPU-BKL/2026/03/0007");
	expect(f, "{seq}.{month}.{year}", "X", 1, 2026, 12, "0001.12.2026");
	for (int m = 1; m <= 12; m++) {
		snprintf(want, sizeof(want), "0001/%s/2026", roman[m - 1]);
		expect(f, "{seq}/{roman}/{year}", "KPU-BKL", 1, 2026, m, want);
	}
	/* Placeholders may repeat; {prefix} is optional. */
	expect(f, "{seq}-{year}-{seq}", "", 3, 2026, 1, "0003-2026-0003");
}

static void test_result_fits_a_receipt_payload(void **state)
{
	struct fx *f = *state;
	char payload[128];
	struct id_result r;

	expect(f, DEFAULT_FMT, "KPU-BKL", 1, 2026, 11,
	       "0001/PPID/KPU-BKL/XI/2026");
	assert_int_equal(
	    id_receipt_payload(f->buf, "ABCDEFGHJK", payload, sizeof(payload)),
	    0);
	assert_int_equal(
	    id_parse(payload, strlen(payload), (struct date){2026, 11, 27}, &r),
	    ID_KIND_RECEIPT);
	assert_string_equal(r.u.receipt.regno, "0001/PPID/KPU-BKL/XI/2026");
}

static void test_unknown_placeholder_refused(void **state)
{
	struct fx *f = *state;

	refuse(f, "{seq}/{day}/{year}", "KPU-BKL", EINVAL);
	refuse(f, "{Seq}/{year}", "KPU-BKL", EINVAL);
	refuse(f, "{seq}/{YEAR}", "KPU-BKL", EINVAL);
	refuse(f, "{seq}/{}/{year}", "KPU-BKL", EINVAL);
	refuse(f, "{seq}/{ year}", "KPU-BKL", EINVAL);
	refuse(f, "{seq}/{years}", "KPU-BKL", EINVAL);
}

static void test_missing_seq_or_year_refused(void **state)
{
	struct fx *f = *state;

	refuse(f, "PPID/{prefix}/{roman}/{year}", "KPU-BKL", EINVAL);
	refuse(f, "{seq}/PPID/{prefix}/{roman}", "KPU-BKL", EINVAL);
	refuse(f, "PPID", "KPU-BKL", EINVAL);
	refuse(f, "", "KPU-BKL", EINVAL);
}

static void test_unbalanced_braces_refused(void **state)
{
	struct fx *f = *state;

	refuse(f, "{seq}/{year", "KPU-BKL", EINVAL);
	refuse(f, "{seq/{year}", "KPU-BKL", EINVAL);
	refuse(f, "{seq}/{year}}", "KPU-BKL", EINVAL);
	refuse(f, "{seq}/year}", "KPU-BKL", EINVAL);
	refuse(f, "{", "KPU-BKL", EINVAL);
}

static void test_characters_a_qr_cannot_carry_refused(void **state)
{
	struct fx *f = *state;

	/* In the prefix. */
	refuse(f, DEFAULT_FMT, "KPU BKL", EINVAL);
	refuse(f, DEFAULT_FMT, "KPU|BKL", EINVAL);
	refuse(f, DEFAULT_FMT, "KPU_BKL", EINVAL);
	refuse(f, DEFAULT_FMT, "KPU\tBKL", EINVAL);
	refuse(f, DEFAULT_FMT, "KPU-BKL\n", EINVAL);
	refuse(f, DEFAULT_FMT, "K\xc3\xa9", EINVAL);
	/* In the template. */
	refuse(f, "{seq} {year}", "KPU-BKL", EINVAL);
	refuse(f, "{seq}|{year}", "KPU-BKL", EINVAL);
	refuse(f, "{seq}#{year}", "KPU-BKL", EINVAL);
}

static void test_small_buffer_gives_enospc(void **state)
{
	struct fx *f = *state;
	const char *want = "0001/PPID/KPU-BKL/XI/2026"; /* 25 characters */
	size_t n = strlen(want);

	/* Exactly enough: the characters and the NUL. */
	assert_int_equal(
	    regno_format(DEFAULT_FMT, "KPU-BKL", 1, 2026, 11, f->buf, n + 1),
	    0);
	assert_string_equal(f->buf, want);
	/* One byte short, and much too short. */
	errno = 0;
	assert_int_equal(
	    regno_format(DEFAULT_FMT, "KPU-BKL", 1, 2026, 11, f->buf, n), -1);
	assert_int_equal(errno, ENOSPC);
	errno = 0;
	assert_int_equal(
	    regno_format(DEFAULT_FMT, "KPU-BKL", 1, 2026, 11, f->buf, 1), -1);
	assert_int_equal(errno, ENOSPC);
	errno = 0;
	assert_int_equal(
	    regno_format(DEFAULT_FMT, "KPU-BKL", 1, 2026, 11, f->buf, 0), -1);
	assert_int_equal(errno, ENOSPC);
	/* A wider sequence needs one more byte. */
	errno = 0;
	assert_int_equal(regno_format(DEFAULT_FMT, "KPU-BKL", 12345, 2026, 11,
				      f->buf, n + 1),
			 -1);
	assert_int_equal(errno, ENOSPC);
}

static void test_check_format(void **state)
{
	(void)state;
	const char *p31 = "KPU-PROVINSI-BENGKULU-SEKRETARI"; /* 31 */

	assert_int_equal(strlen(p31), 31);
	assert_int_equal(regno_check_format(DEFAULT_FMT, "KPU-BKL"), 0);
	assert_int_equal(regno_check_format(DEFAULT_FMT, p31), 0);
	assert_int_equal(
	    regno_check_format("{prefix}/{year}/{month}/{seq}", "KPU-BKL"), 0);
	assert_int_equal(regno_check_format("{seq}-{year}", ""), 0);
	/* A template whose widest number cannot fit a registration number
	 * (63 characters) is refused at start-up. */
	errno = 0;
	assert_int_equal(
	    regno_check_format("{seq}/{prefix}/{prefix}/{year}", p31), -1);
	assert_int_equal(errno, ENOSPC);
	errno = 0;
	assert_int_equal(regno_check_format("{seq}/{nomor}/{year}", "KPU"), -1);
	assert_int_equal(errno, EINVAL);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_default_template),
	    T(test_check_covers_the_widest_month),
	    T(test_seq_widens_past_four_digits),
	    T(test_month_and_roman_placeholders),
	    T(test_result_fits_a_receipt_payload),
	    T(test_unknown_placeholder_refused),
	    T(test_missing_seq_or_year_refused),
	    T(test_unbalanced_braces_refused),
	    T(test_characters_a_qr_cannot_carry_refused),
	    T(test_small_buffer_gives_enospc),
	    T(test_check_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
