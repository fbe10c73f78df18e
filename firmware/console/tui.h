/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The staff console's full-screen face (ncursesw): the shared state of its
 * files.  tui.c runs the loop (stdin, the database's change signal, the
 * captured stderr, a print in a child), tui_data.c re-reads the views,
 * tui_draw.c draws cells, bars and the banner, tui_lists.c and
 * tui_detail.c are the views, tui_form.c the small forms, tui_act.c the
 * actions, tui_add.c the staff entry of a request, tui_records.c the Kasubbag's records (SOP 7, 8), tui_report.c the
 * reports' menu and pager.
 *
 * The alerts (alerts.h) share the TUI's connection, and with it the mark
 * of PRAGMA data_version: the loop reads that mark first at each wake-up
 * and hands a change on with alerts_refresh() (as it does after the
 * TUI's own writes, tui_wrote()), so both re-read.  A banner with a
 * call_id is acknowledged by 'a' (tui_act_ack()) and stays until then.
 */
#ifndef PPID_CONSOLE_TUI_H
#define PPID_CONSOLE_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "alerts.h"
#include "console.h"
#include "dbwatch.h"
#include "view.h"

/* The list views, in the order of their keys 1..5. */
enum tui_view {
	TUI_V_NEW = 0,	/* new requests (submitted) */
	TUI_V_PROGRESS, /* under way: forwarded .. notified */
	TUI_V_DUE,	/* due within VIEW_SOON_DAYS, or overdue */
	TUI_V_CALLS,	/* calls and collections */
	TUI_V_JOBS,	/* print jobs */
	TUI_V_COUNT,	/* number of list views */
};

/* Attributes of the drawing, colour or monochrome (tui_draw.c). */
enum tui_look {
	TUI_LOOK_NORMAL = 0, /* plain text */
	TUI_LOOK_BAR,	     /* title and help bars */
	TUI_LOOK_BANNER,     /* an alert */
	TUI_LOOK_SELECTED,   /* the row under the cursor */
	TUI_LOOK_OVERDUE,    /* past its deadline */
	TUI_LOOK_SOON,	     /* due soon, or a waiting call */
	TUI_LOOK_HEADER,     /* column headers, labels */
	TUI_LOOK_ERROR,	     /* a refusal or a fault */
	TUI_LOOK_OK,	     /* an action done */
	TUI_LOOK_COUNT,	     /* number of looks */
};

#define TUI_MAX_ROWS  2000 /* requests read per refresh (newest first) */
#define TUI_MAX_CALLS 100  /* calls read per refresh */
#define TUI_MAX_JOBS  100  /* print jobs read per refresh */

struct tui {
	struct console *c;	 /* the invocation: config, login, roles */
	struct queue *q;	 /* one read-write connection */
	struct calendar *cal;	 /* the holidays, for working days */
	struct dbwatch *dw;	 /* the database's change signal */
	struct alerts *alerts;	 /* the desk's alerts (a banner each) */
	struct tui_pager *pager; /* a report shown (tui_report.c), or NULL */
	int err_fd;		 /* read end of the captured stderr */
	int saved_stderr;	 /* the terminal's stderr, restored at exit */
	pid_t print_pid;	 /* a print running in a child, or 0 */
	int print_fd;		 /* its stdout+stderr, or -1 */
	char print_out[512];	 /* what it said so far */
	bool colour;		 /* has_colors(): else reverse / bold */
	bool quit;		 /* leave the loop */
	enum tui_view view;	 /* the list view shown (or under the
				   detail) */
	bool in_detail;		 /* the detail view is open */
	struct view_row *rows;	 /* every request read, newest first */
	size_t n_rows;		 /* entries in rows */
	size_t *shown;		 /* indexes into rows of this view */
	size_t n_shown;		 /* entries in shown */
	struct view_call *calls; /* recent calls, newest first */
	size_t n_calls;		 /* entries in calls */
	size_t n_pending;	 /* of which not yet acknowledged */
	struct view_job *jobs;	 /* recent print jobs */
	size_t n_jobs;		 /* entries in jobs */
	size_t counts[TUI_V_COUNT]; /* rows in each view, for the tabs */
	int sel[TUI_V_COUNT];	    /* cursor in each view */
	int top[TUI_V_COUNT];	    /* first row drawn in each view */
	char search[128];	    /* the search in force, UTF-8, or "" */
	struct view_detail detail;  /* the request in the detail view */
	char detail_regno[REQ_REGNO_MAX]; /* its number */
	int detail_top;			  /* its first line drawn */
	int detail_lines;		  /* its lines at the last draw */
	char msg[300];			  /* the message line */
	enum tui_look msg_look;		  /* its look */
	char banner[300];		  /* the alert line, or "" */
	int64_t banner_call;		  /* the call it is about, or 0 */
	int64_t entered_here;		  /* newest request entered here
					     (no banner for it) */
	bool show_keys;			  /* the page of every key ('?') */
};

/* The banner's words for the alert kinds, numbered as the alerts
 * module's enum alert_kind (request, call, pickup, unprinted, printer,
 * due soon, overdue). */
enum tui_alert_kind {
	TUI_ALERT_REQUEST = 0, /* a new request */
	TUI_ALERT_CALL,	       /* the call button or the screen's key */
	TUI_ALERT_PICKUP,      /* a visitor waits to collect */
	TUI_ALERT_UNPRINTED,   /* a receipt did not print */
	TUI_ALERT_PRINTER,     /* the printer is at fault */
	TUI_ALERT_DUE_SOON,    /* a deadline within 2 working days */
	TUI_ALERT_OVERDUE,     /* a deadline passed */
	TUI_ALERT_KIND_COUNT,  /* number of kinds */
};

/** "BARU/NEW" ... for kind @p kind (an enum alert_kind value); "?" if
 *  out of range. */
const char *tui_alert_word(int kind);

/** Raise alert @p a on the banner (tui_banner(), with the bell). */
void tui_alert(struct tui *t, const struct alert *a);

/** After the TUI's own write: the views and the alerts re-read. */
void tui_wrote(struct tui *t);

/**
 * Run the TUI on the terminal until the user quits.
 * @return EXIT_OK, or EXIT_REFUSED when it cannot start (message on
 *         stderr).
 */
int tui_run(struct console *c);

/* ---- tui_data.c ---------------------------------------------------------- */

/** Re-read everything the views show; a fault goes to the message line. */
void tui_data_reload(struct tui *t);

/** Re-read the request of the detail view (after an action). */
void tui_data_reload_detail(struct tui *t);

/** Recompute t->shown for the current view and search. */
void tui_data_filter(struct tui *t);

/** Release what the views hold (wiping personal data). */
void tui_data_free(struct tui *t);

/* ---- tui_draw.c ---------------------------------------------------------- */

/** Set up the looks (colour pairs, or monochrome attributes). */
void tui_draw_init(struct tui *t);

/** The curses attributes of @p look. */
int tui_attr(const struct tui *t, enum tui_look look);

/**
 * Draw UTF-8 @p s at row @p y, column @p x, in exactly @p width columns:
 * control characters escaped (safetext), wide characters counted as two
 * columns (wcwidth), cut at a whole character, padded with spaces.
 * @return the columns used by the text (before padding).
 */
int tui_cell(int y, int x, const char *s, int width, int attr);

/** How many bytes of @p s fit in @p width columns (whole characters). */
size_t tui_fit_bytes(const char *s, int width);

/** The columns @p s takes on screen (wide characters count two). */
int tui_width(const char *s);

/**
 * Build a help bar from @p n items such as "Enter buka/open": with the
 * English words where the line has room on this screen, else without
 * (the part after each item's last '/'), dropping the last items
 * until it fits; it ends with "? bantuan" (the page of every key).
 */
void tui_help(char *buf, size_t len, const char *const *items, size_t n);

/** Redraw the whole screen for the current state. */
void tui_draw(struct tui *t);

/** Put a message on the message line (printf). */
void tui_msg(struct tui *t, enum tui_look look, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/**
 * Raise an alert: the banner line shows @p word, @p regno and @p text,
 * and the terminal rings.  @p call_id names the call that one key
 * acknowledges, or 0.
 */
void tui_banner(struct tui *t, const char *word, const char *regno,
		const char *text, int64_t call_id);

/* ---- the views ----------------------------------------------------------- */

/** Draw the current list view between rows @p y0 and @p y1 (exclusive). */
void tui_lists_draw(struct tui *t, int y0, int y1);

/** Handle key @p key in a list view. @return true if it was used. */
bool tui_lists_key(struct tui *t, int key);

/** The help bar of the current list view. */
void tui_lists_help(const struct tui *t, char *buf, size_t len);

/** Open request @p regno in the detail view. @return 0, or -1. */
int tui_detail_open(struct tui *t, const char *regno);

/** Draw the detail view between rows @p y0 and @p y1. */
void tui_detail_draw(struct tui *t, int y0, int y1);

/** Handle key @p key in the detail view. @return true if used. */
bool tui_detail_key(struct tui *t, int key);

/** The help bar of the detail view: the keys of the allowed actions. */
void tui_detail_help(const struct tui *t, char *buf, size_t len);

/* ---- tui_form.c ---------------------------------------------------------- */

enum tui_field_type {
	TUI_FIELD_TEXT = 0, /* one line of UTF-8 text */
	TUI_FIELD_SECRET,   /* text shown masked (an ID number) */
	TUI_FIELD_CHOICE,   /* one of a few choices, Left / Right */
};

struct tui_field {
	const char *label;	    /* "Nama / Name" */
	enum tui_field_type type;   /* text, secret or choice */
	char *buf;		    /* TEXT, SECRET: the value (UTF-8),
				       borrowed */
	size_t len;		    /* its size in bytes */
	const char *const *choices; /* CHOICE: the labels */
	int n_choices;		    /* CHOICE: how many */
	int choice;		    /* CHOICE: the one chosen */
};

/*
 * Called when the user saves: NULL to accept, else a message (kept
 * open, the cursor on field *bad).
 */
typedef const char *(*tui_form_check)(struct tui *t, struct tui_field *f, int n,
				      int *bad, void *ctx);

/**
 * A modal form over the screen: Tab / Down / Enter go to the next field,
 * Up to the previous one, Left / Right change a choice, Enter on the
 * last field saves, Esc cancels.
 * @param check may be NULL
 * @return true if saved, false if cancelled.
 */
bool tui_form(struct tui *t, const char *title, struct tui_field *f, int n,
	      tui_form_check check, void *ctx);

/** A one-line question; @return true if answered (Enter), false on Esc. */
bool tui_ask(struct tui *t, const char *title, const char *label, char *buf,
	     size_t len);

/* ---- tui_act.c ----------------------------------------------------------- */

/** The key that takes SOP action @p name in the detail view, or '?'. */
int tui_act_key(const char *name);

/** Its words for the help bar, "teruskan/forward". */
const char *tui_act_word(const char *name);

/**
 * Take the action bound to @p key on the detail view's request: refused
 * with a reason where the workflow or the role forbids it, else asks
 * only for what it needs and records it through queue_act().
 * @return true if @p key is an action key.
 */
bool tui_act_by_key(struct tui *t, int key);

/** Acknowledge call @p call_id (the role is checked). */
void tui_act_ack(struct tui *t, int64_t call_id);

/**
 * Print @p regno's receipt (or its notification, with letter number
 * @p number, NULL = "PT-<regno>") in a child process.
 */
void tui_act_print(struct tui *t, const char *regno, bool receipt,
		   const char *number);

/**
 * Run @p fn(c, @p arg) in a child process, as the prints are (the role
 * must be allowed to print): its words go to the message line when it
 * ends (tui_act_print_read()); the screen never waits.  @p what names it.
 * @p arg is read by the child in its copy of the memory.
 */
void tui_act_child(struct tui *t, const char *what,
		   int (*fn)(struct console *c, const void *arg),
		   const void *arg);

/** Read what the print child said; reap it at its end. */
void tui_act_print_read(struct tui *t);

/* ---- tui_add.c ----------------------------------------------------------- */

/** The staff entry form: a letter, email, phone or desk request. */
void tui_add(struct tui *t);

/* ---- tui_records.c: SOP steps 7 and 8 ----------------------------------- */

/** 'S': the Kasubbag marks today as reviewed, with a note. */
void tui_records_supervise(struct tui *t);

/** 'K': the Kasubbag records the month's report handed to the Kabag. */
void tui_records_report_handover(struct tui *t);

/* ---- tui_report.c: the reports ------------------------------------------ */

/** 'R': the menu of reports, then the one chosen in the pager. */
void tui_report_menu(struct tui *t);

/** Draw the pager between rows @p y0 and @p y1. */
void tui_report_draw(struct tui *t, int y0, int y1);

/** Handle key @p key in the pager. @return true if used. */
bool tui_report_key(struct tui *t, int key);

/** The help bar of the pager. */
void tui_report_help(const struct tui *t, char *buf, size_t len);

/** Close the pager and release what it holds; NULL pager is harmless. */
void tui_report_close(struct tui *t);

#endif
