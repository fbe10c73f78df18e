// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Calls in the queue store (schema 4): every kind is recorded with its
 * event, a pickup names its request (the event's note and the request's
 * history say who waits for what), queue_calls() returns the kind and the
 * number, the wrong combinations are refused with nothing written, an
 * old database's calls keep their source as their kind; and
 * queue_probe_write() tells a writable database from a read-only one.
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
#include <sys/stat.h>
#include <unistd.h>

#include "migrations.h"
#include "no_dac.h"
#include "queue.h"

#define NOW ((time_t)1795755600) /* 2026-11-27 10:00 WIB */

static char dir[64];
static char path[128];
static const struct queue_actor staff = {"budi", WF_ROLE_STAFF, false};

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

static int64_t add_request(struct queue *q, char *regno, size_t len)
{
	static struct request r;

	request_init(&r);
	r.id_type = REQ_ID_NIK;
	snprintf(r.id_number, sizeof(r.id_number), "3201015708900001");
	snprintf(r.name, sizeof(r.name), "Siti Aminah");
	snprintf(r.address, sizeof(r.address), "Jl. Merdeka 1, Bengkulu");
	snprintf(r.occupation, sizeof(r.occupation), "Guru");
	snprintf(r.phone, sizeof(r.phone), "081234567891");
	snprintf(r.info, sizeof(r.info), "Salinan DPT");
	snprintf(r.purpose, sizeof(r.purpose), "Arsip");
	r.obtain = REQ_OBTAIN_HARDCOPY;
	r.delivery = REQ_DELIVERY_PICKUP;
	r.channel = REQ_CHANNEL_DESK;
	r.received_at = NOW;
	if (queue_submit(q, &r, &staff, false, NOW) < 0)
		fail_msg("submit: %s", queue_errmsg(q));
	snprintf(regno, len, "%s", r.regno);
	return r.id;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ppid-calls-XXXXXX");
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

struct seen {
	int n;			      /* calls seen */
	struct queue_call c[4];	      /* the first four, newest first */
	char regno[4][REQ_REGNO_MAX]; /* their numbers, copied */
};

static int collect(const struct queue_call *c, void *ctx)
{
	struct seen *s = ctx;

	if (s->n < 4) {
		s->c[s->n] = *c;
		snprintf(s->regno[s->n], sizeof(s->regno[0]), "%s", c->regno);
	}
	s->n++;
	return 0;
}

struct note {
	int64_t request_id; /* of the last "call" event */
	char text[96];	    /* its note */
};

static int last_call_event(const struct queue_event *ev, void *ctx)
{
	struct note *n = ctx;

	if (strcmp(ev->action, "call") == 0) {
		n->request_id = ev->request_id;
		snprintf(n->text, sizeof(n->text), "%s", ev->note);
	}
	return 0;
}

static void test_kinds_and_pickup(void **state)
{
	struct queue *q = open_q();
	struct seen s = {0};
	struct note n = {0};
	char regno[REQ_REGNO_MAX], want[96];
	int64_t rid, b, sc, p;

	(void)state;
	assert_string_equal(queue_call_kind_key(QUEUE_CALL_PICKUP), "pickup");
	assert_null(queue_call_kind_key(QUEUE_CALL_KIND_COUNT));
	rid = add_request(q, regno, sizeof(regno));
	assert_int_equal(queue_call_add(q, QUEUE_CALL_BUTTON, 0, NOW, &b), 0);
	assert_int_equal(queue_call_add(q, QUEUE_CALL_SCREEN, 0, NOW, &sc), 0);
	assert_int_equal(queue_call_add(q, QUEUE_CALL_PICKUP, rid, NOW, &p), 0);
	assert_true(b < sc && sc < p);

	assert_int_equal(queue_calls(q, true, 0, collect, &s), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.c[0].id, p);
	assert_int_equal(s.c[0].kind, QUEUE_CALL_PICKUP);
	assert_int_equal(s.c[0].request_id, rid);
	assert_string_equal(s.regno[0], regno);
	assert_int_equal(s.c[1].kind, QUEUE_CALL_SCREEN);
	assert_int_equal(s.c[1].request_id, 0);
	assert_string_equal(s.regno[1], "");
	assert_int_equal(s.c[2].kind, QUEUE_CALL_BUTTON);

	/* The event names the request and belongs to its history. */
	assert_int_equal(queue_history(q, rid, last_call_event, &n), 0);
	assert_int_equal(n.request_id, rid);
	snprintf(want, sizeof(want), "pickup %s", regno);
	assert_string_equal(n.text, want);
	assert_int_equal(queue_events_after(q, 0, last_call_event, &n), 0);
	assert_string_equal(n.text, want);
	queue_close(q);
}

static void test_refused_combinations(void **state)
{
	struct queue *q = open_q();
	struct seen s = {0};
	char regno[REQ_REGNO_MAX];
	int64_t rid, id = 0;
	enum queue_call_kind k;

	(void)state;
	rid = add_request(q, regno, sizeof(regno));
	assert_int_equal(queue_call_add(q, QUEUE_CALL_PICKUP, 0, NOW, &id), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	assert_int_equal(queue_call_add(q, QUEUE_CALL_BUTTON, rid, NOW, &id),
			 -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	assert_int_equal(
	    queue_call_add(q, QUEUE_CALL_PICKUP, rid + 100, NOW, &id), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_INVALID);
	assert_non_null(strstr(queue_errmsg(q), "does not exist"));
	assert_int_equal(queue_call_add(q, QUEUE_CALL_KIND_COUNT, 0, NOW, &id),
			 -1);
	assert_int_equal(queue_calls(q, false, 0, collect, &s), 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(queue_call_kind_parse("screen", &k), 0);
	assert_int_equal(k, QUEUE_CALL_SCREEN);
	assert_int_equal(queue_call_kind_parse("bell", &k), -1);
	queue_close(q);
}

/* A version-3 database's calls upgrade: their source becomes the kind. */
static void test_upgrade_from_version_3(void **state)
{
	struct seen s = {0};
	sqlite3 *db;
	struct queue *q;

	(void)state;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (size_t i = 0; i < n_migrations && migrations[i].version <= 3; i++)
		assert_int_equal(
		    sqlite3_exec(db, migrations[i].sql, NULL, NULL, NULL),
		    SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db,
			 "PRAGMA user_version = 3;"
			 "INSERT INTO calls (id, at, source, acked_at, "
			 "acked_by) VALUES (4, 10, 'button', 20, 'budi'), "
			 "(6, 30, 'screen', NULL, NULL);",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	q = open_q();
	assert_int_equal(queue_schema_version(q), 5);
	assert_int_equal(queue_calls(q, false, 0, collect, &s), 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.c[0].id, 6);
	assert_int_equal(s.c[0].kind, QUEUE_CALL_SCREEN);
	assert_int_equal(s.c[0].acked_at, 0);
	assert_int_equal(s.c[1].id, 4);
	assert_int_equal(s.c[1].kind, QUEUE_CALL_BUTTON);
	assert_int_equal(s.c[1].acked_at, 20);
	/* The pending one can still be acknowledged. */
	assert_int_equal(queue_call_ack(q, 6, &staff, NOW), 0);
	queue_close(q);
}

static void test_probe_write(void **state)
{
	struct queue *q = open_q();

	(void)state;
	assert_int_equal(queue_probe_write(q), 0);
	/* The connection predates the chmod: it could still write, but a
	 * new one could not, so the probe says read-only. */
	assert_int_equal(chmod(path, 0440), 0);
	assert_int_equal(queue_probe_write(q), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_READONLY);
	assert_non_null(strstr(queue_errmsg(q), "not writable"));
	assert_int_equal(chmod(path, 0660), 0);
	assert_int_equal(queue_probe_write(q), 0);
	/* The folder counts too (the -wal and -shm files live there). */
	assert_int_equal(chmod(dir, 0500), 0);
	assert_int_equal(queue_probe_write(q), -1);
	assert_int_equal(queue_errcode(q), QUEUE_ERR_READONLY);
	assert_int_equal(chmod(dir, 0700), 0);
	queue_close(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_kinds_and_pickup, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_refused_combinations, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_upgrade_from_version_3, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_probe_write, setup, teardown),
	};

	t_drop_dac_override();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
