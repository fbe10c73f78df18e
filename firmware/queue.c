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

/* W_OK for this process's effective ids and capabilities (AT_EACCESS):
 * what a new open would get. */
static int probe_access(struct queue *q, const char *what, const char *path)
{
	if (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0)
		return 0;
	return queue_set_err(q,
			     errno == EACCES || errno == EROFS || errno == EPERM
				 ? QUEUE_ERR_READONLY
				 : QUEUE_ERR_IO,
			     "%s: %s is not writable: %s", q->path, what,
			     strerror(errno));
}

int queue_probe_write(struct queue *q)
{
	char dir[sizeof(q->path)];
	char *slash;

	snprintf(dir, sizeof(dir), "%s", q->path);
	slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if (probe_access(q, "the file", q->path) < 0 ||
	    probe_access(q, "its folder", dir) < 0)
		return -1;
	if (sqlite3_db_readonly(q->db, "main") == 1)
		return queue_set_err(q, QUEUE_ERR_READONLY,
				     "%s: opened read-only (the file or its "
				     "folder is read-only for this user)",
				     q->path);
	if (queue_begin(q) < 0)
		return -1;
	queue_rollback(q);
	return 0;
}
