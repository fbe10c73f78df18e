// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The desk's alerts: dbwatch says when another process committed, data
 * _version confirms it, and then the events, pending calls, recent print
 * jobs and open deadlines are read again and compared with what was
 * already raised.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alerts.h"
#include "date.h"
#include "dbwatch.h"
#include "printer.h"
#include "printjob.h"
#include "safetext.h"

#define JOBS_SCAN    64	 /* newest print jobs looked at per re-read */
#define CALLS_SCAN   64	 /* pending calls looked at per re-read */
#define TEXT_CHARS   110 /* an alert's text, in characters */
#define DAY_MARGIN_S 1	 /* wake just after the office's midnight */

/* What was raised for one open request, per office day (date_to_days). */
struct deadline_seen {
	int64_t request_id; /* the request */
	int64_t soon_day;   /* day due-soon was raised, 0 = never */
	int64_t over_day;   /* day overdue was raised, 0 = never */
};

struct alerts {
	struct queue *q;	    /* borrowed connection */
	const struct calendar *cal; /* borrowed holidays */
	struct dbwatch *w;	    /* owned watcher */
	struct request *req;	    /* scratch, malloc() */
	bool english;		    /* texts in English */
	int stale_s;		    /* a job not printed after this long */
	int (*event_cb)(const struct queue_event *, void *); /* or NULL */
	void *event_ctx;				     /* its context */
	int64_t last_event;	       /* events up to here were read */
	int64_t last_call;	       /* calls up to here were seen */
	int64_t *jobs;		       /* job ids done with, malloc() */
	size_t n_jobs, cap_jobs;       /* entries used / allocated */
	struct deadline_seen *dls;     /* malloc() */
	size_t n_dls, cap_dls;	       /* entries used / allocated */
	int printer_fault;	       /* fault last raised, -1 = none */
	int64_t printer_job;	       /* newest finished job looked at */
	bool dirty;		       /* re-read at the next alerts_read() */
	int64_t timer_ms;	       /* next timed re-read, -1 = none */
	int64_t timer_at;	       /* the same in unix seconds */
	struct alert *pending;	       /* not yet delivered, malloc() */
	size_t n_pending, cap_pending; /* entries used / allocated */
	size_t next_pending;	       /* first not yet delivered */
	bool baseline;		       /* taking the baseline: raise nothing */
	int64_t now;		       /* the re-read's clock */
	int err;		       /* a re-read failed (queue_errmsg()) */
	size_t n_open;		       /* open requests at the last re-read */
};

static const char *const kind_names[ALERT_KIND_COUNT] = {
    [ALERT_REQUEST] = "request", [ALERT_CALL] = "call",
    [ALERT_PICKUP] = "pickup",	 [ALERT_UNPRINTED] = "unprinted",
    [ALERT_PRINTER] = "printer", [ALERT_DUE_SOON] = "due-soon",
    [ALERT_OVERDUE] = "overdue",
};

const char *alert_kind_name(enum alert_kind k)
{
	return (unsigned)k < ALERT_KIND_COUNT ? kind_names[k] : "unknown";
}

static const char *tr(const struct alerts *a, const char *id, const char *en)
{
	return a->english ? en : id;
}

/* ---- collecting ----------------------------------------------------------- */

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 16;
	void *np;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	np = realloc(*p, n * size);
	if (!np)
		return -1;
	*p = np;
	*cap = n;
	return 0;
}

/* Queue one alert (nothing while taking the baseline).  The text is
 * composed raw, then escaped and cut as one line. */
static int push(struct alerts *a, enum alert_kind kind, int64_t at,
		int64_t request_id, int64_t call_id, const char *regno,
		const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static int push(struct alerts *a, enum alert_kind kind, int64_t at,
		int64_t request_id, int64_t call_id, const char *regno,
		const char *fmt, ...)
{
	char raw[1024];
	struct alert *al;
	va_list ap;

	if (a->baseline)
		return 0;
	if (grow((void **)&a->pending, &a->cap_pending, a->n_pending + 1,
		 sizeof(*a->pending)) < 0) {
		errno = ENOMEM;
		return -1;
	}
	al = &a->pending[a->n_pending++];
	memset(al, 0, sizeof(*al));
	al->at = at;
	al->kind = kind;
	al->request_id = request_id;
	al->call_id = call_id;
	safetext_line(regno ? regno : "", sizeof(al->regno) - 1, al->regno,
		      sizeof(al->regno));
	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	safetext_line(raw, TEXT_CHARS, al->text, sizeof(al->text));
	explicit_bzero(raw, sizeof(raw));
	return 0;
}

/* ---- new requests (the events) ------------------------------------------- */

static int on_event(const struct queue_event *ev, void *ctx)
{
	struct alerts *a = ctx;
	struct request *r = a->req;
	char due[16];

	a->last_event = ev->id;
	if (a->event_cb && !a->baseline)
		a->event_cb(ev, a->event_ctx);
	if (strcmp(ev->action, "submit") != 0 || a->baseline)
		return 0;
	if (queue_get_by_id(a->q, ev->request_id, r) < 0) {
		a->err = -1;
		return 1;
	}
	date_format(request_due(r), due, sizeof(due));
	a->err = push(a, ALERT_REQUEST, ev->at, r->id, 0, r->regno,
		      "%s %s (%s), %s %s: %.160s",
		      tr(a, "Permohonan baru dari", "New request from"),
		      r->name, request_channel_key(r->channel),
		      tr(a, "batas waktu", "due"), due, r->info);
	request_wipe(r);
	return a->err != 0;
}

/* ---- calls ---------------------------------------------------------------- */

struct call_scan {
	struct alerts *a;		     /* the alerts */
	int64_t max;			     /* newest call seen */
	size_t n;			     /* calls found */
	struct queue_call calls[CALLS_SCAN]; /* copies, strings dropped */
	char regno[CALLS_SCAN][40];	     /* their numbers */
};

static int on_call(const struct queue_call *k, void *ctx)
{
	struct call_scan *cs = ctx;

	if (k->id > cs->max)
		cs->max = k->id;
	if (k->id <= cs->a->last_call || cs->n >= CALLS_SCAN)
		return 0;
	cs->calls[cs->n] = *k;
	snprintf(cs->regno[cs->n], sizeof(cs->regno[0]), "%s", k->regno);
	cs->n++;
	return 0;
}

static int scan_calls(struct alerts *a)
{
	static struct call_scan cs;
	int rc = 0;

	memset(&cs, 0, sizeof(cs));
	cs.a = a;
	cs.max = a->last_call;
	if (queue_calls(a->q, true, CALLS_SCAN, on_call, &cs) < 0)
		return -1;
	/* Newest first from the queue: raise oldest first. */
	for (size_t i = cs.n; rc == 0 && i-- > 0;) {
		const struct queue_call *k = &cs.calls[i];

		if (k->kind != QUEUE_CALL_PICKUP) {
			rc = push(a, ALERT_CALL, k->at, 0, k->id, "", "%s (%s)",
				  tr(a,
				     "Pengunjung memanggil petugas: mohon "
				     "ke kiosk",
				     "A visitor called the desk: please go "
				     "to the kiosk"),
				  queue_call_kind_key(k->kind));
			continue;
		}
		if (queue_get_by_id(a->q, k->request_id, a->req) < 0)
			return -1;
		rc = push(a, ALERT_PICKUP, k->at, k->request_id, k->id,
			  cs.regno[i], "%s %s %s", a->req->name,
			  tr(a, "menunggu di kiosk untuk mengambil",
			     "is waiting at the kiosk to collect"),
			  cs.regno[i]);
		request_wipe(a->req);
	}
	a->last_call = cs.max;
	return rc;
}

/* ---- print jobs ----------------------------------------------------------- */

struct job_copy {
	int64_t id, request_id;	       /* the row and its request */
	enum queue_job_state state;    /* where it is */
	int64_t created_at;	       /* queued */
	int64_t updated_at;	       /* last change */
	char regno[40];		       /* its request's number */
	char document[16];	       /* "receipt", "notification", ... */
	char reason[PRINTJOB_MSG_LEN]; /* why not printed */
};

struct job_scan {
	size_t n;			 /* rows copied */
	struct job_copy jobs[JOBS_SCAN]; /* newest first */
};

static int on_job(const struct queue_job *j, void *ctx)
{
	struct job_scan *js = ctx;
	struct job_copy *c;

	if (js->n >= JOBS_SCAN)
		return 1;
	c = &js->jobs[js->n++];
	c->id = j->id;
	c->request_id = j->request_id;
	c->state = j->state;
	c->created_at = (int64_t)j->created_at;
	c->updated_at = (int64_t)j->updated_at;
	snprintf(c->regno, sizeof(c->regno), "%s", j->regno);
	snprintf(c->document, sizeof(c->document), "%s", j->document);
	snprintf(c->reason, sizeof(c->reason), "%s", j->reason);
	return 0;
}

static bool job_known(const struct alerts *a, int64_t id)
{
	for (size_t i = a->n_jobs; i-- > 0;)
		if (a->jobs[i] == id)
			return true;
	return false;
}

static int job_forget(struct alerts *a, int64_t id)
{
	if (grow((void **)&a->jobs, &a->cap_jobs, a->n_jobs + 1,
		 sizeof(*a->jobs)) < 0) {
		errno = ENOMEM;
		return -1;
	}
	a->jobs[a->n_jobs++] = id;
	return 0;
}

/* The printer fault a failed job's reason names (printjob.c writes the
 * printer's state text first), or -1 when it names none. */
static int reason_fault(const char *reason)
{
	for (int s = PRINTER_STATE_NO_PRINTER; s < PRINTER_STATE_COUNT; s++) {
		const char *t =
		    printer_state_text((enum printer_state)s, false);
		size_t n = strlen(t);

		if (n && strncmp(reason, t, n) == 0)
			return s;
	}
	return -1;
}

static void timer_at(struct alerts *a, int64_t at)
{
	if (a->timer_at < 0 || at < a->timer_at)
		a->timer_at = at;
}

static const char *doc_words(const struct alerts *a, const char *doc)
{
	if (strcmp(doc, "receipt") == 0)
		return tr(a, "Tanda terima", "The receipt");
	if (strcmp(doc, "notification") == 0)
		return tr(a, "Pemberitahuan tertulis",
			  "The written notification");
	if (strcmp(doc, "data_receipt") == 0)
		return tr(a, "Tanda terima data", "The data receipt");
	return tr(a, "Dokumen", "The document");
}

/* The printer's state as the finished jobs record it, each job once: a
 * fault is raised when it starts, a printed job ends it. */
static int job_printer(struct alerts *a, const struct job_copy *j)
{
	int fault = reason_fault(j->reason);

	if (j->id <= a->printer_job)
		return 0;
	a->printer_job = j->id;
	if (j->state == QUEUE_JOB_DONE) {
		a->printer_fault = -1; /* it prints again */
		return 0;
	}
	if (fault < 0 || fault == a->printer_fault)
		return 0;
	a->printer_fault = fault;
	return push(a, ALERT_PRINTER, j->updated_at, 0, 0, "", "%s: %s (%s)",
		    tr(a, "Printer bermasalah", "Printer fault"),
		    printer_state_text((enum printer_state)fault, a->english),
		    j->document);
}

static int job_check(struct alerts *a, const struct job_copy *j)
{
	bool open = j->state == QUEUE_JOB_QUEUED ||
		    j->state == QUEUE_JOB_SENT ||
		    j->state == QUEUE_JOB_PRINTING;
	bool bad =
	    j->state == QUEUE_JOB_FAILED || j->state == QUEUE_JOB_CANCELLED;

	if ((bad || j->state == QUEUE_JOB_DONE) && job_printer(a, j) < 0)
		return -1;
	if (job_known(a, j->id) || !(open || bad))
		return 0;
	if (open && j->created_at + a->stale_s > a->now) {
		timer_at(a, j->created_at + a->stale_s);
		return 0;
	}
	if (job_forget(a, j->id) < 0)
		return -1;
	if (open)
		return push(a, ALERT_UNPRINTED, j->created_at + a->stale_s,
			    j->request_id, 0, j->regno, "%s %s %d s",
			    doc_words(a, j->document),
			    tr(a, "belum tercetak setelah",
			       "is still not printed after"),
			    a->stale_s);
	return push(a, ALERT_UNPRINTED, j->updated_at, j->request_id, 0,
		    j->regno, "%s %s: %s", doc_words(a, j->document),
		    tr(a, "tidak tercetak", "was not printed"),
		    *j->reason ? j->reason : "-");
}

static int scan_jobs(struct alerts *a)
{
	static struct job_scan js;

	js.n = 0;
	if (queue_jobs(a->q, -1, JOBS_SCAN, on_job, &js) < 0)
		return -1;
	for (size_t i = js.n; i-- > 0;)
		if (job_check(a, &js.jobs[i]) < 0)
			return -1;
	return 0;
}

/* ---- deadlines ------------------------------------------------------------ */

static struct deadline_seen *deadline_find(struct alerts *a, int64_t id)
{
	for (size_t i = 0; i < a->n_dls; i++)
		if (a->dls[i].request_id == id)
			return &a->dls[i];
	if (grow((void **)&a->dls, &a->cap_dls, a->n_dls + 1, sizeof(*a->dls)) <
	    0)
		return NULL;
	a->dls[a->n_dls] = (struct deadline_seen){id, 0, 0};
	return &a->dls[a->n_dls++];
}

static int on_open_request(const struct request *r, void *ctx)
{
	struct alerts *a = ctx;
	struct date today = date_of_wib((time_t)a->now, NULL);
	struct date due = request_due(r);
	int64_t day = date_to_days(today);
	struct deadline_seen *s;
	char d[16];
	int left;

	a->n_open++;
	if (!date_valid(due.year, due.month, due.day))
		return 0;
	s = deadline_find(a, r->id);
	if (!s) {
		errno = ENOMEM;
		a->err = -1;
		return 1;
	}
	date_format(due, d, sizeof(d));
	if (date_cmp(today, due) > 0) {
		if (s->over_day == day)
			return 0;
		s->over_day = day;
		left = calendar_workdays_between(a->cal, due, today);
		a->err = push(a, ALERT_OVERDUE, a->now, r->id, 0, r->regno,
			      "%s %s (%d %s), %s: %s",
			      tr(a, "Lewat batas waktu", "Overdue since"), d,
			      left, tr(a, "hari kerja", "working days"),
			      tr(a, "status", "status"),
			      workflow_status_key(r->status));
		return a->err != 0;
	}
	left = calendar_workdays_between(a->cal, today, due);
	if (left > ALERTS_DUE_SOON_DAYS || s->soon_day == day)
		return 0;
	s->soon_day = day;
	a->err =
	    push(a, ALERT_DUE_SOON, a->now, r->id, 0, r->regno,
		 "%s %s (%d %s), %s: %s", tr(a, "Batas waktu", "Due on"), d,
		 left, tr(a, "hari kerja lagi", "working days left"),
		 tr(a, "status", "status"), workflow_status_key(r->status));
	return a->err != 0;
}

static int scan_deadlines(struct alerts *a)
{
	struct queue_filter f = {.status = -1, .open_only = true};
	struct date tomorrow;
	a->err = 0;
	a->n_open = 0;
	if (queue_list(a->q, &f, on_open_request, a) < 0 || a->err)
		return -1;
	/* The state of a deadline changes with the office's day only. */
	if (a->n_open) {
		tomorrow = date_add_days(date_of_wib((time_t)a->now, NULL), 1);
		timer_at(a, (int64_t)date_wib_to_utc(tomorrow, 0, 0, 0) +
				DAY_MARGIN_S);
	}
	return 0;
}

/* ---- the re-read ---------------------------------------------------------- */

static int by_time(const void *x, const void *y)
{
	const struct alert *p = x, *q = y;

	return (p->at > q->at) - (p->at < q->at);
}

static int rescan(struct alerts *a, int64_t now, int64_t now_ms)
{
	size_t first = a->n_pending;

	a->now = now;
	a->err = 0;
	a->timer_at = -1;
	/* One snapshot: the events, calls and jobs seen at one instant. */
	if (queue_read_begin(a->q) < 0)
		return -1;
	if (queue_events_after(a->q, a->last_event, on_event, a) < 0 ||
	    a->err || scan_calls(a) < 0 || scan_jobs(a) < 0 ||
	    scan_deadlines(a) < 0) {
		queue_read_end(a->q);
		return -1;
	}
	queue_read_end(a->q);
	a->timer_ms =
	    a->timer_at < 0 ? -1 : now_ms + (a->timer_at - now) * 1000;
	if (a->n_pending > first)
		qsort(a->pending + first, a->n_pending - first,
		      sizeof(*a->pending), by_time);
	a->dirty = false;
	return 0;
}

static int deliver(struct alerts *a, int (*cb)(const struct alert *, void *),
		   void *ctx)
{
	int n = 0;

	while (a->next_pending < a->n_pending) {
		const struct alert *al = &a->pending[a->next_pending++];

		n++;
		if (cb && cb(al, ctx))
			break;
	}
	if (a->next_pending == a->n_pending)
		a->next_pending = a->n_pending = 0;
	return n;
}

int alerts_read(struct alerts *a, int64_t now, int64_t now_ms,
		int (*cb)(const struct alert *, void *), void *ctx)
{
	bool changed = false;

	dbwatch_read(a->w, now_ms);
	if (queue_poll_changed(a->q, &changed) < 0)
		return -1;
	if ((changed || a->dirty ||
	     (a->timer_ms >= 0 && now_ms >= a->timer_ms)) &&
	    rescan(a, now, now_ms) < 0) {
		a->dirty = true; /* try again at the next call */
		return -1;
	}
	return deliver(a, cb, ctx);
}

int alerts_timeout_ms(const struct alerts *a, int64_t now_ms)
{
	int t = dbwatch_timeout_ms(a->w, now_ms);

	if (a->dirty || a->next_pending < a->n_pending)
		return 0;
	if (a->timer_ms >= 0) {
		int64_t left = a->timer_ms - now_ms;
		int ms = left <= 0 ? 0 : left > 86400000 ? 86400000 : (int)left;

		if (t < 0 || ms < t)
			t = ms;
	}
	return t;
}

struct alerts *alerts_open(struct queue *q, const struct calendar *cal,
			   const char *db_path, int64_t now)
{
	struct alerts *a = calloc(1, sizeof(*a));
	bool changed;

	if (!a)
		return NULL;
	a->q = q;
	a->cal = cal;
	a->stale_s = ALERTS_STALE_S;
	a->printer_fault = -1;
	a->timer_ms = -1;
	a->req = malloc(sizeof(*a->req));
	a->w = dbwatch_open(db_path, 0);
	if (!a->req || !a->w)
		goto err_free;
	/* Prime data_version first, so a commit during the baseline shows
	 * as a change at the first read. */
	if (queue_poll_changed(q, &changed) < 0 ||
	    queue_last_event_id(q, &a->last_event) < 0)
		goto err_queue;
	a->baseline = true;
	a->now = now;
	a->timer_at = -1;
	if (scan_jobs(a) < 0)
		goto err_queue;
	/* Failed jobs already there were seen (kept as known); open ones
	 * may still fail and are looked at again. */
	a->baseline = false;
	a->dirty = true; /* pending calls and deadlines: the first read */
	return a;
err_queue:
	errno = EIO;
err_free:
	alerts_close(a);
	return NULL;
}

int alerts_get_fd(const struct alerts *a)
{
	return dbwatch_get_fd(a->w);
}

bool alerts_is_polling(const struct alerts *a)
{
	return dbwatch_is_polling(a->w);
}

void alerts_refresh(struct alerts *a)
{
	a->dirty = true;
}

void alerts_set_english(struct alerts *a, bool english)
{
	a->english = english;
}

void alerts_set_stale_s(struct alerts *a, int seconds)
{
	a->stale_s = seconds > 0 ? seconds : ALERTS_STALE_S;
	a->dirty = true;
}

void alerts_set_event_cb(struct alerts *a,
			 int (*cb)(const struct queue_event *, void *),
			 void *ctx)
{
	a->event_cb = cb;
	a->event_ctx = ctx;
}

void alerts_close(struct alerts *a)
{
	if (!a)
		return;
	dbwatch_close(a->w);
	if (a->req) {
		request_wipe(a->req);
		free(a->req);
	}
	if (a->pending)
		explicit_bzero(a->pending,
			       a->cap_pending * sizeof(*a->pending));
	free(a->pending);
	free(a->jobs);
	free(a->dls);
	free(a);
}
