// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The TUI's staff entry of a request that came by letter, email, phone or
 * in person, with its real received time: the form, then `add`'s own
 * completion (console_add_complete()), request_validate() and
 * queue_submit().  The ID number is shown masked and wiped afterwards.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "idparse.h"
#include "tui.h"

enum {
	F_CHANNEL = 0,
	F_RECEIVED,
	F_NAME,
	F_ID,
	F_ID_TYPE,
	F_ADDRESS,
	F_OCCUPATION,
	F_PHONE,
	F_EMAIL,
	F_INFO,
	F_PURPOSE,
	F_OBTAIN,
	F_DELIVERY,
	F_PROXY,
	F_ELECTION,
	F_COUNT,
};

static const char *const channels[] = {"surat/letter", "email", "telepon/phone",
				       "langsung/desk"};
static const enum req_channel channel_of[] = {
    REQ_CHANNEL_LETTER, REQ_CHANNEL_EMAIL, REQ_CHANNEL_PHONE, REQ_CHANNEL_DESK};
static const char *const id_types[] = {"otomatis/auto", "nik", "passport",
				       "deed", "other"};
static const char *const obtains[] = {"otomatis/auto", "view", "softcopy",
				      "hardcopy"};
static const char *const deliveries[] = {"otomatis/auto", "pickup", "courier",
					 "post",	  "fax",    "email"};
static const char *const no_yes[] = {"tidak/no", "ya/yes"};

/* The form's text, file scope so it is wiped on every way out. */
static struct {
	char received[32];
	char name[REQ_BUF(REQ_NAME_MAX)];
	char id[REQ_BUF(REQ_ID_MAX)];
	char address[REQ_BUF(REQ_ADDRESS_MAX)];
	char occupation[REQ_BUF(REQ_OCCUPATION_MAX)];
	char phone[REQ_BUF(REQ_PHONE_MAX)];
	char email[REQ_BUF(REQ_EMAIL_MAX)];
	char info[REQ_BUF(REQ_INFO_MAX)];
	char purpose[REQ_BUF(REQ_PURPOSE_MAX)];
	struct request req;
	char msg[400];
	const struct text *warning; /* of the NIK, as `add` warns */
} form;

/* The form field that shows request field @p f. */
static int field_of(enum req_field f)
{
	static const int map[REQ_F_COUNT] = {
	    [REQ_F_NAME] = F_NAME,	 [REQ_F_ID] = F_ID,
	    [REQ_F_ADDRESS] = F_ADDRESS, [REQ_F_OCCUPATION] = F_OCCUPATION,
	    [REQ_F_PHONE] = F_PHONE,	 [REQ_F_EMAIL] = F_EMAIL,
	    [REQ_F_INFO] = F_INFO,	 [REQ_F_PURPOSE] = F_PURPOSE,
	    [REQ_F_OBTAIN] = F_OBTAIN,	 [REQ_F_DELIVERY] = F_DELIVERY,
	    [REQ_F_CHANNEL] = F_CHANNEL, [REQ_F_RECEIVED] = F_RECEIVED,
	};

	return (unsigned)f < REQ_F_COUNT ? map[f] : 0;
}

/* Save: complete, validate and submit; a problem keeps the form open on
 * its field. */
static const char *submit(struct tui *t, struct tui_field *f, int n, int *bad,
			  void *ctx)
{
	struct request *r = &form.req;
	struct req_error errs[REQ_F_COUNT];
	const char *why;
	int k;

	(void)n;
	(void)ctx;
	request_init(r);
	r->channel = channel_of[f[F_CHANNEL].choice];
	snprintf(r->name, sizeof(r->name), "%s", form.name);
	snprintf(r->id_number, sizeof(r->id_number), "%s", form.id);
	snprintf(r->address, sizeof(r->address), "%s", form.address);
	snprintf(r->occupation, sizeof(r->occupation), "%s", form.occupation);
	snprintf(r->phone, sizeof(r->phone), "%s", form.phone);
	snprintf(r->email, sizeof(r->email), "%s", form.email);
	snprintf(r->info, sizeof(r->info), "%s", form.info);
	snprintf(r->purpose, sizeof(r->purpose), "%s", form.purpose);
	r->proxy = f[F_PROXY].choice == 1;
	r->regime =
	    f[F_ELECTION].choice ? WF_REGIME_ELECTION : WF_REGIME_ORDINARY;
	if (*form.received && date_parse_wib(form.received, &r->received_at)) {
		*bad = F_RECEIVED;
		return "Waktu diterima: 'YYYY-MM-DD HH:MM' (WIB) / Received: "
		       "'YYYY-MM-DD HH:MM' (WIB)";
	}
	if (console_add_complete(
		r, f[F_ID_TYPE].choice ? id_types[f[F_ID_TYPE].choice] : NULL,
		f[F_OBTAIN].choice ? obtains[f[F_OBTAIN].choice] : NULL,
		f[F_DELIVERY].choice ? deliveries[f[F_DELIVERY].choice] : NULL,
		&why) < 0)
		return why;
	t->c->now = time(NULL);
	k = request_validate(r, t->c->now, errs, REQ_F_COUNT);
	if (k > 0) {
		*bad = field_of(errs[0].field);
		snprintf(form.msg, sizeof(form.msg), "%s: %s (%s)",
			 request_field_label(errs[0].field)->id,
			 errs[0].msg->id, errs[0].msg->en);
		return form.msg;
	}
	if (r->id_type == REQ_ID_NIK) {
		struct id_result res;

		id_parse(r->id_number, strlen(r->id_number),
			 console_today(t->c), &res);
		form.warning = res.warning;
		explicit_bzero(&res, sizeof(res));
	}
	if (queue_submit(t->q, r, &t->c->actor, false, t->c->now) < 0) {
		snprintf(form.msg, sizeof(form.msg), "%s", queue_errmsg(t->q));
		return form.msg;
	}
	return NULL;
}

void tui_add(struct tui *t)
{
	struct tui_field f[F_COUNT] = {
	    [F_CHANNEL] = {"Melalui / Channel", TUI_FIELD_CHOICE, NULL, 0,
			   channels, 4, 0},
	    [F_RECEIVED] = {"Diterima / Received (WIB)", TUI_FIELD_TEXT,
			    form.received, sizeof(form.received), NULL, 0, 0},
	    [F_NAME] = {"Nama / Name", TUI_FIELD_TEXT, form.name,
			sizeof(form.name), NULL, 0, 0},
	    [F_ID] = {"No. identitas / ID number", TUI_FIELD_SECRET, form.id,
		      sizeof(form.id), NULL, 0, 0},
	    [F_ID_TYPE] = {"Jenis ID / ID type", TUI_FIELD_CHOICE, NULL, 0,
			   id_types, 5, 0},
	    [F_ADDRESS] = {"Alamat / Address", TUI_FIELD_TEXT, form.address,
			   sizeof(form.address), NULL, 0, 0},
	    [F_OCCUPATION] = {"Pekerjaan / Occupation", TUI_FIELD_TEXT,
			      form.occupation, sizeof(form.occupation), NULL, 0,
			      0},
	    [F_PHONE] = {"Telepon / Phone", TUI_FIELD_TEXT, form.phone,
			 sizeof(form.phone), NULL, 0, 0},
	    [F_EMAIL] = {"Email", TUI_FIELD_TEXT, form.email,
			 sizeof(form.email), NULL, 0, 0},
	    [F_INFO] = {"Informasi / Information", TUI_FIELD_TEXT, form.info,
			sizeof(form.info), NULL, 0, 0},
	    [F_PURPOSE] = {"Tujuan / Purpose", TUI_FIELD_TEXT, form.purpose,
			   sizeof(form.purpose), NULL, 0, 0},
	    [F_OBTAIN] = {"Memperoleh / Obtain", TUI_FIELD_CHOICE, NULL, 0,
			  obtains, 4, 0},
	    [F_DELIVERY] = {"Penyampaian / Delivery", TUI_FIELD_CHOICE, NULL, 0,
			    deliveries, 6, 0},
	    [F_PROXY] = {"Kuasa / For someone else", TUI_FIELD_CHOICE, NULL, 0,
			 no_yes, 2, 0},
	    [F_ELECTION] = {"Info pemilu / Election info", TUI_FIELD_CHOICE,
			    NULL, 0, no_yes, 2, 0},
	};
	const struct text *why;
	const struct text *warning;
	char regno[REQ_REGNO_MAX];

	if (!workflow_may(t->c->actor.roles, WF_PERM_SUBMIT, &why)) {
		tui_msg(t, TUI_LOOK_ERROR, "%s (%s)", why->id, why->en);
		return;
	}
	explicit_bzero(&form, sizeof(form));
	date_format_wib(time(NULL), form.received, sizeof(form.received));
	/* "YYYY-MM-DD HH:MM WIB": the form takes it without the zone. */
	form.received[16] = '\0';
	if (tui_form(t, "Permohonan baru (surat, email, telepon) / New request",
		     f, F_COUNT, submit, NULL)) {
		snprintf(regno, sizeof(regno), "%s", form.req.regno);
		warning = form.warning;
		/* Entered here: no banner for it. */
		t->entered_here = form.req.id;
		explicit_bzero(&form, sizeof(form));
		tui_wrote(t);
		if (tui_detail_open(t, regno) == 0)
			tui_msg(t, warning ? TUI_LOOK_SOON : TUI_LOOK_OK,
				"Terdaftar / Registered: %s%s%s%s%s%s", regno,
				warning ? "  (" : "",
				warning ? warning->id : "",
				warning ? " / " : "",
				warning ? warning->en : "", warning ? ")" : "");
		return;
	}
	explicit_bzero(&form, sizeof(form));
	tui_msg(t, TUI_LOOK_NORMAL, "Dibatalkan / Cancelled");
}
