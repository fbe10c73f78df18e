// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The reports against hand counts of the fixture (report_fixture.h): the
 * monthly and yearly figures, the daily service data, the matrix, the
 * register's columns, an empty month, text that fits 80 columns and the
 * formats rendering.  `test_report --fixture DB [many]` only writes the
 * fixture (for tests/integration/reports.sh).
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "queue.h"
#include "report.h"
#include "report_doc.h"
#include "report_fixture.h"

static char dir[64];
static char path[128];
static struct queue *q;
static struct calendar *cal;
static struct fixture fx;
static const struct date today = {2026, 12, 1};
static const struct report_office office = {"KPU Provinsi Bengkulu",
					    "Jl. Pembangunan No. 11"};

static struct queue *open_path(const char *p)
{
	struct queue_options opt = {.path = p, .create = true};
	struct queue *qq = NULL;
	char err[256];

	if (queue_open(&opt, &qq, err, sizeof(err)) != QUEUE_OK) {
		fprintf(stderr, "queue_open: %s\n", err);
		return NULL;
	}
	return qq;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ppidrep.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/queue.db", dir);
	q = open_path(path);
	cal = calendar_new();
	if (!q || !cal || fixture_make(q, &fx, false) < 0 ||
	    queue_load_calendar(q, cal) < 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	char cmd[160];

	(void)state;
	queue_close(q);
	calendar_free(cal);
	document_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static struct report *build(enum report_kind k, struct date from,
			    struct date to)
{
	struct report *r = NULL;

	if (report_build(q, cal, k, from, to, today, &r) < 0)
		fail_msg("report_build: %s", queue_errmsg(q));
	return r;
}

#define D(m, d) ((struct date){2026, m, d})

static void test_monthly_march(void **state)
{
	struct report *r = build(REPORT_MONTHLY, D(3, 17), D(3, 17));
	const struct report_stats *s = &r->stats;

	(void)state;
	assert_int_equal(date_cmp(r->from, D(3, 1)), 0);
	assert_int_equal(date_cmp(r->to, D(3, 31)), 0);
	/* 31 days - 9 weekend days (1, 7, 8, 14, 15, 21, 22, 28, 29) = 22
	 * weekdays; holidays on weekdays 18, 19, 20, 23, 24 = 5; 17 left. */
	assert_int_equal(s->workdays, 17);
	assert_int_equal(s->holidays, 5);
	/* Received in March: R1..R6 = 6 (R7 came in February). */
	assert_int_equal(s->received, 6);
	assert_int_equal(s->by_channel[REQ_CHANNEL_KIOSK], 2);	/* R1, R6 */
	assert_int_equal(s->by_channel[REQ_CHANNEL_DESK], 1);	/* R2 */
	assert_int_equal(s->by_channel[REQ_CHANNEL_LETTER], 1); /* R4 */
	assert_int_equal(s->by_channel[REQ_CHANNEL_EMAIL], 1);	/* R3 */
	assert_int_equal(s->by_channel[REQ_CHANNEL_PHONE], 1);	/* R5 */
	/* Decisions taken in March: R1 granted (3), R2 partial (9), R3
	 * excluded = rejected (10), R5 not held (27); R4's is in April. */
	assert_int_equal(s->decided, 4);
	assert_int_equal(s->by_decision[WF_DECISION_GRANTED], 1);
	assert_int_equal(s->by_decision[WF_DECISION_PARTIAL], 1);
	assert_int_equal(s->by_decision[WF_DECISION_REJECTED], 1);
	assert_int_equal(s->by_decision[WF_DECISION_NOT_HELD], 1);
	assert_int_equal(s->by_basis['h' - 'a'], 1); /* R3 */
	assert_int_equal(s->by_basis['c' - 'a'], 0); /* R4: April */
	/* Working days to decision: R1 2->3 Mar = 1; R2 3->9 Mar (4, 5, 6,
	 * 9) = 4; R3 9->10 = 1; R5 25->27 = 2.  Mean 8/4 = 2.0, median of
	 * 1 1 2 4 = 1.5, max 4. */
	assert_int_equal(s->days_n, 4);
	assert_true(s->days_mean > 1.99 && s->days_mean < 2.01);
	assert_true(s->days_median > 1.49 && s->days_median < 1.51);
	assert_int_equal(s->days_max, 4);
	assert_int_equal(s->extensions, 1); /* R4, 25 March */
	/* Deadlines in March: R7 4 Mar (never notified: missed), R1 16 Mar
	 * (met 3 Mar), R2 17 Mar (met 10 Mar), R3 30 Mar (met 10 Mar). */
	assert_int_equal(s->overdue, 1);
	/* Open on 31 March: R4 (notified 6 Apr), R5, R6, R7. */
	assert_int_equal(s->open_end, 4);
	/* Calls: 2 Mar button (2 min), 2 Mar screen (10 min), 25 Mar pickup
	 * unanswered: 3, 2 answered, mean (120 + 600) / 2 = 360 s. */
	assert_int_equal(s->calls, 3);
	assert_int_equal(s->calls_acked, 2);
	assert_true(s->ack_mean_s > 359.9 && s->ack_mean_s < 360.1);
	assert_int_equal(s->ack_max_s, 600);
	assert_int_equal(s->objections, 0);
	/* Weeks: 1 (Sun), 2-8, 9-15, 16-22, 23-29, 30-31. */
	assert_int_equal(s->n_buckets, 6);
	assert_int_equal(s->bucket_from[1].day, 2);
	assert_int_equal(s->bucket_to[1].day, 8);
	assert_int_equal(s->bucket[1][REQ_CHANNEL_KIOSK], 1);  /* R1 */
	assert_int_equal(s->bucket[1][REQ_CHANNEL_DESK], 1);   /* R2 */
	assert_int_equal(s->bucket[1][REQ_CHANNEL_EMAIL], 1);  /* R3, Sat */
	assert_int_equal(s->bucket[3][REQ_CHANNEL_LETTER], 1); /* R4 */
	assert_int_equal(s->bucket[4][REQ_CHANNEL_PHONE], 1);  /* R5 */
	assert_int_equal(s->bucket[4][REQ_CHANNEL_KIOSK], 1);  /* R6 */
	assert_int_equal(s->bucket[5][REQ_CHANNEL_KIOSK], 0);
	/* Words in two or more of March's requests: "bengkulu" and "kota"
	 * (R1, R6), "laporan" (R4, R6); "baris" is twice in R3 alone. */
	assert_int_equal(r->n_topics, 3);
	assert_string_equal(r->topics[0].word, "bengkulu");
	assert_string_equal(r->topics[1].word, "kota");
	assert_string_equal(r->topics[2].word, "laporan");
	assert_int_equal(r->topics[2].requests, 2);
	/* Handed over on 2 April with the note "2026-03". */
	assert_true(r->handed_over.done);
	assert_string_equal(r->handed_over.by, "budi");
	report_free(r);
}

static void test_yearly_2026(void **state)
{
	struct report *r = build(REPORT_YEARLY, D(6, 1), D(6, 1));
	const struct report_stats *s = &r->stats;

	(void)state;
	assert_int_equal(s->received, 7);		       /* R1..R7 */
	assert_int_equal(s->by_channel[REQ_CHANNEL_KIOSK], 3); /* R1 R6 R7 */
	/* March's four and R4 rejected under c on 2 April. */
	assert_int_equal(s->decided, 5);
	assert_int_equal(s->by_decision[WF_DECISION_REJECTED], 2);
	assert_int_equal(s->by_basis['c' - 'a'], 1);
	assert_int_equal(s->by_basis['h' - 'a'], 1);
	/* R4: 16 Mar -> 2 Apr = 17, 25, 26, 27, 30, 31 Mar, 1, 2 Apr = 8.
	 * 1 + 4 + 1 + 2 + 8 = 16 / 5 = 3.2; median of 1 1 2 4 8 = 2. */
	assert_true(s->days_mean > 3.19 && s->days_mean < 3.21);
	assert_true(s->days_median > 1.99 && s->days_median < 2.01);
	assert_int_equal(s->days_max, 8);
	/* Missed by 1 December: R7 (4 Mar), R5 (9 Apr), R6 (13 Apr); R4's
	 * extended 16 Apr was met on 6 Apr. */
	assert_int_equal(s->overdue, 3);
	assert_int_equal(s->open_end, 3); /* R5, R6, R7 */
	assert_int_equal(s->n_buckets, 12);
	assert_int_equal(s->bucket[1][REQ_CHANNEL_KIOSK], 1); /* R7, Feb */
	assert_int_equal(s->objections, 0);
	report_free(r);
}

static void test_daily(void **state)
{
	struct report *r = build(REPORT_DAILY, D(3, 2), D(3, 2));
	const char *const want[][3] = {
	    /* sorted by login, then action: ani acknowledged both calls
	       and forwarded R1, budi supervised, citra found R1
	       available, the kiosk registered R1 */
	    {"ani", "desk", "call-ack"},       {"ani", "desk", "forward"},
	    {"budi", "kasubbag", "supervise"}, {"citra", "ppid", "available"},
	    {"kiosk", "kiosk", "submit"},
	};

	(void)state;
	assert_int_equal(r->stats.received, 1); /* R1 */
	assert_int_equal(r->n_actions, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(r->actions[i].actor, want[i][0]);
		assert_string_equal(r->actions[i].role, want[i][1]);
		assert_string_equal(r->actions[i].action, want[i][2]);
	}
	assert_int_equal(r->actions[0].count, 2);
	assert_string_equal(r->actions[1].regnos, fx.regno[1]);
	/* Open at the end of 2 March: R7 (due 4 Mar, 2 working days left)
	 * and R1 (notified the next day; due 16 Mar, 10 left). */
	assert_int_equal(r->n_open, 2);
	assert_string_equal(r->open[0].regno, fx.regno[7]);
	assert_int_equal(r->open[0].left, 2);
	assert_int_equal(r->open[1].left, 10);
	/* R1 as it stood then (available), not as it is now (closed). */
	assert_int_equal(r->open[1].status, WF_AVAILABLE);
	assert_int_equal(r->n_overdue, 0);
	assert_int_equal(r->n_calls, 2);
	assert_int_equal(r->calls[0].acked_at - r->calls[0].at, 120);
	assert_int_equal(r->n_incidents, 1);
	assert_int_equal(r->incidents[0].state, QUEUE_JOB_FAILED);
	assert_true(r->supervised.done);
	assert_string_equal(r->supervised.by, "budi");
	report_free(r);

	/* R4 on 17 March: coordinating, due 7 April; extended on the 25th
	 * to 16 April.  Open on the 17th: R7, R4 (R1-R3 notified). */
	r = build(REPORT_DAILY, D(3, 17), D(3, 17));
	assert_int_equal(r->n_open, 2);
	assert_string_equal(r->open[1].regno, fx.regno[4]);
	assert_int_equal(r->open[1].status, WF_COORDINATING);
	assert_false(r->open[1].extended);
	assert_int_equal(date_cmp(r->open[1].due, D(4, 7)), 0);
	report_free(r);
	r = build(REPORT_DAILY, D(3, 25), D(3, 25));
	assert_true(r->open[1].extended);
	assert_int_equal(date_cmp(r->open[1].due, D(4, 16)), 0);
	report_free(r);

	/* 5 March: R7 is overdue now (due 4 Mar); nobody supervised. */
	r = build(REPORT_DAILY, D(3, 5), D(3, 5));
	assert_int_equal(r->n_overdue, 1);
	assert_false(r->supervised.done);
	report_free(r);
}

static void test_matrix(void **state)
{
	struct report *r = build(REPORT_MATRIX, D(3, 1), D(3, 31));
	char both[2 * REQ_REGNO_MAX + 4];
	bool found = false;

	(void)state;
	/* Staff actions in March by (day, login, role, action): 2 Mar 4
	 * (ani call-ack x2, ani forward, budi supervise, citra available),
	 * 3 Mar 4 (ani forward, notify, submit R2; citra decide), 4 Mar 2,
	 * 7 Mar 1 (ani submit R3), 9 Mar 2, 10 Mar 2 (exclude R3; notify R2
	 * and R3), 16 Mar 2 (submit, forward R4), 17 Mar 1, 25 Mar 3
	 * (submit, forward R5; budi extend R4), 26, 27 Mar 1 each = 23; the
	 * kiosk's own submissions (R1, R6) are not staff. */
	assert_int_equal(r->n_actions, 23);
	snprintf(both, sizeof(both), "%s, %s", fx.regno[2], fx.regno[3]);
	for (size_t i = 0; i < r->n_actions; i++) {
		const struct report_action *a = &r->actions[i];

		assert_string_not_equal(a->actor, "kiosk");
		if (!date_cmp(a->day, D(3, 10)) &&
		    !strcmp(a->action, "notify")) {
			assert_int_equal(a->count, 2);
			assert_string_equal(a->regnos, both);
			found = true;
		}
	}
	assert_true(found);
	report_free(r);
}

static void test_register(void **state)
{
	struct report *r = build(REPORT_REGISTER, D(3, 1), D(3, 31));
	struct report_doc *d = report_doc_new(r, LANG_ID, &office);
	const struct doc_report *v = report_doc_view(d);
	const struct doc_table *t = &v->tables[0];
	const char *const *row;

	(void)state;
	assert_int_equal(r->n_entries, 6);
	assert_true(v->landscape);
	assert_int_equal(t->n_cols, 15);
	assert_int_equal(t->n_rows, 6);
	/* Oldest first: R1 R2 R3 R4 R5 R6.  R3 (row 2): excluded under h. */
	row = t->cells + 2 * 15;
	assert_string_equal(row[0], fx.regno[3]);
	assert_string_equal(row[1], "2026-03-07");
	assert_string_equal(row[2], "=1+1 Sari");
	assert_string_equal(row[9], "-"); /* view: no form */
	assert_string_equal(row[10], "Melihat / membaca");
	assert_string_equal(row[11], "Ditolak");
	assert_string_equal(row[12], "Pasal 17 huruf h: mengungkap rahasia "
				     "pribadi");
	assert_string_equal(row[13], "2026-03-10");
	/* R5 (row 4): not held, with who holds it; R1's contact. */
	row = t->cells + 4 * 15;
	assert_string_equal(row[8], "Tidak dikuasai, dikuasai oleh: Bawaslu "
				    "Provinsi Bengkulu");
	assert_string_equal(row[13], "");
	assert_string_equal(t->cells[4], "+62 812 3456 7890 / "
					 "pemohon1@contoh.id");
	report_doc_free(d);

	d = report_doc_new(r, LANG_EN, &office);
	v = report_doc_view(d);
	assert_string_equal(v->tables[0].head[6], "Information requested");
	assert_string_equal(v->tables[0].cells[2 * 15 + 11], "Rejected");
	report_doc_free(d);
	report_free(r);
}

static void test_empty_month(void **state)
{
	struct report *r = build(REPORT_MONTHLY, D(7, 1), D(7, 1));
	char *buf = NULL, err[160];
	size_t len = 0;

	(void)state;
	assert_int_equal(r->stats.received, 0);
	assert_int_equal(r->stats.decided, 0);
	assert_int_equal(r->stats.days_n, 0);
	assert_int_equal(r->stats.calls, 0);
	/* July 2026: 23 weekdays, no holiday. */
	assert_int_equal(r->stats.workdays, 23);
	assert_int_equal(r->stats.open_end, 3); /* R5 R6 R7 still open */
	for (int f = 0; f < REPORT_FMT_COUNT; f++) {
		assert_int_equal(report_render_mem(r, (enum report_format)f,
						   LANG_ID, &office, &buf, &len,
						   err, sizeof(err)),
				 0);
		assert_true(len > 0);
		if (f == REPORT_FMT_TEXT)
			assert_non_null(strstr(buf, "Tidak ada."));
		if (f == REPORT_FMT_PDF)
			assert_memory_equal(buf, "%PDF", 4);
		free(buf);
	}
	report_free(r);
}

/* Every line of every report, in both languages, fits 80 columns. */
static void test_text_fits(void **state)
{
	(void)state;
	for (int k = 0; k < REPORT_KIND_COUNT; k++) {
		struct report *r =
		    build((enum report_kind)k, D(3, 1), D(3, 31));

		for (int l = 0; l < LANG_COUNT; l++) {
			char *buf = NULL, *line, *save = NULL;
			size_t len = 0;

			assert_int_equal(
			    report_render_mem(r, REPORT_FMT_TEXT, (enum lang)l,
					      &office, &buf, &len, NULL, 0),
			    0);
			for (line = strtok_r(buf, "\n", &save); line;
			     line = strtok_r(NULL, "\n", &save)) {
				if (report_text_width(line) > 80)
					fail_msg("%s: '%s'",
						 report_kind_key(
						     (enum report_kind)k),
						 line);
				assert_false(strchr(line, '\r'));
			}
			free(buf);
		}
		report_free(r);
	}
}

static void test_width_and_helpers(void **state)
{
	int v[] = {4, 1, 2, 1};
	enum report_kind k;
	enum report_format f;

	(void)state;
	assert_int_equal(report_text_width("abc"), 3);
	assert_int_equal(report_text_width("\u738b\u5c0f"), 4); /* wide */
	assert_int_equal(report_text_width("e\u0301"), 1);	/* combining */
	assert_true(report_median(v, 4) > 1.49 && report_median(v, 4) < 1.51);
	assert_true(report_median(v, 0) == 0);
	assert_int_equal(report_kind_parse("matrix", &k), 0);
	assert_int_equal(k, REPORT_MATRIX);
	assert_int_equal(report_kind_parse("weekly", &k), -1);
	assert_int_equal(report_format_parse("pdf", &f), 0);
	assert_int_equal(report_format_parse("xls", &f), -1);
}

static void test_words(void **state)
{
	struct report_words *w = report_words_new();
	struct report_word top[4];

	(void)state;
	assert_non_null(w);
	/* Once per request, lower-cased, without numbers, short words and
	 * boilerplate ("salinan", "data", "dan", "tahun"). */
	report_words_add(w, "Salinan data PEMILU tahun 2024 dan pemilu 2019");
	report_words_add(w, "Rekap pemilu, DPT");
	report_words_add(w, "Rekap suara DPT Kota pemilu");
	report_words_add(w, "\xff invalid UTF-8 is skipped");
	assert_int_equal(report_words_top(w, 2, top, 4), 3);
	assert_string_equal(top[0].word, "pemilu");
	assert_int_equal(top[0].requests, 3);
	assert_string_equal(top[1].word, "dpt"); /* ties: alphabetical */
	assert_string_equal(top[2].word, "rekap");
	assert_int_equal(report_words_top(w, 1, top, 4), 4);
	report_words_free(w);
}

static void test_pdf_pages(void **state)
{
	struct report *r = build(REPORT_REGISTER, D(3, 1), D(3, 31));
	struct report_doc *d = report_doc_new(r, LANG_ID, &office);
	struct doc_buf pdf = {0};

	(void)state;
	assert_int_equal(report_doc_pdf(d, &pdf), 0);
	assert_true(pdf.pages >= 1);
	assert_true(pdf.width_pt > pdf.height_pt); /* landscape */
	document_buf_free(&pdf);
	report_doc_free(d);
	report_free(r);
}

static int write_fixture(const char *p, bool many)
{
	struct queue *qq = open_path(p);
	struct fixture f;
	int rc;

	if (!qq)
		return 1;
	rc = fixture_make(qq, &f, many);
	queue_close(qq);
	if (rc == 0)
		for (int i = 1; i <= FX_N; i++)
			printf("R%d %s\n", i, f.regno[i]);
	return rc == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_monthly_march),
	    cmocka_unit_test(test_yearly_2026),
	    cmocka_unit_test(test_daily),
	    cmocka_unit_test(test_matrix),
	    cmocka_unit_test(test_register),
	    cmocka_unit_test(test_empty_month),
	    cmocka_unit_test(test_text_fits),
	    cmocka_unit_test(test_width_and_helpers),
	    cmocka_unit_test(test_words),
	    cmocka_unit_test(test_pdf_pages),
	};

	if (argc >= 3 && strcmp(argv[1], "--fixture") == 0)
		return write_fixture(argv[2],
				     argc > 3 && !strcmp(argv[3], "many"));
	return cmocka_run_group_tests(tests, setup, teardown);
}
