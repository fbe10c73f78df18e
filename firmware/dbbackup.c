// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The online backup of the queue database: see dbbackup.h.
 */

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dbbackup.h"

static void set_err(char *err, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, len, fmt, ap);
	va_end(ap);
}

/* Flush @p path's data, then its folder's entry. */
static int sync_file_and_dir(const char *path)
{
	char dir[PATH_MAX];
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = 0;

	if (fd < 0)
		return -1;
	if (fsync(fd) < 0)
		rc = -1;
	close(fd);
	snprintf(dir, sizeof(dir), "%s", path);
	fd = open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		/* Some file systems cannot sync a folder: not an error. */
		fsync(fd);
		close(fd);
	}
	return rc;
}

/* The copy's own check: "ok" from PRAGMA integrity_check. */
static int check_copy(sqlite3 *db, char *err, size_t len)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_exec(db, "PRAGMA journal_mode = DELETE", NULL, NULL,
			 NULL) != SQLITE_OK) {
		set_err(err, len, "cannot make the copy one file: %s",
			sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) !=
	    SQLITE_OK) {
		set_err(err, len, "cannot check the copy: %s",
			sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0)
		rc = 0;
	else
		set_err(err, len, "the copy fails its integrity check: %s",
			sqlite3_column_text(st, 0)
			    ? (const char *)sqlite3_column_text(st, 0)
			    : sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc;
}

/* Give the finished copy its name, never over an existing file: a hard
 * link where the file system has them, else a rename after a check. */
static int publish(const char *tmp, const char *dst)
{
	struct stat st;

	if (link(tmp, dst) == 0)
		return unlink(tmp);
	if (errno == EEXIST)
		return -1;
	if (lstat(dst, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(tmp, dst);
}

int dbbackup_copy(const char *src, const char *dst, int busy_timeout_ms,
		  struct dbbackup_result *res, char *err, size_t errlen)
{
	char tmp[PATH_MAX];
	sqlite3 *from = NULL, *to = NULL;
	sqlite3_backup *b;
	struct stat st;
	int fd, rc, saved = EIO;

	if (lstat(dst, &st) == 0) {
		set_err(err, errlen, "%s exists: a backup is never overwritten",
			dst);
		errno = EEXIST;
		return -1;
	}
	if (access(src, R_OK) < 0) {
		saved = errno;
		set_err(err, errlen, "%s: %s", src, strerror(errno));
		errno = saved;
		return -1;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.partial-%ld", dst, (long)getpid()) >=
	    (int)sizeof(tmp)) {
		set_err(err, errlen, "%s: name too long", dst);
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		saved = errno;
		set_err(err, errlen, "cannot create %s: %s", tmp,
			strerror(errno));
		errno = saved;
		return -1;
	}
	fchmod(fd, 0600);
	close(fd);

	rc = sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK) {
		set_err(err, errlen, "%s: %s", src,
			from ? sqlite3_errmsg(from) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_busy_timeout(from, busy_timeout_ms);
	rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		set_err(err, errlen, "%s: %s", tmp,
			to ? sqlite3_errmsg(to) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_busy_timeout(to, busy_timeout_ms);
	b = sqlite3_backup_init(to, "main", from, "main");
	if (!b) {
		set_err(err, errlen, "backup of %s: %s", src,
			sqlite3_errmsg(to));
		goto fail;
	}
	/* One step: one read transaction, so one snapshot (in WAL mode the
	 * kiosk goes on writing meanwhile).  A lock held by a writer is
	 * waited out through the busy timeout. */
	rc = sqlite3_backup_step(b, -1);
	if (res) {
		res->pages = sqlite3_backup_pagecount(b);
		res->page_size = 0;
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		set_err(err, errlen, "backup of %s: %s", src,
			sqlite3_errstr(rc));
		goto fail;
	}
	if (check_copy(to, err, errlen) < 0)
		goto fail;
	if (res) {
		sqlite3_stmt *ps;

		if (sqlite3_prepare_v2(to, "PRAGMA page_size", -1, &ps, NULL) ==
			SQLITE_OK &&
		    sqlite3_step(ps) == SQLITE_ROW)
			res->page_size = sqlite3_column_int(ps, 0);
		sqlite3_finalize(ps);
	}
	if (sqlite3_close(to) != SQLITE_OK) {
		to = NULL;
		set_err(err, errlen, "%s: cannot close the copy", tmp);
		goto fail;
	}
	to = NULL;
	sqlite3_close(from);
	from = NULL;
	if (sync_file_and_dir(tmp) < 0 || publish(tmp, dst) < 0) {
		saved = errno;
		set_err(err, errlen, "%s: %s", dst, strerror(errno));
		goto fail;
	}
	sync_file_and_dir(dst);
	return 0;
fail:
	sqlite3_close(to);
	sqlite3_close(from);
	unlink(tmp);
	errno = saved;
	return -1;
}
