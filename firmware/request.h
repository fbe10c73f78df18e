/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A request for public information: every field of the official form
 * (Perki 1/2021) plus what the office records about it, and the rules each
 * field must follow, with messages a visitor understands in both languages.
 * Fields are fixed buffers so a whole request can be wiped from memory with
 * request_wipe() when the kiosk resets.
 */
#ifndef PPID_REQUEST_H
#define PPID_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "date.h"
#include "text.h"
#include "workflow.h"

/* Limits in characters (code points), not bytes; buffers hold 4 bytes each. */
#define REQ_NAME_MAX	   100
#define REQ_ID_MAX	   40
#define REQ_ADDRESS_MAX	   300
#define REQ_OCCUPATION_MAX 100
#define REQ_PHONE_MAX	   20
#define REQ_EMAIL_MAX	   100
#define REQ_INFO_MAX	   2000
#define REQ_PURPOSE_MAX	   1000
#define REQ_REGNO_MAX	   64
#define REQ_TOKEN_LEN	   10

#define REQ_BUF(n) ((n)*4 + 1)

/*
 * received_at of a request whose time of arrival was not given: the queue
 * takes the submission time.  request_init() sets it.  No real time is this
 * value (it lies before REQ_RECEIVED_FLOOR), so an explicit received time,
 * 1970-01-01 07:00 WIB (0) included, is never mistaken for "now".
 */
#define REQ_RECEIVED_NOW ((time_t)(sizeof(time_t) > 4 ? INT64_MIN : INT32_MIN))

/*
 * The earliest time a request can have been received: 2010-04-30 00:00 WIB,
 * the day UU 14/2008 took effect (Pasal 64: two years after 30 April 2008).
 * Earlier times are refused as typing mistakes.
 */
#define REQ_RECEIVED_FLOOR ((time_t)1272560400)

enum req_channel {
	REQ_CHANNEL_KIOSK = 0, /* the visitor used the kiosk */
	REQ_CHANNEL_DESK,      /* in person, form filled by the desk */
	REQ_CHANNEL_LETTER,    /* by letter */
	REQ_CHANNEL_EMAIL,     /* by email */
	REQ_CHANNEL_PHONE,     /* by phone */
	REQ_CHANNEL_COUNT,
};

enum req_id_type {
	REQ_ID_NIK = 0,	 /* KTP: 16-digit NIK */
	REQ_ID_PASSPORT, /* passport or ID card with an MRZ */
	REQ_ID_DEED,	 /* legal entity: deed (akta) number */
	REQ_ID_OTHER,	 /* another identity document */
	REQ_ID_COUNT,
};

enum req_obtain {
	REQ_OBTAIN_VIEW = 0, /* view / read / listen / take notes */
	REQ_OBTAIN_SOFTCOPY, /* get a copy, electronic */
	REQ_OBTAIN_HARDCOPY, /* get a copy, printed */
	REQ_OBTAIN_COUNT,
};

enum req_delivery {
	REQ_DELIVERY_PICKUP = 0, /* collect in person */
	REQ_DELIVERY_COURIER,	 /* courier */
	REQ_DELIVERY_POST,	 /* post */
	REQ_DELIVERY_FAX,	 /* fax */
	REQ_DELIVERY_EMAIL,	 /* email */
	REQ_DELIVERY_COUNT,
};

enum req_field {
	REQ_F_NAME = 0,	  /* name */
	REQ_F_ID,	  /* identity number */
	REQ_F_ADDRESS,	  /* address */
	REQ_F_OCCUPATION, /* occupation */
	REQ_F_PHONE,	  /* phone */
	REQ_F_EMAIL,	  /* email */
	REQ_F_INFO,	  /* information requested */
	REQ_F_PURPOSE,	  /* purpose of use */
	REQ_F_OBTAIN,	  /* how to obtain it */
	REQ_F_DELIVERY,	  /* how to receive the copy */
	REQ_F_CHANNEL,	  /* how the request arrived */
	REQ_F_RECEIVED,	  /* when it arrived */
	REQ_F_COUNT,
};

struct request {
	/* Filled by the requester (or the desk on their behalf). */
	char name[REQ_BUF(REQ_NAME_MAX)];	/* full name */
	enum req_id_type id_type;		/* kind of ID */
	char id_number[REQ_BUF(REQ_ID_MAX)];	/* NIK etc.: personal data */
	bool proxy;				/* acting for someone else */
	char address[REQ_BUF(REQ_ADDRESS_MAX)]; /* postal address */
	char occupation[REQ_BUF(REQ_OCCUPATION_MAX)]; /* occupation */
	char phone[REQ_BUF(REQ_PHONE_MAX)];	      /* phone, or "" */
	char email[REQ_BUF(REQ_EMAIL_MAX)];	      /* email, or "" */
	char info[REQ_BUF(REQ_INFO_MAX)];	/* information requested */
	char purpose[REQ_BUF(REQ_PURPOSE_MAX)]; /* purpose of use */
	enum req_obtain obtain;			/* view or copy */
	enum req_delivery delivery;		/* how to get the copy */
	enum lang lang;				/* the visitor's language */

	/* Recorded by the office. */
	enum req_channel channel; /* how it arrived */
	time_t received_at;	  /* UTC; REQ_RECEIVED_NOW = now */
	enum wf_regime regime;	  /* deadline regime (ordinary 10 + 7) */

	/* Filled by the queue store. */
	int64_t id;		       /* row id */
	char regno[REQ_REGNO_MAX];     /* registration number */
	char token[REQ_TOKEN_LEN + 1]; /* receipt QR token */
	time_t created_at;	       /* when it was entered */
	enum wf_status status;	       /* where it is in the SOP */
	struct date start_date;	       /* first counting day */
	struct date deadline;	       /* notification due */
	bool extended;		       /* extended once */
	struct date extended_deadline; /* valid when extended */
	int extensions;		       /* extensions granted */
	enum wf_decision decision;     /* decision, or NONE */
	char basis[32];		       /* Pasal 17 letters, "b,h" */
	char holder[REQ_BUF(200)];     /* who holds it when not held */
	char memo[REQ_BUF(100)];       /* coordination memo number */
	time_t notified_at;	       /* 0 = not yet */
	time_t closed_at;	       /* 0 = not yet */
	time_t updated_at;	       /* last change */
};

/** One problem with one field. */
struct req_error {
	enum req_field field;	/* which field */
	const struct text *msg; /* what is wrong, static */
};

/** Reset every field to empty / default (received_at REQ_RECEIVED_NOW,
 *  regime WF_REGIME_ORDINARY). */
void request_init(struct request *req);

/** Overwrite the whole request with zeros in a way the compiler keeps
 *  (privacy: the kiosk wipes a visitor's data when it resets). */
void request_wipe(struct request *req);

/**
 * Check one field of @p req.  For REQ_F_RECEIVED, @p now is the current
 * time: received_at may not be in the future nor before
 * REQ_RECEIVED_FLOOR (REQ_RECEIVED_NOW passes).
 * @return NULL if fine, else a static message.
 */
const struct text *request_check_field(const struct request *req,
				       enum req_field field, time_t now);

/**
 * Check every field.  Up to @p max problems go into @p errs.
 * @return the number of problems (0 = valid).
 */
int request_validate(const struct request *req, time_t now,
		     struct req_error *errs, int max);

/** The deadline in force: the extended one if extended. */
struct date request_due(const struct request *req);

/** true if not yet notified and @p today is after the deadline in force. */
bool request_overdue(const struct request *req, struct date today);

/** Names for fields, channels, ID types, obtain and delivery modes. */
const struct text *request_field_label(enum req_field f);
const char *request_channel_key(enum req_channel c);
int request_channel_from_key(const char *key);
const struct text *request_channel_label(enum req_channel c);
const char *request_id_type_key(enum req_id_type t);
int request_id_type_from_key(const char *key);
const char *request_obtain_key(enum req_obtain o);
int request_obtain_from_key(const char *key);
const struct text *request_obtain_label(enum req_obtain o);
const char *request_delivery_key(enum req_delivery d);
int request_delivery_from_key(const char *key);
const struct text *request_delivery_label(enum req_delivery d);

/**
 * The ID type to assume when nobody chose one.  Digits (with the spaces,
 * dots or dashes people type between groups) that number 15 to 17 are
 * taken as an NIK, so one with a digit missing or doubled is refused by
 * the NIK rules as a probable typo instead of being stored as another
 * document.
 * @return REQ_ID_NIK or REQ_ID_OTHER
 */
enum req_id_type request_id_type_guess(const char *id);

/**
 * Check that @p s is valid UTF-8 without control characters (newlines are
 * allowed when @p multiline), Unicode format characters or unassigned code
 * points, and, for one line (!@p multiline), without U+2028 / U+2029 (line
 * and paragraph separators); count its characters into @p chars.
 * @return true if acceptable.
 */
bool request_text_ok(const char *s, bool multiline, size_t *chars);

#endif
