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

#include <stddef.h>
#include <stdio.h>

#include "flow_internal.h"

static const struct text txt_progress = {"Pertanyaan %d dari %d",
					 "Question %d of %d"};
static const struct text txt_optional = {"Boleh dikosongkan.",
					 "You may leave this empty."};
static const struct text txt_to_review = {"Simpan", "Save"};

struct field_info {
	enum req_field field; /* which one */
	size_t off, size;     /* its buffer in struct request; size 0: choice */
	size_t max_chars;     /* limit the core checks */
	enum flow_keyboard kb; /* keyboard to show */
	bool multiline;	       /* may hold line breaks */
	bool optional;	       /* may be left empty */
};

#define TEXT_FIELD(f, member, max, kb, ml, opt)                                \
	{                                                                      \
		f, offsetof(struct request, member),                           \
		    sizeof(((struct request *)0)->member), max, kb, ml, opt    \
	}
#define CHOICE_FIELD(f)                                                        \
	{                                                                      \
		f, 0, 0, 0, FLOW_KB_NONE, false, false                         \
	}

static const struct field_info fields[FLOW_FORM_COUNT] = {
    TEXT_FIELD(REQ_F_NAME, name, REQ_NAME_MAX, FLOW_KB_TEXT, false, false),
    TEXT_FIELD(REQ_F_ADDRESS, address, REQ_ADDRESS_MAX, FLOW_KB_TEXT, true,
	       false),
    TEXT_FIELD(REQ_F_OCCUPATION, occupation, REQ_OCCUPATION_MAX, FLOW_KB_TEXT,
	       false, false),
    TEXT_FIELD(REQ_F_PHONE, phone, REQ_PHONE_MAX, FLOW_KB_PHONE, false, false),
    TEXT_FIELD(REQ_F_EMAIL, email, REQ_EMAIL_MAX, FLOW_KB_EMAIL, false, true),
    TEXT_FIELD(REQ_F_INFO, info, REQ_INFO_MAX, FLOW_KB_TEXT, true, false),
    TEXT_FIELD(REQ_F_PURPOSE, purpose, REQ_PURPOSE_MAX, FLOW_KB_TEXT, true,
	       false),
    CHOICE_FIELD(REQ_F_OBTAIN),
    CHOICE_FIELD(REQ_F_DELIVERY),
};

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
	const struct field_info *fi = &fields[f->m.field];

	if (ev->type == FLOW_EVT_TEXT) {
		if (ev->input != FLOW_INPUT_FIELD || !fi->size || !ev->text)
			return false;
		flow_copy_text((char *)&f->m.v.req + fi->off, fi->size,
			       ev->text);
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

	v->title = view_text(v, request_field_label(fi->field));
	/* The format is ours and static. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	v->progress = view_fmt(v, view_text(v, &txt_progress), f->m.field + 1,
			       FLOW_FORM_COUNT);
#pragma GCC diagnostic pop
	if (fi->size) {
		struct flow_view_input *in = &v->inputs[v->n_inputs++];

		in->input = FLOW_INPUT_FIELD;
		in->label = v->title;
		in->value = (const char *)r + fi->off;
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
