/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The queue store: the request register in one SQLite file shared by the
 * kiosk and the console (WAL, foreign keys, busy timeout, STRICT tables,
 * migrations from sql/ applied at open).  Every write is one BEGIN IMMEDIATE
 * transaction with synchronous=FULL, so what a caller was told is committed
 * survives a power cut.  One struct queue is one connection: use it from one
 * thread at a time.
 */
#ifndef PPID_QUEUE_H
#define PPID_QUEUE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "calendar.h"
#include "request.h"
#include "text.h"
#include "workflow.h"

struct queue;

enum queue_err {
	QUEUE_OK = 0,	    /* no error */
	QUEUE_ERR_BUSY,	    /* another program held the database too long */
	QUEUE_ERR_READONLY, /* the file or its folder is read-only */
	QUEUE_ERR_FULL,	    /* the disk is full */
	QUEUE_ERR_CORRUPT,  /* not a database, or damaged */
	QUEUE_ERR_IO,	    /* cannot open or read the file */
	QUEUE_ERR_NOTFOUND, /* no such request */
	QUEUE_ERR_REFUSED,  /* the workflow refused the action */
	QUEUE_ERR_INVALID,  /* bad input (see the message) */
	QUEUE_ERR_VERSION,  /* the database is newer than this program */
	QUEUE_ERR_OTHER,    /* anything else; see the message */
};

struct queue_options {
	const char *path;	   /* database file */
	bool create;		   /* create it (and the schema) if missing */
	bool readonly;		   /* open read-only (reports, watchers) */
	int busy_timeout_ms;	   /* wait this long for the write lock */
	const char *number_format; /* registration number template */
	const char *prefix;	   /* office prefix for the template */
	int open_min, close_min;   /* office hours, minutes after midnight */
};

/** Who is acting: the OS login and the roles the configuration gives it. */
struct queue_actor {
	const char *login; /* OS login, or "kiosk" */
	unsigned roles;	   /* bit set of enum wf_role */
	bool dev_mode;	   /* no configuration file: recorded in events */
};

struct queue_event {
	int64_t id;	    /* event row id, increasing */
	int64_t request_id; /* 0 when it concerns no single request */
	const char *regno;  /* the request's number, or "" */
	time_t at;	    /* UTC */
	const char *actor;  /* login */
	const char *role;   /* role key used */
	const char *action; /* "submit", "forward", "call", ... */
	const char *from;   /* status before, or "" */
	const char *to;	    /* status after, or "" */
	const char *note;   /* free text, or "" */
	bool dev_mode;	    /* made without a configuration file */
};

struct queue_filter {
	int status;	   /* enum wf_status, or -1 for any */
	bool open_only;	   /* workflow_status_open(): not yet notified */
	bool overdue_only; /* past the deadline in force */
	struct date today; /* for overdue */
	int limit;	   /* 0 = no limit */
};

struct queue_holiday {
	struct date day;    /* the day */
	const char *kind;   /* "national", "leave", "office" */
	const char *name;   /* what it is */
	const char *source; /* the decree it comes from */
};

/* What made a call (calls.kind). */
enum queue_call_kind {
	QUEUE_CALL_BUTTON = 0, /* the GPIO push button */
	QUEUE_CALL_SCREEN,     /* the call key on the touchscreen */
	QUEUE_CALL_PICKUP,     /* a visitor waits to collect a request's
				  documents (the call names the request) */
	QUEUE_CALL_KIND_COUNT, /* number of kinds */
};

struct queue_call {
	int64_t id;		   /* row id */
	time_t at;		   /* pressed, UTC */
	const char *source;	   /* the kind's key: "button", "screen",
				      "pickup" */
	enum queue_call_kind kind; /* the kind */
	int64_t request_id;	   /* PICKUP: the request, else 0 */
	const char *regno;	   /* PICKUP: its number, else "" */
	time_t acked_at;	   /* 0 = not yet */
	const char *acked_by;	   /* login, or "" */
};

/* Callbacks get borrowed pointers valid during the call; return non-zero
 * to stop the iteration. */
typedef int (*queue_request_cb)(const struct request *req, void *ctx);
typedef int (*queue_event_cb)(const struct queue_event *ev, void *ctx);
typedef int (*queue_holiday_cb)(const struct queue_holiday *h, void *ctx);
typedef int (*queue_call_cb)(const struct queue_call *c, void *ctx);

/**
 * Open (and with opt->create, create) the database and bring its schema up
 * to date.  On failure @p *out is NULL, a message naming the file goes into
 * @p err, and the error class is returned.
 * @return QUEUE_OK or an error class.  Close with queue_close().
 */
enum queue_err queue_open(const struct queue_options *opt, struct queue **out,
			  char *err, size_t errlen);

/** Close the connection; NULL is a no-op. */
void queue_close(struct queue *q);

/** The last error's message (borrowed, valid until the next call). */
const char *queue_errmsg(const struct queue *q);

/** The last error's class. */
enum queue_err queue_errcode(const struct queue *q);

/** Schema version of the open database. */
int queue_schema_version(struct queue *q);

/**
 * Register a request: validate it, allocate the next registration number of
 * its year, compute its deadline, insert it with its "submit" event and,
 * with @p print_receipt, a queued receipt print job, all in one transaction.
 * On success @p req's office fields (id, regno, token, status, dates) are
 * filled.  @p now is the current time; req->received_at REQ_RECEIVED_NOW
 * (request_init()'s default) means now, any other value is taken as given
 * (and refused before REQ_RECEIVED_FLOOR).  req->regime must be ordinary
 * or election; the submitter needs WF_PERM_SUBMIT (workflow_may()).
 * @return 0, or -1 (queue_errcode(): INVALID with the first field problem
 *         in the message, BUSY, READONLY, FULL, ...).
 */
int queue_submit(struct queue *q, struct request *req,
		 const struct queue_actor *actor, bool print_receipt,
		 time_t now);

/** Read one request by registration number. @return 0, or -1 (NOTFOUND). */
int queue_get(struct queue *q, const char *regno, struct request *out);

/** Read one request by row id. @return 0, or -1 (NOTFOUND). */
int queue_get_by_id(struct queue *q, int64_t id, struct request *out);

/** Call @p cb for each request matching @p f, newest first. */
int queue_list(struct queue *q, const struct queue_filter *f,
	       queue_request_cb cb, void *ctx);

/**
 * Take an SOP action on a request.  The workflow decides (workflow_check()
 * with the request's original deadline and @p now's WIB date, so a late
 * extend is refused); on success the request changes and an event is
 * appended in one transaction.  A request whose status or decision this
 * program does not know is never written.
 * @param refusal set to the workflow's reason when it refuses (REFUSED)
 * @return 0, or -1.
 */
int queue_act(struct queue *q, const char *regno, const char *action,
	      const struct wf_args *args, const struct queue_actor *actor,
	      time_t now, const struct text **refusal);

/**
 * Append an event that changes no request (an ID revealed to a person), in
 * a short transaction of its own, so that it is on record before the caller
 * acts on it.  @p role is the role that allowed it; @p request_id 0 = none.
 * @return 0, or -1.
 */
int queue_record(struct queue *q, int64_t request_id, const char *action,
		 const char *note, const struct queue_actor *actor,
		 unsigned role, time_t now);

/**
 * Hold one read snapshot across several reads (a request, its holidays and
 * its history seen at one instant): queue_read_begin() ... queue_read_end().
 * @return 0, or -1.
 */
int queue_read_begin(struct queue *q);

/** End the snapshot of queue_read_begin(). */
void queue_read_end(struct queue *q);

/** A request's history, oldest first. */
int queue_history(struct queue *q, int64_t request_id, queue_event_cb cb,
		  void *ctx);

/** Every event after @p after_id, oldest first (for watchers). */
int queue_events_after(struct queue *q, int64_t after_id, queue_event_cb cb,
		       void *ctx);

/** The newest event id (0 when none). */
int queue_last_event_id(struct queue *q, int64_t *id);

/**
 * Cheap change detection (PRAGMA data_version): sets @p changed when
 * another connection committed since the previous call on this connection.
 * The first call reports a change.
 */
int queue_poll_changed(struct queue *q, bool *changed);

/** Key of a call kind ("button", "screen", "pickup"), NULL if out of
 *  range. */
const char *queue_call_kind_key(enum queue_call_kind kind);

/** The kind named @p key. @return 0, or -1 (EINVAL) for an unknown key. */
int queue_call_kind_parse(const char *key, enum queue_call_kind *kind);

/**
 * Record a call to the desk (the call button, the screen's call key, or a
 * visitor waiting to collect documents) with its "call" event, in one
 * transaction.  The event's note is the kind's key; for a pickup it is
 * "pickup <regno>" and the event belongs to the request, so its history
 * and `ppid-console watch` name who is waiting for what.
 * @param kind       What made the call.
 * @param request_id PICKUP: the request (must exist); other kinds: 0.
 * @param id         Receives the call's row id; may be NULL.
 * @return 0, or -1 (INVALID: a pickup without an existing request, or a
 *         request id with another kind; BUSY, READONLY, FULL, ...).
 */
int queue_call_add(struct queue *q, enum queue_call_kind kind,
		   int64_t request_id, time_t now, int64_t *id);

/** Acknowledge a call (needs WF_PERM_ACK_CALL, else REFUSED);
 *  @return -1 (NOTFOUND) if no such unacknowledged call. */
int queue_call_ack(struct queue *q, int64_t id, const struct queue_actor *actor,
		   time_t now);

/** Calls, newest first; with @p pending_only only unacknowledged ones. */
int queue_calls(struct queue *q, bool pending_only, int limit, queue_call_cb cb,
		void *ctx);

/** Load every holiday into @p cal (cleared first). */
int queue_load_calendar(struct queue *q, struct calendar *cal);

/** Holidays of @p year (0 = all), in date order. */
int queue_holidays(struct queue *q, int year, queue_holiday_cb cb, void *ctx);

/**
 * Add holidays in one transaction and recompute the deadlines of requests
 * that are still open (an event is appended for each one that moves).
 * Needs WF_PERM_HOLIDAYS.
 * @return 0, or -1 (INVALID for a bad kind, REFUSED for the role, nothing
 *         written).
 */
int queue_holidays_add(struct queue *q, const struct queue_holiday *h, size_t n,
		       const struct queue_actor *actor, time_t now);

/* ---- SOP steps 7 and 8: the Kasubbag's records (queue_records.c) -------- */

/**
 * Record the daily supervision (SOP step 7): office day @p day has been
 * reviewed, with @p note (required: what was looked at, what is to be
 * done).  One per day: a second one for the same day is refused (REFUSED,
 * the message names who reviewed it and when); a correction is a new
 * `supervise` on another day or a request's note, never an edit.  The
 * event (action "supervise", no request, note "YYYY-MM-DD: @p note")
 * carries the login and role.  Needs WF_PERM_SUPERVISE.
 * @return 0, or -1 (REFUSED for the role or a day already reviewed,
 *         INVALID for a day after today (WIB) or a bad note).
 */
int queue_supervise(struct queue *q, struct date day, const char *note,
		    const struct queue_actor *actor, time_t now);

/**
 * Record that the monthly report of @p year / @p month was handed to the
 * Kabag (SOP step 8), with an optional @p note (NULL or "").  One per
 * month, refused again as queue_supervise() is; a month after the current
 * one is INVALID.  The event: action "report-handover", note "YYYY-MM" or
 * "YYYY-MM: @p note".  Needs WF_PERM_REPORT.
 * @return 0, or -1.
 */
int queue_report_handover(struct queue *q, int year, int month,
			  const char *note, const struct queue_actor *actor,
			  time_t now);

/**
 * The office's own events (no request) of @p action ("supervise",
 * "report-handover") whose note starts with @p prefix ("2026-12", ""
 * = all), oldest first.
 */
int queue_office_events(struct queue *q, const char *action, const char *prefix,
			queue_event_cb cb, void *ctx);

/** A request's hand-over of its information (the "handover" action). */
struct queue_handover {
	int64_t event_id; /* the handover event, 0 = none */
	time_t at;	  /* when, UTC */
	char actor[64];	  /* the login that handed it over */
	char form[16];	  /* a workflow_form_key() ("usb") */
	char given[1024]; /* what was given, as typed */
};

/**
 * The newest handover of request @p request_id (for the data receipt).
 * @return 1 with @p out filled, 0 when it has none, -1 on error.
 */
int queue_last_handover(struct queue *q, int64_t request_id,
			struct queue_handover *out);

/* ---- print jobs ---------------------------------------------------------- */

enum queue_job_state {
	QUEUE_JOB_QUEUED = 0, /* waiting to be sent */
	QUEUE_JOB_SENT,	      /* accepted by CUPS, not yet printing */
	QUEUE_JOB_PRINTING,   /* being printed */
	QUEUE_JOB_DONE,	      /* completed */
	QUEUE_JOB_FAILED,     /* the printer could not print it */
	QUEUE_JOB_CANCELLED,  /* cancelled (too late, or by staff) */
	QUEUE_JOB_STATE_COUNT,
};

struct queue_job {
	int64_t id;		    /* row id */
	int64_t request_id;	    /* the request it belongs to */
	const char *regno;	    /* its registration number */
	const char *document;	    /* "receipt", "notification" or
				       "data_receipt" */
	const char *printer;	    /* CUPS destination, "" = default */
	int cups_job;		    /* CUPS job id, 0 = none yet */
	enum queue_job_state state; /* where it is */
	const char *reason;	    /* last fault in words, or "" */
	time_t created_at;	    /* queued, UTC */
	time_t updated_at;	    /* last change, UTC */
};

typedef int (*queue_job_cb)(const struct queue_job *job, void *ctx);

/** Key of a job state ("queued", ...), NULL if out of range. */
const char *queue_job_state_key(enum queue_job_state s);

/** Queue a document for printing; @p id receives the job's row id. */
int queue_job_add(struct queue *q, int64_t request_id, const char *document,
		  const char *printer, time_t now, int64_t *id);

/**
 * Record a job's progress.  @p cups_job 0 keeps the stored value; @p reason
 * NULL keeps it too.  Each change of state is a short transaction of its own.
 */
int queue_job_update(struct queue *q, int64_t id, enum queue_job_state state,
		     int cups_job, const char *reason, time_t now);

/** Jobs, newest first; @p state -1 = any; @p limit 0 = all. */
int queue_jobs(struct queue *q, int state, int limit, queue_job_cb cb,
	       void *ctx);

/**
 * Whether the database can take a write now, without writing: the file and
 * its folder are writable for this process (an open connection may predate
 * a chmod or a read-only remount) and the write lock can be taken (BEGIN
 * IMMEDIATE, then ROLLBACK).  A full disk shows only when a write fails.
 * @return 0, or -1 (READONLY, BUSY, IO, CORRUPT, ...; see queue_errmsg()).
 */
int queue_probe_write(struct queue *q);

/** Run PRAGMA integrity_check; @p ok tells the verdict, @p msg the text. */
int queue_integrity_check(struct queue *q, bool *ok, char *msg, size_t len);

#endif
