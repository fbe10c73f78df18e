/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kiosk's print worker: one thread with its own queue connection and
 * its own printer, because CUPS calls block (seconds when the scheduler is
 * down) and the screen must not.  The engine hands it the request whose
 * receipt was queued by the submission; the worker prints every receipt row
 * still "queued", oldest first, with the shared policy (printjob_run() on
 * docview_render_receipt()), and reports each outcome.  Between jobs it
 * reads the printer's state at a low rate, so the welcome screen can say
 * "receipts cannot be printed right now" before a visitor starts.
 *
 * Reporting: results and state changes are kept under a mutex and signalled
 * through an eventfd the engine polls; printworker_take() and
 * printworker_printer() collect them on the engine's thread.
 *
 * At start, before printing anything, the worker closes the job rows a
 * previous run left open (printjob_expire()), so no stale receipt comes
 * out.  printworker_stop() ends the thread and joins it: a job being
 * printed is finished first (bounded by [printer] receipt_timeout_s).
 */
#ifndef PPID_KIOSK_PRINTWORKER_H
#define PPID_KIOSK_PRINTWORKER_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "printer.h"
#include "printjob.h"

#define PRINTWORKER_MAX_PENDING 16 /* requests handed, not yet printed */
#define PRINTWORKER_MAX_RESULTS 16 /* results not yet taken */

struct printworker_options {
	const struct config *cfg; /* [printer], [office], paper: copied */
	const char *db_path;	  /* the database (copied); NULL =
				     cfg->db_path */
	const char *cups_server;  /* scheduler (copied); NULL = CUPS_SERVER
				     or the default */
	int status_every_ms;	  /* printer state poll; <= 0 = 30000 */
};

/** One receipt's outcome. */
struct printworker_result {
	int64_t request_id;	       /* the request */
	int64_t job_id;		       /* its print_jobs row, 0 if none */
	bool ok;		       /* printed */
	enum printer_state printer;    /* when not ok: the printer's state */
	char reason[PRINTJOB_MSG_LEN]; /* when not ok: why, in words */
	bool test_page;		       /* a test page's (request_id 0) */
};

struct printworker;

/**
 * Start the worker thread.  It opens its own queue connection and printer
 * on the thread (a database or scheduler that is not there yet is retried
 * at each job and each state poll).
 * @return The worker (stop with printworker_stop()), or NULL with errno
 *         (ENOMEM, the eventfd's or pthread_create()'s error).
 */
struct printworker *printworker_start(const struct printworker_options *o);

/** Stop the thread, join it and free everything; NULL is harmless. */
void printworker_stop(struct printworker *w);

/** The eventfd to poll for POLLIN (borrowed). */
int printworker_get_fd(const struct printworker *w);

/**
 * Ask for request @p request_id's receipt (its row is already committed as
 * "queued").  Never blocks on CUPS.
 * @return 0, or -1 with errno EAGAIN (PRINTWORKER_MAX_PENDING waiting: the
 *         caller reports the receipt as not printed).
 */
int printworker_print(struct printworker *w, int64_t request_id);

/**
 * Ask for a printer test page (maintenance): rendered on the worker with
 * the office's name, the time and the printer's state, printed on the
 * receipt printer with no database row; its result comes like a receipt's,
 * with test_page set.  One at a time.
 * @return 0, or -1 with errno EBUSY (one is already waiting).
 */
int printworker_test_page(struct printworker *w);

/**
 * Take the next result (call after the fd polled readable; it also
 * clears the eventfd).
 * @return true with @p out filled, false when none waits.
 */
bool printworker_take(struct printworker *w, struct printworker_result *out);

/**
 * The printer's state as last read by the worker.
 * @param st Receives it (PRINTER_STATE_READY until the first read).
 * @return true when it changed since the previous call (the first read
 *         counts as a change).
 */
bool printworker_printer(struct printworker *w, enum printer_state *st);

/** Requests handed and not yet reported (for tests and shutdown logs). */
int printworker_pending(struct printworker *w);

#endif
