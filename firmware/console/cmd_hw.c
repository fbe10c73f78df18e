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

#include "callbutton.h"
#include "console.h"
#include "devices.h"
#include "idparse.h"
#include "safetext.h"

/* A device's own name (a USB reader's, a GPIO line's) is outside text. */
static void print_device(const char *what, const char *text)
{
	char safe[1024];

	safetext_line(text, 0, safe, sizeof(safe));
	printf("%s: %s\n", what, safe);
}

static void print_status(const struct devices *d)
{
	char buf[512];

	print_device("card reader", devices_reader_text(d, buf, sizeof(buf)));
	print_device("call button", devices_button_text(d, buf, sizeof(buf)));
	print_device("LED", devices_led_text(d, buf, sizeof(buf)));
	print_device("desk buzzer", devices_buzzer_text(d, buf, sizeof(buf)));
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

struct ack_ctx {
	int64_t call; /* the call waited on */
	bool acked;   /* it has been acknowledged */
};

static int find_call(const struct queue_call *k, void *ctx)
{
	struct ack_ctx *a = ctx;

	if (k->id == a->call && k->acked_at)
		a->acked = true;
	return 0;
}

static void show_led(struct devices *d, const struct callbutton *cb)
{
	static const enum gpio_out_mode mode[] = {
	    [CALLBUTTON_LED_OFF] = GPIO_OUT_OFF,
	    [CALLBUTTON_LED_BLINK] = GPIO_OUT_BLINK,
	    [CALLBUTTON_LED_ON] = GPIO_OUT_ON,
	};

	/* Repeating the mode it has changes nothing (gpio.h). */
	if (d->led)
		gpio_output_set_mode(d->led, mode[callbutton_led(cb)], 500);
}

/* A press of the call button: a call is committed, so the desk sees it. */
static void on_press(struct queue *q, struct callbutton *cb)
{
	int64_t id;

	if (callbutton_press(cb, mono_ms()) != CALLBUTTON_DO_COMMIT)
		return;
	if (queue_call_add(q, QUEUE_CALL_BUTTON, 0, time(NULL), &id) < 0) {
		callbutton_commit_failed(cb, mono_ms());
		printf("call button: pressed, but the call could not be "
		       "recorded: %s\n",
		       queue_errmsg(q));
		return;
	}
	callbutton_committed(cb, id, mono_ms());
	printf("call button: pressed, call #%lld sent to the desk\n",
	       (long long)id);
}

/* The live loop: poll the devices' fds, no busy waiting. */
static int listen_loop(struct console *c, struct devices *d, int seconds)
{
	struct queue *q = console_open_queue(c, false, false);
	struct callbutton cb;
	int64_t end = mono_ms() + (int64_t)seconds * 1000;
	struct sigaction sa;
	char text[CARDREADER_READ_MAX + 1];

	if (!q)
		return EXIT_REFUSED;
	/* Every press calls again; the LED stays on once acknowledged. */
	callbutton_init(&cb, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	printf("listening: swipe a card or press the call button%s\n",
	       seconds ? "" : " (Ctrl-C stops)");
	fflush(stdout);
	while (!stop_listen && (!seconds || mono_ms() < end)) {
		struct pollfd p[DEVICES_N_POLLFDS];
		struct gpio_button_event ev;
		struct ack_ctx ack = {0};
		bool changed;
		int n;

		/* 250 ms: also how often acknowledgements are noticed. */
		devices_pollfds(d, p);
		poll(p, DEVICES_N_POLLFDS, devices_timeout_ms(d, 250));
		devices_tick(d);

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
			on_press(q, &cb);
			show_led(d, &cb);
		}
		/* The desk's acknowledgement arrives through the database. */
		ack.call = callbutton_waiting_call(&cb);
		if (ack.call && queue_poll_changed(q, &changed) == 0 &&
		    changed &&
		    queue_calls(q, false, 20, find_call, &ack) == 0 &&
		    ack.acked &&
		    callbutton_acknowledged(&cb, ack.call, mono_ms())) {
			printf("call #%lld acknowledged: staff are coming\n",
			       (long long)ack.call);
			show_led(d, &cb);
		}
		callbutton_tick(&cb, mono_ms());
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
	devices_open(&c->cfg, &d);
	print_status(&d);
	fflush(stdout);
	if (listen)
		rc = listen_loop(c, &d, seconds);
	devices_close(&d);
	return rc;
}
