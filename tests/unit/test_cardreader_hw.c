// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Hardware-level test of the evdev card reader against a uinput keyboard:
 * matching by USB id through libudev, grab and decoding through libevdev,
 * unplug and replug.  Needs root and /dev/uinput; tests/hw/run.sh sets
 * PPID_HW_UINPUT=1 when they are there.
 * Without it every test skips, so `make test` runs it harmlessly.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/uinput.h>

#include "cardreader.h"
#include "log.h"

#define TEST_VENDOR  0x1209 /* pid.codes, test id */
#define TEST_PRODUCT 0x7070

static int make_keyboard(void)
{
	struct uinput_setup us;
	int fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC);

	assert_true(fd >= 0);
	assert_int_equal(ioctl(fd, UI_SET_EVBIT, EV_KEY), 0);
	assert_int_equal(ioctl(fd, UI_SET_EVBIT, EV_SYN), 0);
	for (int k = KEY_ESC; k <= KEY_KPDOT; k++)
		assert_int_equal(ioctl(fd, UI_SET_KEYBIT, k), 0);
	assert_int_equal(ioctl(fd, UI_SET_KEYBIT, KEY_KPENTER), 0);
	memset(&us, 0, sizeof(us));
	us.id.bustype = BUS_USB;
	us.id.vendor = TEST_VENDOR;
	us.id.product = TEST_PRODUCT;
	snprintf(us.name, sizeof(us.name), "ppid test card reader");
	assert_int_equal(ioctl(fd, UI_DEV_SETUP, &us), 0);
	assert_int_equal(ioctl(fd, UI_DEV_CREATE), 0);
	return fd;
}

static void emit(int fd, unsigned int type, unsigned int code, int value)
{
	struct input_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = (unsigned short)type;
	ev.code = (unsigned short)code;
	ev.value = value;
	assert_int_equal(write(fd, &ev, sizeof(ev)), (ssize_t)sizeof(ev));
}

static void key(int fd, unsigned int code, bool shift)
{
	if (shift) {
		emit(fd, EV_KEY, KEY_LEFTSHIFT, 1);
		emit(fd, EV_SYN, SYN_REPORT, 0);
	}
	emit(fd, EV_KEY, code, 1);
	emit(fd, EV_SYN, SYN_REPORT, 0);
	emit(fd, EV_KEY, code, 0);
	emit(fd, EV_SYN, SYN_REPORT, 0);
	if (shift) {
		emit(fd, EV_KEY, KEY_LEFTSHIFT, 0);
		emit(fd, EV_SYN, SYN_REPORT, 0);
	}
}

/* The kiosk's loop for up to @p ms: a read, or the state @p want. */
static int spin(struct cardreader *r, char *buf, size_t len, int ms,
		int want_state)
{
	for (int i = 0; i < ms / 10; i++) {
		struct pollfd p = {.fd = cardreader_get_fd(r),
				   .events = POLLIN};
		int t = cardreader_timeout_ms(r);
		int n;

		poll(&p, 1, t < 0 || t > 10 ? 10 : t);
		cardreader_tick(r);
		n = cardreader_read(r, buf, len);
		if (n != 0)
			return n;
		if (want_state >= 0 &&
		    (int)cardreader_get_state(r) == want_state)
			return 0;
	}
	return 0;
}

static void test_hw_uinput_reader(void **state)
{
	struct cardreader_evdev_cfg cfg = {.vendor = TEST_VENDOR,
					   .product = TEST_PRODUCT};
	char buf[CARDREADER_READ_MAX + 1], text[300];
	struct cardreader *r;
	int kbd;

	(void)state;
	if (!getenv("PPID_HW_UINPUT")) {
		print_message("# skip: needs /dev/uinput (make test-hw)\n");
		skip(); /* run by tests/hw/run.sh only */
	}
#ifndef HAVE_LIBEVDEV
	print_message("# skip: built without libevdev/libudev\n");
	skip(); /* built without libevdev/libudev: no evdev backend */
#endif
	kbd = make_keyboard();
	r = cardreader_evdev_open(&cfg);
	assert_non_null(r);
	/* udev may still be making the node: the reader waits for it. */
	spin(r, buf, sizeof(buf), 5000, CARDREADER_CONNECTED);
	print_message("%s\n", cardreader_state_text(r, text, sizeof(text)));
	assert_int_equal(cardreader_get_state(r), CARDREADER_CONNECTED);

	key(kbd, KEY_A, true);
	key(kbd, KEY_B, false);
	key(kbd, KEY_1, false);
	key(kbd, KEY_ENTER, false);
	assert_int_equal(spin(r, buf, sizeof(buf), 2000, -1), 3);
	assert_string_equal(buf, "Ab1");

	/* Unplug. */
	assert_int_equal(ioctl(kbd, UI_DEV_DESTROY), 0);
	close(kbd);
	spin(r, buf, sizeof(buf), 2000, CARDREADER_DISCONNECTED);
	print_message("%s\n", cardreader_state_text(r, text, sizeof(text)));
	assert_int_equal(cardreader_get_state(r), CARDREADER_DISCONNECTED);

	/* Replug: found again through the udev monitor (or, without udevd,
	 * the retry timer). */
	kbd = make_keyboard();
	spin(r, buf, sizeof(buf), 8000, CARDREADER_CONNECTED);
	print_message("%s\n", cardreader_state_text(r, text, sizeof(text)));
	assert_int_equal(cardreader_get_state(r), CARDREADER_CONNECTED);
	key(kbd, KEY_9, false);
	key(kbd, KEY_ENTER, false);
	assert_int_equal(spin(r, buf, sizeof(buf), 2000, -1), 1);
	assert_string_equal(buf, "9");

	cardreader_close(r);
	assert_int_equal(ioctl(kbd, UI_DEV_DESTROY), 0);
	close(kbd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_hw_uinput_reader),
	};

	log_set_level(LOG_LEVEL_DEBUG);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
