// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The console's alerts (firmware/console/alerts.c): each kind is raised
 * once, from a commit made through another connection, noticed through the
 * watcher's fd; what was there before alerts_open() is not raised again,
 * except a call still waiting and the deadlines; deadlines count the
 * holidays, are raised once per request per office day, and the timer for
 * the next office day is the only wake-up while nothing changes.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alerts.h"
#include "printer.h"
#include "queue.h"

#define NOW	 ((time_t)1795755600) /* 2026-11-27 10:00 WIB, a Friday */
#define DAY	 86400
#define MAX_SEEN 32
#define TEST_NIK "3201015708900001"

static char dir[64];
static char path[128];
static const struct queue_actor staff = {"budi", WF_ROLE_STAFF, false};
static struct queue *qw, *qr; /* writer (another connection), reader */
static struct calendar *cal;

struct seen {
	int n;			   /* alerts seen */
	struct alert al[MAX_SEEN]; /* copies */
};

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static struct queue *open_q(void)
{
	struct queue_options opt = {
	    .path = path, .create = true, .busy_timeout_ms = 1000};
	struct queue *q = NULL;
	char err[256];

	if (queue_open(&opt, &q, err, sizeof(err)) != QUEUE_OK)
		fail_msg("queue_open: %s", err);
	return q;
}

static int64_t add_request(struct queue *q, time_t at, char *regno, size_t len)
{
	static struct request r;

	request_init(&r);
	r.id_type = REQ_ID_NIK;
	snprintf(r.id_number, sizeof(r.id_number), TEST_NIK);
	snprintf(r.name, sizeof(r.name), "Siti Aminah");
	snprintf(r.address, sizeof(r.address), "Jl. Merdeka 1, Bengkulu");
	snprintf(r.occupation, sizeof(r.occupation), "Guru");
	snprintf(r.phone, sizeof(r.phone), "081234567891");
	snprintf(r.info, sizeof(r.info), "Salinan DPT");
	snprintf(r.purpose, sizeof(r.purpose), "Arsip");
	r.obtain = REQ_OBTAIN_HARDCOPY;
	r.delivery = REQ_DELIVERY_PICKUP;
	r.channel = REQ_CHANNEL_DESK;
	r.received_at = at;
	if (queue_submit(q, &r, &staff, false, at) < 0)
		fail_msg("submit: %s", queue_errmsg(q));
	if (regno)
		snprintf(regno, len, "%s", r.regno);
	return r.id;
}

static int collect(const struct alert *al, void *ctx)
{
	struct seen *s = ctx;

	assert_null(strstr(al->text, TEST_NIK));
	if (s->n < MAX_SEEN)
		s->al[s->n] = *al;
	s->n++;
	return 0;
}

/* Wait on the watcher's fd (and its timeout) like the console's loop,
 * until @p want alerts came or a few seconds passed; @p now is the clock
 * the alerts see. */
static void wait_for(struct alerts *a, time_t now, struct seen *s, int want)
{
	int64_t end = mono_ms() + 3000;

	while (s->n < want && mono_ms() < end) {
		struct pollfd p = {alerts_get_fd(a), POLLIN, 0};
		int t = alerts_timeout_ms(a, mono_ms());

		if (t < 0 || t > 100)
			t = 100;
		poll(&p, p.fd >= 0, t);
		assert_true(alerts_read(a, now, mono_ms(), collect, s) >= 0);
	}
}

/* Read until the watcher's follow-up checks are over (it sleeps then). */
static void settle(struct alerts *a, time_t now, struct seen *s)
{
	int64_t end = mono_ms() + 3000;
	int t;

	assert_true(alerts_read(a, now, mono_ms(), collect, s) >= 0);
	while ((t = alerts_timeout_ms(a, mono_ms())) >= 0 && t < 5000 &&
	       mono_ms() < end) {
		poll(NULL, 0, t);
		assert_true(alerts_read(a, now, mono_ms(), collect, s) >= 0);
	}
}

static int count_kind(const struct seen *s, enum alert_kind k)
{
	int n = 0;

	for (int i = 0; i < s->n && i < MAX_SEEN; i++)
		n += s->al[i].kind == k;
	return n;
}

static const struct alert *find_kind(const struct seen *s, enum alert_kind k)
{
	for (int i = 0; i < s->n && i < MAX_SEEN; i++)
		if (s->al[i].kind == k)
			return &s->al[i];
	return NULL;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ppid-alerts-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/queue.db", dir);
	qw = open_q();
	qr = open_q();
	cal = calendar_new();
	return cal ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[160];

	(void)state;
	queue_close(qr);
	queue_close(qw);
	calendar_free(cal);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(alert_kind_name(ALERT_REQUEST), "request");
	assert_string_equal(alert_kind_name(ALERT_CALL), "call");
	assert_string_equal(alert_kind_name(ALERT_PICKUP), "pickup");
	assert_string_equal(alert_kind_name(ALERT_UNPRINTED), "unprinted");
	assert_string_equal(alert_kind_name(ALERT_PRINTER), "printer");
	assert_string_equal(alert_kind_name(ALERT_DUE_SOON), "due-soon");
	assert_string_equal(alert_kind_name(ALERT_OVERDUE), "overdue");
	assert_string_equal(alert_kind_name(ALERT_KIND_COUNT), "unknown");
}

static void test_each_kind_once(void **state)
{
	struct seen s = {0};
	struct alerts *a;
	const struct alert *al;
	char regno[REQ_REGNO_MAX], reason[128];
	int64_t rid, call, pick, job;

	(void)state;
	assert_int_equal(queue_load_calendar(qr, cal), 0);
	a = alerts_open(qr, cal, path, NOW);
	assert_non_null(a);
	assert_int_equal(alerts_read(a, NOW, mono_ms(), collect, &s), 0);
	/* Nothing there: nothing due, nothing to wake up for. */
	assert_int_equal(alerts_timeout_ms(a, mono_ms()) < 0 ||
			     alerts_timeout_ms(a, mono_ms()) <= 1000,
			 1);

	rid = add_request(qw, NOW, regno, sizeof(regno));
	wait_for(a, NOW, &s, 1);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.al[0].kind, ALERT_REQUEST);
	assert_int_equal(s.al[0].request_id, rid);
	assert_string_equal(s.al[0].regno, regno);
	assert_non_null(strstr(s.al[0].text, "Siti Aminah"));
	assert_non_null(strstr(s.al[0].text, "Salinan DPT"));

	assert_int_equal(queue_call_add(qw, QUEUE_CALL_BUTTON, 0, NOW, &call),
			 0);
	wait_for(a, NOW, &s, 2);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.al[1].kind, ALERT_CALL);
	assert_int_equal(s.al[1].call_id, call);

	assert_int_equal(
	    queue_call_add(qw, QUEUE_CALL_PICKUP, rid, NOW + 1, &pick), 0);
	wait_for(a, NOW, &s, 3);
	assert_int_equal(s.n, 3);
	al = &s.al[2];
	assert_int_equal(al->kind, ALERT_PICKUP);
	assert_int_equal(al->call_id, pick);
	assert_int_equal(al->request_id, rid);
	assert_string_equal(al->regno, regno);
	assert_non_null(strstr(al->text, "Siti Aminah"));
	assert_non_null(strstr(al->text, regno));

	/* A receipt that failed on a printer fault: both alerts, once. */
	assert_int_equal(queue_job_add(qw, rid, "receipt", "", NOW, &job), 0);
	snprintf(reason, sizeof(reason), "%s (%s): cancelled",
		 printer_state_text(PRINTER_STATE_OUT_OF_PAPER, false),
		 printer_state_text(PRINTER_STATE_OUT_OF_PAPER, true));
	assert_int_equal(
	    queue_job_update(qw, job, QUEUE_JOB_FAILED, 0, reason, NOW + 2), 0);
	wait_for(a, NOW, &s, 5);
	assert_int_equal(s.n, 5);
	assert_int_equal(count_kind(&s, ALERT_UNPRINTED), 1);
	assert_int_equal(count_kind(&s, ALERT_PRINTER), 1);
	al = find_kind(&s, ALERT_UNPRINTED);
	assert_string_equal(al->regno, regno);
	assert_non_null(strstr(al->text, "Kertas habis"));
	al = find_kind(&s, ALERT_PRINTER);
	assert_non_null(strstr(al->text, "Kertas habis"));

	/* The same fault again: the receipt, not the printer again. */
	assert_int_equal(queue_job_add(qw, rid, "receipt", "", NOW, &job), 0);
	assert_int_equal(
	    queue_job_update(qw, job, QUEUE_JOB_FAILED, 0, reason, NOW + 3), 0);
	wait_for(a, NOW, &s, 6);
	assert_int_equal(s.n, 6);
	assert_int_equal(s.al[5].kind, ALERT_UNPRINTED);

	/* Printed again: the fault is over; later changes do not raise it
	 * again, a new fault does. */
	assert_int_equal(queue_job_add(qw, rid, "receipt", "", NOW, &job), 0);
	assert_int_equal(
	    queue_job_update(qw, job, QUEUE_JOB_DONE, 7, "", NOW + 3), 0);
	assert_int_equal(queue_call_add(qw, QUEUE_CALL_SCREEN, 0, NOW, &call),
			 0);
	wait_for(a, NOW, &s, 7);
	usleep(300 * 1000);
	settle(a, NOW, &s);
	assert_int_equal(s.n, 7);
	assert_int_equal(s.al[6].kind, ALERT_CALL);
	assert_int_equal(queue_job_add(qw, rid, "receipt", "", NOW, &job), 0);
	assert_int_equal(
	    queue_job_update(qw, job, QUEUE_JOB_FAILED, 0, reason, NOW + 3), 0);
	wait_for(a, NOW, &s, 9);
	assert_int_equal(s.n, 9);
	assert_int_equal(count_kind(&s, ALERT_PRINTER), 2);

	/* Acknowledging, another note, a read with nothing new: no alert. */
	assert_int_equal(queue_call_ack(qw, call, &staff, NOW + 4), 0);
	usleep(300 * 1000);
	assert_int_equal(alerts_read(a, NOW, mono_ms(), collect, &s), 0);
	assert_int_equal(s.n, 9);
	alerts_close(a);
}

static void test_baseline(void **state)
{
	struct seen s = {0};
	struct alerts *a;
	char regno[REQ_REGNO_MAX];
	int64_t rid, acked, waiting, job;

	(void)state;
	/* Before: a request, a failed receipt, an answered call and a
	 * waiting pickup. */
	rid = add_request(qw, NOW, regno, sizeof(regno));
	assert_int_equal(queue_job_add(qw, rid, "receipt", "", NOW, &job), 0);
	assert_int_equal(queue_job_update(qw, job, QUEUE_JOB_FAILED, 0,
					  "Printer mati (Offline)", NOW),
			 0);
	assert_int_equal(queue_call_add(qw, QUEUE_CALL_SCREEN, 0, NOW, &acked),
			 0);
	assert_int_equal(queue_call_ack(qw, acked, &staff, NOW), 0);
	assert_int_equal(
	    queue_call_add(qw, QUEUE_CALL_PICKUP, rid, NOW, &waiting), 0);

	assert_int_equal(queue_load_calendar(qr, cal), 0);
	a = alerts_open(qr, cal, path, NOW);
	assert_non_null(a);
	assert_int_equal(alerts_timeout_ms(a, mono_ms()), 0);
	assert_int_equal(alerts_read(a, NOW, mono_ms(), collect, &s), 1);
	assert_int_equal(s.al[0].kind, ALERT_PICKUP);
	assert_int_equal(s.al[0].call_id, waiting);
	/* Not twice. */
	assert_int_equal(alerts_read(a, NOW, mono_ms(), collect, &s), 0);
	/* Fresh requests (10 working days): a timer for the next office
	 * day's deadlines, nothing sooner once the watcher is idle. */
	settle(a, NOW, &s);
	assert_int_equal(s.n, 1);
	assert_true(alerts_timeout_ms(a, mono_ms()) > 3600 * 1000);
	alerts_close(a);
}

/* 2026-12-08 is made a holiday before the submission on Friday
 * 2026-11-27, so the deadline is Monday 2026-12-14 (not 12-11). */
static void test_deadlines_with_holidays(void **state)
{
	struct queue_holiday h = {{2026, 12, 8}, "office", "Rapat kantor", ""};
	struct seen s = {0};
	struct alerts *a;
	char regno[REQ_REGNO_MAX];
	time_t d9 = NOW + 12 * DAY, d10 = NOW + 13 * DAY, d11 = NOW + 14 * DAY,
	       d15 = NOW + 18 * DAY;
	int64_t far = mono_ms() + 400LL * DAY * 1000;
	struct request r;

	(void)state;
	assert_int_equal(queue_holidays_add(qw, &h, 1, &staff, NOW), 0);
	add_request(qw, NOW, regno, sizeof(regno));
	assert_int_equal(queue_get(qw, regno, &r), 0);
	assert_int_equal(r.deadline.day, 14);
	request_wipe(&r);
	assert_int_equal(queue_load_calendar(qr, cal), 0);

	/* Wednesday 12-09: 3 working days left (10, 11, 14): nothing. */
	a = alerts_open(qr, cal, path, d9);
	assert_non_null(a);
	assert_int_equal(alerts_read(a, d9, mono_ms(), collect, &s), 0);
	/* Thursday 12-10 (the timer of the office day is due): 2 left. */
	assert_int_equal(alerts_read(a, d10, far, collect, &s), 1);
	assert_int_equal(s.al[0].kind, ALERT_DUE_SOON);
	assert_string_equal(s.al[0].regno, regno);
	assert_non_null(strstr(s.al[0].text, "2026-12-14"));
	assert_non_null(strstr(s.al[0].text, "2 hari kerja"));
	/* Once that day. */
	assert_int_equal(alerts_read(a, d10, far + 1, collect, &s), 0);
	/* Again the next day, then overdue after Monday. */
	assert_int_equal(alerts_read(a, d11, far + DAY * 1000, collect, &s), 1);
	assert_int_equal(s.al[1].kind, ALERT_DUE_SOON);
	assert_int_equal(
	    alerts_read(a, d15, far + 5LL * DAY * 1000, collect, &s), 1);
	assert_int_equal(s.al[2].kind, ALERT_OVERDUE);
	alerts_close(a);

	/* A fresh start on an overdue day raises it again (the baseline
	 * keeps deadlines), in English when asked. */
	s.n = 0;
	a = alerts_open(qr, cal, path, d15);
	alerts_set_english(a, true);
	assert_int_equal(alerts_read(a, d15, mono_ms(), collect, &s), 1);
	assert_int_equal(s.al[0].kind, ALERT_OVERDUE);
	assert_non_null(strstr(s.al[0].text, "Overdue since 2026-12-14"));
	alerts_close(a);
}

/* A receipt still queued long after it was queued is not printed; the
 * timer wakes for it when it becomes late. */
static void test_stale_job(void **state)
{
	struct seen s = {0};
	struct alerts *a;
	int64_t rid, job, t0;

	(void)state;
	rid = add_request(qw, NOW, NULL, 0);
	assert_int_equal(queue_load_calendar(qr, cal), 0);
	a = alerts_open(qr, cal, path, NOW);
	alerts_set_stale_s(a, 60);
	assert_int_equal(alerts_read(a, NOW, mono_ms(), collect, &s), 0);
	assert_int_equal(queue_job_add(qw, rid, "receipt", "", NOW, &job), 0);
	usleep(300 * 1000);
	settle(a, NOW + 10, &s);
	assert_int_equal(s.n, 0);
	t0 = mono_ms();
	/* Due at NOW + 60 (less the settling), before the next office day. */
	assert_in_range(alerts_timeout_ms(a, t0), 45000, 50000);
	assert_int_equal(alerts_read(a, NOW + 60, t0 + 50000, collect, &s), 1);
	assert_int_equal(s.al[0].kind, ALERT_UNPRINTED);
	assert_non_null(strstr(s.al[0].text, "60 s"));
	/* It fails later: already raised. */
	assert_int_equal(
	    queue_job_update(qw, job, QUEUE_JOB_FAILED, 0, "x", NOW + 70), 0);
	usleep(300 * 1000);
	assert_int_equal(alerts_read(a, NOW + 70, t0 + 60000, collect, &s), 0);
	alerts_close(a);
}

/* A callback that stops keeps the rest for the next read. */
static int take_one(const struct alert *al, void *ctx)
{
	collect(al, ctx);
	return 1;
}

static void test_delivery_resumes(void **state)
{
	struct seen s = {0};
	struct alerts *a;
	int64_t id;

	(void)state;
	assert_int_equal(queue_call_add(qw, QUEUE_CALL_BUTTON, 0, NOW, &id), 0);
	assert_int_equal(queue_call_add(qw, QUEUE_CALL_SCREEN, 0, NOW, &id), 0);
	a = alerts_open(qr, cal, path, NOW);
	assert_int_equal(alerts_read(a, NOW, mono_ms(), take_one, &s), 1);
	assert_int_equal(alerts_timeout_ms(a, mono_ms()), 0);
	assert_int_equal(alerts_read(a, NOW, mono_ms(), take_one, &s), 1);
	assert_int_equal(s.n, 2);
	assert_true(s.al[0].call_id < s.al[1].call_id);
	/* The reader's own commit: data_version does not move, a refresh
	 * makes it read. */
	assert_int_equal(queue_call_add(qr, QUEUE_CALL_BUTTON, 0, NOW, &id), 0);
	assert_int_equal(alerts_read(a, NOW, mono_ms(), take_one, &s), 0);
	alerts_refresh(a);
	assert_int_equal(alerts_timeout_ms(a, mono_ms()), 0);
	assert_int_equal(alerts_read(a, NOW, mono_ms(), take_one, &s), 1);
	assert_int_equal(s.al[2].call_id, id);
	alerts_close(a);
	alerts_close(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_names),
	    cmocka_unit_test_setup_teardown(test_each_kind_once, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_baseline, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_deadlines_with_holidays, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_stale_job, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_delivery_resumes, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
