/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * For the GPIO backends only (gpio*.c): the ops tables, the common part of
 * buttons and outputs, and shared helpers.  Not part of the public contract.
 */
#ifndef PPID_GPIO_INTERNAL_H
#define PPID_GPIO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gpio.h"

#define GPIO_NAME_LEN 32	   /* longest device name kept */
#define GPIO_CONSUMER "ppid-kiosk" /* default consumer label */
#define GPIO_BLINK_MS 1000	   /* default blink cycle */
#define GPIO_PULSE_MS 200	   /* default pulse (beep) */

struct gpio_button_ops {
	/* The fd to poll, or -1. */
	int (*get_fd)(const struct gpio_button *b);
	/* Drain the input and pop one event: 1, 0, or -1 with errno. */
	int (*read)(struct gpio_button *b, struct gpio_button_event *ev,
		    int64_t now);
	/* Milliseconds to the next deadline, 0, or -1. */
	int (*timeout_ms)(const struct gpio_button *b, int64_t now);
	/* Do what is due at @p now. */
	void (*tick)(struct gpio_button *b, int64_t now);
	/* Debounced level. */
	int (*get_level)(const struct gpio_button *b);
	/* One line for technicians. */
	void (*state_text)(const struct gpio_button *b, char *buf, size_t len);
	/* Release everything and free. */
	void (*destroy)(struct gpio_button *b);
	/* Send a command (sim only; NULL elsewhere). */
	int (*inject)(struct gpio_button *b, const char *cmd);
};

/* The part every button shares; each backend's struct starts with it. */
struct gpio_button {
	const struct gpio_button_ops *ops; /* the backend */
	char name[GPIO_NAME_LEN];	   /* "call button" */
};

struct gpio_output_ops {
	/* Drive the line: 1 on, 0 off (logical, active-low applied). */
	int (*set_value)(struct gpio_output *o, int value);
	/* Where it is, e.g. "on GPIO27 (gpiochip0 line 27)". */
	void (*describe)(const struct gpio_output *o, char *buf, size_t len);
	/* Release the line and free (the value is already off). */
	void (*destroy)(struct gpio_output *o);
	/* Log mode changes at info level (sim) rather than debug. */
	bool log_modes;
};

/* The part every output shares: the mode machine lives in gpio.c. */
struct gpio_output {
	const struct gpio_output_ops *ops; /* the backend */
	char name[GPIO_NAME_LEN];	   /* "LED" */
	enum gpio_out_mode mode;	   /* what it does */
	unsigned int period_ms;		   /* BLINK cycle or PULSE length */
	int value;			   /* level driven now */
	int64_t next;			   /* next change (BLINK, PULSE) */
};

/** CLOCK_MONOTONIC in milliseconds. */
int64_t gpio_now_ms(void);

/** Fill the common part of a button. */
void gpio_button_base_init(struct gpio_button *b,
			   const struct gpio_button_ops *ops, const char *name);

/** Fill the common part of an output (mode OFF, value 0). */
void gpio_output_base_init(struct gpio_output *o,
			   const struct gpio_output_ops *ops, const char *name);

/** Write "<name> unavailable (<reason>)" into @p why (if not NULL). */
void gpio_set_why(char *why, size_t why_len, const char *name,
		  const char *reason);

#endif
