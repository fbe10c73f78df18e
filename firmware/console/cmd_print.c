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
#include "document.h"
#include "idparse.h"
#include "printer.h"

static void long_date(struct date d, enum lang lang, char *buf, size_t len)
{
	snprintf(buf, len, "%d %s %d", d.day,
		 date_month_name(d.month, lang == LANG_EN), d.year);
}

static void long_time(time_t t, enum lang lang, char *buf, size_t len)
{
	int min;
	struct date d = date_of_wib(t, &min);

	snprintf(buf, len, "%d %s %d %02d:%02d WIB", d.day,
		 date_month_name(d.month, lang == LANG_EN), d.year, min / 60,
		 min % 60);
}

static int render_receipt(const struct console *c, const struct request *r,
			  struct doc_buf *out)
{
	char received[48], deadline[32], masked[64], payload[128], hours[48];
	struct doc_receipt v = {0};

	long_time(r->received_at, r->lang, received, sizeof(received));
	long_date(r->deadline, r->lang, deadline, sizeof(deadline));
	id_mask(r->id_number, masked, sizeof(masked));
	if (id_receipt_payload(r->regno, r->token, payload, sizeof(payload)) <
	    0)
		return -1;
	snprintf(hours, sizeof(hours), "Senin-Jumat %02d.%02d-%02d.%02d WIB",
		 c->cfg.open_min / 60, c->cfg.open_min % 60,
		 c->cfg.close_min / 60, c->cfg.close_min % 60);
	v.lang = r->lang;
	v.paper_mm = c->cfg.paper_mm;
	v.office_name = c->cfg.office_name;
	v.office_address = c->cfg.office_address;
	v.office_hours = hours;
	v.regno = r->regno;
	v.received = received;
	v.name = r->name;
	v.id_masked = masked;
	v.info = r->info;
	v.channel = text_get(request_channel_label(r->channel), r->lang);
	v.deadline = deadline;
	v.deadline_note = r->regime == WF_REGIME_ELECTION
			      ? "Dapat diperpanjang 2 hari kerja (informasi "
				"kepemiluan pada tahapan pemilu)."
			      : NULL;
	v.qr_payload = payload;
	return document_render_receipt(&v, out);
}

static int render_notification(const struct console *c, const struct request *r,
			       const char *number, struct doc_buf *out)
{
	char letter_date[32], request_date[32], masked[64], contact[512];
	char basis[512] = "";
	struct doc_notification v = {0};

	long_date(console_today(c), r->lang, letter_date, sizeof(letter_date));
	long_date(date_of_wib(r->received_at, NULL), r->lang, request_date,
		  sizeof(request_date));
	id_mask(r->id_number, masked, sizeof(masked));
	snprintf(contact, sizeof(contact), "%s%s%s", r->phone,
		 *r->phone && *r->email ? " / " : "", r->email);
	for (const char *p = r->basis; *p; p++) {
		const struct text *t = workflow_pasal17_label(*p);

		if (t)
			snprintf(basis + strlen(basis),
				 sizeof(basis) - strlen(basis),
				 "%sPasal 17 huruf %c UU 14/2008: %s",
				 *basis ? "; " : "", *p, t->id);
	}
	v.lang = r->lang;
	v.office_name = c->cfg.office_name;
	v.office_address = c->cfg.office_address;
	v.office_city = c->cfg.office_city;
	v.letter_number = number;
	v.letter_date = letter_date;
	v.regno = r->regno;
	v.request_date = request_date;
	v.name = r->name;
	v.address = r->address;
	v.contact = contact;
	v.id_masked = masked;
	v.info = r->info;
	v.purpose = r->purpose;
	v.decision = workflow_decision_key(r->decision);
	v.decision_text =
	    text_get(workflow_decision_label(r->decision), r->lang);
	v.legal_basis = *basis ? basis : NULL;
	v.holder = *r->holder ? r->holder : NULL;
	v.form = text_get(request_obtain_label(r->obtain), r->lang);
	v.medium = r->obtain == REQ_OBTAIN_SOFTCOPY ? "Berkas elektronik"
						    : "Cetak (hardcopy)";
	v.delivery = text_get(request_delivery_label(r->delivery), r->lang);
	v.ppid_name = c->cfg.ppid_name;
	v.ppid_title = c->cfg.ppid_title;
	return document_render_notification(&v, out);
}

/* Send @p doc as print job @p job_id and follow it; returns an exit code. */
static int send_job(struct console *c, struct queue *q, int64_t job_id,
		    const char *queue_name, const char *title, bool receipt,
		    const struct doc_buf *doc, int wait_s)
{
	struct printer *p = printer_cups_open(NULL, queue_name, 5000);
	struct printer_status st;
	struct printer_job job;
	char why[256];
	int cups_id = 0, rc = EXIT_REFUSED;

	if (!p) {
		int err = errno;

		queue_job_update(q, job_id, QUEUE_JOB_FAILED, 0, strerror(err),
				 time(NULL));
		console_error("print", "printer: %s", strerror(err));
		return EXIT_REFUSED;
	}
	memset(&st, 0, sizeof(st));
	if (printer_submit(
		p, doc->data, doc->len, title,
		receipt ? (c->cfg.paper_mm == 58 ? "Roll58" : "Roll80") : "A4",
		&cups_id, &st) < 0) {
		snprintf(why, sizeof(why), "%s (%s)",
			 printer_state_text(st.state, false),
			 printer_state_text(st.state, true));
		queue_job_update(q, job_id, QUEUE_JOB_FAILED, 0, why,
				 time(NULL));
		console_error("print", "not printed: %s", why);
		goto out;
	}
	queue_job_update(q, job_id, QUEUE_JOB_SENT, cups_id, "", time(NULL));
	memset(&job, 0, sizeof(job));
	errno = 0;
	if (printer_wait_job(p, cups_id, wait_s * 1000, &job) < 0 ||
	    !printer_job_final(job.state)) {
		bool timed_out = errno == ETIMEDOUT && !job.stuck;
		enum queue_job_state end = QUEUE_JOB_CANCELLED;
		const char *outcome = "cancelled";

		/* Stuck or too late: cancel, never print it later.  If the
		 * cancel itself fails the row says so: it may still print. */
		if (printer_cancel_job(p, cups_id) < 0 && errno != EALREADY) {
			end = QUEUE_JOB_FAILED;
			outcome = "could not be cancelled, may still print";
		}
		snprintf(why, sizeof(why), "%s (%s): %s",
			 printer_state_text(job.printer.state, false),
			 printer_state_text(job.printer.state, true), outcome);
		if (timed_out)
			snprintf(why, sizeof(why),
				 "not printed within %d s (job %s): %s", wait_s,
				 printer_job_state_key(job.state), outcome);
		queue_job_update(q, job_id, end, 0, why, time(NULL));
		console_error("print", "job %d %s", cups_id, why);
		goto out;
	}
	if (job.state != PRINTER_JOB_COMPLETED) {
		queue_job_update(q, job_id, QUEUE_JOB_FAILED, 0,
				 printer_job_state_key(job.state), time(NULL));
		console_error("print", "job %d %s", cups_id,
			      printer_job_state_key(job.state));
		goto out;
	}
	queue_job_update(q, job_id, QUEUE_JOB_DONE, 0, "", time(NULL));
	printf("printed %s on %s (job %d)\n", title, printer_get_queue(p),
	       cups_id);
	rc = EXIT_OK;
out:
	printer_close(p);
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
	static struct request r;
	struct doc_buf doc = {0};
	struct queue *q;
	bool receipt;
	char title[96], num[96];
	int opt, wait_s = 0, rc = EXIT_REFUSED;
	int64_t job_id;

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
			wait_s = atoi(optarg);
			if (wait_s < 1)
				return EXIT_USAGE;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2 || (strcmp(argv[optind], "receipt") &&
				   strcmp(argv[optind], "notification")))
		return EXIT_USAGE;
	receipt = strcmp(argv[optind], "receipt") == 0;
	if (!wait_s)
		wait_s = receipt ? c->cfg.receipt_timeout_s : 120;
	if (!workflow_may(c->actor.roles, WF_PERM_PRINT, NULL)) {
		console_error("print", "%s is not staff", c->login);
		return EXIT_REFUSED;
	}
	q = console_open_queue(c, false, false);
	if (!q)
		return EXIT_REFUSED;
	if (queue_get(q, argv[optind + 1], &r) < 0) {
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
	snprintf(num, sizeof(num), "PT-%s", r.regno);
	if ((receipt ? render_receipt(c, &r, &doc)
		     : render_notification(c, &r, number ? number : num,
					   &doc)) < 0) {
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
	printf("printer: %s\nstate: %s\nwords: %s (%s)\nreasons: %s\n",
	       *st.queue ? st.queue : "(default)", printer_state_key(st.state),
	       printer_state_text(st.state, false),
	       printer_state_text(st.state, true),
	       *st.reasons ? st.reasons : "none");
	if (*st.message)
		printf("message: %s\n", st.message);
	printer_close(p);
	return printer_state_can_print(st.state) ? EXIT_OK : EXIT_REFUSED;
}

static int print_job(const struct queue_job *j, void *ctx)
{
	char at[32];

	(void)ctx;
	date_format_wib(j->updated_at, at, sizeof(at));
	printf("%-5lld %-26s %-12s %-10s %-6d %s  %s\n", (long long)j->id,
	       j->regno, j->document, queue_job_state_key(j->state),
	       j->cups_job, at, j->reason);
	return 0;
}

int cmd_jobs(struct console *c, int argc, char **argv)
{
	static const char usage[] = "usage: ppid-console jobs [--limit N]\n"
				    "Recent print jobs and their states.\n";
	struct queue *q;
	int limit = 20, rc;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (argc == 3 && strcmp(argv[1], "--limit") == 0)
		limit = atoi(argv[2]);
	else if (argc != 1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	q = console_open_queue(c, false, true);
	if (!q)
		return EXIT_REFUSED;
	printf("%-5s %-26s %-12s %-10s %-6s %-20s  %s\n", "JOB", "REGNO",
	       "DOCUMENT", "STATE", "CUPS", "UPDATED", "REASON");
	rc = queue_jobs(q, -1, limit, print_job, NULL) < 0 ? EXIT_REFUSED
							   : EXIT_OK;
	queue_close(q);
	return rc;
}
