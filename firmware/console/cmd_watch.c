// SPDX-License-Identifier: GPL-2.0-or-later
/* `ppid-console watch`: the desk's alerts (alerts.h), one line each,
 * flushed at once; it sleeps in poll() until the database changes. */

#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alerts.h"
#include "console.h"
#include "devices.h"
#include "safetext.h"

#define BUZZ_MS 200 /* one beep of the desk buzzer per alert */

static volatile sig_atomic_t stop_watch;

static void on_signal(int sig)
{
	(void)sig;
	stop_watch = 1;
}

struct watch_ctx {
	bool bell;		    /* ring the terminal bell on alerts */
	bool events;		    /* print the other events too */
	struct gpio_output *buzzer; /* the desk buzzer, or NULL */
	long printed;		    /* lines so far */
	long max;		    /* stop after this many (0 = never) */
	bool write_failed;	    /* stdout went away */
};

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* "YYYY-MM-DD HH:MM:SS", the office's time (WIB is a whole-hour zone). */
static void format_time(int64_t utc, char *buf, size_t len)
{
	int minute;
	struct date d = date_of_wib((time_t)utc, &minute);

	snprintf(buf, len, "%04d-%02d-%02d %02d:%02d:%02d", d.year, d.month,
		 d.day, minute / 60, minute % 60,
		 (int)(((utc % 60) + 60) % 60));
}

/* Scripts and the desk read this live: never sit in a buffer; a reader
 * that went away ends the watch. */
static int line_done(struct watch_ctx *w)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		w->write_failed = true;
		return 1;
	}
	w->printed++;
	return w->max && w->printed >= w->max;
}

static int print_alert(const struct alert *al, void *ctx)
{
	struct watch_ctx *w = ctx;
	char at[32];

	if (w->max && w->printed >= w->max)
		return 1;
	format_time(al->at, at, sizeof(at));
	/* The alert's fields are escaped by alerts.c (safetext). */
	printf("%s  %-9s  %s  %s\n", at, alert_kind_name(al->kind),
	       *al->regno ? al->regno : "-", al->text);
	if (w->bell)
		putchar('\a');
	if (w->buzzer)
		gpio_output_set_mode(w->buzzer, GPIO_OUT_PULSE, BUZZ_MS);
	return line_done(w);
}

/* Any other event, for --events and --all: every field that came from
 * outside is escaped, so a newline in a note cannot forge a line. */
static int print_event(const struct queue_event *ev, void *ctx)
{
	struct watch_ctx *w = ctx;
	char at[32], regno[64], actor[64], note[256], action[40], role[40],
	    from[40], to[40];

	if (!w->events || (w->max && w->printed >= w->max))
		return 0;
	format_time(ev->at, at, sizeof(at));
	safetext_line(ev->regno, 40, regno, sizeof(regno));
	safetext_line(ev->actor, 32, actor, sizeof(actor));
	safetext_line(ev->note, 120, note, sizeof(note));
	safetext_line(ev->action, 24, action, sizeof(action));
	safetext_line(ev->role, 16, role, sizeof(role));
	safetext_line(ev->from, 24, from, sizeof(from));
	safetext_line(ev->to, 24, to, sizeof(to));
	printf("%s  %-9s  %s  %s by %s (%s)", at, "event", *regno ? regno : "-",
	       action, actor, role);
	if (*ev->to && strcmp(ev->from, ev->to))
		printf(": %s -> %s", from, to);
	if (*note)
		printf("  \"%s\"", note);
	putchar('\n');
	line_done(w);
	return 0;
}

/* The desk buzzer as [gpio] configures it; NULL after a message. */
static struct gpio_output *open_buzzer(const struct config *cfg)
{
	struct gpio_output_cfg oc;
	struct gpio_output *o = NULL;
	char why[GPIO_WHY_LEN] = "";

	if (cfg->gpio_backend == CONFIG_GPIO_SIM && *cfg->buzzer_line) {
		o = gpio_output_sim_open("desk buzzer");
		if (!o)
			snprintf(why, sizeof(why), "%s", strerror(errno));
	} else if (cfg->gpio_backend == CONFIG_GPIO_GPIOD &&
		   (*cfg->buzzer_line || cfg->buzzer_offset)) {
		devices_buzzer_cfg(cfg, &oc);
		o = gpio_output_gpiod_open(&oc, why, sizeof(why));
	} else {
		snprintf(why, sizeof(why),
			 "no desk buzzer configured ([gpio] buzzer)");
	}
	if (!o)
		console_error("watch", "--buzzer: %s", why);
	return o;
}

static int parse_args(int argc, char **argv, struct watch_ctx *w, bool *all,
		      bool *buzzer, bool *english)
{
	static const struct option opts[] = {
	    {"all", no_argument, NULL, 'a'},
	    {"events", no_argument, NULL, 'e'},
	    {"count", required_argument, NULL, 'c'},
	    {"bell", no_argument, NULL, 'b'},
	    {"buzzer", no_argument, NULL, 'z'},
	    {"lang", required_argument, NULL, 'l'},
	    {NULL, 0, NULL, 0},
	};
	int opt;
	long n;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			*all = true;
			w->events = true;
			break;
		case 'e':
			w->events = true;
			break;
		case 'c':
			if (console_parse_count("watch", "--count", optarg, 1,
						1000000000, &n) < 0)
				return -1;
			w->max = n;
			break;
		case 'b':
			w->bell = true;
			break;
		case 'z':
			*buzzer = true;
			break;
		case 'l':
			if (strcmp(optarg, "id") && strcmp(optarg, "en")) {
				console_error("watch",
					      "--lang must be id or en");
				return -1;
			}
			*english = strcmp(optarg, "en") == 0;
			break;
		default:
			return -1;
		}
	}
	return optind == argc ? 0 : -1;
}

/* poll() until an alert is due: the watcher's fd, its follow-ups, the
 * next deadline day, the buzzer's pulse; nothing else wakes it. */
static int watch_loop(struct alerts *a, struct watch_ctx *w)
{
	while (!stop_watch) {
		struct pollfd p = {alerts_get_fd(a), POLLIN, 0};
		int t = alerts_timeout_ms(a, mono_ms());

		if (w->buzzer) {
			int bt = gpio_output_timeout_ms(w->buzzer);

			if (bt >= 0 && (t < 0 || bt < t))
				t = bt;
		}
		if (poll(&p, p.fd >= 0 ? 1 : 0, t) < 0 && errno != EINTR)
			return -1;
		if (w->buzzer)
			gpio_output_tick(w->buzzer);
		if (stop_watch)
			break;
		if (alerts_read(a, time(NULL), mono_ms(), print_alert, w) < 0)
			return -1;
		if (w->write_failed || (w->max && w->printed >= w->max))
			break;
	}
	return 0;
}

int cmd_watch(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console watch [--bell] [--buzzer] [--events] [--all] "
	    "[--count N]\n"
	    "                          [--lang id|en]\n"
	    "The desk's alerts, one line each as they happen, flushed at "
	    "once:\n"
	    "  TIME  KIND  REGNO  TEXT   (REGNO '-' when none)\n"
	    "KIND is request (a new request), call (the call button), pickup "
	    "(a visitor\nwaits to collect), unprinted (a receipt or letter "
	    "did not print), printer (a\nprinter fault), due-soon (deadline "
	    "within 2 working days) or overdue.  Calls\nstill waiting and "
	    "the deadlines are shown at the start; deadlines again each\n"
	    "office day.  It sleeps until another program commits (inotify "
	    "on the\ndatabase's -wal file).\n"
	    "  --bell        ring the terminal bell on each alert\n"
	    "  --buzzer      beep the desk buzzer ([gpio] buzzer) on each "
	    "alert\n"
	    "  --events      also print every other event (actions, "
	    "acknowledgements)\n"
	    "  --all         print the existing history first (implies "
	    "--events)\n"
	    "  --count N     exit after N lines\n"
	    "  --lang id|en  the alerts' language (default id)\n";
	struct watch_ctx w = {0};
	struct sigaction sa;
	struct calendar *cal = NULL;
	struct alerts *a = NULL;
	struct queue *q;
	bool all = false, buzzer = false, english = false;
	int rc = EXIT_REFUSED;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (parse_args(argc, argv, &w, &all, &buzzer, &english) < 0) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	q = console_open_queue(c, false, true);
	if (!q)
		return EXIT_REFUSED;
	if (buzzer && !(w.buzzer = open_buzzer(&c->cfg)))
		goto out;
	cal = console_load_calendar(c, q, "watch");
	if (!cal)
		goto out;
	if (c->cfg.close_min > c->cfg.open_min)
		calendar_set_hours(cal, c->cfg.open_min, c->cfg.close_min);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if (all && queue_events_after(q, 0, print_event, &w) < 0)
		goto fail;
	a = alerts_open(q, cal, c->db_path, time(NULL));
	if (!a)
		goto fail;
	alerts_set_english(a, english);
	alerts_set_stale_s(a, c->cfg.receipt_timeout_s + 60);
	alerts_set_event_cb(a, print_event, &w);
	fprintf(stderr, "ppid-console: watching %s%s (Ctrl-C to stop)\n",
		c->db_path, alerts_is_polling(a) ? ", polling" : "");
	if (!(w.max && w.printed >= w.max) && watch_loop(a, &w) < 0)
		goto fail;
	if (w.write_failed)
		console_error("watch", "cannot write: %s", strerror(errno));
	else
		rc = EXIT_OK;
	goto out;
fail:
	console_error("watch", "%s",
		      errno == ENOMEM ? "out of memory" : queue_errmsg(q));
out:
	alerts_close(a);
	calendar_free(cal);
	gpio_output_close(w.buzzer);
	queue_close(q);
	return rc;
}
