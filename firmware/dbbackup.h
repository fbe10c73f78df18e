/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A consistent copy of the queue database while the kiosk keeps writing:
 * SQLite's online backup API (sqlite3_backup_*) reads one snapshot of the
 * source (in WAL mode a reader never blocks the writer), into a new file
 * beside the target, which is then made a single self-contained file
 * (journal_mode DELETE, no -wal), checked with PRAGMA integrity_check,
 * flushed to disk and only then given the target's name.  The copy holds
 * personal data: it is created 0600 (its maker and root) and an existing
 * file is never overwritten.
 */
#ifndef PPID_DBBACKUP_H
#define PPID_DBBACKUP_H

#include <stddef.h>

struct dbbackup_result {
	int pages;     /* pages copied */
	int page_size; /* bytes per page */
};

/**
 * Copy the database @p src to the new file @p dst.
 * @param busy_timeout_ms how long to wait for a lock held by a writer.
 * @param res filled on success (may be NULL).
 * @return 0, or -1 with errno set (EEXIST: @p dst exists; EIO: SQLite
 *         failed or the copy failed its check) and the reason, naming the
 *         file, in @p err.  Nothing is left under @p dst on failure.
 */
int dbbackup_copy(const char *src, const char *dst, int busy_timeout_ms,
		  struct dbbackup_result *res, char *err, size_t errlen);

#endif
