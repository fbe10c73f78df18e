// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The console's view data (firmware/console/view.c), on a temporary
 * database: a row's deadline state (open, due soon, overdue, met) in
 * working days, the detail's masked ID, counted holidays and history in
 * order, the lists with their limits, the calls, and the search match.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "console/view.h"
#include "queue.h"

#define NOW ((time_t)1795755600) /* 2026-11-27 10:00 WIB, a Friday */

static char dir[64];
static char path[128];
static const struct queue_actor staff = {"budi", WF_ROLE_STAFF, false};

struct fixture {
	struct queue *q;      /* the database */
	struct calendar *cal; /* its holidays */
};

static void add(struct queue *q, const char *name, const char *received,
		char *regno)
{
	static struct request r;

	request_init(&r);
	r.id_type = REQ_ID_NIK;
	snprintf(r.id_number, sizeof(r.id_number), "3201015708900001");
	snprintf(r.name, sizeof(r.name), "%s", name);
	snprintf(r.address, sizeof(r.address), "Jl. Merdeka 1, Bengkulu");
	snprintf(r.occupation, sizeof(r.occupation), "Guru");
	snprintf(r.phone, sizeof(r.phone), "081234567891");
	snprintf(r.info, sizeof(r.info), "Salinan DPT");
	snprintf(r.purpose, sizeof(r.purpose), "Arsip");
	r.channel = REQ_CHANNEL_LETTER;
	assert_int_equal(date_parse_wib(received, &r.received_at), 0);
	if (queue_submit(q, &r, &staff, false, r.received_at + 3600) < 0)
		fail_msg("submit: %s", queue_errmsg(q));
	snprintf(regno, REQ_REGNO_MAX, "%s", r.regno);
	request_wipe(&r);
}

static int setup(void **state)
{
	struct queue_options opt = {
	    .path = path, .create = true, .busy_timeout_ms = 1000};
	struct fixture *f = calloc(1, sizeof(*f));
	char err[256];

	snprintf(dir, sizeof(dir), "/tmp/ppid-view-XXXXXX");
	if (!f || !mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/queue.db", dir);
	if (queue_open(&opt, &f->q, err, sizeof(err)) != QUEUE_OK)
		return -1;
	f->cal = calendar_new();
	if (!f->cal || queue_load_calendar(f->q, f->cal) < 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char p[160];

	calendar_free(f->cal);
	queue_close(f->q);
	free(f);
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof(p), "%s%s", path,
			 i == 0	  ? ""
			 : i == 1 ? "-wal"
				  : "-shm");
		unlink(p);
	}
	rmdir(dir);
	return 0;
}

static const struct text *why; /* a refusal, unused */

static struct date today(void)
{
	return date_of_wib(NOW, NULL);
}

static void fill(struct fixture *f, const char *regno, struct view_row *row)
{
	static struct request r;

	assert_int_equal(queue_get(f->q, regno, &r), 0);
	view_row_fill(row, &r, f->cal, today());
	assert_ptr_equal(row->info, r.info);
	request_wipe(&r);
}

/* Received 2 Nov: due 16 Nov, overdue on 27 Nov by 9 working days. */
static void test_row_overdue(void **state)
{
	struct fixture *f = *state;
	char regno[REQ_REGNO_MAX];
	struct view_row row;

	add(f->q, "Budi Santoso", "2026-11-02 09:15", regno);
	fill(f, regno, &row);
	assert_string_equal(row.regno, regno);
	assert_string_equal(row.name, "Budi Santoso");
	assert_string_equal(row.received, "2026-11-02 09:15 WIB");
	assert_string_equal(row.due_text, "2026-11-16");
	assert_int_equal(row.due_state, VIEW_DUE_OVERDUE);
	assert_true(row.overdue);
	assert_int_equal(row.left, -9);
	assert_true(view_row_is_urgent(&row));
	assert_true(view_row_is_new(&row));
	assert_false(view_row_in_progress(&row));
}

/* Received 13 Nov: due 27 Nov, today: 0 working days left, due soon;
 * received 25 Nov: due 9 Dec, 8 left, open. */
static void test_row_soon_and_open(void **state)
{
	struct fixture *f = *state;
	char soon[REQ_REGNO_MAX], open[REQ_REGNO_MAX];
	struct view_row row;

	add(f->q, "Siti", "2026-11-13 10:00", soon);
	add(f->q, "Rina", "2026-11-25 10:00", open);
	fill(f, soon, &row);
	assert_int_equal(row.due_state, VIEW_DUE_SOON);
	assert_int_equal(row.left, 0);
	assert_false(row.overdue);
	fill(f, open, &row);
	assert_int_equal(row.due_state, VIEW_DUE_OPEN);
	assert_int_equal(row.left, 8);
	assert_false(view_row_is_urgent(&row));
}

/* Notified: the deadline is met, whatever the date; in progress until
 * closed. */
static void test_row_done(void **state)
{
	struct fixture *f = *state;
	struct wf_args args = {.basis = "h", .decision = WF_DECISION_REJECTED};
	char regno[REQ_REGNO_MAX];
	struct view_row row;

	add(f->q, "Budi", "2026-11-02 09:15", regno);
	assert_int_equal(queue_act(f->q, regno, "forward", &(struct wf_args){0},
				   &staff, NOW, &why),
			 0);
	assert_int_equal(queue_act(f->q, regno, "available",
				   &(struct wf_args){0}, &staff, NOW, &why),
			 0);
	args.decision = WF_DECISION_GRANTED;
	args.basis = NULL;
	assert_int_equal(
	    queue_act(f->q, regno, "decide", &args, &staff, NOW, &why), 0);
	assert_int_equal(queue_act(f->q, regno, "notify", &(struct wf_args){0},
				   &staff, NOW, &why),
			 0);
	fill(f, regno, &row);
	assert_int_equal(row.due_state, VIEW_DUE_DONE);
	assert_false(row.overdue);
	assert_int_equal(row.decision, WF_DECISION_GRANTED);
	assert_true(view_row_in_progress(&row));
	assert_false(view_row_is_urgent(&row));
	assert_int_equal(queue_act(f->q, regno, "close", &(struct wf_args){0},
				   &staff, NOW, &why),
			 0);
	fill(f, regno, &row);
	assert_false(view_row_in_progress(&row));
}

/* Received 14 Dec: counted over Christmas (24 and 25 Dec), both listed;
 * the ID masked unless revealed; the history oldest first. */
static void test_detail(void **state)
{
	struct fixture *f = *state;
	static struct view_detail d;
	char regno[REQ_REGNO_MAX];

	add(f->q, "Déwi 王", "2026-11-26 10:00", regno);
	assert_int_equal(queue_act(f->q, regno, "forward", &(struct wf_args){0},
				   &staff, NOW, &why),
			 0);
	assert_int_equal(queue_act(f->q, regno, "note",
				   &(struct wf_args){.note = "x"}, &staff, NOW,
				   &why),
			 0);
	assert_int_equal(
	    view_detail_load(f->q, regno, f->cal, today(), false, &d), 0);
	assert_string_equal(d.req.name, "Déwi 王");
	assert_string_equal(d.id_shown, "3201********0001");
	assert_string_equal(d.row.regno, regno);
	assert_int_equal(d.n_events, 3);
	assert_string_equal(d.events[0].action, "submit");
	assert_string_equal(d.events[1].action, "forward");
	assert_string_equal(d.events[1].from, "submitted");
	assert_string_equal(d.events[1].to, "forwarded");
	assert_string_equal(d.events[2].note, "x");
	assert_string_equal(d.events[2].actor, "budi");
	view_detail_free(&d);
	assert_int_equal(d.n_events, 0);
	assert_null(d.events);

	add(f->q, "Natal", "2026-12-14 10:00", regno);
	assert_int_equal(
	    view_detail_load(f->q, regno, f->cal, today(), true, &d), 0);
	assert_string_equal(d.id_shown, "3201015708900001");
	assert_int_equal(d.n_holidays, 2);
	assert_int_equal(d.holidays[0].day.day, 24);
	assert_int_equal(d.holidays[1].day.day, 25);
	assert_non_null(strstr(d.holidays[1].name, "Natal"));
	view_detail_free(&d);

	assert_int_equal(
	    view_detail_load(f->q, "9999/NOPE", f->cal, today(), false, &d),
	    -1);
	assert_int_equal(queue_errcode(f->q), QUEUE_ERR_NOTFOUND);
	assert_int_equal(d.n_events, 0);
	view_detail_free(&d);
}

static void test_lists_and_match(void **state)
{
	struct fixture *f = *state;
	struct queue_filter flt = {.status = -1, .today = today()};
	char a[REQ_REGNO_MAX], b[REQ_REGNO_MAX];
	struct view_row *rows;
	struct view_call *calls;
	int64_t id;
	long n;

	add(f->q, "Budi Santoso", "2026-11-20 10:00", a);
	add(f->q, "Déwi Rahmawati", "2026-11-21 10:00", b);
	n = view_rows_load(f->q, &flt, f->cal, today(), 10, &rows);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].regno, b); /* newest first */
	assert_null(rows[0].info);
	assert_true(view_row_matches(&rows[0], "déwi"));
	assert_true(view_row_matches(&rows[0], "rahma"));
	assert_true(view_row_matches(&rows[0], "RAHMA"));
	assert_true(view_row_matches(&rows[1], "budi"));
	assert_false(view_row_matches(&rows[1], "dewi"));
	assert_true(view_row_matches(&rows[1], a + 2));
	assert_true(view_row_matches(&rows[1], ""));
	view_rows_free(rows, (size_t)n);
	n = view_rows_load(f->q, &flt, f->cal, today(), 1, &rows);
	assert_int_equal(n, 1);
	view_rows_free(rows, (size_t)n);

	assert_int_equal(queue_call_add(f->q, QUEUE_CALL_BUTTON, 0, NOW, &id),
			 0);
	assert_int_equal(view_calls_load(f->q, true, 10, &calls), 1);
	assert_int_equal(calls[0].id, id);
	assert_int_equal(calls[0].kind, QUEUE_CALL_BUTTON);
	assert_string_equal(calls[0].source, "button");
	assert_int_equal(calls[0].acked_at, 0);
	free(calls);
	assert_int_equal(queue_call_ack(f->q, id, &staff, NOW + 5), 0);
	assert_int_equal(view_calls_load(f->q, true, 10, &calls), 0);
	free(calls);
	assert_int_equal(view_calls_load(f->q, false, 10, &calls), 1);
	assert_string_equal(calls[0].acked_by, "budi");
	free(calls);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_row_overdue, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_row_soon_and_open, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_row_done, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_detail, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lists_and_match, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
