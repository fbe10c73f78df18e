// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for firmware/kiosk/sdnotify.c: the messages systemd gets, read
 * from a datagram socket the test binds and names in NOTIFY_SOCKET, and the
 * watchdog's schedule from WATCHDOG_USEC.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmocka.h>

#include "kiosk/sdnotify.h"

struct fx {
	char dir[64];  /* mkdtemp */
	char path[96]; /* the socket */
	int fd;	       /* bound, non-blocking */
};

static struct fx fixture;

static int setup(void **state)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};

	snprintf(fixture.dir, sizeof(fixture.dir), "/tmp/sdnotify.XXXXXX");
	assert_non_null(mkdtemp(fixture.dir));
	snprintf(fixture.path, sizeof(fixture.path), "%s/notify", fixture.dir);
	fixture.fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	assert_true(fixture.fd >= 0);
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", fixture.path);
	assert_int_equal(bind(fixture.fd, (struct sockaddr *)&sa, sizeof(sa)),
			 0);
	setenv("NOTIFY_SOCKET", fixture.path, 1);
	unsetenv("WATCHDOG_USEC");
	unsetenv("WATCHDOG_PID");
	*state = &fixture;
	return 0;
}

static int teardown(void **state)
{
	close(fixture.fd);
	unlink(fixture.path);
	rmdir(fixture.dir);
	unsetenv("NOTIFY_SOCKET");
	unsetenv("WATCHDOG_USEC");
	unsetenv("WATCHDOG_PID");
	*state = NULL;
	return 0;
}

/* The next datagram, or "" when none is waiting. */
static const char *next_msg(void)
{
	static char buf[512];
	ssize_t n = recv(fixture.fd, buf, sizeof(buf) - 1, 0);

	if (n < 0) {
		assert_int_equal(errno, EAGAIN);
		n = 0;
	}
	buf[n] = '\0';
	return buf;
}

static void test_watchdog_pings_at_half_the_interval(void **state)
{
	struct sdnotify s;

	(void)state;
	setenv("WATCHDOG_USEC", "2000000", 1); /* WatchdogSec=2 */
	assert_int_equal(sdnotify_init(&s, 10000), 0);
	assert_true(sdnotify_watchdog_on(&s));
	/* The first ping is due at once. */
	assert_int_equal(sdnotify_timeout_ms(&s, 10000), 0);
	sdnotify_tick(&s, 10000);
	assert_string_equal(next_msg(), "WATCHDOG=1");
	assert_string_equal(next_msg(), "");
	/* Then every second, half of WatchdogSec. */
	assert_int_equal(sdnotify_timeout_ms(&s, 10000), 1000);
	assert_int_equal(sdnotify_timeout_ms(&s, 10400), 600);
	sdnotify_tick(&s, 10400);
	assert_string_equal(next_msg(), "");
	sdnotify_tick(&s, 10999);
	assert_string_equal(next_msg(), "");
	sdnotify_tick(&s, 11000);
	assert_string_equal(next_msg(), "WATCHDOG=1");
	/* A loop that was late pings once, and is due again a full half
	 * interval later. */
	assert_int_equal(sdnotify_timeout_ms(&s, 15000), 0);
	sdnotify_tick(&s, 15000);
	assert_string_equal(next_msg(), "WATCHDOG=1");
	sdnotify_tick(&s, 15001);
	assert_string_equal(next_msg(), "");
	assert_int_equal(sdnotify_timeout_ms(&s, 15000), 1000);
}

static void test_no_watchdog_no_deadline_no_ping(void **state)
{
	struct sdnotify s;

	(void)state;
	assert_int_equal(sdnotify_init(&s, 0), 0);
	assert_false(sdnotify_watchdog_on(&s));
	/* No deadline: the loop's timeout is not shortened, no wake-up. */
	assert_int_equal(sdnotify_timeout_ms(&s, 0), -1);
	assert_int_equal(sdnotify_timeout_ms(&s, 123456789), -1);
	for (int64_t t = 0; t < 100000; t += 1000)
		sdnotify_tick(&s, t);
	assert_string_equal(next_msg(), "");
}

static void test_watchdog_for_another_process_is_ignored(void **state)
{
	struct sdnotify s;
	char pid[32];

	(void)state;
	setenv("WATCHDOG_USEC", "2000000", 1);
	snprintf(pid, sizeof(pid), "%d", (int)getpid() + 1);
	setenv("WATCHDOG_PID", pid, 1);
	assert_int_equal(sdnotify_init(&s, 0), 0);
	assert_false(sdnotify_watchdog_on(&s));
	sdnotify_tick(&s, 0);
	assert_string_equal(next_msg(), "");
	/* Its own PID: on. */
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	setenv("WATCHDOG_PID", pid, 1);
	assert_int_equal(sdnotify_init(&s, 0), 0);
	assert_true(sdnotify_watchdog_on(&s));
}

static void test_broken_watchdog_setting_is_refused(void **state)
{
	struct sdnotify s;

	(void)state;
	setenv("WATCHDOG_USEC", "soon", 1);
	errno = 0;
	assert_int_equal(sdnotify_init(&s, 0), -1);
	assert_int_not_equal(errno, 0);
	assert_false(sdnotify_watchdog_on(&s));
	assert_int_equal(sdnotify_timeout_ms(&s, 0), -1);
	sdnotify_tick(&s, 0);
	assert_string_equal(next_msg(), "");
}

static void test_ready_once_then_stopping(void **state)
{
	struct sdnotify s;

	(void)state;
	assert_int_equal(sdnotify_init(&s, 0), 0);
	sdnotify_ready(&s, "scene welcome");
	assert_string_equal(next_msg(), "READY=1\nSTATUS=scene welcome");
	sdnotify_ready(&s, "scene welcome");
	assert_string_equal(next_msg(), "");
	sdnotify_stopping(&s);
	assert_string_equal(next_msg(), "STOPPING=1");
}

static void test_outside_systemd_is_silent(void **state)
{
	struct sdnotify s;

	(void)state;
	unsetenv("NOTIFY_SOCKET");
	setenv("WATCHDOG_USEC", "2000000", 1);
	assert_int_equal(sdnotify_init(&s, 0), 0);
	sdnotify_ready(&s, "x");
	sdnotify_tick(&s, 0);
	sdnotify_stopping(&s);
	assert_string_equal(next_msg(), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_watchdog_pings_at_half_the_interval, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_no_watchdog_no_deadline_no_ping, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_watchdog_for_another_process_is_ignored, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_broken_watchdog_setting_is_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_ready_once_then_stopping,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_outside_systemd_is_silent,
					    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
