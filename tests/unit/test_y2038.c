// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The 2038 limit of a 32-bit time_t (armhf: Raspberry Pi OS 32-bit): every
 * instant up to 2038-01-19 03:14:07 UTC (10:14:07 WIB) is parsed, shown and
 * counted right, deadlines past it (plain dates) stay right, a request
 * received then is stored and read back unchanged, and a later time is
 * refused with ERANGE, never wrapped to 1901.  Where time_t has 64 bits
 * (amd64, arm64) the same later times are accepted.  make test-cross runs
 * this under qemu for armhf and arm64.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "calendar.h"
#include "date.h"
#include "queue.h"
#include "request.h"

#define T32_MAX ((int64_t)INT32_MAX) /* 2038-01-19 03:14:07 UTC */

static bool time_is_32(void)
{
	return sizeof(time_t) == 4;
}

static void test_last_instant_parses_and_shows(void **state)
{
	time_t t = 0;
	char buf[64];
	int minute;
	struct date d;

	(void)state;
	print_message("# time_t has %zu bits here\n", sizeof(time_t) * 8);
	assert_int_equal(date_parse_wib("2038-01-19 10:14:07", &t), 0);
	assert_true((int64_t)t == T32_MAX);
	date_format_wib(t, buf, sizeof(buf));
	assert_string_equal(buf, "2038-01-19 10:14 WIB");
	d = date_of_wib(t, &minute);
	assert_int_equal(date_cmp(d, (struct date){2038, 1, 19}), 0);
	assert_int_equal(minute, 10 * 60 + 14);
	/* A day earlier, midnight: no sign trouble near the top. */
	assert_int_equal(date_parse_wib("2038-01-18", &t), 0);
	date_format_wib(t, buf, sizeof(buf));
	assert_string_equal(buf, "2038-01-18 00:00 WIB");
}

static void test_later_instant_refused_not_wrapped(void **state)
{
	static const char *const later[] = {
	    "2038-01-19 10:14:08", /* one second past the limit */
	    "2038-01-19 10:15",	   "2038-01-20", "2040-06-01 09:00",
	    "2106-02-07 13:28", /* past even an unsigned 32-bit one */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(later) / sizeof(later[0]); i++) {
		time_t t = 12345;
		int rc;

		errno = 0;
		rc = date_parse_wib(later[i], &t);
		if (time_is_32()) {
			assert_int_equal(rc, -1);
			assert_int_equal(errno, ERANGE);
			/* Not written: no wrapped value can escape. */
			assert_true(t == 12345);
		} else {
			char buf[64], want[64];
			int64_t t64 = (int64_t)t;

			assert_int_equal(rc, 0);
			assert_true(t64 - T32_MAX > 0);
			date_format_wib(t, buf, sizeof(buf));
			snprintf(want, sizeof(want), "%.16s WIB", later[i]);
			if (strlen(later[i]) == 10)
				snprintf(want, sizeof(want), "%s 00:00 WIB",
					 later[i]);
			assert_string_equal(buf, want);
		}
	}
}

static void test_deadlines_past_the_limit_stay_right(void **state)
{
	struct calendar *cal = calendar_new();
	time_t t;

	(void)state;
	assert_non_null(cal);
	calendar_set_hours(cal, 8 * 60, 16 * 60);
	/* Monday 18 January 2038, 09:00: counts from that day; 10 working
	 * days later is Monday 1 February 2038 (no holidays loaded). */
	assert_int_equal(date_parse_wib("2038-01-18 09:00", &t), 0);
	assert_int_equal(
	    date_cmp(calendar_due(cal, t, 10), (struct date){2038, 2, 1}), 0);
	/* The very last instant (Tuesday, 10:14, before closing). */
	t = (time_t)T32_MAX;
	assert_int_equal(
	    date_cmp(calendar_start_day(cal, t), (struct date){2038, 1, 19}),
	    0);
	assert_int_equal(
	    date_cmp(calendar_due(cal, t, 10), (struct date){2038, 2, 2}), 0);
	/* Holidays past the limit still count (dates, not instants). */
	assert_int_equal(calendar_add_holiday(cal, (struct date){2038, 1, 25}),
			 0);
	assert_int_equal(
	    date_cmp(calendar_due(cal, t, 10), (struct date){2038, 2, 3}), 0);
	assert_int_equal(calendar_workdays_between(cal,
						   (struct date){2038, 1, 19},
						   (struct date){2038, 2, 3}),
			 10);
	calendar_free(cal);
}

static void test_request_at_the_limit_round_trips(void **state)
{
	char dir[] = "/tmp/ppid2038.XXXXXX", path[64], err[256];
	struct queue_options opt = {.create = true, .busy_timeout_ms = 1000};
	static const struct queue_actor desk = {"budi", WF_ROLE_DESK, false};
	static struct request r, back;
	struct queue *q = NULL;
	time_t now;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/queue.db", dir);
	opt.path = path;
	assert_int_equal(queue_open(&opt, &q, err, sizeof(err)), QUEUE_OK);
	request_init(&r);
	snprintf(r.name, sizeof(r.name), "Budi Santoso");
	r.id_type = REQ_ID_NIK;
	snprintf(r.id_number, sizeof(r.id_number), "3201015708900001");
	snprintf(r.address, sizeof(r.address), "Jl. Merdeka 1, Bengkulu");
	snprintf(r.occupation, sizeof(r.occupation), "Guru");
	snprintf(r.phone, sizeof(r.phone), "081234567890");
	snprintf(r.info, sizeof(r.info), "Salinan DPT");
	snprintf(r.purpose, sizeof(r.purpose), "Penelitian skripsi");
	r.obtain = REQ_OBTAIN_SOFTCOPY;
	r.delivery = REQ_DELIVERY_PICKUP;
	r.channel = REQ_CHANNEL_DESK;
	/* Received at 10:00 WIB on the last day, registered a minute
	 * before the limit. */
	assert_int_equal(date_parse_wib("2038-01-19 10:00", &r.received_at), 0);
	now = (time_t)(T32_MAX - 60);
	if (queue_submit(q, &r, &desk, false, now) != 0)
		fail_msg("queue_submit: %s", queue_errmsg(q));
	assert_int_equal(date_cmp(r.deadline, (struct date){2038, 2, 2}), 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_true(back.received_at == r.received_at);
	assert_true((int64_t)back.created_at == T32_MAX - 60);
	assert_int_equal(date_cmp(back.deadline, (struct date){2038, 2, 2}), 0);
	assert_int_equal(date_cmp(back.start_date, (struct date){2038, 1, 19}),
			 0);
	queue_close(q);
	unlink(path);
	{
		char p2[80];

		snprintf(p2, sizeof(p2), "%s-wal", path);
		unlink(p2);
		snprintf(p2, sizeof(p2), "%s-shm", path);
		unlink(p2);
	}
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_last_instant_parses_and_shows),
	    cmocka_unit_test(test_later_instant_refused_not_wrapped),
	    cmocka_unit_test(test_deadlines_past_the_limit_stay_right),
	    cmocka_unit_test(test_request_at_the_limit_round_trips),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
