/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kiosk's devices as the configuration describes them: the card reader,
 * the call button, its LED and the desk buzzer.  Turns struct config into
 * the drivers' settings, opens the backends it names, keeps why a device is
 * unavailable, and helps one poll() loop drive them all.  Used by the kiosk
 * and by `ppid-console hw`.  No threads; use a struct devices from the
 * thread that polls it.
 */
#ifndef PPID_DEVICES_H
#define PPID_DEVICES_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#include "cardreader.h"
#include "config.h"
#include "gpio.h"

#define DEVICES_N_POLLFDS 2 /* pollfds devices_pollfds() fills */

/** The opened devices.  Every pointer is NULL when the device is absent. */
struct devices {
	struct cardreader *reader;	   /* owned, or NULL */
	struct gpio_button *button;	   /* owned, or NULL */
	struct gpio_output *led;	   /* owned, or NULL */
	struct gpio_output *buzzer;	   /* owned, or NULL */
	enum config_reader reader_backend; /* as configured */
	enum config_gpio gpio_backend;	   /* as configured */
	int reader_errno;		   /* why the reader did not open */
	char button_why[GPIO_WHY_LEN];	   /* why the button is unavailable */
	char led_why[GPIO_WHY_LEN];	   /* why the LED is unavailable */
	char buzzer_why[GPIO_WHY_LEN];	   /* why the buzzer is unavailable */
};

/**
 * The evdev reader's settings: [cardreader] device (empty = find it by
 * match, "vendor:product" in hex), terminator, gap_ms.
 * @param cfg The configuration; @p out borrows its strings (valid while
 *            @p cfg is).
 * @param out Filled.
 */
void devices_evdev_cfg(const struct config *cfg,
		       struct cardreader_evdev_cfg *out);

/** The serial reader's settings ([cardreader] device, baud, gap_ms);
 *  borrows as devices_evdev_cfg(). */
void devices_serial_cfg(const struct config *cfg,
			struct cardreader_serial_cfg *out);

/** The call button's settings ([gpio] button or chip + button_offset,
 *  button_bias, button_active_low, debounce_ms, long_press_ms); borrows as
 *  devices_evdev_cfg(). */
void devices_button_cfg(const struct config *cfg, struct gpio_button_cfg *out);

/** The LED's settings ([gpio] led or chip + led_offset, led_active_low);
 *  borrows as devices_evdev_cfg(). */
void devices_led_cfg(const struct config *cfg, struct gpio_output_cfg *out);

/** The desk buzzer's settings ([gpio] buzzer or chip + buzzer_offset);
 *  borrows as devices_evdev_cfg(). */
void devices_buzzer_cfg(const struct config *cfg, struct gpio_output_cfg *out);

/** The bias a configured [gpio] button_bias asks the driver for. */
enum gpio_bias devices_bias(enum config_bias bias);

/**
 * Open every device the configuration names, through its backend (evdev,
 * serial, sim, gpiod; none opens nothing).  A device that cannot be opened
 * is left NULL with the reason kept for devices_*_text(); that is not an
 * error: the program goes on without it.  With the gpiod backend the LED is
 * opened when [gpio] led or chip is set, the buzzer when [gpio] buzzer or
 * buzzer_offset is; with the sim backend the LED always, the buzzer when
 * [gpio] buzzer is set.
 * @param cfg The configuration (not kept).
 * @param d   Filled; release with devices_close(), whatever was opened.
 */
void devices_open(const struct config *cfg, struct devices *d);

/**
 * Close every device (outputs go to their safe level, off, first) and
 * reset @p d.  Harmless on a closed or zeroed @p d.
 */
void devices_close(struct devices *d);

/**
 * Fill @p p[0] (the card reader) and @p p[1] (the call button) for poll():
 * fd -1 for an absent device, so poll() skips it.  The fds are borrowed:
 * refill before every poll().
 * @param p DEVICES_N_POLLFDS entries.
 */
void devices_pollfds(const struct devices *d, struct pollfd *p);

/**
 * The poll() timeout that keeps every device's deadlines (reader gap and
 * reconnects, debounce and long press, LED blink, buzzer pulse).
 * @param timeout_ms The caller's own timeout (-1 = none).
 * @return The smaller of the two, or -1 for none.
 */
int devices_timeout_ms(struct devices *d, int timeout_ms);

/** Do what each device has due; call after every poll(). */
void devices_tick(struct devices *d);

/**
 * One English line per device for technicians and the console, e.g. the
 * driver's state text, "none configured", or why it is unavailable
 * ("unavailable (sim backend: File exists)", "call button unavailable
 * (no GPIO line named GPIO17)").
 * @return @p buf (always NUL-terminated when @p len > 0).
 */
const char *devices_reader_text(const struct devices *d, char *buf, size_t len);
const char *devices_button_text(const struct devices *d, char *buf,
				size_t len); /**< as above, the button */
const char *devices_led_text(const struct devices *d, char *buf,
			     size_t len); /**< as above, the LED */
const char *devices_buzzer_text(const struct devices *d, char *buf,
				size_t len); /**< as above, the buzzer */

#endif
