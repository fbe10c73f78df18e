// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The receipt token comes from getrandom() only: when it fails the
 * submission fails with a message and nothing is written (no rand()
 * fallback); short reads and EINTR are retried.  getrandom() is wrapped
 * at link time (test_queue_token.mk).
 */

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include <cmocka.h>

#include "queue.h"

ssize_t __real_getrandom(void *buf, size_t len, unsigned flags);
ssize_t __wrap_getrandom(void *buf, size_t len, unsigned flags);

static int fail_errno;	  /* getrandom() fails with this, 0 = it works */
static int eintr_left;	  /* EINTRs to return first */
static size_t short_read; /* give at most this many bytes per call, 0 = all */
static int calls;	  /* getrandom() calls seen */

ssize_t __wrap_getrandom(void *buf, size_t len, unsigned flags)
{
	calls++;
	if (eintr_left > 0) {
		eintr_left--;
		errno = EINTR;
		return -1;
	}
	if (fail_errno) {
		errno = fail_errno;
		return -1;
	}
	if (short_read && len > short_read)
		len = short_read;
	return __real_getrandom(buf, len, flags);
}

static char dir[64], path[128];
static const struct queue_actor kiosk = {"kiosk", WF_ROLE_KIOSK, false};

static void fill(struct request *r)
{
	request_init(r);
	snprintf(r->name, sizeof(r->name), "Budi Santoso");
	r->id_type = REQ_ID_NIK;
	snprintf(r->id_number, sizeof(r->id_number), "3201015708900001");
	snprintf(r->address, sizeof(r->address), "Jl. Pembangunan 11");
	snprintf(r->occupation, sizeof(r->occupation), "Mahasiswa");
	snprintf(r->phone, sizeof(r->phone), "081234567890");
	snprintf(r->info, sizeof(r->info), "Rekapitulasi hasil Pemilu 2024");
	snprintf(r->purpose, sizeof(r->purpose), "Penelitian");
	r->channel = REQ_CHANNEL_KIOSK;
}

static int setup(void **state)
{
	struct queue_options opt = {.create = true, .busy_timeout_ms = 1000};
	struct queue *q;
	char err[256];

	snprintf(dir, sizeof(dir), "/tmp/ppidtok.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/queue.db", dir);
	opt.path = path;
	if (queue_open(&opt, &q, err, sizeof(err)) != QUEUE_OK)
		return -1;
	*state = q;
	fail_errno = eintr_left = calls = 0;
	short_read = 0;
	return 0;
}

static int teardown(void **state)
{
	char cmd[160];

	queue_close(*state);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static int count_cb(const struct request *r, void *ctx)
{
	(void)r;
	(*(int *)ctx)++;
	return 0;
}

static int requests_in(struct queue *q)
{
	struct queue_filter f = {.status = -1};
	int n = 0;

	assert_int_equal(queue_list(q, &f, count_cb, &n), 0);
	return n;
}

static void test_no_random_no_submission(void **state)
{
	struct queue *q = *state;
	static struct request r;

	fill(&r);
	fail_errno = ENOSYS;
	assert_int_equal(queue_submit(q, &r, &kiosk, true, 1764561600), -1);
	assert_true(calls > 0);
	assert_string_equal(r.regno, "");
	assert_non_null(strstr(queue_errmsg(q), "random"));
	assert_int_equal(requests_in(q), 0);
	/* The number was not used up either: the next one is 0001. */
	fail_errno = 0;
	fill(&r);
	assert_int_equal(queue_submit(q, &r, &kiosk, true, 1764561600), 0);
	assert_int_equal(strncmp(r.regno, "0001/", 5), 0);
	assert_int_equal(requests_in(q), 1);
}

static void test_eintr_and_short_reads_retried(void **state)
{
	struct queue *q = *state;
	static struct request r;

	fill(&r);
	eintr_left = 2;
	short_read = 3;
	assert_int_equal(queue_submit(q, &r, &kiosk, true, 1764561600), 0);
	assert_int_equal(strlen(r.token), REQ_TOKEN_LEN);
	assert_true(calls >= 2 + (REQ_TOKEN_LEN + 2) / 3);
	for (const char *p = r.token; *p; p++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", *p));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_no_random_no_submission, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_eintr_and_short_reads_retried,
					    setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
