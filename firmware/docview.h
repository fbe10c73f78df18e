/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What goes on the printed documents: the receipt (tanda terima), the
 * written notification (pemberitahuan tertulis) and the data receipt
 * (tanda terima data) of a request, formatted from
 * the request and the configuration into document.h's view structs.  The
 * kiosk and the console both print through here, so a receipt looks the
 * same whoever prints it.  Pure apart from document.h's renderers; safe on
 * any thread.
 */
#ifndef PPID_DOCVIEW_H
#define PPID_DOCVIEW_H

#include "config.h"
#include "date.h"
#include "document.h"
#include "request.h"

#define DOCVIEW_NUMBER_MAX 96 /* letter number, NUL included */

/**
 * A receipt's view and the text it was formatted into.  @c doc's strings
 * point into this struct, into the configuration and into the request:
 * valid while all three are and unchanged.
 */
struct docview_receipt {
	struct doc_receipt doc; /* hand this to document_render_receipt() */
	char received[48];	/* "27 November 2026 10:15 WIB" */
	char deadline[32];	/* "11 Desember 2026" */
	char id_masked[64];	/* "1771********0001" */
	char qr_payload[128];	/* "PPID1|<regno>|<token>" */
	char hours[48];		/* "Senin-Jumat 08.00-16.00 WIB" */
};

/** A notification's view, borrowed as struct docview_receipt's. */
struct docview_notification {
	struct doc_notification doc; /* for document_render_notification() */
	char letter_number[DOCVIEW_NUMBER_MAX]; /* as given, or "PT-<regno>" */
	char letter_date[32];			/* "30 November 2026" */
	char request_date[32];			/* the day it was received */
	char id_masked[64];			/* masked ID number */
	char contact[512];			/* "phone / email" */
	char basis[512];			/* Pasal 17 letters in words */
};

/** What was handed over (the request's "handover" event). */
struct docview_handover {
	const char *given; /* what was given, as recorded */
	const char *form;  /* a workflow_form_key() ("usb") */
	time_t at;	   /* when, UTC */
	const char *staff; /* the login that handed it over */
};

/** A data receipt's view, borrowed as struct docview_receipt's (and from
 *  the struct docview_handover). */
struct docview_data_receipt {
	struct doc_data_receipt doc; /* for document_render_data_receipt() */
	char request_date[32];	     /* the day it was received */
	char handed_at[48];	     /* "1 Desember 2026 14:05 WIB" */
	char id_masked[64];	     /* masked ID number */
};

/**
 * Fill a receipt's view: office name, address and hours from @p cfg, the
 * number, time received (WIB), name, masked ID, information requested,
 * channel, deadline (with the election regime's note) and QR payload from
 * @p r, in the request's language, on the configured paper width.
 * @return 0, or -1 with errno EINVAL (no valid number or token in @p r;
 *         nothing else is checked here: the renderer checks the rest).
 */
int docview_receipt(const struct config *cfg, const struct request *r,
		    struct docview_receipt *out);

/**
 * Fill a notification's view for a decided request.  The signature block
 * names [ppid] name; when no name is configured the PPID title takes its
 * place, so the signer's line is never empty.
 * @param cfg           The configuration.
 * @param r             The request; must have a decision.
 * @param letter_number The letter's number, NULL or "" = "PT-<regno>".
 * @param letter_date   The letter's date (the office's today).
 * @param out           Filled.
 * @return 0, or -1 with errno EINVAL (no decision yet).
 */
int docview_notification(const struct config *cfg, const struct request *r,
			 const char *letter_number, struct date letter_date,
			 struct docview_notification *out);

/**
 * docview_receipt() then document_render_receipt().
 * @return 0, or -1 with errno and out->err saying why.
 */
int docview_render_receipt(const struct config *cfg, const struct request *r,
			   struct doc_buf *out);

/**
 * docview_notification() then document_render_notification().
 * @return 0, or -1 with errno and out->err saying why.
 */
int docview_render_notification(const struct config *cfg,
				const struct request *r,
				const char *letter_number,
				struct date letter_date, struct doc_buf *out);

/**
 * Fill a data receipt's view (tanda terima data, SOP step 5) from the
 * request and its handover, in the request's language.
 * @return 0, or -1 with errno EINVAL (an unknown form or nothing given).
 */
int docview_data_receipt(const struct config *cfg, const struct request *r,
			 const struct docview_handover *h,
			 struct docview_data_receipt *out);

/**
 * docview_data_receipt() then document_render_data_receipt().
 * @return 0, or -1 with errno and out->err saying why.
 */
int docview_render_data_receipt(const struct config *cfg,
				const struct request *r,
				const struct docview_handover *h,
				struct doc_buf *out);

/** The CUPS media for receipts on the configured roll: "Roll58" or
 *  "Roll80".  Static string. */
const char *docview_receipt_media(const struct config *cfg);

/** The CUPS media for notifications: "A4".  Static string. */
const char *docview_notification_media(void);

#endif
