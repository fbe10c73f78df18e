// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Review: every answer with an edit button, the consent to personal-data
 * processing (UU 27/2022) and the truth statement, both required.  Submit
 * checks the whole request with the core and sends it as an effect; the
 * first problem opens that field with its message.
 */

#include "flow_internal.h"

static const struct text txt_title = {"Periksa Permohonan Anda",
				      "Check your request"};
static const struct text txt_edit = {"Ubah", "Change"};
static const struct text txt_submit = {"Kirim Permohonan", "Send the request"};
static const struct text txt_consent = {
    "Saya setuju data pribadi saya diproses untuk melayani permohonan "
    "informasi ini, sesuai Undang-Undang Nomor 27 Tahun 2022 tentang "
    "Pelindungan Data Pribadi.",
    "I agree that my personal data is processed to handle this request for "
    "information, under Law No. 27 of 2022 on Personal Data Protection."};
static const struct text txt_truth = {
    "Saya menyatakan bahwa data yang saya isi adalah benar.",
    "I declare that the information I have given is true."};
static const struct text txt_need_both = {
    "Centang kedua pernyataan di atas untuk mengirim permohonan.",
    "Tick both statements above to send the request."};

void scene_review_on_enter(struct flow *f)
{
	f->m.from_review = false;
}

/* The first problem of the whole request: open its screen with it. */
static bool first_problem(struct flow *f)
{
	struct req_error err;
	int pos;

	if (request_validate(&f->m.v.req, f->wall, &err, 1) == 0)
		return false;
	f->m.from_review = true;
	if (err.field == REQ_F_ID) {
		flow_scene_next(f, FLOW_SCENE_IDENTIFY);
	} else {
		pos = flow_form_pos(err.field);
		f->m.field = pos < 0 ? 0 : pos;
		flow_scene_next(f, FLOW_SCENE_FORM);
	}
	flow_error(f, err.msg);
	return true;
}

static void submit(struct flow *f)
{
	struct flow_effect fx = {.type = FLOW_FX_SUBMIT};

	if (!f->m.consent || !f->m.truth) {
		flow_error(f, &txt_need_both);
		return;
	}
	f->m.v.req.lang = f->m.lang;
	f->m.v.req.channel = REQ_CHANNEL_KIOSK;
	f->m.v.req.received_at = REQ_RECEIVED_NOW; /* the commit stamps it */
	if (first_problem(f))
		return;
	flow_error(f, NULL);
	fx.req = &f->m.v.req;
	flow_fx(f, &fx);
	flow_scene_next(f, FLOW_SCENE_SUBMIT);
}

bool scene_review_on_event(struct flow *f, const struct flow_event *ev)
{
	if (ev->type != FLOW_EVT_TAP)
		return false;
	switch (ev->tap) {
	case FLOW_TAP_EDIT_FIELD:
		if (ev->index < 0 || ev->index >= FLOW_FORM_COUNT)
			return false;
		f->m.field = ev->index;
		f->m.from_review = true;
		flow_error(f, NULL);
		flow_scene_next(f, FLOW_SCENE_FORM);
		return true;
	case FLOW_TAP_EDIT_ID:
		f->m.from_review = true;
		flow_error(f, NULL);
		flow_scene_next(f, FLOW_SCENE_IDENTIFY);
		return true;
	case FLOW_TAP_CONSENT:
		f->m.consent = !f->m.consent;
		flow_error(f, NULL);
		f->changed = true;
		return true;
	case FLOW_TAP_TRUTH:
		f->m.truth = !f->m.truth;
		flow_error(f, NULL);
		f->changed = true;
		return true;
	case FLOW_TAP_SUBMIT:
		submit(f);
		return true;
	case FLOW_TAP_BACK:
		/* The flow pops back to the form: its last question. */
		f->m.field = FLOW_FORM_COUNT - 1;
		flow_error(f, NULL);
		return false;
	default:
		return false;
	}
}

void scene_review_on_exit(struct flow *f)
{
	(void)f;
}

/* A field's answer as shown: choices by their label, blanks marked. */
static const char *answer(const struct flow *f, struct flow_view *v,
			  enum req_field field)
{
	const struct request *r = &f->m.v.req;
	const char *s;

	switch (field) {
	case REQ_F_OBTAIN:
		return (unsigned)r->obtain < REQ_OBTAIN_COUNT
			   ? view_text(v, request_obtain_label(r->obtain))
			   : view_text(v, &flow_txt_not_given);
	case REQ_F_DELIVERY:
		return (unsigned)r->delivery < REQ_DELIVERY_COUNT
			   ? view_text(v, request_delivery_label(r->delivery))
			   : view_text(v, &flow_txt_not_given);
	case REQ_F_NAME:
		s = r->name;
		break;
	case REQ_F_ADDRESS:
		s = r->address;
		break;
	case REQ_F_OCCUPATION:
		s = r->occupation;
		break;
	case REQ_F_PHONE:
		s = r->phone;
		break;
	case REQ_F_EMAIL:
		s = r->email;
		break;
	case REQ_F_INFO:
		s = r->info;
		break;
	case REQ_F_PURPOSE:
		s = r->purpose;
		break;
	default:
		s = "";
		break;
	}
	return s[0] ? s : view_text(v, &flow_txt_not_given);
}

void scene_review_view(const struct flow *f, struct flow_view *v)
{
	char masked[REQ_BUF(REQ_ID_MAX)];
	struct flow_view_button *b;

	v->title = view_text(v, &txt_title);
	/* The ID is shown masked even to its owner: people stand behind. */
	id_mask(f->m.v.req.id_number, masked, sizeof(masked));
	view_line(v, view_text(v, request_field_label(REQ_F_ID)),
		  view_fmt(v, "%s", masked), FLOW_LINE_BODY);
	explicit_bzero(masked, sizeof(masked));
	view_button(v, FLOW_TAP_EDIT_ID, 0, &txt_edit);
	for (int i = 0; i < FLOW_FORM_COUNT; i++) {
		enum req_field field = flow_form_field(i);

		view_line(v, view_text(v, request_field_label(field)),
			  answer(f, v, field), FLOW_LINE_BODY);
		view_button(v, FLOW_TAP_EDIT_FIELD, i, &txt_edit);
	}
	b = view_button(v, FLOW_TAP_CONSENT, 0, &txt_consent);
	b->toggle = true;
	b->selected = f->m.consent;
	b = view_button(v, FLOW_TAP_TRUTH, 0, &txt_truth);
	b->toggle = true;
	b->selected = f->m.truth;
	view_button(v, FLOW_TAP_BACK, 0, &flow_txt_back);
	b = view_button(v, FLOW_TAP_SUBMIT, 0, &txt_submit);
	b->primary = true;
	view_common_buttons(v);
}
