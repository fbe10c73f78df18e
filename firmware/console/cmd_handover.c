// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `ppid-console handover`: SOP step 5, the information handed over to the
 * requester (the workflow's "handover" action: what, in which form; the
 * request's waiting pickup call is closed with it), then the data receipt
 * (tanda terima data) printed for the requester's signature.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "docview.h"

int console_print_data_receipt(struct console *c, const char *regno,
			       const char *printer, const char *output,
			       int wait_s)
{
	static struct request r;
	static struct queue_handover h;
	struct docview_handover dh;
	struct doc_buf doc = {0};
	const struct text *why;
	struct queue *q;
	int64_t job_id;
	int rc = EXIT_REFUSED, found;

	if (!workflow_may(c->actor.roles, WF_PERM_PRINT, &why)) {
		console_error("handover", "%s: %s (%s)", c->login, why->id,
			      why->en);
		console_explain_roles(c);
		return EXIT_REFUSED;
	}
	q = console_open_queue(c, false, false);
	if (!q)
		return EXIT_REFUSED;
	if (queue_get(q, regno, &r) < 0) {
		console_error("handover", "%s", queue_errmsg(q));
		goto out;
	}
	/* The data receipt says what the newest handover recorded. */
	found = queue_last_handover(q, r.id, &h);
	if (found <= 0) {
		console_error("handover", "%s",
			      found < 0 ? queue_errmsg(q)
					: "no handover recorded yet: handover "
					  "REGNO --form F --note WHAT");
		goto out;
	}
	dh = (struct docview_handover){h.given, h.form, h.at, h.actor};
	if (docview_render_data_receipt(&c->cfg, &r, &dh, &doc) < 0) {
		console_error("handover", "cannot make the PDF: %s", doc.err);
		goto out;
	}
	if (output) {
		if (document_buf_save(&doc, output) < 0) {
			console_error("handover", "%s: %s", output,
				      strerror(errno));
			goto out;
		}
		printf("%s\n", output);
		rc = EXIT_OK;
		goto out;
	}
	if (!printer)
		printer = c->cfg.letter_printer;
	if (queue_job_add(q, r.id, "data_receipt", printer, time(NULL),
			  &job_id) < 0) {
		console_error("handover", "%s", queue_errmsg(q));
		goto out;
	}
	/* The job name is the number only: job names show in CUPS logs. */
	rc = console_print_job(c, q, job_id, printer, r.regno, &doc,
			       wait_s > 0 ? wait_s : 120);
out:
	document_buf_free(&doc);
	document_shutdown();
	request_wipe(&r);
	queue_close(q);
	return rc;
}

struct handover_opts {
	const char *form;    /* --form */
	const char *note;    /* --note: what was given */
	const char *output;  /* --output FILE.pdf */
	const char *printer; /* --printer QUEUE */
	bool no_print;	     /* --no-print */
	bool receipt_only;   /* --receipt: print it again */
	int wait_s;	     /* --wait */
};

static int parse(int argc, char **argv, struct handover_opts *o)
{
	static const struct option opts[] = {
	    {"form", required_argument, NULL, 'f'},
	    {"note", required_argument, NULL, 'n'},
	    {"output", required_argument, NULL, 'o'},
	    {"printer", required_argument, NULL, 'p'},
	    {"no-print", no_argument, NULL, 'x'},
	    {"receipt", no_argument, NULL, 'r'},
	    {"wait", required_argument, NULL, 'w'},
	    {NULL, 0, NULL, 0},
	};
	int opt;
	long n;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			o->form = optarg;
			break;
		case 'n':
			o->note = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'p':
			o->printer = optarg;
			break;
		case 'x':
			o->no_print = true;
			break;
		case 'r':
			o->receipt_only = true;
			break;
		case 'w':
			if (console_parse_count("handover", "--wait", optarg, 1,
						3600, &n) < 0)
				return -1;
			o->wait_s = (int)n;
			break;
		default:
			return -1;
		}
	}
	if (argc - optind != 1 || (o->no_print && (o->output || o->printer)) ||
	    (o->receipt_only && (o->form || o->note || o->no_print)))
		return -1;
	return 0;
}

int cmd_handover(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console handover REGNO --form F --note WHAT "
	    "[--no-print |\n"
	    "         --output FILE.pdf | --printer QUEUE] [--wait S]\n"
	    "       ppid-console handover --receipt REGNO [--output FILE.pdf] "
	    "[--printer QUEUE]\n"
	    "SOP step 5: record that the information was handed over to the "
	    "requester\n(after the written notification: act REGNO notify): "
	    "WHAT was given, in\nform F: printed (a printed copy), usb (soft "
	    "copy on a USB drive), disc\n(CD/DVD), email (sent by email) or "
	    "viewed (seen at the desk, no copy).\nThe visitor's waiting "
	    "pickup call is closed.  Then the data receipt (tanda\nterima "
	    "data, A4) is printed on [printer] letter for the requester's\n"
	    "signature, or written to FILE.pdf; --receipt prints it again.  "
	    "The desk's\nrole; nothing recorded is ever changed.\n";
	struct handover_opts o = {0};
	struct wf_args args = {0};
	const struct text *refusal;
	const char *regno;
	struct queue *q;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (parse(argc, argv, &o) < 0) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	regno = argv[optind];
	if (o.receipt_only)
		return console_print_data_receipt(c, regno, o.printer, o.output,
						  o.wait_s);
	args.form = o.form;
	args.note = o.note;
	q = console_open_queue(c, false, false);
	if (!q)
		return EXIT_REFUSED;
	if (queue_act(q, regno, "handover", &args, &c->actor, c->now,
		      &refusal) < 0) {
		if (refusal)
			console_error_text("handover", "handover", refusal);
		else
			console_error("handover", "%s", queue_errmsg(q));
		console_explain_roles(c);
		queue_close(q);
		return EXIT_REFUSED;
	}
	queue_close(q);
	printf("%s: handed over (%s)\n", regno, o.form);
	fflush(stdout);
	if (o.no_print)
		return EXIT_OK;
	return console_print_data_receipt(c, regno, o.printer, o.output,
					  o.wait_s);
}
