// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Hardware-level test of the libgpiod backend against a gpio-sim chip that
 * tests/hw/run.sh creates (root, CONFIG_GPIO_SIM).  Without the variables
 * it sets, every test skips, so `make test` runs it harmlessly.
 *   PPID_GPIOSIM_DIR  /sys/devices/platform/gpio-sim.N/gpiochipM
 *   PPID_GPIOSIM_BTN  name of line 0 (the button)
 *   PPID_GPIOSIM_LED  name of line 1 (the LED)
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
#include <unistd.h>

#include "gpio.h"
#include "log.h"

static const char *sim_dir;
static const char *btn_name;
static const char *led_name;

static int setup(void **state)
{
	(void)state;
	sim_dir = getenv("PPID_GPIOSIM_DIR");
	btn_name = getenv("PPID_GPIOSIM_BTN");
	led_name = getenv("PPID_GPIOSIM_LED");
	return 0;
}

static void need_sim(void)
{
	if (!sim_dir || !btn_name || !led_name) {
		print_message("# skip: needs gpio-sim lines (make test-hw)\n");
		skip(); /* run by tests/hw/run.sh only */
	}
}

/* Pull the simulated line: what a finger on the button does. */
static void pull(unsigned int offset, const char *how)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/sim_gpio%u/pull", sim_dir, offset);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, how, strlen(how)), (ssize_t)strlen(how));
	close(fd);
}

static int sim_value(unsigned int offset)
{
	char path[256], buf[8] = "";
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/sim_gpio%u/value", sim_dir, offset);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	assert_true(n > 0);
	return buf[0] == '1';
}

/* The kiosk's loop, until an event or the deadlines run out (2 s). */
static int wait_event(struct gpio_button *b, struct gpio_button_event *ev)
{
	for (int i = 0; i < 200; i++) {
		struct pollfd p = {.fd = gpio_button_get_fd(b),
				   .events = POLLIN};
		int t = gpio_button_timeout_ms(b);
		int n;

		poll(&p, 1, t < 0 || t > 10 ? 10 : t);
		gpio_button_tick(b);
		n = gpio_button_read(b, ev);
		if (n != 0)
			return n;
	}
	return 0;
}

static void test_hw_button(void **state)
{
	struct gpio_button_cfg cfg = {
	    .line = {.bias = GPIO_BIAS_PULL_UP, .active_low = true},
	    .long_press_ms = -1,
	};
	struct gpio_button_event ev;
	struct gpio_button *b, *b2;
	char why[GPIO_WHY_LEN], text[200];

	(void)state;
	need_sim();
	cfg.line.line_name = btn_name;
	b = gpio_button_gpiod_open(&cfg, why, sizeof(why));
	assert_non_null(b);
	gpio_button_state_text(b, text, sizeof(text));
	print_message("%s\n", text);
	assert_int_equal(gpio_button_get_level(b), 0);

	/* Press: the line goes low (active-low: logical 1). */
	pull(0, "pull-down");
	assert_int_equal(wait_event(b, &ev), 1);
	assert_int_equal(ev.type, GPIO_BUTTON_PRESS);
	pull(0, "pull-up");
	assert_int_equal(wait_event(b, &ev), 1);
	assert_int_equal(ev.type, GPIO_BUTTON_RELEASE);

	/* Bounce, then settle pressed: exactly one PRESS. */
	for (int i = 0; i < 5; i++) {
		pull(0, "pull-down");
		pull(0, "pull-up");
	}
	pull(0, "pull-down");
	assert_int_equal(wait_event(b, &ev), 1);
	assert_int_equal(ev.type, GPIO_BUTTON_PRESS);
	assert_int_equal(wait_event(b, &ev), 0);
	pull(0, "pull-up");
	assert_int_equal(wait_event(b, &ev), 1);
	assert_int_equal(ev.type, GPIO_BUTTON_RELEASE);

	/* The line is ours: a second request is refused, and says so. */
	errno = 0;
	b2 = gpio_button_gpiod_open(&cfg, why, sizeof(why));
	assert_null(b2);
	assert_int_equal(errno, EBUSY);
	print_message("%s\n", why);
	assert_non_null(strstr(why, "is in use by \"ppid-kiosk\""));
	gpio_button_close(b);

	cfg.line.line_name = "ppid-no-such-line";
	assert_null(gpio_button_gpiod_open(&cfg, why, sizeof(why)));
	assert_string_equal(why, "call button unavailable (no GPIO line named "
				 "ppid-no-such-line)");
}

static void test_hw_led(void **state)
{
	struct gpio_output_cfg cfg = {.name = "LED"};
	struct gpio_output *o;

	(void)state;
	need_sim();
	cfg.line.line_name = led_name;
	o = gpio_output_gpiod_open(&cfg, NULL, 0);
	assert_non_null(o);
	assert_int_equal(sim_value(1), 0);
	assert_int_equal(gpio_output_set_mode(o, GPIO_OUT_ON, 0), 0);
	assert_int_equal(sim_value(1), 1);
	assert_int_equal(gpio_output_set_mode(o, GPIO_OUT_PULSE, 5), 0);
	while (gpio_output_timeout_ms(o) > 0)
		poll(NULL, 0, 1);
	assert_int_equal(gpio_output_tick(o), 0);
	assert_int_equal(sim_value(1), 0);
	assert_int_equal(gpio_output_set_mode(o, GPIO_OUT_ON, 0), 0);
	gpio_output_close(o);
	assert_int_equal(sim_value(1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_hw_button),
	    cmocka_unit_test(test_hw_led),
	};

	log_set_level(LOG_LEVEL_DEBUG);
	return cmocka_run_group_tests(tests, setup, NULL);
}
