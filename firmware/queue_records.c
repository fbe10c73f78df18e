// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The Kasubbag's records (SOP steps 7 and 8: the daily supervision, the
 * monthly report's hand-over to the Kabag) as office events, one per day
 * or month, and the closing of a request's pickup calls at its handover.
 */

#include <stdio.h>
#include <string.h>

#include "queue_internal.h"

/* Who already recorded @p action for @p key (a day or a month), if anyone:
 * fills @p who ("budi on 2026-12-01 15:02 WIB") and returns 1; 0 if no one. */
static int already(struct queue *q, const char *action, const char *key,
		   char *who, size_t len)
{
	sqlite3_stmt *st;
	char at[32];
	int rc;

	rc =
	    sqlite3_prepare_v2(q->db,
			       "SELECT actor, at FROM events WHERE action = ?1 "
			       "AND request_id IS NULL AND substr(note, 1, "
			       "length(?2)) = ?2 ORDER BY id LIMIT 1",
			       -1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "reading the office's records");
	queue_bind_text(st, 1, action);
	queue_bind_text(st, 2, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		date_format_wib((time_t)sqlite3_column_int64(st, 1), at,
				sizeof(at));
		snprintf(who, len, "%s on %s", queue_col_str(st, 0), at);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE
		   ? 0
		   : queue_db_err(q, rc, "reading the office's records");
}

/* One office record: role, note, once per @p key, then the event. */
static int record_once(struct queue *q, enum wf_perm perm, const char *action,
		       const char *key, const char *what, const char *note,
		       bool note_needed, const struct queue_actor *actor,
		       time_t now)
{
	const struct text *why;
	char text[1200], who[128];
	size_t n = 0;
	int rc;

	if (!workflow_may(actor->roles, perm, &why))
		return queue_set_err(q, QUEUE_ERR_REFUSED, "%s: %s (%s)",
				     actor->login, why->en, why->id);
	if (note && !*note)
		note = NULL;
	if ((note_needed && !note) ||
	    (note && (!request_text_ok(note, true, &n) || n > 1000)))
		return queue_set_err(
		    q, QUEUE_ERR_INVALID,
		    "%s needs a note of at most 1000 "
		    "characters, without control characters "
		    "(Catatan wajib, paling banyak 1000 huruf)",
		    action);
	snprintf(text, sizeof(text), "%s%s%s", key, note ? ": " : "",
		 note ? note : "");
	if (queue_begin(q) < 0)
		return -1;
	rc = already(q, action, key, who, sizeof(who));
	if (rc > 0)
		queue_set_err(q, QUEUE_ERR_REFUSED,
			      "%s %s was already recorded by %s; records are "
			      "never changed (sudah dicatat, tidak dapat "
			      "diubah)",
			      what, key, who);
	if (rc != 0 ||
	    queue_add_event(q, 0, actor,
			    actor->roles & workflow_perm_roles(perm), action,
			    NULL, NULL, text, now) < 0 ||
	    queue_commit(q) < 0) {
		queue_rollback(q);
		return -1;
	}
	return 0;
}

int queue_supervise(struct queue *q, struct date day, const char *note,
		    const struct queue_actor *actor, time_t now)
{
	struct date today = date_of_wib(now, NULL);
	char key[16];

	if (!date_valid(day.year, day.month, day.day) ||
	    date_cmp(day, today) > 0)
		return queue_set_err(q, QUEUE_ERR_INVALID,
				     "only a day up to today can be reviewed "
				     "(hanya hari ini atau sebelumnya)");
	date_format(day, key, sizeof(key));
	return record_once(q, WF_PERM_SUPERVISE, "supervise", key,
			   "the daily supervision of", note, true, actor, now);
}

int queue_report_handover(struct queue *q, int year, int month,
			  const char *note, const struct queue_actor *actor,
			  time_t now)
{
	struct date today = date_of_wib(now, NULL);
	char key[16];

	if (year < 2000 || year > 9999 || month < 1 || month > 12 ||
	    year * 12 + month > today.year * 12 + today.month)
		return queue_set_err(q, QUEUE_ERR_INVALID,
				     "the month must be YYYY-MM, up to this "
				     "month (paling lambat bulan ini)");
	snprintf(key, sizeof(key), "%04d-%02d", year, month);
	return record_once(q, WF_PERM_REPORT, "report-handover", key,
			   "the hand-over of the monthly report", note, false,
			   actor, now);
}

int queue_office_events(struct queue *q, const char *action, const char *prefix,
			queue_event_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(
	    q->db,
	    "SELECT id, at, actor, role, action, note, dev_mode FROM events "
	    "WHERE request_id IS NULL AND action = ?1 AND substr(note, 1, "
	    "length(?2)) = ?2 ORDER BY id",
	    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "reading the office's records");
	queue_bind_text(st, 1, action);
	queue_bind_text(st, 2, prefix ? prefix : "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct queue_event ev = {
		    .id = sqlite3_column_int64(st, 0),
		    .regno = "",
		    .at = (time_t)sqlite3_column_int64(st, 1),
		    .actor = queue_col_str(st, 2),
		    .role = queue_col_str(st, 3),
		    .action = queue_col_str(st, 4),
		    .from = "",
		    .to = "",
		    .note = queue_col_str(st, 5),
		    .dev_mode = sqlite3_column_int(st, 6) != 0,
		};

		if (cb(&ev, ctx))
			break;
	}
	return queue_rows_end(q, st, rc, "reading the office's records");
}

int queue_close_pickups(struct queue *q, int64_t request_id,
			const struct queue_actor *actor, time_t now)
{
	sqlite3_stmt *st;
	int64_t ids[16];
	int n = 0, rc;
	char note[48];

	rc = sqlite3_prepare_v2(q->db,
				"UPDATE calls SET acked_at = ?2, acked_by = ?3 "
				"WHERE request_id = ?1 AND kind = 'pickup' AND "
				"acked_at IS NULL RETURNING id",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "closing the pickup calls");
	sqlite3_bind_int64(st, 1, request_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
	queue_bind_text(st, 3, actor->login);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n < 16)
			ids[n++] = sqlite3_column_int64(st, 0);
	if (queue_rows_end(q, st, rc, "closing the pickup calls") < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		snprintf(note, sizeof(note), "call #%lld (handover)",
			 (long long)ids[i]);
		if (queue_add_event(q, 0, actor,
				    actor->roles &
					workflow_perm_roles(WF_PERM_ACK_CALL),
				    "call-ack", NULL, NULL, note, now) < 0)
			return -1;
	}
	return n;
}

int queue_last_handover(struct queue *q, int64_t request_id,
			struct queue_handover *out)
{
	sqlite3_stmt *st;
	const char *note, *semi;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = sqlite3_prepare_v2(q->db,
				"SELECT id, at, actor, note FROM events WHERE "
				"request_id = ?1 AND action = 'handover' "
				"ORDER BY id DESC LIMIT 1",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "reading the handover");
	sqlite3_bind_int64(st, 1, request_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->event_id = sqlite3_column_int64(st, 0);
		out->at = (time_t)sqlite3_column_int64(st, 1);
		queue_col_text(st, 2, out->actor, sizeof(out->actor));
		/* queue_act() wrote "form KEY; what was given". */
		note = queue_col_str(st, 3);
		if (strncmp(note, "form ", 5) == 0) {
			note += 5;
			semi = strstr(note, "; ");
			snprintf(out->form, sizeof(out->form), "%.*s",
				 (int)(semi ? semi - note : (long)strlen(note)),
				 note);
			note = semi ? semi + 2 : "";
		}
		snprintf(out->given, sizeof(out->given), "%s", note);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0
				 : queue_db_err(q, rc, "reading the handover");
}
