/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared helpers of the kiosk engine's tests: a temporary folder with the
 * database and the sim FIFOs, the engine opened on them, a bounded loop
 * that polls the engine's fds with its own timeouts (no sleeps, no speed
 * assertions: a bound only turns "never" into a failure), taps and text,
 * and raw SQLite reads on a connection of their own.
 */
#ifndef PPID_TEST_KIOSK_HARNESS_H
#define PPID_TEST_KIOSK_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <poll.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kiosk.h"

#define NIK   "3201015708900001" /* synthetic (TECH.md section 6) */
#define BOUND 30000		 /* ms: "never" */

struct kh {
	char dir[64];	   /* mkdtemp() */
	char db[128];	   /* the database */
	struct config cfg; /* the kiosk's configuration */
	struct kiosk *k;   /* the engine under test */
};

static struct kh KH;

static inline int64_t kh_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static inline int kh_sh(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static inline int kh_sh(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd) == 0 ? 0 : -1;
}

/* The folder and a configuration with the sim reader and button. */
static inline int kh_dir(void)
{
	snprintf(KH.dir, sizeof(KH.dir), "/tmp/ppid-kiosk-XXXXXX");
	if (!mkdtemp(KH.dir))
		return -1;
	snprintf(KH.db, sizeof(KH.db), "%s/queue.db", KH.dir);
	config_defaults(&KH.cfg);
	snprintf(KH.cfg.office_name, sizeof(KH.cfg.office_name),
		 "KPU Kota Bengkulu");
	snprintf(KH.cfg.db_path, sizeof(KH.cfg.db_path), "%s", KH.db);
	KH.cfg.reader_backend = CONFIG_READER_SIM;
	snprintf(KH.cfg.reader_fifo, sizeof(KH.cfg.reader_fifo),
		 "%s/reader.fifo", KH.dir);
	KH.cfg.gpio_backend = CONFIG_GPIO_SIM;
	snprintf(KH.cfg.gpio_fifo, sizeof(KH.cfg.gpio_fifo), "%s/button.fifo",
		 KH.dir);
	KH.cfg.busy_timeout_ms = 2000;
	KH.cfg.receipt_timeout_s = 20;
	return 0;
}

static inline void kh_rmdir(void)
{
	if (getenv("PPID_KEEP_TEST_FILES"))
		printf("# files kept in %s\n", KH.dir);
	else
		kh_sh("rm -rf '%s'", KH.dir);
}

static inline void kh_open(void)
{
	struct kiosk_options o = {
	    .cfg = &KH.cfg,
	    .create_db = true,
	    .printer_poll_ms = 300,
	    .retry_min_ms = 100,
	    .retry_max_ms = 400,
	};

	KH.k = kiosk_open(&o, kh_mono());
	assert_non_null(KH.k);
}

static inline void kh_close(void)
{
	kiosk_close(KH.k);
	KH.k = NULL;
}

static inline const struct flow_model *KM(void)
{
	return kiosk_model(KH.k);
}

/** Run the engine's loop until @p pred holds or BOUND ms pass. */
static inline bool kh_until(bool (*pred)(void))
{
	int64_t end = kh_mono() + BOUND;

	while (!pred()) {
		struct pollfd p[KIOSK_N_POLLFDS];
		int64_t now = kh_mono();
		int t;

		if (now >= end)
			return false;
		kiosk_pollfds(KH.k, p);
		t = kiosk_timeout_ms(KH.k, now);
		if (t < 0 || t > end - now)
			t = (int)(end - now);
		poll(p, KIOSK_N_POLLFDS, t);
		kiosk_handle_ready(KH.k, p, kh_mono());
	}
	return true;
}

/** Run the loop for @p ms (to let something not happen). */
static inline void kh_run_for(int ms)
{
	int64_t end = kh_mono() + ms;

	while (kh_mono() < end) {
		struct pollfd p[KIOSK_N_POLLFDS];
		int64_t now = kh_mono();
		int t;

		kiosk_pollfds(KH.k, p);
		t = kiosk_timeout_ms(KH.k, now);
		if (t < 0 || t > end - now)
			t = (int)(end - now);
		poll(p, KIOSK_N_POLLFDS, t);
		kiosk_handle_ready(KH.k, p, kh_mono());
	}
}

static inline void kh_tap_i(enum flow_tap tap, int index)
{
	kiosk_feed(KH.k, &(struct flow_event){.type = FLOW_EVT_TAP,
					      .now_ms = kh_mono(),
					      .tap = tap,
					      .index = index});
}

static inline void kh_tap(enum flow_tap tap)
{
	kh_tap_i(tap, 0);
}

static inline void kh_text(enum flow_input in, const char *s)
{
	kiosk_feed(KH.k, &(struct flow_event){.type = FLOW_EVT_TEXT,
					      .now_ms = kh_mono(),
					      .input = in,
					      .text = s});
}

/** Fill the current form field and go on; asserts it was accepted. */
static inline void kh_answer(const char *s)
{
	kh_text(FLOW_INPUT_FIELD, s);
	kh_tap(FLOW_TAP_NEXT);
	assert_null(KM()->error);
}

/* ---- raw reads on a connection of their own ------------------------------ */

static inline sqlite3 *kh_raw(void)
{
	sqlite3 *db = NULL;

	assert_int_equal(
	    sqlite3_open_v2(KH.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 2000);
	return db;
}

static inline long long kh_int(const char *sql)
{
	sqlite3 *db = kh_raw();
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/** The first column of the first row of @p sql, as text, into @p buf. */
static inline const char *kh_text_of(const char *sql, char *buf, size_t len)
{
	sqlite3 *db = kh_raw();
	sqlite3_stmt *st;
	const unsigned char *s;

	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && (s = sqlite3_column_text(st, 0)))
		snprintf(buf, len, "%s", (const char *)s);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return buf;
}

static inline struct queue *kh_connect(bool create)
{
	struct queue_options opt = {
	    .path = KH.db, .create = create, .busy_timeout_ms = 2000};
	struct queue *q = NULL;
	char err[256];

	if (queue_open(&opt, &q, err, sizeof(err)) != QUEUE_OK)
		fail_msg("queue_open: %s", err);
	return q;
}

/** A second, read-write connection (the console's). */
static inline struct queue *kh_console(void)
{
	return kh_connect(false);
}

/** As kh_console(), creating the database when missing. */
static inline struct queue *kh_console_create(void)
{
	return kh_connect(true);
}

#endif
