// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Configuration to driver settings, and the devices opened from them.  The
 * driver headers are plain C; the backends behind them (libgpiod, evdev,
 * termios) stay in drivers/.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "devices.h"

void devices_evdev_cfg(const struct config *cfg,
		       struct cardreader_evdev_cfg *out)
{
	unsigned v = 0, p = 0;

	memset(out, 0, sizeof(*out));
	out->path = *cfg->reader_device ? cfg->reader_device : NULL;
	out->terminator = cfg->reader_terminator == CONFIG_TERM_TAB
			      ? CARDREADER_TERM_TAB
			      : CARDREADER_TERM_ENTER;
	out->gap_ms = cfg->reader_gap_ms;
	if (sscanf(cfg->reader_match, "%4x:%4x", &v, &p) == 2) {
		out->vendor = (uint16_t)v;
		out->product = (uint16_t)p;
	}
}

void devices_serial_cfg(const struct config *cfg,
			struct cardreader_serial_cfg *out)
{
	memset(out, 0, sizeof(*out));
	out->path = cfg->reader_device;
	out->baud = (unsigned)cfg->reader_baud;
	out->gap_ms = cfg->reader_gap_ms;
}

enum gpio_bias devices_bias(enum config_bias bias)
{
	switch (bias) {
	case CONFIG_BIAS_PULL_UP:
		return GPIO_BIAS_PULL_UP;
	case CONFIG_BIAS_PULL_DOWN:
		return GPIO_BIAS_PULL_DOWN;
	case CONFIG_BIAS_NONE:
		break;
	}
	return GPIO_BIAS_DISABLE;
}

void devices_button_cfg(const struct config *cfg, struct gpio_button_cfg *out)
{
	memset(out, 0, sizeof(*out));
	out->name = "call button";
	out->line.line_name = cfg->button_line;
	out->line.chip = cfg->gpio_chip;
	out->line.offset = (unsigned)cfg->button_offset;
	out->line.bias = devices_bias(cfg->button_bias);
	out->line.active_low = cfg->button_active_low;
	out->debounce_ms = (unsigned)cfg->debounce_ms;
	out->long_press_ms = cfg->long_press_ms;
}

void devices_led_cfg(const struct config *cfg, struct gpio_output_cfg *out)
{
	memset(out, 0, sizeof(*out));
	out->name = "LED";
	out->line.line_name = cfg->led_line;
	out->line.chip = cfg->gpio_chip;
	out->line.offset = (unsigned)cfg->led_offset;
	out->line.active_low = cfg->led_active_low;
}

void devices_buzzer_cfg(const struct config *cfg, struct gpio_output_cfg *out)
{
	memset(out, 0, sizeof(*out));
	out->name = "desk buzzer";
	out->line.line_name = cfg->buzzer_line;
	out->line.chip = cfg->gpio_chip;
	out->line.offset = (unsigned)cfg->buzzer_offset;
}

static void open_reader(const struct config *cfg, struct devices *d)
{
	struct cardreader_serial_cfg sc;
	struct cardreader_evdev_cfg ec;

	errno = 0;
	switch (cfg->reader_backend) {
	case CONFIG_READER_SIM:
		d->reader = cardreader_sim_open(cfg->reader_fifo);
		break;
	case CONFIG_READER_SERIAL:
		devices_serial_cfg(cfg, &sc);
		d->reader = cardreader_serial_open(&sc);
		break;
	case CONFIG_READER_EVDEV:
		devices_evdev_cfg(cfg, &ec);
		d->reader = cardreader_evdev_open(&ec);
		break;
	case CONFIG_READER_NONE:
		return;
	}
	if (!d->reader)
		d->reader_errno = errno ? errno : EINVAL;
}

static void open_gpio(const struct config *cfg, struct devices *d)
{
	struct gpio_button_cfg bc;
	struct gpio_output_cfg oc;

	switch (cfg->gpio_backend) {
	case CONFIG_GPIO_SIM:
		d->button =
		    gpio_button_sim_open("call button", cfg->gpio_fifo,
					 d->button_why, sizeof(d->button_why));
		d->led = gpio_output_sim_open("LED");
		if (!d->led)
			snprintf(d->led_why, sizeof(d->led_why),
				 "LED unavailable (%s)", strerror(errno));
		if (*cfg->buzzer_line) {
			d->buzzer = gpio_output_sim_open("desk buzzer");
			if (!d->buzzer)
				snprintf(d->buzzer_why, sizeof(d->buzzer_why),
					 "desk buzzer unavailable (%s)",
					 strerror(errno));
		}
		break;
	case CONFIG_GPIO_GPIOD:
		devices_button_cfg(cfg, &bc);
		d->button = gpio_button_gpiod_open(&bc, d->button_why,
						   sizeof(d->button_why));
		if (*cfg->led_line || *cfg->gpio_chip) {
			devices_led_cfg(cfg, &oc);
			d->led = gpio_output_gpiod_open(&oc, d->led_why,
							sizeof(d->led_why));
		}
		if (*cfg->buzzer_line || cfg->buzzer_offset) {
			devices_buzzer_cfg(cfg, &oc);
			d->buzzer = gpio_output_gpiod_open(
			    &oc, d->buzzer_why, sizeof(d->buzzer_why));
		}
		break;
	case CONFIG_GPIO_NONE:
		break;
	}
}

void devices_open(const struct config *cfg, struct devices *d)
{
	memset(d, 0, sizeof(*d));
	d->reader_backend = cfg->reader_backend;
	d->gpio_backend = cfg->gpio_backend;
	open_reader(cfg, d);
	open_gpio(cfg, d);
}

void devices_close(struct devices *d)
{
	/* Outputs go back to their safe level (off) on close. */
	gpio_output_close(d->led);
	gpio_output_close(d->buzzer);
	gpio_button_close(d->button);
	cardreader_close(d->reader);
	memset(d, 0, sizeof(*d));
}

void devices_pollfds(const struct devices *d, struct pollfd *p)
{
	p[0].fd = d->reader ? cardreader_get_fd(d->reader) : -1;
	p[1].fd = d->button ? gpio_button_get_fd(d->button) : -1;
	p[0].events = p[1].events = POLLIN;
	p[0].revents = p[1].revents = 0;
}

static int min_timeout(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

int devices_timeout_ms(struct devices *d, int timeout_ms)
{
	if (d->reader)
		timeout_ms =
		    min_timeout(timeout_ms, cardreader_timeout_ms(d->reader));
	if (d->button)
		timeout_ms =
		    min_timeout(timeout_ms, gpio_button_timeout_ms(d->button));
	if (d->led)
		timeout_ms =
		    min_timeout(timeout_ms, gpio_output_timeout_ms(d->led));
	if (d->buzzer)
		timeout_ms =
		    min_timeout(timeout_ms, gpio_output_timeout_ms(d->buzzer));
	return timeout_ms;
}

void devices_tick(struct devices *d)
{
	if (d->reader)
		cardreader_tick(d->reader);
	if (d->button)
		gpio_button_tick(d->button);
	if (d->led)
		gpio_output_tick(d->led);
	if (d->buzzer)
		gpio_output_tick(d->buzzer);
}

const char *devices_reader_text(const struct devices *d, char *buf, size_t len)
{
	if (d->reader)
		return cardreader_state_text(d->reader, buf, len);
	if (d->reader_backend == CONFIG_READER_NONE)
		snprintf(buf, len, "none configured");
	else
		snprintf(buf, len, "unavailable (%s backend: %s)",
			 config_reader_key(d->reader_backend),
			 strerror(d->reader_errno));
	return buf;
}

const char *devices_button_text(const struct devices *d, char *buf, size_t len)
{
	if (d->button)
		return gpio_button_state_text(d->button, buf, len);
	if (d->gpio_backend == CONFIG_GPIO_NONE || !*d->button_why)
		snprintf(buf, len, "none configured");
	else
		snprintf(buf, len, "%s", d->button_why);
	return buf;
}

static const char *output_text(const struct gpio_output *o, const char *why,
			       char *buf, size_t len)
{
	if (o)
		return gpio_output_state_text(o, buf, len);
	snprintf(buf, len, "%s", *why ? why : "none configured");
	return buf;
}

const char *devices_led_text(const struct devices *d, char *buf, size_t len)
{
	return output_text(d->led, d->led_why, buf, len);
}

const char *devices_buzzer_text(const struct devices *d, char *buf, size_t len)
{
	return output_text(d->buzzer, d->buzzer_why, buf, len);
}
