// SPDX-License-Identifier: GPL-2.0-or-later
/* The queue store read by time range, for the reports (queue_report.h). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue_internal.h"
#include "queue_report.h"

static sqlite3_stmt *prepare_range(struct queue *q, const char *sql,
				   time_t from, time_t to, const char *what)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(q->db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK) {
		queue_db_err(q, rc, what);
		return NULL;
	}
	sqlite3_bind_int64(st, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)to);
	return st;
}

int queue_report_requests(struct queue *q, time_t from, time_t to,
			  queue_request_cb cb, void *ctx)
{
	static const char what[] = "reading the register";
	struct request *r = malloc(sizeof(*r));
	sqlite3_stmt *st;
	int rc;

	if (!r)
		return queue_set_err(q, QUEUE_ERR_OTHER, "out of memory");
	st = prepare_range(q,
			   "SELECT " REQ_COLUMNS " FROM requests WHERE "
			   "received_at BETWEEN ?1 AND ?2 "
			   "ORDER BY received_at, id",
			   from, to, what);
	if (!st) {
		free(r);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		queue_row_to_request(st, r);
		if (cb(r, ctx))
			break;
	}
	request_wipe(r);
	free(r);
	return queue_rows_end(q, st, rc, what);
}

int queue_report_events(struct queue *q, time_t from, time_t to,
			queue_event_cb cb, void *ctx)
{
	static const char what[] = "reading the history";
	sqlite3_stmt *st = prepare_range(
	    q,
	    "SELECT e.id, COALESCE(e.request_id, 0), COALESCE(r.regno, ''), "
	    "e.at, e.actor, e.role, e.action, COALESCE(e.from_status, ''), "
	    "COALESCE(e.to_status, ''), e.note, e.dev_mode FROM events e "
	    "LEFT JOIN requests r ON r.id = e.request_id "
	    "WHERE e.at BETWEEN ?1 AND ?2 ORDER BY e.at, e.id",
	    from, to, what);
	int rc;

	if (!st)
		return -1;
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
	return queue_rows_end(q, st, rc, what);
}

int queue_report_calls(struct queue *q, time_t from, time_t to,
		       queue_call_cb cb, void *ctx)
{
	static const char what[] = "reading calls";
	sqlite3_stmt *st = prepare_range(
	    q,
	    "SELECT c.id, c.at, c.kind, COALESCE(c.acked_at, 0), "
	    "COALESCE(c.acked_by, ''), COALESCE(c.request_id, 0), "
	    "COALESCE(r.regno, '') FROM calls c "
	    "LEFT JOIN requests r ON r.id = c.request_id "
	    "WHERE c.at BETWEEN ?1 AND ?2 ORDER BY c.at, c.id",
	    from, to, what);
	int rc;

	if (!st)
		return -1;
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

		if (queue_call_kind_parse(c.source, &c.kind) < 0)
			c.kind = QUEUE_CALL_BUTTON;
		if (cb(&c, ctx))
			break;
	}
	return queue_rows_end(q, st, rc, what);
}

int queue_report_jobs(struct queue *q, time_t from, time_t to, queue_job_cb cb,
		      void *ctx)
{
	static const char what[] = "reading print jobs";
	sqlite3_stmt *st = prepare_range(
	    q,
	    "SELECT j.id, COALESCE(j.request_id, 0), COALESCE(r.regno, ''), "
	    "j.document, j.printer, COALESCE(j.cups_job, 0), j.state, "
	    "j.reason, j.created_at, j.updated_at FROM print_jobs j "
	    "LEFT JOIN requests r ON r.id = j.request_id "
	    "WHERE j.created_at BETWEEN ?1 AND ?2 "
	    "OR j.updated_at BETWEEN ?1 AND ?2 ORDER BY j.created_at, j.id",
	    from, to, what);
	int rc;

	if (!st)
		return -1;
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
			if (strcmp(queue_job_state_key((enum queue_job_state)i),
				   k) == 0)
				j.state = (enum queue_job_state)i;
		if (cb(&j, ctx))
			break;
	}
	return queue_rows_end(q, st, rc, what);
}
