/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The print-job policy that the kiosk and the console share: one document
 * of one print_jobs row goes to the printer and the row follows it, with
 * the reason in words, through sent and printing to done, failed or
 * cancelled.  A job that is stuck behind a printer fault, or not printed
 * within its wait budget, is cancelled, so nothing stale comes out when the
 * fault clears.
 * Every update of the row is checked: a row that cannot be updated is
 * reported (printjob_result.recorded false, with the message) and can be
 * written again later with printjob_record(), never left "queued".
 *
 * Threads: printjob_run() blocks for up to the wait budget (CUPS calls).
 * The kiosk runs it on its print worker thread with that thread's own
 * struct queue and struct printer; the console calls it directly.  Nothing
 * here keeps state between calls.
 *
 * The worker's sequence, for each row from printjob_next() (@c id, and
 * its request @c r read with queue_get_by_id()):
 *
 *     if (docview_render_receipt(cfg, &r, &pdf) < 0)
 *             printjob_fail(q, id, pdf.err, &res);
 *     else if (!(p = printer_cups_open(NULL, row.printer, 5000)))
 *             printjob_fail(q, id, strerror(errno), &res);
 *     else
 *             printjob_run(q, p, &(struct printjob){id, pdf.data, pdf.len,
 *                          r.regno, docview_receipt_media(cfg),
 *                          cfg->receipt_timeout_s}, &res);
 *     if (res.state != QUEUE_JOB_DONE)
 *             -> tell the visitor: printjob_not_printed_text(), and why:
 *                printer_state_text(res.printer, english)
 *     if (!res.recorded)
 *             -> log res.errmsg; retry printjob_record(q, id, &res) later
 */
#ifndef PPID_PRINTJOB_H
#define PPID_PRINTJOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "printer.h"
#include "queue.h"
#include "text.h"

#define PRINTJOB_MSG_LEN 256 /* size of the result's texts */

/** One document to print for one job row. */
struct printjob {
	int64_t job_id;	   /* the print_jobs row (from queue_job_add() or
			      the submission), normally "queued" */
	const void *data;  /* the PDF; borrowed for the call */
	size_t len;	   /* its length in bytes */
	const char *title; /* CUPS job name: the registration number only,
			      never personal data (it shows in CUPS logs) */
	const char *media; /* "Roll80", "Roll58", "A4"; NULL = none */
	int wait_s;	   /* budget to print it; then it is cancelled;
			      <= 0 = 180 s */
};

/** What became of a job. */
struct printjob_result {
	enum queue_job_state state;    /* the job's end: DONE, FAILED or
					  CANCELLED (what the row says, or
					  must say when not recorded) */
	int cups_job;		       /* CUPS job id; 0 = never sent */
	enum printer_state printer;    /* the printer's state behind a
					  failure; READY when printed */
	bool recorded;		       /* the row holds state and reason */
	char reason[PRINTJOB_MSG_LEN]; /* why, in words, as in the row ("" when
					  printed), e.g. "Kertas habis (Out of
					  paper): cancelled" */
	char errmsg[PRINTJOB_MSG_LEN]; /* when not recorded: "print job #12
					  could not be recorded: ...", else "" */
};

/**
 * Print @p job->data on @p p and follow it, recording each step in the job
 * row: "sent" with the CUPS job id once the scheduler has the document,
 * "printing" when CUPS is seen processing it, then "done"; "failed" when the printer refused it (stopped, out of
 * paper, offline, no such printer, CUPS down: nothing was sent) or the job
 * was aborted, or a stuck job could not be cancelled (it may still print);
 * "cancelled" when it was stuck behind a fault or not printed within the
 * budget.  A failed update of the row does not stop the print (the visitor
 * still gets the receipt); the last state is written at the end, and if
 * that fails too the result says so.
 * @param q   A queue connection of the calling thread.
 * @param p   The printer, opened by the caller (printer_cups_open()).
 * @param job What to print.
 * @param res Filled in every case.
 * @return 0 when printed and recorded; -1 when not printed (res->state
 *         FAILED or CANCELLED, res->reason says why) or not recorded
 *         (res->recorded false, res->errmsg says why), errno EIO; EINVAL
 *         for a NULL argument or an empty document.
 */
int printjob_run(struct queue *q, struct printer *p, const struct printjob *job,
		 struct printjob_result *res);

/**
 * A job that could not even be sent (the document could not be made, the
 * printer could not be opened): record it as failed with @p reason.
 * @param q      A queue connection of the calling thread.
 * @param job_id The print_jobs row.
 * @param reason Why, in words (copied into @p res).
 * @param res    Filled: state FAILED, printer PRINTER_STATE_OTHER_ERROR.
 * @return 0 when recorded; -1 (errno EIO) when the row could not be
 *         updated (res->errmsg says why).
 */
int printjob_fail(struct queue *q, int64_t job_id, const char *reason,
		  struct printjob_result *res);

/**
 * Write @p res's state, CUPS job and reason into the job row again, e.g.
 * when the database was busy or read-only at the end of printjob_run().
 * Sets res->recorded and res->errmsg.
 * @return 0 when recorded, -1 (errno EIO) when not.
 */
int printjob_record(struct queue *q, int64_t job_id,
		    struct printjob_result *res);

/** A job row waiting to be printed (printjob_next()). */
struct printjob_row {
	int64_t job_id;			/* the print_jobs row */
	int64_t request_id;		/* its request (queue_get_by_id()) */
	char printer[PRINTER_NAME_MAX]; /* CUPS destination, "" = default */
	time_t created_at;		/* when it was queued, UTC */
};

/**
 * The oldest job row still "queued" for @p document ("receipt" or
 * "notification"), so a worker prints in the order of submission: the
 * kiosk's worker, woken after queue_submit() queued a receipt, takes rows
 * from here until there are none.
 * @return 1 with @p out filled, 0 when none is queued, -1 (errno EIO) when
 *         the rows could not be read (queue_errmsg(q) says why).
 */
int printjob_next(struct queue *q, const char *document,
		  struct printjob_row *out);

/**
 * printjob_next() for one request's rows only (@p request_id 0 = any): the
 * kiosk's worker prints the receipts it was handed and never a row that
 * another program (the console's `print`) queued and is printing itself.
 */
int printjob_next_for(struct queue *q, const char *document, int64_t request_id,
		      struct printjob_row *out);

/**
 * Close the job rows nobody follows any more: rows still "queued", "sent"
 * or "printing" whose last change is older than @p max_age_s (the program
 * that printed them stopped: a crash, a power cut).  Never-sent rows
 * become "failed"; sent ones are cancelled in CUPS through @p p (job ids
 * belong to the scheduler, so any of its queues will do) and become
 * "cancelled", or "failed" with "may still print" when that is not
 * possible.  The kiosk calls this at start, before its worker prints, with
 * a max age of at least the receipt budget, so a stale receipt never comes
 * out and no row stays open forever.  At most 64 rows of each state per
 * call: call again while @p n_expired comes back non-zero.
 * @param q         A writable queue connection.
 * @param p         The printer to cancel through; NULL = do not cancel
 *                  (sent rows are then "failed", "may still print").
 * @param now       The current time (UTC).
 * @param max_age_s Rows younger than this are left alone.
 * @param n_expired Receives how many rows were closed; may be NULL.
 * @param err       Receives the first failure's message; may be NULL.
 * @param errlen    Size of @p err.
 * @return 0, or -1 (errno EIO) when the rows could not be read or one
 *         could not be updated.
 */
int printjob_expire(struct queue *q, struct printer *p, time_t now,
		    int max_age_s, int *n_expired, char *err, size_t errlen);

/**
 * What the kiosk tells a visitor whose receipt did not print (the
 * registration stands; the number must be noted and the desk asked).
 * Static text; add the cause with printer_state_text(res->printer, ...).
 */
const struct text *printjob_not_printed_text(void);

#endif
