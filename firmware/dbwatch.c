// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The database change watcher: inotify on the -wal file and its folder,
 * with follow-up checks after each hint and a slow poll without inotify.
 */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "dbwatch.h"
#include "log.h"

#define DIR_MASK                                                               \
	(IN_CREATE | IN_MOVED_TO | IN_ATTRIB | IN_DELETE | IN_MOVED_FROM)

/* Follow-up checks after a hint, ms after it (see dbwatch.h). */
static const int followup_ms[] = {5, 20, 50, 250, 1000};
#define N_FOLLOWUPS ((int)(sizeof(followup_ms) / sizeof(followup_ms[0])))

struct dbwatch {
	int fd;			     /* inotify, or -1: fallback poll */
	int wd_dir;		     /* the folder's watch */
	int wd_wal;		     /* the -wal file's watch, or -1 */
	char dir[PATH_MAX];	     /* the folder */
	char wal[PATH_MAX];	     /* the -wal file's path */
	const char *db_name;	     /* the database's name in dir */
	const char *wal_name;	     /* the -wal file's name in dir */
	char names[2][NAME_MAX + 1]; /* storage of the two names */
	int64_t hint_ms;	     /* the last hint, for follow-ups */
	int next_followup;	     /* index into followup_ms, or N = none */
	int64_t poll_at_ms;	     /* fallback: next poll */
};

static void arm_wal(struct dbwatch *w)
{
	if (w->wd_wal >= 0)
		return;
	w->wd_wal = inotify_add_watch(w->fd, w->wal, IN_MODIFY);
	if (w->wd_wal < 0 && errno != ENOENT)
		log_warn("%s: cannot watch: %s", w->wal, strerror(errno));
}

static void fall_back(struct dbwatch *w, const char *why, int64_t now_ms)
{
	log_warn("%s: no inotify (%s): looking for changes every %d ms", w->dir,
		 why, DBWATCH_FALLBACK_MS);
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
	w->poll_at_ms = now_ms + DBWATCH_FALLBACK_MS;
}

/* inotify on the folder and the -wal file; 0, or -1 with errno. */
static int setup_inotify(struct dbwatch *w)
{
	int saved;

	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0)
		return -1;
	w->wd_dir = inotify_add_watch(w->fd, w->dir, DIR_MASK);
	if (w->wd_dir < 0) {
		saved = errno;
		close(w->fd);
		w->fd = -1;
		errno = saved;
		return -1;
	}
	w->wd_wal = -1;
	arm_wal(w);
	return 0;
}

struct dbwatch *dbwatch_open(const char *db_path, int64_t now_ms)
{
	struct dbwatch *w;
	const char *slash = strrchr(db_path, '/');
	size_t dlen;

	if (strlen(db_path) + 5 > PATH_MAX) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	w->wd_dir = w->wd_wal = -1;
	w->next_followup = N_FOLLOWUPS;
	if (!slash) {
		snprintf(w->dir, sizeof(w->dir), ".");
		snprintf(w->names[0], sizeof(w->names[0]), "%s", db_path);
	} else {
		dlen = slash == db_path ? 1 : (size_t)(slash - db_path);
		snprintf(w->dir, sizeof(w->dir), "%.*s", (int)dlen, db_path);
		snprintf(w->names[0], sizeof(w->names[0]), "%s", slash + 1);
	}
	snprintf(w->names[1], sizeof(w->names[1]), "%.*s-wal",
		 (int)(sizeof(w->names[1]) - 5), w->names[0]);
	w->db_name = w->names[0];
	w->wal_name = w->names[1];
	snprintf(w->wal, sizeof(w->wal), "%s-wal", db_path);

	if (setup_inotify(w) < 0)
		fall_back(w, strerror(errno), now_ms);
	return w;
}

void dbwatch_close(struct dbwatch *w)
{
	if (!w)
		return;
	if (w->fd >= 0)
		close(w->fd);
	free(w);
}

int dbwatch_get_fd(const struct dbwatch *w)
{
	return w->fd;
}

bool dbwatch_is_polling(const struct dbwatch *w)
{
	return w->fd < 0;
}

static int64_t due_at(const struct dbwatch *w)
{
	if (w->fd < 0)
		return w->poll_at_ms;
	if (w->next_followup >= N_FOLLOWUPS)
		return -1;
	return w->hint_ms + followup_ms[w->next_followup];
}

int dbwatch_timeout_ms(const struct dbwatch *w, int64_t now_ms)
{
	int64_t at = due_at(w);

	if (at < 0)
		return -1;
	if (at <= now_ms)
		return 0;
	return at - now_ms > INT_MAX ? INT_MAX : (int)(at - now_ms);
}

/* One inotify event: what it means for the database. */
static unsigned event_what(struct dbwatch *w, const struct inotify_event *e)
{
	if (e->mask & IN_Q_OVERFLOW)
		return DBWATCH_DATA | DBWATCH_FILE | DBWATCH_REPLACED;
	if (e->wd == w->wd_wal) {
		if (e->mask & IN_IGNORED)
			w->wd_wal = -1; /* deleted: re-armed on IN_CREATE */
		return e->mask & IN_MODIFY ? DBWATCH_DATA : 0;
	}
	if (e->wd != w->wd_dir || !e->len)
		return 0;
	if (strcmp(e->name, w->wal_name) == 0) {
		if (e->mask & (IN_CREATE | IN_MOVED_TO)) {
			arm_wal(w);
			return DBWATCH_DATA;
		}
		return 0;
	}
	if (strcmp(e->name, w->db_name) == 0)
		return DBWATCH_FILE | DBWATCH_DATA |
		       (e->mask & IN_ATTRIB ? 0 : DBWATCH_REPLACED);
	return 0;
}

unsigned dbwatch_read(struct dbwatch *w, int64_t now_ms)
{
	char buf[4096]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	unsigned what = 0;
	int64_t at;
	ssize_t n;

	if (w->fd < 0) {
		if (now_ms < w->poll_at_ms)
			return 0;
		/* The folder may have appeared, or inotify come back. */
		if (setup_inotify(w) == 0)
			log_info("%s: watching for changes again", w->dir);
		w->poll_at_ms = now_ms + DBWATCH_FALLBACK_MS;
		return DBWATCH_DATA | DBWATCH_FILE;
	}
	while ((n = read(w->fd, buf, sizeof(buf))) > 0) {
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *e = (const void *)p;

			what |= event_what(w, e);
			p += sizeof(*e) + e->len;
		}
	}
	if (n < 0 && errno != EAGAIN && errno != EINTR)
		fall_back(w, strerror(errno), now_ms);
	if (what & DBWATCH_DATA) {
		/* A fresh hint restarts the follow-ups. */
		w->hint_ms = now_ms;
		w->next_followup = 0;
		return what;
	}
	at = due_at(w);
	if (at >= 0 && at <= now_ms) {
		while (w->next_followup < N_FOLLOWUPS &&
		       w->hint_ms + followup_ms[w->next_followup] <= now_ms)
			w->next_followup++;
		what |= DBWATCH_DATA;
	}
	return what;
}
