// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for the printer driver against a real, private cupsd started by
 * tests/lib/cupsd.sh: a file: queue that keeps what it printed ("testpdf")
 * and a queue whose backend can be told to run out of paper ("fake").
 * Also the pure state mapping.  Skips cleanly when cupsd is not installed.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "document.h"
#include "printer.h"

#define REGNO "0042/PPID/KPU-BKL/XI/2026"

struct fixture {
	char dir[64];	    /* mkdtemp(): the private cupsd's base */
	char script[512];   /* path of tests/lib/cupsd.sh */
	bool have_cupsd;    /* false: tests skip */
	struct doc_buf pdf; /* a receipt to print */
};

/*
 * fontconfig keeps its configuration for the life of the process (pango
 * never calls FcFini()), and LeakSanitizer reports that once at exit.  Read
 * by ASan builds only.
 */
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
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	rc = system(cmd);
	return rc == 0 ? 0 : -1;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

static bool file_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Poll the printer until it reports @p want or @p ms pass. */
static enum printer_state wait_state(struct printer *p, enum printer_state want,
				     long ms, struct printer_status *st)
{
	long end = now_ms() + ms;

	for (;;) {
		assert_int_equal(printer_status(p, st), 0);
		if (st->state == want || now_ms() > end)
			return st->state;
		sleep_ms(100);
	}
}

static void find_script(struct fixture *fx)
{
	const char *build = getenv("PPID_BUILD");
	const char *up[] = {"", "/..", "/../.."};

	snprintf(fx->script, sizeof(fx->script), "tests/lib/cupsd.sh");
	if (file_exists(fx->script) || !build)
		return;
	for (size_t i = 0; i < 3; i++) {
		snprintf(fx->script, sizeof(fx->script),
			 "%s%s/tests/lib/cupsd.sh", build, up[i]);
		if (file_exists(fx->script))
			return;
	}
}

/* Queue the receipt on testpdf with lp(1); returns the job id. */
static int lp_job(const struct fixture *fx, const char *opts)
{
	char cmd[512];
	FILE *f;
	int id = 0;

	snprintf(cmd, sizeof(cmd),
		 "lp -d testpdf %s '%s/receipt.pdf' | "
		 "sed -n 's/.*testpdf-\\([0-9]*\\).*/\\1/p'",
		 opts, fx->dir);
	f = popen(cmd, "r");
	assert_non_null(f);
	assert_int_equal(fscanf(f, "%d", &id), 1);
	pclose(f);
	assert_true(id > 0);
	return id;
}

/* ---- fixture -------------------------------------------------------------- */

static int group_setup(void **state)
{
	static struct fixture fx;
	char sock[128];
	struct doc_receipt r = {
	    .paper_mm = 80,
	    .office_name = "KPU Provinsi Bengkulu",
	    .regno = REGNO,
	    .received = "27 November 2026 10:15 WIB",
	    .name = "Ni Luh Putu Ayu S\u00e9la",
	    .id_masked = "1771********0001",
	    .info = "Salinan keputusan penetapan daftar pemilih tetap.",
	    .deadline = "11 Desember 2026",
	    .qr_payload = "PPID1|" REGNO "|ABCDEFGHJK",
	};

	*state = &fx;
	if (document_render_receipt(&r, &fx.pdf) < 0)
		return -1;
	fx.have_cupsd = access("/usr/sbin/cupsd", X_OK) == 0;
	if (!fx.have_cupsd) {
		print_message("# skip: no /usr/sbin/cupsd (package cups)\n");
		return 0;
	}
	find_script(&fx);
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/ppidcups.XXXXXX");
	if (!mkdtemp(fx.dir))
		return -1;
	if (sh("sh '%s' start '%s' >/dev/null", fx.script, fx.dir) < 0) {
		sh("sh '%s' stop '%s'; rm -rf '%s'", fx.script, fx.dir, fx.dir);
		return -1;
	}
	snprintf(sock, sizeof(sock), "%s/receipt.pdf", fx.dir);
	if (document_buf_save(&fx.pdf, sock) < 0)
		return -1;
	snprintf(sock, sizeof(sock), "%s/run/cups.sock", fx.dir);
	setenv("CUPS_SERVER", sock, 1);
	return 0;
}

static int group_teardown(void **state)
{
	struct fixture *fx = *state;
	int rc = 0;

	document_buf_free(&fx->pdf);
	if (!fx->have_cupsd)
		return 0;
	/* Always stop cupsd, even when a test failed. */
	if (sh("sh '%s' stop '%s'", fx->script, fx->dir) < 0)
		rc = -1;
	if (getenv("PPID_KEEP_TEST_FILES"))
		printf("# cupsd files kept in %s\n", fx->dir);
	else if (sh("rm -rf '%s'", fx->dir) < 0)
		rc = -1;
	return rc;
}

/* Each test starts with cupsd running, no jobs, no faults. */
static int setup(void **state)
{
	struct fixture *fx = *state;

	if (!fx->have_cupsd)
		return 0;
	return sh("sh '%s' start '%s' >/dev/null && sh '%s' reset '%s'",
		  fx->script, fx->dir, fx->script, fx->dir);
}

#define NEED_CUPSD(fx)                                                         \
	do {                                                                   \
		if (!(fx)->have_cupsd)                                         \
			skip();                                                \
	} while (0)

/* ---- pure mapping --------------------------------------------------------- */

static void test_state_mapping(void **state)
{
	(void)state;
	assert_int_equal(printer_state_from_ipp(3, true, "none"),
			 PRINTER_STATE_READY);
	assert_int_equal(printer_state_from_ipp(4, true, "none"),
			 PRINTER_STATE_PRINTING);
	assert_int_equal(printer_state_from_ipp(4, true, "toner-low-warning"),
			 PRINTER_STATE_PRINTING);
	assert_int_equal(printer_state_from_ipp(5, true, "paused"),
			 PRINTER_STATE_STOPPED);
	assert_int_equal(printer_state_from_ipp(3, false, "none"),
			 PRINTER_STATE_STOPPED);
	assert_int_equal(
	    printer_state_from_ipp(
		5, true, "media-empty-error,media-needed-error,paused"),
	    PRINTER_STATE_OUT_OF_PAPER);
	assert_int_equal(printer_state_from_ipp(4, true, "media-needed"),
			 PRINTER_STATE_OUT_OF_PAPER);
	assert_int_equal(printer_state_from_ipp(4, true, "offline-report"),
			 PRINTER_STATE_OFFLINE);
	assert_int_equal(
	    printer_state_from_ipp(5, true, "media-jam-error,paused"),
	    PRINTER_STATE_OTHER_ERROR);
	assert_int_equal(printer_state_from_ipp(4, true, "door-open"),
			 PRINTER_STATE_OTHER_ERROR);
	/* Leftovers of the last job on an idle queue do not block. */
	assert_int_equal(printer_state_from_ipp(3, true, "media-empty-error"),
			 PRINTER_STATE_READY);
	assert_int_equal(printer_state_from_ipp(3, true, NULL),
			 PRINTER_STATE_READY);
	assert_int_equal(printer_state_from_ipp(4, true, ",,  ,"),
			 PRINTER_STATE_PRINTING);

	for (int s = 0; s < PRINTER_STATE_COUNT; s++) {
		const char *id =
		    printer_state_text((enum printer_state)s, false);
		const char *en =
		    printer_state_text((enum printer_state)s, true);

		assert_true(strlen(id) > 3 && strlen(en) > 3);
		assert_string_not_equal(
		    printer_state_key((enum printer_state)s), "?");
	}
	assert_string_equal(
	    printer_state_text(PRINTER_STATE_OUT_OF_PAPER, false),
	    "Kertas habis");
	assert_string_equal(
	    printer_state_text(PRINTER_STATE_OUT_OF_PAPER, true),
	    "Out of paper");
	assert_string_equal(printer_state_text(PRINTER_STATE_COUNT, false),
			    "?");
	assert_true(printer_state_can_print(PRINTER_STATE_READY));
	assert_false(printer_state_can_print(PRINTER_STATE_STOPPED));
	assert_true(printer_job_final(PRINTER_JOB_COMPLETED));
	assert_false(printer_job_final(PRINTER_JOB_PENDING));
	assert_string_equal(printer_job_state_key(PRINTER_JOB_ABORTED),
			    "aborted");
}

static void test_open_invalid(void **state)
{
	(void)state;
	errno = 0;
	assert_null(printer_cups_open(NULL, "bad/name", 0));
	assert_int_equal(errno, EINVAL);
	assert_null(printer_cups_open(NULL, "with space", 0));
	printer_close(NULL);
}

/* ---- against the private cupsd -------------------------------------------- */

static void test_status_ready(void **state)
{
	struct fixture *fx = *state;
	struct printer_status st;
	struct printer *p;

	NEED_CUPSD(fx);
	p = printer_cups_open(NULL, "testpdf", 2000);
	assert_non_null(p);
	assert_int_equal(printer_status(p, &st), 0);
	assert_int_equal(st.state, PRINTER_STATE_READY);
	assert_int_equal(st.ipp_state, 3);
	assert_true(st.accepting);
	assert_string_equal(st.queue, "testpdf");
	assert_string_equal(printer_state_text(st.state, false),
			    "Printer siap");
	printer_close(p);
}

static void test_default_destination(void **state)
{
	struct fixture *fx = *state;
	struct printer_status st;
	struct printer *p;

	NEED_CUPSD(fx);
	p = printer_cups_open(NULL, NULL, 2000);
	assert_non_null(p);
	assert_int_equal(printer_status(p, &st), 0);
	assert_int_equal(st.state, PRINTER_STATE_READY);
	assert_string_equal(st.queue, "testpdf");
	assert_string_equal(printer_get_queue(p), "testpdf");
	printer_close(p);
}

static void test_submit_prints(void **state)
{
	struct fixture *fx = *state;
	struct printer_job job;
	struct printer_status st;
	struct printer *p;
	char out[128], cmd[256];
	int id = 0;
	FILE *f;
	char text[4096];
	size_t n;

	NEED_CUPSD(fx);
	snprintf(out, sizeof(out), "%s/out/testpdf.pdf", fx->dir);
	unlink(out);
	p = printer_cups_open(NULL, "testpdf", 2000);
	assert_non_null(p);
	assert_int_equal(printer_submit(p, fx->pdf.data, fx->pdf.len, REGNO,
					"Roll80", &id, &st),
			 0);
	assert_true(id > 0);
	assert_int_equal(st.state, PRINTER_STATE_READY);
	assert_int_equal(printer_wait_job(p, id, 20000, &job), 0);
	assert_int_equal(job.state, PRINTER_JOB_COMPLETED);
	assert_false(job.stuck);

	/* The file: device got exactly our bytes. */
	snprintf(cmd, sizeof(cmd), "cmp -s '%s' -", out);
	f = popen(cmd, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(fx->pdf.data, 1, fx->pdf.len, f), fx->pdf.len);
	assert_int_equal(pclose(f), 0);
	snprintf(cmd, sizeof(cmd), "pdftotext '%s' -", out);
	f = popen(cmd, "r");
	assert_non_null(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	pclose(f);
	assert_non_null(strstr(text, "TANDA TERIMA"));
	assert_non_null(strstr(text, "0042/PPID/"));

	/* A finished job cannot be cancelled. */
	assert_int_equal(printer_cancel_job(p, id), -1);
	assert_int_equal(errno, EALREADY);
	assert_int_equal(printer_job_state(p, 999999, &job), -1);
	assert_int_equal(errno, ENOENT);
	printer_close(p);
}

static void test_paper_out(void **state)
{
	struct fixture *fx = *state;
	struct printer_status st;
	struct printer_job job;
	struct printer *p;
	char ctl[128], out[128];
	int id = 0, id2 = 0;

	NEED_CUPSD(fx);
	snprintf(ctl, sizeof(ctl), "%s/fakeprn.state", fx->dir);
	write_file(ctl, "media-empty-error\n");
	p = printer_cups_open(NULL, "fake", 2000);
	assert_non_null(p);

	/* The printer looks fine until the job meets the empty roll. */
	assert_int_equal(printer_submit(p, fx->pdf.data, fx->pdf.len, REGNO,
					"Roll80", &id, &st),
			 0);
	assert_int_equal(printer_wait_job(p, id, 10000, &job), 0);
	assert_true(job.stuck);
	/* Stuck, not final: requeued (pending), or caught while the backend
	 * still holds it (processing; seen under qemu on armhf). */
	assert_true(job.state == PRINTER_JOB_PENDING ||
		    job.state == PRINTER_JOB_PROCESSING);
	assert_false(printer_job_final(job.state));
	assert_int_equal(job.printer.state, PRINTER_STATE_OUT_OF_PAPER);
	assert_int_equal(wait_state(p, PRINTER_STATE_OUT_OF_PAPER, 5000, &st),
			 PRINTER_STATE_OUT_OF_PAPER);
	assert_int_equal(st.ipp_state, 5);
	assert_non_null(strstr(st.reasons, "media-empty"));
	assert_string_equal(printer_state_text(st.state, false),
			    "Kertas habis");

	/* No new job while the paper is out. */
	assert_int_equal(printer_submit(p, fx->pdf.data, fx->pdf.len, REGNO,
					"Roll80", &id2, &st),
			 -1);
	assert_int_equal(errno, EBUSY);
	assert_int_equal(st.state, PRINTER_STATE_OUT_OF_PAPER);
	assert_int_equal(id2, 0);
	assert_non_null(strstr(printer_errmsg(p), "Out of paper"));

	/* The kiosk gives up on that receipt: it must never print. */
	assert_int_equal(printer_cancel_job(p, id), 0);
	assert_int_equal(printer_job_state(p, id, &job), 0);
	assert_int_equal(job.state, PRINTER_JOB_CANCELED);

	/* Paper refilled, queue enabled: nothing stale comes out. */
	write_file(ctl, "");
	assert_int_equal(sh("cupsenable fake"), 0);
	assert_int_equal(wait_state(p, PRINTER_STATE_READY, 5000, &st),
			 PRINTER_STATE_READY);
	sleep_ms(1500);
	snprintf(out, sizeof(out), "%s/out/job-%d.bin", fx->dir, id);
	assert_false(file_exists(out));
	assert_int_equal(st.queued, 0);

	/* And the next receipt prints. */
	assert_int_equal(printer_submit(p, fx->pdf.data, fx->pdf.len, REGNO,
					"Roll80", &id2, &st),
			 0);
	assert_int_equal(printer_wait_job(p, id2, 20000, &job), 0);
	assert_int_equal(job.state, PRINTER_JOB_COMPLETED);
	snprintf(out, sizeof(out), "%s/out/job-%d.bin", fx->dir, id2);
	assert_true(file_exists(out));
	snprintf(out, sizeof(out), "%s/out/job-%d.bin", fx->dir, id);
	assert_false(file_exists(out));
	assert_int_equal(printer_status(p, &st), 0);
	assert_int_equal(st.state, PRINTER_STATE_READY);
	printer_close(p);
}

static void test_offline(void **state)
{
	struct fixture *fx = *state;
	struct printer_status st;
	struct printer_job job;
	struct printer *p;
	char ctl[128], out[128];
	int id = 0;

	NEED_CUPSD(fx);
	snprintf(ctl, sizeof(ctl), "%s/fakeprn.state", fx->dir);
	write_file(ctl, "wait offline-report\n");
	p = printer_cups_open(NULL, "fake", 2000);
	assert_non_null(p);
	assert_int_equal(printer_submit(p, fx->pdf.data, fx->pdf.len, REGNO,
					NULL, &id, NULL),
			 0);
	/* The backend keeps trying: processing, but going nowhere. */
	assert_int_equal(printer_wait_job(p, id, 10000, &job), 0);
	assert_true(job.stuck);
	assert_int_equal(job.state, PRINTER_JOB_PROCESSING);
	assert_int_equal(job.printer.state, PRINTER_STATE_OFFLINE);
	assert_int_equal(printer_status(p, &st), 0);
	assert_string_equal(printer_state_text(st.state, false),
			    "Printer tidak terhubung");

	/* Plugged back in: stuck was not final, the job prints. */
	write_file(ctl, "");
	assert_int_equal(printer_wait_job(p, id, 10000, &job), 0);
	assert_int_equal(job.state, PRINTER_JOB_COMPLETED);
	snprintf(out, sizeof(out), "%s/out/job-%d.bin", fx->dir, id);
	assert_true(file_exists(out));
	assert_int_equal(wait_state(p, PRINTER_STATE_READY, 5000, &st),
			 PRINTER_STATE_READY);
	printer_close(p);
}

static void test_disabled(void **state)
{
	struct fixture *fx = *state;
	struct printer_status st;
	struct printer *p;
	int id = 0;

	NEED_CUPSD(fx);
	assert_int_equal(sh("cupsdisable testpdf"), 0);
	p = printer_cups_open(NULL, "testpdf", 2000);
	assert_non_null(p);
	assert_int_equal(printer_status(p, &st), 0);
	assert_int_equal(st.state, PRINTER_STATE_STOPPED);
	assert_non_null(strstr(st.reasons, "paused"));
	assert_int_equal(
	    printer_submit(p, fx->pdf.data, fx->pdf.len, REGNO, "A4", &id, &st),
	    -1);
	assert_int_equal(errno, EBUSY);
	assert_int_equal(st.state, PRINTER_STATE_STOPPED);
	assert_int_equal(id, 0);

	/* Rejecting jobs is stopped too, in words. */
	assert_int_equal(sh("cupsenable testpdf && cupsreject testpdf"), 0);
	assert_int_equal(printer_status(p, &st), 0);
	assert_int_equal(st.state, PRINTER_STATE_STOPPED);
	assert_false(st.accepting);
	assert_string_equal(printer_state_text(st.state, true),
			    "Printer stopped");
	printer_close(p);
}

static void test_stuck_behind_disabled(void **state)
{
	struct fixture *fx = *state;
	struct printer_job job;
	struct printer *p;
	int id;

	NEED_CUPSD(fx);
	p = printer_cups_open(NULL, "testpdf", 2000);
	assert_non_null(p);
	/* A job someone queued before the queue was disabled waits for
	   ever: CUPS says "pending"; the driver says stuck. */
	assert_int_equal(sh("cupsdisable testpdf"), 0);
	id = lp_job(fx, "");
	assert_int_equal(printer_wait_job(p, id, 5000, &job), 0);
	assert_true(job.stuck);
	assert_int_equal(job.state, PRINTER_JOB_PENDING);
	assert_int_equal(job.printer.state, PRINTER_STATE_STOPPED);
	assert_string_equal(job.printer.queue, "testpdf");
	assert_int_equal(printer_cancel_job(p, id), 0);
	printer_close(p);
}

static void test_wait_timeout(void **state)
{
	struct fixture *fx = *state;
	struct printer_job job;
	struct printer *p;
	int id;

	NEED_CUPSD(fx);
	p = printer_cups_open(NULL, "testpdf", 2000);
	assert_non_null(p);
	/* A held job is neither finished nor stuck: the wait times out. */
	id = lp_job(fx, "-H indefinite");
	assert_int_equal(printer_wait_job(p, id, 400, &job), -1);
	assert_int_equal(errno, ETIMEDOUT);
	assert_int_equal(job.state, PRINTER_JOB_HELD);
	assert_false(job.stuck);
	assert_int_equal(printer_cancel_job(p, id), 0);
	printer_close(p);
}

static void test_unknown_printer(void **state)
{
	struct fixture *fx = *state;
	struct printer_status st;
	struct printer *p;
	int id = 0;
	long t0;

	NEED_CUPSD(fx);
	p = printer_cups_open(NULL, "nosuchprinter", 2000);
	assert_non_null(p);
	t0 = now_ms();
	assert_int_equal(printer_status(p, &st), 0);
	/* No 1 s network browse as cupsGetNamedDest() would do. */
	assert_true(now_ms() - t0 < 900);
	assert_int_equal(st.state, PRINTER_STATE_NO_PRINTER);
	assert_int_equal(
	    printer_submit(p, fx->pdf.data, fx->pdf.len, REGNO, NULL, &id, &st),
	    -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(st.state, PRINTER_STATE_NO_PRINTER);

	/* No default destination at all. */
	assert_int_equal(sh("lpadmin -x testpdf"), 0);
	printer_close(p);
	p = printer_cups_open(NULL, "", 2000);
	assert_non_null(p);
	assert_int_equal(printer_status(p, &st), 0);
	assert_int_equal(st.state, PRINTER_STATE_NO_PRINTER);
	printer_close(p);
	/* Put testpdf back for the other tests. */
	assert_int_equal(sh("sh '%s' stop '%s' && sh '%s' start '%s' "
			    ">/dev/null",
			    fx->script, fx->dir, fx->script, fx->dir),
			 0);
}

static void test_dead_socket(void **state)
{
	struct fixture *fx = *state;
	struct printer_status st;
	struct printer_job job;
	struct printer *p;
	char sock[128];
	int id = 0;
	long t0;

	NEED_CUPSD(fx);
	snprintf(sock, sizeof(sock), "%s/run/nobody-here.sock", fx->dir);
	p = printer_cups_open(sock, "testpdf", 2000);
	assert_non_null(p);
	t0 = now_ms();
	assert_int_equal(printer_status(p, &st), 0);
	assert_int_equal(st.state, PRINTER_STATE_CUPS_DOWN);
	assert_int_equal(
	    printer_submit(p, fx->pdf.data, fx->pdf.len, REGNO, NULL, &id, &st),
	    -1);
	assert_int_equal(errno, ECONNREFUSED);
	assert_int_equal(printer_job_state(p, 1, &job), -1);
	assert_int_equal(errno, ECONNREFUSED);
	assert_true(job.stuck);
	/* No hang: well under the 2 s timeout. */
	assert_true(now_ms() - t0 < 2000);
	assert_true(strlen(printer_errmsg(p)) > 0);
	printer_close(p);
}

static void test_cupsd_dies(void **state)
{
	struct fixture *fx = *state;
	struct printer_status st;
	struct printer *p;
	long t0;

	NEED_CUPSD(fx);
	p = printer_cups_open(NULL, "testpdf", 2000);
	assert_non_null(p);
	assert_int_equal(printer_status(p, &st), 0);
	assert_int_equal(st.state, PRINTER_STATE_READY);

	/* The scheduler goes away under an open connection. */
	assert_int_equal(sh("sh '%s' stop '%s'", fx->script, fx->dir), 0);
	t0 = now_ms();
	assert_int_equal(printer_status(p, &st), 0);
	assert_int_equal(st.state, PRINTER_STATE_CUPS_DOWN);
	assert_true(now_ms() - t0 < 2000);
	assert_string_equal(printer_state_text(st.state, false),
			    "Layanan cetak (CUPS) tidak berjalan");

	/* It comes back: the same printer object recovers. */
	assert_int_equal(
	    sh("sh '%s' start '%s' >/dev/null", fx->script, fx->dir), 0);
	assert_int_equal(wait_state(p, PRINTER_STATE_READY, 5000, &st),
			 PRINTER_STATE_READY);
	printer_close(p);
}

static void test_cupsd_wedged(void **state)
{
	struct fixture *fx = *state;
	struct printer_status st;
	struct printer_job job;
	struct printer *p;
	long t0, took;
	int id = 0, rc;

	NEED_CUPSD(fx);
	p = printer_cups_open(NULL, "testpdf", 1000);
	assert_non_null(p);
	assert_int_equal(printer_status(p, &st), 0);
	assert_int_equal(st.state, PRINTER_STATE_READY);

	/* cupsd alive but not answering (SIGSTOP): every call gives up. */
	assert_int_equal(sh("kill -STOP $(cat '%s/cupsd.pid')", fx->dir), 0);
	t0 = now_ms();
	assert_int_equal(printer_status(p, &st), 0);
	took = now_ms() - t0;
	rc = printer_submit(p, fx->pdf.data, fx->pdf.len, REGNO, NULL, &id,
			    NULL);
	(void)printer_job_state(p, 1, &job);
	assert_int_equal(sh("kill -CONT $(cat '%s/cupsd.pid')", fx->dir), 0);
	assert_int_equal(st.state, PRINTER_STATE_CUPS_DOWN);
	assert_true(took < 4000);
	assert_int_equal(rc, -1);
	assert_true(now_ms() - t0 < 12000);

	/* Woken up, the same printer object works again. */
	assert_int_equal(wait_state(p, PRINTER_STATE_READY, 5000, &st),
			 PRINTER_STATE_READY);
	printer_close(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_state_mapping),
	    cmocka_unit_test(test_open_invalid),
	    cmocka_unit_test_setup(test_status_ready, setup),
	    cmocka_unit_test_setup(test_default_destination, setup),
	    cmocka_unit_test_setup(test_submit_prints, setup),
	    cmocka_unit_test_setup(test_paper_out, setup),
	    cmocka_unit_test_setup(test_offline, setup),
	    cmocka_unit_test_setup(test_disabled, setup),
	    cmocka_unit_test_setup(test_stuck_behind_disabled, setup),
	    cmocka_unit_test_setup(test_wait_timeout, setup),
	    cmocka_unit_test_setup(test_unknown_printer, setup),
	    cmocka_unit_test_setup(test_dead_socket, setup),
	    cmocka_unit_test_setup(test_cupsd_dies, setup),
	    cmocka_unit_test_setup(test_cupsd_wedged, setup),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
