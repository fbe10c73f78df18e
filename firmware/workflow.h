/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SOP for public information requests as one table: states, actions,
 * which roles may take each action, what each action requires and how it
 * moves the deadline; beside it the permission table for what is not an
 * SOP action (register, reveal an ID, print, holidays, acknowledge calls),
 * the deadline regimes and which statuses are open.  Pure logic; the queue
 * store applies the result and appends the event in the same transaction.
 *
 *   submitted --forward--> forwarded --exclude----> excluded --notify--+
 *                              |------available---> available          |
 *                              |------coordinate--> coordinating       |
 *                                                   (extend: once)     |
 *   available / coordinating --decide--> decided --notify--> notified  |
 *                                                    <-----------------+
 *   notified --handover--> notified (the information given: what, in
 *                          which form; the data receipt is printed)
 *   notified --close--> closed (register updated)
 *   any state --note--> same state (a remark in the history)
 */
#ifndef PPID_WORKFLOW_H
#define PPID_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "text.h"

enum wf_status {
	WF_SUBMITTED = 0, /* registered, waiting for the desk (SOP 1) */
	WF_FORWARDED,	  /* passed to the PPID (SOP 2) */
	WF_EXCLUDED,	  /* excluded information, Pasal 17 (SOP 3) */
	WF_AVAILABLE,	  /* can be given at once */
	WF_COORDINATING,  /* Kasubbag coordinates with the PPID (SOP 4) */
	WF_DECIDED,	  /* decision taken, notification pending */
	WF_NOTIFIED,	  /* requester received the notification (SOP 5) */
	WF_CLOSED,	  /* service register updated (SOP 6) */
	WF_STATUS_COUNT,
};

enum wf_role {
	WF_ROLE_DESK = 1 << 0,	   /* Desk Pelayanan Informasi */
	WF_ROLE_KASUBBAG = 1 << 1, /* Kepala Sub Bagian */
	WF_ROLE_KABAG = 1 << 2,	   /* Kepala Bagian */
	WF_ROLE_PPID = 1 << 3,	   /* Pejabat Pengelola Informasi */
	WF_ROLE_KIOSK = 1 << 4,	   /* the kiosk itself (submissions, calls) */
	WF_ROLE_STAFF =
	    WF_ROLE_DESK | WF_ROLE_KASUBBAG | WF_ROLE_KABAG | WF_ROLE_PPID,
};

/*
 * Deadline regimes: which rule of the deadline_rules table counts a
 * request's deadline.  Stored as the key (requests.regime).
 */
enum wf_regime {
	WF_REGIME_ORDINARY = 0, /* UU 14/2008 Pasal 22: 10 + 7 working days */
	WF_REGIME_ELECTION,	/* Perki 1/2019, election stages: 3 + 2 */
	WF_REGIME_OBJECTION,	/* objection (keberatan): reserved, not yet
				   taken by the queue */
	WF_REGIME_COUNT,
};

/*
 * What a role may do besides the SOP actions (those carry their roles in
 * the action table).  workflow_may() is the one place that decides.
 */
enum wf_perm {
	WF_PERM_SUBMIT = 0, /* register a request (kiosk, desk entry) */
	WF_PERM_REVEAL,	    /* see an ID number unmasked */
	WF_PERM_PRINT,	    /* print receipts and notifications, jobs */
	WF_PERM_HOLIDAYS,   /* add or import holidays */
	WF_PERM_ACK_CALL,   /* acknowledge a visitor's call */
	WF_PERM_SUPERVISE,  /* mark a day's service as reviewed (SOP 7) */
	WF_PERM_REPORT,	    /* record the monthly report's hand-over to
			       the Kabag (SOP 8) */
	WF_PERM_COUNT,
};

enum wf_decision {
	WF_DECISION_NONE = 0, /* not decided yet */
	WF_DECISION_GRANTED,  /* diberikan seluruhnya */
	WF_DECISION_PARTIAL,  /* diberikan sebagian */
	WF_DECISION_REJECTED, /* ditolak, with a Pasal 17 basis */
	WF_DECISION_NOT_HELD, /* tidak dikuasai, with who holds it */
};

/* What an action needs from the person taking it. */
enum wf_need {
	WF_NEED_NOTE = 1 << 0,	   /* a free-text note or reason */
	WF_NEED_BASIS = 1 << 1,	   /* Pasal 17 letters (a..j) */
	WF_NEED_MEMO = 1 << 2,	   /* a memo / disposition number */
	WF_NEED_DECISION = 1 << 3, /* a decision (and what it needs) */
	WF_NEED_FORM = 1 << 4,	   /* the form the information was given in
				      (workflow_form_label()) */
};

enum wf_deadline_effect {
	WF_DL_NONE = 0, /* the deadline stays */
	WF_DL_EXTEND,	/* extended once by the regime's extension */
};

struct wf_action {
	const char *name; /* "forward", as typed on the command line */
	unsigned from;	  /* bit set of enum wf_status it applies to */
	int to;		  /* resulting status, or -1 for unchanged */
	unsigned roles;	  /* bit set of enum wf_role allowed */
	unsigned needs;	  /* bit set of enum wf_need */
	enum wf_deadline_effect deadline; /* how it moves the deadline */
	struct text label;		  /* what it does, for people */
};

/** What the person taking an action supplied. */
struct wf_args {
	const char *note;	   /* note / reason, or NULL */
	const char *basis;	   /* Pasal 17 letters, or NULL */
	const char *memo;	   /* memo number, or NULL */
	enum wf_decision decision; /* for decide */
	const char *holder;	   /* who holds it, for not_held */
	const char *form;	   /* handover: a form key ("printed"), or
				      NULL */
};

/** The request as the workflow sees it. */
struct wf_request {
	enum wf_status status;	   /* current status */
	int extensions;		   /* extensions already granted */
	int max_extensions;	   /* allowed by the regime (1) */
	enum wf_decision decision; /* decision so far */
	struct date deadline;	   /* the original deadline (for extend) */
	struct date today;	   /* the office's date now, WIB (for extend) */
};

/** The table itself, @p n receives its length. */
const struct wf_action *workflow_actions(size_t *n);

/** Look an action up by name; NULL if unknown. */
const struct wf_action *workflow_find(const char *name);

/**
 * Decide whether @p role may take @p action on @p req with @p args.
 * Refused, among others: an action that does not apply to the current
 * status (the reason names that status); extend once req->today is after
 * req->deadline (UU 14/2008 Pasal 22(8): the extension is notified within
 * the original period); decide partial without a Pasal 17 basis; a basis
 * with granted or not_held, a holder with anything but not_held (given
 * values are never dropped silently).
 * @return the resulting status (>= 0), or -1 with @p *reason set to a
 *         static message saying why it was refused.
 */
int workflow_check(const struct wf_action *action, const struct wf_request *req,
		   unsigned role, const struct wf_args *args,
		   const struct text **reason);

/**
 * Whether @p roles (a bit set of enum wf_role) may take @p action.
 * @param refusal if not NULL, set to NULL or to why not (static)
 */
bool workflow_may_act(unsigned roles, const struct wf_action *action,
		      const struct text **refusal);

/**
 * The permission table: whether @p roles may do @p perm.
 * @param refusal if not NULL, set to NULL or to a static message that
 *        names the roles that may (both languages)
 * @return true if allowed; false for an unknown @p perm.
 */
bool workflow_may(unsigned roles, enum wf_perm perm,
		  const struct text **refusal);

/** The roles that may do @p perm (0 for out of range). */
unsigned workflow_perm_roles(enum wf_perm perm);

/** Permission key ("reveal"), "unknown" for out of range. */
const char *workflow_perm_key(enum wf_perm perm);

/**
 * Status key as stored ("submitted"); "unknown" for out of range (never
 * NULL: check workflow_status_valid() before storing one).
 */
const char *workflow_status_key(enum wf_status s);

/** true if @p s is one of the statuses this program knows. */
bool workflow_status_valid(enum wf_status s);

/**
 * true if the request's deadline still runs: a known status before the
 * written notification.  Unknown statuses are neither open nor done.
 * The queue builds its "open" SQL from this (no status literals in SQL).
 */
bool workflow_status_open(enum wf_status s);

/**
 * Write the keys of the statuses in bit set @p set (bit = 1 << status)
 * into @p buf as "available, coordinating".
 * @return the length written (truncated to fit @p len).
 */
size_t workflow_states_format(unsigned set, char *buf, size_t len);

/** Status from its key; -1 if unknown. */
int workflow_status_from_key(const char *key);

/** Status in words for people ("Unknown status" for out of range). */
const struct text *workflow_status_label(enum wf_status s);

/** true once the written notification has been given (no deadline left). */
bool workflow_status_done(enum wf_status s);

/**
 * Decision key ("granted", "partial", "rejected", "not_held"); "" for
 * WF_DECISION_NONE (stored as NULL), "unknown" for out of range.  Never
 * NULL.
 */
const char *workflow_decision_key(enum wf_decision d);

/** Decision from its key; -1 if unknown. */
int workflow_decision_from_key(const char *key);

/** Decision in words for people ("Unknown decision" for out of range). */
const struct text *workflow_decision_label(enum wf_decision d);

/** Regime key as stored ("ordinary", "election", "objection");
 *  "unknown" for out of range. */
const char *workflow_regime_key(enum wf_regime r);

/** Regime from its key; -1 if unknown. */
int workflow_regime_from_key(const char *key);

/** Regime in words for people ("Unknown regime" for out of range). */
const struct text *workflow_regime_label(enum wf_regime r);

/** Role key ("desk"...), or NULL if @p role is not exactly one role. */
const char *workflow_role_key(unsigned role);

/**
 * Parse a comma-separated role list ("desk,ppid") into a bit set.
 * @return 0, or -1 if a name is unknown.
 */
int workflow_roles_parse(const char *s, unsigned *roles);

/**
 * Check a Pasal 17 basis: one or more letters a..j, optionally separated
 * by commas or spaces ("h", "b,h").  Normalises into @p out as "b,h".
 * @return 0, or -1 if invalid.
 */
int workflow_basis_normalize(const char *basis, char *out, size_t len);

/**
 * The forms information is handed over in (SOP 5, Perki 1/2021: hard copy
 * or soft copy, and how it is received): "printed" (a printed copy),
 * "usb" (soft copy on the requester's USB drive), "disc" (soft copy on a
 * CD/DVD), "email" (soft copy sent by email), "viewed" (seen or read at
 * the desk, no copy).
 * @param i Index from 0.
 * @return The key, or NULL past the last one.
 */
const char *workflow_form_key(size_t i);

/** A form in words ("Salinan cetak" / "Printed copy"); NULL if @p key is
 *  not one of workflow_form_key()'s. */
const struct text *workflow_form_label(const char *key);

/** What Pasal 17 letter @p letter (a..j) protects, or NULL. */
const struct text *workflow_pasal17_label(char letter);

#endif
