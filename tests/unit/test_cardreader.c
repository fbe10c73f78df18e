// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the card reader: the evdev decoder fed input_event records
 * through a pipe, the serial backend over a pseudo-terminal, and the sim
 * backend through its FIFO.  Real fds, no device needed.
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
#include <linux/input.h>

#include "cardreader.h"
#include "log.h"

#define BUF_LEN (CARDREADER_READ_MAX + 1)

/* One reader and its pipe per test; teardown releases both. */
struct fixture {
	struct cardreader *r; /* under test */
	int wfd;	      /* the pipe's write end (evdev tests) */
	char dir[64];	      /* temporary folder (sim tests) */
};

static struct fixture fx;

static int setup(void **state)
{
	(void)state;
	memset(&fx, 0, sizeof(fx));
	fx.wfd = -1;
	return 0;
}

static int teardown(void **state)
{
	char path[128];

	(void)state;
	cardreader_close(fx.r);
	fx.r = NULL;
	if (fx.wfd >= 0)
		close(fx.wfd);
	fx.wfd = -1;
	if (fx.dir[0]) {
		snprintf(path, sizeof(path), "%s/reader", fx.dir);
		unlink(path);
		snprintf(path, sizeof(path), "%s/file", fx.dir);
		unlink(path);
		rmdir(fx.dir);
	}
	return 0;
}

/* ---- evdev: writing input events into a pipe --------------------------- */

static void open_pipe_reader(enum cardreader_term term, int gap_ms)
{
	struct cardreader_evdev_cfg cfg = {.terminator = term,
					   .gap_ms = gap_ms};
	int p[2];

	assert_int_equal(pipe2(p, O_CLOEXEC), 0);
	fx.wfd = p[1];
	fx.r = cardreader_evdev_open_fd(p[0], &cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_CONNECTED);
	assert_int_equal(cardreader_get_fd(fx.r), p[0]);
}

static size_t put_event(unsigned char *out, unsigned int type,
			unsigned int code, int value)
{
	struct input_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = (unsigned short)type;
	ev.code = (unsigned short)code;
	ev.value = value;
	memcpy(out, &ev, sizeof(ev));
	return sizeof(ev);
}

/* A key press and release, each followed by SYN_REPORT, as a keyboard does. */
static size_t put_key(unsigned char *out, unsigned int code)
{
	size_t n = 0;

	n += put_event(out + n, EV_KEY, code, 1);
	n += put_event(out + n, EV_SYN, SYN_REPORT, 0);
	n += put_event(out + n, EV_KEY, code, 0);
	n += put_event(out + n, EV_SYN, SYN_REPORT, 0);
	return n;
}

/* The key (and shift) that types @p c on a US keyboard. */
static unsigned int key_for(char c, bool *shift)
{
	static const char *const rows[] = {"1234567890", "qwertyuiop",
					   "asdfghjkl", "zxcvbnm"};
	static const unsigned int first[] = {KEY_1, KEY_Q, KEY_A, KEY_Z};
	static const char shifted_digits[] = "!@#$%^&*()";
	const char *hit;

	*shift = false;
	if (c == '\n')
		return KEY_ENTER;
	if (c == '\t')
		return KEY_TAB;
	if (c == ' ')
		return KEY_SPACE;
	if (c == '-')
		return KEY_MINUS;
	if (c == '<') {
		*shift = true;
		return KEY_COMMA;
	}
	hit = strchr(shifted_digits, c);
	if (c && hit) {
		*shift = true;
		return KEY_1 + (unsigned int)(hit - shifted_digits);
	}
	if (c >= 'A' && c <= 'Z') {
		*shift = true;
		c = (char)(c - 'A' + 'a');
	}
	for (size_t i = 0; i < 4; i++) {
		hit = c ? strchr(rows[i], c) : NULL;
		if (hit)
			return first[i] + (unsigned int)(hit - rows[i]);
	}
	fail_msg("no key for '%c'", c);
	return 0;
}

/* Encode @p text as key events; returns the byte count. */
static size_t encode(unsigned char *out, const char *text)
{
	size_t n = 0;

	for (; *text; text++) {
		bool shift;
		unsigned int code = key_for(*text, &shift);

		if (shift) {
			n += put_event(out + n, EV_KEY, KEY_LEFTSHIFT, 1);
			n += put_event(out + n, EV_SYN, SYN_REPORT, 0);
		}
		n += put_key(out + n, code);
		if (shift) {
			n += put_event(out + n, EV_KEY, KEY_LEFTSHIFT, 0);
			n += put_event(out + n, EV_SYN, SYN_REPORT, 0);
		}
	}
	return n;
}

static void write_all(int fd, const void *p, size_t n)
{
	assert_int_equal(write(fd, p, n), (ssize_t)n);
}

static void type(const char *text)
{
	static unsigned char buf[1 << 16];
	size_t n = encode(buf, text);

	write_all(fx.wfd, buf, n);
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

static void expect_lost(int err)
{
	char buf[BUF_LEN];

	errno = 0;
	assert_int_equal(cardreader_read(fx.r, buf, sizeof(buf)), -1);
	assert_int_equal(errno, err);
}

static void test_evdev_letters_digits_enter(void **state)
{
	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	type("Ab1\n");
	expect_read("Ab1");
	expect_nothing();

	/* An NIK, a passport line with '<' and shifted digits. */
	type("3201015708900001\n");
	expect_read("3201015708900001");
	type("P<UTOERIKSSON<<ANNA\n");
	expect_read("P<UTOERIKSSON<<ANNA");
	type("!@# x-y\n");
	expect_read("!@# x-y");
	expect_nothing();
}

static void test_evdev_keypad_and_right_shift(void **state)
{
	unsigned char buf[4096];
	size_t n = 0;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	n += put_key(buf + n, KEY_KP4);
	n += put_key(buf + n, KEY_KP2);
	n += put_event(buf + n, EV_KEY, KEY_RIGHTSHIFT, 1);
	n += put_key(buf + n, KEY_Q);
	n += put_event(buf + n, EV_KEY, KEY_RIGHTSHIFT, 0);
	n += put_key(buf + n, KEY_Q);
	n += put_key(buf + n, KEY_KPENTER);
	write_all(fx.wfd, buf, n);
	expect_read("42Qq");
}

static void test_evdev_several_reads_in_one_write(void **state)
{
	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	type("1\n\n22\n333\n");
	/* A read waits inside the reader: poll must not sleep. */
	expect_read("1");
	assert_int_equal(cardreader_timeout_ms(fx.r), 0);
	expect_read("22");
	expect_read("333");
	expect_nothing();
	assert_int_equal(cardreader_timeout_ms(fx.r), -1);
}

static void test_evdev_tab_terminator(void **state)
{
	(void)state;
	open_pipe_reader(CARDREADER_TERM_TAB, 0);
	type("12\t34\t");
	expect_read("12");
	expect_read("34");
	/* Enter still ends a read. */
	type("56\n");
	expect_read("56");
	teardown(state);

	/* With Enter as the terminator, Tab is a character. */
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	type("1\t2\n");
	expect_read("1\t2");
}

static void test_evdev_gap_flush(void **state)
{
	struct pollfd p;
	char buf[BUF_LEN];
	int n = 0, t;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 5);
	assert_int_equal(cardreader_timeout_ms(fx.r), -1);
	type("123"); /* a reader that sends no terminator */
	expect_nothing();
	t = cardreader_timeout_ms(fx.r);
	assert_true(t >= 0 && t <= 5);

	/* The caller's loop: poll with the timeout, tick, read. */
	for (int i = 0; i < 1000 && n == 0; i++) {
		p.fd = cardreader_get_fd(fx.r);
		p.events = POLLIN;
		poll(&p, 1, cardreader_timeout_ms(fx.r));
		cardreader_tick(fx.r);
		n = cardreader_read(fx.r, buf, sizeof(buf));
	}
	assert_int_equal(n, 3);
	assert_string_equal(buf, "123");
	assert_int_equal(cardreader_timeout_ms(fx.r), -1);
	type("45\n");
	expect_read("45");
}

static void test_evdev_no_gap_when_disabled(void **state)
{
	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, -1);
	type("123");
	expect_nothing();
	assert_int_equal(cardreader_timeout_ms(fx.r), -1);
	cardreader_tick(fx.r);
	expect_nothing();
	type("4\n");
	expect_read("1234");
}

static void test_evdev_syn_dropped(void **state)
{
	unsigned char buf[8192];
	size_t n = 0;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	/* "12", the kernel overflows, events until SYN_REPORT are junk,
	 * then "34" and Enter: the whole read is discarded and reported. */
	n += encode(buf + n, "12");
	n += put_event(buf + n, EV_SYN, SYN_DROPPED, 0);
	n += put_event(buf + n, EV_KEY, KEY_X, 1);
	n += put_event(buf + n, EV_KEY, KEY_ENTER, 1);
	n += put_event(buf + n, EV_SYN, SYN_REPORT, 0);
	n += encode(buf + n, "34\n");
	/* Shift held when events drop, its release lost: resync (EVIOCGKEY
	 * fails on a pipe, so "nothing held") gives lower case after. */
	n += put_event(buf + n, EV_KEY, KEY_LEFTSHIFT, 1);
	n += put_event(buf + n, EV_SYN, SYN_DROPPED, 0);
	n += put_event(buf + n, EV_KEY, KEY_LEFTSHIFT, 0);
	n += put_event(buf + n, EV_SYN, SYN_REPORT, 0);
	n += encode(buf + n, "\nab\n");
	write_all(fx.wfd, buf, n);

	expect_lost(EBADMSG);
	expect_lost(EBADMSG);
	expect_read("ab");
	expect_nothing();
}

static void test_evdev_garbage_ignored(void **state)
{
	unsigned char buf[4096];
	size_t n = 0;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	n += encode(buf + n, "7");
	n += put_event(buf + n, EV_KEY, 0, 1);
	n += put_event(buf + n, EV_KEY, KEY_MAX, 1);
	n += put_event(buf + n, 0xffff, 0xffff, 1);
	n += put_event(buf + n, EV_KEY, 0xffff, 1);
	n += put_event(buf + n, EV_KEY, KEY_F1, 1);
	n += put_event(buf + n, EV_KEY, KEY_LEFTCTRL, 1);
	n += put_event(buf + n, EV_KEY, KEY_BACKSPACE, 1);
	n += put_event(buf + n, EV_MSC, MSC_SCAN, 0x70024);
	n += put_event(buf + n, EV_REL, REL_X, 5);
	n += put_event(buf + n, EV_KEY, KEY_8, 2); /* autorepeat */
	n += encode(buf + n, "8\n");
	write_all(fx.wfd, buf, n);
	expect_read("78");
	expect_nothing();
}

static void test_evdev_flood_is_bounded(void **state)
{
	static unsigned char buf[10000 * 4 * sizeof(struct input_event)];
	char out[BUF_LEN];
	size_t n = 0, off = 0;
	int lost = 0, got = 0, r;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, -1);
	for (int i = 0; i < 10000; i++)
		n += put_key(buf + n, KEY_1 + (unsigned int)(i % 10));
	fcntl(fx.wfd, F_SETFL, O_NONBLOCK);

	/* Feed the pipe as fast as the reader empties it. */
	while (off < n) {
		ssize_t w = write(fx.wfd, buf + off, n - off);

		if (w > 0)
			off += (size_t)w;
		while ((r = cardreader_read(fx.r, out, sizeof(out))) != 0) {
			if (r < 0 && errno == EMSGSIZE)
				lost++;
			else
				got++;
		}
	}
	assert_int_equal(lost, 1);
	assert_int_equal(got, 0);
	/* Its Enter ends the lost read; the next one is fine. */
	type("\n99\n");
	expect_read("99");
	expect_nothing();
}

static void test_evdev_longest_read(void **state)
{
	static char text[CARDREADER_READ_MAX + 3];

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	memset(text, '5', CARDREADER_READ_MAX);
	text[CARDREADER_READ_MAX] = '\n';
	type(text);
	text[CARDREADER_READ_MAX] = '\0';
	expect_read(text);

	/* One more character and the read is lost, and said to be. */
	memset(text, '6', CARDREADER_READ_MAX + 1);
	text[CARDREADER_READ_MAX + 1] = '\n';
	type(text);
	expect_lost(EMSGSIZE);
	expect_nothing();
	type("7\n");
	expect_read("7");
}

static void test_evdev_short_reads(void **state)
{
	unsigned char buf[4096];
	size_t n;

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	n = encode(buf, "Xy9");
	/* One byte at a time: records arrive split at every offset. */
	for (size_t i = 0; i < n; i++) {
		write_all(fx.wfd, buf + i, 1);
		expect_nothing();
	}
	n = encode(buf, "\n");
	write_all(fx.wfd, buf, sizeof(struct input_event) - 1);
	expect_nothing();
	write_all(fx.wfd, buf + sizeof(struct input_event) - 1,
		  n - sizeof(struct input_event) + 1);
	expect_read("Xy9");

	/* Split in the middle of a record, across two reads. */
	n = encode(buf, "ok\n");
	write_all(fx.wfd, buf, sizeof(struct input_event) * 5 + 7);
	expect_nothing();
	write_all(fx.wfd, buf + sizeof(struct input_event) * 5 + 7,
		  n - sizeof(struct input_event) * 5 - 7);
	expect_read("ok");
}

static void test_evdev_small_buffer(void **state)
{
	char small[4];

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	type("1234\n5\n");
	errno = 0;
	assert_int_equal(cardreader_read(fx.r, small, sizeof(small)), -1);
	assert_int_equal(errno, ENOBUFS);
	assert_int_equal(cardreader_read(fx.r, small, sizeof(small)), 1);
	assert_string_equal(small, "5");
}

static void test_evdev_end_of_file(void **state)
{
	char text[200];

	(void)state;
	open_pipe_reader(CARDREADER_TERM_ENTER, 0);
	type("12"); /* a partial read, then the device goes */
	close(fx.wfd);
	fx.wfd = -1;
	expect_nothing();
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	assert_int_equal(cardreader_get_fd(fx.r), -1);
	assert_int_equal(cardreader_timeout_ms(fx.r), -1);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_non_null(strstr(text, "disconnected"));
	cardreader_tick(fx.r);
	expect_nothing();
}

static void test_evdev_bad_args(void **state)
{
	struct cardreader_evdev_cfg cfg = {0};
	char text[200];

	(void)state;
	errno = 0;
	assert_null(cardreader_evdev_open(&cfg));
	assert_int_equal(errno, EINVAL);
	assert_null(cardreader_evdev_open(NULL));
	errno = 0;
	assert_null(cardreader_evdev_open_fd(-1, NULL));
	assert_int_equal(errno, EBADF);

	/* A device that is not there: a reader waiting for it. */
	cfg.path = "/nonexistent/by-id/usb-none-event-kbd";
	fx.r = cardreader_evdev_open(&cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_DISCONNECTED);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_string_equal(text, "card reader not found (/nonexistent/by-id/"
				  "usb-none-event-kbd): waiting for it to be "
				  "plugged in");
	assert_true(cardreader_timeout_ms(fx.r) >= 0);
	cardreader_tick(fx.r);
	expect_nothing();
	errno = 0;
	assert_int_equal(cardreader_sim_swipe(fx.r, "1"), -1);
	assert_int_equal(errno, EINVAL);
	teardown(state);

	/* A path that is not an input device: opened, grab refused. */
	cfg.path = "/dev/null";
	fx.r = cardreader_evdev_open(&cfg);
	assert_non_null(fx.r);
	assert_int_equal(cardreader_get_state(fx.r), CARDREADER_NO_ACCESS);
	cardreader_state_text(fx.r, text, sizeof(text));
	assert_non_null(strstr(text, "cannot be opened (/dev/null"));
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
	    T(test_evdev_letters_digits_enter),
	    T(test_evdev_keypad_and_right_shift),
	    T(test_evdev_several_reads_in_one_write),
	    T(test_evdev_tab_terminator),
	    T(test_evdev_gap_flush),
	    T(test_evdev_no_gap_when_disabled),
	    T(test_evdev_syn_dropped),
	    T(test_evdev_garbage_ignored),
	    T(test_evdev_flood_is_bounded),
	    T(test_evdev_longest_read),
	    T(test_evdev_short_reads),
	    T(test_evdev_small_buffer),
	    T(test_evdev_end_of_file),
	    T(test_evdev_bad_args),
	    T(test_serial_lines),
	    T(test_serial_terminator_and_unplug),
	    T(test_serial_bad_config),
	    T(test_sim_fifo),
	    T(test_sim_unplug_commands),
	    T(test_sim_not_a_fifo),
#undef T
	};

	log_set_level(LOG_LEVEL_DEBUG);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
