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
#define POLL_MS	       150 /* how often a pending job is looked at */
#define EXPIRE_BATCH   64  /* rows printjob_expire() handles per pass */

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

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Until the job leaves "pending": when CUPS shows it processing, the row
 * says "printing".  Anything else (finished, stuck, unreachable) is left to
 * printer_wait_job(), which has the final word.
 */
static void follow_pending(struct queue *q, struct printer *p,
			   const struct printjob *job, int64_t deadline,
			   struct printjob_result *res)
{
	struct printer_job pj;

	for (;;) {
		struct timespec ts = {0, POLL_MS * 1000000L};

		memset(&pj, 0, sizeof(pj));
		if (printer_job_state(p, res->cups_job, &pj) < 0)
			return;
		/* Processing, even behind a fault: it has left the queue. */
		if (pj.state == PRINTER_JOB_PROCESSING) {
			update(q, job->job_id, QUEUE_JOB_PRINTING, 0, NULL,
			       res);
			return;
		}
		if (pj.stuck || printer_job_final(pj.state))
			return;
		if (mono_ms() + POLL_MS >= deadline)
			return;
		nanosleep(&ts, NULL);
	}
}

int printjob_run(struct queue *q, struct printer *p, const struct printjob *job,
		 struct printjob_result *res)
{
	int wait_s = job && job->wait_s > 0 ? job->wait_s : DEFAULT_WAIT_S;
	int64_t deadline = mono_ms() + (int64_t)wait_s * 1000, left;
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
	follow_pending(q, p, job, deadline, res);

	memset(&pj, 0, sizeof(pj));
	left = deadline - mono_ms();
	errno = 0;
	rc = printer_wait_job(p, res->cups_job, left > 0 ? (int)left : 0, &pj);
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

struct stale {
	int64_t id;		    /* row */
	int cups_job;		    /* CUPS job, 0 = never sent */
	enum queue_job_state state; /* as found */
};

struct stale_ctx {
	time_t before;			/* rows last changed before this */
	struct stale row[EXPIRE_BATCH]; /* found */
	size_t n;			/* rows used */
};

static int find_stale(const struct queue_job *j, void *ctx)
{
	struct stale_ctx *s = ctx;

	if (j->updated_at >= s->before)
		return 0;
	s->row[s->n].id = j->id;
	s->row[s->n].cups_job = j->cups_job;
	s->row[s->n].state = j->state;
	return ++s->n == EXPIRE_BATCH;
}

int printjob_expire(struct queue *q, struct printer *p, time_t now,
		    int max_age_s, int *n_expired, char *err, size_t errlen)
{
	static const enum queue_job_state open[] = {
	    QUEUE_JOB_QUEUED, QUEUE_JOB_SENT, QUEUE_JOB_PRINTING};
	struct stale_ctx s = {.before = now - (max_age_s > 0 ? max_age_s : 0)};
	struct printjob_result res;
	int failed = 0;

	if (n_expired)
		*n_expired = 0;
	if (err && errlen)
		err[0] = '\0';
	for (size_t k = 0; k < sizeof(open) / sizeof(open[0]); k++) {
		s.n = 0;
		if (queue_jobs(q, (int)open[k], 0, find_stale, &s) < 0) {
			if (err)
				snprintf(err, errlen,
					 "cannot read the print jobs: %s",
					 queue_errmsg(q));
			errno = EIO;
			return -1;
		}
		for (size_t i = 0; i < s.n; i++) {
			const struct stale *r = &s.row[i];

			result_init(&res);
			res.cups_job = r->cups_job;
			if (!r->cups_job) {
				snprintf(res.reason, sizeof(res.reason),
					 "never sent: the program stopped "
					 "before printing it");
			} else if (!p ||
				   (printer_cancel_job(p, r->cups_job) < 0 &&
				    errno != EALREADY && errno != ENOENT)) {
				snprintf(res.reason, sizeof(res.reason),
					 "not followed to the end (the program "
					 "stopped): could not be cancelled, "
					 "may still print");
			} else {
				res.state = QUEUE_JOB_CANCELLED;
				snprintf(res.reason, sizeof(res.reason),
					 "not followed to the end (the program "
					 "stopped): cancelled");
			}
			if (printjob_record(q, r->id, &res) < 0) {
				if (err && !failed)
					snprintf(err, errlen, "%s", res.errmsg);
				failed++;
			} else if (n_expired) {
				(*n_expired)++;
			}
		}
	}
	if (failed) {
		errno = EIO;
		return -1;
	}
	return 0;
}

struct next_ctx {
	const char *document;	  /* wanted kind */
	int64_t request_id;	  /* only this request's, 0 = any */
	struct printjob_row *out; /* the oldest so far */
	int found;		  /* 1 once one matched */
};

static int find_next(const struct queue_job *j, void *ctx)
{
	struct next_ctx *n = ctx;

	/* Newest first: the last match is the oldest. */
	if (strcmp(j->document, n->document) ||
	    (n->request_id && j->request_id != n->request_id))
		return 0;
	n->out->job_id = j->id;
	n->out->request_id = j->request_id;
	snprintf(n->out->printer, sizeof(n->out->printer), "%s", j->printer);
	n->out->created_at = j->created_at;
	n->found = 1;
	return 0;
}

int printjob_next(struct queue *q, const char *document,
		  struct printjob_row *out)
{
	return printjob_next_for(q, document, 0, out);
}

int printjob_next_for(struct queue *q, const char *document, int64_t request_id,
		      struct printjob_row *out)
{
	struct next_ctx n = {document, request_id, out, 0};

	memset(out, 0, sizeof(*out));
	if (queue_jobs(q, QUEUE_JOB_QUEUED, 0, find_next, &n) < 0) {
		errno = EIO;
		return -1;
	}
	return n.found;
}
