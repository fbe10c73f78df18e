// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The queue store, reading: one request, lists, a request's history and
 * the events after a point (for watchers).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue_internal.h"

void queue_row_to_request(sqlite3_stmt *st, struct request *r)
{
	int v;

	request_init(r);
	r->id = sqlite3_column_int64(st, 0);
	queue_col_text(st, 1, r->regno, sizeof(r->regno));
	queue_col_text(st, 2, r->token, sizeof(r->token));
	v = request_channel_from_key(queue_col_str(st, 3));
	r->channel = v < 0 ? REQ_CHANNEL_DESK : (enum req_channel)v;
	r->lang = strcmp(queue_col_str(st, 4), "en") == 0 ? LANG_EN : LANG_ID;
	r->received_at = (time_t)sqlite3_column_int64(st, 5);
	r->created_at = (time_t)sqlite3_column_int64(st, 6);
	queue_col_text(st, 7, r->name, sizeof(r->name));
	v = request_id_type_from_key(queue_col_str(st, 8));
	r->id_type = v < 0 ? REQ_ID_OTHER : (enum req_id_type)v;
	queue_col_text(st, 9, r->id_number, sizeof(r->id_number));
	r->proxy = sqlite3_column_int(st, 10) != 0;
	queue_col_text(st, 11, r->address, sizeof(r->address));
	queue_col_text(st, 12, r->occupation, sizeof(r->occupation));
	queue_col_text(st, 13, r->phone, sizeof(r->phone));
	queue_col_text(st, 14, r->email, sizeof(r->email));
	queue_col_text(st, 15, r->info, sizeof(r->info));
	queue_col_text(st, 16, r->purpose, sizeof(r->purpose));
	v = request_obtain_from_key(queue_col_str(st, 17));
	r->obtain = v < 0 ? REQ_OBTAIN_VIEW : (enum req_obtain)v;
	v = request_delivery_from_key(queue_col_str(st, 18));
	r->delivery = v < 0 ? REQ_DELIVERY_PICKUP : (enum req_delivery)v;
	v = workflow_regime_from_key(queue_col_str(st, 19));
	r->regime = v < 0 ? WF_REGIME_COUNT : (enum wf_regime)v;
	v = workflow_status_from_key(queue_col_str(st, 20));
	r->status = v < 0 ? WF_STATUS_COUNT : (enum wf_status)v;
	r->start_date = queue_col_date(st, 21);
	r->deadline = queue_col_date(st, 22);
	r->extended = sqlite3_column_type(st, 23) != SQLITE_NULL;
	if (r->extended)
		r->extended_deadline = queue_col_date(st, 23);
	r->extensions = sqlite3_column_int(st, 24);
	v = workflow_decision_from_key(queue_col_str(st, 25));
	r->decision = v < 0 ? WF_DECISION_NONE : (enum wf_decision)v;
	queue_col_text(st, 26, r->basis, sizeof(r->basis));
	queue_col_text(st, 27, r->holder, sizeof(r->holder));
	queue_col_text(st, 28, r->memo, sizeof(r->memo));
	r->notified_at = (time_t)sqlite3_column_int64(st, 29);
	r->closed_at = (time_t)sqlite3_column_int64(st, 30);
	r->updated_at = (time_t)sqlite3_column_int64(st, 31);
}

static int get_one(struct queue *q, enum stmt_id id, const char *regno,
		   int64_t rowid, struct request *out)
{
	sqlite3_stmt *st = queue_stmt(q, id);
	int rc;

	if (!st)
		return -1;
	if (regno)
		queue_bind_text(st, 1, regno);
	else
		sqlite3_bind_int64(st, 1, rowid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		queue_row_to_request(st, out);
	queue_stmt_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE) {
		if (regno)
			return queue_set_err(q, QUEUE_ERR_NOTFOUND,
					     "no request numbered '%s'", regno);
		return queue_set_err(q, QUEUE_ERR_NOTFOUND, "no request #%lld",
				     (long long)rowid);
	}
	return queue_db_err(q, rc, "reading a request");
}

int queue_get(struct queue *q, const char *regno, struct request *out)
{
	return get_one(q, ST_GET_BY_REGNO, regno, 0, out);
}

int queue_get_by_id(struct queue *q, int64_t id, struct request *out)
{
	return get_one(q, ST_GET_BY_ID, NULL, id, out);
}

/* ---- reading ------------------------------------------------------------- */

int queue_list(struct queue *q, const struct queue_filter *f,
	       queue_request_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	struct request *r;
	char open_in[256], sql[1024];
	int rc, n = 0;

	r = malloc(sizeof(*r));
	if (!r)
		return queue_set_err(q, QUEUE_ERR_OTHER, "out of memory");
	queue_sql_open(open_in, sizeof(open_in), 3);
	snprintf(sql, sizeof(sql),
		 "SELECT " REQ_COLUMNS " FROM requests WHERE "
		 "(?1 IS NULL OR status = ?1) AND (?2 = 0 OR %s) "
		 "ORDER BY received_at DESC, id DESC",
		 open_in);
	rc = sqlite3_prepare_v2(q->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		free(r);
		return queue_db_err(q, rc, "listing requests");
	}
	queue_bind_text(st, 1,
			f->status >= 0
			    ? workflow_status_key((enum wf_status)f->status)
			    : NULL);
	sqlite3_bind_int(st, 2, f->open_only || f->overdue_only);
	queue_bind_open(st, 3);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		queue_row_to_request(st, r);
		if (f->overdue_only && !request_overdue(r, f->today))
			continue;
		if (cb(r, ctx))
			break;
		if (f->limit && ++n >= f->limit)
			break;
	}
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		rc = 0;
	else
		rc = queue_db_err(q, rc, "listing requests");
	request_wipe(r);
	free(r);
	sqlite3_finalize(st);
	return rc;
}

static int each_event(struct queue *q, const char *sql, int64_t key,
		      queue_event_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(q->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "reading the history");
	sqlite3_bind_int64(st, 1, key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct queue_event ev = {
		    .id = sqlite3_column_int64(st, 0),
		    .request_id = sqlite3_column_int64(st, 1),
		    .regno = queue_col_str(st, 2),
		    .at = (time_t)sqlite3_column_int64(st, 3),
		    .actor = queue_col_str(st, 4),
		    .role = queue_col_str(st, 5),
		    .action = queue_col_str(st, 6),
		    .from = queue_col_str(st, 7),
		    .to = queue_col_str(st, 8),
		    .note = queue_col_str(st, 9),
		    .dev_mode = sqlite3_column_int(st, 10) != 0,
		};

		if (cb(&ev, ctx))
			break;
	}
	return queue_rows_end(q, st, rc, "reading the history");
}

#define EVENT_SELECT                                                           \
	"SELECT e.id, e.request_id, COALESCE(r.regno, ''), e.at, e.actor, "    \
	"e.role, e.action, e.from_status, e.to_status, e.note, e.dev_mode "    \
	"FROM events e LEFT JOIN requests r ON r.id = e.request_id "

int queue_history(struct queue *q, int64_t request_id, queue_event_cb cb,
		  void *ctx)
{
	return each_event(q,
			  EVENT_SELECT "WHERE e.request_id = ?1 ORDER BY e.id",
			  request_id, cb, ctx);
}

int queue_events_after(struct queue *q, int64_t after_id, queue_event_cb cb,
		       void *ctx)
{
	return each_event(q, EVENT_SELECT "WHERE e.id > ?1 ORDER BY e.id",
			  after_id, cb, ctx);
}

int queue_last_event_id(struct queue *q, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(
	    q->db, "SELECT COALESCE(MAX(id), 0) FROM events", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "reading the history");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0
				: queue_db_err(q, rc, "reading the history");
}
