// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The print-job policy (see printjob.h): submit, follow, cancel what is
 * stale, and record every step in the job row with the reason in words.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "printjob.h"

#define DEFAULT_WAIT_S 180

static const struct text t_not_printed = {
    "Tanda terima tidak dapat dicetak. Permohonan Anda tetap terdaftar: "
    "catat atau foto nomor registrasi di layar, lalu silakan menuju meja "
    "layanan.",
    "The receipt could not be printed. Your request is registered: write "
    "down or photograph the registration number on the screen, then please "
    "go to the desk."};

const struct text *printjob_not_printed_text(void)
{
	return &t_not_printed;
}

static void result_init(struct printjob_result *res)
{
	memset(res, 0, sizeof(*res));
	res->state = QUEUE_JOB_FAILED;
	res->printer = PRINTER_STATE_OTHER_ERROR;
}

/* One checked update; keeps the first failure's message in @p res. */
static int update(struct queue *q, int64_t job_id, enum queue_job_state state,
		  int cups_job, const char *reason, struct printjob_result *res)
{
	if (queue_job_update(q, job_id, state, cups_job, reason, time(NULL)) ==
	    0)
		return 0;
	snprintf(res->errmsg, sizeof(res->errmsg),
		 "print job #%lld could not be recorded as %s: %s",
		 (long long)job_id, queue_job_state_key(state),
		 queue_errmsg(q));
	return -1;
}

int printjob_record(struct queue *q, int64_t job_id,
		    struct printjob_result *res)
{
	res->errmsg[0] = '\0';
	res->recorded =
	    update(q, job_id, res->state, res->cups_job, res->reason, res) == 0;
	if (!res->recorded) {
		errno = EIO;
		return -1;
	}
	return 0;
}

int printjob_fail(struct queue *q, int64_t job_id, const char *reason,
		  struct printjob_result *res)
{
	result_init(res);
	snprintf(res->reason, sizeof(res->reason), "%s", reason ? reason : "");
	return printjob_record(q, job_id, res);
}

static void state_words(enum printer_state s, char *buf, size_t len)
{
	snprintf(buf, len, "%s (%s)", printer_state_text(s, false),
		 printer_state_text(s, true));
}

/* The job is in CUPS but did not finish: cancel it, never print it late. */
static void give_up(struct printer *p, const struct printjob *job,
		    const struct printer_job *pj, bool timed_out,
		    struct printjob_result *res)
{
	const char *outcome = "cancelled";

	res->state = QUEUE_JOB_CANCELLED;
	res->printer = pj->printer.state;
	/* If the cancel itself fails the row says so: it may still print. */
	if (printer_cancel_job(p, res->cups_job) < 0 && errno != EALREADY) {
		res->state = QUEUE_JOB_FAILED;
		outcome = "could not be cancelled, may still print";
	}
	if (timed_out) {
		snprintf(res->reason, sizeof(res->reason),
			 "not printed within %d s (job %s): %s",
			 job->wait_s > 0 ? job->wait_s : DEFAULT_WAIT_S,
			 printer_job_state_key(pj->state), outcome);
	} else {
		snprintf(res->reason, sizeof(res->reason), "%s (%s): %s",
			 printer_state_text(pj->printer.state, false),
			 printer_state_text(pj->printer.state, true), outcome);
	}
}

int printjob_run(struct queue *q, struct printer *p, const struct printjob *job,
		 struct printjob_result *res)
{
	int wait_s = job && job->wait_s > 0 ? job->wait_s : DEFAULT_WAIT_S;
	struct printer_status st;
	struct printer_job pj;
	int rc;

	result_init(res);
	if (!q || !p || !job || !job->data || !job->len) {
		errno = EINVAL;
		return -1;
	}
	memset(&st, 0, sizeof(st));
	if (printer_submit(p, job->data, job->len, job->title, job->media,
			   &res->cups_job, &st) < 0) {
		/* Refused before anything was sent: nothing can print late. */
		res->cups_job = 0;
		res->printer = st.state;
		state_words(st.state, res->reason, sizeof(res->reason));
		goto record;
	}
	/* Not fatal: the receipt still prints, and the end is written below
	 * (which reports the row if it still cannot be written). */
	update(q, job->job_id, QUEUE_JOB_SENT, res->cups_job, "", res);

	memset(&pj, 0, sizeof(pj));
	errno = 0;
	rc = printer_wait_job(p, res->cups_job, wait_s * 1000, &pj);
	if (rc < 0 || !printer_job_final(pj.state)) {
		give_up(p, job, &pj, rc < 0 && errno == ETIMEDOUT && !pj.stuck,
			res);
	} else if (pj.state != PRINTER_JOB_COMPLETED) {
		res->state = QUEUE_JOB_FAILED;
		res->printer = pj.printer.state;
		snprintf(res->reason, sizeof(res->reason), "%s",
			 printer_job_state_key(pj.state));
	} else {
		res->state = QUEUE_JOB_DONE;
		res->printer = PRINTER_STATE_READY;
		res->reason[0] = '\0';
	}
record:
	if (printjob_record(q, job->job_id, res) < 0)
		return -1;
	if (res->state != QUEUE_JOB_DONE) {
		errno = EIO;
		return -1;
	}
	return 0;
}
