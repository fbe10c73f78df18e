// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The queue store, the office's side: calls from the visitor's button,
 * the holiday table (with deadline recounts) and print jobs.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue_internal.h"

/* ---- calls --------------------------------------------------------------- */

static const char *const call_kind_keys[QUEUE_CALL_KIND_COUNT] = {
    [QUEUE_CALL_BUTTON] = "button",
    [QUEUE_CALL_SCREEN] = "screen",
    [QUEUE_CALL_PICKUP] = "pickup",
};

const char *queue_call_kind_key(enum queue_call_kind kind)
{
	return (unsigned)kind < QUEUE_CALL_KIND_COUNT ? call_kind_keys[kind]
						      : NULL;
}

int queue_call_kind_parse(const char *key, enum queue_call_kind *kind)
{
	for (int i = 0; key && i < QUEUE_CALL_KIND_COUNT; i++) {
		if (strcmp(key, call_kind_keys[i]) == 0) {
			*kind = (enum queue_call_kind)i;
			return 0;
		}
	}
	errno = EINVAL;
	return -1;
}

/* A pickup's event note names the request: "pickup <regno>". */
static int pickup_note(struct queue *q, int64_t request_id, char *note,
		       size_t len)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_prepare_v2(
	    q->db, "SELECT regno FROM requests WHERE id = ?1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, request_id);
		rc = sqlite3_step(st);
	}
	if (rc == SQLITE_ROW)
		snprintf(note, len, "pickup %s", queue_col_str(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return queue_set_err(q, QUEUE_ERR_INVALID,
				     "a pickup call for request #%lld, which "
				     "does not exist",
				     (long long)request_id);
	return rc == SQLITE_ROW ? 0 : queue_db_err(q, rc, "recording the call");
}

int queue_call_add(struct queue *q, enum queue_call_kind kind,
		   int64_t request_id, time_t now, int64_t *id)
{
	static const struct queue_actor kiosk = {"kiosk", WF_ROLE_KIOSK, false};
	const char *key = queue_call_kind_key(kind);
	sqlite3_stmt *st = NULL;
	char note[REQ_REGNO_MAX + 16];
	int rc;

	if (!key || (kind == QUEUE_CALL_PICKUP) != (request_id > 0))
		return queue_set_err(
		    q, QUEUE_ERR_INVALID, "a call of kind %s %s a request",
		    key ? key : "?",
		    request_id > 0 ? "cannot name" : "must name");
	snprintf(note, sizeof(note), "%s", key);
	if (queue_begin(q) < 0)
		return -1;
	if (kind == QUEUE_CALL_PICKUP &&
	    pickup_note(q, request_id, note, sizeof(note)) < 0)
		goto fail;
	rc = sqlite3_prepare_v2(q->db,
				"INSERT INTO calls (at, kind, request_id) "
				"VALUES (?1, ?2, ?3)",
				-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)now);
		queue_bind_text(st, 2, key);
		if (request_id > 0)
			sqlite3_bind_int64(st, 3, request_id);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		queue_db_err(q, rc, "recording the call");
		goto fail;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(q->db);
	if (queue_add_event(q, request_id, &kiosk, WF_ROLE_KIOSK, "call", NULL,
			    NULL, note, now) < 0 ||
	    queue_commit(q) < 0)
		goto fail;
	return 0;
fail:
	queue_rollback(q);
	return -1;
}

int queue_call_ack(struct queue *q, int64_t id, const struct queue_actor *actor,
		   time_t now)
{
	sqlite3_stmt *st = NULL;
	const struct text *why;
	char note[32];
	int rc;

	if (!workflow_may(actor->roles, WF_PERM_ACK_CALL, &why))
		return queue_set_err(q, QUEUE_ERR_REFUSED, "%s: %s",
				     actor->login, why->en);
	if (queue_begin(q) < 0)
		return -1;
	rc = sqlite3_prepare_v2(q->db,
				"UPDATE calls SET acked_at = ?2, acked_by = ?3 "
				"WHERE id = ?1 AND acked_at IS NULL",
				-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
		queue_bind_text(st, 3, actor->login);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		queue_db_err(q, rc, "acknowledging the call");
		goto fail;
	}
	if (sqlite3_changes(q->db) == 0) {
		queue_set_err(q, QUEUE_ERR_NOTFOUND,
			      "no unacknowledged call #%lld", (long long)id);
		goto fail;
	}
	snprintf(note, sizeof(note), "call #%lld", (long long)id);
	if (queue_add_event(q, 0, actor,
			    actor->roles &
				workflow_perm_roles(WF_PERM_ACK_CALL),
			    "call-ack", NULL, NULL, note, now) < 0 ||
	    queue_commit(q) < 0)
		goto fail;
	return 0;
fail:
	queue_rollback(q);
	return -1;
}

int queue_calls(struct queue *q, bool pending_only, int limit, queue_call_cb cb,
		void *ctx)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(q->db,
				"SELECT c.id, c.at, c.kind, c.acked_at, "
				"COALESCE(c.acked_by, ''), "
				"COALESCE(c.request_id, 0), "
				"COALESCE(r.regno, '') FROM calls c "
				"LEFT JOIN requests r ON r.id = c.request_id "
				"WHERE ?1 = 0 OR c.acked_at IS NULL "
				"ORDER BY c.id DESC LIMIT ?2",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "reading calls");
	sqlite3_bind_int(st, 1, pending_only);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct queue_call c = {
		    .id = sqlite3_column_int64(st, 0),
		    .at = (time_t)sqlite3_column_int64(st, 1),
		    .source = queue_col_str(st, 2),
		    .acked_at = (time_t)sqlite3_column_int64(st, 3),
		    .acked_by = queue_col_str(st, 4),
		    .request_id = sqlite3_column_int64(st, 5),
		    .regno = queue_col_str(st, 6),
		};

		/* The CHECK admits only the three keys. */
		if (queue_call_kind_parse(c.source, &c.kind) < 0)
			c.kind = QUEUE_CALL_BUTTON;
		if (cb(&c, ctx))
			break;
	}
	return queue_rows_end(q, st, rc, "reading calls");
}

/* ---- holidays ------------------------------------------------------------ */

int queue_holidays(struct queue *q, int year, queue_holiday_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(q->db,
				"SELECT day, kind, name, source FROM holidays "
				"WHERE ?1 = 0 OR substr(day, 1, 4) = "
				"printf('%04d', ?1) ORDER BY day",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "reading holidays");
	sqlite3_bind_int(st, 1, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct queue_holiday h = {
		    .day = queue_col_date(st, 0),
		    .kind = queue_col_str(st, 1),
		    .name = queue_col_str(st, 2),
		    .source = queue_col_str(st, 3),
		};

		if (cb(&h, ctx))
			break;
	}
	return queue_rows_end(q, st, rc, "reading holidays");
}

/* After the calendar changed: move the deadlines of open requests. */
int queue_recompute_deadlines(struct queue *q, const struct queue_actor *actor,
			      time_t now)
{
	sqlite3_stmt *st;
	struct request *r;
	char open_in[256], sql[1024];
	int rc;

	r = malloc(sizeof(*r));
	if (!r)
		return queue_set_err(q, QUEUE_ERR_OTHER, "out of memory");
	queue_sql_open(open_in, sizeof(open_in), 1);
	snprintf(sql, sizeof(sql),
		 "SELECT " REQ_COLUMNS " FROM requests WHERE %s", open_in);
	rc = sqlite3_prepare_v2(q->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		free(r);
		return queue_db_err(q, rc, "recomputing deadlines");
	}
	queue_bind_open(st, 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct date old_due, new_due;
		struct rule rule;
		char note[96], a[16], b[16];

		queue_row_to_request(st, r);
		if (queue_load_rule(q, workflow_regime_key(r->regime), &rule) <
		    0)
			goto fail;
		old_due = request_due(r);
		r->start_date = calendar_start_day(q->cal, r->received_at);
		r->deadline = calendar_due(q->cal, r->received_at, rule.days);
		if (r->extended)
			r->extended_deadline = calendar_add_workdays(
			    q->cal, r->deadline, rule.ext_days);
		new_due = request_due(r);
		if (date_cmp(old_due, new_due) == 0)
			continue;
		r->updated_at = now;
		date_format(old_due, a, sizeof(a));
		date_format(new_due, b, sizeof(b));
		snprintf(note, sizeof(note),
			 "holidays changed: deadline %s -> %s", a, b);
		if (queue_update_request(q, r) < 0 ||
		    queue_add_event(
			q, r->id, actor, actor->roles & WF_ROLE_STAFF,
			"recompute", workflow_status_key(r->status),
			workflow_status_key(r->status), note, now) < 0)
			goto fail;
	}
	if (rc != SQLITE_DONE) {
		queue_db_err(q, rc, "recomputing deadlines");
		goto fail;
	}
	sqlite3_finalize(st);
	free(r);
	return 0;
fail:
	sqlite3_finalize(st);
	free(r);
	return -1;
}

int queue_holidays_add(struct queue *q, const struct queue_holiday *h, size_t n,
		       const struct queue_actor *actor, time_t now)
{
	sqlite3_stmt *st = NULL;
	const struct text *why;
	char note[64];
	int rc;

	if (!workflow_may(actor->roles, WF_PERM_HOLIDAYS, &why))
		return queue_set_err(q, QUEUE_ERR_REFUSED, "%s: %s",
				     actor->login, why->en);
	if (queue_begin(q) < 0)
		return -1;
	rc =
	    sqlite3_prepare_v2(q->db,
			       "INSERT INTO holidays (day, kind, name, source) "
			       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (day) DO "
			       "UPDATE SET kind = ?2, name = ?3, source = ?4",
			       -1, &st, NULL);
	if (rc != SQLITE_OK) {
		queue_db_err(q, rc, "adding holidays");
		goto fail;
	}
	for (size_t i = 0; i < n; i++) {
		if (!date_valid(h[i].day.year, h[i].day.month, h[i].day.day)) {
			queue_set_err(q, QUEUE_ERR_INVALID,
				      "holiday %zu: bad date", i + 1);
			goto fail;
		}
		queue_bind_date(st, 1, &h[i].day);
		queue_bind_text(st, 2, h[i].kind);
		queue_bind_text(st, 3, h[i].name);
		queue_bind_text(st, 4, h[i].source ? h[i].source : "");
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			queue_db_err(q, rc, "adding a holiday");
			goto fail;
		}
	}
	sqlite3_finalize(st);
	st = NULL;
	snprintf(note, sizeof(note), "%zu holiday(s) added or updated", n);
	queue_forget_cache(q);
	if (queue_refresh(q) < 0 ||
	    queue_recompute_deadlines(q, actor, now) < 0 ||
	    queue_add_event(q, 0, actor,
			    actor->roles &
				workflow_perm_roles(WF_PERM_HOLIDAYS),
			    "holidays", NULL, NULL, note, now) < 0 ||
	    queue_commit(q) < 0)
		goto fail;
	return 0;
fail:
	sqlite3_finalize(st);
	queue_rollback(q);
	return -1;
}

/* ---- print jobs ---------------------------------------------------------- */

static const char *const job_keys[QUEUE_JOB_STATE_COUNT] = {
    "queued", "sent", "printing", "done", "failed", "cancelled",
};

const char *queue_job_state_key(enum queue_job_state s)
{
	return (unsigned)s < QUEUE_JOB_STATE_COUNT ? job_keys[s] : NULL;
}

int queue_job_add(struct queue *q, int64_t request_id, const char *document,
		  const char *printer, time_t now, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_prepare_v2(q->db,
				"INSERT INTO print_jobs (request_id, document, "
				"printer, created_at, updated_at) VALUES "
				"(?1, ?2, ?3, ?4, ?4)",
				-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, request_id);
		queue_bind_text(st, 2, document);
		queue_bind_text(st, 3, printer ? printer : "");
		sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return queue_db_err(q, rc, "queueing the print job");
	if (id)
		*id = sqlite3_last_insert_rowid(q->db);
	return 0;
}

int queue_job_update(struct queue *q, int64_t id, enum queue_job_state state,
		     int cups_job, const char *reason, time_t now)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (!queue_job_state_key(state))
		return queue_set_err(q, QUEUE_ERR_INVALID, "bad job state %d",
				     (int)state);
	rc =
	    sqlite3_prepare_v2(q->db,
			       "UPDATE print_jobs SET state = ?2, cups_job = "
			       "CASE WHEN ?3 > 0 THEN ?3 ELSE cups_job END, "
			       "reason = COALESCE(?4, reason), updated_at = ?5 "
			       "WHERE id = ?1",
			       -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		queue_bind_text(st, 2, job_keys[state]);
		sqlite3_bind_int(st, 3, cups_job);
		queue_bind_text(st, 4, reason);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return queue_db_err(q, rc, "recording the print job");
	if (sqlite3_changes(q->db) == 0)
		return queue_set_err(q, QUEUE_ERR_NOTFOUND,
				     "no print job #%lld", (long long)id);
	return 0;
}

int queue_jobs(struct queue *q, int state, int limit, queue_job_cb cb,
	       void *ctx)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(
	    q->db,
	    "SELECT j.id, j.request_id, r.regno, j.document, j.printer, "
	    "COALESCE(j.cups_job, 0), j.state, j.reason, j.created_at, "
	    "j.updated_at FROM print_jobs j JOIN requests r ON "
	    "r.id = j.request_id WHERE ?1 IS NULL OR j.state = ?1 "
	    "ORDER BY j.id DESC LIMIT ?2",
	    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "reading print jobs");
	queue_bind_text(st, 1,
			state >= 0
			    ? queue_job_state_key((enum queue_job_state)state)
			    : NULL);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = queue_col_str(st, 6);
		struct queue_job j = {
		    .id = sqlite3_column_int64(st, 0),
		    .request_id = sqlite3_column_int64(st, 1),
		    .regno = queue_col_str(st, 2),
		    .document = queue_col_str(st, 3),
		    .printer = queue_col_str(st, 4),
		    .cups_job = sqlite3_column_int(st, 5),
		    .reason = queue_col_str(st, 7),
		    .created_at = (time_t)sqlite3_column_int64(st, 8),
		    .updated_at = (time_t)sqlite3_column_int64(st, 9),
		};

		for (int i = 0; i < QUEUE_JOB_STATE_COUNT; i++)
			if (strcmp(job_keys[i], k) == 0)
				j.state = (enum queue_job_state)i;
		if (cb(&j, ctx))
			break;
	}
	return queue_rows_end(q, st, rc, "reading print jobs");
}

int queue_integrity_check(struct queue *q, bool *ok, char *msg, size_t len)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(q->db, "PRAGMA integrity_check", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "checking integrity");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		queue_col_text(st, 0, msg, len);
		*ok = strcmp(msg, "ok") == 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : queue_db_err(q, rc, "checking integrity");
}
