// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The TUI's loop: one poll() over the keyboard, the database's change
 * signal (dbwatch: inotify on the -wal file, confirmed by data_version),
 * the captured stderr, a print running in a child and the alerts.  Nothing wakes it
 * while nothing happens; it redraws only after something did.
 */

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tui.h"

enum {
	TUI_FD_KEYS = 0, /* stdin */
	TUI_FD_DB,	 /* dbwatch's inotify fd (or -1: its slow poll) */
	TUI_FD_STDERR,	 /* what the core and our helpers wrote there */
	TUI_FD_PRINT,	 /* a print child's words (or -1) */
	TUI_FD_ALERTS,	 /* the alerts' watcher (or -1: its slow poll) */
	TUI_FD_COUNT,	 /* slots */
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* stderr goes into a pipe while the screen is ours: the core's messages
 * land on the message line instead of across the screen. */
static int capture_stderr(struct tui *t)
{
	int p[2];

	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0)
		return -1;
	fflush(stderr);
	t->saved_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	if (t->saved_stderr < 0 || dup2(p[1], STDERR_FILENO) < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	close(p[1]);
	t->err_fd = p[0];
	return 0;
}

static void restore_stderr(struct tui *t)
{
	char buf[4096];
	ssize_t n;

	if (t->saved_stderr < 0)
		return;
	fflush(stderr);
	dup2(t->saved_stderr, STDERR_FILENO);
	close(t->saved_stderr);
	t->saved_stderr = -1;
	/* What nobody read yet is not lost. */
	while (t->err_fd >= 0 && (n = read(t->err_fd, buf, sizeof(buf))) > 0)
		if (write(STDERR_FILENO, buf, (size_t)n) < 0)
			break;
}

static void read_stderr(struct tui *t)
{
	char buf[2048], *line, *end;
	ssize_t n = read(t->err_fd, buf, sizeof(buf) - 1);

	if (n <= 0)
		return;
	buf[n] = '\0';
	/* The last whole line is the one that matters now. */
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	line = strrchr(buf, '\n');
	line = line ? line + 1 : buf;
	end = strstr(line, "ppid-console: ");
	if (end == line)
		line += 14;
	if (*line)
		tui_msg(t, TUI_LOOK_ERROR, "%s", line);
}

static int tui_open(struct tui *t, struct console *c)
{
	t->c = c;
	t->err_fd = t->saved_stderr = t->print_fd = -1;
	/* A login that may not write the file still reads (and is told
	 * why an action fails). */
	t->q = console_open_queue(c, false, access(c->db_path, W_OK) != 0);
	if (!t->q)
		return -1;
	t->cal = calendar_new();
	if (!t->cal) {
		console_error("tui", "out of memory");
		return -1;
	}
	if (c->cfg.close_min > c->cfg.open_min)
		calendar_set_hours(t->cal, c->cfg.open_min, c->cfg.close_min);
	t->dw = dbwatch_open(c->db_path, now_ms());
	if (!t->dw) {
		console_error("tui", "cannot watch %s: %s", c->db_path,
			      strerror(errno));
		return -1;
	}
	t->alerts = alerts_open(t->q, t->cal, c->db_path, time(NULL));
	if (!t->alerts) {
		console_error("tui", "cannot watch for alerts: %s",
			      errno == ENOMEM ? "out of memory"
					      : queue_errmsg(t->q));
		return -1;
	}
	if (capture_stderr(t) < 0) {
		console_error("tui", "cannot capture stderr: %s",
			      strerror(errno));
		return -1;
	}
	return 0;
}

static void tui_close(struct tui *t)
{
	if (t->print_pid) {
		/* Let a print finish on its own: its job row follows it. */
		t->print_pid = 0;
	}
	if (t->print_fd >= 0)
		close(t->print_fd);
	restore_stderr(t);
	if (t->err_fd >= 0)
		close(t->err_fd);
	t->quit = true; /* the pager's fonts go too */
	tui_report_close(t);
	tui_data_free(t);
	alerts_close(t->alerts);
	dbwatch_close(t->dw);
	calendar_free(t->cal);
	queue_close(t->q);
}

static void key(struct tui *t, int k)
{
	/* Any key dismisses a banner, except one about a call that still
	 * waits (it goes when the call is acknowledged). */
	if (*t->banner && !t->banner_call && k != KEY_RESIZE)
		t->banner[0] = '\0';
	if (k != KEY_RESIZE && k != 'a')
		t->msg[0] = '\0';
	if (k == KEY_RESIZE)
		return;
	if (t->show_keys || k == '?') {
		t->show_keys = !t->show_keys;
		return;
	}
	if (k == 12) { /* Ctrl-L */
		clearok(curscr, TRUE);
		return;
	}
	if (t->pager) {
		tui_report_key(t, k);
		return;
	}
	if (t->in_detail) {
		tui_detail_key(t, k);
		return;
	}
	if (tui_lists_key(t, k))
		return;
	if (k == 'q')
		t->quit = true;
}

/*
 * At each wake-up: re-read when another connection committed (the mark
 * of data_version is read here first, every time, since the alerts share
 * the connection and would otherwise take the change), or when the file
 * itself changed; the alerts are told to re-read too.
 */
static bool db_event(struct tui *t, unsigned what)
{
	bool changed = false;

	if (queue_poll_changed(t->q, &changed) < 0) {
		tui_msg(t, TUI_LOOK_ERROR, "%s", queue_errmsg(t->q));
		return true;
	}
	if (what & DBWATCH_FILE)
		changed = true;
	if (changed) {
		tui_data_reload(t);
		alerts_refresh(t->alerts);
	}
	return changed;
}

void tui_alert(struct tui *t, const struct alert *a)
{
	/* A request entered here is no news to this desk. */
	if (a->kind == ALERT_REQUEST && a->request_id &&
	    a->request_id == t->entered_here)
		return;
	tui_banner(t, tui_alert_word(a->kind), a->regno, a->text, a->call_id);
}

static int tui_alert_cb(const struct alert *a, void *ctx)
{
	tui_alert(ctx, a);
	return 0;
}

void tui_wrote(struct tui *t)
{
	tui_data_reload(t);
	alerts_refresh(t->alerts);
}

/* Milliseconds until the office's next midnight (WIB), when every
 * "working days left" changes: the one tick of an idle TUI. */
static int ms_to_midnight(void)
{
	int minute;
	time_t now = time(NULL);

	date_of_wib(now, &minute);
	return ((24 * 60 - minute) * 60 - (int)(now % 60) + 1) * 1000;
}

static int min_timeout(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

static void loop(struct tui *t)
{
	struct date day = console_today(t->c);

	/* alerts_open() set the mark of data_version. */
	tui_data_reload(t);
	tui_draw(t);
	while (!t->quit && !stop) {
		struct pollfd fds[TUI_FD_COUNT] = {
		    [TUI_FD_KEYS] = {.fd = STDIN_FILENO, .events = POLLIN},
		    [TUI_FD_DB] = {.fd = dbwatch_get_fd(t->dw),
				   .events = POLLIN},
		    [TUI_FD_STDERR] = {.fd = t->err_fd, .events = POLLIN},
		    [TUI_FD_PRINT] = {.fd = t->print_fd, .events = POLLIN},
		    [TUI_FD_ALERTS] = {.fd = alerts_get_fd(t->alerts),
				       .events = POLLIN},
		};
		int64_t ms = now_ms();
		int timeout = min_timeout(
			min_timeout(dbwatch_timeout_ms(t->dw, ms),
				    alerts_timeout_ms(t->alerts, ms)),
			ms_to_midnight()),
		    k, n;
		bool dirty = false;

		n = poll(fds, TUI_FD_COUNT, timeout);
		if (n < 0 && errno != EINTR)
			break;
		/* A resize interrupts poll(); curses then has KEY_RESIZE. */
		while ((k = getch()) != ERR) {
			key(t, k);
			dirty = true;
			if (t->quit)
				break;
		}
		if (n > 0 && (fds[TUI_FD_STDERR].revents & POLLIN)) {
			read_stderr(t);
			dirty = true;
		}
		if (n > 0 && fds[TUI_FD_PRINT].revents) {
			tui_act_print_read(t);
			dirty = true;
		}
		if (db_event(t, dbwatch_read(t->dw, now_ms())))
			dirty = true;
		n = alerts_read(t->alerts, time(NULL), now_ms(), tui_alert_cb,
				t);
		if (n < 0)
			tui_msg(t, TUI_LOOK_ERROR, "%s", queue_errmsg(t->q));
		if (n != 0)
			dirty = true;
		t->c->now = time(NULL);
		if (date_cmp(console_today(t->c), day) != 0) {
			day = console_today(t->c);
			tui_data_reload(t);
			dirty = true;
		}
		if (dirty)
			tui_draw(t);
	}
}

int tui_run(struct console *c)
{
	static struct tui t;
	struct sigaction sa;
	int rc = EXIT_REFUSED;

	setlocale(LC_ALL, "");
	if (tui_open(&t, c) < 0)
		goto out;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if (!initscr()) {
		restore_stderr(&t);
		console_error("tui", "cannot start the terminal screen");
		goto out;
	}
	set_escdelay(25);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	tui_draw_init(&t);
	loop(&t);
	endwin();
	rc = EXIT_OK;
out:
	tui_close(&t);
	return rc;
}
