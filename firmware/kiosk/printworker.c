// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The print worker thread: receipts through the shared print-job policy on
 * its own queue connection and printer, the printer's state at a low rate,
 * results back to the engine through an eventfd.
 */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "docview.h"
#include "log.h"
#include "printworker.h"

#define MAX_PER_PASS 64 /* rows tried in one pass, at most */

struct printworker {
	pthread_t thread;   /* the worker */
	pthread_mutex_t mu; /* guards what follows, to "shared end" */
	pthread_cond_t cv;  /* work or stop (CLOCK_MONOTONIC) */
	bool stop;	    /* stop asked */
	int64_t pending[PRINTWORKER_MAX_PENDING]; /* requests handed */
	int n_pending;				  /* entries used */
	struct printworker_result results[PRINTWORKER_MAX_RESULTS]; /* FIFO */
	int n_results;		    /* entries used */
	enum printer_state printer; /* last state read */
	bool printer_changed;	    /* not yet taken by the engine */
	bool test_page;		    /* a test page was asked */
	/* shared end */

	int efd;		       /* eventfd: something to take */
	struct config cfg;	       /* copy */
	char db_path[256];	       /* the database */
	char server[256];	       /* scheduler, "" = default */
	int every_ms;		       /* printer state poll */
	struct queue *q;	       /* the worker's connection, or NULL */
	struct printer *p;	       /* the receipt printer, or NULL */
	bool expired;		       /* printjob_expire() has run */
	bool have_state;	       /* a state was read once */
	struct request r;	       /* the request being printed; wiped */
	char db_why[PRINTJOB_MSG_LEN]; /* why the database is not open */
};

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void wake_engine(struct printworker *w)
{
	uint64_t one = 1;

	if (write(w->efd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		log_warn("print worker: eventfd: %s", strerror(errno));
}

/* ---- on the worker thread ----------------------------------------------- */

static bool open_db(struct printworker *w)
{
	struct queue_options opt = {
	    .path = w->db_path,
	    .busy_timeout_ms = w->cfg.busy_timeout_ms,
	    .number_format = w->cfg.number_format,
	    .prefix = w->cfg.office_prefix,
	    .open_min = w->cfg.open_min,
	    .close_min = w->cfg.close_min,
	};

	if (w->q)
		return true;
	if (queue_open(&opt, &w->q, w->db_why, sizeof(w->db_why)) != QUEUE_OK)
		return false;
	if (!w->p)
		w->p = printer_cups_open(*w->server ? w->server : NULL,
					 w->cfg.receipt_printer, 5000);
	if (!w->p)
		log_warn("print worker: printer: %s", strerror(errno));
	if (!w->expired) {
		/* Rows a previous run left open: never print them late. */
		int max_age = w->cfg.receipt_timeout_s + 60, n = 1;
		char err[256] = "";

		for (int i = 0; i < 20 && n > 0; i++)
			if (printjob_expire(w->q, w->p, time(NULL), max_age, &n,
					    err, sizeof(err)) < 0) {
				log_warn("print worker: %s", err);
				break;
			}
		w->expired = true;
	}
	return true;
}

static void close_db(struct printworker *w, const char *why)
{
	snprintf(w->db_why, sizeof(w->db_why), "%s", why);
	queue_close(w->q);
	w->q = NULL;
}

static void post(struct printworker *w, const struct printworker_result *res)
{
	pthread_mutex_lock(&w->mu);
	for (int i = 0; i < w->n_pending; i++) {
		if (w->pending[i] != res->request_id)
			continue;
		memmove(&w->pending[i], &w->pending[i + 1],
			(size_t)(w->n_pending - i - 1) * sizeof(w->pending[0]));
		w->n_pending--;
		break;
	}
	if (w->n_results == PRINTWORKER_MAX_RESULTS) {
		memmove(&w->results[0], &w->results[1],
			(PRINTWORKER_MAX_RESULTS - 1) * sizeof(w->results[0]));
		w->n_results--;
	}
	w->results[w->n_results++] = *res;
	pthread_mutex_unlock(&w->mu);
	wake_engine(w);
}

static void fail_pending(struct printworker *w, const char *why)
{
	struct printworker_result res = {.printer = PRINTER_STATE_OTHER_ERROR};
	int n;

	snprintf(res.reason, sizeof(res.reason), "%s", why);
	for (;;) {
		pthread_mutex_lock(&w->mu);
		n = w->n_pending;
		res.request_id = n ? w->pending[0] : 0;
		pthread_mutex_unlock(&w->mu);
		if (!n)
			return;
		post(w, &res);
	}
}

/* One queued receipt row, through the shared policy. */
static void print_row(struct printworker *w, const struct printjob_row *row)
{
	struct printworker_result out = {.request_id = row->request_id,
					 .job_id = row->job_id};
	struct printjob_result res;
	struct doc_buf pdf = {0};
	struct printer *p = w->p, *own = NULL;
	char why[PRINTJOB_MSG_LEN];

	if (*row->printer && strcmp(row->printer, w->cfg.receipt_printer))
		p = own = printer_cups_open(*w->server ? w->server : NULL,
					    row->printer, 5000);
	if (queue_get_by_id(w->q, row->request_id, &w->r) < 0) {
		snprintf(why, sizeof(why), "the request could not be read: %s",
			 queue_errmsg(w->q));
		printjob_fail(w->q, row->job_id, why, &res);
	} else if (docview_render_receipt(&w->cfg, &w->r, &pdf) < 0) {
		printjob_fail(w->q, row->job_id, pdf.err, &res);
	} else if (!p) {
		printjob_fail(w->q, row->job_id, strerror(errno), &res);
	} else {
		/* The title is the number only: CUPS logs job names. */
		printjob_run(w->q, p,
			     &(struct printjob){row->job_id, pdf.data, pdf.len,
						w->r.regno,
						docview_receipt_media(&w->cfg),
						w->cfg.receipt_timeout_s},
			     &res);
	}
	if (!res.recorded && printjob_record(w->q, row->job_id, &res) < 0)
		log_err("print worker: %s", res.errmsg);
	if (pdf.data)
		explicit_bzero(pdf.data, pdf.cap);
	document_buf_free(&pdf);
	request_wipe(&w->r);
	printer_close(own);
	out.ok = res.state == QUEUE_JOB_DONE;
	out.printer = res.printer;
	snprintf(out.reason, sizeof(out.reason), "%s", res.reason);
	if (out.ok)
		log_info("print worker: receipt job #%lld printed",
			 (long long)row->job_id);
	else
		log_warn("print worker: receipt job #%lld not printed: %s",
			 (long long)row->job_id, res.reason);
	post(w, &out);
}

/* The receipts of the requests handed over, oldest first; a request whose
 * row is missing is reported as not printed.  Rows of other requests (the
 * console prints its own) are never taken. */
static void print_all(struct printworker *w)
{
	int64_t tried[MAX_PER_PASS];
	int n_tried = 0;
	struct printjob_row row;

	if (!open_db(w)) {
		fail_pending(w, w->db_why);
		return;
	}
	while (n_tried < MAX_PER_PASS) {
		int64_t want;
		int rc;

		pthread_mutex_lock(&w->mu);
		want = w->n_pending ? w->pending[0] : 0;
		rc = w->stop;
		pthread_mutex_unlock(&w->mu);
		if (!want || rc)
			return;
		rc = printjob_next_for(w->q, "receipt", want, &row);
		if (rc < 0) {
			char why[PRINTJOB_MSG_LEN];

			snprintf(why, sizeof(why), "%s", queue_errmsg(w->q));
			close_db(w, why);
			fail_pending(w, why);
			return;
		}
		/* No row, or one whose failure could not be recorded and
		 * came back: once per pass is enough. */
		for (int i = 0; rc == 1 && i < n_tried; i++)
			if (tried[i] == row.job_id)
				rc = 0;
		if (rc == 0) {
			struct printworker_result res = {
			    .request_id = want,
			    .printer = PRINTER_STATE_OTHER_ERROR};

			snprintf(res.reason, sizeof(res.reason),
				 "no receipt was queued for this request");
			post(w, &res);
			continue;
		}
		tried[n_tried++] = row.job_id;
		print_row(w, &row);
	}
	fail_pending(w, "too many receipts at once");
}

/* The maintenance test page: no database row, the printer's own state on
 * it, followed to the end like a receipt. */
static void print_test_page(struct printworker *w)
{
	struct printworker_result out = {.test_page = true};
	struct printer_status st = {.state = PRINTER_STATE_OTHER_ERROR};
	struct printer_job job = {0};
	struct doc_buf pdf = {0};
	char when[40], state[PRINTER_REASONS_MAX + 256];
	int job_id = 0;

	if (!w->p)
		w->p = printer_cups_open(*w->server ? w->server : NULL,
					 w->cfg.receipt_printer, 5000);
	if (w->p)
		printer_status(w->p, &st);
	date_format_wib(time(NULL), when, sizeof(when));
	snprintf(state, sizeof(state), "%s / %s%s%s",
		 printer_state_text(st.state, false),
		 printer_state_text(st.state, true), *st.reasons ? " - " : "",
		 st.reasons);
	if (!w->p) {
		snprintf(out.reason, sizeof(out.reason), "printer: %s",
			 strerror(errno));
	} else if (document_render_test_page(
		       &(struct doc_test_page){
			   .paper_mm = w->cfg.paper_mm,
			   .office_name = w->cfg.office_name,
			   .when = when,
			   .printer = printer_get_queue(w->p),
			   .printer_state = state},
		       &pdf) < 0) {
		snprintf(out.reason, sizeof(out.reason), "%s", pdf.err);
	} else if (printer_submit(w->p, pdf.data, pdf.len, "test page",
				  docview_receipt_media(&w->cfg), &job_id,
				  &st) < 0) {
		snprintf(out.reason, sizeof(out.reason), "not accepted: %s",
			 printer_errmsg(w->p));
	} else if (printer_wait_job(w->p, job_id,
				    w->cfg.receipt_timeout_s * 1000,
				    &job) < 0 ||
		   job.state != PRINTER_JOB_COMPLETED) {
		/* Never left to come out hours later. */
		printer_cancel_job(w->p, job_id);
		st = job.printer;
		snprintf(out.reason, sizeof(out.reason), "job %d: %.200s",
			 job_id,
			 job.reasons[0] ? job.reasons : "not completed");
	} else {
		out.ok = true;
	}
	document_buf_free(&pdf);
	out.printer = out.ok ? PRINTER_STATE_READY : st.state;
	if (out.ok)
		log_info("print worker: test page printed (job %d)", job_id);
	else
		log_warn("print worker: test page not printed: %s", out.reason);
	post(w, &out);
}

static void poll_printer(struct printworker *w)
{
	struct printer_status st;

	if (!w->p)
		w->p = printer_cups_open(*w->server ? w->server : NULL,
					 w->cfg.receipt_printer, 5000);
	if (!w->p || printer_status(w->p, &st) < 0)
		st.state = PRINTER_STATE_OTHER_ERROR;
	pthread_mutex_lock(&w->mu);
	if (!w->have_state || st.state != w->printer) {
		w->printer = st.state;
		w->printer_changed = true;
		w->have_state = true;
		pthread_mutex_unlock(&w->mu);
		log_info("print worker: printer %s",
			 printer_state_key(st.state));
		wake_engine(w);
		return;
	}
	pthread_mutex_unlock(&w->mu);
}

static void *run(void *arg)
{
	struct printworker *w = arg;
	int64_t poll_at = 0;
	struct timespec ts;

	open_db(w);
	pthread_mutex_lock(&w->mu);
	while (!w->stop) {
		int64_t now = mono_ms();

		if (w->test_page) {
			w->test_page = false;
			pthread_mutex_unlock(&w->mu);
			print_test_page(w);
			poll_at = 0;
			pthread_mutex_lock(&w->mu);
			continue;
		}
		if (w->n_pending) {
			pthread_mutex_unlock(&w->mu);
			print_all(w);
			poll_at = 0; /* the state after a job, at once */
			pthread_mutex_lock(&w->mu);
			continue;
		}
		if (now >= poll_at) {
			pthread_mutex_unlock(&w->mu);
			poll_printer(w);
			if (!w->q)
				open_db(w);
			poll_at = mono_ms() + w->every_ms;
			pthread_mutex_lock(&w->mu);
			continue;
		}
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_sec += (time_t)((poll_at - now) / 1000);
		ts.tv_nsec += (long)((poll_at - now) % 1000) * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&w->cv, &w->mu, &ts);
	}
	pthread_mutex_unlock(&w->mu);
	queue_close(w->q);
	w->q = NULL;
	printer_close(w->p);
	w->p = NULL;
	return NULL;
}

/* ---- on the engine's thread -------------------------------------------- */

struct printworker *printworker_start(const struct printworker_options *o)
{
	struct printworker *w = calloc(1, sizeof(*w));
	pthread_condattr_t ca;
	sigset_t all, old;
	int err;

	if (!w)
		return NULL;
	w->cfg = *o->cfg;
	snprintf(w->db_path, sizeof(w->db_path), "%s",
		 o->db_path ? o->db_path : o->cfg->db_path);
	snprintf(w->server, sizeof(w->server), "%s",
		 o->cups_server ? o->cups_server : "");
	w->every_ms = o->status_every_ms > 0 ? o->status_every_ms : 30000;
	w->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (w->efd < 0) {
		err = errno;
		goto fail_free;
	}
	pthread_mutex_init(&w->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&w->cv, &ca);
	pthread_condattr_destroy(&ca);
	/* Signals go to the main loop's thread, never to this one (a
	 * signalfd or a handler there sees every SIGTERM); a SIGPIPE from a
	 * dead scheduler's socket stays pending and the write fails. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&w->thread, NULL, run, w);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err)
		goto fail_sync;
	return w;
fail_sync:
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	close(w->efd);
fail_free:
	free(w);
	errno = err;
	return NULL;
}

void printworker_stop(struct printworker *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->stop = true;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	close(w->efd);
	explicit_bzero(w, sizeof(*w));
	free(w);
}

int printworker_get_fd(const struct printworker *w)
{
	return w->efd;
}

int printworker_print(struct printworker *w, int64_t request_id)
{
	int rc = 0;

	pthread_mutex_lock(&w->mu);
	if (w->n_pending == PRINTWORKER_MAX_PENDING) {
		rc = -1;
	} else {
		w->pending[w->n_pending++] = request_id;
		pthread_cond_signal(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	if (rc)
		errno = EAGAIN;
	return rc;
}

int printworker_test_page(struct printworker *w)
{
	int rc = 0;

	pthread_mutex_lock(&w->mu);
	if (w->test_page) {
		rc = -1;
	} else {
		w->test_page = true;
		pthread_cond_signal(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	if (rc)
		errno = EBUSY;
	return rc;
}

bool printworker_take(struct printworker *w, struct printworker_result *out)
{
	uint64_t n;
	bool got = false;

	if (read(w->efd, &n, sizeof(n)) < 0 && errno != EAGAIN)
		log_warn("print worker: eventfd: %s", strerror(errno));
	pthread_mutex_lock(&w->mu);
	if (w->n_results) {
		*out = w->results[0];
		memmove(&w->results[0], &w->results[1],
			(size_t)(w->n_results - 1) * sizeof(w->results[0]));
		w->n_results--;
		got = true;
	}
	pthread_mutex_unlock(&w->mu);
	return got;
}

bool printworker_printer(struct printworker *w, enum printer_state *st)
{
	bool changed;

	pthread_mutex_lock(&w->mu);
	*st = w->printer;
	changed = w->printer_changed;
	w->printer_changed = false;
	pthread_mutex_unlock(&w->mu);
	return changed;
}

int printworker_pending(struct printworker *w)
{
	int n;

	pthread_mutex_lock(&w->mu);
	n = w->n_pending;
	pthread_mutex_unlock(&w->mu);
	return n;
}
