// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ppid-console hw: the technician's view of the kiosk's devices (card
 * reader, call button, LED, desk buzzer) as configured, in words; with
 * --listen, a live test: reads and presses are shown, a press commits a
 * call (the desk is alerted) and the LED follows the call: blinking while
 * it waits, steady on once staff acknowledged it.
 */

#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cardreader.h"
#include "console.h"
#include "gpio.h"
#include "idparse.h"

struct devices {
	struct cardreader *reader;     /* or NULL */
	struct gpio_button *button;    /* or NULL */
	struct gpio_output *led;       /* or NULL */
	struct gpio_output *buzzer;    /* or NULL */
	char button_why[GPIO_WHY_LEN]; /* why the button is unavailable */
	char led_why[GPIO_WHY_LEN];    /* why the LED is unavailable */
	char buzzer_why[GPIO_WHY_LEN]; /* why the buzzer is unavailable */
};

static enum gpio_bias bias_of(const char *s)
{
	if (strcmp(s, "pull-up") == 0)
		return GPIO_BIAS_PULL_UP;
	if (strcmp(s, "pull-down") == 0)
		return GPIO_BIAS_PULL_DOWN;
	return GPIO_BIAS_DISABLE;
}

static void open_devices(const struct config *cfg, struct devices *d)
{
	const char *rb = cfg->reader_backend, *gb = cfg->gpio_backend;

	memset(d, 0, sizeof(*d));
	if (strcmp(rb, "sim") == 0) {
		d->reader = cardreader_sim_open(cfg->reader_fifo);
	} else if (strcmp(rb, "serial") == 0) {
		struct cardreader_serial_cfg sc = {
		    .path = cfg->reader_device,
		    .baud = (unsigned)cfg->reader_baud,
		    .gap_ms = cfg->reader_gap_ms,
		};
		d->reader = cardreader_serial_open(&sc);
	} else if (strcmp(rb, "evdev") == 0) {
		struct cardreader_evdev_cfg ec = {
		    .path = *cfg->reader_device ? cfg->reader_device : NULL,
		    .terminator = strcmp(cfg->reader_terminator, "tab") == 0
				      ? CARDREADER_TERM_TAB
				      : CARDREADER_TERM_ENTER,
		    .gap_ms = cfg->reader_gap_ms,
		};
		unsigned v = 0, p = 0;

		if (sscanf(cfg->reader_match, "%4x:%4x", &v, &p) == 2) {
			ec.vendor = (uint16_t)v;
			ec.product = (uint16_t)p;
		}
		d->reader = cardreader_evdev_open(&ec);
	}

	if (strcmp(gb, "sim") == 0) {
		d->button =
		    gpio_button_sim_open("call button", cfg->gpio_fifo,
					 d->button_why, sizeof(d->button_why));
		d->led = gpio_output_sim_open("LED");
		if (*cfg->buzzer_line)
			d->buzzer = gpio_output_sim_open("desk buzzer");
	} else if (strcmp(gb, "gpiod") == 0) {
		struct gpio_button_cfg bc = {
		    .name = "call button",
		    .line = {.line_name = cfg->button_line,
			     .chip = cfg->gpio_chip,
			     .offset = (unsigned)cfg->button_offset,
			     .bias = bias_of(cfg->button_bias),
			     .active_low = cfg->button_active_low},
		    .debounce_ms = (unsigned)cfg->debounce_ms,
		    .long_press_ms = cfg->long_press_ms,
		};
		struct gpio_output_cfg lc = {
		    .name = "LED",
		    .line = {.line_name = cfg->led_line,
			     .chip = cfg->gpio_chip,
			     .offset = (unsigned)cfg->led_offset,
			     .active_low = cfg->led_active_low},
		};
		struct gpio_output_cfg zc = {
		    .name = "desk buzzer",
		    .line = {.line_name = cfg->buzzer_line,
			     .chip = cfg->gpio_chip,
			     .offset = (unsigned)cfg->buzzer_offset},
		};

		d->button = gpio_button_gpiod_open(&bc, d->button_why,
						   sizeof(d->button_why));
		if (*cfg->led_line || *cfg->gpio_chip)
			d->led = gpio_output_gpiod_open(&lc, d->led_why,
							sizeof(d->led_why));
		if (*cfg->buzzer_line || cfg->buzzer_offset)
			d->buzzer = gpio_output_gpiod_open(
			    &zc, d->buzzer_why, sizeof(d->buzzer_why));
	}
}

static void close_devices(struct devices *d)
{
	/* Outputs go back to their safe level (off) on close. */
	gpio_output_close(d->led);
	gpio_output_close(d->buzzer);
	gpio_button_close(d->button);
	cardreader_close(d->reader);
}

static void print_status(const struct config *cfg, const struct devices *d)
{
	char buf[512];

	if (d->reader)
		printf("card reader: %s\n",
		       cardreader_state_text(d->reader, buf, sizeof(buf)));
	else if (strcmp(cfg->reader_backend, "none") == 0)
		printf("card reader: none configured\n");
	else
		printf("card reader: unavailable (%s backend: %s)\n",
		       cfg->reader_backend, strerror(errno));
	if (d->button)
		printf("call button: %s\n",
		       gpio_button_state_text(d->button, buf, sizeof(buf)));
	else if (strcmp(cfg->gpio_backend, "none") == 0)
		printf("call button: none configured\n");
	else
		printf("call button: %s\n", d->button_why);
	if (d->led)
		printf("LED: %s\n",
		       gpio_output_state_text(d->led, buf, sizeof(buf)));
	else if (*d->led_why)
		printf("LED: %s\n", d->led_why);
	else
		printf("LED: none configured\n");
	if (d->buzzer)
		printf("desk buzzer: %s\n",
		       gpio_output_state_text(d->buzzer, buf, sizeof(buf)));
	else if (*d->buzzer_why)
		printf("desk buzzer: %s\n", d->buzzer_why);
	else
		printf("desk buzzer: none configured\n");
}

static volatile sig_atomic_t stop_listen;

static void on_signal(int sig)
{
	(void)sig;
	stop_listen = 1;
}

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int min_timeout(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

struct pending_ctx {
	int64_t call; /* the call this loop made, 0 = none */
	bool acked;   /* it has been acknowledged */
};

static int find_call(const struct queue_call *k, void *ctx)
{
	struct pending_ctx *p = ctx;

	if (k->id == p->call && k->acked_at)
		p->acked = true;
	return 0;
}

/* The live loop: poll the devices' fds, no busy waiting. */
static int listen_loop(struct console *c, struct devices *d, int seconds)
{
	struct queue *q = console_open_queue(c, false, false);
	struct pending_ctx call = {0};
	int64_t end = mono_ms() + (int64_t)seconds * 1000;
	struct sigaction sa;
	char text[CARDREADER_READ_MAX + 1];

	if (!q)
		return EXIT_REFUSED;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	printf("listening: swipe a card or press the call button%s\n",
	       seconds ? "" : " (Ctrl-C stops)");
	fflush(stdout);
	while (!stop_listen && (!seconds || mono_ms() < end)) {
		struct pollfd p[2];
		struct gpio_button_event ev;
		bool changed;
		int n, timeout = 250; /* also how often acks are noticed */

		p[0].fd = d->reader ? cardreader_get_fd(d->reader) : -1;
		p[1].fd = d->button ? gpio_button_get_fd(d->button) : -1;
		p[0].events = p[1].events = POLLIN;
		if (d->reader)
			timeout = min_timeout(timeout,
					      cardreader_timeout_ms(d->reader));
		if (d->button)
			timeout = min_timeout(
			    timeout, gpio_button_timeout_ms(d->button));
		if (d->led)
			timeout = min_timeout(timeout,
					      gpio_output_timeout_ms(d->led));
		poll(p, 2, timeout);
		if (d->reader)
			cardreader_tick(d->reader);
		if (d->button)
			gpio_button_tick(d->button);
		if (d->led)
			gpio_output_tick(d->led);
		if (d->buzzer)
			gpio_output_tick(d->buzzer);

		while (d->reader && (n = cardreader_read(d->reader, text,
							 sizeof(text))) != 0) {
			struct id_result r;
			char masked[64];

			if (n < 0) {
				printf("card reader: a read was lost (%s)\n",
				       strerror(errno));
				continue;
			}
			id_parse(text, (size_t)n, console_today(c), &r);
			if (r.kind == ID_KIND_NIK) {
				id_mask(r.u.nik.nik, masked, sizeof(masked));
				printf("card read: NIK %s\n", masked);
			} else if (r.kind == ID_KIND_INVALID) {
				printf("card read: not usable: %s\n",
				       r.reason->en);
			} else {
				printf("card read: %s\n", id_kind_name(r.kind));
			}
		}
		while (d->button && gpio_button_read(d->button, &ev) > 0) {
			if (ev.type != GPIO_BUTTON_PRESS) {
				printf("call button: %s\n",
				       ev.type == GPIO_BUTTON_RELEASE
					   ? "released"
					   : "long press");
				continue;
			}
			/* A press is a call: committed, so the desk sees it. */
			if (queue_call_add(q, "button", time(NULL),
					   &call.call) < 0) {
				printf("call button: pressed, but the call "
				       "could not be recorded: %s\n",
				       queue_errmsg(q));
				continue;
			}
			call.acked = false;
			printf("call button: pressed, call #%lld sent to the "
			       "desk\n",
			       (long long)call.call);
			if (d->led)
				gpio_output_set_mode(d->led, GPIO_OUT_BLINK,
						     500);
		}
		/* The desk's acknowledgement arrives through the database. */
		if (call.call && !call.acked &&
		    queue_poll_changed(q, &changed) == 0 && changed) {
			queue_calls(q, false, 20, find_call, &call);
			if (call.acked) {
				printf("call #%lld acknowledged: staff are "
				       "coming\n",
				       (long long)call.call);
				if (d->led)
					gpio_output_set_mode(d->led,
							     GPIO_OUT_ON, 0);
			}
		}
		fflush(stdout);
	}
	queue_close(q);
	return EXIT_OK;
}

int cmd_hw(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console hw [--listen [--seconds N]]\n"
	    "The kiosk's devices as configured ([cardreader] and [gpio]): "
	    "is the card\nreader connected, is the call button's line "
	    "there and at what level, the\nLED and the desk buzzer.  "
	    "--listen tests them live: reads and presses are\nshown, a "
	    "press sends a call to the desk and the LED blinks until staff "
	    "\nacknowledge it (ppid-console calls ack ID), then stays on.\n"
	    "Stop the kiosk first: a grabbed reader or a requested line "
	    "shows as in use.\n";
	static const struct option opts[] = {
	    {"listen", no_argument, NULL, 'l'},
	    {"seconds", required_argument, NULL, 's'},
	    {NULL, 0, NULL, 0},
	};
	struct devices d;
	bool listen = false;
	int opt, seconds = 0, rc = EXIT_OK;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'l':
			listen = true;
			break;
		case 's':
			seconds = atoi(optarg);
			if (seconds < 1) {
				console_error("hw", "--seconds must be >= 1");
				return EXIT_USAGE;
			}
			break;
		default:
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	open_devices(&c->cfg, &d);
	print_status(&c->cfg, &d);
	fflush(stdout);
	if (listen)
		rc = listen_loop(c, &d, seconds);
	close_devices(&d);
	return rc;
}
