/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * GPIO: the visitor's call button (input, debounced in software) and simple
 * outputs (the button's LED, an optional desk buzzer).  Backends chosen at
 * run time: libgpiod 1.6 (v1 API, gpio_gpiod.c) and sim (a FIFO for the
 * button, log lines for the outputs).  No threads: the caller's poll loop
 * drives everything through get_fd / timeout_ms / tick / read.
 *
 * How to wire it (Raspberry Pi 40-pin header, BCM names as the kernel
 * names the lines; the config names the lines, so other pins work too):
 *
 *   Call button  GPIO17 (pin 11) --- button --- GND (pin 9).  Nothing else:
 *                the driver turns on the Pi's internal pull-up, so the line
 *                reads high when idle and low when pressed (configure
 *                bias = pull-up, active-low).  Keep the cable short
 *                (< 2 m) or use shielded cable; bounce is handled here.
 *   LED          GPIO27 (pin 13) --- 330 ohm resistor --- LED long leg
 *                (anode); LED short leg (cathode, flat side) --- GND
 *                (pin 14).  Never an LED without its resistor: a GPIO
 *                gives 3.3 V and must not source more than ~16 mA.
 *   Desk buzzer  GPIO22 (pin 15) --- 1 kohm --- base of an NPN transistor
 *                (BC547 / 2N2222); emitter to GND; collector to the
 *                buzzer's minus; buzzer plus to 5 V (pin 2).  Use an
 *                "active" buzzer (it beeps on DC).  Fit 10 kohm from base
 *                to GND so the buzzer stays silent while the Pi boots or
 *                after a crash, when the line is not driven.
 *
 * `gpioinfo` (package gpiod) lists the lines, their names and who uses
 * them.  The kiosk's user needs access to /dev/gpiochip* (group gpio on
 * Raspberry Pi OS).
 *
 * Shutdown: outputs go to their safe level (off) in gpio_output_close().
 * The program's main loop must therefore turn SIGTERM/SIGINT into a loop
 * event (signalfd or a self-pipe) and close every output before exiting;
 * after a kill -9 the line keeps its last level, hence the pull-down above.
 */
#ifndef PPID_GPIO_H
#define PPID_GPIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GPIO_WHY_LEN 160 /* comfortable size for the "why" buffers */

struct gpio_button;
struct gpio_output;

enum gpio_bias {
	GPIO_BIAS_AS_IS,     /* leave the line's bias as it is */
	GPIO_BIAS_DISABLE,   /* no pull resistor (external one fitted) */
	GPIO_BIAS_PULL_UP,   /* internal pull-up: button to GND */
	GPIO_BIAS_PULL_DOWN, /* internal pull-down: button to 3.3 V */
};

/* Which line, found by name or by chip + offset, never by chip number. */
struct gpio_line_cfg {
	const char *line_name; /* e.g. "GPIO17", searched on every chip;
				  NULL or "" = use chip + offset */
	const char *chip;      /* chip label ("pinctrl-bcm2711" on a Pi 4,
				  "pinctrl-rp1" on a Pi 5) or name */
	unsigned int offset;   /* line offset on that chip */
	enum gpio_bias bias;   /* pull resistor */
	bool active_low;       /* 1 = line low (button to GND, LED to 3.3 V) */
	const char *consumer;  /* shown by gpioinfo; NULL = "ppid-kiosk" */
};

/* ---- call button ---------------------------------------------------------- */

struct gpio_button_cfg {
	const char *name;	   /* for messages; NULL = "call button" */
	struct gpio_line_cfg line; /* the line */
	unsigned int debounce_ms;  /* 0 = 30 ms */
	int long_press_ms;	   /* 0 = 2000 ms, < 0 = no long press */
};

enum gpio_button_event_type {
	GPIO_BUTTON_PRESS,	/* pressed (after debounce) */
	GPIO_BUTTON_RELEASE,	/* released (after debounce) */
	GPIO_BUTTON_LONG_PRESS, /* still held long_press_ms after the press */
};

struct gpio_button_event {
	enum gpio_button_event_type type; /* what happened */
	int64_t time_ms; /* when, CLOCK_MONOTONIC milliseconds */
};

/**
 * Open the call button through libgpiod: request both-edge events with the
 * configured bias and polarity.
 * @param cfg     The line and timings; copied.
 * @param why     On failure receives "call button unavailable (reason)",
 *                e.g. "(no GPIO line named GPIO17)", for the screen and the
 *                console.  May be NULL.
 * @param why_len Size of @p why (GPIO_WHY_LEN is enough).
 * @return A button to close with gpio_button_close(), or NULL with errno:
 *         ENOENT (no such chip or line), EBUSY (line used by another
 *         program), EACCES, EINVAL (bad config), ENOSYS (built without
 *         libgpiod).  The program goes on without the button.
 */
struct gpio_button *gpio_button_gpiod_open(const struct gpio_button_cfg *cfg,
					   char *why, size_t why_len);

/**
 * Open a simulated button: lines written to the FIFO at @p fifo_path (made
 * if missing, mode 0660) are commands: "press", "release", "click" (press
 * and release), "long" (press, long press, release).  Events come out of
 * gpio_button_read() undebounced, in order.
 * @param name      For messages; NULL = "call button".
 * @param fifo_path The FIFO.
 * @param why       As for gpio_button_gpiod_open(); may be NULL.
 * @param why_len   Size of @p why.
 * @return A button to close with gpio_button_close(), or NULL with errno.
 */
struct gpio_button *gpio_button_sim_open(const char *name,
					 const char *fifo_path, char *why,
					 size_t why_len);

/**
 * Send a command to a simulated button through its FIFO (same path as
 * `echo press > FIFO`).
 * @return 0, or -1 with errno EINVAL (not a sim button, or not a command).
 */
int gpio_button_sim_inject(struct gpio_button *b, const char *cmd);

/**
 * The fd to poll for POLLIN (borrowed, owned by the button).
 * @return The fd, or -1 after a failure (nothing to poll).
 */
int gpio_button_get_fd(const struct gpio_button *b);

/**
 * Take the next debounced event.  Never blocks.  Call it when poll()
 * reports the fd or the timeout expires, and again until it returns 0.
 * Each call first drains every edge the kernel has queued.
 * @param b  The button.
 * @param ev Receives the event.
 * @return 1 with @p ev filled, 0 when none, -1 with errno when the line
 *         failed (reported once; afterwards the button is dead: its fd is
 *         -1 and gpio_button_state_text() says why).
 */
int gpio_button_read(struct gpio_button *b, struct gpio_button_event *ev);

/**
 * How long poll() may sleep before the debounce or long-press deadline.
 * @return Milliseconds (0 = now), or -1 for no deadline.
 */
int gpio_button_timeout_ms(struct gpio_button *b);

/** Do what is due now (then gpio_button_read() returns the events). */
void gpio_button_tick(struct gpio_button *b);

/** The debounced level: 1 pressed, 0 released. */
int gpio_button_get_level(const struct gpio_button *b);

/**
 * One English line for technicians, e.g. "call button ready on GPIO17
 * (gpiochip0 line 17, pull-up, active-low): released, line high".
 * @return @p buf (always NUL-terminated when len > 0).
 */
const char *gpio_button_state_text(const struct gpio_button *b, char *buf,
				   size_t len);

/**
 * Release the line and free the button.
 * @param b The button, or NULL (no-op).
 */
void gpio_button_close(struct gpio_button *b);

/* ---- outputs: LED, buzzer ---------------------------------------------------- */

enum gpio_out_mode {
	GPIO_OUT_OFF,	/* steady off (the safe level) */
	GPIO_OUT_ON,	/* steady on */
	GPIO_OUT_BLINK, /* on and off, period_ms per full cycle */
	GPIO_OUT_PULSE, /* on for period_ms, then off (a beep) */
};

struct gpio_output_cfg {
	const char
	    *name; /* for messages: "LED", "desk buzzer"; NULL = "output" */
	struct gpio_line_cfg line; /* the line; bias is usually AS_IS */
};

/**
 * Open an output through libgpiod, driven off (inactive) at once.
 * @param cfg     The line; copied.
 * @param why     On failure receives "<name> unavailable (reason)"; may be
 *                NULL.
 * @param why_len Size of @p why.
 * @return An output to close with gpio_output_close(), or NULL with errno
 *         as for gpio_button_gpiod_open().
 */
struct gpio_output *gpio_output_gpiod_open(const struct gpio_output_cfg *cfg,
					   char *why, size_t why_len);

/**
 * Open a simulated output: its changes of mode are logged at info level
 * ("LED: on", "LED: blinking 500 ms", "desk buzzer: on for 200 ms").
 * @param name For messages; NULL = "output".
 * @return An output to close with gpio_output_close(), or NULL (ENOMEM).
 */
struct gpio_output *gpio_output_sim_open(const char *name);

/**
 * Set what the output does.  Setting the mode it already has (same period)
 * changes nothing, so a blink keeps its rhythm when the caller repeats it;
 * PULSE is the exception: each call starts a new pulse (one more beep).
 * @param o         The output.
 * @param mode      See enum gpio_out_mode.
 * @param period_ms BLINK: full cycle (0 = 1000); PULSE: on time (0 = 200);
 *                  ignored otherwise.
 * @return 0, or -1 with errno if the line could not be set (the mode is
 *         kept and retried at the next change).
 */
int gpio_output_set_mode(struct gpio_output *o, enum gpio_out_mode mode,
			 unsigned int period_ms);

/** The current mode (a finished PULSE reads GPIO_OUT_OFF). */
enum gpio_out_mode gpio_output_get_mode(const struct gpio_output *o);

/** The level driven now: 1 on, 0 off. */
int gpio_output_get_value(const struct gpio_output *o);

/**
 * Milliseconds until the output must change (blink or end of pulse), 0 if
 * overdue, -1 if it is steady.  Outputs have no fd: fold this into the
 * poll() timeout.
 */
int gpio_output_timeout_ms(const struct gpio_output *o);

/**
 * Make the change that is due (toggle a blink, end a pulse).  Call after
 * every poll().
 * @return 0, or -1 with errno if the line could not be set.
 */
int gpio_output_tick(struct gpio_output *o);

/**
 * One English line, e.g. "LED on GPIO27 (gpiochip0 line 27): blinking
 * 500 ms".
 * @return @p buf.
 */
const char *gpio_output_state_text(const struct gpio_output *o, char *buf,
				   size_t len);

/**
 * Drive the output off, release the line and free the output.
 * @param o The output, or NULL (no-op).
 */
void gpio_output_close(struct gpio_output *o);

#endif
