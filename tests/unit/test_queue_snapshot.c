// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * queue_read_begin()/queue_read_end(): several reads see one instant, even
 * while another connection commits (what `show` relies on for a request,
 * its holidays and its history); queue_record() appends an event that
 * changes nothing else.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "queue.h"

static char dir[64], path[128];
static const struct queue_actor desk = {"budi", WF_ROLE_DESK, false};

static struct queue *open_q(void)
{
	struct queue_options opt = {
	    .path = path, .create = true, .busy_timeout_ms = 2000};
	struct queue *q = NULL;
	char err[256];

	if (queue_open(&opt, &q, err, sizeof(err)) != QUEUE_OK)
		fail_msg("queue_open: %s", err);
	return q;
}

static void submit(struct queue *q, const char *name, char *regno)
{
	static struct request r;

	request_init(&r);
	snprintf(r.name, sizeof(r.name), "%s", name);
	r.id_type = REQ_ID_NIK;
	snprintf(r.id_number, sizeof(r.id_number), "3201015708900001");
	snprintf(r.address, sizeof(r.address), "Jl. Pembangunan 11");
	snprintf(r.occupation, sizeof(r.occupation), "Mahasiswa");
	snprintf(r.phone, sizeof(r.phone), "081234567890");
	snprintf(r.info, sizeof(r.info), "Rekapitulasi hasil Pemilu 2024");
	snprintf(r.purpose, sizeof(r.purpose), "Penelitian");
	r.channel = REQ_CHANNEL_DESK;
	assert_int_equal(queue_submit(q, &r, &desk, false, 1764561600), 0);
	snprintf(regno, 64, "%s", r.regno);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ppidsnap.XXXXXX");
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

static int count_event(const struct queue_event *ev, void *ctx)
{
	(void)ev;
	(*(int *)ctx)++;
	return 0;
}

static void test_reads_see_one_instant(void **state)
{
	struct queue *reader, *writer;
	static struct request r;
	const struct text *refusal;
	char regno[64];
	int before = 0, during = 0, after = 0;

	(void)state;
	writer = open_q();
	reader = open_q();
	submit(writer, "Budi Santoso", regno);
	assert_int_equal(queue_get(reader, regno, &r), 0);
	assert_int_equal(queue_history(reader, r.id, count_event, &before), 0);

	assert_int_equal(queue_read_begin(reader), 0);
	assert_int_equal(queue_get(reader, regno, &r), 0);
	/* Another program acts while the snapshot is open. */
	assert_int_equal(queue_act(writer, regno, "forward",
				   &(struct wf_args){0}, &desk, 1764561700,
				   &refusal),
			 0);
	assert_int_equal(queue_history(reader, r.id, count_event, &during), 0);
	assert_int_equal(during, before);
	assert_int_equal(queue_get(reader, regno, &r), 0);
	assert_int_equal(r.status, WF_SUBMITTED);
	queue_read_end(reader);

	/* After the snapshot the change is seen. */
	assert_int_equal(queue_get(reader, regno, &r), 0);
	assert_int_equal(r.status, WF_FORWARDED);
	assert_int_equal(queue_history(reader, r.id, count_event, &after), 0);
	assert_int_equal(after, before + 1);
	/* Ending twice is harmless. */
	queue_read_end(reader);
	queue_close(reader);
	queue_close(writer);
}

struct seen {
	char action[32], actor[32], role[16], note[32]; /* copies */
	time_t at;					/* event time */
};

static int last_event(const struct queue_event *ev, void *ctx)
{
	struct seen *s = ctx;

	snprintf(s->action, sizeof(s->action), "%s", ev->action);
	snprintf(s->actor, sizeof(s->actor), "%s", ev->actor);
	snprintf(s->role, sizeof(s->role), "%s", ev->role);
	snprintf(s->note, sizeof(s->note), "%s", ev->note);
	s->at = ev->at;
	return 0;
}

static void test_record_appends_one_event(void **state)
{
	struct queue *q;
	static struct request r, after;
	struct seen ev;
	char regno[64];

	(void)state;
	q = open_q();
	submit(q, "Siti Aminah", regno);
	assert_int_equal(queue_get(q, regno, &r), 0);
	assert_int_equal(queue_record(q, r.id, "reveal-id", "shown", &desk,
				      WF_ROLE_DESK, 1764561800),
			 0);
	assert_int_equal(queue_history(q, r.id, last_event, &ev), 0);
	assert_string_equal(ev.action, "reveal-id");
	assert_string_equal(ev.actor, "budi");
	assert_string_equal(ev.role, "desk");
	assert_string_equal(ev.note, "shown");
	assert_int_equal(ev.at, 1764561800);
	/* Nothing else changed. */
	assert_int_equal(queue_get(q, regno, &after), 0);
	assert_int_equal(after.status, r.status);
	assert_int_equal(after.updated_at, r.updated_at);
	queue_close(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_reads_see_one_instant, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_record_appends_one_event,
					    setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
