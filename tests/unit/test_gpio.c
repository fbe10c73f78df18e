// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for gpio: the libgpiod backend linked against fake gpiod_*
 * functions (-Wl,--wrap, see test_gpio.mk) that replay scripted bouncy
 * edges through a pipe used as the line's event fd, and fail on demand;
 * the sim backend end to end through its FIFO; the output mode machine.
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
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "gpio.h"
#include "log.h"

/* Poll like the kiosk's loop until @p done or 2 s pass. */
static int button_wait(struct gpio_button *b, struct gpio_button_event *ev)
{
	for (int i = 0; i < 400; i++) {
		struct pollfd p = {.fd = gpio_button_get_fd(b),
				   .events = POLLIN};
		int t = gpio_button_timeout_ms(b);
		int n;

		poll(&p, 1, t < 0 || t > 5 ? 5 : t);
		gpio_button_tick(b);
		n = gpio_button_read(b, ev);
		if (n != 0)
			return n;
	}
	return 0;
}

#ifdef HAVE_LIBGPIOD
#include <gpiod.h>

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the fake libgpiod ------------------------------------------------------ */

/* Completes the opaque types for this file only: the real library never
 * sees these objects, every call that would is wrapped below. */
struct gpiod_chip {
	const char *name;  /* "gpiochip0" */
	const char *label; /* "pinctrl-bcm2711" */
	int opened;	   /* open handles */
};

struct gpiod_line {
	struct gpiod_chip *chip;	      /* owner */
	unsigned int offset;		      /* on the chip */
	const char *name;		      /* "GPIO17" */
	const char *consumer;		      /* who holds it (for EBUSY) */
	bool requested;			      /* by us */
	struct gpiod_line_request_config cfg; /* last request */
	int default_val;		      /* of the last request */
	int value;			      /* logical level */
	int ev_rd;	 /* event pipe, read end (the "event fd") */
	int ev_wr;	 /* event pipe, write end (the script) */
	int n_set;	 /* set_value calls */
	int set_log[64]; /* their values */
};

static struct gpiod_chip chip0;
static struct gpiod_line lines[2];
static int request_errno;   /* make gpiod_line_request fail */
static int read_errno;	    /* make gpiod_line_event_read_multiple fail */
static int read_calls;	    /* gpiod_line_event_read_multiple calls */
static int get_value_errno; /* make gpiod_line_get_value fail */

struct gpiod_line *__wrap_gpiod_line_find(const char *name);
struct gpiod_chip *__wrap_gpiod_line_get_chip(struct gpiod_line *line);
struct gpiod_chip *__wrap_gpiod_chip_open_by_label(const char *label);
struct gpiod_chip *__wrap_gpiod_chip_open_by_name(const char *name);
struct gpiod_line *__wrap_gpiod_chip_get_line(struct gpiod_chip *chip,
					      unsigned int offset);
void __wrap_gpiod_chip_close(struct gpiod_chip *chip);
const char *__wrap_gpiod_chip_name(struct gpiod_chip *chip);
const char *__wrap_gpiod_line_name(struct gpiod_line *line);
unsigned int __wrap_gpiod_line_offset(struct gpiod_line *line);
const char *__wrap_gpiod_line_consumer(struct gpiod_line *line);
int __wrap_gpiod_line_request(struct gpiod_line *line,
			      const struct gpiod_line_request_config *config,
			      int default_val);
int __wrap_gpiod_line_event_get_fd(struct gpiod_line *line);
int __wrap_gpiod_line_event_read_multiple(struct gpiod_line *line,
					  struct gpiod_line_event *events,
					  unsigned int num_events);
int __wrap_gpiod_line_get_value(struct gpiod_line *line);
int __wrap_gpiod_line_set_value(struct gpiod_line *line, int value);

struct gpiod_line *__wrap_gpiod_line_find(const char *name)
{
	for (size_t i = 0; i < 2; i++) {
		if (!strcmp(lines[i].name, name)) {
			chip0.opened++;
			return &lines[i];
		}
	}
	errno = ENOENT;
	return NULL;
}

struct gpiod_chip *__wrap_gpiod_line_get_chip(struct gpiod_line *line)
{
	return line->chip;
}

struct gpiod_chip *__wrap_gpiod_chip_open_by_label(const char *label)
{
	if (strcmp(label, chip0.label) != 0) {
		errno = ENOENT;
		return NULL;
	}
	chip0.opened++;
	return &chip0;
}

struct gpiod_chip *__wrap_gpiod_chip_open_by_name(const char *name)
{
	if (strcmp(name, chip0.name) != 0) {
		errno = ENOENT;
		return NULL;
	}
	chip0.opened++;
	return &chip0;
}

struct gpiod_line *__wrap_gpiod_chip_get_line(struct gpiod_chip *chip,
					      unsigned int offset)
{
	assert_ptr_equal(chip, &chip0);
	for (size_t i = 0; i < 2; i++)
		if (lines[i].offset == offset)
			return &lines[i];
	errno = EINVAL;
	return NULL;
}

void __wrap_gpiod_chip_close(struct gpiod_chip *chip)
{
	assert_ptr_equal(chip, &chip0);
	assert_true(chip0.opened > 0);
	chip0.opened--;
	/* Closing the chip releases its requested lines. */
	for (size_t i = 0; i < 2; i++) {
		if (!lines[i].requested)
			continue;
		lines[i].requested = false;
		if (lines[i].ev_rd >= 0)
			close(lines[i].ev_rd);
		lines[i].ev_rd = -1;
	}
}

const char *__wrap_gpiod_chip_name(struct gpiod_chip *chip)
{
	return chip->name;
}

const char *__wrap_gpiod_line_name(struct gpiod_line *line)
{
	return line->name;
}

unsigned int __wrap_gpiod_line_offset(struct gpiod_line *line)
{
	return line->offset;
}

const char *__wrap_gpiod_line_consumer(struct gpiod_line *line)
{
	return line->consumer;
}

int __wrap_gpiod_line_request(struct gpiod_line *line,
			      const struct gpiod_line_request_config *config,
			      int default_val)
{
	int p[2];

	if (request_errno) {
		errno = request_errno;
		return -1;
	}
	assert_false(line->requested);
	line->requested = true;
	line->cfg = *config;
	line->default_val = default_val;
	if (config->request_type == GPIOD_LINE_REQUEST_EVENT_BOTH_EDGES) {
		assert_int_equal(pipe2(p, O_CLOEXEC), 0);
		line->ev_rd = p[0];
		line->ev_wr = p[1];
	} else {
		line->value = default_val;
	}
	return 0;
}

int __wrap_gpiod_line_event_get_fd(struct gpiod_line *line)
{
	return line->ev_rd;
}

int __wrap_gpiod_line_event_read_multiple(struct gpiod_line *line,
					  struct gpiod_line_event *events,
					  unsigned int num_events)
{
	ssize_t n;

	read_calls++;
	assert_true(num_events >= 1 && num_events <= 16);
	if (read_errno) {
		errno = read_errno;
		return -1;
	}
	/* libgpiod does one read(); the driver made the fd non-blocking. */
	n = read(line->ev_rd, events, num_events * sizeof(*events));
	if (n < 0)
		return -1;
	assert_int_equal(n % (ssize_t)sizeof(*events), 0);
	return (int)(n / (ssize_t)sizeof(*events));
}

int __wrap_gpiod_line_get_value(struct gpiod_line *line)
{
	if (get_value_errno) {
		errno = get_value_errno;
		return -1;
	}
	return line->value;
}

int __wrap_gpiod_line_set_value(struct gpiod_line *line, int value)
{
	assert_true(line->requested);
	assert_true(line->n_set < 64);
	line->set_log[line->n_set++] = value;
	line->value = value;
	return 0;
}

/* ---- scripting edges --------------------------------------------------------- */

struct edge {
	int64_t dt; /* ms relative to the script's base time */
	int level;  /* after the edge (logical) */
};

/* Queue edges as the kernel would; the line ends at the last level. */
static void script(struct gpiod_line *line, int64_t base, const struct edge *e,
		   size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct gpiod_line_event ev;
		int64_t t = base + e[i].dt;

		memset(&ev, 0, sizeof(ev));
		ev.ts.tv_sec = (time_t)(t / 1000);
		ev.ts.tv_nsec = (long)(t % 1000) * 1000000;
		ev.event_type = e[i].level ? GPIOD_LINE_EVENT_RISING_EDGE
					   : GPIOD_LINE_EVENT_FALLING_EDGE;
		assert_int_equal(write(line->ev_wr, &ev, sizeof(ev)),
				 (ssize_t)sizeof(ev));
		line->value = e[i].level;
	}
}

static int pending_bytes(int fd)
{
	int n = -1;

	assert_int_equal(ioctl(fd, FIONREAD, &n), 0);
	return n;
}

static int gpiod_setup(void **state)
{
	(void)state;
	memset(&chip0, 0, sizeof(chip0));
	chip0.name = "gpiochip0";
	chip0.label = "pinctrl-bcm2711";
	memset(lines, 0, sizeof(lines));
	lines[0].chip = &chip0;
	lines[0].offset = 17;
	lines[0].name = "GPIO17";
	lines[1].chip = &chip0;
	lines[1].offset = 27;
	lines[1].name = "GPIO27";
	for (size_t i = 0; i < 2; i++)
		lines[i].ev_rd = lines[i].ev_wr = -1;
	request_errno = 0;
	read_errno = 0;
	read_calls = 0;
	get_value_errno = 0;
	return 0;
}

static int gpiod_teardown(void **state)
{
	(void)state;
	/* Every chip handle opened was closed. */
	assert_int_equal(chip0.opened, 0);
	for (size_t i = 0; i < 2; i++) {
		if (lines[i].ev_wr >= 0)
			close(lines[i].ev_wr);
		assert_int_equal(lines[i].ev_rd, -1);
	}
	return 0;
}

static const struct gpio_button_cfg button_cfg = {
    .line = {.line_name = "GPIO17",
	     .bias = GPIO_BIAS_PULL_UP,
	     .active_low = true},
};

/* ---- libgpiod backend: button ------------------------------------------------ */

static void test_button_request(void **state)
{
	struct gpio_button *b;
	char why[GPIO_WHY_LEN] = "", text[200];

	(void)state;
	b = gpio_button_gpiod_open(&button_cfg, why, sizeof(why));
	assert_non_null(b);
	assert_string_equal(why, "");
	assert_true(lines[0].requested);
	assert_int_equal(lines[0].cfg.request_type,
			 GPIOD_LINE_REQUEST_EVENT_BOTH_EDGES);
	assert_int_equal(lines[0].cfg.flags,
			 GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP |
			     GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW);
	assert_string_equal(lines[0].cfg.consumer, "ppid-kiosk");
	assert_int_equal(gpio_button_get_fd(b), lines[0].ev_rd);
	/* The driver made the event fd non-blocking for draining. */
	assert_true(fcntl(lines[0].ev_rd, F_GETFL) & O_NONBLOCK);
	assert_int_equal(gpio_button_get_level(b), 0);
	assert_int_equal(gpio_button_timeout_ms(b), -1);
	assert_string_equal(gpio_button_state_text(b, text, sizeof(text)),
			    "call button ready on GPIO17 (gpiochip0 line 17, "
			    "pull-up, active-low): released, line high");
	gpio_button_close(b);
	assert_false(lines[0].requested);
	gpio_button_close(NULL);
}

static void test_button_by_chip_and_offset(void **state)
{
	struct gpio_button_cfg cfg = {
	    .name = "help button",
	    .line = {.chip = "pinctrl-bcm2711",
		     .offset = 17,
		     .bias = GPIO_BIAS_PULL_DOWN,
		     .consumer = "test"},
	};
	struct gpio_button *b;
	char text[200];

	(void)state;
	b = gpio_button_gpiod_open(&cfg, NULL, 0);
	assert_non_null(b);
	assert_int_equal(lines[0].cfg.flags,
			 GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN);
	assert_string_equal(lines[0].cfg.consumer, "test");
	gpio_button_state_text(b, text, sizeof(text));
	assert_string_equal(text, "help button ready on GPIO17 (gpiochip0 "
				  "line 17, pull-down): released, line low");
	gpio_button_close(b);

	/* A chip name works where a label does not match. */
	cfg.line.chip = "gpiochip0";
	cfg.line.bias = GPIO_BIAS_DISABLE;
	b = gpio_button_gpiod_open(&cfg, NULL, 0);
	assert_non_null(b);
	assert_int_equal(lines[0].cfg.flags,
			 GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE);
	gpio_button_close(b);
}

static void test_button_bouncy_script_drained(void **state)
{
	/* A bouncy press, a glitch while held, a bouncy release, then a
	 * flood of short glitches: 40 edges, more than the kernel's 16. */
	static const struct edge edges[] = {
	    {0, 1},   {2, 0},	{4, 1},	  {7, 0},   {9, 1},   {300, 0},
	    {305, 1}, {600, 0}, {601, 1}, {603, 0}, {604, 1}, {606, 0},
	};
	struct gpio_button_event ev;
	struct gpio_button *b;
	int64_t base = now_ms() - 1000;
	struct edge glitch[28];

	(void)state;
	b = gpio_button_gpiod_open(&button_cfg, NULL, 0);
	assert_non_null(b);
	for (int i = 0; i < 28; i++) {
		glitch[i].dt = 700 + i;
		glitch[i].level = !(i & 1);
	}
	script(&lines[0], base, edges, sizeof(edges) / sizeof(edges[0]));
	script(&lines[0], base, glitch, 28);

	/* One wake-up drains all 40 events: 16 + 16 + 8. */
	assert_int_equal(gpio_button_read(b, &ev), 1);
	assert_int_equal(read_calls, 3);
	assert_int_equal(pending_bytes(lines[0].ev_rd), 0);
	assert_int_equal(ev.type, GPIO_BUTTON_PRESS);
	assert_int_equal(ev.time_ms, base + 39);
	assert_int_equal(gpio_button_read(b, &ev), 1);
	assert_int_equal(ev.type, GPIO_BUTTON_RELEASE);
	assert_int_equal(ev.time_ms, base + 636);
	assert_int_equal(gpio_button_read(b, &ev), 0);
	assert_int_equal(gpio_button_get_level(b), 0);
	assert_int_equal(gpio_button_timeout_ms(b), -1);
	gpio_button_close(b);
}

static void test_button_deadline_from_poll_timeout(void **state)
{
	static const struct edge press[] = {{0, 1}};
	struct gpio_button_event ev;
	struct gpio_button *b;
	int t;

	(void)state;
	b = gpio_button_gpiod_open(&button_cfg, NULL, 0);
	assert_non_null(b);
	script(&lines[0], now_ms(), press, 1);
	/* Not stable yet: nothing, and a deadline within 30 ms. */
	assert_int_equal(gpio_button_read(b, &ev), 0);
	t = gpio_button_timeout_ms(b);
	assert_true(t >= 0 && t <= 30);
	assert_int_equal(button_wait(b, &ev), 1);
	assert_int_equal(ev.type, GPIO_BUTTON_PRESS);
	assert_int_equal(gpio_button_get_level(b), 1);
	/* Pressed: the next deadline is the long press. */
	assert_true(gpio_button_timeout_ms(b) > 30);
	gpio_button_close(b);
}

static void test_button_wrong_edge_type(void **state)
{
	static const struct edge rising[] = {{0, 1}};
	struct gpio_button_event ev;
	struct gpio_button *b;

	(void)state;
	b = gpio_button_gpiod_open(&button_cfg, NULL, 0);
	assert_non_null(b);
	/* The kernel just said RISING, but the line reads low: no press. */
	script(&lines[0], now_ms(), rising, 1);
	lines[0].value = 0;
	assert_int_equal(gpio_button_read(b, &ev), 0);
	assert_int_equal(gpio_button_timeout_ms(b), -1);
	assert_int_equal(gpio_button_get_level(b), 0);
	gpio_button_close(b);
}

static void test_button_long_press(void **state)
{
	static const struct edge hold[] = {{0, 1}};
	struct gpio_button_cfg cfg = button_cfg;
	struct gpio_button_event ev;
	struct gpio_button *b;
	int64_t base = now_ms() - 500;

	(void)state;
	cfg.long_press_ms = 200;
	b = gpio_button_gpiod_open(&cfg, NULL, 0);
	assert_non_null(b);
	script(&lines[0], base, hold, 1);
	assert_int_equal(gpio_button_read(b, &ev), 1);
	assert_int_equal(ev.type, GPIO_BUTTON_PRESS);
	assert_int_equal(ev.time_ms, base + 30);
	assert_int_equal(gpio_button_read(b, &ev), 1);
	assert_int_equal(ev.type, GPIO_BUTTON_LONG_PRESS);
	assert_int_equal(ev.time_ms, base + 200);
	assert_int_equal(gpio_button_read(b, &ev), 0);
	gpio_button_close(b);
}

static void test_button_unavailable(void **state)
{
	struct gpio_button_cfg cfg = button_cfg;
	char why[GPIO_WHY_LEN];

	(void)state;
	cfg.line.line_name = "GPIO99";
	errno = 0;
	assert_null(gpio_button_gpiod_open(&cfg, why, sizeof(why)));
	assert_int_equal(errno, ENOENT);
	assert_string_equal(
	    why, "call button unavailable (no GPIO line named GPIO99)");

	cfg.line.line_name = NULL;
	cfg.line.chip = "pinctrl-rp1";
	errno = 0;
	assert_null(gpio_button_gpiod_open(&cfg, why, sizeof(why)));
	assert_int_equal(errno, ENOENT);
	assert_string_equal(why, "call button unavailable (no GPIO chip "
				 "labelled or named pinctrl-rp1)");

	cfg.line.chip = "gpiochip0";
	cfg.line.offset = 99;
	assert_null(gpio_button_gpiod_open(&cfg, why, sizeof(why)));
	assert_string_equal(why, "call button unavailable (GPIO chip "
				 "gpiochip0 has no line 99)");

	cfg.line.chip = NULL;
	errno = 0;
	assert_null(gpio_button_gpiod_open(&cfg, why, sizeof(why)));
	assert_int_equal(errno, EINVAL);
	assert_string_equal(
	    why, "call button unavailable (no GPIO line configured)");

	/* Another program holds the line. */
	request_errno = EBUSY;
	lines[0].consumer = "gpio-keys";
	errno = 0;
	assert_null(gpio_button_gpiod_open(&button_cfg, why, sizeof(why)));
	assert_int_equal(errno, EBUSY);
	assert_string_equal(why, "call button unavailable (GPIO17 is in use "
				 "by \"gpio-keys\")");
	lines[0].consumer = NULL;
	assert_null(gpio_button_gpiod_open(&button_cfg, why, sizeof(why)));
	assert_string_equal(why, "call button unavailable (GPIO17 is in use "
				 "by another program)");

	request_errno = EACCES;
	errno = 0;
	assert_null(gpio_button_gpiod_open(&button_cfg, why, 20));
	assert_int_equal(errno, EACCES);
	assert_int_equal(strlen(why), 19); /* truncated, terminated */
	assert_null(gpio_button_gpiod_open(NULL, NULL, 0));
}

static void test_button_runtime_failure(void **state)
{
	struct gpio_button_event ev;
	struct gpio_button *b;
	char text[200];

	(void)state;
	get_value_errno = EIO; /* initial level unknown: released */
	b = gpio_button_gpiod_open(&button_cfg, NULL, 0);
	assert_non_null(b);
	get_value_errno = 0;
	read_errno = ENODEV;
	errno = 0;
	assert_int_equal(gpio_button_read(b, &ev), -1);
	assert_int_equal(errno, ENODEV);
	assert_int_equal(gpio_button_get_fd(b), -1);
	assert_int_equal(gpio_button_timeout_ms(b), -1);
	assert_int_equal(gpio_button_read(b, &ev), 0);
	gpio_button_tick(b);
	gpio_button_state_text(b, text, sizeof(text));
	assert_string_equal(text, "call button failed on GPIO17 (gpiochip0 "
				  "line 17, pull-up, active-low): No such "
				  "device");
	gpio_button_close(b);
}

/* ---- libgpiod backend: outputs ----------------------------------------------- */

static const struct gpio_output_cfg led_cfg = {
    .name = "LED",
    .line = {.line_name = "GPIO27"},
};

static void test_output_modes(void **state)
{
	struct gpio_output *o;
	char text[200];
	int n;

	(void)state;
	o = gpio_output_gpiod_open(&led_cfg, NULL, 0);
	assert_non_null(o);
	assert_int_equal(lines[1].cfg.request_type,
			 GPIOD_LINE_REQUEST_DIRECTION_OUTPUT);
	assert_int_equal(lines[1].cfg.flags, 0);
	assert_int_equal(lines[1].default_val, 0); /* off from the start */
	assert_int_equal(gpio_output_timeout_ms(o), -1);

	assert_int_equal(gpio_output_set_mode(o, GPIO_OUT_ON, 0), 0);
	assert_int_equal(lines[1].value, 1);
	assert_int_equal(gpio_output_get_value(o), 1);
	assert_int_equal(gpio_output_timeout_ms(o), -1);
	gpio_output_state_text(o, text, sizeof(text));
	assert_string_equal(text, "LED on GPIO27 (gpiochip0 line 27): on");

	/* Blink: the caller's timer toggles it. */
	assert_int_equal(gpio_output_set_mode(o, GPIO_OUT_BLINK, 20), 0);
	assert_int_equal(lines[1].value, 1);
	n = lines[1].n_set;
	/* Asking again does not restart the rhythm. */
	assert_int_equal(gpio_output_set_mode(o, GPIO_OUT_BLINK, 20), 0);
	assert_int_equal(lines[1].n_set, n);
	gpio_output_state_text(o, text, sizeof(text));
	assert_string_equal(text, "LED on GPIO27 (gpiochip0 line 27): "
				  "blinking 20 ms");
	for (int want = 0; want < 2; want++) { /* off, then on again */
		int t = gpio_output_timeout_ms(o);

		assert_true(t >= 0 && t <= 10);
		poll(NULL, 0, t);
		while (gpio_output_timeout_ms(o) > 0)
			poll(NULL, 0, 1);
		assert_int_equal(gpio_output_tick(o), 0);
		assert_int_equal(lines[1].value, want);
	}
	assert_int_equal(gpio_output_get_mode(o), GPIO_OUT_BLINK);

	/* A beep: on, then off by itself. */
	assert_int_equal(gpio_output_set_mode(o, GPIO_OUT_PULSE, 5), 0);
	assert_int_equal(lines[1].value, 1);
	while (gpio_output_timeout_ms(o) > 0)
		poll(NULL, 0, 1);
	assert_int_equal(gpio_output_tick(o), 0);
	assert_int_equal(lines[1].value, 0);
	assert_int_equal(gpio_output_get_mode(o), GPIO_OUT_OFF);
	assert_int_equal(gpio_output_timeout_ms(o), -1);

	/* Closing leaves the line off. */
	assert_int_equal(gpio_output_set_mode(o, GPIO_OUT_ON, 0), 0);
	n = lines[1].n_set;
	gpio_output_close(o);
	assert_int_equal(lines[1].n_set, n + 1);
	assert_int_equal(lines[1].set_log[n], 0);
	assert_false(lines[1].requested);
	gpio_output_close(NULL);
}

static void test_output_active_low_and_unavailable(void **state)
{
	struct gpio_output_cfg cfg = led_cfg;
	struct gpio_output *o;
	char why[GPIO_WHY_LEN];

	(void)state;
	cfg.name = "desk buzzer";
	cfg.line.active_low = true;
	o = gpio_output_gpiod_open(&cfg, NULL, 0);
	assert_non_null(o);
	assert_int_equal(lines[1].cfg.flags,
			 GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW);
	gpio_output_close(o);

	request_errno = EBUSY;
	lines[1].consumer = "leds-gpio";
	errno = 0;
	assert_null(gpio_output_gpiod_open(&cfg, why, sizeof(why)));
	assert_int_equal(errno, EBUSY);
	assert_string_equal(why, "desk buzzer unavailable (GPIO27 is in use "
				 "by \"leds-gpio\")");
	request_errno = 0;
	cfg.line.line_name = "GPIO5";
	assert_null(gpio_output_gpiod_open(&cfg, why, sizeof(why)));
	assert_string_equal(
	    why, "desk buzzer unavailable (no GPIO line named GPIO5)");
}
#else  /* !HAVE_LIBGPIOD */

static void test_built_without_libgpiod(void **state)
{
	struct gpio_button_cfg bcfg = {.line = {.line_name = "GPIO17"}};
	struct gpio_output_cfg ocfg = {.name = "LED"};
	char why[GPIO_WHY_LEN];

	(void)state;
	errno = 0;
	assert_null(gpio_button_gpiod_open(&bcfg, why, sizeof(why)));
	assert_int_equal(errno, ENOSYS);
	assert_string_equal(why, "call button unavailable (this program was "
				 "built without libgpiod)");
	assert_null(gpio_output_gpiod_open(&ocfg, why, sizeof(why)));
	assert_string_equal(why, "LED unavailable (this program was built "
				 "without libgpiod)");
}
#endif /* HAVE_LIBGPIOD */

/* ---- sim backend ----------------------------------------------------------- */

static char sim_dir[64];
static char sim_fifo[128];

static int sim_setup(void **state)
{
	(void)state;
	snprintf(sim_dir, sizeof(sim_dir), "/tmp/ppid-test-gpio-XXXXXX");
	assert_non_null(mkdtemp(sim_dir));
	snprintf(sim_fifo, sizeof(sim_fifo), "%s/button", sim_dir);
	return 0;
}

static int sim_teardown(void **state)
{
	(void)state;
	unlink(sim_fifo);
	rmdir(sim_dir);
	return 0;
}

static void expect_event(struct gpio_button *b,
			 enum gpio_button_event_type type)
{
	struct gpio_button_event ev;

	assert_int_equal(button_wait(b, &ev), 1);
	assert_int_equal(ev.type, type);
}

static void test_sim_button_fifo(void **state)
{
	struct gpio_button_event ev;
	struct gpio_button *b;
	struct pollfd p;
	struct stat st;
	char text[200];
	int w;

	(void)state;
	b = gpio_button_sim_open(NULL, sim_fifo, NULL, 0);
	assert_non_null(b);
	assert_int_equal(stat(sim_fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));

	/* What `echo press > FIFO; echo release > FIFO` does. */
	w = open(sim_fifo, O_WRONLY | O_CLOEXEC);
	assert_true(w >= 0);
	assert_int_equal(write(w, "press\n", 6), 6);
	close(w);
	p.fd = gpio_button_get_fd(b);
	p.events = POLLIN;
	assert_int_equal(poll(&p, 1, 2000), 1);
	assert_int_equal(gpio_button_read(b, &ev), 1);
	assert_int_equal(ev.type, GPIO_BUTTON_PRESS);
	assert_int_equal(gpio_button_get_level(b), 1);
	gpio_button_state_text(b, text, sizeof(text));
	assert_non_null(strstr(text, "call button simulator ready"));
	assert_non_null(strstr(text, "pressed"));
	/* The writer is gone, but no hang-up spins the loop. */
	assert_int_equal(poll(&p, 1, 0), 0);
	assert_int_equal(gpio_button_read(b, &ev), 0);

	w = open(sim_fifo, O_WRONLY | O_CLOEXEC);
	assert_true(w >= 0);
	assert_int_equal(write(w, "rel", 3), 3); /* a line in two writes */
	assert_int_equal(poll(&p, 1, 2000), 1);
	assert_int_equal(gpio_button_read(b, &ev), 0);
	assert_int_equal(write(w, "ease\r\nbogus\n\nlong\n", 18), 18);
	close(w);
	expect_event(b, GPIO_BUTTON_RELEASE);
	expect_event(b, GPIO_BUTTON_PRESS);
	expect_event(b, GPIO_BUTTON_LONG_PRESS);
	expect_event(b, GPIO_BUTTON_RELEASE);
	assert_int_equal(gpio_button_read(b, &ev), 0);
	assert_int_equal(gpio_button_timeout_ms(b), -1);

	/* Injected commands take the same path. */
	assert_int_equal(gpio_button_sim_inject(b, "click"), 0);
	expect_event(b, GPIO_BUTTON_PRESS);
	assert_int_equal(gpio_button_timeout_ms(b), 0);
	expect_event(b, GPIO_BUTTON_RELEASE);
	errno = 0;
	assert_int_equal(gpio_button_sim_inject(b, "explode"), -1);
	assert_int_equal(errno, EINVAL);
	/* Repeated states give no duplicate events. */
	assert_int_equal(gpio_button_sim_inject(b, "release"), 0);
	assert_int_equal(gpio_button_sim_inject(b, "press"), 0);
	assert_int_equal(gpio_button_sim_inject(b, "press"), 0);
	expect_event(b, GPIO_BUTTON_PRESS);
	assert_int_equal(gpio_button_read(b, &ev), 0);
	gpio_button_close(b);
}

static void test_sim_button_bad_path(void **state)
{
	char why[GPIO_WHY_LEN];
	int fd;

	(void)state;
	errno = 0;
	assert_null(gpio_button_sim_open(NULL, "/nonexistent/dir/button", why,
					 sizeof(why)));
	assert_int_equal(errno, ENOENT);
	assert_string_equal(why, "call button unavailable (cannot make FIFO "
				 "/nonexistent/dir/button: No such file or "
				 "directory)");
	fd = open(sim_fifo, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	assert_true(fd >= 0);
	close(fd);
	errno = 0;
	assert_null(gpio_button_sim_open("bell", sim_fifo, why, sizeof(why)));
	assert_int_equal(errno, EEXIST);
	assert_non_null(strstr(why, "bell unavailable ("));
	assert_non_null(strstr(why, "is not a FIFO)"));
}

static void test_sim_outputs(void **state)
{
	struct gpio_output *led = gpio_output_sim_open("LED");
	struct gpio_output *buzzer = gpio_output_sim_open("desk buzzer");
	char text[200];

	(void)state;
	assert_non_null(led);
	assert_non_null(buzzer);
	assert_int_equal(gpio_output_get_value(led), 0);
	assert_int_equal(gpio_output_set_mode(led, GPIO_OUT_BLINK, 0), 0);
	gpio_output_state_text(led, text, sizeof(text));
	assert_string_equal(text, "LED (simulated): blinking 1000 ms");
	assert_int_equal(gpio_output_get_value(led), 1);
	assert_true(gpio_output_timeout_ms(led) > 0);
	assert_int_equal(gpio_output_set_mode(led, GPIO_OUT_OFF, 0), 0);
	assert_int_equal(gpio_output_get_value(led), 0);
	assert_int_equal(gpio_output_timeout_ms(led), -1);
	assert_int_equal(gpio_output_set_mode(buzzer, GPIO_OUT_PULSE, 0), 0);
	gpio_output_state_text(buzzer, text, sizeof(text));
	assert_string_equal(text, "desk buzzer (simulated): on for 200 ms");
	assert_int_equal(gpio_output_tick(buzzer), 0); /* not due yet */
	assert_int_equal(gpio_output_get_value(buzzer), 1);
	gpio_output_close(led);
	gpio_output_close(buzzer);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#ifdef HAVE_LIBGPIOD
#define T(f) cmocka_unit_test_setup_teardown(f, gpiod_setup, gpiod_teardown)
	    T(test_button_request),
	    T(test_button_by_chip_and_offset),
	    T(test_button_bouncy_script_drained),
	    T(test_button_deadline_from_poll_timeout),
	    T(test_button_wrong_edge_type),
	    T(test_button_long_press),
	    T(test_button_unavailable),
	    T(test_button_runtime_failure),
	    T(test_output_modes),
	    T(test_output_active_low_and_unavailable),
#undef T
#else
	    cmocka_unit_test(test_built_without_libgpiod),
#endif
#define T(f) cmocka_unit_test_setup_teardown(f, sim_setup, sim_teardown)
	    T(test_sim_button_fifo),
	    T(test_sim_button_bad_path),
	    T(test_sim_outputs),
#undef T
	};

	log_set_level(LOG_LEVEL_DEBUG);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
