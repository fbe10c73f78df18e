// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The Kasubbag's records (schema 5): the daily supervision once per office
 * day and the monthly report's hand-over once per month, each an event
 * with the login and role, refused for other roles, for the future and a
 * second time (the database's unique index backs the check); events stay
 * append-only.  And the handover action: what was given, in which form,
 * closing the request's waiting pickup call.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "queue.h"

#define NOW ((time_t)1795755600) /* 2026-11-27 10:00 WIB */

static char dir[64];
static char path[128];
static const struct queue_actor kasubbag = {"sari", WF_ROLE_KASUBBAG, false};
static const struct queue_actor desk = {"budi", WF_ROLE_DESK, false};
static const struct queue_actor ppid = {"andi", WF_ROLE_PPID, false};
static struct queue *q;

static int setup(void **state)
{
	struct queue_options opt = {
	    .path = path, .create = true, .busy_timeout_ms = 1000};
	char err[256];

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ppid-records-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/queue.db", dir);
	return queue_open(&opt, &q, err, sizeof(err)) == QUEUE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[160];

	(void)state;
	queue_close(q);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

struct seen {
	int n;		   /* events */
	char note[4][160]; /* their notes */
	char role[4][16];  /* their roles */
	char actor[4][16]; /* their logins */
};

static int collect(const struct queue_event *ev, void *ctx)
{
	struct seen *s = ctx;

	if (s->n < 4) {
		snprintf(s->note[s->n], sizeof(s->note[0]), "%s", ev->note);
		snprintf(s->role[s->n], sizeof(s->role[0]), "%s", ev->role);
		snprintf(s->actor[s->n], sizeof(s->actor[0]), "%s", ev->actor);
	}
	s->n++;
	return 0;
}

static void test_supervise_once_per_day(void **state)
{
	struct date d27 = {2026, 11, 27}, d26 = {2026, 11, 26},
		    d28 = {2026, 11, 28};
	struct seen s = {0};

	(void)state;
	assert_int_equal(
	    queue_supervise(q, d27, "Register dicek, 3 baru", &desk, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_non_null(strstr(queue_errmsg(q), "Kasubbag"));
	assert_int_equal(queue_supervise(q, d27, NULL, &kasubbag, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	assert_int_equal(queue_supervise(q, d28, "besok", &kasubbag, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	assert_int_equal(
	    queue_supervise(q, d27, "Register dicek, 3 baru", &kasubbag, NOW),
	    0);
	assert_int_equal(queue_supervise(q, d27, "lagi", &kasubbag, NOW + 60),
			 -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_non_null(strstr(queue_errmsg(q), "already recorded by sari"));
	assert_int_equal(queue_supervise(q, d26, "kemarin", &kasubbag, NOW), 0);
	assert_int_equal(queue_office_events(q, "supervise", "", collect, &s),
			 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.note[0], "2026-11-27: Register dicek, 3 baru");
	assert_string_equal(s.role[0], "kasubbag");
	assert_string_equal(s.actor[0], "sari");
	s.n = 0;
	assert_int_equal(
	    queue_office_events(q, "supervise", "2026-11-26", collect, &s), 0);
	assert_int_equal(s.n, 1);
}

/* The index holds even against a writer that skips the check. */
static void test_database_enforces_one(void **state)
{
	sqlite3 *db;

	(void)state;
	assert_int_equal(queue_supervise(q, (struct date){2026, 11, 27}, "ok",
					 &kasubbag, NOW),
			 0);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_not_equal(
	    sqlite3_exec(db,
			 "INSERT INTO events (at, actor, role, action, note) "
			 "VALUES (1, 'x', 'kasubbag', 'supervise', "
			 "'2026-11-27: twice')",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_not_equal(
	    sqlite3_exec(db,
			 "UPDATE events SET note = 'edited' WHERE action = "
			 "'supervise'",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
}

static void test_report_handover(void **state)
{
	struct seen s = {0};

	(void)state;
	assert_int_equal(queue_report_handover(q, 2026, 10, NULL, &ppid, NOW),
			 -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_int_equal(
	    queue_report_handover(q, 2026, 12, NULL, &kasubbag, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	assert_int_equal(
	    queue_report_handover(q, 2026, 13, NULL, &kasubbag, NOW), -1);
	assert_int_equal(queue_report_handover(q, 2026, 10,
					       "Diterima Kabag, paraf",
					       &kasubbag, NOW),
			 0);
	assert_int_equal(queue_report_handover(q, 2026, 11, "", &kasubbag, NOW),
			 0);
	assert_int_equal(
	    queue_report_handover(q, 2026, 10, NULL, &kasubbag, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_int_equal(
	    queue_office_events(q, "report-handover", "2026", collect, &s), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.note[0], "2026-10: Diterima Kabag, paraf");
	assert_string_equal(s.note[1], "2026-11");
}

static int find_handover(const struct queue_event *ev, void *ctx)
{
	struct seen *s = ctx;

	if (strcmp(ev->action, "handover") == 0 ||
	    strcmp(ev->action, "call-ack") == 0)
		collect(ev, s);
	return 0;
}

static void test_handover_closes_pickup(void **state)
{
	static struct request r;
	struct wf_args none = {0}, dec = {.decision = WF_DECISION_GRANTED},
		       give = {.note = "Salinan DPT 2024 (12 halaman)",
			       .form = "usb"};
	const struct text *why;
	struct seen s = {0};
	int64_t call;
	const struct queue_actor staff = {"budi", WF_ROLE_STAFF, false};

	(void)state;
	request_init(&r);
	r.id_type = REQ_ID_NIK;
	snprintf(r.id_number, sizeof(r.id_number), "3201015708900001");
	snprintf(r.name, sizeof(r.name), "Siti Aminah");
	snprintf(r.address, sizeof(r.address), "Jl. Merdeka 1");
	snprintf(r.occupation, sizeof(r.occupation), "Guru");
	snprintf(r.phone, sizeof(r.phone), "081234567891");
	snprintf(r.info, sizeof(r.info), "Salinan DPT");
	snprintf(r.purpose, sizeof(r.purpose), "Arsip");
	r.received_at = NOW;
	assert_int_equal(queue_submit(q, &r, &staff, false, NOW), 0);
	assert_int_equal(
	    queue_act(q, r.regno, "forward", &none, &staff, NOW, &why), 0);
	assert_int_equal(
	    queue_act(q, r.regno, "available", &none, &staff, NOW, &why), 0);
	assert_int_equal(
	    queue_act(q, r.regno, "decide", &dec, &staff, NOW, &why), 0);
	/* Not before the written notification. */
	assert_int_equal(
	    queue_act(q, r.regno, "handover", &give, &desk, NOW, &why), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_int_equal(
	    queue_act(q, r.regno, "notify", &none, &staff, NOW, &why), 0);
	assert_int_equal(queue_call_add(q, QUEUE_CALL_PICKUP, r.id, NOW, &call),
			 0);
	/* The PPID may not hand over; the desk may. */
	assert_int_equal(
	    queue_act(q, r.regno, "handover", &give, &ppid, NOW, &why), -1);
	assert_int_equal(
	    queue_act(q, r.regno, "handover", &give, &desk, NOW + 60, &why), 0);
	assert_int_equal(queue_history(q, r.id, find_handover, &s), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.note[0],
			    "form usb; Salinan DPT 2024 (12 halaman)");
	assert_string_equal(s.role[0], "desk");
	s.n = 0;
	assert_int_equal(queue_events_after(q, 0, find_handover, &s), 0);
	assert_int_equal(s.n, 2);
	assert_non_null(strstr(s.note[1], "(handover)"));
	/* The call is answered: the kiosk sees it acknowledged. */
	assert_int_equal(queue_call_ack(q, call, &desk, NOW + 61), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_NOTFOUND);
	request_wipe(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_supervise_once_per_day, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_database_enforces_one, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_report_handover, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_handover_closes_pickup, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
