// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for the print-job policy against a real, private cupsd started by
 * tests/lib/cupsd.sh (queues "testpdf" and "fake", see test_printer.c) and
 * a real queue database: the job row follows each outcome with the reason
 * in words, a stale job is cancelled, and a row that cannot be updated (the
 * database locked or read-only at that moment) is reported and can be
 * recorded later.  The CUPS cases skip cleanly without cupsd.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "docview.h"
#include "log.h"
#include "printjob.h"

struct fixture {
	char dir[64];	    /* mkdtemp(): cupsd's base and the database */
	char db[128];	    /* the database file */
	char script[512];   /* path of tests/lib/cupsd.sh */
	bool have_cupsd;    /* false: the CUPS tests skip */
	struct doc_buf pdf; /* a receipt to print */
	struct queue *q;    /* read-write connection */
	int64_t request_id; /* the request the jobs belong to */
	char regno[64];	    /* its number */
};

static struct fixture fx;

/* fontconfig's lifetime cache (see test_printer.c); ASan builds only. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* ---- helpers ------------------------------------------------------------- */

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int sh(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd) == 0 ? 0 : -1;
}

static void find_script(void)
{
	const char *build = getenv("PPID_BUILD");
	const char *up[] = {"", "/..", "/../.."};

	snprintf(fx.script, sizeof(fx.script), "tests/lib/cupsd.sh");
	if (access(fx.script, F_OK) == 0 || !build)
		return;
	for (size_t i = 0; i < 3; i++) {
		snprintf(fx.script, sizeof(fx.script),
			 "%s%s/tests/lib/cupsd.sh", build, up[i]);
		if (access(fx.script, F_OK) == 0)
			return;
	}
}

static struct queue *open_q(bool readonly, int busy_ms)
{
	struct queue_options opt = {
	    .path = fx.db,
	    .create = !readonly,
	    .readonly = readonly,
	    .busy_timeout_ms = busy_ms,
	};
	struct queue *q = NULL;
	char err[256];

	if (queue_open(&opt, &q, err, sizeof(err)) != QUEUE_OK)
		fail_msg("queue_open: %s", err);
	return q;
}

struct row {
	int64_t id;		    /* wanted */
	bool found;		    /* seen */
	enum queue_job_state state; /* its state */
	int cups_job;		    /* its CUPS job */
	char reason[256];	    /* its reason */
};

static int find_row(const struct queue_job *j, void *ctx)
{
	struct row *r = ctx;

	if (j->id != r->id)
		return 0;
	r->found = true;
	r->state = j->state;
	r->cups_job = j->cups_job;
	snprintf(r->reason, sizeof(r->reason), "%s", j->reason);
	return 1;
}

/* The job row @p id as the database has it, read on a fresh connection. */
static struct row read_row(int64_t id)
{
	struct queue *q = open_q(true, 1000);
	struct row r = {.id = id};

	assert_int_equal(queue_jobs(q, -1, 0, find_row, &r), 0);
	queue_close(q);
	assert_true(r.found);
	return r;
}

static int64_t new_job(const char *printer)
{
	int64_t id = 0;

	assert_int_equal(queue_job_add(fx.q, fx.request_id, "receipt", printer,
				       time(NULL), &id),
			 0);
	assert_true(id > 0);
	return id;
}

static struct printjob job_of(int64_t id, int wait_s)
{
	struct printjob j = {
	    .job_id = id,
	    .data = fx.pdf.data,
	    .len = fx.pdf.len,
	    .title = fx.regno,
	    .media = "Roll80",
	    .wait_s = wait_s,
	};

	return j;
}

/* Another process's writer holding the database's write lock. */
static sqlite3 *lock_db(void)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open(fx.db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL),
			 SQLITE_OK);
	return db;
}

static void unlock_db(sqlite3 *db)
{
	assert_int_equal(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
}

/* A second program watching the row while the job is followed. */
struct watch {
	int64_t id;	   /* the row */
	volatile int stop; /* set by the test when the run is over */
	bool saw[QUEUE_JOB_STATE_COUNT]; /* states seen */
};

static void *watch_row(void *arg)
{
	struct watch *w = arg;
	struct queue_options opt = {
	    .path = fx.db, .readonly = true, .busy_timeout_ms = 1000};
	struct queue *q = NULL;
	char err[256];

	if (queue_open(&opt, &q, err, sizeof(err)) != QUEUE_OK)
		return NULL;
	while (!w->stop) {
		struct row r = {.id = w->id};
		struct timespec ts = {0, 30 * 1000000L};

		if (queue_jobs(q, -1, 0, find_row, &r) == 0 && r.found)
			w->saw[r.state] = true;
		nanosleep(&ts, NULL);
	}
	queue_close(q);
	return NULL;
}

/* Queue the receipt on @p queue with lp(1); returns the CUPS job id. */
static int lp_job(const char *queue)
{
	char cmd[512], path[160];
	FILE *f;
	int id = 0;

	snprintf(path, sizeof(path), "%s/receipt.pdf", fx.dir);
	assert_int_equal(document_buf_save(&fx.pdf, path), 0);
	snprintf(cmd, sizeof(cmd),
		 "lp -d %s '%s' | sed -n 's/.*%s-\\([0-9]*\\).*/\\1/p'", queue,
		 path, queue);
	f = popen(cmd, "r");
	assert_non_null(f);
	assert_int_equal(fscanf(f, "%d", &id), 1);
	pclose(f);
	assert_true(id > 0);
	return id;
}

#define NEED_CUPSD()                                                           \
	do {                                                                   \
		if (!fx.have_cupsd)                                            \
			skip();                                                \
	} while (0)

/* ---- fixture -------------------------------------------------------------- */

static int group_setup(void **state)
{
	static const struct queue_actor kiosk = {"kiosk", WF_ROLE_KIOSK, false};
	static struct request r;
	struct config cfg;
	char sock[128];

	(void)state;
	log_set_level(LOG_LEVEL_WARN);
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/ppidpj.XXXXXX");
	if (!mkdtemp(fx.dir))
		return -1;
	snprintf(fx.db, sizeof(fx.db), "%s/queue.db", fx.dir);
	fx.q = open_q(false, 1000);

	request_init(&r);
	snprintf(r.name, sizeof(r.name), "Made Wirawan");
	r.id_type = REQ_ID_NIK;
	snprintf(r.id_number, sizeof(r.id_number), "3201015708900001");
	snprintf(r.address, sizeof(r.address), "Jl. Merdeka 2, Bengkulu");
	snprintf(r.occupation, sizeof(r.occupation), "Petani");
	snprintf(r.phone, sizeof(r.phone), "081234567891");
	snprintf(r.info, sizeof(r.info), "Daftar calon tetap DPRD");
	snprintf(r.purpose, sizeof(r.purpose), "Arsip pribadi");
	r.obtain = REQ_OBTAIN_VIEW;
	r.delivery = REQ_DELIVERY_PICKUP;
	r.channel = REQ_CHANNEL_KIOSK;
	if (queue_submit(fx.q, &r, &kiosk, false, time(NULL)) < 0) {
		fprintf(stderr, "submit: %s\n", queue_errmsg(fx.q));
		return -1;
	}
	fx.request_id = r.id;
	snprintf(fx.regno, sizeof(fx.regno), "%s", r.regno);
	config_defaults(&cfg);
	if (docview_render_receipt(&cfg, &r, &fx.pdf) < 0)
		return -1;
	request_wipe(&r);

	fx.have_cupsd = access("/usr/sbin/cupsd", X_OK) == 0;
	if (!fx.have_cupsd)
		return 0;
	find_script();
	/* Filters run as user lp when cupsd is root: they must reach it. */
	if (sh("chmod 755 '%s' && sh '%s' start '%s/cups' >/dev/null", fx.dir,
	       fx.script, fx.dir) < 0)
		return -1;
	snprintf(sock, sizeof(sock), "%s/cups/run/cups.sock", fx.dir);
	setenv("CUPS_SERVER", sock, 1);
	return 0;
}

static int group_teardown(void **state)
{
	int rc = 0;

	(void)state;
	queue_close(fx.q);
	document_buf_free(&fx.pdf);
	document_shutdown();
	if (fx.have_cupsd &&
	    sh("sh '%s' stop '%s/cups'", fx.script, fx.dir) < 0)
		rc = -1;
	if (getenv("PPID_KEEP_TEST_FILES"))
		printf("# files kept in %s\n", fx.dir);
	else if (sh("rm -rf '%s'", fx.dir) < 0)
		rc = -1;
	return rc;
}

/* Each test starts with cupsd running, no jobs, no faults. */
static int setup(void **state)
{
	(void)state;
	if (!fx.have_cupsd)
		return 0;
	return sh("sh '%s' start '%s/cups' >/dev/null && sh '%s' reset "
		  "'%s/cups'",
		  fx.script, fx.dir, fx.script, fx.dir);
}

/* ---- without CUPS ------------------------------------------------------------ */

static void test_invalid_arguments(void **state)
{
	struct printer *p = printer_cups_open(NULL, "testpdf", 1000);
	struct printjob_result res;
	struct printjob j = job_of(1, 5);

	(void)state;
	assert_non_null(p); /* contacts nothing yet */
	errno = 0;
	assert_int_equal(printjob_run(fx.q, NULL, &j, &res), -1);
	assert_int_equal(errno, EINVAL);
	j.len = 0;
	errno = 0;
	assert_int_equal(printjob_run(fx.q, p, &j, &res), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(printjob_run(fx.q, p, NULL, &res), -1);
	assert_int_equal(errno, EINVAL);
	assert_string_equal(printjob_not_printed_text()->id,
			    text_get(printjob_not_printed_text(), LANG_ID));
	assert_non_null(strstr(printjob_not_printed_text()->en, "desk"));
	printer_close(p);
}

/* Nothing could be sent (no PDF, no printer): the row says why. */
static void test_fail_before_sending(void **state)
{
	struct printjob_result res;
	int64_t id = new_job("testpdf");
	struct row row;

	(void)state;
	assert_int_equal(printjob_fail(fx.q, id, "cannot make the PDF", &res),
			 0);
	assert_true(res.recorded);
	assert_int_equal(res.state, QUEUE_JOB_FAILED);
	assert_int_equal(res.cups_job, 0);
	row = read_row(id);
	assert_int_equal(row.state, QUEUE_JOB_FAILED);
	assert_string_equal(row.reason, "cannot make the PDF");
}

/* The row cannot be written right then: reported, written later. */
static void test_fail_while_locked_then_recorded(void **state)
{
	struct queue *q = open_q(false, 100);
	int64_t id = new_job("testpdf");
	struct printjob_result res;
	sqlite3 *lock;

	(void)state;
	lock = lock_db();
	errno = 0;
	assert_int_equal(printjob_fail(q, id, "printer: no such file", &res),
			 -1);
	assert_int_equal(errno, EIO);
	assert_false(res.recorded);
	assert_non_null(strstr(res.errmsg, "could not be recorded as failed"));
	assert_int_equal(read_row(id).state, QUEUE_JOB_QUEUED);
	unlock_db(lock);
	assert_int_equal(printjob_record(q, id, &res), 0);
	assert_true(res.recorded);
	assert_string_equal(res.errmsg, "");
	assert_int_equal(read_row(id).state, QUEUE_JOB_FAILED);
	assert_string_equal(read_row(id).reason, "printer: no such file");
	queue_close(q);
}

/* A row id that does not exist is reported too, never a silent success. */
static void test_unknown_row_reported(void **state)
{
	struct printjob_result res;

	(void)state;
	assert_int_equal(printjob_fail(fx.q, 999999, "x", &res), -1);
	assert_false(res.recorded);
	assert_non_null(strstr(res.errmsg, "#999999"));
}

/* CUPS unreachable: nothing sent, the row says so in words. */
static void test_cups_down(void **state)
{
	struct printer *p;
	struct printjob_result res;
	struct printjob j;
	int64_t id = new_job("testpdf");
	char sock[128];

	(void)state;
	snprintf(sock, sizeof(sock), "%s/no-cupsd.sock", fx.dir);
	p = printer_cups_open(sock, "testpdf", 1000);
	assert_non_null(p);
	j = job_of(id, 5);
	assert_int_equal(printjob_run(fx.q, p, &j, &res), -1);
	assert_int_equal(res.state, QUEUE_JOB_FAILED);
	assert_int_equal(res.cups_job, 0);
	assert_int_equal(res.printer, PRINTER_STATE_CUPS_DOWN);
	assert_true(res.recorded);
	assert_non_null(strstr(res.reason, "CUPS"));
	assert_int_equal(read_row(id).state, QUEUE_JOB_FAILED);
	assert_string_equal(read_row(id).reason, res.reason);
	printer_close(p);
}

/* ---- against the private cupsd -------------------------------------------- */

static void test_printed(void **state)
{
	struct printer *p;
	struct printjob_result res;
	struct printjob j;
	int64_t id;
	struct row row;
	char out[160];

	(void)state;
	NEED_CUPSD();
	id = new_job("testpdf");
	p = printer_cups_open(NULL, "testpdf", 2000);
	assert_non_null(p);
	j = job_of(id, 20);
	assert_int_equal(printjob_run(fx.q, p, &j, &res), 0);
	assert_int_equal(res.state, QUEUE_JOB_DONE);
	assert_true(res.cups_job > 0);
	assert_true(res.recorded);
	assert_int_equal(res.printer, PRINTER_STATE_READY);
	assert_string_equal(res.reason, "");
	row = read_row(id);
	assert_int_equal(row.state, QUEUE_JOB_DONE);
	assert_int_equal(row.cups_job, res.cups_job);
	snprintf(out, sizeof(out), "%s/cups/out/testpdf.pdf", fx.dir);
	assert_int_equal(access(out, F_OK), 0);
	printer_close(p);
}

/* Out of paper: the job is stuck, cancelled, and never prints later. */
static void test_paper_out_cancelled(void **state)
{
	struct printer *p;
	struct printjob_result res;
	struct printer_job pj;
	struct printjob j;
	int64_t id;
	struct row row;

	(void)state;
	NEED_CUPSD();
	assert_int_equal(
	    sh("echo media-empty-error > '%s/cups/fakeprn.state'", fx.dir), 0);
	id = new_job("fake");
	p = printer_cups_open(NULL, "fake", 2000);
	assert_non_null(p);
	j = job_of(id, 15);
	assert_int_equal(printjob_run(fx.q, p, &j, &res), -1);
	assert_int_equal(res.state, QUEUE_JOB_CANCELLED);
	assert_true(res.cups_job > 0);
	assert_int_equal(res.printer, PRINTER_STATE_OUT_OF_PAPER);
	assert_string_equal(res.reason,
			    "Kertas habis (Out of paper): cancelled");
	assert_true(res.recorded);
	row = read_row(id);
	assert_int_equal(row.state, QUEUE_JOB_CANCELLED);
	assert_int_equal(row.cups_job, res.cups_job);
	assert_string_equal(row.reason, res.reason);
	/* Cancelled in CUPS as well: it cannot come out when paper is back. */
	assert_int_equal(printer_job_state(p, res.cups_job, &pj), 0);
	assert_int_equal(pj.state, PRINTER_JOB_CANCELED);
	printer_close(p);
}

/* A queue that is disabled refuses before sending: nothing to cancel. */
static void test_disabled_refused(void **state)
{
	struct printer *p;
	struct printjob_result res;
	struct printjob j;
	int64_t id;

	(void)state;
	NEED_CUPSD();
	assert_int_equal(sh("cupsdisable fake"), 0);
	id = new_job("fake");
	p = printer_cups_open(NULL, "fake", 2000);
	assert_non_null(p);
	j = job_of(id, 5);
	assert_int_equal(printjob_run(fx.q, p, &j, &res), -1);
	assert_int_equal(res.state, QUEUE_JOB_FAILED);
	assert_int_equal(res.cups_job, 0);
	/* CUPS keeps an earlier test's media-empty reason on the queue until
	 * a job runs it again, so a paused queue may read as out of paper. */
	if (res.printer != PRINTER_STATE_OUT_OF_PAPER)
		assert_int_equal(res.printer, PRINTER_STATE_STOPPED);
	assert_false(printer_state_can_print(res.printer));
	assert_string_equal(read_row(id).reason, res.reason);
	assert_int_equal(read_row(id).state, QUEUE_JOB_FAILED);
	printer_close(p);
}

static void test_no_such_printer(void **state)
{
	struct printer *p;
	struct printjob_result res;
	struct printjob j;
	int64_t id;

	(void)state;
	NEED_CUPSD();
	id = new_job("nosuch");
	p = printer_cups_open(NULL, "nosuch", 2000);
	assert_non_null(p);
	j = job_of(id, 5);
	assert_int_equal(printjob_run(fx.q, p, &j, &res), -1);
	assert_int_equal(res.state, QUEUE_JOB_FAILED);
	assert_int_equal(res.printer, PRINTER_STATE_NO_PRINTER);
	assert_non_null(strstr(res.reason, "Printer tidak ditemukan"));
	assert_int_equal(read_row(id).state, QUEUE_JOB_FAILED);
	printer_close(p);
}

/* Not printed within the budget (the printer never finishes): cancelled,
 * and the reason names the budget. */
static void test_too_late_cancelled(void **state)
{
	struct watch w = {0};
	pthread_t t;
	struct printer *p;
	struct printjob_result res;
	struct printjob j;
	int64_t id;

	(void)state;
	NEED_CUPSD();
	/* "wait" without reasons: processing, no fault, never done. */
	assert_int_equal(sh("echo wait > '%s/cups/fakeprn.state'", fx.dir), 0);
	id = new_job("fake");
	p = printer_cups_open(NULL, "fake", 2000);
	assert_non_null(p);
	j = job_of(id, 2);
	w.id = id;
	assert_int_equal(pthread_create(&t, NULL, watch_row, &w), 0);
	assert_int_equal(printjob_run(fx.q, p, &j, &res), -1);
	w.stop = 1;
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(res.state, QUEUE_JOB_CANCELLED);
	assert_non_null(strstr(res.reason, "not printed within 2 s"));
	assert_non_null(strstr(res.reason, ": cancelled"));
	assert_int_equal(read_row(id).state, QUEUE_JOB_CANCELLED);
	/* While CUPS processed it, the row said so. */
	assert_true(w.saw[QUEUE_JOB_PRINTING]);
	printer_close(p);
	/* Once the printer recovers, the stale receipt does not come out. */
	assert_int_equal(sh(": > '%s/cups/fakeprn.state'", fx.dir), 0);
	sleep(1);
	assert_int_equal(
	    sh("! ls '%s'/cups/out/job-*.bin >/dev/null 2>&1", fx.dir), 0);
}

/*
 * The database is locked by another writer for the whole print: the
 * receipt still prints, the result says the row could not be written, and
 * it is written once the lock is gone.
 */
static void test_row_locked_reported_then_recorded(void **state)
{
	struct queue *q;
	struct printer *p;
	struct printjob_result res;
	struct printjob j;
	sqlite3 *lock;
	int64_t id;
	struct row row;

	(void)state;
	NEED_CUPSD();
	id = new_job("testpdf");
	q = open_q(false, 100);
	p = printer_cups_open(NULL, "testpdf", 2000);
	assert_non_null(p);
	j = job_of(id, 20);
	lock = lock_db();
	errno = 0;
	assert_int_equal(printjob_run(q, p, &j, &res), -1);
	assert_int_equal(errno, EIO);
	assert_int_equal(res.state, QUEUE_JOB_DONE); /* it did print */
	assert_false(res.recorded);
	assert_non_null(strstr(res.errmsg, "could not be recorded as done"));
	assert_int_equal(read_row(id).state, QUEUE_JOB_QUEUED);
	unlock_db(lock);
	assert_int_equal(printjob_record(q, id, &res), 0);
	row = read_row(id);
	assert_int_equal(row.state, QUEUE_JOB_DONE);
	assert_int_equal(row.cups_job, res.cups_job);
	printer_close(p);
	queue_close(q);
}

/* A read-only database (a read-only connection, as after the disk turned
 * read-only): the same, with the database's own words. */
static void test_read_only_database_reported(void **state)
{
	struct queue *ro = open_q(true, 100);
	struct printer *p;
	struct printjob_result res;
	struct printjob j;
	int64_t id;

	(void)state;
	NEED_CUPSD();
	id = new_job("fake");
	assert_int_equal(
	    sh("echo media-empty-error > '%s/cups/fakeprn.state'", fx.dir), 0);
	p = printer_cups_open(NULL, "fake", 2000);
	assert_non_null(p);
	j = job_of(id, 15);
	assert_int_equal(printjob_run(ro, p, &j, &res), -1);
	assert_int_equal(res.state, QUEUE_JOB_CANCELLED);
	assert_false(res.recorded);
	assert_non_null(strstr(res.errmsg, "could not be recorded"));
	assert_int_equal(read_row(id).state, QUEUE_JOB_QUEUED);
	/* The writer's connection records what happened. */
	assert_int_equal(printjob_record(fx.q, id, &res), 0);
	assert_int_equal(read_row(id).state, QUEUE_JOB_CANCELLED);
	assert_string_equal(read_row(id).reason,
			    "Kertas habis (Out of paper): cancelled");
	printer_close(p);
	queue_close(ro);
}

/* Rows left open by a program that stopped are closed, CUPS jobs
 * cancelled; young rows are left to their owner. */
static void test_expire_stale_rows(void **state)
{
	time_t now = time(NULL);
	int64_t old_queued, old_sent, gone_sent, young;
	struct printer *p;
	struct printer_job pj;
	char err[256];
	int cups, n;

	(void)state;
	NEED_CUPSD();
	assert_int_equal(sh("cupsdisable fake"), 0);
	cups = lp_job("fake"); /* held by the disabled queue */
	assert_int_equal(queue_job_add(fx.q, fx.request_id, "receipt", "fake",
				       now - 1000, &old_queued),
			 0);
	assert_int_equal(queue_job_add(fx.q, fx.request_id, "receipt", "fake",
				       now - 1000, &old_sent),
			 0);
	assert_int_equal(queue_job_update(fx.q, old_sent, QUEUE_JOB_SENT, cups,
					  "", now - 900),
			 0);
	assert_int_equal(queue_job_add(fx.q, fx.request_id, "receipt", "fake",
				       now - 1000, &gone_sent),
			 0);
	assert_int_equal(queue_job_update(fx.q, gone_sent, QUEUE_JOB_PRINTING,
					  999999, "", now - 900),
			 0);
	assert_int_equal(queue_job_add(fx.q, fx.request_id, "receipt", "fake",
				       now - 10, &young),
			 0);
	p = printer_cups_open(NULL, "fake", 2000);
	assert_non_null(p);
	assert_int_equal(
	    printjob_expire(fx.q, p, now, 180, &n, err, sizeof(err)), 0);
	assert_int_equal(n, 3);
	assert_string_equal(err, "");
	assert_int_equal(read_row(old_queued).state, QUEUE_JOB_FAILED);
	assert_non_null(strstr(read_row(old_queued).reason, "never sent"));
	assert_int_equal(read_row(old_sent).state, QUEUE_JOB_CANCELLED);
	assert_non_null(strstr(read_row(old_sent).reason, "cancelled"));
	assert_int_equal(read_row(gone_sent).state, QUEUE_JOB_CANCELLED);
	assert_int_equal(read_row(young).state, QUEUE_JOB_QUEUED);
	/* The held job will never print when the queue comes back. */
	assert_int_equal(printer_job_state(p, cups, &pj), 0);
	assert_int_equal(pj.state, PRINTER_JOB_CANCELED);
	/* Nothing left to do: a second pass closes nothing. */
	assert_int_equal(printjob_expire(fx.q, p, now, 180, &n, NULL, 0), 0);
	assert_int_equal(n, 0);
	printer_close(p);
	assert_int_equal(
	    queue_job_update(fx.q, young, QUEUE_JOB_DONE, 0, "", now), 0);
}

/* Without a printer, a sent row cannot be cancelled: it says so. */
static void test_expire_without_printer(void **state)
{
	time_t now = time(NULL);
	int64_t id;
	int n;

	(void)state;
	assert_int_equal(queue_job_add(fx.q, fx.request_id, "receipt",
				       "testpdf", now - 1000, &id),
			 0);
	assert_int_equal(
	    queue_job_update(fx.q, id, QUEUE_JOB_SENT, 4242, "", now - 1000),
	    0);
	assert_int_equal(printjob_expire(fx.q, NULL, now, 180, &n, NULL, 0), 0);
	assert_int_equal(n, 1);
	assert_int_equal(read_row(id).state, QUEUE_JOB_FAILED);
	assert_non_null(strstr(read_row(id).reason, "may still print"));
}

/* The database locked: reported, and the rows stay for the next pass. */
static void test_expire_locked(void **state)
{
	struct queue *q = open_q(false, 100);
	time_t now = time(NULL);
	sqlite3 *lock;
	char err[256];
	int64_t id;
	int n;

	(void)state;
	assert_int_equal(queue_job_add(fx.q, fx.request_id, "receipt",
				       "testpdf", now - 1000, &id),
			 0);
	lock = lock_db();
	errno = 0;
	assert_int_equal(
	    printjob_expire(q, NULL, now, 180, &n, err, sizeof(err)), -1);
	assert_int_equal(errno, EIO);
	assert_int_equal(n, 0);
	assert_non_null(strstr(err, "could not be recorded"));
	unlock_db(lock);
	assert_int_equal(read_row(id).state, QUEUE_JOB_QUEUED);
	assert_int_equal(
	    printjob_expire(q, NULL, now, 180, &n, err, sizeof(err)), 0);
	assert_int_equal(n, 1);
	assert_int_equal(read_row(id).state, QUEUE_JOB_FAILED);
	queue_close(q);
}

/* A worker takes queued rows oldest first, of its kind only. */
static void test_next_oldest_first(void **state)
{
	struct printjob_row row;
	struct printjob_result res;
	time_t now = time(NULL);
	int64_t a, b, letter;

	(void)state;
	/* Close what earlier tests left queued. */
	while (printjob_next(fx.q, "receipt", &row) == 1)
		assert_int_equal(printjob_fail(fx.q, row.job_id, "x", &res), 0);
	assert_int_equal(printjob_next(fx.q, "receipt", &row), 0);
	assert_int_equal(queue_job_add(fx.q, fx.request_id, "notification",
				       "testpdf", now - 50, &letter),
			 0);
	assert_int_equal(
	    queue_job_add(fx.q, fx.request_id, "receipt", "", now - 20, &a), 0);
	assert_int_equal(
	    queue_job_add(fx.q, fx.request_id, "receipt", "fake", now - 10, &b),
	    0);
	assert_int_equal(printjob_next(fx.q, "receipt", &row), 1);
	assert_int_equal(row.job_id, a);
	assert_int_equal(row.request_id, fx.request_id);
	assert_string_equal(row.printer, "");
	assert_int_equal(row.created_at, now - 20);
	assert_int_equal(printjob_fail(fx.q, a, "x", &res), 0);
	assert_int_equal(printjob_next(fx.q, "receipt", &row), 1);
	assert_int_equal(row.job_id, b);
	assert_string_equal(row.printer, "fake");
	assert_int_equal(printjob_fail(fx.q, b, "x", &res), 0);
	assert_int_equal(printjob_next(fx.q, "receipt", &row), 0);
	assert_int_equal(printjob_next(fx.q, "notification", &row), 1);
	assert_int_equal(row.job_id, letter);
	assert_int_equal(printjob_fail(fx.q, letter, "x", &res), 0);
}

/* The kiosk's worker asks for its request's rows only: a row another
 * program queued for another request is not handed to it. */
static void test_next_for_one_request(void **state)
{
	struct printjob_row row;
	struct printjob_result res;
	time_t now = time(NULL);
	int64_t mine;

	(void)state;
	while (printjob_next(fx.q, "receipt", &row) == 1)
		assert_int_equal(printjob_fail(fx.q, row.job_id, "x", &res), 0);
	assert_int_equal(
	    queue_job_add(fx.q, fx.request_id, "receipt", "", now - 5, &mine),
	    0);
	assert_int_equal(
	    printjob_next_for(fx.q, "receipt", fx.request_id + 1000, &row), 0);
	assert_int_equal(
	    printjob_next_for(fx.q, "receipt", fx.request_id, &row), 1);
	assert_int_equal(row.job_id, mine);
	assert_int_equal(printjob_next_for(fx.q, "receipt", 0, &row), 1);
	assert_int_equal(printjob_fail(fx.q, mine, "x", &res), 0);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_invalid_arguments),
	    T(test_fail_before_sending),
	    T(test_fail_while_locked_then_recorded),
	    T(test_unknown_row_reported),
	    T(test_cups_down),
	    T(test_printed),
	    T(test_paper_out_cancelled),
	    T(test_disabled_refused),
	    T(test_no_such_printer),
	    T(test_too_late_cancelled),
	    T(test_row_locked_reported_then_recorded),
	    T(test_read_only_database_reported),
	    T(test_expire_stale_rows),
	    T(test_expire_without_printer),
	    T(test_expire_locked),
	    T(test_next_oldest_first),
	    T(test_next_for_one_request),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
