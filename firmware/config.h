/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The configuration file (INI, parsed with inih).  Every key has a default,
 * so the programs start without a file.  Unknown keys are reported as
 * warnings and bad values as errors, each with the file and line.
 * See assets/kiosk.conf for every key with its default.
 */
#ifndef PPID_CONFIG_H
#define PPID_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

#define CONFIG_DEFAULT_PATH "/etc/ppid-kiosk/kiosk.conf"
#define CONFIG_DEFAULT_DB   "/var/lib/ppid-kiosk/queue.db"
#define CONFIG_MAX_STAFF    64

/* [cardreader] backend */
enum config_reader {
	CONFIG_READER_EVDEV = 0, /* a USB keyboard wedge (evdev) */
	CONFIG_READER_SERIAL,	 /* a USB serial reader */
	CONFIG_READER_SIM,	 /* the simulator (a FIFO) */
	CONFIG_READER_NONE,	 /* no card reader */
};

/* [gpio] backend */
enum config_gpio {
	CONFIG_GPIO_GPIOD = 0, /* libgpiod */
	CONFIG_GPIO_SIM,       /* the simulator (a FIFO, logged outputs) */
	CONFIG_GPIO_NONE,      /* no button, LED or buzzer */
};

/* [gpio] button_bias */
enum config_bias {
	CONFIG_BIAS_PULL_UP = 0, /* internal pull-up (button to GND) */
	CONFIG_BIAS_PULL_DOWN,	 /* internal pull-down (button to 3.3 V) */
	CONFIG_BIAS_NONE,	 /* no internal pull (external resistor) */
};

/* [cardreader] terminator */
enum config_term {
	CONFIG_TERM_ENTER = 0, /* the reader ends a read with Enter */
	CONFIG_TERM_TAB,       /* ... with Tab */
};

struct config_staff {
	char login[33]; /* OS login name */
	unsigned roles; /* bit set of enum wf_role */
};

struct config {
	char path[256]; /* file read, "" when none */
	bool from_file; /* false: built-in defaults only (no file) */

	char office_name[128];	  /* [office] name */
	char office_address[256]; /* [office] address */
	char office_city[64];	  /* [office] city, for letters */
	char office_prefix[32];	  /* [office] prefix, e.g. KPU-BKL */
	char number_format[96];	  /* [office] number_format */
	int open_min;		  /* [office] hours, opening, minutes */
	int close_min;		  /* [office] hours, closing, minutes */

	char ppid_name[128];  /* [ppid] name, signs notifications; "" = none
				 (the title is repeated in its place) */
	char ppid_title[128]; /* [ppid] title */

	char db_path[256];   /* [database] path */
	int busy_timeout_ms; /* [database] busy_timeout_ms */

	char receipt_printer[128]; /* [printer] receipt ("" = default) */
	char letter_printer[128];  /* [printer] letter ("" = default) */
	int paper_mm;		   /* [printer] paper_mm, 58 or 80 */
	int receipt_timeout_s;	   /* [printer] receipt_timeout_s */

	enum config_reader reader_backend; /* [cardreader] backend */
	char reader_device[256];	   /* [cardreader] device path */
	char reader_match[16]; /* [cardreader] match vendor:product */
	int reader_baud;       /* [cardreader] baud */
	enum config_term reader_terminator; /* [cardreader] terminator */
	int reader_gap_ms;		    /* [cardreader] gap_ms */
	char reader_fifo[256]; /* [cardreader] fifo (sim backend) */

	enum config_gpio gpio_backend; /* [gpio] backend */
	char button_line[32];	      /* [gpio] button line name, e.g. GPIO17 */
	bool button_active_low;	      /* [gpio] button_active_low */
	enum config_bias button_bias; /* [gpio] button_bias */
	int debounce_ms;	      /* [gpio] debounce_ms */
	char led_line[32];	      /* [gpio] led line name */
	char buzzer_line[32];	      /* [gpio] buzzer line name ("" = none) */
	char gpio_fifo[256];	      /* [gpio] fifo (sim backend) */
	char gpio_chip[64];  /* [gpio] chip label or name, for offsets */
	int button_offset;   /* [gpio] button_offset, with chip */
	int led_offset;	     /* [gpio] led_offset, with chip */
	int buzzer_offset;   /* [gpio] buzzer_offset, with chip */
	bool led_active_low; /* [gpio] led_active_low */
	int long_press_ms;   /* [gpio] long_press_ms */

	int kiosk_idle_s;      /* [kiosk] idle_s: no touch this long: ask */
	int kiosk_idle_warn_s; /* [kiosk] idle_warn_s: then wipe (>= 20) */
	int kiosk_blank_s; /* [kiosk] blank_s: welcome dark after; 0 never */
	int kiosk_rotate;  /* [kiosk] rotate: 0..3 = 0, 90, 180, 270 deg */
	char kiosk_maint_pin_hash[128]; /* [kiosk] maint_pin_hash: yescrypt
					   "$y$..."; "" = no maintenance
					   menu */

	struct config_staff staff[CONFIG_MAX_STAFF]; /* [staff] login = roles */
	int n_staff;				     /* entries used */
};

/** Fill @p cfg with the built-in defaults. */
void config_defaults(struct config *cfg);

/**
 * Load @p path over the defaults.  With @p path NULL the default path is
 * tried and a missing file is not an error (development mode).  Problems are
 * printed to @p diag as "file:line: message".
 * @return 0, or -1 if the file could not be read (given explicitly) or a
 *         value is invalid.
 */
int config_load(struct config *cfg, const char *path, FILE *diag);

/** The roles [staff] gives @p login (0 when not listed: read only).  There
 *  is no implicit development mode here: the programs grant every role only
 *  when PPID_DEV=1 is set. */
unsigned config_roles_of(const struct config *cfg, const char *login);

/** The configuration key of a value ("evdev", ...), or "?" if out of range.
 *  Static strings. */
const char *config_reader_key(enum config_reader v);
const char *config_gpio_key(enum config_gpio v); /**< as above */
const char *config_bias_key(enum config_bias v); /**< as above */
const char *config_term_key(enum config_term v); /**< as above */

#endif
