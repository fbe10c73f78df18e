// SPDX-License-Identifier: GPL-2.0-or-later
/* The console's views of the register as data (see view.h). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "idparse.h"
#include "view.h"

void view_row_fill(struct view_row *row, const struct request *r,
		   const struct calendar *cal, struct date today)
{
	memset(row, 0, sizeof(*row));
	row->id = r->id;
	snprintf(row->regno, sizeof(row->regno), "%s", r->regno);
	row->received_at = r->received_at;
	date_format_wib(r->received_at, row->received, sizeof(row->received));
	row->channel = r->channel;
	snprintf(row->name, sizeof(row->name), "%s", r->name);
	row->status = r->status;
	row->deadline = r->deadline;
	row->extended = r->extended;
	row->extended_deadline = r->extended_deadline;
	row->due = request_due(r);
	date_format(row->due, row->due_text, sizeof(row->due_text));
	row->overdue = request_overdue(r, today);
	row->decision = r->decision;
	row->info = r->info;
	if (workflow_status_done(r->status)) {
		row->due_state = VIEW_DUE_DONE;
		return;
	}
	row->left = calendar_workdays_between(cal, today, row->due);
	if (date_cmp(today, row->due) > 0)
		row->due_state = VIEW_DUE_OVERDUE;
	else if (row->left <= VIEW_SOON_DAYS)
		row->due_state = VIEW_DUE_SOON;
	else
		row->due_state = VIEW_DUE_OPEN;
}

/* ---- detail ---------------------------------------------------------------- */

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static int add_holiday(const struct queue_holiday *h, void *ctx)
{
	struct view_detail *d = ctx;
	struct view_holiday *grown;

	if (date_cmp(h->day, d->req.start_date) < 0 ||
	    date_cmp(h->day, d->row.due) > 0 || date_weekday(h->day) > 5)
		return 0;
	grown = realloc(d->holidays, (d->n_holidays + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	d->holidays = grown;
	grown[d->n_holidays].day = h->day;
	grown[d->n_holidays].name = dup_or_empty(h->name);
	if (!grown[d->n_holidays].name)
		return -1;
	d->n_holidays++;
	return 0;
}

static int add_event(const struct queue_event *ev, void *ctx)
{
	struct view_detail *d = ctx;
	struct view_event *grown, *e;

	grown = realloc(d->events, (d->n_events + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	d->events = grown;
	e = &grown[d->n_events++];
	memset(e, 0, sizeof(*e));
	e->at = ev->at;
	e->dev_mode = ev->dev_mode;
	e->actor = dup_or_empty(ev->actor);
	e->role = dup_or_empty(ev->role);
	e->action = dup_or_empty(ev->action);
	e->from = dup_or_empty(ev->from);
	e->to = dup_or_empty(ev->to);
	e->note = dup_or_empty(ev->note);
	return e->actor && e->role && e->action && e->from && e->to && e->note
		   ? 0
		   : -1;
}

int view_detail_load(struct queue *q, const char *regno,
		     const struct calendar *cal, struct date today, bool reveal,
		     struct view_detail *d)
{
	struct request *r = &d->req;
	int rc = -1;

	memset(d, 0, sizeof(*d));
	/* The row, its holidays and its history as of one instant. */
	if (queue_read_begin(q) < 0)
		return -1;
	if (queue_get(q, regno, r) < 0)
		goto out;
	view_row_fill(&d->row, r, cal, today);
	if (reveal)
		snprintf(d->id_shown, sizeof(d->id_shown), "%s", r->id_number);
	else
		id_mask(r->id_number, d->id_shown, sizeof(d->id_shown));
	if (r->proxy)
		snprintf(d->id_shown + strlen(d->id_shown),
			 sizeof(d->id_shown) - strlen(d->id_shown),
			 " (acting for someone else)");
	if (queue_holidays(q, 0, add_holiday, d) < 0 ||
	    queue_history(q, r->id, add_event, d) < 0)
		goto out;
	rc = 0;
out:
	queue_read_end(q);
	if (rc < 0)
		view_detail_free(d);
	return rc;
}

void view_detail_free(struct view_detail *d)
{
	for (size_t i = 0; i < d->n_holidays; i++)
		free(d->holidays[i].name);
	free(d->holidays);
	for (size_t i = 0; i < d->n_events; i++) {
		struct view_event *e = &d->events[i];

		free(e->actor);
		free(e->role);
		free(e->action);
		free(e->from);
		free(e->to);
		free(e->note);
	}
	free(d->events);
	request_wipe(&d->req);
	explicit_bzero(d, sizeof(*d));
}

/* ---- lists ----------------------------------------------------------------- */

struct rows_ctx {
	const struct calendar *cal; /* for working days left */
	struct date today;	    /* the office's today */
	size_t max;		    /* stop after this many */
	size_t n;		    /* filled */
	struct view_row *rows;	    /* grown by realloc */
};

static int add_row(const struct request *r, void *ctx)
{
	struct rows_ctx *l = ctx;
	struct view_row *grown;

	if (l->n >= l->max)
		return 1;
	grown = realloc(l->rows, (l->n + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	l->rows = grown;
	view_row_fill(&grown[l->n], r, l->cal, l->today);
	grown[l->n++].info = NULL;
	return 0;
}

long view_rows_load(struct queue *q, const struct queue_filter *f,
		    const struct calendar *cal, struct date today, size_t max,
		    struct view_row **rows)
{
	struct rows_ctx l = {.cal = cal, .today = today, .max = max};

	*rows = NULL;
	if (queue_list(q, f, add_row, &l) < 0) {
		view_rows_free(l.rows, l.n);
		return -1;
	}
	*rows = l.rows;
	return (long)l.n;
}

void view_rows_free(struct view_row *rows, size_t n)
{
	if (!rows)
		return;
	explicit_bzero(rows, n * sizeof(*rows));
	free(rows);
}

struct calls_ctx {
	size_t max, n;		 /* limit, filled */
	struct view_call *calls; /* grown by realloc */
};

static int add_call(const struct queue_call *k, void *ctx)
{
	struct calls_ctx *l = ctx;
	struct view_call *grown, *c;

	if (l->n >= l->max)
		return 1;
	grown = realloc(l->calls, (l->n + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	l->calls = grown;
	c = &grown[l->n++];
	memset(c, 0, sizeof(*c));
	c->id = k->id;
	c->at = k->at;
	c->kind = k->kind;
	snprintf(c->source, sizeof(c->source), "%s", k->source);
	c->request_id = k->request_id;
	snprintf(c->regno, sizeof(c->regno), "%s", k->regno);
	c->acked_at = k->acked_at;
	snprintf(c->acked_by, sizeof(c->acked_by), "%s", k->acked_by);
	return 0;
}

long view_calls_load(struct queue *q, bool pending_only, size_t max,
		     struct view_call **calls)
{
	struct calls_ctx l = {.max = max};

	*calls = NULL;
	if (queue_calls(q, pending_only, (int)max, add_call, &l) < 0) {
		free(l.calls);
		return -1;
	}
	*calls = l.calls;
	return (long)l.n;
}

struct jobs_ctx {
	size_t max, n;	       /* limit, filled */
	struct view_job *jobs; /* grown by realloc */
};

static int add_job(const struct queue_job *j, void *ctx)
{
	struct jobs_ctx *l = ctx;
	struct view_job *grown, *o;

	if (l->n >= l->max)
		return 1;
	grown = realloc(l->jobs, (l->n + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	l->jobs = grown;
	o = &grown[l->n++];
	memset(o, 0, sizeof(*o));
	o->id = j->id;
	snprintf(o->regno, sizeof(o->regno), "%s", j->regno);
	snprintf(o->document, sizeof(o->document), "%s", j->document);
	o->state = j->state;
	o->cups_job = j->cups_job;
	snprintf(o->reason, sizeof(o->reason), "%s", j->reason);
	o->updated_at = j->updated_at;
	return 0;
}

long view_jobs_load(struct queue *q, size_t max, struct view_job **jobs)
{
	struct jobs_ctx l = {.max = max};

	*jobs = NULL;
	if (queue_jobs(q, -1, (int)max, add_job, &l) < 0) {
		free(l.jobs);
		return -1;
	}
	*jobs = l.jobs;
	return (long)l.n;
}

/* ---- which view a row belongs to -------------------------------------------- */

bool view_row_is_new(const struct view_row *row)
{
	return row->status == WF_SUBMITTED;
}

bool view_row_in_progress(const struct view_row *row)
{
	return row->status != WF_SUBMITTED && row->status != WF_CLOSED &&
	       workflow_status_valid(row->status);
}

bool view_row_is_urgent(const struct view_row *row)
{
	return row->due_state == VIEW_DUE_SOON ||
	       row->due_state == VIEW_DUE_OVERDUE;
}

static bool contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return n == 0;
}

bool view_row_matches(const struct view_row *row, const char *needle)
{
	return contains_nocase(row->regno, needle) ||
	       contains_nocase(row->name, needle);
}
