// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests for debounce.c: scripted bouncy edge sequences, no clock. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "debounce.h"

struct edge {
	int64_t t; /* ms */
	int level; /* after the edge */
};

static struct debounce deb;

static int setup(void **state)
{
	(void)state;
	debounce_init(&deb, NULL, 0, 0);
	return 0;
}

static void feed(const struct edge *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		debounce_edge(&deb, e[i].t, e[i].level);
}

static void expect_event(enum debounce_event_type type, int64_t t)
{
	struct debounce_event ev;

	assert_true(debounce_pop(&deb, &ev));
	assert_int_equal(ev.type, type);
	assert_int_equal(ev.time_ms, t);
}

static void expect_none(void)
{
	struct debounce_event ev;

	assert_false(debounce_pop(&deb, &ev));
}

static void test_clean_press_release(void **state)
{
	(void)state;
	debounce_edge(&deb, 100, 1);
	debounce_advance(&deb, 129);
	expect_none();
	assert_int_equal(debounce_get_level(&deb), 0);
	assert_int_equal(debounce_next_deadline_ms(&deb), 130);
	debounce_advance(&deb, 130);
	expect_event(DEBOUNCE_PRESS, 130);
	assert_int_equal(debounce_get_level(&deb), 1);

	debounce_edge(&deb, 500, 0);
	debounce_advance(&deb, 600);
	expect_event(DEBOUNCE_RELEASE, 530);
	expect_none();
	assert_int_equal(debounce_get_level(&deb), 0);
	assert_int_equal(debounce_next_deadline_ms(&deb), DEBOUNCE_NONE);
}

static void test_bouncy_press(void **state)
{
	static const struct edge press[] = {
	    {0, 1}, {2, 0}, {5, 1}, {7, 0}, {9, 1}, {12, 0}, {14, 1},
	};
	static const struct edge release[] = {
	    {1000, 0}, {1001, 1}, {1004, 0}, {1010, 1}, {1011, 0},
	};
	(void)state;
	feed(press, sizeof(press) / sizeof(press[0]));
	debounce_advance(&deb, 43);
	expect_none();
	debounce_advance(&deb, 44);
	expect_event(DEBOUNCE_PRESS, 44);
	expect_none();

	feed(release, sizeof(release) / sizeof(release[0]));
	debounce_advance(&deb, 1040);
	expect_none();
	assert_int_equal(debounce_get_level(&deb), 1);
	debounce_advance(&deb, 1041);
	expect_event(DEBOUNCE_RELEASE, 1041);
	expect_none();
}

static void test_short_glitches_ignored(void **state)
{
	static const struct edge glitches[] = {
	    {100, 1}, {110, 0}, {300, 1}, {329, 0}, {500, 1}, {501, 0},
	};
	(void)state;
	feed(glitches, sizeof(glitches) / sizeof(glitches[0]));
	debounce_advance(&deb, 10000);
	expect_none();
	assert_int_equal(debounce_get_level(&deb), 0);
}

static void test_long_press(void **state)
{
	(void)state;
	debounce_edge(&deb, 0, 1);
	debounce_advance(&deb, 1999);
	expect_event(DEBOUNCE_PRESS, 30);
	expect_none();
	assert_int_equal(debounce_next_deadline_ms(&deb), 2000);
	debounce_advance(&deb, 2000);
	expect_event(DEBOUNCE_LONG_PRESS, 2000);
	/* Only once per press. */
	debounce_advance(&deb, 9000);
	expect_none();
	debounce_edge(&deb, 9000, 0);
	debounce_advance(&deb, 9030);
	expect_event(DEBOUNCE_RELEASE, 9030);
	expect_none();
}

static void test_release_before_long_press(void **state)
{
	(void)state;
	debounce_edge(&deb, 0, 1);
	debounce_edge(&deb, 1000, 0);
	debounce_advance(&deb, 5000);
	expect_event(DEBOUNCE_PRESS, 30);
	expect_event(DEBOUNCE_RELEASE, 1030);
	expect_none();
}

static void test_release_straddling_long_deadline(void **state)
{
	(void)state;
	/* Released at 1990: the long-press deadline (2000) passes while the
	 * release is still being confirmed.  No long press. */
	debounce_edge(&deb, 0, 1);
	debounce_edge(&deb, 1990, 0);
	debounce_advance(&deb, 2005);
	expect_event(DEBOUNCE_PRESS, 30);
	expect_none();
	debounce_advance(&deb, 2020);
	expect_event(DEBOUNCE_RELEASE, 2020);
	expect_none();
}

static void test_glitch_during_hold_keeps_counting(void **state)
{
	(void)state;
	debounce_edge(&deb, 0, 1);
	debounce_edge(&deb, 1000, 0);
	debounce_edge(&deb, 1005, 1);
	debounce_advance(&deb, 2000);
	expect_event(DEBOUNCE_PRESS, 30);
	expect_event(DEBOUNCE_LONG_PRESS, 2000);
	expect_none();
}

static void test_duplicate_edge_restarts_timer(void **state)
{
	(void)state;
	/* Two RISING in a row (the v1 uAPI does that during bounce): the
	 * line moved in between, so stability counts from the second. */
	debounce_edge(&deb, 0, 1);
	debounce_edge(&deb, 20, 1);
	debounce_advance(&deb, 49);
	expect_none();
	debounce_advance(&deb, 50);
	expect_event(DEBOUNCE_PRESS, 50);
}

static void test_sample_corrects_wrong_edge(void **state)
{
	(void)state;
	/* An edge reported RISING, but the line reads low: nothing. */
	debounce_edge(&deb, 0, 1);
	debounce_sample(&deb, 5, 0);
	debounce_advance(&deb, 1000);
	expect_none();
	/* A sample equal to the last level does not delay anything. */
	debounce_edge(&deb, 2000, 1);
	debounce_sample(&deb, 2020, 1);
	debounce_advance(&deb, 2030);
	expect_event(DEBOUNCE_PRESS, 2030);
}

static void test_batch_in_the_past(void **state)
{
	(void)state;
	/* Edges read late in one batch: every change comes out, in order. */
	debounce_edge(&deb, 0, 1);
	debounce_edge(&deb, 100, 0);
	debounce_edge(&deb, 200, 1);
	debounce_edge(&deb, 205, 0);
	debounce_edge(&deb, 300, 1);
	debounce_advance(&deb, 1000);
	expect_event(DEBOUNCE_PRESS, 30);
	expect_event(DEBOUNCE_RELEASE, 130);
	expect_event(DEBOUNCE_PRESS, 330);
	expect_none();
	assert_int_equal(debounce_get_level(&deb), 1);
}

static void test_timeout(void **state)
{
	(void)state;
	assert_int_equal(debounce_timeout_ms(&deb, 0), -1);
	debounce_edge(&deb, 10, 1);
	assert_int_equal(debounce_timeout_ms(&deb, 10), 30);
	assert_int_equal(debounce_timeout_ms(&deb, 25), 15);
	assert_int_equal(debounce_timeout_ms(&deb, 40), 0);
	debounce_advance(&deb, 40);
	/* An event waits: poll must not sleep. */
	assert_int_equal(debounce_timeout_ms(&deb, 40), 0);
	expect_event(DEBOUNCE_PRESS, 40);
	/* Now the long-press deadline. */
	assert_int_equal(debounce_timeout_ms(&deb, 40), 1970);
}

static void test_time_never_goes_back(void **state)
{
	(void)state;
	debounce_advance(&deb, 1000);
	debounce_edge(&deb, 500, 1); /* treated as 1000 */
	debounce_advance(&deb, 1029);
	expect_none();
	debounce_advance(&deb, 1030);
	expect_event(DEBOUNCE_PRESS, 1030);
}

static void test_config(void **state)
{
	struct debounce_cfg cfg = {.debounce_ms = 10, .long_press_ms = -1};

	(void)state;
	debounce_init(&deb, &cfg, 0, 0);
	debounce_edge(&deb, 0, 1);
	debounce_advance(&deb, 100000);
	expect_event(DEBOUNCE_PRESS, 10);
	expect_none();
	assert_int_equal(debounce_next_deadline_ms(&deb), DEBOUNCE_NONE);

	/* Held at start-up: no event, no long press. */
	cfg.long_press_ms = 100;
	debounce_init(&deb, &cfg, 1, 0);
	debounce_advance(&deb, 1000);
	expect_none();
	assert_int_equal(debounce_get_level(&deb), 1);
	debounce_edge(&deb, 1000, 0);
	debounce_edge(&deb, 1100, 1);
	debounce_advance(&deb, 1300);
	expect_event(DEBOUNCE_RELEASE, 1010);
	expect_event(DEBOUNCE_PRESS, 1110);
	expect_event(DEBOUNCE_LONG_PRESS, 1200);
	expect_none();
}

static void test_queue_full(void **state)
{
	(void)state;
	/* Nobody pops: the queue keeps the first events and counts the rest. */
	for (int i = 0; i < 20; i++) {
		debounce_edge(&deb, i * 100, 1);
		debounce_edge(&deb, i * 100 + 50, 0);
	}
	debounce_advance(&deb, 10000);
	assert_int_equal(debounce_get_dropped(&deb), 40 - DEBOUNCE_QUEUE_LEN);
	for (int i = 0; i < DEBOUNCE_QUEUE_LEN / 2; i++) {
		expect_event(DEBOUNCE_PRESS, i * 100 + 30);
		expect_event(DEBOUNCE_RELEASE, i * 100 + 80);
	}
	expect_none();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_clean_press_release, setup),
	    cmocka_unit_test_setup(test_bouncy_press, setup),
	    cmocka_unit_test_setup(test_short_glitches_ignored, setup),
	    cmocka_unit_test_setup(test_long_press, setup),
	    cmocka_unit_test_setup(test_release_before_long_press, setup),
	    cmocka_unit_test_setup(test_release_straddling_long_deadline,
				   setup),
	    cmocka_unit_test_setup(test_glitch_during_hold_keeps_counting,
				   setup),
	    cmocka_unit_test_setup(test_duplicate_edge_restarts_timer, setup),
	    cmocka_unit_test_setup(test_sample_corrects_wrong_edge, setup),
	    cmocka_unit_test_setup(test_batch_in_the_past, setup),
	    cmocka_unit_test_setup(test_timeout, setup),
	    cmocka_unit_test_setup(test_time_never_goes_back, setup),
	    cmocka_unit_test_setup(test_config, setup),
	    cmocka_unit_test_setup(test_queue_full, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
