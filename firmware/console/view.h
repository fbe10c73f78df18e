/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the console shows of the register, as data: a list row (the columns
 * of `list`), the detail of one request (every field, the ID masked, the
 * deadline in working days with the holidays counted, the history), the
 * calls and the print jobs.  `list`, `show` and the TUI render these; none
 * of them computes a deadline or masks an ID itself.
 */
#ifndef PPID_CONSOLE_VIEW_H
#define PPID_CONSOLE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "calendar.h"
#include "queue.h"
#include "request.h"

/* How a request stands against its deadline. */
enum view_due {
	VIEW_DUE_DONE = 0, /* notified: the deadline was met */
	VIEW_DUE_OPEN,	   /* running, more than VIEW_SOON_DAYS left */
	VIEW_DUE_SOON,	   /* running, VIEW_SOON_DAYS working days or less */
	VIEW_DUE_OVERDUE,  /* past the deadline in force */
};

#define VIEW_SOON_DAYS 2 /* "due soon": this many working days or fewer */

/** One request as a row of the list. */
struct view_row {
	int64_t id;			  /* request row id */
	char regno[REQ_REGNO_MAX];	  /* registration number */
	time_t received_at;		  /* UTC */
	char received[32];		  /* "2026-11-02 09:15 WIB" */
	enum req_channel channel;	  /* how it arrived */
	char name[REQ_BUF(REQ_NAME_MAX)]; /* requester, raw UTF-8 */
	enum wf_status status;		  /* where it is */
	struct date deadline;		  /* the original deadline */
	bool extended;			  /* extended once */
	struct date extended_deadline;	  /* valid when extended */
	struct date due;		  /* the deadline in force */
	char due_text[16];		  /* due as "YYYY-MM-DD" */
	enum view_due due_state;	  /* done, open, soon, overdue */
	int left;			  /* working days to due (< 0:
						  past) */
	bool overdue;			  /* request_overdue() today */
	enum wf_decision decision;	  /* or NONE */
	const char *info; /* information requested, borrowed from the
			     request it was filled from: NULL in the rows of
			     view_rows_load() */
};

/** A holiday that falls inside a request's counting period. */
struct view_holiday {
	struct date day; /* the day (a weekday) */
	char *name;	 /* what it is, owned (malloc) */
};

/** One event of a request's history; strings owned (malloc). */
struct view_event {
	time_t at;     /* UTC */
	char *actor;   /* login */
	char *role;    /* role key */
	char *action;  /* "submit", "forward", ... */
	char *from;    /* status before, or "" */
	char *to;      /* status after, or "" */
	char *note;    /* free text, or "" */
	bool dev_mode; /* made in development mode */
};

/**
 * One request in full, read in one snapshot.  Holds personal data: release
 * with view_detail_free(), which wipes it.
 */
struct view_detail {
	struct request req;  /* every field as stored */
	struct view_row row; /* the list's columns, due, left */
	char id_shown[REQ_BUF(REQ_ID_MAX) + 32]; /* masked (or revealed) */
	size_t n_holidays;			 /* entries in holidays */
	struct view_holiday *holidays;		 /* counted holidays, owned */
	size_t n_events;			 /* entries in events */
	struct view_event *events; /* history, oldest first, owned */
};

/** One call to the desk. */
struct view_call {
	int64_t id;		   /* call row id */
	time_t at;		   /* pressed, UTC */
	enum queue_call_kind kind; /* button, screen, pickup */
	char source[16];	   /* the kind's key */
	int64_t request_id;	   /* pickup: the request */
	char regno[REQ_REGNO_MAX]; /* pickup: its number, else "" */
	time_t acked_at;	   /* 0 = waiting */
	char acked_by[64];	   /* login, or "" */
};

/** One print job. */
struct view_job {
	int64_t id;		    /* job row id */
	char regno[REQ_REGNO_MAX];  /* the request's number */
	char document[16];	    /* "receipt" or "notification" */
	enum queue_job_state state; /* where it is */
	int cups_job;		    /* CUPS job id, 0 = none */
	char reason[256];	    /* last fault, or "" */
	time_t updated_at;	    /* last change, UTC */
};

/**
 * Fill @p row from @p r: the texts of the columns and where it stands
 * against its deadline on @p today, counted in working days on @p cal.
 */
void view_row_fill(struct view_row *row, const struct request *r,
		   const struct calendar *cal, struct date today);

/**
 * Read request @p regno, its counted holidays and its history in one
 * snapshot of @p q into @p d (zeroed first).  With @p reveal the ID is
 * shown in full, else masked; "(acting for someone else)" follows it for
 * a proxy.  The caller checks and records a reveal before.
 * @return 0, or -1 with queue_errmsg(q) saying why (NOTFOUND, ...); @p d
 *         is then empty (safe to free).
 */
int view_detail_load(struct queue *q, const char *regno,
		     const struct calendar *cal, struct date today, bool reveal,
		     struct view_detail *d);

/** Wipe and release what @p d holds; an empty or freed one is harmless. */
void view_detail_free(struct view_detail *d);

/**
 * Rows of the requests matching @p f (newest first), at most @p max.
 * @param rows receives a malloc'd array (free with view_rows_free()), or
 *        NULL when there are none.
 * @return the number of rows, or -1 (queue_errmsg(q); ENOMEM).
 */
long view_rows_load(struct queue *q, const struct queue_filter *f,
		    const struct calendar *cal, struct date today, size_t max,
		    struct view_row **rows);

/** Wipe and free rows of view_rows_load(); NULL is harmless. */
void view_rows_free(struct view_row *rows, size_t n);

/**
 * Calls, newest first (pending ones only with @p pending_only), at most
 * @p max, into a malloc'd array (free()).  @return the count, or -1.
 */
long view_calls_load(struct queue *q, bool pending_only, size_t max,
		     struct view_call **calls);

/** Print jobs, newest first, at most @p max (free()). @return count, -1. */
long view_jobs_load(struct queue *q, size_t max, struct view_job **jobs);

/** Whether @p row's status is one the "new requests" view shows. */
bool view_row_is_new(const struct view_row *row);

/** Whether @p row is under way: open, and no longer new. */
bool view_row_in_progress(const struct view_row *row);

/** Whether @p row is due soon or overdue (open rows only). */
bool view_row_is_urgent(const struct view_row *row);

/**
 * Whether @p row matches @p needle: a part of its registration number or
 * of its name, ASCII letters compared without case ("dewi" finds "Dewi",
 * not "Déwi"); an empty needle matches everything.
 */
bool view_row_matches(const struct view_row *row, const char *needle);

#endif
