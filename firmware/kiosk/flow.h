/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The visitor flow of ppid-kiosk as a pure state machine: events in, a model
 * and a queue of effects out.  No SDL, SQLite, CUPS, GPIO, clock or I/O:
 * time arrives in every event.  The UI draws from flow_model() (or from the
 * per-scene view, flow_view.h) and reports taps and text; the main loop feeds
 * device states and the results of the effects it carries out.  The flow
 * never commits anything itself: "registered" is shown only after a
 * FLOW_EVT_SUBMIT_DONE that says committed.
 *
 * Typical loop:
 *     flow_init(&f, &cfg, now_ms, wall);
 *     for (;;) {
 *             poll(fds, n, flow_next_wake_ms(&f, now_ms));
 *             ...build a struct flow_event from what happened...
 *             if (flow_handle(&f, &ev)) redraw(flow_model(&f));
 *             while (flow_effect_next(&f, &fx)) carry_out(&fx);
 *     }
 */
#ifndef PPID_KIOSK_FLOW_H
#define PPID_KIOSK_FLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "date.h"
#include "idparse.h"
#include "queue.h"
#include "request.h"
#include "scenes.h"
#include "text.h"
#include "workflow.h"

/* ---- scenes --------------------------------------------------------------- */

#define FLOW_SCENE_ENUM(NAME, name, idle) FLOW_SCENE_##NAME,
enum flow_scene {
	FLOW_SCENES(FLOW_SCENE_ENUM) /* one per line of scenes.h */
	FLOW_SCENE_COUNT,	     /* number of scenes */
};
#undef FLOW_SCENE_ENUM

/** Scene name for logs and tests ("welcome"); "?" when out of range. */
const char *flow_scene_name(enum flow_scene s);

/** true for the maintenance screens (PIN, menu, tests). */
bool flow_maint_scene(enum flow_scene s);

/* ---- the form --------------------------------------------------------------
 * One question per screen, in this order; "3 of 9" counts these.  The
 * identity number is asked before, on the Identify screen. */
#define FLOW_FORM_COUNT 9

/** The request field asked at form position @p pos (0..FLOW_FORM_COUNT-1). */
enum req_field flow_form_field(int pos);

/** The form position of @p field, or -1 when the form does not ask it. */
int flow_form_pos(enum req_field field);

/* ---- events ------------------------------------------------------------- */

enum flow_evt_type {
	FLOW_EVT_TICK = 0, /* time passed (now_ms); nothing else */
	FLOW_EVT_TAP,	   /* a tap on a target: tap, index */
	FLOW_EVT_TEXT,	   /* the whole edited text of an input: input, text */
	FLOW_EVT_CARD,	   /* one complete read of the card reader: text, len */
	FLOW_EVT_BUTTON,   /* the GPIO call button was pressed */
	FLOW_EVT_SUBMIT_DONE, /* result of FLOW_FX_SUBMIT: err, regno, ... */
	FLOW_EVT_PRINT_DONE,  /* result of FLOW_FX_PRINT_RECEIPT: ok, printer */
	FLOW_EVT_STATUS_DONE, /* result of FLOW_FX_LOOKUP_STATUS: err, found */
	FLOW_EVT_CALL_DONE,   /* result of FLOW_FX_CALL: ok, id */
	FLOW_EVT_CALL_ACKED,  /* the desk acknowledged call id */
	FLOW_EVT_READER,      /* the card reader is connected (ok) or not */
	FLOW_EVT_PRINTER,     /* the receipt printer's state: printer */
	FLOW_EVT_DB,	      /* the database works (ok) or not (err) */
	FLOW_EVT_MAINT,	      /* the hidden maintenance gesture (a 5 s press
				 on the corner, or the technician's key) */
	FLOW_EVT_MAINT_PIN,   /* result of FLOW_FX_MAINT_PIN: ok */
	FLOW_EVT_MAINT_PRINTED, /* result of FLOW_FX_MAINT_TEST_PAGE: ok,
				   printer */
	FLOW_EVT_COUNT,		/* number of event types */
};

/* Named tap targets.  The view (flow_view.h) lists which are on screen; a
 * tap on a target the current screen does not show is ignored. */
enum flow_tap {
	FLOW_TAP_NONE = 0,     /* nothing */
	FLOW_TAP_REQUEST,      /* welcome: request information */
	FLOW_TAP_CHECK_STATUS, /* welcome: check a status / collect */
	FLOW_TAP_CALL,	       /* call the desk (any screen that shows it) */
	FLOW_TAP_LANG,	       /* switch Indonesian <-> English */
	FLOW_TAP_NEXT,	       /* identify / form: go on */
	FLOW_TAP_BACK,	       /* previous field or screen */
	FLOW_TAP_EDIT_FIELD,   /* review: edit form position index */
	FLOW_TAP_EDIT_ID,      /* review: edit the identity number */
	FLOW_TAP_CHOICE,       /* form: choice index of a choice field */
	FLOW_TAP_CONSENT,      /* review: personal-data consent on/off */
	FLOW_TAP_TRUTH,	       /* review: truth statement on/off */
	FLOW_TAP_SUBMIT,       /* review: send the request */
	FLOW_TAP_LOOKUP,       /* status: look up number + last 4 digits */
	FLOW_TAP_CALL_PICKUP,  /* status result: call the desk to collect */
	FLOW_TAP_MORE_TIME,    /* idle overlay: I am still here */
	FLOW_TAP_FINISH,       /* done / status result: back to welcome */
	FLOW_TAP_MAINT_ITEM,   /* maintenance menu: item index
				  (enum flow_maint_item) */
	FLOW_TAP_COUNT,	       /* number of targets */
};

/* Text inputs on screens.  The UI owns the caret and the on-screen
 * keyboard and sends the whole edited value (FLOW_EVT_TEXT). */
enum flow_input {
	FLOW_INPUT_FIELD = 0, /* form: the current field */
	FLOW_INPUT_ID,	      /* identify: the typed identity number */
	FLOW_INPUT_REGNO,     /* status: the registration number */
	FLOW_INPUT_LAST4,     /* status: last 4 digits of the ID */
	FLOW_INPUT_PIN,	      /* maintenance: the PIN (shown masked) */
	FLOW_INPUT_COUNT,     /* number of inputs */
};

/* What the printer can do now (FLOW_EVT_PRINTER, FLOW_EVT_PRINT_DONE). */
enum flow_printer {
	FLOW_PRINTER_OK = 0,   /* ready */
	FLOW_PRINTER_NO_PAPER, /* out of paper */
	FLOW_PRINTER_OFFLINE,  /* unplugged, stopped or CUPS down */
	FLOW_PRINTER_FAULT,    /* any other fault */
	FLOW_PRINTER_COUNT,    /* number of states */
};

/* The maintenance menu's items (FLOW_TAP_MAINT_ITEM index). */
enum flow_maint_item {
	FLOW_MAINT_TEST_PAGE = 0, /* print a test page */
	FLOW_MAINT_READER,	  /* the card reader test */
	FLOW_MAINT_BUTTON,	  /* the button and LED test */
	FLOW_MAINT_LANG_ID,	  /* default language: Indonesian */
	FLOW_MAINT_LANG_EN,	  /* default language: English */
	FLOW_MAINT_EXIT,	  /* end ppid-kiosk (status 0) */
	FLOW_MAINT_ITEM_COUNT,	  /* number of items */
};

#define FLOW_PIN_MIN	     4	    /* digits of a maintenance PIN, at least */
#define FLOW_PIN_MAX	     12	    /* ...at most */
#define FLOW_PIN_TRIES	     3	    /* wrong PINs before a lock */
#define FLOW_PIN_LOCK_MS     30000  /* the first lock; doubles per failure */
#define FLOW_PIN_LOCK_MAX_MS 900000 /* the longest lock (15 min) */

/** One event.  Zero it, then set type, now_ms, wall and what the type uses. */
struct flow_event {
	enum flow_evt_type type; /* what happened */
	int64_t now_ms;		 /* monotonic clock, ms: every event */
	time_t wall;		 /* UTC wall clock (dates); 0 = unchanged */

	enum flow_tap tap;     /* TAP: the target */
	int index;	       /* TAP: form position / choice index */
	enum flow_input input; /* TEXT: which input */
	const char *text;      /* TEXT (NUL-terminated), CARD: borrowed */
	size_t len;	       /* CARD: bytes of text */

	bool ok;		   /* PRINT_DONE, CALL_DONE, READER, DB */
	enum queue_err err;	   /* SUBMIT_DONE, STATUS_DONE, DB: class */
	enum flow_printer printer; /* PRINTER, PRINT_DONE (when !ok) */
	int64_t id;		   /* SUBMIT_DONE: request row; CALL_*: call */
	const char *regno;	   /* SUBMIT_DONE: registration number */
	struct date deadline;	   /* SUBMIT_DONE: notification due */
	const struct request *found; /* STATUS_DONE: the row read by regno
					(NULL = none); borrowed, the flow
					checks it and keeps only what a
					screen may show */
};

/* ---- effects ----------------------------------------------------------------
 * What the main loop does for each, and what it answers:
 *   SUBMIT         copy *req, queue_submit(copy, print_receipt = true),
 *                  request_wipe(copy); answer SUBMIT_DONE with err (QUEUE_OK:
 *                  id, regno, deadline = request_due()).
 *   PRINT_RECEIPT  hand request_id's receipt job to the print worker; answer
 *                  PRINT_DONE (id = request_id, ok, printer when not ok).
 *   LOOKUP_STATUS  queue_get(regno) into a local request; answer STATUS_DONE
 *                  (err, found = &local or NULL), then request_wipe(local).
 *                  The flow checks token / last4 itself: pass the row as read.
 *   CALL           record a call (source from call_kind; regno for pickup);
 *                  answer CALL_DONE (ok, id = the call's row); later, when
 *                  the console acknowledges it, CALL_ACKED (id).
 *   WIPE           wipe every copy of visitor text outside the flow (the
 *                  UI's input buffers and text-texture cache).
 *   LED            set the call LED.
 *   MAINT_PIN      check pin against [kiosk] maint_pin_hash (crypt, a
 *                  constant-time compare); answer MAINT_PIN (ok).  Wipe
 *                  your copy.
 *   MAINT_LOCK     the PIN's rate limit changed: maint_wrong wrong PINs in a
 *                  row, locked for maint_lock_ms more (0 = not locked):
 *                  log it, keep it across a restart (flow_config).
 *   MAINT_TEST_PAGE  print a test page through the print worker; answer
 *                  MAINT_PRINTED (ok, printer when not ok).
 *   MAINT_LANG     lang is the new default language: keep it (a restart
 *                  starts with it) and log it.
 *   MAINT_EXIT     end ppid-kiosk with status 0 (logged).
 * Device states are sent when they change (and once at start): READER,
 * PRINTER, DB (ok = false with err when the database cannot be opened or
 * written; ok = true when a retry succeeds). */

enum flow_fx_type {
	FLOW_FX_NONE = 0,	 /* nothing */
	FLOW_FX_SUBMIT,		 /* queue_submit(req, print receipt) */
	FLOW_FX_PRINT_RECEIPT,	 /* print the receipt of request_id */
	FLOW_FX_LOOKUP_STATUS,	 /* queue_get(regno), answer STATUS_DONE */
	FLOW_FX_CALL,		 /* record a call; answer CALL_DONE */
	FLOW_FX_WIPE,		 /* wipe your copies of the visitor's data */
	FLOW_FX_LED,		 /* set the call LED to led */
	FLOW_FX_MAINT_PIN,	 /* check pin; answer MAINT_PIN */
	FLOW_FX_MAINT_LOCK,	 /* the PIN rate limit: maint_wrong, _lock_ms */
	FLOW_FX_MAINT_TEST_PAGE, /* print a test page; answer MAINT_PRINTED */
	FLOW_FX_MAINT_LANG,	 /* keep lang as the default language */
	FLOW_FX_MAINT_EXIT,	 /* end the program, status 0 */
	FLOW_FX_COUNT,		 /* number of effect types */
};

enum flow_call_kind {
	FLOW_CALL_SCREEN = 0, /* the call key on the screen */
	FLOW_CALL_BUTTON,     /* the GPIO push button */
	FLOW_CALL_PICKUP,     /* "call the desk to collect" regno */
	FLOW_CALL_KIND_COUNT, /* number of kinds */
};

enum flow_led {
	FLOW_LED_OFF = 0, /* no call */
	FLOW_LED_BLINK,	  /* called, waiting for the desk */
	FLOW_LED_ON,	  /* the desk acknowledged: staff is coming */
};

struct flow_effect {
	enum flow_fx_type type;	       /* what to do */
	const struct request *req;     /* SUBMIT: borrowed until the next
					   flow call; copy it */
	int64_t request_id;	       /* PRINT_RECEIPT */
	char regno[REQ_REGNO_MAX];     /* PRINT_RECEIPT, LOOKUP, CALL pickup */
	char token[REQ_TOKEN_LEN + 1]; /* LOOKUP by receipt QR, or "" */
	char last4[5];		       /* LOOKUP by number + last 4, or "" */
	enum flow_call_kind call_kind; /* CALL */
	enum flow_led led;	       /* LED */
	char pin[FLOW_PIN_MAX + 1];    /* MAINT_PIN: the digits; wipe it */
	int maint_wrong;	       /* MAINT_LOCK: wrong PINs in a row */
	int64_t maint_lock_ms;	       /* MAINT_LOCK: locked this long more */
	enum lang lang;		       /* MAINT_LANG */
};

/* ---- the model ------------------------------------------------------------ */

enum flow_print {
	FLOW_PRINT_NONE = 0, /* nothing printed yet */
	FLOW_PRINT_PRINTING, /* the receipt is printing */
	FLOW_PRINT_DONE,     /* printed */
	FLOW_PRINT_FAILED,   /* could not print: keep the number on screen */
};

enum flow_lookup {
	FLOW_LOOKUP_NONE = 0, /* nothing asked */
	FLOW_LOOKUP_PENDING,  /* FLOW_FX_LOOKUP_STATUS sent */
	FLOW_LOOKUP_FOUND,    /* the result is in the model */
	FLOW_LOOKUP_NOMATCH,  /* no such number, or the digits do not match */
	FLOW_LOOKUP_FAILED,   /* the database could not answer */
	FLOW_LOOKUP_LOCKED,   /* too many wrong tries: wait */
};

enum flow_call {
	FLOW_CALL_NONE = 0, /* no call */
	FLOW_CALL_PENDING,  /* FLOW_FX_CALL sent, no answer yet */
	FLOW_CALL_CALLED,   /* on record: the desk has been called */
	FLOW_CALL_ACKED,    /* the desk acknowledged: staff is coming */
	FLOW_CALL_FAILED,   /* could not be recorded: go to the desk */
};

enum flow_test_page {
	FLOW_TEST_PAGE_NONE = 0, /* not asked */
	FLOW_TEST_PAGE_PRINTING, /* FLOW_FX_MAINT_TEST_PAGE sent */
	FLOW_TEST_PAGE_DONE,	 /* printed */
	FLOW_TEST_PAGE_FAILED,	 /* not printed: see printer */
};

/** What the maintenance screens show (nothing personal: a card read is
 *  kept as its kind and last 4 digits only). */
struct flow_maint {
	bool pin_wrong;			/* PIN: the last one was wrong */
	bool pin_checking;		/* PIN: FLOW_FX_MAINT_PIN sent */
	int lock_s;			/* PIN: seconds of the lock left, 0 */
	enum flow_test_page page;	/* menu: the test page */
	enum flow_printer page_printer; /* ...why it failed */
	int reads;			/* reader test: reads seen */
	enum id_kind last_kind;		/* ...the last one's kind */
	char last_tail[8];		/* ...its last 4 digits, or "" */
	int presses;			/* button test: presses seen */
	bool exiting;			/* menu: exit chosen: the end */
};

/** Everything personal, in one block so one explicit_bzero() wipes it. */
struct flow_visitor {
	struct request req;		   /* the answers being filled */
	char id_text[REQ_BUF(REQ_ID_MAX)]; /* identify: typed ID */
	char regno_text[REQ_REGNO_MAX];	   /* status: typed number */
	char last4_text[REQ_BUF(4)];	   /* status: typed last 4 */
	char regno[REQ_REGNO_MAX];	   /* done / status: the number */
	int64_t request_id;		   /* done: the row submitted */
	struct date deadline;		   /* done / status: due date */
	enum wf_status status;		   /* status result */
	enum wf_decision decision;	   /* status result */
	char masked_name[REQ_BUF(
	    REQ_NAME_MAX)];		/* status result: "S*** A****" */
	bool pickup_ready;		/* status result: collect now */
	char call_regno[REQ_REGNO_MAX]; /* call: pickup of this number */
};

struct flow_model {
	enum flow_scene scene; /* what is on screen */
	enum flow_scene under; /* IDLE: the scene it covers */
	enum lang lang;	       /* the visitor's language */

	int field;		  /* FORM: position 0..FLOW_FORM_COUNT-1 */
	bool from_review;	  /* FORM / IDENTIFY: editing from the review */
	bool consent;		  /* REVIEW: UU 27/2022 consent given */
	bool truth;		  /* REVIEW: truth statement given */
	const struct text *error; /* the screen's problem, static, or NULL */
	const struct text *notice; /* a note (e.g. ID warning), or NULL */

	bool reader_ok;		   /* the card reader is connected */
	enum flow_printer printer; /* receipts can be printed when OK */
	bool db_ok;		   /* the database works */
	enum queue_err db_err;	   /* why not, when !db_ok */

	enum flow_print print;	       /* DONE: the receipt */
	enum flow_lookup lookup;       /* STATUS: the look-up */
	enum flow_call call;	       /* the desk call */
	enum flow_call_kind call_kind; /* of the current call */
	int64_t call_id;	       /* its row, 0 = none yet */
	int idle_countdown_s;	       /* IDLE: seconds left */
	struct flow_maint maint;       /* the maintenance screens */

	struct flow_visitor v; /* personal data: wiped on reset */
};

/* ---- configuration ---------------------------------------------------------- */

struct flow_config {
	enum lang default_lang;	 /* welcome screen language */
	const char *office_name; /* borrowed, for the whole flow's life */
	int open_min, close_min; /* office hours, minutes after midnight */
	int idle_ms;		 /* no input this long: ask (60000) */
	int idle_warn_ms;	 /* then wipe after this (30000, >= 20000) */
	int done_ms;		 /* done screen after printing (20000) */
	int done_failed_ms;	 /* when printing failed (120000) */
	int done_wait_ms;	 /* waiting for a print result (120000) */
	int call_clear_ms;	 /* LED off this long after ack (60000) */
	int lookup_tries;	 /* wrong last-4 tries before a lock (5) */
	int lookup_lock_ms;	 /* the lock (60000) */
	bool maint_enabled;	 /* a maintenance PIN is configured; false:
				    the gesture does nothing */
	int maint_wrong;	 /* wrong PINs in a row at start (kept) */
	int64_t maint_lock_ms;	 /* the PIN lock left at start, ms */
};

/** Fill @p cfg with the defaults above (office_name "", hours 08-16). */
void flow_config_defaults(struct flow_config *cfg);

/* ---- the machine ------------------------------------------------------------ */

#define FLOW_HISTORY_MAX 16
#define FLOW_FX_MAX	 8

/* Plain struct so it can live on the stack or in static memory (no
 * allocation).  Read it through flow_model(); the other fields are private
 * to firmware/kiosk/. */
struct flow {
	struct flow_config cfg;			   /* copied at init */
	struct flow_model m;			   /* what screens draw */
	enum flow_scene history[FLOW_HISTORY_MAX]; /* for Back; top = m.scene */
	int depth;				   /* entries used */
	int64_t now_ms;				   /* last event's time */
	time_t wall;				   /* last wall clock */
	int64_t input_ms;			   /* last visitor input */
	int64_t idle_end_ms;			   /* IDLE: wipe at */
	int64_t done_end_ms;			   /* DONE: welcome at, 0 */
	int64_t call_clear_at_ms;		   /* LED off at, 0 */
	int64_t lookup_lock_until_ms;		   /* STATUS: locked until */
	int lookup_wrong;			   /* wrong tries in a row */
	bool lookup_by_token;			   /* pending one is a QR */
	char lookup_token[REQ_TOKEN_LEN + 1];	   /* its token, wiped */
	char lookup_last4[5];			   /* its digits, wiped */
	bool db_fault_deferred;		    /* fault seen in SUBMIT/DONE */
	char maint_pin[FLOW_PIN_MAX + 1];   /* PIN typed; wiped on exit */
	int maint_wrong;		    /* wrong PINs in a row */
	int64_t maint_lock_until_ms;	    /* PINs refused until, 0 */
	bool changed;			    /* model changed */
	struct flow_effect fx[FLOW_FX_MAX]; /* queued effects */
	int n_fx;			    /* entries queued */
};

/**
 * Start on the welcome screen.  @p cfg is copied (NULL = defaults).
 * @param now_ms monotonic ms; @param wall UTC wall clock
 */
void flow_init(struct flow *f, const struct flow_config *cfg, int64_t now_ms,
	       time_t wall);

/**
 * Feed one event.  Events at an earlier now_ms than the last are treated
 * as happening at the last one.
 * @return true when the model changed (redraw), false otherwise.
 */
bool flow_handle(struct flow *f, const struct flow_event *ev);

/** The model to draw; borrowed, valid as long as @p f. */
const struct flow_model *flow_model(const struct flow *f);

/**
 * Take the oldest queued effect into @p out.  The flow's copy is wiped.
 * @return true if there was one.
 */
bool flow_effect_next(struct flow *f, struct flow_effect *out);

/**
 * Milliseconds from @p now_ms until the flow needs a FLOW_EVT_TICK (a
 * timeout or the idle countdown's next second), or -1 when none is due:
 * the main loop's poll() timeout.  0 means now.
 */
int flow_next_wake_ms(const struct flow *f, int64_t now_ms);

/** Wipe every piece of visitor data in the flow (explicit_bzero). */
void flow_wipe(struct flow *f);

#endif
