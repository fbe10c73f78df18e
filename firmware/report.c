// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The reports computed as data (report.h): one read snapshot over the
 * requests, events, calls and print jobs of a period.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue_report.h"
#include "report.h"

static const char *const kind_keys[REPORT_KIND_COUNT] = {
    [REPORT_REGISTER] = "register", [REPORT_DAILY] = "daily",
    [REPORT_MONTHLY] = "monthly",   [REPORT_YEARLY] = "yearly",
    [REPORT_MATRIX] = "matrix",
};

const char *report_kind_key(enum report_kind kind)
{
	return (unsigned)kind < REPORT_KIND_COUNT ? kind_keys[kind] : NULL;
}

int report_kind_parse(const char *key, enum report_kind *kind)
{
	for (int i = 0; key && i < REPORT_KIND_COUNT; i++) {
		if (strcmp(key, kind_keys[i]) == 0) {
			*kind = (enum report_kind)i;
			return 0;
		}
	}
	errno = EINVAL;
	return -1;
}

static int days_in_month(int year, int month)
{
	struct date first = {year, month, 1};
	struct date next = month == 12 ? (struct date){year + 1, 1, 1}
				       : (struct date){year, month + 1, 1};

	return (int)(date_to_days(next) - date_to_days(first));
}

int report_period(enum report_kind kind, struct date from, struct date to,
		  struct date *out_from, struct date *out_to)
{
	switch (kind) {
	case REPORT_DAILY:
		to = from;
		break;
	case REPORT_MONTHLY:
		from.day = 1;
		to = from;
		to.day = days_in_month(from.year, from.month);
		break;
	case REPORT_YEARLY:
		from.month = from.day = 1;
		to = (struct date){from.year, 12, 31};
		break;
	default:
		break;
	}
	if (date_cmp(from, to) > 0) {
		errno = EINVAL;
		return -1;
	}
	*out_from = from;
	*out_to = to;
	return 0;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

double report_median(int *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof(*v), cmp_int);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/* ---- the build context ----------------------------------------------------- */

struct build {
	struct queue *q;	    /* the store */
	const struct calendar *cal; /* working days */
	struct report *r;	    /* being filled */
	time_t t_from, t_to;	    /* the period in UTC, both included */
	int *days;		    /* working days to each decision */
	size_t n_days, cap_days;    /* used / allocated */
	long ack_sum;		    /* seconds to acknowledge, summed */
	struct report_words *words; /* monthly, yearly: word counts */
	bool oom;		    /* an allocation failed */
	bool failed;		    /* a read failed (queue_errmsg()) */
};

/* Grow @p *arr of @p size-byte items to hold one more; NULL when out of
 * memory (and b->oom set). */
static void *grow(struct build *b, void **arr, size_t *n, size_t size)
{
	void *p = realloc(*arr, (*n + 1) * size);

	if (!p) {
		b->oom = true;
		return NULL;
	}
	*arr = p;
	memset((char *)p + *n * size, 0, size);
	return (char *)p + (*n)++ * size;
}

static char *dup(struct build *b, const char *s)
{
	char *p = strdup(s ? s : "");

	if (!p)
		b->oom = true;
	return p;
}

static bool in_period(const struct build *b, struct date d)
{
	return date_cmp(d, b->r->from) >= 0 && date_cmp(d, b->r->to) <= 0;
}

static int bucket_of(const struct report_stats *s, struct date d)
{
	for (int i = 0; i < s->n_buckets; i++)
		if (date_cmp(d, s->bucket_from[i]) >= 0 &&
		    date_cmp(d, s->bucket_to[i]) <= 0)
			return i;
	return -1;
}

/* Weeks (Monday to Sunday, cut to the period) of a month or a shorter
 * period; months of a longer one (at most REPORT_MAX_BUCKETS). */
static void make_buckets(struct report *r)
{
	struct report_stats *s = &r->stats;
	struct date d = r->from;
	bool months = date_to_days(r->to) - date_to_days(r->from) > 62;

	while (date_cmp(d, r->to) <= 0 && s->n_buckets < REPORT_MAX_BUCKETS) {
		struct date end;

		if (months) {
			end = d;
			end.day = days_in_month(d.year, d.month);
		} else {
			end = date_add_days(d, 7 - date_weekday(d));
		}
		if (date_cmp(end, r->to) > 0)
			end = r->to;
		s->bucket_from[s->n_buckets] = d;
		s->bucket_to[s->n_buckets++] = end;
		d = date_add_days(end, 1);
	}
}

/* ---- requests ------------------------------------------------------------- */

static void add_entry(struct build *b, const struct request *req,
		      struct date received)
{
	struct report *r = b->r;
	struct report_entry *e =
	    grow(b, (void **)&r->entries, &r->n_entries, sizeof(*e));

	if (!e)
		return;
	snprintf(e->regno, sizeof(e->regno), "%s", req->regno);
	e->received = received;
	e->channel = req->channel;
	e->name = dup(b, req->name);
	e->address = dup(b, req->address);
	e->occupation = dup(b, req->occupation);
	e->phone = dup(b, req->phone);
	e->email = dup(b, req->email);
	e->info = dup(b, req->info);
	e->purpose = dup(b, req->purpose);
	e->holder = dup(b, req->holder);
	e->obtain = req->obtain;
	e->status = req->status;
	e->decision = req->decision;
	snprintf(e->basis, sizeof(e->basis), "%s", req->basis);
	e->notified_at = req->notified_at;
	e->due = request_due(req);
	e->extended = req->extended;
}

/* Open at the end of @p day: received by then, not yet notified then. */
static bool open_at(const struct request *req, struct date day)
{
	struct date received = date_of_wib(req->received_at, NULL);

	if (date_cmp(received, day) > 0 || !workflow_status_valid(req->status))
		return false;
	return !req->notified_at ||
	       date_cmp(date_of_wib(req->notified_at, NULL), day) > 0;
}

/* What a request's history says at @p until: its status then, and
 * whether it had been extended by then. */
struct as_of {
	time_t until;	       /* the end of the day */
	enum wf_status status; /* the status then */
	bool extended;	       /* extended by then */
};

static int on_history(const struct queue_event *ev, void *ctx)
{
	struct as_of *a = ctx;
	int s;

	if (ev->at > a->until)
		return 1;
	s = workflow_status_from_key(ev->to);
	if (s >= 0)
		a->status = (enum wf_status)s;
	if (!strcmp(ev->action, "extend"))
		a->extended = true;
	return 0;
}

/* An open request as it stood at the end of the day: its status and the
 * deadline in force then (an extension made later does not count yet). */
static void add_open(struct build *b, const struct request *req)
{
	struct report *r = b->r;
	struct as_of a = {b->t_to, req->status, false};
	struct report_open *o;

	if (queue_history(b->q, req->id, on_history, &a) < 0) {
		b->failed = true;
		return;
	}
	o = grow(b, (void **)&r->open, &r->n_open, sizeof(*o));
	if (!o)
		return;
	snprintf(o->regno, sizeof(o->regno), "%s", req->regno);
	o->status = a.status;
	o->extended = a.extended && req->extended;
	o->due = o->extended ? req->extended_deadline : req->deadline;
	o->left = calendar_workdays_between(b->cal, r->to, o->due);
	if (date_cmp(o->due, r->to) < 0)
		r->n_overdue++;
}

static int on_request(const struct request *req, void *ctx)
{
	struct build *b = ctx;
	struct report *r = b->r;
	struct report_stats *s = &r->stats;
	struct date received = date_of_wib(req->received_at, NULL);
	struct date due = request_due(req);

	if (in_period(b, received)) {
		int k;

		s->received++;
		if ((unsigned)req->channel < REQ_CHANNEL_COUNT) {
			s->by_channel[req->channel]++;
			k = bucket_of(s, received);
			if (k >= 0)
				s->bucket[k][req->channel]++;
		}
		if (r->kind == REPORT_REGISTER)
			add_entry(b, req, received);
		if (b->words && report_words_add(b->words, req->info) < 0)
			b->oom = true;
	}
	/* A deadline that fell in the period, has passed and was missed. */
	if (in_period(b, due) && date_cmp(due, r->today) < 0 &&
	    (!req->notified_at ||
	     date_cmp(date_of_wib(req->notified_at, NULL), due) > 0))
		s->overdue++;
	if (open_at(req, r->to)) {
		s->open_end++;
		if (r->kind == REPORT_DAILY)
			add_open(b, req);
	}
	return b->oom || b->failed;
}

/* ---- events --------------------------------------------------------------- */

static void add_decision(struct build *b, const struct queue_event *ev)
{
	struct report_stats *s = &b->r->stats;
	struct request *req = malloc(sizeof(*req));
	int days;

	if (!req) {
		b->oom = true;
		return;
	}
	if (queue_get_by_id(b->q, ev->request_id, req) == 0 &&
	    (unsigned)req->decision < REPORT_N_DECISIONS &&
	    req->decision != WF_DECISION_NONE) {
		int *slot;

		s->decided++;
		s->by_decision[req->decision]++;
		if (req->decision == WF_DECISION_REJECTED)
			for (const char *p = req->basis; *p; p++)
				if (*p >= 'a' && *p <= 'j')
					s->by_basis[*p - 'a']++;
		days = calendar_workdays_between(b->cal, req->start_date,
						 date_of_wib(ev->at, NULL));
		slot = grow(b, (void **)&b->days, &b->n_days, sizeof(int));
		if (slot)
			*slot = days < 0 ? 0 : days;
	}
	request_wipe(req);
	free(req);
}

/* The matrix's cell for @p ev, made when new; regnos appended once. */
static void add_action(struct build *b, const struct queue_event *ev)
{
	struct report *r = b->r;
	struct date day = date_of_wib(ev->at, NULL);
	struct report_action *a = NULL;

	for (size_t i = 0; i < r->n_actions && !a; i++) {
		struct report_action *x = &r->actions[i];

		if (!date_cmp(x->day, day) && !strcmp(x->actor, ev->actor) &&
		    !strcmp(x->role, ev->role) &&
		    !strcmp(x->action, ev->action))
			a = x;
	}
	if (!a) {
		a = grow(b, (void **)&r->actions, &r->n_actions, sizeof(*a));
		if (!a)
			return;
		a->day = day;
		snprintf(a->actor, sizeof(a->actor), "%s", ev->actor);
		snprintf(a->role, sizeof(a->role), "%s", ev->role);
		snprintf(a->action, sizeof(a->action), "%s", ev->action);
		a->regnos = dup(b, "");
		if (!a->regnos)
			return;
	}
	a->count++;
	if (*ev->regno && a->regnos) {
		size_t n = strlen(a->regnos), m = strlen(ev->regno);
		const char *hit = strstr(a->regnos, ev->regno);
		char *p;

		/* Each request once per cell, in the order first acted on. */
		while (hit && !((hit == a->regnos ||
				 (hit - a->regnos >= 2 && hit[-2] == ',')) &&
				(hit[m] == '\0' || hit[m] == ',')))
			hit = strstr(hit + 1, ev->regno);
		if (hit)
			return;
		p = realloc(a->regnos, n + m + 3);
		if (!p) {
			b->oom = true;
			return;
		}
		snprintf(p + n, m + 3, "%s%s", n ? ", " : "", ev->regno);
		a->regnos = p;
	}
}

static int on_event(const struct queue_event *ev, void *ctx)
{
	struct build *b = ctx;
	enum report_kind k = b->r->kind;
	bool staff = strcmp(ev->role, "kiosk") && strcmp(ev->actor, "kiosk");

	if (ev->request_id &&
	    (!strcmp(ev->action, "decide") || !strcmp(ev->action, "exclude")))
		add_decision(b, ev);
	if (ev->request_id && !strcmp(ev->action, "extend"))
		b->r->stats.extensions++;
	/* Calls have their own section; the matrix is the staff's. */
	if ((k == REPORT_DAILY && strcmp(ev->action, "call")) ||
	    (k == REPORT_MATRIX && staff))
		add_action(b, ev);
	return b->oom;
}

/* ---- calls and printer incidents -------------------------------------------- */

static int on_call(const struct queue_call *c, void *ctx)
{
	struct build *b = ctx;
	struct report *r = b->r;
	struct report_stats *s = &r->stats;
	struct report_call *rc;

	s->calls++;
	if (c->acked_at) {
		long wait = (long)(c->acked_at - c->at);

		s->calls_acked++;
		b->ack_sum += wait;
		if (wait > s->ack_max_s)
			s->ack_max_s = wait;
	}
	if (r->kind != REPORT_DAILY)
		return 0;
	rc = grow(b, (void **)&r->calls, &r->n_calls, sizeof(*rc));
	if (!rc)
		return 1;
	rc->at = c->at;
	rc->kind = c->kind;
	snprintf(rc->regno, sizeof(rc->regno), "%s", c->regno);
	rc->acked_at = c->acked_at;
	snprintf(rc->acked_by, sizeof(rc->acked_by), "%s", c->acked_by);
	return 0;
}

static int on_job(const struct queue_job *j, void *ctx)
{
	struct build *b = ctx;
	struct report *r = b->r;
	struct report_incident *in;

	if (j->state != QUEUE_JOB_FAILED && j->state != QUEUE_JOB_CANCELLED)
		return 0;
	in = grow(b, (void **)&r->incidents, &r->n_incidents, sizeof(*in));
	if (!in)
		return 1;
	in->at = j->updated_at;
	snprintf(in->regno, sizeof(in->regno), "%s", j->regno);
	snprintf(in->document, sizeof(in->document), "%s", j->document);
	in->state = j->state;
	snprintf(in->reason, sizeof(in->reason), "%s", j->reason);
	return 0;
}

/* ---- the office's own events ----------------------------------------------- */

struct mark_find {
	const char *action; /* action name */
	struct report_mark *out;
};

static int on_mark(const struct queue_event *ev, void *ctx)
{
	struct mark_find *f = ctx;

	if (ev->request_id || strcmp(ev->action, f->action))
		return 0;
	f->out->done = true;
	snprintf(f->out->by, sizeof(f->out->by), "%s", ev->actor);
	f->out->at = ev->at;
	snprintf(f->out->note, sizeof(f->out->note), "%s", ev->note);
	return 1;
}

/* The first office event of @p action whose note begins with @p key: the
 * day or month it is about (queue_supervise(), queue_report_handover()),
 * whenever it was recorded. */
static int find_mark(struct queue *q, const char *action, const char *key,
		     struct report_mark *out)
{
	struct mark_find f = {action, out};

	memset(out, 0, sizeof(*out));
	return queue_office_events(q, action, key, on_mark, &f) < 0 ? -1 : 0;
}

int report_supervision(struct queue *q, struct date day,
		       struct report_mark *out)
{
	char key[16];

	snprintf(key, sizeof(key), "%04d-%02d-%02d", day.year, day.month,
		 day.day);
	return find_mark(q, REPORT_ACTION_SUPERVISE, key, out);
}

int report_handover(struct queue *q, int year, int month,
		    struct report_mark *out)
{
	char key[16];

	snprintf(key, sizeof(key), "%04d-%02d", year, month);
	return find_mark(q, REPORT_ACTION_HANDOVER, key, out);
}

/* ---- build ------------------------------------------------------------------- */

static int cmp_action(const void *pa, const void *pb)
{
	const struct report_action *a = pa, *b = pb;
	int c = date_cmp(a->day, b->day);

	if (!c)
		c = strcmp(a->actor, b->actor);
	if (!c)
		c = strcmp(a->role, b->role);
	if (!c)
		c = strcmp(a->action, b->action);
	return c;
}

static void count_days(struct build *b)
{
	struct report *r = b->r;
	struct report_stats *s = &r->stats;

	for (struct date d = r->from; date_cmp(d, r->to) <= 0;
	     d = date_add_days(d, 1)) {
		if (calendar_is_workday(b->cal, d))
			s->workdays++;
		else if (date_weekday(d) < 6)
			s->holidays++;
	}
}

static void finish_stats(struct build *b)
{
	struct report_stats *s = &b->r->stats;
	long sum = 0;

	s->days_n = (int)b->n_days;
	for (size_t i = 0; i < b->n_days; i++) {
		sum += b->days[i];
		if (b->days[i] > s->days_max)
			s->days_max = b->days[i];
	}
	if (b->n_days)
		s->days_mean = (double)sum / (double)b->n_days;
	s->days_median = report_median(b->days, b->n_days);
	if (s->calls_acked)
		s->ack_mean_s = (double)b->ack_sum / s->calls_acked;
	s->objections = 0;
}

static int build_all(struct build *b)
{
	struct report *r = b->r;
	struct queue *q = b->q;

	/* Every request received up to the period's end: the period's own
	 * ones, deadlines that fell in it, and what was still open. */
	if (queue_report_requests(q, 0, b->t_to, on_request, b) < 0 ||
	    queue_report_events(q, b->t_from, b->t_to, on_event, b) < 0 ||
	    queue_report_calls(q, b->t_from, b->t_to, on_call, b) < 0)
		return -1;
	if (r->kind == REPORT_DAILY &&
	    (queue_report_jobs(q, b->t_from, b->t_to, on_job, b) < 0 ||
	     report_supervision(q, r->from, &r->supervised) < 0))
		return -1;
	if (r->kind == REPORT_MONTHLY &&
	    report_handover(q, r->from.year, r->from.month, &r->handed_over) <
		0)
		return -1;
	return 0;
}

int report_build(struct queue *q, const struct calendar *cal,
		 enum report_kind kind, struct date from, struct date to,
		 struct date today, struct report **out)
{
	struct build b = {.q = q, .cal = cal};
	struct report *r;
	int rc;

	*out = NULL;
	if ((unsigned)kind >= REPORT_KIND_COUNT) {
		errno = EINVAL;
		return -1;
	}
	r = calloc(1, sizeof(*r));
	if (!r) {
		errno = ENOMEM;
		return -1;
	}
	r->kind = kind;
	r->today = today;
	if (report_period(kind, from, to, &r->from, &r->to) < 0) {
		free(r);
		return -1;
	}
	b.r = r;
	if (kind == REPORT_MONTHLY || kind == REPORT_YEARLY) {
		b.words = report_words_new();
		if (!b.words) {
			free(r);
			return -1;
		}
	}
	b.t_from = date_wib_to_utc(r->from, 0, 0, 0);
	b.t_to = date_wib_to_utc(r->to, 23, 59, 59);
	make_buckets(r);
	count_days(&b);

	rc = queue_read_begin(q);
	if (rc == 0) {
		rc = build_all(&b);
		queue_read_end(q);
	}
	finish_stats(&b);
	free(b.days);
	if (b.words)
		r->n_topics =
		    report_words_top(b.words, 2, r->topics, REPORT_TOPICS);
	report_words_free(b.words);
	if (rc < 0 || b.oom || b.failed) {
		if (b.oom)
			errno = ENOMEM;
		report_free(r);
		return -1;
	}
	if (r->n_actions > 1)
		qsort(r->actions, r->n_actions, sizeof(*r->actions),
		      cmp_action);
	*out = r;
	return 0;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_entries; i++) {
		struct report_entry *e = &r->entries[i];

		free(e->name);
		free(e->address);
		free(e->occupation);
		free(e->phone);
		free(e->email);
		free(e->info);
		free(e->purpose);
		free(e->holder);
	}
	free(r->entries);
	for (size_t i = 0; i < r->n_actions; i++)
		free(r->actions[i].regnos);
	free(r->actions);
	free(r->open);
	free(r->calls);
	free(r->incidents);
	free(r);
}
