// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's engine end to end without SDL: a real database file, the sim
 * card reader and button (FIFOs), a real private cupsd (tests/lib/cupsd.sh,
 * queues "testpdf" and "fake").  A visitor walks from welcome to the
 * printed receipt (the row checked field by field, the PDF written); paper
 * out is told to the visitor and recorded in the job row; the call button
 * makes a call row that the desk acknowledges from another connection,
 * which the engine notices through inotify; a pickup call names its
 * request; the print worker shuts down cleanly.  The CUPS cases skip
 * without cupsd.
 */

#include "kiosk_harness.h"

#include <errno.h>

#include "document.h"
#include "log.h"

static char script[512];
static bool have_cupsd;

/* fontconfig's lifetime cache (see test_printer.c); ASan builds only. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

#define NEED_CUPSD()                                                           \
	do {                                                                   \
		if (!have_cupsd)                                               \
			skip();                                                \
	} while (0)

/* Name with diacritics and an apostrophe, as a visitor may type it. */
#define A_NAME	  "Ni Luh Putu Ayu D'Sulastri Séna"
#define A_ADDRESS "Jl. Pembangunan No. 11, Kota Bengkulu"
#define A_OCC	  "Wiraswasta"
#define A_PHONE	  "0812 3456 7890"
#define A_EMAIL	  "ayu@contoh.id"
#define A_INFO	  "Salinan keputusan penetapan DPT Pemilu 2024"
#define A_PURPOSE "Penelitian skripsi"

static void find_script(void)
{
	const char *build = getenv("PPID_BUILD");
	const char *up[] = {"", "/..", "/../.."};

	snprintf(script, sizeof(script), "tests/lib/cupsd.sh");
	if (access(script, F_OK) == 0 || !build)
		return;
	for (size_t i = 0; i < 3; i++) {
		snprintf(script, sizeof(script), "%s%s/tests/lib/cupsd.sh",
			 build, up[i]);
		if (access(script, F_OK) == 0)
			return;
	}
}

static int group_setup(void **state)
{
	char sock[256];

	(void)state;
	log_set_level(LOG_LEVEL_ERROR);
	if (kh_dir() < 0)
		return -1;
	have_cupsd = access("/usr/sbin/cupsd", X_OK) == 0;
	snprintf(sock, sizeof(sock), "%s/cups/run/cups.sock", KH.dir);
	setenv("CUPS_SERVER", sock, 1);
	if (!have_cupsd)
		return 0;
	find_script();
	/* Filters run as user lp when cupsd is root: they must reach it. */
	return kh_sh("chmod 755 '%s' && sh '%s' start '%s/cups' >/dev/null",
		     KH.dir, script, KH.dir);
}

static int group_teardown(void **state)
{
	(void)state;
	document_shutdown();
	if (have_cupsd)
		kh_sh("sh '%s' stop '%s/cups'", script, KH.dir);
	kh_rmdir();
	return 0;
}

/* Each test: a fresh database, cupsd without faults, the default queue. */
static int setup(void **state)
{
	(void)state;
	kh_sh("rm -f '%s' '%s-wal' '%s-shm'", KH.db, KH.db, KH.db);
	snprintf(KH.cfg.buzzer_line, sizeof(KH.cfg.buzzer_line), "GPIO22");
	snprintf(KH.cfg.receipt_printer, sizeof(KH.cfg.receipt_printer),
		 "testpdf");
	if (have_cupsd &&
	    kh_sh("sh '%s' start '%s/cups' >/dev/null && sh '%s' reset "
		  "'%s/cups' && rm -f '%s/cups/out/testpdf.pdf'",
		  script, KH.dir, script, KH.dir, KH.dir) < 0)
		return -1;
	kh_open();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	kh_close();
	return 0;
}

static int wipes; /* calls of the UI's wipe hook */

static void count_wipe(void *ctx)
{
	assert_ptr_equal(ctx, &wipes);
	wipes++;
}

/* ---- predicates for kh_until() --------------------------------------------- */

static bool on_form(void)
{
	return KM()->scene == FLOW_SCENE_FORM;
}

static bool printed_or_failed(void)
{
	return KM()->print == FLOW_PRINT_DONE ||
	       KM()->print == FLOW_PRINT_FAILED;
}

static bool no_paper(void)
{
	return KM()->printer == FLOW_PRINTER_NO_PAPER;
}

static bool called(void)
{
	return KM()->call == FLOW_CALL_CALLED || KM()->call == FLOW_CALL_FAILED;
}

static bool acked(void)
{
	return KM()->call == FLOW_CALL_ACKED;
}

static bool reader_ok(void)
{
	return KM()->reader_ok;
}

static bool result_shown(void)
{
	return KM()->scene == FLOW_SCENE_STATUS_RESULT;
}

/* ---- a visitor ----------------------------------------------------------------- */

/* Welcome -> card swipe -> every question -> review -> submit. */
static void walk_to_done(void)
{
	assert_int_equal(KM()->scene, FLOW_SCENE_WELCOME);
	kh_tap(FLOW_TAP_REQUEST);
	assert_int_equal(KM()->scene, FLOW_SCENE_IDENTIFY);
	assert_true(kh_until(reader_ok));
	assert_int_equal(cardreader_sim_swipe(kiosk_devices(KH.k)->reader, NIK),
			 0);
	assert_true(kh_until(on_form));
	kh_answer(A_NAME);
	kh_answer(A_ADDRESS);
	kh_answer(A_OCC);
	kh_answer(A_PHONE);
	kh_answer(A_EMAIL);
	kh_answer(A_INFO);
	kh_answer(A_PURPOSE);
	kh_tap_i(FLOW_TAP_CHOICE, REQ_OBTAIN_SOFTCOPY);
	kh_tap_i(FLOW_TAP_CHOICE, REQ_DELIVERY_EMAIL);
	assert_int_equal(KM()->scene, FLOW_SCENE_REVIEW);
	kh_tap(FLOW_TAP_CONSENT);
	kh_tap(FLOW_TAP_TRUTH);
	kh_tap(FLOW_TAP_SUBMIT);
	/* Committed before the screen says so. */
	assert_int_equal(KM()->scene, FLOW_SCENE_DONE);
	assert_int_not_equal(KM()->v.regno[0], '\0');
}

static void test_visitor_to_printed_receipt(void **state)
{
	char buf[512], sql[512], pdf[256];

	(void)state;
	NEED_CUPSD();
	kiosk_set_wipe_hook(KH.k, count_wipe, &wipes);
	walk_to_done();
	assert_int_equal(KM()->print, FLOW_PRINT_PRINTING);
	snprintf(sql, sizeof(sql), "SELECT id FROM requests WHERE regno = '%s'",
		 KM()->v.regno);
	assert_int_equal(kh_int(sql), KM()->v.request_id);

	/* The row, field by field, read on another connection. */
#define FIELD(col, want)                                                       \
	do {                                                                   \
		snprintf(sql, sizeof(sql),                                     \
			 "SELECT " col " FROM requests WHERE id = %lld",       \
			 (long long)KM()->v.request_id);                       \
		assert_string_equal(kh_text_of(sql, buf, sizeof(buf)), want);  \
	} while (0)
	FIELD("name", A_NAME);
	FIELD("id_type", "nik");
	FIELD("id_number", NIK);
	FIELD("address", A_ADDRESS);
	FIELD("occupation", A_OCC);
	FIELD("phone", A_PHONE);
	FIELD("email", A_EMAIL);
	FIELD("info", A_INFO);
	FIELD("purpose", A_PURPOSE);
	FIELD("obtain", "softcopy");
	FIELD("delivery", "email");
	FIELD("channel", "kiosk");
	FIELD("status", "submitted");
	FIELD("regno", KM()->v.regno);
#undef FIELD

	/* The receipt: printed, the job row done, the PDF written. */
	assert_true(kh_until(printed_or_failed));
	assert_int_equal(KM()->print, FLOW_PRINT_DONE);
	snprintf(sql, sizeof(sql),
		 "SELECT state FROM print_jobs WHERE request_id = %lld",
		 (long long)KM()->v.request_id);
	assert_string_equal(kh_text_of(sql, buf, sizeof(buf)), "done");
	snprintf(pdf, sizeof(pdf), "%s/cups/out/testpdf.pdf", KH.dir);
	assert_int_equal(access(pdf, R_OK), 0);
	if (access("/usr/bin/pdftotext", X_OK) == 0)
		assert_int_equal(
		    kh_sh("pdftotext '%s' - | tr -d '\\n' | grep -qF '%s'", pdf,
			  KM()->v.regno),
		    0);

	/* Back to welcome: the UI is told to wipe its copies too. */
	wipes = 0;
	kh_tap(FLOW_TAP_FINISH);
	assert_int_equal(KM()->scene, FLOW_SCENE_WELCOME);
	assert_true(wipes >= 1);
	assert_string_equal(KM()->v.regno, "");
}

static void test_paper_out(void **state)
{
	char buf[512], sql[256];

	(void)state;
	NEED_CUPSD();
	kh_close();
	snprintf(KH.cfg.receipt_printer, sizeof(KH.cfg.receipt_printer),
		 "fake");
	assert_int_equal(
	    kh_sh("echo media-empty-error > '%s/cups/fakeprn.state'", KH.dir),
	    0);
	kh_open();
	/* The paper runs out during the job: cancelled, never printed late. */
	walk_to_done();
	assert_true(kh_until(printed_or_failed));
	assert_int_equal(KM()->print, FLOW_PRINT_FAILED);
	assert_int_not_equal(KM()->v.regno[0], '\0'); /* still on screen */
	snprintf(sql, sizeof(sql),
		 "SELECT state || ': ' || reason FROM print_jobs WHERE "
		 "request_id = %lld",
		 (long long)KM()->v.request_id);
	assert_string_equal(
	    kh_text_of(sql, buf, sizeof(buf)),
	    "cancelled: Kertas habis (Out of paper): cancelled");

	/* The worker sees the printer's state: the welcome screen says so,
	 * and the next receipt is refused before it is sent: failed. */
	assert_true(kh_until(no_paper));
	kh_tap(FLOW_TAP_FINISH);
	assert_int_equal(KM()->scene, FLOW_SCENE_WELCOME);
	walk_to_done();
	assert_int_equal(KM()->print, FLOW_PRINT_FAILED);
	snprintf(sql, sizeof(sql),
		 "SELECT state FROM print_jobs WHERE request_id = %lld",
		 (long long)KM()->v.request_id);
	/* Wait for the worker's answer on the row itself. */
	for (int i = 0; i < 100 && strcmp(kh_text_of(sql, buf, sizeof(buf)),
					  "failed") != 0;
	     i++)
		kh_run_for(100);
	assert_string_equal(buf, "failed");
	snprintf(sql, sizeof(sql),
		 "SELECT reason FROM print_jobs WHERE request_id = %lld",
		 (long long)KM()->v.request_id);
	assert_non_null(strstr(kh_text_of(sql, buf, sizeof(buf)), "Kertas"));
	assert_int_equal(kh_sh("echo > '%s/cups/fakeprn.state'", KH.dir), 0);
}

/* The sim button -> a call row -> the desk acknowledges on its own
 * connection -> the engine hears of it through inotify: CALL_ACKED, the
 * LED steady on. */
static void test_button_call_acknowledged(void **state)
{
	const struct queue_actor desk = {"budi", WF_ROLE_DESK, false};
	struct queue *console;
	unsigned period;
	char sql[256], buf[64];

	(void)state;
	assert_int_equal(
	    gpio_button_sim_inject(kiosk_devices(KH.k)->button, "click"), 0);
	assert_true(kh_until(called));
	assert_int_equal(KM()->call, FLOW_CALL_CALLED);
	assert_int_equal(KM()->scene, FLOW_SCENE_CALL);
	assert_int_equal(kiosk_led(KH.k, &period), GPIO_OUT_BLINK);
	assert_int_equal(period, KIOSK_LED_WAIT_MS);
	/* The desk buzzer beeped for it (a pulse, then off by itself). */
	assert_non_null(kiosk_devices(KH.k)->buzzer);
	assert_int_equal(gpio_output_get_value(kiosk_devices(KH.k)->buzzer), 1);
	snprintf(sql, sizeof(sql),
		 "SELECT kind || ' ' || COALESCE(request_id, 0) || ' ' || "
		 "COALESCE(acked_at, 0) FROM calls WHERE id = %lld",
		 (long long)KM()->call_id);
	assert_string_equal(kh_text_of(sql, buf, sizeof(buf)), "button 0 0");

	/* Nothing due while the desk has not answered: the loop sleeps
	 * until an fd (the database watcher's follow-ups aside). */
	kh_run_for(1500);
	assert_int_equal(KM()->call, FLOW_CALL_CALLED);

	console = kh_console();
	assert_int_equal(
	    queue_call_ack(console, KM()->call_id, &desk, time(NULL)), 0);
	queue_close(console);
	assert_true(kh_until(acked));
	assert_int_equal(kiosk_led(KH.k, NULL), GPIO_OUT_ON);
	assert_int_equal(gpio_output_get_mode(kiosk_devices(KH.k)->led),
			 GPIO_OUT_ON);
}

/* "Call the desk to collect": a call of kind pickup tied to the request,
 * its event in the request's history naming it. */
static void test_pickup_call(void **state)
{
	const struct queue_actor kiosk = {"kiosk", WF_ROLE_KIOSK, false};
	const struct queue_actor staff = {"budi", WF_ROLE_STAFF, false};
	static struct request r;
	const struct text *why;
	struct queue *console = kh_console();
	char sql[256], buf[128], want[128];

	(void)state;
	request_init(&r);
	r.id_type = REQ_ID_NIK;
	snprintf(r.id_number, sizeof(r.id_number), NIK);
	snprintf(r.name, sizeof(r.name), "Siti Aminah");
	snprintf(r.address, sizeof(r.address), "Jl. Merdeka 1, Bengkulu");
	snprintf(r.occupation, sizeof(r.occupation), "Guru");
	snprintf(r.phone, sizeof(r.phone), "081234567891");
	snprintf(r.info, sizeof(r.info), "Salinan DPT");
	snprintf(r.purpose, sizeof(r.purpose), "Arsip");
	r.obtain = REQ_OBTAIN_HARDCOPY;
	r.delivery = REQ_DELIVERY_PICKUP;
	r.channel = REQ_CHANNEL_DESK;
	if (queue_submit(console, &r, &staff, false, time(NULL)) < 0)
		fail_msg("submit: %s", queue_errmsg(console));
	assert_int_equal(queue_act(console, r.regno, "forward",
				   &(struct wf_args){0}, &staff, time(NULL),
				   &why),
			 0);
	assert_int_equal(queue_act(console, r.regno, "available",
				   &(struct wf_args){0}, &staff, time(NULL),
				   &why),
			 0);
	queue_close(console);
	(void)kiosk;

	kh_tap(FLOW_TAP_CHECK_STATUS);
	assert_int_equal(KM()->scene, FLOW_SCENE_STATUS);
	kh_text(FLOW_INPUT_REGNO, r.regno);
	kh_text(FLOW_INPUT_LAST4, "0001");
	kh_tap(FLOW_TAP_LOOKUP);
	assert_true(kh_until(result_shown));
	assert_true(KM()->v.pickup_ready);
	kh_tap(FLOW_TAP_CALL_PICKUP);
	assert_true(kh_until(called));
	assert_int_equal(KM()->call, FLOW_CALL_CALLED);
	assert_int_equal(KM()->call_kind, FLOW_CALL_PICKUP);
	snprintf(sql, sizeof(sql),
		 "SELECT kind || ' ' || request_id FROM calls WHERE id = %lld",
		 (long long)KM()->call_id);
	snprintf(want, sizeof(want), "pickup %lld", (long long)r.id);
	assert_string_equal(kh_text_of(sql, buf, sizeof(buf)), want);
	snprintf(sql, sizeof(sql),
		 "SELECT note FROM events WHERE action = 'call' AND "
		 "request_id = %lld",
		 (long long)r.id);
	snprintf(want, sizeof(want), "pickup %s", r.regno);
	assert_string_equal(kh_text_of(sql, buf, sizeof(buf)), want);
	request_wipe(&r);
}

/* The worker stops and is joined after printing; under ASan/LSan nothing
 * leaks (the binary fails otherwise).  Opening and closing again works. */
static void test_worker_shutdown(void **state)
{
	(void)state;
	NEED_CUPSD();
	walk_to_done();
	assert_true(kh_until(printed_or_failed));
	kh_close();
	kh_open();
	kh_close();
	kh_open();
	assert_int_equal(KM()->scene, FLOW_SCENE_WELCOME);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_visitor_to_printed_receipt,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_paper_out, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_button_call_acknowledged,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pickup_call, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_worker_shutdown, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
