// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the card reader: the serial backend over a pseudo-terminal
 * and the sim backend through its FIFO.  Real fds, no device needed.  The
 * evdev backend has its own file, test_cardreader_evdev.c (fake libevdev
 * and libudev).
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cardreader.h"
#include "log.h"

#define BUF_LEN (CARDREADER_READ_MAX + 1)

/* One reader and its pipe per test; teardown releases both. */
struct fixture {
	struct cardreader *r; /* under test */
	char dir[64];	      /* temporary folder (sim tests) */
};

static struct fixture fx;

static int setup(void **state)
{
	(void)state;
	memset(&fx, 0, sizeof(fx));
	return 0;
}

static int teardown(void **state)
{
	char path[128];

	(void)state;
	cardreader_close(fx.r);
	fx.r = NULL;
	if (fx.dir[0]) {
		snprintf(path, sizeof(path), "%s/reader", fx.dir);
		unlink(path);
		snprintf(path, sizeof(path), "%s/file", fx.dir);
		unlink(path);
		rmdir(fx.dir);
	}
	return 0;
}

static void write_all(int fd, const void *p, size_t n)
{
	assert_int_equal(write(fd, p, n), (ssize_t)n);
}

static void expect_read(const char *want)
{
	char buf[BUF_LEN];
	int n = cardreader_read(fx.r, buf, sizeof(buf));

	assert_int_equal(n, (int)strlen(want));
	assert_string_equal(buf, want);
}

static void expect_nothing(void)
{
	char buf[BUF_LEN];

	assert_int_equal(cardreader_read(fx.r, buf, sizeof(buf)), 0);
}

/* ---- serial over a pseudo-terminal ----------------------------------------- */

static int open_pty_reader(char term, int *slave_out)
{
	struct cardreader_serial_cfg cfg = {.baud = 9600, .terminator = term};
	char name[64];
	int m, s;

	assert_int_equal(openpty(&m, &s, name, NULL, NULL), 0);
	cfg.path = name;
	fx.r = cardreader_serial_open(&cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	if (slave_out)
		*slave_out = s;
	else
		close(s);
	return m;
}

/* Poll the reader like the kiosk's loop until a read or 2 s pass. */
static int wait_read(char *buf, size_t len)
{
	for (int i = 0; i < 200; i++) {
		struct pollfd p = {.fd = cardreader_get_fd(fx.r),
				   .events = POLLIN};
		int n, t = cardreader_timeout_ms(fx.r);

		poll(&p, 1, t < 0 || t > 10 ? 10 : t);
		cardreader_tick(fx.r);
		n = cardreader_read(fx.r, buf, len);
		if (n != 0)
			return n;
	}
	return 0;
}

static void test_serial_lines(void **state)
{
	struct termios tio;
	char buf[BUF_LEN], text[200];
	int m, s;

	(void)state;
	m = open_pty_reader('\0', &s);
	/* The port is raw at 9600 baud. */
	assert_int_equal(tcgetattr(s, &tio), 0);
	assert_int_equal(cfgetispeed(&tio), B9600);
	assert_int_equal(tio.c_lflag & (ICANON | ECHO), 0);
	close(s);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_non_null(strstr(text, "ready on /dev/pts/"));
	assert_non_null(strstr(text, "at 9600 baud"));

	write_all(m, "1771014708900001\r\n", 18);
	assert_int_equal(wait_read(buf, sizeof(buf)), 16);
	assert_string_equal(buf, "1771014708900001");
	write_all(m, "LF only\nCR only\r", 16);
	assert_int_equal(wait_read(buf, sizeof(buf)), 7);
	assert_string_equal(buf, "LF only");
	assert_int_equal(wait_read(buf, sizeof(buf)), 7);
	assert_string_equal(buf, "CR only");
	/* Control bytes are not text; the CRLF gave one read, not two. */
	write_all(m, "a\001b\0c\r\n", 7);
	assert_int_equal(wait_read(buf, sizeof(buf)), 3);
	assert_string_equal(buf, "abc");
	expect_nothing();
	close(m);
}

static void test_serial_terminator_and_unplug(void **state)
{
	char buf[BUF_LEN], text[200];
	int m;

	(void)state;
	m = open_pty_reader(';', NULL);
	write_all(m, "12;34;\n", 7);
	assert_int_equal(wait_read(buf, sizeof(buf)), 2);
	assert_string_equal(buf, "12");
	assert_int_equal(wait_read(buf, sizeof(buf)), 2);
	assert_string_equal(buf, "34");

	/* Unplug: the other end goes away. */
	close(m);
	for (int i = 0; i < 200; i++) {
		struct pollfd p = {.fd = cardreader_get_fd(fx.r),
				   .events = POLLIN};

		if (cardreader_get_state(fx.r) != CARDREADER_CONNECTED)
			break;
		poll(&p, 1, 10);
		cardreader_tick(fx.r);
		assert_int_equal(cardreader_read(fx.r, buf, sizeof(buf)), 0);
	}
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	assert_int_equal(cardreader_get_fd(fx.r), -1);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_non_null(strstr(text, "card reader disconnected (/dev/pts/"));
	assert_non_null(strstr(text, "waiting for it to return"));
	/* It retries on a timer. */
	assert_true(cardreader_timeout_ms(fx.r) >= 0);
}

static void test_serial_bad_config(void **state)
{
	struct cardreader_serial_cfg cfg = {.path = "/dev/ttyACM0",
					    .baud = 12345};
	char text[200];

	(void)state;
	errno = 0;
	assert_null(cardreader_serial_open(&cfg));
	assert_int_equal(errno, EINVAL);
	cfg.path = NULL;
	assert_null(cardreader_serial_open(&cfg));

	cfg.path = "/nonexistent/ttyACM9";
	cfg.baud = 0;
	fx.r = cardreader_serial_open(&cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	assert_int_equal(cardreader_get_fd(fx.r), -1);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_string_equal(text, "card reader not found (/nonexistent/"
				  "ttyACM9): waiting for it to be plugged in");
	teardown(state);

	/* Not a tty. */
	cfg.path = "/dev/null";
	fx.r = cardreader_serial_open(&cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_NO_ACCESS);
}

/* ---- sim through its FIFO ---------------------------------------------------- */

static void make_dir(void)
{
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/ppid-test-cr-XXXXXX");
	assert_non_null(mkdtemp(fx.dir));
}

static void test_sim_fifo(void **state)
{
	char path[128], buf[BUF_LEN], text[200];
	struct pollfd p;
	struct stat st;
	int w;

	(void)state;
	make_dir();
	snprintf(path, sizeof(path), "%s/reader", fx.dir);
	fx.r = cardreader_sim_open(path);
	assert_non_null(fx.r);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_non_null(strstr(text, "simulator ready"));

	/* What `echo 1771014708900001 > FIFO` does. */
	w = open(path, O_WRONLY | O_CLOEXEC);
	assert_true(w >= 0);
	write_all(w, "1771014708900001\n", 17);
	close(w);
	p.fd = cardreader_get_fd(fx.r);
	p.events = POLLIN;
	assert_int_equal(poll(&p, 1, 2000), 1);
	assert_int_equal(cardreader_read(fx.r, buf, sizeof(buf)), 16);
	assert_string_equal(buf, "1771014708900001");
	/* The writer left, but the fd does not report a hang-up. */
	p.revents = 0;
	assert_int_equal(poll(&p, 1, 0), 0);
	expect_nothing();

	/* Injected reads take the same path. */
	assert_int_equal(cardreader_sim_swipe(fx.r, "P<UTO"), 0);
	assert_int_equal(poll(&p, 1, 2000), 1);
	assert_int_equal(cardreader_read(fx.r, buf, sizeof(buf)), 5);
	assert_string_equal(buf, "P<UTO");
	errno = 0;
	assert_int_equal(cardreader_sim_swipe(fx.r, "a\nb"), -1);
	assert_int_equal(errno, EINVAL);
}

static void test_sim_unplug_commands(void **state)
{
	char path[128], text[200];

	(void)state;
	make_dir();
	snprintf(path, sizeof(path), "%s/reader", fx.dir);
	fx.r = cardreader_sim_open(path);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_sim_swipe(fx.r, "!unplug"), 0);
	assert_int_equal(cardreader_sim_swipe(fx.r, "123"), 0);
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_non_null(strstr(text, "disconnected"));
	assert_int_equal(cardreader_sim_swipe(fx.r, "!plug"), 0);
	assert_int_equal(cardreader_sim_swipe(fx.r, "456"), 0);
	expect_read("456");
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
}

static void test_sim_not_a_fifo(void **state)
{
	char path[128];
	int fd;

	(void)state;
	make_dir();
	snprintf(path, sizeof(path), "%s/file", fx.dir);
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	assert_true(fd >= 0);
	close(fd);
	errno = 0;
	assert_null(cardreader_sim_open(path));
	assert_int_equal(errno, EEXIST);
	assert_null(cardreader_sim_open("/nonexistent/dir/fifo"));
	assert_null(cardreader_sim_open(""));
	cardreader_close(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	    T(test_serial_lines),	 T(test_serial_terminator_and_unplug),
	    T(test_serial_bad_config),	 T(test_sim_fifo),
	    T(test_sim_unplug_commands), T(test_sim_not_a_fifo),
#undef T
	};

	log_set_level(LOG_LEVEL_DEBUG);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
