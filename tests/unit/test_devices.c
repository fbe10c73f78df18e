// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for the configuration-to-devices mapping: the driver settings each
 * key becomes, opening the sim and none backends, the texts that say why a
 * device is missing, and the poll helpers.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devices.h"
#include "log.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ppiddev.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void sim_config(struct config *cfg)
{
	config_defaults(cfg);
	cfg->reader_backend = CONFIG_READER_SIM;
	cfg->gpio_backend = CONFIG_GPIO_SIM;
	snprintf(cfg->reader_fifo, sizeof(cfg->reader_fifo), "%s/reader.fifo",
		 dir);
	snprintf(cfg->gpio_fifo, sizeof(cfg->gpio_fifo), "%s/gpio.fifo", dir);
}

static void test_evdev_cfg(void **state)
{
	struct cardreader_evdev_cfg ec;
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	devices_evdev_cfg(&cfg, &ec);
	assert_string_equal(ec.path, "/dev/input/by-id/cardreader");
	assert_int_equal(ec.terminator, CARDREADER_TERM_ENTER);
	assert_int_equal(ec.gap_ms, 200);
	assert_int_equal(ec.vendor, 0);

	/* No device: found by vendor:product. */
	cfg.reader_device[0] = '\0';
	snprintf(cfg.reader_match, sizeof(cfg.reader_match), "0c2e:0B61");
	cfg.reader_terminator = CONFIG_TERM_TAB;
	cfg.reader_gap_ms = 50;
	devices_evdev_cfg(&cfg, &ec);
	assert_null(ec.path);
	assert_int_equal(ec.vendor, 0x0c2e);
	assert_int_equal(ec.product, 0x0b61);
	assert_int_equal(ec.terminator, CARDREADER_TERM_TAB);
	assert_int_equal(ec.gap_ms, 50);

	snprintf(cfg.reader_match, sizeof(cfg.reader_match), "nonsense");
	devices_evdev_cfg(&cfg, &ec);
	assert_int_equal(ec.vendor, 0);
	assert_int_equal(ec.product, 0);
}

static void test_serial_cfg(void **state)
{
	struct cardreader_serial_cfg sc;
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	snprintf(cfg.reader_device, sizeof(cfg.reader_device), "/dev/ttyACM0");
	cfg.reader_baud = 115200;
	cfg.reader_gap_ms = 80;
	devices_serial_cfg(&cfg, &sc);
	assert_string_equal(sc.path, "/dev/ttyACM0");
	assert_int_equal(sc.baud, 115200);
	assert_int_equal(sc.gap_ms, 80);
	assert_int_equal(sc.terminator, '\0');
}

static void test_gpio_cfgs(void **state)
{
	struct gpio_button_cfg bc;
	struct gpio_output_cfg oc;
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	devices_button_cfg(&cfg, &bc);
	assert_string_equal(bc.name, "call button");
	assert_string_equal(bc.line.line_name, "GPIO17");
	assert_int_equal(bc.line.bias, GPIO_BIAS_PULL_UP);
	assert_true(bc.line.active_low);
	assert_int_equal(bc.debounce_ms, 30);
	assert_int_equal(bc.long_press_ms, 2000);

	cfg.button_bias = CONFIG_BIAS_PULL_DOWN;
	cfg.button_active_low = false;
	cfg.button_line[0] = '\0';
	snprintf(cfg.gpio_chip, sizeof(cfg.gpio_chip), "pinctrl-rp1");
	cfg.button_offset = 5;
	cfg.led_offset = 6;
	cfg.buzzer_offset = 7;
	cfg.led_active_low = true;
	devices_button_cfg(&cfg, &bc);
	assert_int_equal(bc.line.bias, GPIO_BIAS_PULL_DOWN);
	assert_false(bc.line.active_low);
	assert_string_equal(bc.line.line_name, "");
	assert_string_equal(bc.line.chip, "pinctrl-rp1");
	assert_int_equal(bc.line.offset, 5);

	devices_led_cfg(&cfg, &oc);
	assert_string_equal(oc.name, "LED");
	assert_string_equal(oc.line.line_name, "GPIO27");
	assert_string_equal(oc.line.chip, "pinctrl-rp1");
	assert_int_equal(oc.line.offset, 6);
	assert_true(oc.line.active_low);
	assert_int_equal(oc.line.bias, GPIO_BIAS_AS_IS);

	devices_buzzer_cfg(&cfg, &oc);
	assert_string_equal(oc.name, "desk buzzer");
	assert_string_equal(oc.line.line_name, "");
	assert_int_equal(oc.line.offset, 7);
	assert_false(oc.line.active_low);

	assert_int_equal(devices_bias(CONFIG_BIAS_PULL_UP), GPIO_BIAS_PULL_UP);
	assert_int_equal(devices_bias(CONFIG_BIAS_PULL_DOWN),
			 GPIO_BIAS_PULL_DOWN);
	assert_int_equal(devices_bias(CONFIG_BIAS_NONE), GPIO_BIAS_DISABLE);
}

static void test_open_none(void **state)
{
	struct config cfg;
	struct devices d;
	struct pollfd p[DEVICES_N_POLLFDS];
	char buf[256];

	(void)state;
	config_defaults(&cfg);
	cfg.reader_backend = CONFIG_READER_NONE;
	cfg.gpio_backend = CONFIG_GPIO_NONE;
	devices_open(&cfg, &d);
	assert_null(d.reader);
	assert_null(d.button);
	assert_null(d.led);
	assert_null(d.buzzer);
	assert_string_equal(devices_reader_text(&d, buf, sizeof(buf)),
			    "none configured");
	assert_string_equal(devices_button_text(&d, buf, sizeof(buf)),
			    "none configured");
	assert_string_equal(devices_led_text(&d, buf, sizeof(buf)),
			    "none configured");
	assert_string_equal(devices_buzzer_text(&d, buf, sizeof(buf)),
			    "none configured");
	devices_pollfds(&d, p);
	assert_int_equal(p[0].fd, -1);
	assert_int_equal(p[1].fd, -1);
	assert_int_equal(devices_timeout_ms(&d, -1), -1);
	assert_int_equal(devices_timeout_ms(&d, 250), 250);
	devices_tick(&d);
	devices_close(&d);
	devices_close(&d); /* harmless twice */
}

static void test_open_sim(void **state)
{
	struct config cfg;
	struct devices d;
	struct pollfd p[DEVICES_N_POLLFDS];
	struct gpio_button_event ev;
	char buf[256];
	int got = 0;

	(void)state;
	sim_config(&cfg);
	devices_open(&cfg, &d);
	assert_non_null(d.reader);
	assert_non_null(d.button);
	assert_non_null(d.led);
	assert_null(d.buzzer); /* [gpio] buzzer is empty */
	assert_non_null(
	    strstr(devices_reader_text(&d, buf, sizeof(buf)), "simulator"));
	assert_non_null(
	    strstr(devices_button_text(&d, buf, sizeof(buf)), "simulator"));
	assert_string_equal(devices_led_text(&d, buf, sizeof(buf)),
			    "LED (simulated): off");
	assert_string_equal(devices_buzzer_text(&d, buf, sizeof(buf)),
			    "none configured");

	/* A press travels the poll path the helpers set up. */
	assert_int_equal(gpio_button_sim_inject(d.button, "press"), 0);
	for (int i = 0; i < 50 && !got; i++) {
		devices_pollfds(&d, p);
		assert_true(p[0].fd >= 0);
		assert_true(p[1].fd >= 0);
		poll(p, DEVICES_N_POLLFDS, devices_timeout_ms(&d, 100));
		devices_tick(&d);
		while (gpio_button_read(d.button, &ev) > 0)
			got += ev.type == GPIO_BUTTON_PRESS;
	}
	assert_int_equal(got, 1);
	/* A blinking LED sets the timeout. */
	assert_int_equal(gpio_output_set_mode(d.led, GPIO_OUT_BLINK, 500), 0);
	assert_true(devices_timeout_ms(&d, 10000) <= 250);
	devices_close(&d);
	assert_null(d.reader);
}

static void test_sim_buzzer_when_named(void **state)
{
	struct config cfg;
	struct devices d;
	char buf[256];

	(void)state;
	sim_config(&cfg);
	snprintf(cfg.buzzer_line, sizeof(cfg.buzzer_line), "GPIO22");
	devices_open(&cfg, &d);
	assert_non_null(d.buzzer);
	assert_string_equal(devices_buzzer_text(&d, buf, sizeof(buf)),
			    "desk buzzer (simulated): off");
	devices_close(&d);
}

/* A sim reader whose FIFO path is a plain file cannot open: the text says
 * which backend and why. */
static void test_reader_unavailable_text(void **state)
{
	struct config cfg;
	struct devices d;
	char buf[256];
	FILE *f;

	(void)state;
	sim_config(&cfg);
	cfg.gpio_backend = CONFIG_GPIO_NONE;
	f = fopen(cfg.reader_fifo, "w");
	assert_non_null(f);
	fclose(f);
	devices_open(&cfg, &d);
	assert_null(d.reader);
	assert_int_equal(d.reader_errno, EEXIST);
	/* The text is kept by the devices, not read from the configuration. */
	cfg.reader_backend = CONFIG_READER_NONE;
	assert_string_equal(devices_reader_text(&d, buf, sizeof(buf)),
			    "unavailable (sim backend: File exists)");
	devices_close(&d);
}

/* gpiod backend with lines that do not exist: each device says why. */
static void test_gpiod_missing_lines(void **state)
{
	struct config cfg;
	struct devices d;
	char buf[256];

	(void)state;
	config_defaults(&cfg);
	cfg.reader_backend = CONFIG_READER_NONE;
	snprintf(cfg.button_line, sizeof(cfg.button_line), "PPID_NO_BUTTON");
	snprintf(cfg.led_line, sizeof(cfg.led_line), "PPID_NO_LED");
	snprintf(cfg.buzzer_line, sizeof(cfg.buzzer_line), "PPID_NO_BUZZ");
	devices_open(&cfg, &d);
	assert_null(d.button);
	assert_null(d.led);
	assert_null(d.buzzer);
	assert_non_null(strstr(devices_button_text(&d, buf, sizeof(buf)),
			       "call button unavailable ("));
	assert_non_null(strstr(devices_led_text(&d, buf, sizeof(buf)),
			       "LED unavailable ("));
	assert_non_null(strstr(devices_buzzer_text(&d, buf, sizeof(buf)),
			       "desk buzzer unavailable ("));
	devices_close(&d);

	/* No LED line and no chip: the LED is not configured at all. */
	cfg.led_line[0] = '\0';
	cfg.buzzer_line[0] = '\0';
	devices_open(&cfg, &d);
	assert_null(d.led);
	assert_string_equal(devices_led_text(&d, buf, sizeof(buf)),
			    "none configured");
	assert_string_equal(devices_buzzer_text(&d, buf, sizeof(buf)),
			    "none configured");
	devices_close(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_evdev_cfg),
	    cmocka_unit_test(test_serial_cfg),
	    cmocka_unit_test(test_gpio_cfgs),
	    cmocka_unit_test(test_open_none),
	    cmocka_unit_test_setup_teardown(test_open_sim, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sim_buzzer_when_named, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_reader_unavailable_text, setup,
					    teardown),
	    cmocka_unit_test(test_gpiod_missing_lines),
	};

	/* The sim outputs log each change of mode; keep the output short. */
	log_set_level(LOG_LEVEL_WARN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
