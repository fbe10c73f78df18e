/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The office's reports computed as data (SOP steps 6-8, Perki 1/2021): the
 * request register, the daily service data, the monthly and yearly
 * figures, and the activity and assignment matrix.  Everything comes from
 * the workflow's own statuses and decisions and the append-only events,
 * working days from the calendar.  Read-only.  report_doc.h turns a report
 * into tables for people (text, CSV, PDF).
 *
 * Definitions (the reports print them too):
 *  - a request belongs to a period by the WIB date it was received;
 *  - a decision belongs to the period of its "decide" or "exclude" event
 *    (exclude = rejected under Pasal 17); working days to decision count
 *    from the request's first counting day, as its deadline does;
 *  - overdue: a deadline in force that fell in the period, has passed, and
 *    was not met by the written notification ("notify");
 *  - objections: always 0, the objection procedure is not in this system.
 */
#ifndef PPID_REPORT_H
#define PPID_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "calendar.h"
#include "queue.h"
#include "report_words.h"
#include "request.h"
#include "workflow.h"

#define REPORT_MAX_BUCKETS 12 /* weeks of a month, months of a year */
#define REPORT_N_DECISIONS (WF_DECISION_NOT_HELD + 1)
#define REPORT_LOGIN_MAX   64
#define REPORT_TOPICS	   5 /* words listed (report_words.h) */

/* The action names of office events that concern no single request. */
#define REPORT_ACTION_SUPERVISE "supervise"	  /* Kasubbag, daily */
#define REPORT_ACTION_HANDOVER	"report-handover" /* monthly report given */
#define REPORT_ACTION_PRINT	"report-print"	  /* a report was printed */

enum report_kind {
	REPORT_REGISTER = 0, /* the request register */
	REPORT_DAILY,	     /* the daily service data */
	REPORT_MONTHLY,	     /* the monthly report to the Kabag */
	REPORT_YEARLY,	     /* the annual report (Perki 1/2021) */
	REPORT_MATRIX,	     /* activity and assignment matrix */
	REPORT_KIND_COUNT,
};

/** One request as a line of the register (strings malloc()ed, owned). */
struct report_entry {
	char regno[REQ_REGNO_MAX]; /* registration number */
	struct date received;	   /* WIB date received */
	enum req_channel channel;  /* how it came */
	char *name;		   /* requester */
	char *address;		   /* address */
	char *occupation;	   /* occupation, may be "" */
	char *phone;		   /* phone, may be "" */
	char *email;		   /* email, may be "" */
	char *info;		   /* information requested */
	char *purpose;		   /* purpose of use */
	char *holder;		   /* who holds it (not held), or "" */
	enum req_obtain obtain;	   /* view / softcopy / hardcopy */
	enum wf_status status;	   /* status now */
	enum wf_decision decision; /* decision, or NONE */
	char basis[32];		   /* Pasal 17 letters, "b,h" */
	time_t notified_at;	   /* written notification, 0 = not yet */
	struct date due;	   /* deadline in force */
	bool extended;		   /* extended once */
};

/** Who did something that concerns the office, not one request. */
struct report_mark {
	bool done;		   /* there is such an event */
	char by[REPORT_LOGIN_MAX]; /* login of the first one */
	time_t at;		   /* its time, UTC */
	char note[256];		   /* its note */
};

/** One cell of the matrix: one login, role and action on one day. */
struct report_action {
	struct date day;	      /* WIB day */
	char actor[REPORT_LOGIN_MAX]; /* login */
	char role[16];		      /* role key recorded */
	char action[32];	      /* action name */
	int count;		      /* how many times */
	char *regnos;		      /* requests, ", " between; malloc() */
};

/** A request still open at the end of a day. */
struct report_open {
	char regno[REQ_REGNO_MAX]; /* registration number */
	enum wf_status status;	   /* status at the end of the day */
	struct date due;	   /* deadline in force then */
	bool extended;		   /* extended by then */
	int left;		   /* working days to the deadline (<0 late) */
};

/** A call to the desk. */
struct report_call {
	time_t at;			 /* pressed, UTC */
	enum queue_call_kind kind;	 /* button, screen, pickup */
	char regno[REQ_REGNO_MAX];	 /* pickup: the request */
	time_t acked_at;		 /* 0 = never acknowledged */
	char acked_by[REPORT_LOGIN_MAX]; /* login */
};

/** A print job that did not print. */
struct report_incident {
	time_t at;		    /* last change, UTC */
	char regno[REQ_REGNO_MAX];  /* its request */
	char document[16];	    /* receipt, notification */
	enum queue_job_state state; /* failed or cancelled */
	char reason[256];	    /* why, in words */
};

/** Figures of a period (monthly and yearly, and part of the daily). */
struct report_stats {
	int received;			     /* requests received */
	int by_channel[REQ_CHANNEL_COUNT];   /* ... per channel */
	int decided;			     /* decisions taken */
	int by_decision[REPORT_N_DECISIONS]; /* ... per decision */
	int by_basis[10];		     /* rejections citing Pasal 17
						letter a..j (one may cite
						several) */
	int days_n;			     /* decisions with a duration */
	double days_mean;		     /* working days to decision */
	double days_median;		     /* ... median */
	int days_max;			     /* ... maximum */
	int extensions;			     /* extensions granted */
	int overdue;			     /* deadlines missed (see top) */
	int open_end;			     /* open at the end of the period */
	int calls;			     /* calls to the desk */
	int calls_acked;		     /* ... acknowledged */
	double ack_mean_s;		     /* seconds to acknowledge, mean */
	long ack_max_s;			     /* ... maximum */
	int objections;			     /* always 0 (no procedure yet) */
	int workdays;			     /* working days in the period */
	int holidays;			     /* weekday holidays in it */
	int n_buckets;			     /* weeks (month) or months */
	struct date bucket_from[REPORT_MAX_BUCKETS]; /* first day of each */
	struct date bucket_to[REPORT_MAX_BUCKETS];   /* last day of each */
	int bucket[REPORT_MAX_BUCKETS][REQ_CHANNEL_COUNT]; /* received */
};

/** A computed report.  Free with report_free(). */
struct report {
	enum report_kind kind;	   /* which report */
	struct date from, to;	   /* the period, WIB, both included */
	struct date today;	   /* when it was made (overdue counts to it) */
	struct report_stats stats; /* figures of the period */

	struct report_entry *entries; /* register: received in the period */
	size_t n_entries;	      /* entries used */

	struct report_action *actions; /* daily, matrix: actions by whom */
	size_t n_actions;	       /* actions used */

	struct report_open *open; /* daily: open at the end of the day */
	size_t n_open;		  /* entries used */
	int n_overdue;		  /* daily: of them past their deadline */

	struct report_call *calls; /* daily: the day's calls */
	size_t n_calls;		   /* entries used */

	struct report_incident *incidents; /* daily: printer incidents */
	size_t n_incidents;		   /* entries used */

	struct report_mark supervised;	/* daily: the Kasubbag's supervision */
	struct report_mark handed_over; /* monthly: report handed to the
					   Kabag */

	struct report_word topics[REPORT_TOPICS]; /* monthly, yearly: the
						     words most used in the
						     information requested
						     (by 2 or more) */
	size_t n_topics;			  /* entries used */
};

/** Key of a kind ("register", "daily", ...); NULL if out of range. */
const char *report_kind_key(enum report_kind kind);

/** The kind named @p key. @return 0, or -1 (errno EINVAL). */
int report_kind_parse(const char *key, enum report_kind *kind);

/**
 * The period of a kind: daily one day, monthly the month of @p from,
 * yearly its year; register and matrix [@p from, @p to] as given.
 * @return 0, or -1 (errno EINVAL) when @p to is before @p from.
 */
int report_period(enum report_kind kind, struct date from, struct date to,
		  struct date *out_from, struct date *out_to);

/**
 * Compute a report of @p kind over [@p from, @p to] (see report_period(),
 * applied here) from @p q, in one read snapshot.
 * @param cal   the office's calendar (holidays loaded)
 * @param today the office's date now: overdue counts up to it
 * @param out   receives the report (free with report_free())
 * @return 0, or -1 (queue_errmsg(q) says why; errno ENOMEM / EINVAL).
 */
int report_build(struct queue *q, const struct calendar *cal,
		 enum report_kind kind, struct date from, struct date to,
		 struct date today, struct report **out);

/** Free a report; NULL is harmless. */
void report_free(struct report *r);

/**
 * Whether the Kasubbag supervised @p day (SOP step 7): the event
 * queue_supervise() recorded for that day (action REPORT_ACTION_SUPERVISE,
 * no request, its note beginning "YYYY-MM-DD"), made on any day.
 * @return 0 (out->done tells), or -1 (queue_errmsg()).
 */
int report_supervision(struct queue *q, struct date day,
		       struct report_mark *out);

/**
 * Whether the monthly report of @p year / @p month was handed to the
 * Kabag (SOP step 8): the event queue_report_handover() recorded for that
 * month (action REPORT_ACTION_HANDOVER, no request, its note beginning
 * "YYYY-MM").
 * @return 0 (out->done tells), or -1 (queue_errmsg()).
 */
int report_handover(struct queue *q, int year, int month,
		    struct report_mark *out);

/** Median of @p n values (sorted in place); 0 for none. */
double report_median(int *v, size_t n);

#endif
