// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Queue store tests on real SQLite files: numbering, deadlines, the SOP
 * through queue_act, the append-only history, change detection, two
 * processes submitting at once, kill -9 mid-submission, and faults (busy,
 * read-only, full, corrupt).
 */

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "migrations.h"
#include "queue.h"

static char dir[64];
static char path[128];
static const struct queue_actor desk = {"budi", WF_ROLE_DESK, false};
static const struct queue_actor kasubbag = {"siti", WF_ROLE_KASUBBAG, false};
static const struct queue_actor ppid = {"ppid", WF_ROLE_PPID, false};
static const struct queue_actor kiosk = {"kiosk", WF_ROLE_KIOSK, false};

/* Friday 27 November 2026, 10:00 WIB. */
static time_t at(int y, int m, int d, int hh, int mm)
{
	return date_wib_to_utc((struct date){y, m, d}, hh, mm, 0);
}
#define NOW at(2026, 11, 27, 10, 0)

static struct queue *open_q(bool readonly, int busy_ms)
{
	struct queue_options opt = {
	    .path = path,
	    .create = !readonly,
	    .readonly = readonly,
	    .busy_timeout_ms = busy_ms,
	};
	struct queue *q = NULL;
	char err[256];
	enum queue_err e = queue_open(&opt, &q, err, sizeof(err));

	if (e != QUEUE_OK)
		fail_msg("queue_open: %s", err);
	return q;
}

static void fill(struct request *r, const char *name)
{
	request_init(r);
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->id_type = REQ_ID_NIK;
	snprintf(r->id_number, sizeof(r->id_number), "1771014708900001");
	snprintf(r->address, sizeof(r->address),
		 "Jl. Pembangunan 11, Bengkulu");
	snprintf(r->occupation, sizeof(r->occupation), "Mahasiswa");
	snprintf(r->phone, sizeof(r->phone), "081234567890");
	snprintf(r->info, sizeof(r->info), "Rekapitulasi hasil Pemilu 2024");
	snprintf(r->purpose, sizeof(r->purpose), "Penelitian");
	r->obtain = REQ_OBTAIN_SOFTCOPY;
	r->delivery = REQ_DELIVERY_EMAIL;
	snprintf(r->email, sizeof(r->email), "budi@contoh.id");
	r->channel = REQ_CHANNEL_KIOSK;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ppidq.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/queue.db", dir);
	return 0;
}

static int teardown(void **state)
{
	char cmd[160];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_submit_numbers_and_deadline(void **state)
{
	(void)state;
	struct queue *q = open_q(false, 1000);
	static struct request r, back;
	char token[REQ_TOKEN_LEN + 1];

	fill(&r, "Budi Santoso");
	r.received_at = NOW;
	assert_int_equal(queue_submit(q, &r, &kiosk, true, NOW), 0);
	assert_string_equal(r.regno, "0001/PPID/KPU-BKL/XI/2026");
	assert_int_equal(strlen(r.token), REQ_TOKEN_LEN);
	snprintf(token, sizeof(token), "%s", r.token);
	/* Friday 27 Nov counts; 10 working days: Fri 11 Dec. */
	assert_int_equal(date_cmp(r.start_date, (struct date){2026, 11, 27}),
			 0);
	assert_int_equal(date_cmp(r.deadline, (struct date){2026, 12, 11}), 0);

	fill(&r, "Ani");
	r.received_at = at(2026, 11, 27, 16, 30); /* after hours */
	assert_int_equal(queue_submit(q, &r, &kiosk, false, NOW + 7 * 3600), 0);
	assert_string_equal(r.regno, "0002/PPID/KPU-BKL/XI/2026");
	assert_int_equal(date_cmp(r.start_date, (struct date){2026, 11, 30}),
			 0);

	assert_int_equal(queue_get(q, "0001/PPID/KPU-BKL/XI/2026", &back), 0);
	assert_string_equal(back.name, "Budi Santoso");
	assert_string_equal(back.token, token);
	queue_close(q);
}

static void test_numbers_restart_each_year(void **state)
{
	(void)state;
	struct queue *q = open_q(false, 1000);
	static struct request r;

	fill(&r, "Ade Akhir");
	r.received_at = at(2026, 12, 31, 15, 0);
	if (queue_submit(q, &r, &kiosk, false, NOW + 40 * 86400) < 0)
		fail_msg("%s", queue_errmsg(q));
	assert_string_equal(r.regno, "0003/PPID/KPU-BKL/XII/2026");
	fill(&r, "Bea Awal");
	r.received_at = at(2027, 1, 4, 9, 0);
	assert_int_equal(queue_submit(q, &r, &kiosk, false, NOW + 40 * 86400),
			 0);
	assert_string_equal(r.regno, "0001/PPID/KPU-BKL/I/2027");
	queue_close(q);
}

static void test_submit_rejects_invalid_and_future(void **state)
{
	(void)state;
	struct queue *q = open_q(false, 1000);
	static struct request r;

	fill(&r, "");
	assert_int_equal(queue_submit(q, &r, &kiosk, false, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	assert_non_null(strstr(queue_errmsg(q), "name"));
	fill(&r, "Backdated");
	r.received_at = NOW + 3600;
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	fill(&r, "Kabag");
	assert_int_equal(
	    queue_submit(q, &r,
			 &(struct queue_actor){"x", WF_ROLE_KABAG, false},
			 false, NOW),
	    -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	queue_close(q);
}

static void test_verbatim_text(void **state)
{
	(void)state;
	struct queue *q = open_q(false, 1000);
	static struct request r, back;
	const char *name = "Robert'); DROP TABLE requests;-- \"Ñoño\" 😀";
	char longname[REQ_BUF(REQ_NAME_MAX)] = "";

	fill(&r, name);
	snprintf(r.info, sizeof(r.info),
		 "Data 'pemilih' \"tetap\" %%s %%n ; -- "
		 "\\ \U0001F5F3 Ruang ber-AC ✓");
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_string_equal(back.name, name);
	assert_string_equal(back.info, r.info);
	/* 100 characters of two bytes each. */
	for (int i = 0; i < REQ_NAME_MAX; i++)
		strcat(longname, i % 10 == 9 ? " " : "ā");
	fill(&r, longname);
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_string_equal(back.name, longname);
	queue_close(q);
}

struct count_ctx {
	int n;
	char actions[16][16];
};

static int count_event(const struct queue_event *ev, void *ctx)
{
	struct count_ctx *c = ctx;

	if (c->n < 16)
		snprintf(c->actions[c->n], sizeof(c->actions[0]), "%s",
			 ev->action);
	c->n++;
	return 0;
}

static void test_workflow_through_queue(void **state)
{
	(void)state;
	struct queue *q = open_q(false, 1000);
	static struct request r, back;
	const struct text *why;
	struct wf_args none = {0};
	struct count_ctx c = {0};

	fill(&r, "Workflow");
	r.received_at = NOW;
	assert_int_equal(queue_submit(q, &r, &kiosk, false, NOW), 0);
	/* kasubbag may not forward; desk may. */
	assert_int_equal(
	    queue_act(q, r.regno, "forward", &none, &kasubbag, NOW, &why), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_non_null(why);
	assert_int_equal(
	    queue_act(q, r.regno, "forward", &none, &desk, NOW, &why), 0);
	assert_int_equal(queue_act(q, r.regno, "coordinate",
				   &(struct wf_args){.memo = "ND-7/PP.07/2026"},
				   &kasubbag, NOW, &why),
			 0);
	assert_int_equal(queue_act(q, r.regno, "extend",
				   &(struct wf_args){.note = "menunggu data"},
				   &kasubbag, NOW, &why),
			 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_true(back.extended);
	/* 11 Dec + 7 working days = 22 Dec. */
	assert_int_equal(
	    date_cmp(back.extended_deadline, (struct date){2026, 12, 22}), 0);
	assert_int_equal(queue_act(q, r.regno, "extend",
				   &(struct wf_args){.note = "lagi"}, &kasubbag,
				   NOW, &why),
			 -1);
	assert_int_equal(
	    queue_act(q, r.regno, "decide",
		      &(struct wf_args){.decision = WF_DECISION_REJECTED,
					.basis = "H"},
		      &ppid, NOW, &why),
	    0);
	assert_int_equal(
	    queue_act(q, r.regno, "notify", &none, &desk, NOW + 60, &why), 0);
	assert_int_equal(
	    queue_act(q, r.regno, "close", &none, &desk, NOW + 120, &why), 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_int_equal(back.status, WF_CLOSED);
	assert_int_equal(back.decision, WF_DECISION_REJECTED);
	assert_string_equal(back.basis, "h");
	assert_string_equal(back.memo, "ND-7/PP.07/2026");
	assert_int_equal((long)back.notified_at, (long)(NOW + 60));
	assert_int_equal(queue_history(q, back.id, count_event, &c), 0);
	assert_int_equal(c.n, 7);
	assert_string_equal(c.actions[0], "submit");
	assert_string_equal(c.actions[6], "close");
	/* Unknown request and unknown action. */
	assert_int_equal(
	    queue_act(q, "9999/X/2026", "forward", &none, &desk, NOW, &why),
	    -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_NOTFOUND);
	assert_int_equal(
	    queue_act(q, r.regno, "teleport", &none, &desk, NOW, &why), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	queue_close(q);
}

static void test_history_is_append_only(void **state)
{
	(void)state;
	struct queue *q = open_q(false, 1000);
	sqlite3 *db;
	char *err = NULL;

	queue_close(q);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_not_equal(
	    sqlite3_exec(db, "UPDATE events SET note = 'x'", NULL, NULL, &err),
	    SQLITE_OK);
	assert_non_null(strstr(err, "append-only"));
	sqlite3_free(err);
	assert_int_not_equal(
	    sqlite3_exec(db, "DELETE FROM events", NULL, NULL, &err),
	    SQLITE_OK);
	sqlite3_free(err);
	assert_int_not_equal(
	    sqlite3_exec(db, "DELETE FROM requests", NULL, NULL, &err),
	    SQLITE_OK);
	sqlite3_free(err);
	sqlite3_close(db);
}

static void test_change_detection(void **state)
{
	(void)state;
	struct queue *a = open_q(false, 1000), *b = open_q(true, 1000);
	static struct request r;
	bool changed;
	int64_t id;

	assert_int_equal(queue_poll_changed(b, &changed), 0);
	assert_true(changed); /* first call */
	assert_int_equal(queue_poll_changed(b, &changed), 0);
	assert_false(changed);
	fill(&r, "Watcher");
	assert_int_equal(queue_submit(a, &r, &kiosk, false, NOW), 0);
	assert_int_equal(queue_poll_changed(b, &changed), 0);
	assert_true(changed);
	assert_int_equal(queue_poll_changed(b, &changed), 0);
	assert_false(changed);
	assert_int_equal(queue_call_add(a, QUEUE_CALL_BUTTON, 0, NOW, &id), 0);
	assert_int_equal(queue_poll_changed(b, &changed), 0);
	assert_true(changed);
	assert_int_equal(queue_call_ack(a, id, &desk, NOW), 0);
	assert_int_equal(queue_call_ack(a, id, &desk, NOW), -1);
	assert_int_equal(queue_errcode(a), QUEUE_ERR_NOTFOUND);
	queue_close(a);
	queue_close(b);
}

static void test_holiday_moves_open_deadlines(void **state)
{
	(void)state;
	struct queue *q = open_q(false, 1000);
	static struct request r, back;
	struct queue_holiday h = {
	    {2026, 12, 2}, "office", "Kantor tutup", "test"};
	struct count_ctx c = {0};

	fill(&r, "Moves");
	r.received_at = NOW;
	assert_int_equal(queue_submit(q, &r, &kiosk, false, NOW), 0);
	assert_int_equal(queue_holidays_add(q, &h, 1, &desk, NOW), 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_int_equal(date_cmp(back.deadline, (struct date){2026, 12, 14}),
			 0);
	assert_int_equal(queue_history(q, back.id, count_event, &c), 0);
	assert_string_equal(c.actions[c.n - 1], "recompute");
	h.kind = "bogus";
	assert_int_equal(queue_holidays_add(q, &h, 1, &desk, NOW), -1);
	assert_int_equal(queue_holidays_add(q, &h, 1, &kiosk, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	queue_close(q);
}

/* The calendar a connection caches follows holidays that another
 * connection adds; a failed batch leaves the calendar as it was. */
static void test_calendar_cache_follows_other_connections(void **state)
{
	(void)state;
	struct queue *a, *b;
	static struct request r;
	struct queue_holiday good[2] = {
	    {{2026, 12, 3}, "office", "Kantor tutup", "test"},
	    {{2026, 12, 4}, "bogus", "Bad kind", "test"},
	};

	snprintf(path, sizeof(path), "%s/cache.db", dir);
	a = open_q(false, 1000);
	b = open_q(false, 1000);
	fill(&r, "Cache Warm");
	r.received_at = NOW;
	assert_int_equal(queue_submit(a, &r, &kiosk, false, NOW), 0);
	assert_int_equal(date_cmp(r.deadline, (struct date){2026, 12, 11}), 0);
	/* A failed batch on a: nothing of it may stick in a's cache. */
	assert_int_equal(queue_holidays_add(a, good, 2, &desk, NOW), -1);
	fill(&r, "After Rollback");
	r.received_at = NOW;
	assert_int_equal(queue_submit(a, &r, &kiosk, false, NOW), 0);
	assert_int_equal(date_cmp(r.deadline, (struct date){2026, 12, 11}), 0);
	/* b adds a holiday inside the window: a's next deadline moves. */
	assert_int_equal(queue_holidays_add(b, good, 1, &desk, NOW), 0);
	fill(&r, "After Holiday");
	r.received_at = NOW;
	assert_int_equal(queue_submit(a, &r, &kiosk, false, NOW), 0);
	assert_int_equal(date_cmp(r.deadline, (struct date){2026, 12, 14}), 0);
	queue_close(a);
	queue_close(b);
	snprintf(path, sizeof(path), "%s/queue.db", dir);
}

/* Two processes submit 500 requests each at the same moment. */
static void submit_many(int n, const char *who)
{
	struct queue *q = open_q(false, 30000);
	static struct request r;

	for (int i = 0; i < n; i++) {
		fill(&r, who);
		r.received_at = NOW;
		if (queue_submit(q, &r, &kiosk, false, NOW) < 0) {
			fprintf(stderr, "%s: %s\n", who, queue_errmsg(q));
			_exit(1);
		}
	}
	queue_close(q);
	_exit(0);
}

static void test_two_processes_gap_free(void **state)
{
	(void)state;
	struct queue *q = open_q(false, 1000);
	pid_t a, b;
	int st_a, st_b;
	sqlite3 *db;
	sqlite3_stmt *st;
	bool ok;
	char msg[64];

	queue_close(q);
	snprintf(path, sizeof(path), "%s/two.db", dir);
	queue_close(open_q(false, 1000));
	a = fork();
	if (a == 0)
		submit_many(500, "Kiosk process");
	b = fork();
	if (b == 0)
		submit_many(500, "Console process");
	assert_int_equal(waitpid(a, &st_a, 0), a);
	assert_int_equal(waitpid(b, &st_b, 0), b);
	assert_int_equal(st_a, 0);
	assert_int_equal(st_b, 0);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_prepare_v2(db,
			       "SELECT COUNT(*), COUNT(DISTINCT regno), "
			       "MIN(reg_seq), MAX(reg_seq), "
			       "SUM(name = 'Kiosk process') FROM requests",
			       -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1000);
	assert_int_equal(sqlite3_column_int(st, 1), 1000);
	assert_int_equal(sqlite3_column_int(st, 2), 1);
	assert_int_equal(sqlite3_column_int(st, 3), 1000);
	assert_int_equal(sqlite3_column_int(st, 4), 500);
	sqlite3_finalize(st);
	sqlite3_close(db);
	q = open_q(false, 1000);
	assert_int_equal(queue_integrity_check(q, &ok, msg, sizeof(msg)), 0);
	assert_true(ok);
	queue_close(q);
	snprintf(path, sizeof(path), "%s/queue.db", dir);
}

/*
 * Raw SQL over @p file: every request has exactly one "submit" event and
 * (all of them were submitted with a receipt) exactly one receipt job, and
 * the numbers of the year are 1..COUNT(*) without a gap.  Returns COUNT(*).
 */
static int check_consistent(const char *file)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int n, bad_submit, bad_job, max_seq, distinct_seq;

	assert_int_equal(sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	assert_int_equal(
	    sqlite3_prepare_v2(
		db,
		"SELECT COUNT(*), "
		"COALESCE(SUM((SELECT COUNT(*) FROM events e WHERE "
		"e.request_id = r.id AND e.action = 'submit') != 1), 0), "
		"COALESCE(SUM((SELECT COUNT(*) FROM print_jobs j WHERE "
		"j.request_id = r.id AND j.document = 'receipt') != 1), 0), "
		"COALESCE(MAX(reg_seq), 0), COUNT(DISTINCT reg_seq) "
		"FROM requests r",
		-1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	bad_submit = sqlite3_column_int(st, 1);
	bad_job = sqlite3_column_int(st, 2);
	max_seq = sqlite3_column_int(st, 3);
	distinct_seq = sqlite3_column_int(st, 4);
	sqlite3_finalize(st);
	sqlite3_close(db);
	if (bad_submit || bad_job || max_seq != n || distinct_seq != n)
		fail_msg("%s: %d requests, %d without exactly one submit "
			 "event, %d without exactly one receipt job, "
			 "MAX(reg_seq) %d, %d distinct numbers",
			 file, n, bad_submit, bad_job, max_seq, distinct_seq);
	return n;
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1000.0 +
	       (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* kill -9 in the middle of submissions: every number reported is there. */
static void test_kill_during_submissions(void **state)
{
	(void)state;
	int fds[2];
	pid_t pid;
	char line[128];
	FILE *in;
	int seen = 0, total;
	struct queue *q;
	static struct request r;
	bool ok;
	char msg[64];

	snprintf(path, sizeof(path), "%s/kill.db", dir);
	queue_close(open_q(false, 1000));
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		q = open_q(false, 5000);
		for (int i = 0;; i++) {
			fill(&r, "Power cut");
			if (queue_submit(q, &r, &kiosk, true, NOW) < 0)
				_exit(1);
			/* Only a committed number is ever shown. */
			dprintf(fds[1], "%s\n", r.regno);
		}
	}
	close(fds[1]);
	in = fdopen(fds[0], "r");
	assert_non_null(in);
	while (seen < 40 && fgets(line, sizeof(line), in))
		seen++;
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	assert_int_equal(seen, 40);
	total = check_consistent(path);
	q = open_q(false, 1000);
	/* Everything reported: the first 40 ... */
	for (int i = 1; i <= 40; i++) {
		char regno[64];

		snprintf(regno, sizeof(regno), "%04d/PPID/KPU-BKL/XI/2026", i);
		assert_int_equal(queue_get(q, regno, &r), 0);
	}
	/* ... and every complete line the pipe still holds (the writer is
	 * dead, so this ends at EOF). */
	while (fgets(line, sizeof(line), in)) {
		size_t len = strlen(line);

		if (len == 0 || line[len - 1] != '\n')
			break; /* cut by the kill: never shown */
		line[len - 1] = '\0';
		if (queue_get(q, line, &r) != 0)
			fail_msg("reported %s is not in the database", line);
		seen++;
	}
	assert_true(seen <= total);
	assert_int_equal(queue_integrity_check(q, &ok, msg, sizeof(msg)), 0);
	assert_true(ok);
	fclose(in);
	queue_close(q);
	snprintf(path, sizeof(path), "%s/queue.db", dir);
}

static void test_busy_database(void **state)
{
	(void)state;
	struct queue *q = open_q(false, 200);
	static struct request r;
	sqlite3 *db;
	struct timespec t0;
	double waited;
	int fds[2], status;
	char ready;
	pid_t pid;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL),
			 SQLITE_OK);
	fill(&r, "Busy");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(queue_submit(q, &r, &kiosk, false, NOW), -1);
	waited = ms_since(&t0);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_BUSY);
	assert_non_null(strstr(queue_errmsg(q), path));
	assert_string_equal(r.regno, "");
	/* It waited for the lock (a lower bound only, never an upper one). */
	if (waited < 200.0)
		fail_msg("gave up after %.1f ms, before the 200 ms busy "
			 "timeout",
			 waited);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	/* Once the lock is gone the same request goes through. */
	fill(&r, "Busy");
	assert_int_equal(queue_submit(q, &r, &kiosk, false, NOW), 0);
	queue_close(q);

	/* Another process holds the write lock ~200 ms, then commits: a
	 * submit with a 5 s busy timeout waits for it and goes through. */
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		sqlite3 *h;
		int ok;

		close(fds[0]);
		ok = sqlite3_open(path, &h) == SQLITE_OK &&
		     sqlite3_exec(h,
				  "BEGIN IMMEDIATE; INSERT INTO calls (at, "
				  "kind) VALUES (1, 'button')",
				  NULL, NULL, NULL) == SQLITE_OK;
		if (write(fds[1], ok ? "L" : "E", 1) != 1)
			_exit(2);
		usleep(200 * 1000);
		ok = ok &&
		     sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
		sqlite3_close(h);
		_exit(ok ? 0 : 1);
	}
	close(fds[1]);
	/* The child holds the lock before we try (EOF if it died). */
	assert_int_equal(read(fds[0], &ready, 1), 1);
	close(fds[0]);
	assert_int_equal(ready, 'L');
	q = open_q(false, 5000);
	fill(&r, "Busy then free");
	if (queue_submit(q, &r, &kiosk, false, NOW) < 0)
		fail_msg("submit behind a short lock: %s", queue_errmsg(q));
	assert_int_not_equal(r.regno[0], '\0');
	queue_close(q);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* Both writes are there: the holder's call and our request. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	{
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(
				     db,
				     "SELECT (SELECT COUNT(*) FROM calls "
				     "WHERE at = 1), (SELECT COUNT(*) FROM "
				     "requests WHERE name = 'Busy then free')",
				     -1, &st, NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 1);
		assert_int_equal(sqlite3_column_int(st, 1), 1);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
}

static void test_readonly_database(void **state)
{
	(void)state;
	struct queue *q;
	static struct request r;

	queue_close(open_q(false, 1000));
	q = open_q(true, 200);
	fill(&r, "Read only");
	assert_int_equal(queue_submit(q, &r, &kiosk, false, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_READONLY);
	queue_close(q);
}

static void test_corrupt_and_missing_file(void **state)
{
	(void)state;
	struct queue_options opt = {.path = path};
	struct queue *q;
	char err[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/garbage.db", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 4096; i++)
		fputc("PPID garbage\n"[i % 13], f);
	fclose(f);
	assert_int_equal(queue_open(&opt, &q, err, sizeof(err)),
			 QUEUE_ERR_CORRUPT);
	assert_null(q);
	assert_non_null(strstr(err, path));
	snprintf(path, sizeof(path), "%s/missing.db", dir);
	assert_int_equal(queue_open(&opt, &q, err, sizeof(err)), QUEUE_ERR_IO);
	assert_non_null(strstr(err, "ppid-console init"));
	snprintf(path, sizeof(path), "%s/queue.db", dir);
}

/* A full disk (here: a file-size limit) fails cleanly, nothing half-done. */
static void test_disk_full(void **state)
{
	(void)state;
	pid_t pid;
	int status;
	struct queue *q;
	static struct request r;
	bool ok;
	char msg[64];

	snprintf(path, sizeof(path), "%s/full.db", dir);
	queue_close(open_q(false, 1000));
	pid = fork();
	if (pid == 0) {
		struct rlimit lim = {200 * 1024, 200 * 1024};
		int failed = 0;

		signal(SIGXFSZ, SIG_IGN);
		q = open_q(false, 1000);
		setrlimit(RLIMIT_FSIZE, &lim);
		for (int i = 0; i < 5000 && !failed; i++) {
			fill(&r, "Disk full");
			memset(r.info, 'x', 1500);
			r.info[1500] = '\0';
			if (queue_submit(q, &r, &kiosk, true, NOW) < 0) {
				enum queue_err e = queue_errcode(q);

				failed =
				    e == QUEUE_ERR_FULL || e == QUEUE_ERR_IO
					? 1
					: 2;
			}
		}
		queue_close(q);
		_exit(failed == 1 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* What was committed is whole: submit event, receipt job, no gap. */
	assert_true(check_consistent(path) > 0);
	q = open_q(false, 1000);
	assert_int_equal(queue_integrity_check(q, &ok, msg, sizeof(msg)), 0);
	assert_true(ok);
	queue_close(q);
	snprintf(path, sizeof(path), "%s/queue.db", dir);
}

/* ---- the law, the permission table, regimes, statuses (issue 7) --------- */

/* Each of these tests works on a database of its own under dir. */
static struct queue *fresh_q(const char *name)
{
	snprintf(path, sizeof(path), "%s/%s.db", dir, name);
	return open_q(false, 1000);
}

static void restore_path(void)
{
	snprintf(path, sizeof(path), "%s/queue.db", dir);
}

/* Run one SQL statement on the file directly; returns the SQLite code. */
static int raw_exec(const char *sql)
{
	sqlite3 *db;
	int rc;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 2000);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* One text value from the file, into buf. */
static const char *raw_text(const char *sql, char *buf, size_t len)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	buf[0] = '\0';
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, len, "%s",
			 (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return buf;
}

static int64_t raw_int(const char *sql)
{
	char buf[32];

	return strtoll(raw_text(sql, buf, sizeof(buf)), NULL, 10);
}

/* Submitted at NOW (Fri 27 Nov 2026), forwarded and coordinated:
 * deadline Fri 11 Dec. */
static void coordinating(struct queue *q, struct request *r, const char *name)
{
	const struct text *why;
	struct wf_args none = {0};

	fill(r, name);
	r->received_at = NOW;
	assert_int_equal(queue_submit(q, r, &desk, false, NOW), 0);
	assert_int_equal(
	    queue_act(q, r->regno, "forward", &none, &desk, NOW, &why), 0);
	assert_int_equal(queue_act(q, r->regno, "coordinate",
				   &(struct wf_args){.memo = "ND-1/2026"},
				   &kasubbag, NOW, &why),
			 0);
}

/* UU 14/2008 Pasal 22(8): no extension once the original deadline passed. */
static void test_extend_after_original_deadline_refused(void **state)
{
	(void)state;
	struct queue *q = fresh_q("extend");
	static struct request r, back;
	const struct text *why;
	struct wf_args ext = {.note = "menunggu data dari KPU RI"};
	struct count_ctx before = {0}, after = {0};

	coordinating(q, &r, "Terlambat");
	assert_int_equal(queue_history(q, r.id, count_event, &before), 0);
	/* Monday 14 Dec: the deadline of Friday 11 Dec has passed. */
	assert_int_equal(queue_act(q, r.regno, "extend", &ext, &kasubbag,
				   at(2026, 12, 14, 9, 0), &why),
			 -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_non_null(why);
	assert_non_null(strstr(why->en, "original deadline has passed"));
	assert_non_null(strstr(queue_errmsg(q), "original deadline"));
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_false(back.extended);
	assert_int_equal(queue_history(q, r.id, count_event, &after), 0);
	assert_int_equal(after.n, before.n);
	/* On the deadline day itself, late in the afternoon, it is in time. */
	assert_int_equal(queue_act(q, r.regno, "extend", &ext, &kasubbag,
				   at(2026, 12, 11, 15, 30), &why),
			 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_true(back.extended);
	assert_int_equal(
	    date_cmp(back.extended_deadline, (struct date){2026, 12, 22}), 0);
	queue_close(q);
	restore_path();
}

/* decide: partial needs a basis; a basis with granted or not_held and a
 * holder with anything but not_held are refused, nothing is stored. */
static void test_decide_basis_rules_through_queue(void **state)
{
	(void)state;
	struct queue *q = fresh_q("decide");
	static struct request r, back;
	const struct text *why;
	static const struct wf_args refused[] = {
	    {.decision = WF_DECISION_PARTIAL},
	    {.decision = WF_DECISION_PARTIAL, .basis = "  "},
	    {.decision = WF_DECISION_GRANTED, .basis = "h"},
	    {.decision = WF_DECISION_NOT_HELD,
	     .basis = "h",
	     .holder = "Bawaslu"},
	    {.decision = WF_DECISION_GRANTED, .holder = "Bawaslu"},
	    {.decision = WF_DECISION_PARTIAL,
	     .basis = "h",
	     .holder = "Bawaslu"},
	};

	coordinating(q, &r, "Sebagian");
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		assert_int_equal(queue_act(q, r.regno, "decide", &refused[i],
					   &ppid, NOW, &why),
				 -1);
		assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
		assert_non_null(why);
		assert_int_equal(queue_get(q, r.regno, &back), 0);
		assert_int_equal(back.status, WF_COORDINATING);
		assert_int_equal(back.decision, WF_DECISION_NONE);
	}
	assert_int_equal(
	    queue_act(q, r.regno, "decide",
		      &(struct wf_args){.decision = WF_DECISION_PARTIAL,
					.basis = "h"},
		      &ppid, NOW, &why),
	    0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_int_equal(back.decision, WF_DECISION_PARTIAL);
	assert_string_equal(back.basis, "h");
	queue_close(q);
	restore_path();
}

/* The refusal names the request's current status and where the action
 * would apply. */
static void test_wrong_state_refusal_names_status(void **state)
{
	(void)state;
	struct queue *q = fresh_q("wrongstate");
	static struct request r;
	const struct text *why;
	struct wf_args none = {0};

	coordinating(q, &r, "Salah status");
	assert_int_equal(
	    queue_act(q, r.regno, "forward", &none, &desk, NOW, &why), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_non_null(strstr(why->en, "'coordinating'"));
	assert_non_null(strstr(why->id, "'coordinating'"));
	assert_non_null(strstr(queue_errmsg(q), "cannot forward"));
	assert_non_null(strstr(queue_errmsg(q), "'coordinating'"));
	assert_non_null(
	    strstr(queue_errmsg(q), "forward applies to: submitted"));
	queue_close(q);
	restore_path();
}

/* request_init() leaves the time unset: the queue takes now.  An explicit
 * time is used as given, 0 (1970-01-01 07:00 WIB) included: refused. */
static void test_received_time_explicit_or_now(void **state)
{
	(void)state;
	struct queue *q = fresh_q("received");
	static struct request r, back;

	fill(&r, "Sekarang");
	assert_true(r.received_at == REQ_RECEIVED_NOW);
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_int_equal((long long)back.received_at, (long long)NOW);

	fill(&r, "Nol");
	r.received_at = 0;
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	assert_non_null(strstr(queue_errmsg(q), "received"));
	assert_non_null(strstr(queue_errmsg(q), "2010"));

	fill(&r, "Lantai");
	r.received_at = REQ_RECEIVED_FLOOR - 1;
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), -1);
	r.received_at = REQ_RECEIVED_FLOOR;
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_int_equal((long long)back.received_at,
			 (long long)REQ_RECEIVED_FLOOR);
	queue_close(q);
	restore_path();
}

/* A request received on a day has the deadline calendar_due() gives for
 * that day (what `workdays` prints): a weekend or after-hours arrival
 * counts from the next working day. */
static void test_deadline_equals_calendar_due(void **state)
{
	(void)state;
	struct queue *q = fresh_q("due");
	struct calendar *cal = calendar_new();
	static struct request r;
	static const struct {
		struct date day;
		int hh, mm;
		struct date want;
	} cases[] = {
	    {{2026, 11, 27}, 10, 0, {2026, 12, 11}},  /* Friday */
	    {{2026, 11, 28}, 10, 0, {2026, 12, 14}},  /* Saturday */
	    {{2026, 11, 29}, 23, 0, {2026, 12, 14}},  /* Sunday night */
	    {{2026, 11, 27}, 16, 30, {2026, 12, 14}}, /* Friday after hours */
	    {{2026, 12, 24},
	     9,
	     0,
	     {2027, 1, 11}}, /* cuti bersama; no 2027 holidays */
	};

	assert_non_null(cal);
	assert_int_equal(queue_load_calendar(q, cal), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		time_t t = at(cases[i].day.year, cases[i].day.month,
			      cases[i].day.day, cases[i].hh, cases[i].mm);

		fill(&r, "Tenggat");
		r.received_at = t;
		assert_int_equal(
		    queue_submit(q, &r, &desk, false, NOW + 60 * 86400), 0);
		assert_int_equal(date_cmp(r.deadline, cases[i].want), 0);
		assert_int_equal(date_cmp(r.deadline, calendar_due(cal, t, 10)),
				 0);
		/* The day it counts from, then 10 working days on. */
		assert_int_equal(
		    date_cmp(r.deadline,
			     calendar_add_workdays(cal, r.start_date, 10)),
		    0);
	}
	calendar_free(cal);
	queue_close(q);
	restore_path();
}

/* The regime is an enum in struct request and its key in the file. */
static void test_regime_stored_as_key(void **state)
{
	(void)state;
	struct queue *q = fresh_q("regime");
	static struct request r, back;
	char buf[32], sql[160];

	fill(&r, "Pemilu");
	r.received_at = NOW;
	r.regime = WF_REGIME_ELECTION;
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), 0);
	/* Election: 3 working days from Fri 27 Nov = Wed 2 Dec. */
	assert_int_equal(date_cmp(r.deadline, (struct date){2026, 12, 2}), 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_int_equal(back.regime, WF_REGIME_ELECTION);
	snprintf(sql, sizeof(sql),
		 "SELECT regime FROM requests WHERE regno = '%s'", r.regno);
	assert_string_equal(raw_text(sql, buf, sizeof(buf)), "election");

	fill(&r, "Biasa");
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), 0);
	assert_int_equal(queue_get(q, r.regno, &back), 0);
	assert_int_equal(back.regime, WF_REGIME_ORDINARY);

	/* Objections are not information requests (yet). */
	fill(&r, "Keberatan");
	r.regime = WF_REGIME_OBJECTION;
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	assert_non_null(strstr(queue_errmsg(q), "objection"));
	r.regime = (enum wf_regime)77;
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), -1);
	queue_close(q);
	restore_path();
}

/* The file refuses a status or regime this program does not know. */
static void test_status_and_regime_checks(void **state)
{
	(void)state;
	struct queue *q = fresh_q("checks");
	static struct request r;

	fill(&r, "Check");
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), 0);
	queue_close(q);
	assert_int_equal(raw_exec("UPDATE requests SET status = 'appealed'"),
			 SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec("UPDATE requests SET status = 'Submitted'"),
			 SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec("UPDATE requests SET regime = 'bogus'"),
			 SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec("UPDATE requests SET status = 'closed'"),
			 SQLITE_OK);
	/* STRICT is kept, and so is the no-delete trigger. */
	assert_int_equal(raw_exec("UPDATE requests SET received_at = 'x'"),
			 SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec("DELETE FROM requests"), SQLITE_CONSTRAINT);
	restore_path();
}

static int count_req(const struct request *req, void *ctx)
{
	(void)req;
	(*(int *)ctx)++;
	return 0;
}

/* A row whose status this program does not know (another version, a hand
 * edit) is shown as unknown, is not open, is never acted on, and a holiday
 * import leaves it as it was. */
static void test_unknown_status_row(void **state)
{
	(void)state;
	struct queue *q = fresh_q("unknown");
	static struct request r, back;
	const struct text *why;
	struct queue_filter all = {.status = -1},
			    open = {.status = -1, .open_only = true};
	struct queue_holiday h = {{2026, 12, 3}, "office", "Tutup", "test"};
	int n_all = 0, n_open = 0;
	char buf[32];

	fill(&r, "Dari versi lain");
	r.received_at = NOW;
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), 0);
	fill(&r, "Biasa saja");
	r.received_at = NOW;
	assert_int_equal(queue_submit(q, &r, &desk, false, NOW), 0);
	assert_int_equal(
	    raw_exec(
		"PRAGMA ignore_check_constraints = 1; UPDATE requests "
		"SET status = 'appealed', decision = 'mixed' WHERE id = 1"),
	    SQLITE_OK);
	assert_int_equal(queue_get_by_id(q, 1, &back), 0);
	assert_int_equal(back.status, WF_STATUS_COUNT);
	assert_string_equal(workflow_status_key(back.status), "unknown");
	assert_string_equal(workflow_status_label(back.status)->en,
			    "Unknown status");
	assert_int_equal(back.decision, WF_DECISION_NONE);
	assert_int_equal(queue_list(q, &all, count_req, &n_all), 0);
	assert_int_equal(queue_list(q, &open, count_req, &n_open), 0);
	assert_int_equal(n_all, 2);
	assert_int_equal(n_open, 1);
	assert_int_equal(queue_act(q, back.regno, "note",
				   &(struct wf_args){.note = "x"}, &desk, NOW,
				   &why),
			 -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	/* Deadlines move for the open row only; the unknown one is kept. */
	assert_int_equal(queue_holidays_add(q, &h, 1, &desk, NOW), 0);
	assert_string_equal(raw_text("SELECT status FROM requests WHERE id = 1",
				     buf, sizeof(buf)),
			    "appealed");
	assert_string_equal(
	    raw_text("SELECT deadline FROM requests WHERE id = 1", buf,
		     sizeof(buf)),
	    "2026-12-11");
	assert_string_equal(
	    raw_text("SELECT deadline FROM requests WHERE id = 2", buf,
		     sizeof(buf)),
	    "2026-12-14");
	queue_close(q);
	restore_path();
}

/* "Open" in SQL is exactly workflow_status_open(), status by status. */
static void test_open_filter_follows_workflow(void **state)
{
	(void)state;
	struct queue *q = fresh_q("open");
	static struct request r;
	int want = 0, got = 0;
	char sql[96];

	for (int s = 0; s < WF_STATUS_COUNT; s++) {
		fill(&r, "Terbuka");
		assert_int_equal(queue_submit(q, &r, &desk, false, NOW), 0);
		snprintf(sql, sizeof(sql),
			 "UPDATE requests SET status = '%s' WHERE id = %lld",
			 workflow_status_key((enum wf_status)s),
			 (long long)r.id);
		assert_int_equal(raw_exec(sql), SQLITE_OK);
		want += workflow_status_open((enum wf_status)s);
	}
	assert_int_equal(
	    queue_list(q,
		       &(struct queue_filter){.status = -1, .open_only = true},
		       count_req, &got),
	    0);
	assert_int_equal(got, want);
	assert_int_equal(want, WF_STATUS_COUNT - 2);
	queue_close(q);
	restore_path();
}

/* The permission table guards the queue's own checks. */
static void test_permissions_in_queue(void **state)
{
	(void)state;
	struct queue *q = fresh_q("perm");
	static struct request r;
	const struct queue_actor kabag = {"kabag", WF_ROLE_KABAG, false};
	struct queue_holiday h = {{2026, 12, 3}, "office", "Tutup", "test"};
	int64_t id;

	fill(&r, "Izin");
	assert_int_equal(queue_submit(q, &r, &kabag, false, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_non_null(strstr(queue_errmsg(q), "desk"));
	assert_int_equal(queue_submit(q, &r, &kiosk, false, NOW), 0);
	assert_int_equal(queue_holidays_add(q, &h, 1, &ppid, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_non_null(strstr(queue_errmsg(q), "Kasubbag"));
	assert_int_equal(queue_holidays_add(q, &h, 1, &kasubbag, NOW), 0);
	assert_int_equal(queue_call_add(q, QUEUE_CALL_BUTTON, 0, NOW, &id), 0);
	assert_int_equal(queue_call_ack(q, id, &kiosk, NOW), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_REFUSED);
	assert_int_equal(queue_call_ack(q, id, &kabag, NOW), 0);
	queue_close(q);
	restore_path();
}

/* A version-2 database (before the CHECKs) upgrades with its data: rows,
 * ids, events and print jobs, the index, the trigger, STRICT and foreign
 * keys all kept.  One with a status the CHECK would refuse is left as it
 * was, whole. */
static void make_v2(const char *bad_status)
{
	sqlite3 *db;
	char sql[2048];

	unlink(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (size_t i = 0; i < n_migrations && migrations[i].version <= 2; i++)
		assert_int_equal(
		    sqlite3_exec(db, migrations[i].sql, NULL, NULL, NULL),
		    SQLITE_OK);
	snprintf(
	    sql, sizeof(sql),
	    "PRAGMA user_version = 2;"
	    "INSERT INTO requests (id, regno, reg_year, reg_seq, token, "
	    "channel, received_at, created_at, name, id_type, id_number, "
	    "address, info, purpose, obtain, delivery, regime, status, "
	    "start_date, deadline, extended_deadline, extensions, decision, "
	    "basis, updated_at) VALUES "
	    "(7, '0001/PPID/KPU-BKL/XI/2026', 2026, 1, 'ABCDEFGHJK', 'desk', "
	    "1795755600, 1795755600, 'Lama Biasa', 'nik', '3201015708900001', "
	    "'Jl. Lama 1', 'DPT 2024', 'Penelitian', 'hardcopy', 'pickup', "
	    "'ordinary', 'closed', '2026-11-27', '2026-12-11', NULL, 0, "
	    "'rejected', 'h', 1795755600),"
	    "(9, '0002/PPID/KPU-BKL/XI/2026', 2026, 2, 'KLMNPQRSTU', 'letter', "
	    "1795755600, 1795755600, 'Lama Pemilu', 'nik', "
	    "'3201015708900001', 'Jl. Lama 2', 'Rekap suara', 'Liputan', "
	    "'softcopy', 'pickup', 'election', '%s', '2026-11-27', "
	    "'2026-12-02', '2026-12-04', 1, NULL, '', 1795755600);"
	    "INSERT INTO events (request_id, at, actor, role, action, "
	    "to_status) VALUES (7, 1795755600, 'budi', 'desk', 'submit', "
	    "'submitted'), (9, 1795755600, 'budi', 'desk', 'submit', "
	    "'submitted'), (NULL, 1795755600, 'kiosk', 'kiosk', 'call', NULL);"
	    "INSERT INTO print_jobs (request_id, document, created_at, "
	    "updated_at) VALUES (9, 'receipt', 1795755600, 1795755600);",
	    bad_status);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void test_upgrade_from_version_2(void **state)
{
	(void)state;
	struct queue *q;
	struct queue_options opt = {.path = NULL, .busy_timeout_ms = 1000};
	static struct request back;
	char buf[256], err[256];
	int64_t job;

	snprintf(path, sizeof(path), "%s/v2.db", dir);
	make_v2("coordinating");
	q = open_q(false, 1000);
	assert_int_equal(queue_schema_version(q), 5);
	assert_int_equal(queue_get_by_id(q, 7, &back), 0);
	assert_string_equal(back.regno, "0001/PPID/KPU-BKL/XI/2026");
	assert_string_equal(back.name, "Lama Biasa");
	assert_int_equal(back.status, WF_CLOSED);
	assert_int_equal(back.regime, WF_REGIME_ORDINARY);
	assert_int_equal(back.decision, WF_DECISION_REJECTED);
	assert_int_equal(queue_get_by_id(q, 9, &back), 0);
	assert_int_equal(back.regime, WF_REGIME_ELECTION);
	assert_int_equal(back.status, WF_COORDINATING);
	assert_true(back.extended);
	assert_int_equal(back.extensions, 1);
	/* Foreign keys are on again: a job for no request is refused. */
	assert_int_equal(queue_job_add(q, 4242, "receipt", "", NOW, &job), -1);
	assert_int_equal(queue_job_add(q, 9, "receipt", "", NOW, &job), 0);
	queue_close(q);
	assert_int_equal(raw_int("SELECT COUNT(*) FROM requests"), 2);
	assert_int_equal(raw_int("SELECT COUNT(*) FROM events e JOIN requests "
				 "r ON r.id = e.request_id"),
			 2);
	assert_int_equal(raw_int("SELECT COUNT(*) FROM events"), 3);
	assert_int_equal(raw_int("SELECT COUNT(*) FROM print_jobs WHERE "
				 "request_id = 9"),
			 2);
	raw_text("SELECT COUNT(*) FROM pragma_foreign_key_check", buf,
		 sizeof(buf));
	assert_string_equal(buf, "0");
	assert_int_equal(raw_int("SELECT instr(sql, 'CHECK (status IN') > 0 "
				 "FROM sqlite_schema WHERE name = 'requests'"),
			 1);
	assert_int_equal(raw_int("SELECT COUNT(*) FROM sqlite_schema WHERE "
				 "name IN ('requests_status', "
				 "'requests_no_delete', 'requests_v3')"),
			 2);
	assert_int_equal(raw_int("SELECT strict FROM pragma_table_list WHERE "
				 "name = 'requests'"),
			 1);
	assert_int_equal(raw_exec("UPDATE requests SET status = 'bogus'"),
			 SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec("DELETE FROM requests WHERE id = 7"),
			 SQLITE_CONSTRAINT);

	/* A status the CHECK refuses: the upgrade fails, nothing changes. */
	snprintf(path, sizeof(path), "%s/v2bad.db", dir);
	make_v2("appealed");
	opt.path = path;
	assert_int_not_equal(queue_open(&opt, &q, err, sizeof(err)), QUEUE_OK);
	assert_null(q);
	assert_int_equal(raw_int("PRAGMA user_version"), 2);
	assert_int_equal(raw_int("SELECT COUNT(*) FROM requests"), 2);
	assert_int_equal(raw_int("SELECT COUNT(*) FROM sqlite_schema WHERE "
				 "name = 'requests_v3'"),
			 0);
	assert_string_equal(raw_text("SELECT status FROM requests WHERE id = 9",
				     buf, sizeof(buf)),
			    "appealed");
	restore_path();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_submit_numbers_and_deadline),
	    cmocka_unit_test(test_numbers_restart_each_year),
	    cmocka_unit_test(test_submit_rejects_invalid_and_future),
	    cmocka_unit_test(test_verbatim_text),
	    cmocka_unit_test(test_workflow_through_queue),
	    cmocka_unit_test(test_history_is_append_only),
	    cmocka_unit_test(test_change_detection),
	    cmocka_unit_test(test_holiday_moves_open_deadlines),
	    cmocka_unit_test(test_calendar_cache_follows_other_connections),
	    cmocka_unit_test(test_two_processes_gap_free),
	    cmocka_unit_test(test_kill_during_submissions),
	    cmocka_unit_test(test_busy_database),
	    cmocka_unit_test(test_readonly_database),
	    cmocka_unit_test(test_corrupt_and_missing_file),
	    cmocka_unit_test(test_disk_full),
	    cmocka_unit_test(test_extend_after_original_deadline_refused),
	    cmocka_unit_test(test_decide_basis_rules_through_queue),
	    cmocka_unit_test(test_wrong_state_refusal_names_status),
	    cmocka_unit_test(test_received_time_explicit_or_now),
	    cmocka_unit_test(test_deadline_equals_calendar_due),
	    cmocka_unit_test(test_regime_stored_as_key),
	    cmocka_unit_test(test_status_and_regime_checks),
	    cmocka_unit_test(test_unknown_status_row),
	    cmocka_unit_test(test_open_filter_follows_workflow),
	    cmocka_unit_test(test_permissions_in_queue),
	    cmocka_unit_test(test_upgrade_from_version_2),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
