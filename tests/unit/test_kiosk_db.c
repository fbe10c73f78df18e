// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's engine and its database: the change watcher (inotify on the
 * -wal file, re-armed when the file is recreated; the database file's
 * mode), out of service when the database is read-only or missing and back
 * by itself when it is usable again (nothing committed lost), the call
 * button "where it can" (the LED says when the call could not be
 * recorded), and no wake-up while idle on the welcome screen.  No cupsd:
 * CUPS_SERVER points at a socket that does not exist (printer offline).
 *
 * As root, the test drops CAP_DAC_OVERRIDE from its effective set (and so
 * from the engine's threads), so a chmod means for it what it means for
 * the kiosk's user; programs it starts get their capabilities back.
 */

#include "kiosk_harness.h"

#include <sys/stat.h>

#include "dbwatch.h"
#include "log.h"
#include "no_dac.h"

static int group_setup(void **state)
{
	char sock[256];

	(void)state;
	log_set_level(LOG_LEVEL_ERROR);
	if (kh_dir() < 0)
		return -1;
	snprintf(sock, sizeof(sock), "%s/no-cups.sock", KH.dir);
	setenv("CUPS_SERVER", sock, 1);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	kh_sh("chmod -R u+w '%s'", KH.dir);
	kh_rmdir();
	return 0;
}

static int setup(void **state)
{
	(void)state;
	chmod(KH.db, 0660);
	kh_sh("rm -f '%s' '%s-wal' '%s-shm'", KH.db, KH.db, KH.db);
	kh_open();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	kh_close();
	chmod(KH.db, 0660);
	return 0;
}

static bool db_down(void)
{
	return !KM()->db_ok;
}

static bool db_up(void)
{
	return KM()->db_ok && KM()->scene == FLOW_SCENE_WELCOME;
}

static bool db_works(void)
{
	return KM()->db_ok;
}

static bool call_failed(void)
{
	return KM()->call == FLOW_CALL_FAILED;
}

static bool called(void)
{
	return KM()->call == FLOW_CALL_CALLED;
}

static bool printer_offline(void)
{
	return KM()->printer == FLOW_PRINTER_OFFLINE;
}

/* ---- the watcher on its own ---------------------------------------------------- */

/* Wait (bounded) for the watcher's fd, then read it. */
static unsigned watch_wait(struct dbwatch *w, int ms)
{
	struct pollfd p = {.fd = dbwatch_get_fd(w), .events = POLLIN};

	poll(&p, 1, ms);
	return dbwatch_read(w, kh_mono());
}

static void test_watch_hints(void **state)
{
	struct dbwatch *w;
	struct queue *a, *b;
	int64_t id;
	unsigned what;

	(void)state;
	kh_close();
	a = kh_console(); /* creates the -wal and keeps it */
	w = dbwatch_open(KH.db, kh_mono());
	assert_non_null(w);
	assert_false(dbwatch_is_polling(w));
	assert_int_equal(dbwatch_timeout_ms(w, kh_mono()), -1);

	/* Another connection commits: a data hint, then follow-ups. */
	b = kh_console();
	while (watch_wait(w, 0))
		;
	assert_int_equal(
	    queue_call_add(b, QUEUE_CALL_SCREEN, 0, time(NULL), &id), 0);
	what = watch_wait(w, BOUND);
	assert_true(what & DBWATCH_DATA);
	assert_int_not_equal(dbwatch_timeout_ms(w, kh_mono()), -1);
	queue_close(b);

	/* Every connection closed: the -wal goes; a new one is watched. */
	queue_close(a);
	assert_int_equal(access(KH.db, F_OK), 0);
	while (watch_wait(w, 0))
		;
	a = kh_console();
	what = watch_wait(w, BOUND);
	assert_true(what & DBWATCH_DATA);
	while (watch_wait(w, 0))
		;
	assert_int_equal(
	    queue_call_add(a, QUEUE_CALL_BUTTON, 0, time(NULL), &id), 0);
	what = watch_wait(w, BOUND);
	assert_true(what & DBWATCH_DATA);

	/* A chmod of the database file: check that it is usable. */
	assert_int_equal(chmod(KH.db, 0640), 0);
	what = watch_wait(w, BOUND);
	assert_true(what & DBWATCH_FILE);
	assert_int_equal(chmod(KH.db, 0660), 0);
	queue_close(a);
	dbwatch_close(w);
	kh_open();
}

/* No folder yet: the slow poll (it always says "check"), then inotify
 * once the folder is there. */
static void test_watch_fallback(void **state)
{
	char sub[160], db[192];
	struct dbwatch *w;
	int t;

	(void)state;
	snprintf(sub, sizeof(sub), "%s/later", KH.dir);
	snprintf(db, sizeof(db), "%s/queue.db", sub);
	w = dbwatch_open(db, kh_mono());
	assert_non_null(w);
	assert_true(dbwatch_is_polling(w));
	assert_int_equal(dbwatch_get_fd(w), -1);
	t = dbwatch_timeout_ms(w, kh_mono());
	assert_true(t > 0 && t <= DBWATCH_FALLBACK_MS);
	assert_int_equal(dbwatch_read(w, kh_mono()), 0); /* not due yet */
	assert_int_equal(mkdir(sub, 0700), 0);
	poll(NULL, 0, dbwatch_timeout_ms(w, kh_mono()));
	assert_int_equal(dbwatch_read(w, kh_mono()),
			 DBWATCH_DATA | DBWATCH_FILE);
	assert_false(dbwatch_is_polling(w));
	assert_true(dbwatch_get_fd(w) >= 0);
	dbwatch_close(w);
}

/* After the follow-ups, the watcher asks for nothing until the next
 * write: and the engine on an idle welcome screen sleeps without a
 * timeout once the printer's state is known. */
static void test_idle_sleeps(void **state)
{
	(void)state;
	assert_true(kh_until(printer_offline));
	kh_run_for(1500); /* the follow-ups of our own writes pass */
	assert_int_equal(KM()->scene, FLOW_SCENE_WELCOME);
	assert_int_equal(kiosk_timeout_ms(KH.k, kh_mono()), -1);
}

/* ---- out of service ------------------------------------------------------------- */

static void test_readonly_then_back(void **state)
{
	const struct queue_actor staff = {"budi", WF_ROLE_STAFF, false};
	static struct request r;
	struct queue *console = kh_console();
	unsigned period;

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
	queue_close(console);
	request_wipe(&r);
	kh_run_for(100);
	assert_true(KM()->db_ok);

	/* chmod: the engine hears of it (IN_ATTRIB) and checks. */
	assert_int_equal(chmod(KH.db, 0440), 0);
	assert_true(kh_until(db_down));
	assert_int_equal(KM()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	assert_int_equal(KM()->db_err, QUEUE_ERR_READONLY);
	assert_false(kiosk_db_ok(KH.k));

	/* The call button still calls: the row cannot be written, so the
	 * screen and the LED (a fast blink) say so. */
	assert_int_equal(
	    gpio_button_sim_inject(kiosk_devices(KH.k)->button, "click"), 0);
	assert_true(kh_until(call_failed));
	assert_int_equal(kiosk_led(KH.k, &period), GPIO_OUT_BLINK);
	assert_int_equal(period, KIOSK_LED_FAILED_MS);
	/* It keeps retrying on its own: a timeout is due. */
	assert_int_not_equal(kiosk_timeout_ms(KH.k, kh_mono()), -1);

	/* Writable again: back by itself, nothing lost. */
	assert_int_equal(chmod(KH.db, 0660), 0);
	assert_true(kh_until(db_works));
	assert_int_not_equal(KM()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	assert_int_equal(kh_int("SELECT COUNT(*) FROM requests"), 1);
	/* And a call goes through now. */
	kh_run_for(100);
	assert_int_equal(
	    gpio_button_sim_inject(kiosk_devices(KH.k)->button, "click"), 0);
	assert_true(kh_until(called));
	assert_int_equal(kh_int("SELECT COUNT(*) FROM calls"), 1);
}

/* Missing at start (no create): out of service; created by another
 * program: back by the retry alone (backoff, no event needed). */
static void test_missing_at_start(void **state)
{
	struct kiosk_options o = {
	    .cfg = &KH.cfg,
	    .printer_poll_ms = 300,
	    .retry_min_ms = 100,
	    .retry_max_ms = 400,
	};
	struct queue *q;

	(void)state;
	kh_close();
	kh_sh("rm -f '%s' '%s-wal' '%s-shm'", KH.db, KH.db, KH.db);
	KH.k = kiosk_open(&o, kh_mono());
	assert_non_null(KH.k);
	assert_false(KM()->db_ok);
	assert_int_equal(KM()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	assert_int_equal(KM()->db_err, QUEUE_ERR_IO);
	kh_run_for(300);
	assert_false(KM()->db_ok);
	q = kh_console_create();
	queue_close(q);
	assert_true(kh_until(db_up));
}

/* The database file is deleted under the running kiosk: its connection
 * still holds the old file, but nothing written there would count: out of
 * service (missing), until a database is there again. */
static void test_deleted_while_running(void **state)
{
	struct kiosk_options o = {
	    .cfg = &KH.cfg,
	    .printer_poll_ms = 300,
	    .retry_min_ms = 100,
	    .retry_max_ms = 400,
	};
	struct queue *q;

	(void)state;
	kh_close();
	KH.k = kiosk_open(&o, kh_mono());
	assert_non_null(KH.k);
	kh_run_for(100);
	assert_true(KM()->db_ok);
	kh_sh("rm -f '%s' '%s-wal' '%s-shm'", KH.db, KH.db, KH.db);
	assert_true(kh_until(db_down));
	assert_int_equal(KM()->db_err, QUEUE_ERR_IO);
	assert_int_equal(KM()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	kh_close(); /* the worker's connection lets go of the old file */
	q = kh_console_create();
	queue_close(q);
	KH.k = kiosk_open(&o, kh_mono());
	assert_true(kh_until(db_up));
}

/* A receipt row a previous run left queued an hour ago is closed by the
 * worker at start: it never prints late, and it does not stay open. */
static void test_stale_jobs_expired(void **state)
{
	const struct queue_actor staff = {"budi", WF_ROLE_STAFF, false};
	static struct request r;
	struct queue *q;
	int64_t job;
	char sql[128], buf[64];

	(void)state;
	kh_close();
	q = kh_console();
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
	if (queue_submit(q, &r, &staff, false, time(NULL)) < 0)
		fail_msg("submit: %s", queue_errmsg(q));
	assert_int_equal(
	    queue_job_add(q, r.id, "receipt", "", time(NULL) - 3600, &job), 0);
	queue_close(q);
	request_wipe(&r);
	kh_open();
	snprintf(sql, sizeof(sql),
		 "SELECT state FROM print_jobs WHERE id = %lld",
		 (long long)job);
	for (int i = 0; i < 300 && strcmp(kh_text_of(sql, buf, sizeof(buf)),
					  "queued") == 0;
	     i++)
		kh_run_for(100);
	assert_string_equal(buf, "failed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_watch_hints, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_watch_fallback, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_idle_sleeps, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_readonly_then_back, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_missing_at_start, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_deleted_while_running, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_stale_jobs_expired, setup,
					    teardown),
	};

	/* Before any thread: the engine's threads inherit it. */
	t_drop_dac_override();
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
