// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Printing from the console: print receipt|notification REGNO (or
 * --output FILE.pdf), printer status, jobs.  Every print is a print_jobs row
 * that follows the job; a job stuck behind a fault, or not printed in time,
 * is cancelled so that nothing stale comes out when the fault clears.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "docview.h"
#include "printer.h"
#include "printjob.h"
#include "safetext.h"

/* Send @p doc as print job @p job_id and follow it; returns an exit code. */
static int send_job(struct console *c, struct queue *q, int64_t job_id,
		    const char *queue_name, const char *title, bool receipt,
		    const struct doc_buf *doc, int wait_s)
{
	struct printer *p = printer_cups_open(NULL, queue_name, 5000);
	struct printjob job = {
	    .job_id = job_id,
	    .data = doc->data,
	    .len = doc->len,
	    .title = title,
	    .media = receipt ? docview_receipt_media(&c->cfg)
			     : docview_notification_media(),
	    .wait_s = wait_s,
	};
	struct printjob_result res;
	int rc = EXIT_REFUSED;

	if (!p) {
		int err = errno;

		printjob_fail(q, job_id, strerror(err), &res);
		console_error("print", "printer: %s", strerror(err));
		goto record;
	}
	printjob_run(q, p, &job, &res);
	if (res.state == QUEUE_JOB_DONE) {
		printf("printed %s on %s (job %d)\n", title,
		       printer_get_queue(p), res.cups_job);
		rc = EXIT_OK;
	} else if (!res.cups_job) {
		console_error("print", "not printed: %s", res.reason);
	} else {
		console_error("print", "job %d %s", res.cups_job, res.reason);
	}
record:
	/* A row that cannot say what happened is a failure of its own. */
	if (!res.recorded) {
		console_error("print", "%s", res.errmsg);
		rc = EXIT_REFUSED;
	}
	printer_close(p);
	return rc;
}

int console_print(struct console *c, const char *regno, bool receipt,
		  const char *number, const char *printer, const char *output,
		  int wait_s)
{
	static struct request r;
	struct doc_buf doc = {0};
	struct queue *q;
	const struct text *why;
	char title[96];
	int rc = EXIT_REFUSED;
	int64_t job_id;

	if (!wait_s)
		wait_s = receipt ? c->cfg.receipt_timeout_s : 120;
	if (!workflow_may(c->actor.roles, WF_PERM_PRINT, &why)) {
		console_error("print", "%s: %s (%s)", c->login, why->id,
			      why->en);
		console_explain_roles(c);
		return EXIT_REFUSED;
	}
	q = console_open_queue(c, false, false);
	if (!q)
		return EXIT_REFUSED;
	if (queue_get(q, regno, &r) < 0) {
		console_error("print", "%s", queue_errmsg(q));
		goto out;
	}
	if (!receipt && r.decision == WF_DECISION_NONE) {
		console_error("print",
			      "%s has no decision yet: decide or "
			      "exclude it first",
			      r.regno);
		goto out;
	}
	if ((receipt ? docview_render_receipt(&c->cfg, &r, &doc)
		     : docview_render_notification(
			   &c->cfg, &r, number, console_today(c), &doc)) < 0) {
		console_error("print", "cannot make the PDF: %s", doc.err);
		goto out;
	}
	if (output) {
		if (document_buf_save(&doc, output) < 0) {
			console_error("print", "%s: %s", output,
				      strerror(errno));
			goto out;
		}
		printf("%s\n", output);
		rc = EXIT_OK;
		goto out;
	}
	if (!printer)
		printer =
		    receipt ? c->cfg.receipt_printer : c->cfg.letter_printer;
	if (queue_job_add(q, r.id, receipt ? "receipt" : "notification",
			  printer, time(NULL), &job_id) < 0) {
		console_error("print", "%s", queue_errmsg(q));
		goto out;
	}
	/* The job name is the number only: job names show in CUPS logs. */
	snprintf(title, sizeof(title), "%s", r.regno);
	rc = send_job(c, q, job_id, printer, title, receipt, &doc, wait_s);
out:
	document_buf_free(&doc);
	document_shutdown();
	request_wipe(&r);
	queue_close(q);
	return rc;
}

static int print_doc(struct console *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"printer", required_argument, NULL, 'p'},
	    {"letter-number", required_argument, NULL, 'n'},
	    {"wait", required_argument, NULL, 'w'},
	    {NULL, 0, NULL, 0},
	};
	const char *output = NULL, *printer = NULL, *number = NULL;
	int opt, wait_s = 0;
	long n;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			output = optarg;
			break;
		case 'p':
			printer = optarg;
			break;
		case 'n':
			number = optarg;
			break;
		case 'w':
			if (console_parse_count("print", "--wait", optarg, 1,
						3600, &n) < 0)
				return EXIT_USAGE;
			wait_s = (int)n;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2 || (strcmp(argv[optind], "receipt") &&
				   strcmp(argv[optind], "notification")))
		return EXIT_USAGE;
	return console_print(c, argv[optind + 1],
			     strcmp(argv[optind], "receipt") == 0, number,
			     printer, output, wait_s);
}

int cmd_print(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console print receipt|notification REGNO "
	    "[--output FILE.pdf]\n"
	    "         [--printer QUEUE] [--letter-number N] [--wait S]\n"
	    "Print (or with --output, write) a request's receipt (tanda "
	    "terima) or its\nwritten notification (pemberitahuan "
	    "tertulis).  Each print is recorded in\n'ppid-console jobs'.  "
	    "A job that is stuck behind a printer fault, or not\nprinted "
	    "within --wait seconds ([printer] receipt_timeout_s for "
	    "receipts), is\ncancelled: nothing stale prints when the "
	    "fault clears.\n";
	int rc;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	rc = print_doc(c, argc, argv);
	if (rc == EXIT_USAGE)
		fputs(usage, stderr);
	return rc;
}

int cmd_printer(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console printer status [--printer QUEUE]\n"
	    "The receipt printer's state in words (or QUEUE's): ready, "
	    "printing, out of\npaper, offline, stopped, no printer, CUPS "
	    "not running.  Exit 1 when it\ncannot print now.\n";
	struct printer_status st;
	struct printer *p;
	const char *name = c->cfg.receipt_printer;
	char queue[256], reasons[1024], message[1024];

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (argc == 4 && strcmp(argv[2], "--printer") == 0)
		name = argv[3];
	else if (argc != 2) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "status")) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	p = printer_cups_open(NULL, name, 5000);
	if (!p || printer_status(p, &st) < 0) {
		console_error("printer", "%s", strerror(errno));
		printer_close(p);
		return EXIT_REFUSED;
	}
	/* CUPS's texts come from printer drivers and devices: escaped. */
	safetext_line(*st.queue ? st.queue : "(default)", 0, queue,
		      sizeof(queue));
	safetext_line(*st.reasons ? st.reasons : "none", 0, reasons,
		      sizeof(reasons));
	safetext_line(st.message, 0, message, sizeof(message));
	printf("printer: %s\nstate: %s\nwords: %s (%s)\nreasons: %s\n", queue,
	       printer_state_key(st.state), printer_state_text(st.state, false),
	       printer_state_text(st.state, true), reasons);
	if (*st.message)
		printf("message: %s\n", message);
	printer_close(p);
	return printer_state_can_print(st.state) ? EXIT_OK : EXIT_REFUSED;
}

static int print_job(const struct queue_job *j, void *ctx)
{
	char at[32], regno[64], doc[32], reason[300];

	(void)ctx;
	date_format_wib(j->updated_at, at, sizeof(at));
	safetext_line(j->regno, 40, regno, sizeof(regno));
	safetext_line(j->document, 16, doc, sizeof(doc));
	safetext_line(j->reason, 200, reason, sizeof(reason));
	printf("%-5lld %-26s %-12s %-10s %-6d %s  %s\n", (long long)j->id,
	       regno, doc, queue_job_state_key(j->state), j->cups_job, at,
	       reason);
	return 0;
}

int cmd_jobs(struct console *c, int argc, char **argv)
{
	static const char usage[] = "usage: ppid-console jobs [--limit N]\n"
				    "Recent print jobs and their states.\n";
	struct queue *q;
	long limit = 20;
	int rc;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (argc == 3 && strcmp(argv[1], "--limit") == 0) {
		if (console_parse_count("jobs", "--limit", argv[2], 1, 1000000,
					&limit) < 0)
			return EXIT_USAGE;
	} else if (argc != 1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	q = console_open_queue(c, false, true);
	if (!q)
		return EXIT_REFUSED;
	printf("%-5s %-26s %-12s %-10s %-6s %-20s  %s\n", "JOB", "REGNO",
	       "DOCUMENT", "STATE", "CUPS", "UPDATED", "REASON");
	rc = EXIT_OK;
	if (queue_jobs(q, -1, (int)limit, print_job, NULL) < 0) {
		console_error("jobs", "cannot read the print jobs: %s",
			      queue_errmsg(q));
		rc = EXIT_REFUSED;
	}
	queue_close(q);
	return rc;
}

int console_print_job(struct console *c, struct queue *q, int64_t job_id,
		      const char *printer, const char *title,
		      const struct doc_buf *doc, int wait_s)
{
	/* Not a receipt: A4, as the notification. */
	return send_job(c, q, job_id, printer, title, false, doc, wait_s);
}
