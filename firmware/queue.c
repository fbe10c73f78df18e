// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The queue store over SQLite: opening and migrations, errors, the statement
 * cache, submitting and SOP actions (reading is in queue_read.c, calls,
 * holidays and print jobs in queue_office.c).  Statements used on the hot
 * path are prepared once per connection and reset after every use, so no
 * statement keeps a read snapshot open (which would block checkpoints and
 * grow the WAL).
 */

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "migrations.h"
#include "queue_internal.h"
#include "regno.h"

static const char *const stmt_sql[ST_COUNT] = {
    [ST_DATA_VERSION] = "PRAGMA data_version",
    [ST_NEXT_SEQ] = "SELECT COALESCE(MAX(reg_seq), 0) + 1 FROM requests "
		    "WHERE reg_year = ?1",
    [ST_INSERT_REQ] =
	"INSERT INTO requests (regno, reg_year, reg_seq, token, "
	"channel, lang, received_at, created_at, name, id_type, "
	"id_number, proxy, address, occupation, phone, email, info, "
	"purpose, obtain, delivery, regime, status, start_date, "
	"deadline, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	"?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
	"?21, ?24, ?22, ?23, ?8)",
    [ST_INSERT_EVENT] =
	"INSERT INTO events (request_id, at, actor, role, action, "
	"from_status, to_status, note, dev_mode) VALUES (?1, ?2, ?3, "
	"?4, ?5, ?6, ?7, ?8, ?9)",
    [ST_INSERT_JOB] = "INSERT INTO print_jobs (request_id, document, "
		      "created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    [ST_GET_BY_REGNO] = "SELECT " REQ_COLUMNS " FROM requests WHERE regno = ?1",
    [ST_GET_BY_ID] = "SELECT " REQ_COLUMNS " FROM requests WHERE id = ?1",
    [ST_HOLIDAY_DAYS] = "SELECT day FROM holidays",
    [ST_RULE] = "SELECT days, ext_days, max_ext FROM deadline_rules "
		"WHERE regime = ?1",
    [ST_UPDATE_REQ] = "UPDATE requests SET status = ?2, start_date = ?3, "
		      "deadline = ?4, extended_deadline = ?5, extensions = ?6, "
		      "decision = ?7, basis = ?8, holder = ?9, memo = ?10, "
		      "notified_at = ?11, closed_at = ?12, updated_at = ?13 "
		      "WHERE id = ?1",
};

/* ---- errors ------------------------------------------------------------ */

int queue_set_err(struct queue *q, enum queue_err code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q->errmsg, sizeof(q->errmsg), fmt, ap);
	va_end(ap);
	q->err = code;
	return -1;
}

static enum queue_err classify(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return QUEUE_ERR_BUSY;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return QUEUE_ERR_READONLY;
	case SQLITE_FULL:
		return QUEUE_ERR_FULL;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return QUEUE_ERR_CORRUPT;
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
		return QUEUE_ERR_IO;
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
		return QUEUE_ERR_INVALID;
	default:
		return QUEUE_ERR_OTHER;
	}
}

/* Record a SQLite failure in words a technician can act on. */
int queue_db_err(struct queue *q, int rc, const char *what)
{
	enum queue_err code = classify(rc);
	const char *hint = "";

	switch (code) {
	case QUEUE_ERR_BUSY:
		hint = " (another program kept the database locked; try again)";
		break;
	case QUEUE_ERR_READONLY:
		hint = " (the file or its folder is read-only for this user)";
		break;
	case QUEUE_ERR_FULL:
		hint = " (the disk is full; nothing was written)";
		break;
	case QUEUE_ERR_CORRUPT:
		hint = " (the file is damaged or is not a PPID database)";
		break;
	default:
		break;
	}
	return queue_set_err(q, code, "%s: %s: %s%s", q->path, what,
			     q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc),
			     hint);
}

const char *queue_errmsg(const struct queue *q)
{
	return q->errmsg;
}

enum queue_err queue_errcode(const struct queue *q)
{
	return q->err;
}

/* ---- statements -------------------------------------------------------- */

sqlite3_stmt *queue_stmt(struct queue *q, enum stmt_id id)
{
	int rc;

	if (!q->stmts[id]) {
		rc = sqlite3_prepare_v3(q->db, stmt_sql[id], -1,
					SQLITE_PREPARE_PERSISTENT,
					&q->stmts[id], NULL);
		if (rc != SQLITE_OK) {
			queue_db_err(q, rc, "preparing a statement");
			return NULL;
		}
	}
	return q->stmts[id];
}

void queue_stmt_done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int queue_rows_end(struct queue *q, sqlite3_stmt *st, int rc, const char *what)
{
	/* Read the message before finalize can reset it. */
	int r = rc == SQLITE_ROW || rc == SQLITE_DONE
		    ? 0
		    : queue_db_err(q, rc, what);

	sqlite3_finalize(st);
	return r;
}

static int queue_exec(struct queue *q, const char *sql, const char *what)
{
	int rc = sqlite3_exec(q->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : queue_db_err(q, rc, what);
}

int queue_begin(struct queue *q)
{
	return queue_exec(q, "BEGIN IMMEDIATE", "starting a write");
}

int queue_commit(struct queue *q)
{
	return queue_exec(q, "COMMIT", "committing");
}

void queue_rollback(struct queue *q)
{
	/* The caches may hold what the transaction read and now undoes. */
	queue_forget_cache(q);
	if (!sqlite3_get_autocommit(q->db))
		sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
}

void queue_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void queue_bind_date(sqlite3_stmt *st, int i, const struct date *d)
{
	char buf[16];

	if (!d) {
		sqlite3_bind_null(st, i);
		return;
	}
	date_format(*d, buf, sizeof(buf));
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

void queue_bind_time(sqlite3_stmt *st, int i, time_t t)
{
	if (t)
		sqlite3_bind_int64(st, i, (sqlite3_int64)t);
	else
		sqlite3_bind_null(st, i);
}

void queue_sql_open(char *buf, size_t len, int first)
{
	size_t n;

	snprintf(buf, len, "status IN (");
	for (int i = 0; i < WF_STATUS_COUNT; i++) {
		n = strlen(buf);
		snprintf(buf + n, len - n, "%s?%d", i ? ", " : "", first + i);
	}
	n = strlen(buf);
	snprintf(buf + n, len - n, ")");
}

void queue_bind_open(sqlite3_stmt *st, int first)
{
	for (int i = 0; i < WF_STATUS_COUNT; i++)
		queue_bind_text(st, first + i,
				workflow_status_open((enum wf_status)i)
				    ? workflow_status_key((enum wf_status)i)
				    : NULL);
}

void queue_col_text(sqlite3_stmt *st, int i, char *buf, size_t len)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	snprintf(buf, len, "%s", s ? (const char *)s : "");
}

const char *queue_col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
}

struct date queue_col_date(sqlite3_stmt *st, int i)
{
	struct date d = {0, 0, 0};

	date_parse(queue_col_str(st, i), &d);
	return d;
}

/* ---- open -------------------------------------------------------------- */

/* After an upgrade with foreign keys off: every reference still resolves. */
static int foreign_keys_intact(struct queue *q)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(q->db, "PRAGMA foreign_key_check", -1, &st,
				NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "checking references");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		queue_set_err(q, QUEUE_ERR_CORRUPT,
			      "%s: the schema upgrade would break a reference "
			      "(table %s, row %lld): nothing was changed",
			      q->path, queue_col_str(st, 0),
			      (long long)sqlite3_column_int64(st, 1));
		sqlite3_finalize(st);
		return -1;
	}
	return queue_rows_end(q, st, rc, "checking references");
}

static int migrate(struct queue *q, bool readonly)
{
	static const struct queue_actor upgrade = {"schema-upgrade", 0, false};
	int version = queue_schema_version(q);
	int latest = migrations[n_migrations - 1].version;
	char sql[64];

	if (version < 0)
		return -1;
	if (version > latest)
		return queue_set_err(
		    q, QUEUE_ERR_VERSION,
		    "%s: the database has schema version %d, newer "
		    "than this program (%d): update the program",
		    q->path, version, latest);
	if (version == latest)
		return 0;
	if (readonly)
		return queue_set_err(
		    q, QUEUE_ERR_READONLY,
		    "%s: the database needs an upgrade (schema %d to "
		    "%d): open it once read-write",
		    q->path, version, latest);
	/* All steps in one transaction: a failed step leaves nothing.  A step
	 * may rebuild a table (SQLite's only way to add a CHECK), which needs
	 * foreign keys off; they cannot be switched inside a transaction, so
	 * they are off around it and checked as a whole before the commit. */
	if (queue_exec(q, "PRAGMA foreign_keys = OFF", "upgrading the schema") <
	    0)
		return -1;
	if (queue_begin(q) < 0)
		goto fk_on;
	version = queue_schema_version(q);
	for (size_t i = 0; i < n_migrations; i++) {
		if (migrations[i].version <= version)
			continue;
		if (queue_exec(q, migrations[i].sql, migrations[i].name) < 0)
			goto fail;
		/* PRAGMA takes no bound parameters: the value is ours. */
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
			 migrations[i].version);
		if (queue_exec(q, sql, "setting the schema version") < 0)
			goto fail;
	}
	/* A migration may bring holidays: deadlines already counted over
	 * those days move, and each move is recorded. */
	if (version > 0 &&
	    (queue_load_calendar(q, q->cal) < 0 ||
	     queue_recompute_deadlines(q, &upgrade, time(NULL)) < 0))
		goto fail;
	if (foreign_keys_intact(q) < 0 || queue_commit(q) < 0)
		goto fail;
	if (queue_exec(q, "PRAGMA foreign_keys = ON", "upgrading the schema") <
	    0)
		return -1;
	log_debug("%s: schema upgraded to version %d", q->path, latest);
	return 0;
fail:
	queue_rollback(q);
fk_on:
	sqlite3_exec(q->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return -1;
}

int queue_schema_version(struct queue *q)
{
	sqlite3_stmt *st;
	int rc, v = -1;

	rc = sqlite3_prepare_v2(q->db, "PRAGMA user_version", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return queue_db_err(q, rc, "reading the schema version");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	else
		queue_db_err(q, rc, "reading the schema version");
	sqlite3_finalize(st);
	return v;
}

enum queue_err queue_open(const struct queue_options *opt, struct queue **out,
			  char *err, size_t errlen)
{
	struct queue *q;
	bool existed = access(opt->path, F_OK) == 0;
	int flags, rc;
	enum queue_err code;

	*out = NULL;
	q = calloc(1, sizeof(*q));
	if (!q) {
		snprintf(err, errlen, "%s: out of memory", opt->path);
		return QUEUE_ERR_OTHER;
	}
	snprintf(q->path, sizeof(q->path), "%s", opt->path);
	snprintf(q->number_format, sizeof(q->number_format), "%s",
		 opt->number_format ? opt->number_format
				    : "{seq}/PPID/{prefix}/{roman}/{year}");
	snprintf(q->prefix, sizeof(q->prefix), "%s",
		 opt->prefix ? opt->prefix : "KPU-BKL");
	q->open_min = opt->close_min > opt->open_min ? opt->open_min : 480;
	q->close_min = opt->close_min > opt->open_min ? opt->close_min : 960;
	q->cal = calendar_new();
	if (!q->cal) {
		queue_set_err(q, QUEUE_ERR_OTHER, "%s: out of memory", q->path);
		goto fail;
	}
	calendar_set_hours(q->cal, q->open_min, q->close_min);
	if (regno_check_format(q->number_format, q->prefix) < 0) {
		queue_set_err(
		    q, QUEUE_ERR_INVALID,
		    "number_format '%s' with prefix '%s' is not usable: it "
		    "needs {seq} and {year} and only letters, digits, "
		    "'/', '.' and '-'",
		    q->number_format, q->prefix);
		goto fail;
	}
	if (!existed && !opt->create) {
		queue_set_err(q, QUEUE_ERR_IO,
			      "%s: no database here (create it with "
			      "'ppid-console init')",
			      q->path);
		goto fail;
	}
	if (!existed) {
		/* Personal data: only the kiosk user and the staff group,
		 * from the first instant (the mode is given at creation,
		 * never widened and narrowed afterwards). */
		int fd = open(q->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
			      0660);

		if (fd < 0 && errno != EEXIST) {
			queue_set_err(q,
				      errno == EROFS || errno == EACCES
					  ? QUEUE_ERR_READONLY
					  : QUEUE_ERR_IO,
				      "%s: cannot create: %s", q->path,
				      strerror(errno));
			goto fail;
		}
		if (fd >= 0) {
			if (fchmod(fd, 0660) < 0)
				log_warn("%s: chmod: %s", q->path,
					 strerror(errno));
			close(fd);
		}
	}
	flags = opt->readonly ? SQLITE_OPEN_READONLY
			      : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	rc =
	    sqlite3_open_v2(q->path, &q->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		queue_db_err(q, rc, "opening");
		goto fail;
	}
	sqlite3_extended_result_codes(q->db, 1);
	sqlite3_busy_timeout(
	    q->db, opt->busy_timeout_ms > 0 ? opt->busy_timeout_ms : 5000);
	if (queue_exec(q, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL",
		       "configuring") < 0)
		goto fail;
	if (!opt->readonly &&
	    queue_exec(q, "PRAGMA journal_mode = WAL", "switching to WAL") < 0)
		goto fail;
	if (migrate(q, opt->readonly) < 0)
		goto fail;
	*out = q;
	return QUEUE_OK;
fail:
	snprintf(err, errlen, "%s", q->errmsg);
	code = q->err ? q->err : QUEUE_ERR_OTHER;
	queue_close(q);
	return code;
}

void queue_close(struct queue *q)
{
	if (!q)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(q->stmts[i]);
	sqlite3_close(q->db);
	calendar_free(q->cal);
	free(q);
}

/* ---- helpers used inside transactions ---------------------------------- */

int queue_load_calendar(struct queue *q, struct calendar *cal)
{
	sqlite3_stmt *st = queue_stmt(q, ST_HOLIDAY_DAYS);
	int rc;

	if (!st)
		return -1;
	calendar_clear(cal);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct date d;

		if (date_parse(queue_col_str(st, 0), &d) == 0 &&
		    calendar_add_holiday(cal, d) < 0) {
			queue_stmt_done(st);
			return queue_set_err(q, QUEUE_ERR_OTHER,
					     "out of memory");
		}
	}
	queue_stmt_done(st);
	return rc == SQLITE_DONE ? 0 : queue_db_err(q, rc, "reading holidays");
}

/* PRAGMA data_version: moves when another connection commits. */
static int data_version(struct queue *q, int64_t *v)
{
	sqlite3_stmt *st = queue_stmt(q, ST_DATA_VERSION);
	int rc;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	queue_stmt_done(st);
	return rc == SQLITE_ROW ? 0
				: queue_db_err(q, rc, "checking for changes");
}

int queue_refresh(struct queue *q)
{
	int64_t v;

	if (data_version(q, &v) < 0)
		return -1;
	if (q->cache_valid && v == q->cache_version)
		return 0;
	q->n_rules = 0;
	if (queue_load_calendar(q, q->cal) < 0)
		return -1;
	q->cache_version = v;
	q->cache_valid = true;
	return 0;
}

void queue_forget_cache(struct queue *q)
{
	q->cache_valid = false;
	q->n_rules = 0;
}

int queue_load_rule(struct queue *q, const char *regime, struct rule *r)
{
	sqlite3_stmt *st;
	int rc;

	for (int i = 0; i < q->n_rules; i++) {
		if (strcmp(q->rules[i].regime, regime) == 0) {
			*r = q->rules[i].rule;
			return 0;
		}
	}
	st = queue_stmt(q, ST_RULE);
	if (!st)
		return -1;
	queue_bind_text(st, 1, regime);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->days = sqlite3_column_int(st, 0);
		r->ext_days = sqlite3_column_int(st, 1);
		r->max_ext = sqlite3_column_int(st, 2);
	}
	queue_stmt_done(st);
	if (rc == SQLITE_ROW) {
		if (q->n_rules <
			(int)(sizeof(q->rules) / sizeof(q->rules[0])) &&
		    strlen(regime) < sizeof(q->rules[0].regime)) {
			snprintf(q->rules[q->n_rules].regime,
				 sizeof(q->rules[0].regime), "%s", regime);
			q->rules[q->n_rules++].rule = *r;
		}
		return 0;
	}
	if (rc == SQLITE_DONE)
		return queue_set_err(q, QUEUE_ERR_INVALID,
				     "no deadline rule for regime '%s'",
				     regime);
	return queue_db_err(q, rc, "reading the deadline rule");
}

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

int queue_read_begin(struct queue *q)
{
	return queue_exec(q, "BEGIN DEFERRED", "starting a read");
}

void queue_read_end(struct queue *q)
{
	/* A read transaction has nothing to lose: COMMIT only ends it. */
	if (sqlite3_get_autocommit(q->db) == 0)
		sqlite3_exec(q->db, "COMMIT", NULL, NULL, NULL);
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
	if (r->status == WF_NOTIFIED && from != WF_NOTIFIED)
		r->notified_at = now;
	if (r->status == WF_CLOSED && from != WF_CLOSED)
		r->closed_at = now;
	append(note, sizeof(note), "", args->note);

	if (queue_update_request(q, r) < 0 ||
	    queue_add_event(q, r->id, actor, action->roles & actor->roles,
			    action->name, workflow_status_key(from),
			    workflow_status_key(r->status), note, now) < 0 ||
	    queue_commit(q) < 0)
		goto fail;
	free(r);
	return 0;
fail:
	queue_rollback(q);
out:
	free(r);
	return -1;
}

int queue_poll_changed(struct queue *q, bool *changed)
{
	int64_t v;

	if (data_version(q, &v) < 0)
		return -1;
	*changed = !q->dv_valid || v != q->data_version;
	q->data_version = v;
	q->dv_valid = true;
	return 0;
}
