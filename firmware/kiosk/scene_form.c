// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The form, one question per screen with "3 of 9": name, address,
 * occupation, phone, email (optional), the information requested, purpose,
 * how to obtain it and how to receive a copy (large choices).  A field is
 * checked by the core (request_check_field) when it is left forwards; Back
 * never blocks.  Phone and email are checked together: one of them is
 * needed, so a blank phone is judged when the email is left, and the
 * delivery choice re-checks both (fax needs a number, email an address).
 */

#include <stdio.h>

#include "flow_internal.h"

static const struct text txt_progress = {"Pertanyaan %d dari %d",
					 "Question %d of %d"};
static const struct text txt_optional = {"Boleh dikosongkan.",
					 "You may leave this empty."};
static const struct text txt_to_review = {"Simpan", "Save"};

struct field_info {
	enum req_field field;  /* which one */
	size_t max_chars;      /* limit the core checks */
	enum flow_keyboard kb; /* keyboard to show */
	bool multiline;	       /* may hold line breaks */
	bool optional;	       /* may be left empty */
};

static const struct field_info fields[FLOW_FORM_COUNT] = {
    {REQ_F_NAME, REQ_NAME_MAX, FLOW_KB_TEXT, false, false},
    {REQ_F_ADDRESS, REQ_ADDRESS_MAX, FLOW_KB_TEXT, true, false},
    {REQ_F_OCCUPATION, REQ_OCCUPATION_MAX, FLOW_KB_TEXT, false, false},
    {REQ_F_PHONE, REQ_PHONE_MAX, FLOW_KB_PHONE, false, false},
    {REQ_F_EMAIL, REQ_EMAIL_MAX, FLOW_KB_EMAIL, false, true},
    {REQ_F_INFO, REQ_INFO_MAX, FLOW_KB_TEXT, true, false},
    {REQ_F_PURPOSE, REQ_PURPOSE_MAX, FLOW_KB_TEXT, true, false},
    {REQ_F_OBTAIN, 0, FLOW_KB_NONE, false, false},
    {REQ_F_DELIVERY, 0, FLOW_KB_NONE, false, false},
};

/** The text buffer of a text field, NULL for a choice. */
static char *field_buf(struct request *r, enum req_field field, size_t *size)
{
	switch (field) {
	case REQ_F_NAME:
		*size = sizeof(r->name);
		return r->name;
	case REQ_F_ADDRESS:
		*size = sizeof(r->address);
		return r->address;
	case REQ_F_OCCUPATION:
		*size = sizeof(r->occupation);
		return r->occupation;
	case REQ_F_PHONE:
		*size = sizeof(r->phone);
		return r->phone;
	case REQ_F_EMAIL:
		*size = sizeof(r->email);
		return r->email;
	case REQ_F_INFO:
		*size = sizeof(r->info);
		return r->info;
	case REQ_F_PURPOSE:
		*size = sizeof(r->purpose);
		return r->purpose;
	default:
		*size = 0;
		return NULL;
	}
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* What is wrong when the visitor leaves @p field forwards. */
static const struct text *leave_check(const struct flow *f,
				      enum req_field field)
{
	const struct request *r = &f->m.v.req;
	const struct text *t;

	switch (field) {
	case REQ_F_PHONE:
		if (blank(r->phone))
			return NULL;
		return request_check_field(r, REQ_F_PHONE, f->wall);
	case REQ_F_EMAIL:
		t = request_check_field(r, REQ_F_EMAIL, f->wall);
		return t ? t : request_check_field(r, REQ_F_PHONE, f->wall);
	case REQ_F_DELIVERY:
		t = request_check_field(r, REQ_F_DELIVERY, f->wall);
		if (!t)
			t = request_check_field(r, REQ_F_PHONE, f->wall);
		if (!t)
			t = request_check_field(r, REQ_F_EMAIL, f->wall);
		return t;
	default:
		return request_check_field(r, field, f->wall);
	}
}

static void forward(struct flow *f)
{
	const struct text *t = leave_check(f, fields[f->m.field].field);

	if (t) {
		flow_error(f, t);
		return;
	}
	flow_error(f, NULL);
	f->m.notice = NULL;
	if (f->m.from_review || f->m.field == FLOW_FORM_COUNT - 1) {
		f->m.from_review = false;
		flow_scene_back_to(f, FLOW_SCENE_REVIEW);
		return;
	}
	f->m.field++;
	f->changed = true;
}

static bool choose(struct flow *f, int index)
{
	struct request *r = &f->m.v.req;
	enum req_field field = fields[f->m.field].field;

	if (field == REQ_F_OBTAIN && index >= 0 && index < REQ_OBTAIN_COUNT)
		r->obtain = (enum req_obtain)index;
	else if (field == REQ_F_DELIVERY && index >= 0 &&
		 index < REQ_DELIVERY_COUNT)
		r->delivery = (enum req_delivery)index;
	else
		return false;
	f->changed = true;
	forward(f);
	return true;
}

void scene_form_on_enter(struct flow *f)
{
	if (f->m.field < 0 || f->m.field >= FLOW_FORM_COUNT)
		f->m.field = 0;
}

bool scene_form_on_event(struct flow *f, const struct flow_event *ev)
{
	size_t size;
	char *buf;

	if (ev->type == FLOW_EVT_TEXT) {
		buf = field_buf(&f->m.v.req, fields[f->m.field].field, &size);
		if (ev->input != FLOW_INPUT_FIELD || !buf || !ev->text)
			return false;
		flow_copy_text(buf, size, ev->text);
		flow_error(f, NULL);
		f->changed = true;
		return true;
	}
	if (ev->type != FLOW_EVT_TAP)
		return false;
	switch (ev->tap) {
	case FLOW_TAP_NEXT:
		forward(f);
		return true;
	case FLOW_TAP_CHOICE:
		return choose(f, ev->index);
	case FLOW_TAP_BACK:
		flow_error(f, NULL);
		if (f->m.from_review) {
			f->m.from_review = false;
			flow_scene_back_to(f, FLOW_SCENE_REVIEW);
			return true;
		}
		if (f->m.field == 0)
			return false; /* the flow goes back to identify */
		f->m.field--;
		f->changed = true;
		return true;
	default:
		return false;
	}
}

void scene_form_on_exit(struct flow *f)
{
	flow_error(f, NULL);
}

void scene_form_view(const struct flow *f, struct flow_view *v)
{
	const struct field_info *fi = &fields[f->m.field];
	const struct request *r = &f->m.v.req;
	struct flow_view_button *b;
	size_t size;
	const char *buf;

	v->title = view_text(v, request_field_label(fi->field));
	/* The format is ours and static. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	v->progress = view_fmt(v, view_text(v, &txt_progress), f->m.field + 1,
			       FLOW_FORM_COUNT);
#pragma GCC diagnostic pop
	buf = field_buf((struct request *)r, fi->field, &size);
	if (buf) {
		struct flow_view_input *in = &v->inputs[v->n_inputs++];

		in->input = FLOW_INPUT_FIELD;
		in->label = v->title;
		in->value = buf;
		in->max_chars = fi->max_chars;
		in->kb = fi->kb;
		in->multiline = fi->multiline;
		in->optional = fi->optional;
		if (fi->optional)
			view_line(v, NULL, view_text(v, &txt_optional),
				  FLOW_LINE_SMALL);
	} else if (fi->field == REQ_F_OBTAIN) {
		for (int i = 0; i < REQ_OBTAIN_COUNT; i++) {
			b = view_button(v, FLOW_TAP_CHOICE, i,
					request_obtain_label(i));
			b->selected = (int)r->obtain == i;
		}
	} else {
		for (int i = 0; i < REQ_DELIVERY_COUNT; i++) {
			b = view_button(v, FLOW_TAP_CHOICE, i,
					request_delivery_label(i));
			b->selected = (int)r->delivery == i;
		}
	}
	view_button(v, FLOW_TAP_BACK, 0, &flow_txt_back);
	b = view_button(v, FLOW_TAP_NEXT, 0,
			f->m.from_review ? &txt_to_review : &flow_txt_next);
	b->primary = true;
	view_common_buttons(v);
}
