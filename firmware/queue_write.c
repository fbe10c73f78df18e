// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The queue store's writes: events, a submission (number, deadline, token,
 * receipt job in one transaction) and SOP actions.  Each is one BEGIN
 * IMMEDIATE transaction; see queue.h.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/random.h>

#include "queue_internal.h"
#include "regno.h"

/* The role an event records: the most senior one the action allowed. */
static unsigned senior_role(unsigned roles)
{
	static const unsigned order[] = {WF_ROLE_PPID, WF_ROLE_KABAG,
					 WF_ROLE_KASUBBAG, WF_ROLE_DESK,
					 WF_ROLE_KIOSK};

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (roles & order[i])
			return order[i];
	return 0;
}

int queue_add_event(struct queue *q, int64_t request_id,
		    const struct queue_actor *actor, unsigned role,
		    const char *action, const char *from, const char *to,
		    const char *note, time_t now)
{
	sqlite3_stmt *st = queue_stmt(q, ST_INSERT_EVENT);
	const char *role_key = workflow_role_key(senior_role(role));
	int rc;

	if (!st)
		return -1;
	if (request_id)
		sqlite3_bind_int64(st, 1, request_id);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
	queue_bind_text(st, 3, actor->login);
	queue_bind_text(st, 4, role_key ? role_key : "none");
	queue_bind_text(st, 5, action);
	queue_bind_text(st, 6, from);
	queue_bind_text(st, 7, to);
	queue_bind_text(st, 8, note ? note : "");
	sqlite3_bind_int(st, 9, actor->dev_mode);
	rc = sqlite3_step(st);
	queue_stmt_done(st);
	return rc == SQLITE_DONE ? 0
				 : queue_db_err(q, rc, "recording the event");
}

/*
 * The receipt's token proves who holds the receipt, so it comes from the
 * kernel's random source only: when getrandom() fails there is no token and
 * no submission (never a guessable fallback).
 */
static int make_token(struct queue *q, char *out)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	unsigned char rnd[REQ_TOKEN_LEN];
	size_t got = 0;

	while (got < sizeof(rnd)) {
		ssize_t n = getrandom(rnd + got, sizeof(rnd) - got, 0);

		if (n > 0)
			got += (size_t)n;
		else if (n < 0 && errno != EINTR)
			return queue_set_err(q, QUEUE_ERR_OTHER,
					     "no random numbers for the "
					     "receipt's token: %s",
					     strerror(errno));
	}
	for (size_t i = 0; i < REQ_TOKEN_LEN; i++)
		out[i] = alphabet[rnd[i] & 31];
	out[REQ_TOKEN_LEN] = '\0';
	explicit_bzero(rnd, sizeof(rnd));
	return 0;
}

int queue_record(struct queue *q, int64_t request_id, const char *action,
		 const char *note, const struct queue_actor *actor,
		 unsigned role, time_t now)
{
	if (queue_begin(q) < 0)
		return -1;
	if (queue_add_event(q, request_id, actor, role, action, NULL, NULL,
			    note, now) < 0 ||
	    queue_commit(q) < 0) {
		queue_rollback(q);
		return -1;
	}
	return 0;
}

/* ---- submit -------------------------------------------------------------- */

static int next_seq(struct queue *q, int year, int *seq)
{
	sqlite3_stmt *st = queue_stmt(q, ST_NEXT_SEQ);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*seq = sqlite3_column_int(st, 0);
	queue_stmt_done(st);
	return rc == SQLITE_ROW ? 0
				: queue_db_err(q, rc, "numbering the request");
}

static int insert_request(struct queue *q, struct request *req, int year,
			  int seq)
{
	sqlite3_stmt *st = queue_stmt(q, ST_INSERT_REQ);
	int rc;

	if (!st)
		return -1;
	queue_bind_text(st, 1, req->regno);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int(st, 3, seq);
	queue_bind_text(st, 4, req->token);
	queue_bind_text(st, 5, request_channel_key(req->channel));
	queue_bind_text(st, 6, req->lang == LANG_EN ? "en" : "id");
	sqlite3_bind_int64(st, 7, (sqlite3_int64)req->received_at);
	sqlite3_bind_int64(st, 8, (sqlite3_int64)req->created_at);
	queue_bind_text(st, 9, req->name);
	queue_bind_text(st, 10, request_id_type_key(req->id_type));
	queue_bind_text(st, 11, req->id_number);
	sqlite3_bind_int(st, 12, req->proxy);
	queue_bind_text(st, 13, req->address);
	queue_bind_text(st, 14, req->occupation);
	queue_bind_text(st, 15, req->phone);
	queue_bind_text(st, 16, req->email);
	queue_bind_text(st, 17, req->info);
	queue_bind_text(st, 18, req->purpose);
	queue_bind_text(st, 19, request_obtain_key(req->obtain));
	queue_bind_text(st, 20, request_delivery_key(req->delivery));
	queue_bind_text(st, 21, workflow_regime_key(req->regime));
	queue_bind_date(st, 22, &req->start_date);
	queue_bind_date(st, 23, &req->deadline);
	queue_bind_text(st, 24, workflow_status_key(WF_SUBMITTED));
	rc = sqlite3_step(st);
	queue_stmt_done(st);
	if (rc != SQLITE_DONE)
		return queue_db_err(q, rc, "storing the request");
	req->id = sqlite3_last_insert_rowid(q->db);
	return 0;
}

static int insert_job(struct queue *q, int64_t request_id, const char *doc,
		      time_t now)
{
	sqlite3_stmt *st = queue_stmt(q, ST_INSERT_JOB);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, request_id);
	queue_bind_text(st, 2, doc);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
	rc = sqlite3_step(st);
	queue_stmt_done(st);
	return rc == SQLITE_DONE
		   ? 0
		   : queue_db_err(q, rc, "queueing the print job");
}

int queue_submit(struct queue *q, struct request *req,
		 const struct queue_actor *actor, bool print_receipt,
		 time_t now)
{
	static const char *const field_keys[REQ_F_COUNT] = {
	    "name", "id",      "address", "occupation", "phone",   "email",
	    "info", "purpose", "obtain",  "delivery",	"channel", "received",
	};
	const struct text *why;
	struct req_error e;
	struct rule rule;
	struct date day;
	int seq = 0;

	if (!workflow_may(actor->roles, WF_PERM_SUBMIT, &why))
		return queue_set_err(q, QUEUE_ERR_REFUSED, "%s: %s",
				     actor->login, why->en);
	if (request_validate(req, now, &e, 1) > 0)
		return queue_set_err(q, QUEUE_ERR_INVALID, "%s: %s",
				     field_keys[e.field], e.msg->en);
	/* Only the regimes of information requests have a deadline rule
	 * here; objections get their own workflow. */
	if (req->regime != WF_REGIME_ORDINARY &&
	    req->regime != WF_REGIME_ELECTION)
		return queue_set_err(q, QUEUE_ERR_INVALID,
				     "regime '%s' is not one for information "
				     "requests (ordinary or election)",
				     workflow_regime_key(req->regime));
	if (req->received_at == REQ_RECEIVED_NOW)
		req->received_at = now;
	req->created_at = now;
	day = date_of_wib(req->received_at, NULL);

	if (queue_begin(q) < 0)
		return -1;
	if (queue_refresh(q) < 0 ||
	    queue_load_rule(q, workflow_regime_key(req->regime), &rule) < 0 ||
	    next_seq(q, day.year, &seq) < 0)
		goto fail;
	if (regno_format(q->number_format, q->prefix, seq, day.year, day.month,
			 req->regno, sizeof(req->regno)) < 0) {
		queue_set_err(q, QUEUE_ERR_INVALID, "cannot format number %d",
			      seq);
		goto fail;
	}
	if (make_token(q, req->token) < 0)
		goto fail;
	req->start_date = calendar_start_day(q->cal, req->received_at);
	req->deadline = calendar_due(q->cal, req->received_at, rule.days);
	req->extended = false;
	req->extensions = 0;
	req->status = WF_SUBMITTED;
	req->decision = WF_DECISION_NONE;
	if (insert_request(q, req, day.year, seq) < 0 ||
	    queue_add_event(q, req->id, actor,
			    actor->roles & workflow_perm_roles(WF_PERM_SUBMIT),
			    "submit", NULL, "submitted",
			    request_channel_key(req->channel), now) < 0)
		goto fail;
	if (print_receipt && insert_job(q, req->id, "receipt", now) < 0)
		goto fail;
	if (queue_commit(q) < 0)
		goto fail;
	req->updated_at = now;
	return 0;
fail:
	queue_rollback(q);
	req->regno[0] = '\0';
	req->id = 0;
	return -1;
}

/* ---- actions ------------------------------------------------------------- */

int queue_update_request(struct queue *q, const struct request *r)
{
	sqlite3_stmt *st = queue_stmt(q, ST_UPDATE_REQ);
	int rc;

	/* A status or decision this program does not know is never written
	 * back over what another version stored. */
	if (!workflow_status_valid(r->status) ||
	    (unsigned)r->decision > WF_DECISION_NOT_HELD)
		return queue_set_err(q, QUEUE_ERR_INVALID,
				     "request %s has a status or decision this "
				     "program does not know: not changed",
				     r->regno);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, r->id);
	queue_bind_text(st, 2, workflow_status_key(r->status));
	queue_bind_date(st, 3, &r->start_date);
	queue_bind_date(st, 4, &r->deadline);
	queue_bind_date(st, 5, r->extended ? &r->extended_deadline : NULL);
	sqlite3_bind_int(st, 6, r->extensions);
	queue_bind_text(st, 7,
			r->decision == WF_DECISION_NONE
			    ? NULL
			    : workflow_decision_key(r->decision));
	queue_bind_text(st, 8, r->basis);
	queue_bind_text(st, 9, r->holder);
	queue_bind_text(st, 10, r->memo);
	queue_bind_time(st, 11, r->notified_at);
	queue_bind_time(st, 12, r->closed_at);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)r->updated_at);
	rc = sqlite3_step(st);
	queue_stmt_done(st);
	return rc == SQLITE_DONE ? 0
				 : queue_db_err(q, rc, "updating the request");
}

/* Append "label value" to a note, "; " between parts. */
static void append(char *buf, size_t len, const char *label, const char *val)
{
	size_t n = strlen(buf);

	if (!val || !*val || n >= len)
		return;
	snprintf(buf + n, len - n, "%s%s%s", n ? "; " : "", label, val);
}

/*
 * What a person typed for an action is stored for good and printed on
 * letters: it must be clean text of a bounded length, never cut short.
 */
static const struct text *check_args(const struct wf_args *a)
{
	static const struct text bad_note = {
	    "Catatan berisi karakter yang tidak dapat digunakan atau lebih "
	    "dari 1000 huruf.",
	    "The note contains characters that cannot be used, or is "
	    "longer than 1000 characters."};
	static const struct text bad_memo = {
	    "Nomor nota dinas harus satu baris, paling banyak 100 huruf.",
	    "The memo number must be one line of at most 100 characters."};
	static const struct text bad_holder = {
	    "Nama badan publik harus satu baris, paling banyak 200 huruf.",
	    "The public body's name must be one line of at most 200 "
	    "characters."};
	size_t n;

	if (a->note && (!request_text_ok(a->note, true, &n) || n > 1000))
		return &bad_note;
	if (a->memo && (!request_text_ok(a->memo, false, &n) || n > 100))
		return &bad_memo;
	if (a->holder && (!request_text_ok(a->holder, false, &n) || n > 200))
		return &bad_holder;
	return NULL;
}

int queue_act(struct queue *q, const char *regno, const char *action_name,
	      const struct wf_args *args, const struct queue_actor *actor,
	      time_t now, const struct text **refusal)
{
	const struct wf_action *action = workflow_find(action_name);
	struct request *r;
	struct wf_request wr;
	struct rule rule;
	enum wf_status from;
	char note[8192] = "";
	char day[16];
	int to;

	*refusal = NULL;
	if (!action)
		return queue_set_err(q, QUEUE_ERR_INVALID,
				     "unknown action '%s'", action_name);
	*refusal = check_args(args);
	if (*refusal)
		return queue_set_err(q, QUEUE_ERR_INVALID, "%s: %s",
				     action->name, (*refusal)->en);
	r = malloc(sizeof(*r));
	if (!r)
		return queue_set_err(q, QUEUE_ERR_OTHER, "out of memory");
	if (queue_begin(q) < 0)
		goto out;
	if (queue_refresh(q) < 0 || queue_get(q, regno, r) < 0 ||
	    queue_load_rule(q, workflow_regime_key(r->regime), &rule) < 0)
		goto fail;
	wr.status = r->status;
	wr.extensions = r->extensions;
	wr.max_extensions = rule.max_ext;
	wr.decision = r->decision;
	wr.deadline = r->deadline;
	wr.today = date_of_wib(now, NULL);
	to = workflow_check(action, &wr, actor->roles, args, refusal);
	if (to < 0) {
		char states[128];

		workflow_states_format(action->from, states, sizeof(states));
		queue_set_err(q, QUEUE_ERR_REFUSED,
			      "cannot %s %s: %s (%s applies to: %s)",
			      action->name, r->regno, (*refusal)->en,
			      action->name, states);
		goto fail;
	}
	from = r->status;
	r->status = (enum wf_status)to;
	r->updated_at = now;

	/* What the action changes besides the status. */
	if (action->needs & WF_NEED_MEMO) {
		snprintf(r->memo, sizeof(r->memo), "%s", args->memo);
		append(note, sizeof(note), "memo ", args->memo);
	}
	if (strcmp(action->name, "exclude") == 0 ||
	    (action->needs & WF_NEED_DECISION)) {
		r->decision = strcmp(action->name, "exclude") == 0
				  ? WF_DECISION_REJECTED
				  : args->decision;
		r->basis[0] = '\0';
		r->holder[0] = '\0';
		if (r->decision == WF_DECISION_REJECTED ||
		    (r->decision == WF_DECISION_PARTIAL && args->basis))
			workflow_basis_normalize(args->basis, r->basis,
						 sizeof(r->basis));
		if (r->decision == WF_DECISION_NOT_HELD)
			snprintf(r->holder, sizeof(r->holder), "%s",
				 args->holder);
		append(note, sizeof(note), "decision ",
		       workflow_decision_key(r->decision));
		append(note, sizeof(note), "Pasal 17 huruf ", r->basis);
		append(note, sizeof(note), "held by ", r->holder);
	}
	if (action->deadline == WF_DL_EXTEND) {
		if (queue_refresh(q) < 0)
			goto fail;
		r->extensions++;
		r->extended = true;
		r->extended_deadline =
		    calendar_add_workdays(q->cal, r->deadline, rule.ext_days);
		date_format(r->extended_deadline, day, sizeof(day));
		append(note, sizeof(note), "deadline extended to ", day);
	}
	if (action->needs & WF_NEED_FORM)
		append(note, sizeof(note), "form ", args->form);
	if (r->status == WF_NOTIFIED && from != WF_NOTIFIED)
		r->notified_at = now;
	if (r->status == WF_CLOSED && from != WF_CLOSED)
		r->closed_at = now;
	append(note, sizeof(note), "", args->note);

	if (queue_update_request(q, r) < 0 ||
	    queue_add_event(q, r->id, actor, action->roles & actor->roles,
			    action->name, workflow_status_key(from),
			    workflow_status_key(r->status), note, now) < 0)
		goto fail;
	/* The visitor waiting at the kiosk to collect has been served. */
	if ((action->needs & WF_NEED_FORM) &&
	    queue_close_pickups(q, r->id, actor, now) < 0)
		goto fail;
	if (queue_commit(q) < 0)
		goto fail;
	free(r);
	return 0;
fail:
	queue_rollback(q);
out:
	free(r);
	return -1;
}
