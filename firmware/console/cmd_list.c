// SPDX-License-Identifier: GPL-2.0-or-later
/* Subcommands that read the register: list. */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "csvout.h"
#include "safetext.h"
#include "view.h"

/* ---- list ------------------------------------------------------------------ */

struct list_ctx {
	struct console *c;    /* for today */
	struct calendar *cal; /* for working days left */
	bool csv;	      /* CSV instead of a table */
	int rows;	      /* printed */
	struct view_row row;  /* the row being printed */
};

/* Print at most @p width characters (not bytes) of a UTF-8 string with its
 * control characters made visible, padded to @p width. */
static void cell(const char *s, int width)
{
	char buf[512];

	safetext_line(s, (size_t)width, buf, sizeof(buf));
	fputs(buf, stdout);
	for (size_t n = safetext_chars(buf); n < (size_t)width; n++)
		putchar(' ');
	putchar(' ');
}

static void due_words(const struct view_row *row, char *buf, size_t len)
{
	if (row->due_state == VIEW_DUE_DONE)
		snprintf(buf, len, "-");
	else if (row->due_state == VIEW_DUE_OVERDUE)
		snprintf(buf, len, "OVERDUE %d", -row->left);
	else
		snprintf(buf, len, "%d wd left", row->left);
}

static int list_row(const struct request *r, void *ctx)
{
	struct list_ctx *l = ctx;
	struct view_row *row = &l->row;
	char words[32];

	view_row_fill(row, r, l->cal, console_today(l->c));
	due_words(row, words, sizeof(words));
	if (l->csv) {
		char ext[16] = "", due[16];

		if (row->extended)
			date_format(row->extended_deadline, ext, sizeof(ext));
		date_format(row->deadline, due, sizeof(due));
		const char *cells[] = {
		    row->regno,
		    row->received,
		    request_channel_key(row->channel),
		    row->name,
		    workflow_status_key(row->status),
		    due,
		    ext,
		    row->overdue ? "yes" : "no",
		    row->decision ? workflow_decision_key(row->decision) : "",
		    row->info,
		};

		/* A write error stops the listing; stdout keeps its error. */
		if (csvout_row(stdout, sizeof(cells) / sizeof(cells[0]),
			       cells) < 0)
			return -1;
	} else {
		cell(row->regno, 26);
		cell(row->received, 20);
		cell(row->name, 24);
		cell(workflow_status_key(row->status), 12);
		cell(row->due_text, 10);
		printf("%s\n", words);
	}
	l->rows++;
	return 0;
}

int cmd_list(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console list [--status S] [--open] [--overdue] "
	    "[--format table|csv] [--limit N]\n"
	    "Requests, newest first.  S is one of submitted, forwarded, "
	    "excluded,\navailable, coordinating, decided, notified, "
	    "closed.  --open: not yet\nnotified; --overdue: past the "
	    "deadline in force (extensions count).\n";
	static const struct option opts[] = {
	    {"status", required_argument, NULL, 's'},
	    {"open", no_argument, NULL, 'o'},
	    {"overdue", no_argument, NULL, 'O'},
	    {"format", required_argument, NULL, 'f'},
	    {"limit", required_argument, NULL, 'l'},
	    {NULL, 0, NULL, 0},
	};
	struct queue_filter f = {.status = -1};
	struct list_ctx l;
	struct queue *q;
	int opt, rc = EXIT_REFUSED;
	long n;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	memset(&l, 0, sizeof(l));
	l.c = c;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			f.status = workflow_status_from_key(optarg);
			if (f.status < 0) {
				console_error("list", "unknown status '%s'",
					      optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o':
			f.open_only = true;
			break;
		case 'O':
			f.overdue_only = true;
			break;
		case 'f':
			if (strcmp(optarg, "csv") && strcmp(optarg, "table")) {
				console_error("list",
					      "--format must be table or csv");
				return EXIT_USAGE;
			}
			l.csv = strcmp(optarg, "csv") == 0;
			break;
		case 'l':
			if (console_parse_count("list", "--limit", optarg, 1,
						1000000, &n) < 0)
				return EXIT_USAGE;
			f.limit = (int)n;
			break;
		default:
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		console_error("list", "unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	f.today = console_today(c);
	q = console_open_queue(c, false, true);
	if (!q)
		return EXIT_REFUSED;
	l.cal = console_load_calendar(c, q, "list");
	if (!l.cal)
		goto out;
	if (l.csv)
		fputs("regno,received,channel,name,status,deadline,"
		      "extended_deadline,overdue,decision,info\r\n",
		      stdout);
	else
		printf("%-26s %-20s %-24s %-12s %-10s %s\n", "REGNO",
		       "RECEIVED", "NAME", "STATUS", "DUE", "");
	if (queue_list(q, &f, list_row, &l) < 0) {
		console_error("list", "%s", queue_errmsg(q));
		goto out;
	}
	rc = EXIT_OK;
out:
	explicit_bzero(&l.row, sizeof(l.row));
	calendar_free(l.cal);
	queue_close(q);
	return rc;
}
