/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internals shared by the queue store's files: queue.c (open, statements,
 * submit, act), queue_read.c (reading requests and history) and
 * queue_office.c (calls, holidays, print jobs).  Not for other modules.
 */
#ifndef PPID_QUEUE_INTERNAL_H
#define PPID_QUEUE_INTERNAL_H

#include <sqlite3.h>

#include "queue.h"

enum stmt_id {
	ST_DATA_VERSION,
	ST_NEXT_SEQ,
	ST_INSERT_REQ,
	ST_INSERT_EVENT,
	ST_INSERT_JOB,
	ST_GET_BY_REGNO,
	ST_GET_BY_ID,
	ST_HOLIDAY_DAYS,
	ST_RULE,
	ST_UPDATE_REQ,
	ST_COUNT,
};

#define REQ_COLUMNS                                                            \
	"id, regno, token, channel, lang, received_at, created_at, name, "     \
	"id_type, id_number, proxy, address, occupation, phone, email, info, " \
	"purpose, obtain, delivery, regime, status, start_date, deadline, "    \
	"extended_deadline, extensions, decision, basis, holder, memo, "       \
	"notified_at, closed_at, updated_at"

struct rule {
	int days;     /* working days to answer */
	int ext_days; /* working days of the extension */
	int max_ext;  /* extensions allowed */
};

struct queue {
	sqlite3 *db;		       /* the connection */
	char path[256];		       /* database file */
	char errmsg[512];	       /* last error */
	enum queue_err err;	       /* last error class */
	sqlite3_stmt *stmts[ST_COUNT]; /* prepared on first use */
	int64_t data_version;	       /* last PRAGMA data_version */
	bool dv_valid;		       /* data_version was read */
	struct calendar *cal;	       /* holidays, see queue_refresh() */
	int64_t cache_version;	       /* data_version cal and rules match */
	bool cache_valid;	       /* cal and rules are loaded */
	struct {
		char regime[16];  /* "ordinary", "election" */
		struct rule rule; /* its deadline rule */
	} rules[4];		  /* deadline rules read so far */
	int n_rules;		  /* entries of rules[] used */
	char number_format[96];	  /* registration number template */
	char prefix[32];	  /* office prefix */
	int open_min, close_min;  /* office hours */
};

/* ---- errors and statements (queue.c) ------------------------------------ */

/** Record an error of class @p code; returns -1. */
int queue_set_err(struct queue *q, enum queue_err code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/** Record a SQLite failure (@p rc) while doing @p what; returns -1. */
int queue_db_err(struct queue *q, int rc, const char *what);

/** The prepared statement @p id (prepared on first use), or NULL. */
sqlite3_stmt *queue_stmt(struct queue *q, enum stmt_id id);

/** Reset a cached statement and clear its bindings. */
void queue_stmt_done(sqlite3_stmt *st);

/**
 * End a row loop over @p st that stopped with @p rc: finalize the
 * statement; 0 when the loop ended normally (a row or DONE), else the
 * error recorded as happening while @p what.
 */
int queue_rows_end(struct queue *q, sqlite3_stmt *st, int rc, const char *what);

/** BEGIN IMMEDIATE / COMMIT / ROLLBACK (rollback only when in one). */
int queue_begin(struct queue *q);
int queue_commit(struct queue *q);
void queue_rollback(struct queue *q);

/** Bind text (NULL binds NULL), a date as "YYYY-MM-DD" (NULL binds NULL),
 *  a time (0 binds NULL). */
void queue_bind_text(sqlite3_stmt *st, int i, const char *s);
void queue_bind_date(sqlite3_stmt *st, int i, const struct date *d);
void queue_bind_time(sqlite3_stmt *st, int i, time_t t);

/**
 * "Open" statuses come from the workflow module, never from SQL literals:
 * queue_sql_open() writes "status IN (?F, ?F+1, ...)", one parameter per
 * status the program knows (F = @p first), and queue_bind_open() binds the
 * key of each open one (workflow_status_open()) and NULL for the others.
 */
void queue_sql_open(char *buf, size_t len, int first);
void queue_bind_open(sqlite3_stmt *st, int first);

/** Copy a text column into @p buf; the column as a borrowed string ("" for
 *  NULL); a date column. */
void queue_col_text(sqlite3_stmt *st, int i, char *buf, size_t len);
const char *queue_col_str(sqlite3_stmt *st, int i);
struct date queue_col_date(sqlite3_stmt *st, int i);

/* ---- inside write transactions (queue.c, queue_office.c) ----------------- */

/**
 * Inside a write transaction: make the cached calendar and deadline rules
 * current.  They are reloaded only when another connection committed since
 * they were read (PRAGMA data_version), so a submission normally reads
 * neither table.
 */
int queue_refresh(struct queue *q);

/** Forget the cached calendar and rules (after this connection changed
 *  the holidays). */
void queue_forget_cache(struct queue *q);

/** The deadline rule of @p regime (cached; see queue_refresh()). */
int queue_load_rule(struct queue *q, const char *regime, struct rule *r);

/** Append an event; @p role is the set of roles the action allowed. */
int queue_add_event(struct queue *q, int64_t request_id,
		    const struct queue_actor *actor, unsigned role,
		    const char *action, const char *from, const char *to,
		    const char *note, time_t now);

/** Store a request's mutable columns (status, dates, decision, ...). */
int queue_update_request(struct queue *q, const struct request *r);

/** Recount the deadlines of open requests after the calendar changed,
 *  recording each move (queue_office.c). */
int queue_recompute_deadlines(struct queue *q, const struct queue_actor *actor,
			      time_t now);

/**
 * Inside a write transaction: close the pickup calls of request
 * @p request_id still waiting (its information was handed over), with a
 * "call-ack" event each (queue_records.c).
 * @return the number closed, or -1.
 */
int queue_close_pickups(struct queue *q, int64_t request_id,
			const struct queue_actor *actor, time_t now);

/* ---- reading (queue_read.c) ----------------------------------------------- */

/** Fill @p r from a row selected with REQ_COLUMNS. */
void queue_row_to_request(sqlite3_stmt *st, struct request *r);

#endif
