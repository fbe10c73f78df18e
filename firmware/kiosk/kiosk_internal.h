/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kiosk engine's insides, shared by kiosk.c (effects, devices, the
 * loop) and kiosk_db.c (the database: out of service and back, changes).
 */
#ifndef PPID_KIOSK_KIOSK_INTERNAL_H
#define PPID_KIOSK_KIOSK_INTERNAL_H

#include "callbutton.h"
#include "dbwatch.h"
#include "kiosk.h"
#include "kiosk_state.h"
#include "printworker.h"

struct kiosk {
	struct flow flow;	    /* the visitor flow */
	struct config cfg;	    /* copy of the configuration */
	char db_path[256];	    /* the database */
	bool create_db;		    /* create it when missing */
	int retry_min_ms;	    /* first retry interval */
	int retry_max_ms;	    /* longest retry interval */
	struct queue *q;	    /* the UI thread's connection, or NULL */
	bool db_ok;		    /* open and writable */
	enum queue_err db_err;	    /* why not, when !db_ok */
	int retry_ms;		    /* current retry interval */
	int64_t retry_at_ms;	    /* next retry, when !db_ok */
	struct devices dev;	    /* the devices */
	struct callbutton cb;	    /* the call being waited on */
	struct printworker *pw;	    /* the print worker */
	struct dbwatch *dw;	    /* database change hints */
	enum printer_state printer; /* as the worker last read it */
	bool reader_sent;	    /* FLOW_EVT_READER sent once */
	bool reader_ok;		    /* the state last sent */
	enum gpio_out_mode led;	    /* the LED as last set */
	unsigned led_period;	    /* its blink period */
	bool dirty;		    /* the model changed: redraw */
	int64_t now_ms;		    /* the clock of the current event */
	kiosk_wipe_fn wipe;	    /* the UI's wipe, or NULL */
	void *wipe_ctx;		    /* its argument */
	struct request req;	    /* a copy for submit / lookup; wiped */
	char card[CARDREADER_READ_MAX + 1]; /* one read; wiped */
	char state_path[300];		    /* kiosk.state beside the db */
	struct kiosk_state state;	    /* what it holds */
	bool exit_asked;		    /* maintenance: end the program */
	bool in_maint;			    /* a maintenance screen is open
					       (or idling over one) */
};

/* ---- maintenance (kiosk_maint.c) ------------------------------------------ */

/** At open: the state file read, and the flow's maintenance settings (a PIN
 *  configured, the rate limit kept, the default language unless
 *  @p keep_lang) put into @p fc. */
void kiosk_maint_init(struct kiosk *k, struct flow_config *fc, bool keep_lang);

/** Carry out a FLOW_FX_MAINT_* effect. */
void kiosk_maint_effect(struct kiosk *k, const struct flow_effect *fx);

/** Log what the maintenance screens did with @p ev (the scene was
 *  @p before it). */
void kiosk_maint_log(struct kiosk *k, const struct flow_event *ev,
		     enum flow_scene before);

/** A test page's result from the print worker, into the flow. */
void kiosk_maint_printed(struct kiosk *k, bool ok, enum printer_state st,
			 const char *reason);

/** Feed @p ev to the flow (now_ms and wall filled in) and carry out the
 *  effects that follow. */
void kiosk_send(struct kiosk *k, struct flow_event *ev);

/** The flow's word for a printer state. */
enum flow_printer kiosk_flow_printer(enum printer_state st);

/** true for the error classes that put the kiosk out of service. */
bool kiosk_unusable(enum queue_err err);

/** The database cannot be used: close it, tell the flow, retry later. */
void kiosk_db_failed(struct kiosk *k, enum queue_err err, const char *why);

/** After a failed call on k->q: out of service when its class says so. */
void kiosk_db_check_err(struct kiosk *k);

/** Open (when closed) and probe a write; -1 with @p err and @p why. */
int kiosk_db_try(struct kiosk *k, enum queue_err *err, char *why, size_t len);

/** Out of service: try again now (backoff when it still fails). */
void kiosk_db_retry(struct kiosk *k);

/** A change hint: another connection committed?  An acknowledged call
 *  becomes FLOW_EVT_CALL_ACKED. */
void kiosk_db_changed(struct kiosk *k);

/** The database file's mode or name changed: probe it (or retry); with
 *  @p replaced, reopen it first. */
void kiosk_db_file_changed(struct kiosk *k, bool replaced);

#endif
