/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The receipt / letter printer, reached through CUPS.  Turns the scheduler's
 * printer-state and printer-state-reasons into states a person understands
 * ("out of paper", "print service not running"), submits a PDF as one job,
 * and follows that job, including the case CUPS itself never reports as a
 * job state: a job that waits forever behind a stopped printer.
 *
 * Timeouts: every connect and every wait for the scheduler gives up after
 * the timeout given to printer_cups_open(), so a dead, missing or wedged
 * cupsd costs a call at most a few timeouts (printer_submit() makes a
 * handful of round trips); printer_wait_job() also stops at its own timeout.
 * Nothing here retries by itself: call again.
 *
 * The print worker's sequence:
 *
 *     p = printer_cups_open(NULL, queue, 5000);            (once)
 *     if (printer_submit(p, pdf.data, pdf.len, regno, "Roll80", &id, &st))
 *             -> not printed: st.state says why, in words via
 *               printer_state_text(); the request stays registered
 *     else if (printer_wait_job(p, id, 60000, &job) == 0 && job.stuck)
 *             -> printer_cancel_job(p, id): a receipt must not come out
 *               hours later; job.printer.state says why
 *     else if (job.state == PRINTER_JOB_COMPLETED) -> printed
 *
 * One CUPS-side setting matters: with the default error policy
 * (stop-printer) a failed job stops the queue until someone runs
 * cupsenable; "lpadmin -p QUEUE -o printer-error-policy=abort-job" drops the
 * failed job instead.  Backend-reported faults such as media-empty
 * (backend exit code 4) stop the queue whatever the policy.
 *
 * Threads: a struct printer holds its own connection to the scheduler and
 * must be used by one thread at a time (the kiosk uses it from its print
 * worker).  Distinct printers may be used from distinct threads.  CUPS keeps
 * its last-error state per thread, so printer_errmsg() is read on the thread
 * that made the failing call.
 */
#ifndef PPID_PRINTER_H
#define PPID_PRINTER_H

#include <stdbool.h>
#include <stddef.h>

#define PRINTER_NAME_MAX    128	 /* queue name, NUL included */
#define PRINTER_REASONS_MAX 512	 /* printer-/job-state-reasons, joined */
#define PRINTER_MSG_MAX	    256	 /* state message / error message */
#define PRINTER_TIMEOUT_MS  5000 /* default for printer_cups_open() */

/** What a person needs to know about the printer. */
enum printer_state {
	PRINTER_STATE_READY = 0,    /* idle and accepting jobs */
	PRINTER_STATE_PRINTING,	    /* processing a job, no fault */
	PRINTER_STATE_NO_PRINTER,   /* no such queue, or no default queue */
	PRINTER_STATE_CUPS_DOWN,    /* the scheduler cannot be reached */
	PRINTER_STATE_STOPPED,	    /* queue paused (cupsdisable) or rejecting
				       jobs (cupsreject) */
	PRINTER_STATE_OUT_OF_PAPER, /* media-empty / media-needed */
	PRINTER_STATE_OFFLINE,	    /* device offline / unplugged / shut down */
	PRINTER_STATE_OTHER_ERROR,  /* another fault: jam, door open, ... */
	PRINTER_STATE_COUNT,
};

/** The state of a job, with the IPP job-state values. */
enum printer_job_state {
	PRINTER_JOB_UNKNOWN = 0,    /* not known (scheduler unreachable) */
	PRINTER_JOB_PENDING = 3,    /* waiting for the printer */
	PRINTER_JOB_HELD = 4,	    /* held, e.g. until data arrives */
	PRINTER_JOB_PROCESSING = 5, /* being printed */
	PRINTER_JOB_STOPPED = 6,    /* processing stopped */
	PRINTER_JOB_CANCELED = 7,   /* cancelled (final) */
	PRINTER_JOB_ABORTED = 8,    /* aborted by the system (final) */
	PRINTER_JOB_COMPLETED = 9,  /* all data sent to the device (final);
					not proof that paper came out */
};

struct printer_status {
	enum printer_state state;     /* the summary */
	int ipp_state;		      /* printer-state: 3 idle, 4 processing,
					     5 stopped; 0 if not read */
	bool accepting;		      /* printer-is-accepting-jobs */
	int queued;		      /* queued-job-count (not finished) */
	char queue[PRINTER_NAME_MAX]; /* queue asked (default resolved) */
	char reasons[PRINTER_REASONS_MAX]; /* printer-state-reasons, comma
					      separated, e.g. "media-empty-error,
					      paused"; "" if not read */
	char message[PRINTER_MSG_MAX];	   /* printer-state-message, or why the
					     scheduler was unreachable */
};

struct printer_job {
	int id;				   /* job-id */
	enum printer_job_state state;	   /* job-state */
	char reasons[PRINTER_REASONS_MAX]; /* job-state-reasons, joined */
	bool stuck;			   /* not finished, and its printer
					      cannot print (see printer) */
	struct printer_status printer;	   /* the job's printer, read with the
					      job while it is not finished */
};

struct printer;

/**
 * Open a CUPS destination.  Nothing is contacted yet, so this succeeds when
 * the scheduler is down; every call reconnects as needed.
 * @param server     scheduler: a socket path or "host[:port]"; NULL or ""
 *                   = CUPS_SERVER / client.conf / the local default.  (With
 *                   NULL this calls cupsSetServer(NULL), so the calling
 *                   thread re-reads CUPS_SERVER.)
 * @param name       queue name; NULL or "" = the scheduler's default
 *                   destination (lpadmin -d), looked up on each call
 * @param timeout_ms bound on each connect and each wait for the scheduler;
 *                   <= 0 = PRINTER_TIMEOUT_MS
 * @return the printer (close with printer_close()), or NULL with errno
 *         EINVAL (name too long or not a valid queue name) or ENOMEM.
 */
struct printer *printer_cups_open(const char *server, const char *name,
				  int timeout_ms);

/** Close the connection and free @p p.  NULL is harmless. */
void printer_close(struct printer *p);

/**
 * The queue name: as given to printer_cups_open(), or the default
 * destination found by the last call ("" until then).  Borrowed, valid
 * until the next call on @p p.
 */
const char *printer_get_queue(const struct printer *p);

/** Message of the last failure on @p p ("" if none).  Borrowed. */
const char *printer_errmsg(const struct printer *p);

/**
 * Read the printer's state (IPP Get-Printer-Attributes).  An unreachable
 * scheduler or an unknown queue is a state, not a failure.
 * @return 0 with @p st filled, or -1 with errno EINVAL (NULL argument).
 */
int printer_status(struct printer *p, struct printer_status *st);

/**
 * Print a PDF as one job, streamed over the printer's own connection
 * (Create-Job + Send-Document).  Refused before anything is sent when the
 * printer cannot print now, so no job is left waiting to print a stale
 * receipt when the paper is refilled hours later.
 * @param pdf, len  the document (copied while sending; not kept)
 * @param title     job-name; use the registration number, never personal
 *                  data (job names show in lpstat and the CUPS logs)
 * @param media     the "media" option, e.g. "Roll80" or "A4"; NULL = none
 * @param job_id    receives the job id
 * @param st        receives the printer status seen before submitting;
 *                  may be NULL
 * @return 0 once the scheduler has accepted the whole document, or -1 with
 *         errno: EBUSY (stopped, out of paper, offline, other fault: see
 *         st->state), ENOENT (no such printer), ECONNREFUSED (CUPS down),
 *         EIO (the scheduler refused or the transfer failed; a job created
 *         before the failure is cancelled), EINVAL (bad argument).
 */
int printer_submit(struct printer *p, const void *pdf, size_t len,
		   const char *title, const char *media, int *job_id,
		   struct printer_status *st);

/**
 * Read a job's state (IPP Get-Job-Attributes) and, while it is not
 * finished, its printer's state; job->stuck is set when that printer
 * cannot print (CUPS leaves such a job "pending" indefinitely).  This is
 * the instant view: see printer_wait_job() for the settled one.
 * @return 0, or -1 with errno ENOENT (no such job), ECONNREFUSED (CUPS
 *         down; job->stuck set, job->printer.state PRINTER_STATE_CUPS_DOWN),
 *         EIO, EINVAL.
 */
int printer_job_state(struct printer *p, int job_id, struct printer_job *job);

/**
 * Cancel a job that has not finished, so it never prints.
 * @return 0, or -1 with errno EALREADY (already completed, cancelled or
 *         aborted), ENOENT (no such job), ECONNREFUSED (CUPS down), EPERM
 *         (not allowed), EIO.
 */
int printer_cancel_job(struct printer *p, int job_id);

/**
 * Follow a job, polling every 150 ms, until it is finished (completed,
 * cancelled or aborted), is stuck behind a printer that cannot print, or
 * @p timeout_ms passes.  A stopped queue counts as stuck at once; a fault
 * on a queue that is still processing (a backend waiting for paper, or for
 * an unplugged printer) once it has lasted 2 s, because a busy queue shows
 * the previous job's fault until the backend clears it.  Stuck is not
 * final: the job prints if the fault clears, so cancel it when the
 * receipt is no longer wanted.
 * @return 0 when finished or stuck (see job->state and job->stuck), or -1
 *         with errno ETIMEDOUT (job holds the last state read) or as
 *         printer_job_state().
 */
int printer_wait_job(struct printer *p, int job_id, int timeout_ms,
		     struct printer_job *job);

/** true for the states in which a job can be submitted. */
bool printer_state_can_print(enum printer_state state);

/** true for the final job states (cancelled, aborted, completed). */
bool printer_job_final(enum printer_job_state state);

/**
 * The state in words for people: Indonesian, or English with @p english.
 * Static string; "?" for an out-of-range value.
 */
const char *printer_state_text(enum printer_state state, bool english);

/** Stable key for logs and the database ("out_of_paper"...), or "?". */
const char *printer_state_key(enum printer_state state);

/** Job state key ("pending", "completed"...), or "unknown". */
const char *printer_job_state_key(enum printer_job_state state);

/**
 * The summary of an IPP printer: pure, for tests and for any other source
 * of printer-state-reasons.  Reasons are matched without their -error /
 * -report suffix; -warning reasons never block.  On an idle queue that
 * accepts jobs, fault reasons are leftovers of the last job (CUPS keeps a
 * backend's reasons until the next job runs it) and the result is READY: a
 * job there runs the backend again, which reports the fault afresh.
 * @param ipp_state printer-state (3, 4, 5)
 * @param accepting printer-is-accepting-jobs
 * @param reasons   comma-separated printer-state-reasons, or NULL
 */
enum printer_state printer_state_from_ipp(int ipp_state, bool accepting,
					  const char *reasons);

#endif
