// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ppid-console report register|daily|monthly|yearly|matrix: the office's
 * reports as text, CSV or PDF, to standard output, a file, or the letter
 * printer.  Any login may read them; printing needs a role that may print.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "console.h"
#include "docview.h"
#include "printer.h"
#include "report.h"
#include "report_doc.h"

static const char usage_text[] =
    "usage: ppid-console report register [--from DATE] [--to DATE] [OPTIONS]\n"
    "       ppid-console report daily [DATE] [OPTIONS]\n"
    "       ppid-console report monthly YYYY-MM [OPTIONS]\n"
    "       ppid-console report yearly YYYY [OPTIONS]\n"
    "       ppid-console report matrix [--from DATE] [--to DATE] [OPTIONS]\n"
    "options: --format text|csv|pdf  --output FILE  --print [--printer Q]\n"
    "         [--wait S]  --lang id|en\n"
    "register: the request register in its official columns (Perki "
    "1/2021).\ndaily: requests by channel, actions by whom, open requests "
    "and deadlines,\n  calls, printer incidents, whether the Kasubbag "
    "supervised the day.\nmonthly, yearly: totals, decisions, working days "
    "to decision, extensions,\n  deadlines missed, calls, objections.\n"
    "matrix: the activity and assignment matrix (per login, role and "
    "day).\nDATE is YYYY-MM-DD (WIB); register and matrix default to this "
    "month up to\ntoday, daily to today.  Labels are Indonesian (--lang "
    "en: English).  A PDF\ngoes to a file (--output) or the letter printer "
    "(--print, a role that may\nprint); --output writes the file 0600 "
    "(the register holds personal data).\n";

struct opts {
	enum report_kind kind;	/* which report */
	struct date from, to;	/* the period asked */
	enum report_format fmt; /* output format */
	const char *output;	/* --output, or NULL */
	bool print;		/* --print */
	const char *printer;	/* --printer, or NULL */
	int wait_s;		/* --wait */
	enum lang lang;		/* --lang */
	char key[32];		/* the period as typed, for job names */
};

static int parse_date_arg(const char *opt, const char *s, struct date *d)
{
	if (date_parse(s, d) == 0)
		return 0;
	console_error("report", "%s must be a date YYYY-MM-DD, not '%s'", opt,
		      s);
	return -1;
}

/* The positional argument of daily, monthly, yearly. */
static int parse_period(struct console *c, struct opts *o, int argc,
			char **argv)
{
	struct date today = console_today(c);
	int n = argc - optind, y, m;
	char extra;
	const char *a = n > 0 ? argv[optind] : NULL;

	if (n > 1) {
		console_error("report", "unexpected argument '%s'",
			      argv[optind + 1]);
		return -1;
	}
	switch (o->kind) {
	case REPORT_DAILY:
		o->from = today;
		if (a && parse_date_arg("DATE", a, &o->from) < 0)
			return -1;
		o->to = o->from;
		break;
	case REPORT_MONTHLY:
		if (!a || sscanf(a, "%4d-%2d%c", &y, &m, &extra) != 2 ||
		    strlen(a) != 7 || !date_valid(y, m, 1)) {
			console_error("report",
				      "monthly needs YYYY-MM, not "
				      "'%s'",
				      a ? a : "");
			return -1;
		}
		o->from = o->to = (struct date){y, m, 1};
		break;
	case REPORT_YEARLY:
		if (!a || sscanf(a, "%4d%c", &y, &extra) != 1 ||
		    strlen(a) != 4 || !date_valid(y, 1, 1)) {
			console_error("report", "yearly needs YYYY, not '%s'",
				      a ? a : "");
			return -1;
		}
		o->from = o->to = (struct date){y, 1, 1};
		break;
	default:
		if (a) {
			console_error("report", "unexpected argument '%s'", a);
			return -1;
		}
		break;
	}
	if (report_period(o->kind, o->from, o->to, &o->from, &o->to) < 0) {
		console_error("report", "--to is before --from");
		return -1;
	}
	snprintf(o->key, sizeof(o->key), "%s", a ? a : "");
	return 0;
}

static int parse(struct console *c, int argc, char **argv, struct opts *o)
{
	static const struct option lopts[] = {
	    {"from", required_argument, NULL, 'f'},
	    {"to", required_argument, NULL, 't'},
	    {"format", required_argument, NULL, 'F'},
	    {"output", required_argument, NULL, 'o'},
	    {"print", no_argument, NULL, 'p'},
	    {"printer", required_argument, NULL, 'P'},
	    {"wait", required_argument, NULL, 'w'},
	    {"lang", required_argument, NULL, 'l'},
	    {NULL, 0, NULL, 0},
	};
	struct date today = console_today(c);
	bool range = false;
	int opt;
	long n;

	memset(o, 0, sizeof(*o));
	o->wait_s = 120;
	if (argc < 2 || report_kind_parse(argv[1], &o->kind) < 0) {
		if (argc >= 2)
			console_error("report", "unknown report '%s'", argv[1]);
		return -1;
	}
	o->from = (struct date){today.year, today.month, 1};
	o->to = today;
	optind = 2;
	while ((opt = getopt_long(argc, argv, "", lopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
		case 't':
			if (parse_date_arg(opt == 'f' ? "--from" : "--to",
					   optarg,
					   opt == 'f' ? &o->from : &o->to) < 0)
				return -1;
			range = true;
			break;
		case 'F':
			if (report_format_parse(optarg, &o->fmt) < 0) {
				console_error("report", "--format must be "
							"text, csv or pdf");
				return -1;
			}
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'p':
			o->print = true;
			break;
		case 'P':
			o->printer = optarg;
			break;
		case 'w':
			if (console_parse_count("report", "--wait", optarg, 1,
						3600, &n) < 0)
				return -1;
			o->wait_s = (int)n;
			break;
		case 'l':
			if (strcmp(optarg, "id") && strcmp(optarg, "en")) {
				console_error("report", "--lang must be id or "
							"en");
				return -1;
			}
			o->lang = strcmp(optarg, "en") == 0 ? LANG_EN : LANG_ID;
			break;
		default:
			return -1;
		}
	}
	if (range && o->kind != REPORT_REGISTER && o->kind != REPORT_MATRIX) {
		console_error("report", "--from and --to are for register and "
					"matrix");
		return -1;
	}
	if (o->print && o->output) {
		console_error("report", "--print and --output: choose one");
		return -1;
	}
	if (o->print)
		o->fmt = REPORT_FMT_PDF;
	return parse_period(c, o, argc, argv);
}

/* The report's PDF to the letter printer, followed to its end; a job
 * stuck behind a fault is cancelled.  The event records what happened. */
static int print_report(struct console *c, struct queue *q,
			const struct opts *o, const struct report *r)
{
	const struct report_office office = {c->cfg.office_name,
					     c->cfg.office_address};
	const char *name = o->printer ? o->printer : c->cfg.letter_printer;
	struct report_doc *d = report_doc_new(r, o->lang, &office);
	struct doc_buf pdf = {0};
	struct printer *p = NULL;
	struct printer_status st = {0};
	struct printer_job job = {0};
	char title[64], from[16], note[256];
	int id = 0, rc = EXIT_REFUSED;
	const char *outcome = "not printed";

	date_format(r->from, from, sizeof(from));
	snprintf(title, sizeof(title), "report-%s-%s", report_kind_key(r->kind),
		 from);
	if (!d || report_doc_pdf(d, &pdf) < 0) {
		console_error("report", "cannot make the PDF: %s",
			      d ? pdf.err : "out of memory");
		goto record;
	}
	p = printer_cups_open(NULL, name, 5000);
	if (!p) {
		console_error("report", "printer: %s", strerror(errno));
		goto record;
	}
	if (printer_submit(p, pdf.data, pdf.len, title,
			   docview_notification_media(), &id, &st) < 0) {
		console_error("report", "not printed: %s (%s)",
			      printer_state_text(st.state, false),
			      printer_state_text(st.state, true));
		goto record;
	}
	if (printer_wait_job(p, id, o->wait_s * 1000, &job) < 0 || job.stuck ||
	    job.state != PRINTER_JOB_COMPLETED) {
		printer_cancel_job(p, id);
		outcome = "cancelled";
		console_error("report",
			      "job %d not printed, cancelled: %s (%s)", id,
			      printer_state_text(job.printer.state, false),
			      printer_state_text(job.printer.state, true));
		goto record;
	}
	outcome = "printed";
	printf("printed %s on %s (job %d)\n", title, printer_get_queue(p), id);
	rc = EXIT_OK;
record:
	snprintf(note, sizeof(note), "%s: %s (job %d)", title, outcome, id);
	if (queue_record(q, 0, REPORT_ACTION_PRINT, note, &c->actor,
			 workflow_perm_roles(WF_PERM_PRINT) & c->actor.roles,
			 c->now) < 0) {
		console_error("report", "the print could not be recorded: %s",
			      queue_errmsg(q));
		rc = EXIT_REFUSED;
	}
	printer_close(p);
	document_buf_free(&pdf);
	report_doc_free(d);
	return rc;
}

/* To standard output, or to --output (written whole, 0600, atomically). */
static int write_report(struct console *c, const struct opts *o,
			const struct report *r)
{
	const struct report_office office = {c->cfg.office_name,
					     c->cfg.office_address};
	struct doc_buf out = {0};
	char err[DOCUMENT_ERR_LEN] = "", *buf = NULL;
	size_t len = 0;

	if (o->fmt == REPORT_FMT_PDF && !o->output && isatty(STDOUT_FILENO)) {
		console_error("report", "a PDF is not for the terminal: use "
					"--output FILE.pdf or --print");
		return EXIT_USAGE;
	}
	if (report_render_mem(r, o->fmt, o->lang, &office, &buf, &len, err,
			      sizeof(err)) < 0) {
		console_error("report", "cannot make the report: %s",
			      *err ? err : strerror(errno));
		return EXIT_REFUSED;
	}
	if (o->output) {
		out.data = (unsigned char *)buf;
		out.len = len;
		if (document_buf_save(&out, o->output) < 0) {
			console_error("report", "%s: %s", o->output,
				      strerror(errno));
			free(buf);
			return EXIT_REFUSED;
		}
		printf("%s\n", o->output);
	} else {
		fwrite(buf, 1, len, stdout);
	}
	free(buf);
	return EXIT_OK;
}

static int run(struct console *c, int argc, char **argv)
{
	struct opts o;
	struct queue *q;
	struct calendar *cal = NULL;
	struct report *r = NULL;
	const struct text *why;
	int rc = EXIT_REFUSED;

	if (parse(c, argc, argv, &o) < 0)
		return EXIT_USAGE;
	if (o.print && !workflow_may(c->actor.roles, WF_PERM_PRINT, &why)) {
		console_error("report", "%s: %s (%s)", c->login, why->id,
			      why->en);
		console_explain_roles(c);
		return EXIT_REFUSED;
	}
	/* Reading needs no role; printing records an event, so it writes. */
	c->quiet_holidays = true;
	q = console_open_queue(c, false, !o.print);
	if (!q)
		return EXIT_REFUSED;
	cal = console_load_calendar(c, q, "report");
	if (!cal)
		goto out;
	if (!calendar_has_year(cal, o.from.year) ||
	    !calendar_has_year(cal, o.to.year)) {
		int years[2] = {o.from.year, o.to.year};

		console_warn_holidays(
		    c, years, o.from.year == o.to.year ? 1 : 2,
		    "working days in the report count only weekends");
	}
	if (report_build(q, cal, o.kind, o.from, o.to, console_today(c), &r) <
	    0) {
		console_error("report", "cannot read the data: %s",
			      errno == ENOMEM ? "out of memory"
					      : queue_errmsg(q));
		goto out;
	}
	rc = o.print ? print_report(c, q, &o, r) : write_report(c, &o, r);
out:
	report_free(r);
	calendar_free(cal);
	queue_close(q);
	document_shutdown();
	return rc;
}

int cmd_report(struct console *c, int argc, char **argv)
{
	int rc;

	if (console_wants_help(argc, argv, usage_text))
		return EXIT_OK;
	rc = run(c, argc, argv);
	if (rc == EXIT_USAGE)
		fputs(usage_text, stderr);
	return rc;
}
