// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Document views: a request and the configuration turned into the strings
 * the receipt and the notification print.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "docview.h"
#include "idparse.h"
#include "workflow.h"

static void long_date(struct date d, enum lang lang, char *buf, size_t len)
{
	snprintf(buf, len, "%d %s %d", d.day,
		 date_month_name(d.month, lang == LANG_EN), d.year);
}

static void long_time(time_t t, enum lang lang, char *buf, size_t len)
{
	int min;
	struct date d = date_of_wib(t, &min);

	snprintf(buf, len, "%d %s %d %02d:%02d WIB", d.day,
		 date_month_name(d.month, lang == LANG_EN), d.year, min / 60,
		 min % 60);
}

int docview_receipt(const struct config *cfg, const struct request *r,
		    struct docview_receipt *out)
{
	struct doc_receipt *v = &out->doc;

	memset(out, 0, sizeof(*out));
	if (id_receipt_payload(r->regno, r->token, out->qr_payload,
			       sizeof(out->qr_payload)) < 0) {
		errno = EINVAL;
		return -1;
	}
	long_time(r->received_at, r->lang, out->received,
		  sizeof(out->received));
	long_date(r->deadline, r->lang, out->deadline, sizeof(out->deadline));
	id_mask(r->id_number, out->id_masked, sizeof(out->id_masked));
	snprintf(out->hours, sizeof(out->hours),
		 "Senin-Jumat %02d.%02d-%02d.%02d WIB", cfg->open_min / 60,
		 cfg->open_min % 60, cfg->close_min / 60, cfg->close_min % 60);
	v->lang = r->lang;
	v->paper_mm = cfg->paper_mm;
	v->office_name = cfg->office_name;
	v->office_address = cfg->office_address;
	v->office_hours = out->hours;
	v->regno = r->regno;
	v->received = out->received;
	v->name = r->name;
	v->id_masked = out->id_masked;
	v->info = r->info;
	v->channel = text_get(request_channel_label(r->channel), r->lang);
	v->deadline = out->deadline;
	v->deadline_note = r->regime == WF_REGIME_ELECTION
			       ? "Dapat diperpanjang 2 hari kerja (informasi "
				 "kepemiluan pada tahapan pemilu)."
			       : NULL;
	v->qr_payload = out->qr_payload;
	return 0;
}

/* The Pasal 17 letters of @p letters ("b,h") in words, "; " between. */
static void basis_words(const char *letters, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (const char *p = letters; *p && used < len; p++) {
		const struct text *t = workflow_pasal17_label(*p);
		int n;

		if (!t)
			continue;
		n = snprintf(buf + used, len - used,
			     "%sPasal 17 huruf %c UU 14/2008: %s",
			     used ? "; " : "", *p, t->id);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

int docview_notification(const struct config *cfg, const struct request *r,
			 const char *letter_number, struct date letter_date,
			 struct docview_notification *out)
{
	struct doc_notification *v = &out->doc;

	memset(out, 0, sizeof(*out));
	if (r->decision == WF_DECISION_NONE) {
		errno = EINVAL;
		return -1;
	}
	if (letter_number && *letter_number)
		snprintf(out->letter_number, sizeof(out->letter_number), "%s",
			 letter_number);
	else
		snprintf(out->letter_number, sizeof(out->letter_number),
			 "PT-%s", r->regno);
	long_date(letter_date, r->lang, out->letter_date,
		  sizeof(out->letter_date));
	long_date(date_of_wib(r->received_at, NULL), r->lang, out->request_date,
		  sizeof(out->request_date));
	id_mask(r->id_number, out->id_masked, sizeof(out->id_masked));
	snprintf(out->contact, sizeof(out->contact), "%s%s%s", r->phone,
		 *r->phone && *r->email ? " / " : "", r->email);
	basis_words(r->basis, out->basis, sizeof(out->basis));
	v->lang = r->lang;
	v->office_name = cfg->office_name;
	v->office_address = cfg->office_address;
	v->office_city = cfg->office_city;
	v->letter_number = out->letter_number;
	v->letter_date = out->letter_date;
	v->regno = r->regno;
	v->request_date = out->request_date;
	v->name = r->name;
	v->address = r->address;
	v->contact = out->contact;
	v->id_masked = out->id_masked;
	v->info = r->info;
	v->purpose = r->purpose;
	v->decision = workflow_decision_key(r->decision);
	v->decision_text =
	    text_get(workflow_decision_label(r->decision), r->lang);
	v->legal_basis = *out->basis ? out->basis : NULL;
	v->holder = *r->holder ? r->holder : NULL;
	v->form = text_get(request_obtain_label(r->obtain), r->lang);
	v->medium = r->obtain == REQ_OBTAIN_SOFTCOPY ? "Berkas elektronik"
						     : "Cetak (hardcopy)";
	v->delivery = text_get(request_delivery_label(r->delivery), r->lang);
	/* No name configured: the title signs, so the line is never empty
	 * (the renderer refuses an empty signer). */
	v->ppid_title = cfg->ppid_title;
	if (*cfg->ppid_name)
		v->ppid_name = cfg->ppid_name;
	else if (*cfg->ppid_title)
		v->ppid_name = cfg->ppid_title;
	else
		v->ppid_name = "PPID";
	return 0;
}

int docview_data_receipt(const struct config *cfg, const struct request *r,
			 const struct docview_handover *h,
			 struct docview_data_receipt *out)
{
	struct doc_data_receipt *v = &out->doc;
	const struct text *form = workflow_form_label(h->form);

	memset(out, 0, sizeof(*out));
	if (!form || !h->given || !*h->given) {
		errno = EINVAL;
		return -1;
	}
	long_date(date_of_wib(r->received_at, NULL), r->lang, out->request_date,
		  sizeof(out->request_date));
	long_time(h->at, r->lang, out->handed_at, sizeof(out->handed_at));
	id_mask(r->id_number, out->id_masked, sizeof(out->id_masked));
	v->lang = r->lang;
	v->office_name = cfg->office_name;
	v->office_address = cfg->office_address;
	v->office_city = cfg->office_city;
	v->regno = r->regno;
	v->request_date = out->request_date;
	v->name = r->name;
	v->id_masked = out->id_masked;
	v->address = r->address;
	v->info = r->info;
	v->given = h->given;
	v->form = text_get(form, r->lang);
	v->handed_at = out->handed_at;
	v->staff = h->staff;
	return 0;
}

int docview_render_data_receipt(const struct config *cfg,
				const struct request *r,
				const struct docview_handover *h,
				struct doc_buf *out)
{
	struct docview_data_receipt v;

	if (docview_data_receipt(cfg, r, h, &v) < 0) {
		snprintf(out->err, sizeof(out->err),
			 "no handover recorded (act REGNO handover --form F "
			 "--note WHAT)");
		return -1;
	}
	return document_render_data_receipt(&v.doc, out);
}

int docview_render_receipt(const struct config *cfg, const struct request *r,
			   struct doc_buf *out)
{
	struct docview_receipt v;
	int rc = -1;

	if (docview_receipt(cfg, r, &v) < 0)
		snprintf(out->err, sizeof(out->err),
			 "the request has no valid number and token for the "
			 "receipt's QR code");
	else
		rc = document_render_receipt(&v.doc, out);
	/* The view held personal data (a masked ID) on this stack. */
	explicit_bzero(&v, sizeof(v));
	return rc;
}

int docview_render_notification(const struct config *cfg,
				const struct request *r,
				const char *letter_number,
				struct date letter_date, struct doc_buf *out)
{
	struct docview_notification v;
	int rc = -1;

	if (docview_notification(cfg, r, letter_number, letter_date, &v) < 0)
		snprintf(out->err, sizeof(out->err),
			 "the request has no decision yet");
	else
		rc = document_render_notification(&v.doc, out);
	/* The view held personal data (contact, masked ID) on this stack. */
	explicit_bzero(&v, sizeof(v));
	return rc;
}

const char *docview_receipt_media(const struct config *cfg)
{
	return cfg->paper_mm == 58 ? "Roll58" : "Roll80";
}

const char *docview_notification_media(void)
{
	return "A4";
}
