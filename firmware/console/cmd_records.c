// SPDX-License-Identifier: GPL-2.0-or-later
/* The Kasubbag's records: `supervise` (SOP step 7, the daily supervision)
 * and `report-handover` (SOP step 8, the monthly report to the Kabag). */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "safetext.h"

static int print_record(const struct queue_event *ev, void *ctx)
{
	char at[32], actor[64], note[1200];

	(void)ctx;
	date_format_wib(ev->at, at, sizeof(at));
	safetext_line(ev->actor, 32, actor, sizeof(actor));
	safetext_line(ev->note, 200, note, sizeof(note));
	printf("%s  by %s (%s) at %s%s\n", note, actor, ev->role, at,
	       ev->dev_mode ? " [dev]" : "");
	return 0;
}

/* `--list [PREFIX]`: the records of @p action, oldest first. */
static int list_records(struct console *c, const char *cmd, const char *action,
			const char *prefix)
{
	struct queue *q = console_open_queue(c, false, true);
	int rc = EXIT_OK;

	if (!q)
		return EXIT_REFUSED;
	if (queue_office_events(q, action, prefix ? prefix : "", print_record,
				NULL) < 0) {
		console_error(cmd, "%s", queue_errmsg(q));
		rc = EXIT_REFUSED;
	}
	queue_close(q);
	return rc;
}

/* Parse [--note TEXT] [--list] and at most one operand. */
static int parse(int argc, char **argv, const char **note, bool *list,
		 const char **operand)
{
	static const struct option opts[] = {
	    {"note", required_argument, NULL, 'n'},
	    {"list", no_argument, NULL, 'l'},
	    {NULL, 0, NULL, 0},
	};
	int opt;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt == 'n')
			*note = optarg;
		else if (opt == 'l')
			*list = true;
		else
			return -1;
	}
	if (argc - optind > 1 || (*list && *note))
		return -1;
	*operand = optind < argc ? argv[optind] : NULL;
	return 0;
}

/* The outcome of a record, with the console's messages. */
static int finish(struct console *c, struct queue *q, const char *cmd, int rc,
		  const char *what)
{
	if (rc < 0) {
		console_error(cmd, "%s", queue_errmsg(q));
		if (queue_errcode(q) == QUEUE_ERR_REFUSED)
			console_explain_roles(c);
		queue_close(q);
		return EXIT_REFUSED;
	}
	printf("%s recorded by %s\n", what, c->login);
	queue_close(q);
	return EXIT_OK;
}

int cmd_supervise(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console supervise [DATE] --note TEXT\n"
	    "       ppid-console supervise --list [YYYY-MM]\n"
	    "SOP step 7, the Kasubbag's daily supervision: mark office day "
	    "DATE\n(YYYY-MM-DD, default today, WIB) as reviewed, with a note "
	    "(what was\nchecked, what is to be done).  One per day: a second "
	    "one for the same day\nis refused (records are never changed; "
	    "add a note to a request instead).\nRecorded as an event with "
	    "your login and role.  --list shows them.\n";
	const char *note = NULL, *arg = NULL;
	struct date day = console_today(c);
	bool list = false;
	struct queue *q;
	char what[64];

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (parse(argc, argv, &note, &list, &arg) < 0 ||
	    (!list && arg && date_parse(arg, &day) < 0)) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (list)
		return list_records(c, "supervise", "supervise", arg);
	if (!note) {
		console_error("supervise", "--note is required (what was "
					   "reviewed)");
		return EXIT_USAGE;
	}
	q = console_open_queue(c, false, false);
	if (!q)
		return EXIT_REFUSED;
	date_format(day, what, sizeof(what));
	snprintf(what + strlen(what), sizeof(what) - strlen(what), " reviewed");
	return finish(c, q, "supervise",
		      queue_supervise(q, day, note, &c->actor, c->now), what);
}

int cmd_report_handover(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console report-handover YYYY-MM [--note TEXT]\n"
	    "       ppid-console report-handover --list [YYYY]\n"
	    "SOP step 8: record that the Kasubbag handed the monthly report "
	    "of\nYYYY-MM to the Kabag (the report itself is `list` / the "
	    "reports).  One\nper month, never changed; up to this month.  "
	    "Recorded as an event with\nyour login and role.\n";
	const char *note = NULL, *arg = NULL;
	bool list = false;
	int year, month, used = 0;
	struct queue *q;
	char what[64];

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (parse(argc, argv, &note, &list, &arg) < 0 || (!list && !arg)) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (list)
		return list_records(c, "report-handover", "report-handover",
				    arg);
	if (sscanf(arg, "%4d-%2d%n", &year, &month, &used) != 2 || arg[used] ||
	    strlen(arg) != 7) {
		console_error("report-handover", "'%s' is not YYYY-MM", arg);
		return EXIT_USAGE;
	}
	q = console_open_queue(c, false, false);
	if (!q)
		return EXIT_REFUSED;
	snprintf(what, sizeof(what), "report of %04d-%02d handed over", year,
		 month);
	return finish(
	    c, q, "report-handover",
	    queue_report_handover(q, year, month, note, &c->actor, c->now),
	    what);
}
