// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What wakes the kiosk's loop for a touch without a display socket
 * (KMSDRM): the evdev nodes' own copies of the events (main_wake.c).
 * FIFOs named event* stand for the nodes: readable when written, like a
 * device when it has events; a node made later is found through the
 * folder's inotify watch.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "main.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ppid-wake.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void node(const char *name)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_int_equal(mkfifo(path, 0600), 0);
}

/* A writer on node @p name (kept open: a FIFO with no writer left reads
 * as hung up). */
static int feed(const char *name, const char *bytes)
{
	char path[128];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_NONBLOCK);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, bytes, strlen(bytes)),
			 (ssize_t)strlen(bytes));
	return fd;
}

/* Poll the wake fds for @p ms; hand the result back to the module.
 * @return how many were readable. */
static int wait_wake(struct kiosk_wake *w, int ms)
{
	struct pollfd p[KIOSK_WAKE_MAX];
	int n = kiosk_wake_pollfds(w, p, KIOSK_WAKE_MAX);
	int r = poll(p, (nfds_t)n, ms);

	kiosk_wake_ready(w, p, n);
	return r;
}

static void test_nodes_wake_and_are_drained(void **state)
{
	struct kiosk_wake w;
	int wr;

	(void)state;
	node("event0");
	node("event1");
	node("mouse0"); /* not an evdev node: not opened */
	assert_int_equal(kiosk_wake_open(&w, NULL, dir), 0);
	/* The watch and the two event nodes. */
	assert_int_equal(kiosk_wake_count(&w), 3);
	assert_int_equal(wait_wake(&w, 0), 0); /* nothing written yet */

	wr = feed("event1", "touch");
	assert_int_equal(wait_wake(&w, 1000), 1);
	/* Drained: quiet again until the next event. */
	assert_int_equal(wait_wake(&w, 0), 0);
	assert_int_equal(write(wr, "x", 1), 1);
	assert_int_equal(wait_wake(&w, 1000), 1);
	close(wr);
	kiosk_wake_close(&w);
}

static void test_plugged_in_later(void **state)
{
	struct kiosk_wake w;
	int wr;

	(void)state;
	assert_int_equal(kiosk_wake_open(&w, NULL, dir), 0);
	assert_int_equal(kiosk_wake_count(&w), 1); /* the watch */
	node("event5");
	assert_int_equal(wait_wake(&w, 1000), 1); /* the watch saw it */
	assert_int_equal(kiosk_wake_count(&w), 2);
	wr = feed("event5", "tap");
	assert_int_equal(wait_wake(&w, 1000), 1);
	close(wr);
	kiosk_wake_close(&w);
}

static void test_unplugged_is_forgotten(void **state)
{
	struct kiosk_wake w;
	int wr;

	(void)state;
	node("event2");
	assert_int_equal(kiosk_wake_open(&w, NULL, dir), 0);
	assert_int_equal(kiosk_wake_count(&w), 2);
	wr = feed("event2", "a");
	close(wr); /* the FIFO hangs up, as a device that went away */
	assert_int_equal(wait_wake(&w, 1000), 1);
	assert_int_equal(kiosk_wake_count(&w), 1);
	/* No busy wake-up from a dead node afterwards. */
	assert_int_equal(wait_wake(&w, 50), 0);
	kiosk_wake_close(&w);
}

static void test_nothing_to_poll(void **state)
{
	struct kiosk_wake w;

	(void)state;
	assert_int_equal(kiosk_wake_open(&w, NULL, "/nonexistent/input"), -1);
	assert_int_equal(kiosk_wake_count(&w), 0);
	kiosk_wake_close(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_nodes_wake_and_are_drained,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_plugged_in_later, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_unplugged_is_forgotten, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_nothing_to_poll, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
