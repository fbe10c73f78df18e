// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GPIO: the backend-neutral calls, which dispatch through the ops tables,
 * and the output mode machine (steady, blink, pulse) driven by the caller's
 * timer.  Without libgpiod the gpiod constructors are stubs that fail.
 */

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "gpio.h"
#include "gpio_internal.h"
#include "log.h"

int64_t gpio_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void gpio_button_base_init(struct gpio_button *b,
			   const struct gpio_button_ops *ops, const char *name)
{
	b->ops = ops;
	snprintf(b->name, sizeof(b->name), "%s",
		 name && name[0] ? name : "call button");
}

void gpio_output_base_init(struct gpio_output *o,
			   const struct gpio_output_ops *ops, const char *name)
{
	o->ops = ops;
	snprintf(o->name, sizeof(o->name), "%s",
		 name && name[0] ? name : "output");
	o->mode = GPIO_OUT_OFF;
	o->period_ms = 0;
	o->value = 0;
	o->next = 0;
}

void gpio_set_why(char *why, size_t why_len, const char *name,
		  const char *reason)
{
	if (why && why_len)
		snprintf(why, why_len, "%s unavailable (%s)", name, reason);
}

/* ---- button --------------------------------------------------------------- */

int gpio_button_get_fd(const struct gpio_button *b)
{
	assert(b);
	return b->ops->get_fd(b);
}

int gpio_button_read(struct gpio_button *b, struct gpio_button_event *ev)
{
	assert(b && ev);
	return b->ops->read(b, ev, gpio_now_ms());
}

int gpio_button_timeout_ms(struct gpio_button *b)
{
	assert(b);
	return b->ops->timeout_ms(b, gpio_now_ms());
}

void gpio_button_tick(struct gpio_button *b)
{
	assert(b);
	b->ops->tick(b, gpio_now_ms());
}

int gpio_button_get_level(const struct gpio_button *b)
{
	assert(b);
	return b->ops->get_level(b);
}

const char *gpio_button_state_text(const struct gpio_button *b, char *buf,
				   size_t len)
{
	assert(b && buf);
	if (len) {
		buf[0] = '\0';
		b->ops->state_text(b, buf, len);
	}
	return buf;
}

int gpio_button_sim_inject(struct gpio_button *b, const char *cmd)
{
	assert(b && cmd);
	if (!b->ops->inject) {
		errno = EINVAL;
		return -1;
	}
	return b->ops->inject(b, cmd);
}

void gpio_button_close(struct gpio_button *b)
{
	if (b)
		b->ops->destroy(b);
}

/* ---- outputs -------------------------------------------------------------- */

static int drive(struct gpio_output *o, int value)
{
	if (o->ops->set_value(o, value) < 0) {
		log_err("%s: cannot set the line %s: %s", o->name,
			value ? "on" : "off", strerror(errno));
		return -1;
	}
	o->value = value;
	return 0;
}

static void describe_mode(const struct gpio_output *o, char *buf, size_t len)
{
	switch (o->mode) {
	case GPIO_OUT_OFF:
		snprintf(buf, len, "off");
		break;
	case GPIO_OUT_ON:
		snprintf(buf, len, "on");
		break;
	case GPIO_OUT_BLINK:
		snprintf(buf, len, "blinking %u ms", o->period_ms);
		break;
	case GPIO_OUT_PULSE:
		snprintf(buf, len, "on for %u ms", o->period_ms);
		break;
	}
}

int gpio_output_set_mode(struct gpio_output *o, enum gpio_out_mode mode,
			 unsigned int period_ms)
{
	int64_t now = gpio_now_ms();
	char text[48];
	int value;

	assert(o);
	if (mode == GPIO_OUT_BLINK && !period_ms)
		period_ms = GPIO_BLINK_MS;
	if (mode == GPIO_OUT_PULSE && !period_ms)
		period_ms = GPIO_PULSE_MS;
	if (mode == GPIO_OUT_OFF || mode == GPIO_OUT_ON)
		period_ms = 0;
	/* Repeating the current mode must not restart a blink's rhythm. */
	if (mode == o->mode && period_ms == o->period_ms &&
	    mode != GPIO_OUT_PULSE)
		return 0;

	o->mode = mode;
	o->period_ms = period_ms;
	value = mode != GPIO_OUT_OFF;
	if (mode == GPIO_OUT_BLINK)
		o->next = now + (period_ms + 1) / 2;
	else if (mode == GPIO_OUT_PULSE)
		o->next = now + period_ms;

	describe_mode(o, text, sizeof(text));
	if (o->ops->log_modes)
		log_info("%s: %s", o->name, text);
	else
		log_debug("%s: %s", o->name, text);
	return drive(o, value);
}

enum gpio_out_mode gpio_output_get_mode(const struct gpio_output *o)
{
	assert(o);
	return o->mode;
}

int gpio_output_get_value(const struct gpio_output *o)
{
	assert(o);
	return o->value;
}

int gpio_output_timeout_ms(const struct gpio_output *o)
{
	int64_t now, t;

	assert(o);
	if (o->mode != GPIO_OUT_BLINK && o->mode != GPIO_OUT_PULSE)
		return -1;
	now = gpio_now_ms();
	if (o->next <= now)
		return 0;
	t = o->next - now;
	return t > INT_MAX ? INT_MAX : (int)t;
}

int gpio_output_tick(struct gpio_output *o)
{
	int64_t now = gpio_now_ms();
	int64_t half;

	assert(o);
	if ((o->mode != GPIO_OUT_BLINK && o->mode != GPIO_OUT_PULSE) ||
	    now < o->next)
		return 0;
	if (o->mode == GPIO_OUT_PULSE) {
		o->mode = GPIO_OUT_OFF;
		o->period_ms = 0;
		if (o->ops->log_modes)
			log_info("%s: off", o->name);
		return drive(o, 0);
	}
	/* Keep the rhythm, but after a stall restart it rather than catch up. */
	half = (o->period_ms + 1) / 2;
	o->next += half;
	if (o->next <= now)
		o->next = now + half;
	return drive(o, !o->value);
}

const char *gpio_output_state_text(const struct gpio_output *o, char *buf,
				   size_t len)
{
	char where[128], mode[48];

	assert(o && buf);
	if (!len)
		return buf;
	o->ops->describe(o, where, sizeof(where));
	describe_mode(o, mode, sizeof(mode));
	snprintf(buf, len, "%s %s: %s", o->name, where, mode);
	return buf;
}

void gpio_output_close(struct gpio_output *o)
{
	if (!o)
		return;
	/* The safe level first: a released line keeps its last level. */
	if (o->ops->set_value(o, 0) < 0)
		log_err("%s: cannot switch it off before release: %s", o->name,
			strerror(errno));
	o->ops->destroy(o);
}

#ifndef HAVE_LIBGPIOD
/* Built without libgpiod: the hardware backends exist but always fail. */

struct gpio_button *gpio_button_gpiod_open(const struct gpio_button_cfg *cfg,
					   char *why, size_t why_len)
{
	gpio_set_why(why, why_len,
		     cfg && cfg->name && cfg->name[0] ? cfg->name
						      : "call button",
		     "this program was built without libgpiod");
	errno = ENOSYS;
	return NULL;
}

struct gpio_output *gpio_output_gpiod_open(const struct gpio_output_cfg *cfg,
					   char *why, size_t why_len)
{
	gpio_set_why(why, why_len,
		     cfg && cfg->name && cfg->name[0] ? cfg->name : "output",
		     "this program was built without libgpiod");
	errno = ENOSYS;
	return NULL;
}
#endif
