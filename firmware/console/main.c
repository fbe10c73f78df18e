// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ppid-console: the staff's scripting face of the queue.  Global options,
 * the actor (always the OS login), and dispatch to the subcommands.
 */

#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "console.h"
#include "log.h"
#include "tui.h"

static const struct console_cmd commands[] = {
    {"init", cmd_init, "create or upgrade the database"},
    {"add", cmd_add, "register a letter, email, phone or desk request"},
    {"list", cmd_list, "list requests (--status, --open, --overdue)"},
    {"show", cmd_show, "one request: fields, deadline, history"},
    {"act", cmd_act, "take an SOP action on a request"},
    {"check-id", cmd_check_id, "parse an NIK, MRZ or receipt code"},
    {"workdays", cmd_workdays, "the date N working days after DATE"},
    {"holidays", cmd_holidays, "list, add or import holidays"},
    {"watch", cmd_watch, "the desk's alerts, one line each, at once"},
    {"calls", cmd_calls, "calls from the kiosk's button; ack them"},
    {"hw", cmd_hw, "card reader, call button, LED: connected or not"},
    {"print", cmd_print, "print (or --output) a receipt or notification"},
    {"printer", cmd_printer, "the printer's state in words"},
    {"jobs", cmd_jobs, "recent print jobs and their states"},
    {"handover", cmd_handover,
     "hand the information over; print the data receipt"},
    {"supervise", cmd_supervise, "Kasubbag: mark a day as reviewed (SOP 7)"},
    {"report-handover", cmd_report_handover,
     "Kasubbag: monthly report handed to the Kabag (SOP 8)"},
    {"report", cmd_report, "register, daily, monthly, yearly, matrix"},
    {"kiosk-pin", cmd_kiosk_pin, "make the kiosk's maintenance PIN hash"},
    {"backup", cmd_backup, "a consistent copy of the database"},
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: ppid-console [--db PATH] [--config FILE] COMMAND "
		"[ARGS]\n       ppid-console   (on a terminal: the full-screen "
		"console)\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-15s %s\n", commands[i].name,
			commands[i].summary);
	fprintf(f,
		"\n'ppid-console COMMAND --help' tells more.\n"
		"The actor is always your login; its role comes from the "
		"[staff] section\nof the configuration (%s).\n",
		CONFIG_DEFAULT_PATH);
}

void console_error(const char *cmd, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "ppid-console: %s: %s\n", cmd, msg);
}

void console_error_text(const char *cmd, const char *what, const struct text *t)
{
	fprintf(stderr, "ppid-console: %s: %s%s%s (%s)\n", cmd,
		what ? what : "", what ? ": " : "", t->id, t->en);
}

bool console_wants_help(int argc, char **argv, const char *text)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			fputs(text, stdout);
			return true;
		}
	}
	return false;
}

struct date console_today(const struct console *c)
{
	return date_of_wib(c->now, NULL);
}

static int warn_year(const struct queue_holiday *h, void *ctx)
{
	(void)h;
	*(bool *)ctx = true;
	return 1;
}

int console_year_has_holidays(struct queue *q, int year, bool *has)
{
	*has = false;
	return queue_holidays(q, year, warn_year, has);
}

void console_warn_holidays(struct console *c, const int *years, int n,
			   const char *why)
{
	char list[64] = "";

	if (c->holidays_warned || n <= 0)
		return;
	c->holidays_warned = true;
	for (int i = 0; i < n; i++)
		snprintf(list + strlen(list), sizeof(list) - strlen(list),
			 "%s%d", i ? (i == n - 1 ? " and " : ", ") : "",
			 years[i]);
	fprintf(stderr,
		"ppid-console: warning: no holidays loaded for %s: %s "
		"(ppid-console holidays import FILE)\n",
		list, why);
}

struct calendar *console_load_calendar(struct console *c, struct queue *q,
				       const char *cmd)
{
	struct calendar *cal = calendar_new();

	(void)c;
	if (!cal) {
		console_error(cmd, "out of memory for the holiday calendar");
		return NULL;
	}
	if (queue_load_calendar(q, cal) < 0) {
		console_error(cmd, "cannot read the holidays: %s",
			      queue_errmsg(q));
		calendar_free(cal);
		return NULL;
	}
	return cal;
}

struct queue *console_open_queue(struct console *c, bool create, bool readonly)
{
	struct queue_options opt = {
	    .path = c->db_path,
	    .create = create,
	    .readonly = readonly,
	    .busy_timeout_ms = c->cfg.busy_timeout_ms,
	    .number_format = c->cfg.number_format,
	    .prefix = c->cfg.office_prefix,
	    .open_min = c->cfg.open_min,
	    .close_min = c->cfg.close_min,
	};
	struct queue *q;
	char err[512];
	int year = console_today(c).year, missing[2], n = 0;

	if (queue_open(&opt, &q, err, sizeof(err)) != QUEUE_OK) {
		fprintf(stderr, "ppid-console: %s\n", err);
		return NULL;
	}
	/* A deadline counted over a year without holidays would be wrong:
	 * one warning per command, naming every such year. */
	for (int y = year; y <= year + 1 && !c->holidays_warned; y++) {
		bool any;

		if (console_year_has_holidays(q, y, &any) < 0) {
			fprintf(stderr,
				"ppid-console: warning: cannot read the "
				"holidays of %d: %s\n",
				y, queue_errmsg(q));
			break;
		}
		if (!any)
			missing[n++] = y;
	}
	if (!c->quiet_holidays)
		console_warn_holidays(c, missing, n,
				      "deadlines reaching into them count only "
				      "weekends");
	return q;
}

int console_parse_count(const char *cmd, const char *opt, const char *text,
			long lo, long hi, long *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(text, &end, 10);
	if (errno || end == text || *end || n < lo || n > hi) {
		console_error(cmd,
			      "%s must be a whole number from %ld to %ld, "
			      "not '%s'",
			      opt, lo, hi, text);
		return -1;
	}
	*out = n;
	return 0;
}

int console_read_stdin_line(const char *cmd, const char *what, char *buf,
			    size_t len)
{
	size_t n;

	/* No stdio buffer keeps a copy of the secret beyond its line. */
	setvbuf(stdin, NULL, _IONBF, 0);
	if (isatty(STDIN_FILENO))
		fprintf(stderr, "%s: ", what);
	if (!fgets(buf, (int)len, stdin)) {
		console_error(cmd, "no %s on standard input", what);
		return -1;
	}
	n = strlen(buf);
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (!feof(stdin)) {
		explicit_bzero(buf, len);
		console_error(cmd, "the %s on standard input is too long",
			      what);
		return -1;
	}
	if (n && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return 0;
}

/*
 * Everything a command printed must have reached its reader: a full disk or
 * a closed pipe behind stdout is an error, not a silent success.
 */
static int finish(int rc)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, "ppid-console: cannot write the output: %s\n",
			errno ? strerror(errno) : "write error");
		return EXIT_REFUSED;
	}
	return rc;
}

void console_explain_roles(const struct console *c)
{
	if (c->actor.roles & WF_ROLE_STAFF)
		return;
	fprintf(stderr,
		"ppid-console: %s holds no staff role, so it may only read.  "
		"To grant one,\nroot adds a line such as '%s = desk' (roles: "
		"desk, kasubbag, kabag, ppid)\nunder [staff] in %s (owned by "
		"root, writable only by root).\n"
		"For development only, PPID_DEV=1 gives every login every "
		"role.\n",
		c->login, c->login,
		*c->cfg.path ? c->cfg.path : CONFIG_DEFAULT_PATH);
}

/* An installed kiosk: a trusted configuration that lists staff, or the
 * installed database.  Development mode is refused there. */
static bool installed(const struct console *c)
{
	return c->cfg.n_staff > 0 || strcmp(c->db_path, CONFIG_DEFAULT_DB) == 0;
}

/* Take --db and --config from anywhere on the line (before "--"). */
static int take_globals(int *argc, char **argv, const char **db,
			const char **config)
{
	int out = 1;

	for (int i = 1; i < *argc; i++) {
		const char **slot = NULL;

		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--db") == 0)
			slot = db;
		else if (strcmp(argv[i], "--config") == 0)
			slot = config;
		if (slot) {
			if (i + 1 >= *argc)
				return -1;
			*slot = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--db=", 5) == 0) {
			*db = argv[i] + 5;
			continue;
		}
		if (strncmp(argv[i], "--config=", 9) == 0) {
			*config = argv[i] + 9;
			continue;
		}
		argv[out++] = argv[i];
	}
	argv[out] = NULL;
	*argc = out;
	return 0;
}

int main(int argc, char **argv)
{
	static struct console c;
	const char *db = NULL, *config_path = NULL, *dev;
	struct passwd *pw;

	if (take_globals(&argc, argv, &db, &config_path) < 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	/* No command: the TUI on a terminal, the usage elsewhere. */
	if (argc < 2 && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (argc >= 2 &&
	    (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	     strcmp(argv[1], "help") == 0)) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!config_path)
		config_path = getenv("PPID_CONFIG");
	if (config_load(&c.cfg, config_path, stderr) < 0)
		return EXIT_REFUSED;
	c.db_path = db ? db : c.cfg.db_path;
	c.now = time(NULL);

	/* The actor is the OS login, never an option. */
	pw = getpwuid(getuid());
	snprintf(c.login, sizeof(c.login), "%s", pw ? pw->pw_name : "uid");
	if (!pw)
		snprintf(c.login, sizeof(c.login), "uid%u", (unsigned)getuid());
	c.actor.login = c.login;
	/* Closed by default: roles come from [staff] only.  Development
	 * mode must be asked for, and every event made in it says so. */
	dev = getenv("PPID_DEV");
	c.actor.dev_mode = dev && strcmp(dev, "1") == 0;
	if (c.actor.dev_mode && installed(&c)) {
		/* An installed kiosk's register is never opened up by an
		 * environment variable anyone can set. */
		fprintf(stderr,
			"ppid-console: PPID_DEV=1 is ignored: this is an "
			"installed kiosk (%s); roles come from [staff] "
			"only\n",
			c.cfg.n_staff ? "its configuration lists staff"
				      : "the database is the installed one");
		c.actor.dev_mode = false;
	}
	c.actor.roles =
	    c.actor.dev_mode ? WF_ROLE_STAFF : config_roles_of(&c.cfg, c.login);

	if (argc < 2)
		return finish(tui_run(&c));
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return finish(commands[i].run(&c, argc - 1, argv + 1));
	fprintf(stderr, "ppid-console: unknown command '%s'\n\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
