/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Noticing another process's commit to the queue database without polling
 * it: inotify on the database's `-wal` file (IN_MODIFY: every commit
 * appends frames to it) and on its folder (IN_CREATE of the `-wal` name,
 * which re-arms the file's watch after the last connection deleted it;
 * IN_ATTRIB, IN_DELETE and renames of the database file itself, such as a
 * chmod, which mean "check that it is still usable").  An event is only a
 * hint: the caller confirms it with queue_poll_changed() (data_version).
 *
 * SQLite writes the WAL frames before it updates the shared WAL index, so
 * a check made right after the last write may still see the old version.
 * After each hint the watcher therefore asks for a few follow-up checks
 * (5, 20, 50 and 250 ms, then 1 s later: a commit's WAL index is
 * usually current within a few ms), then sleeps again: nothing wakes while
 * nothing is written.  Where inotify is unavailable (or the folder is
 * missing) it falls back to a slow poll (every DBWATCH_FALLBACK_MS), and
 * tries inotify again at each poll.  No threads; one owner.
 */
#ifndef PPID_DBWATCH_H
#define PPID_DBWATCH_H

#include <stdbool.h>
#include <stdint.h>

#define DBWATCH_FALLBACK_MS 2000 /* the poll when inotify is missing */

/* What dbwatch_read() saw (a bit set). */
enum dbwatch_what {
	DBWATCH_DATA = 1 << 0,	   /* the WAL changed: check data_version */
	DBWATCH_FILE = 1 << 1,	   /* the database file's mode, name or
				  existence changed: check it is usable */
	DBWATCH_REPLACED = 1 << 2, /* a file was created, moved or deleted
				      under the database's name: an open
				      connection may hold the old one */
};

struct dbwatch;

/**
 * Watch the database at @p db_path (the file need not exist yet; its
 * folder must).
 * @param db_path The database file.
 * @param now_ms  CLOCK_MONOTONIC milliseconds.
 * @return The watcher (close with dbwatch_close()), or NULL with errno
 *         ENOMEM or ENAMETOOLONG.  When inotify cannot be used the watcher
 *         still works, by the slow poll (dbwatch_is_polling()).
 */
struct dbwatch *dbwatch_open(const char *db_path, int64_t now_ms);

/** Close the watcher; NULL is harmless. */
void dbwatch_close(struct dbwatch *w);

/** The fd to poll for POLLIN (borrowed), or -1 in the fallback mode. */
int dbwatch_get_fd(const struct dbwatch *w);

/** true when inotify is unavailable and the watcher polls. */
bool dbwatch_is_polling(const struct dbwatch *w);

/**
 * Milliseconds until a follow-up check (or the fallback poll) is due, 0 if
 * due now, -1 when nothing is due (inotify idle).
 */
int dbwatch_timeout_ms(const struct dbwatch *w, int64_t now_ms);

/**
 * Take what happened: the inotify events waiting on the fd, and the
 * follow-up check or fallback poll that is due.  Never blocks.  Call it
 * after every poll().
 * @return A bit set of enum dbwatch_what (0 = nothing to check).
 */
unsigned dbwatch_read(struct dbwatch *w, int64_t now_ms);

#endif
