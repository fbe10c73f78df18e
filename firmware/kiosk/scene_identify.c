// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Identify: scan the ID card (the reader's live state is shown) or type the
 * NIK on a numeric keypad.  The core's parser decides: a NIK fills the
 * identity number, an MRZ fills the document number and the name, a
 * receipt goes to its status, anything else shows the parser's reason.
 */

#include <string.h>

#include "flow_internal.h"

static const struct text txt_title = {"Identitas Pemohon", "Your identity"};
static const struct text txt_scan = {
    "Pindai KTP atau paspor Anda pada pembaca kartu, atau ketik NIK Anda.",
    "Scan your ID card or passport on the card reader, or type your NIK."};
static const struct text txt_reader_ok = {"Pembaca kartu siap.",
					  "The card reader is ready."};
static const struct text txt_reader_off = {
    "Pembaca kartu tidak tersedia. Silakan ketik NIK Anda.",
    "The card reader is not available. Please type your NIK."};
static const struct text txt_nik = {"NIK (16 angka)", "NIK (16 digits)"};
static const struct text txt_receipt_here = {
    "Ini tanda terima, bukan kartu identitas. Pindai KTP atau paspor Anda.",
    "This is a receipt, not an identity card. Scan your ID card or "
    "passport."};

void scene_identify_on_enter(struct flow *f)
{
	flow_error(f, NULL);
}

static void accepted(struct flow *f, const struct id_result *r)
{
	flow_fill_id(f, r);
	if (r->kind == ID_KIND_NIK)
		flow_copy_text(f->m.v.id_text, sizeof(f->m.v.id_text),
			       r->u.nik.nik);
	flow_error(f, NULL);
	if (f->m.from_review) {
		f->m.from_review = false;
		flow_scene_back_to(f, FLOW_SCENE_REVIEW);
		return;
	}
	f->m.field = 0;
	flow_scene_next(f, FLOW_SCENE_FORM);
}

static void parsed(struct flow *f, struct id_result *r, bool typed)
{
	switch (r->kind) {
	case ID_KIND_NIK:
	case ID_KIND_MRZ_TD1:
	case ID_KIND_MRZ_TD3:
		accepted(f, r);
		break;
	case ID_KIND_RECEIPT:
		if (typed || f->m.from_review)
			flow_error(f, &txt_receipt_here);
		else
			flow_lookup_receipt(f, &r->u.receipt);
		break;
	default:
		flow_error(f, r->reason);
		break;
	}
	explicit_bzero(r, sizeof(*r));
}

bool scene_identify_on_event(struct flow *f, const struct flow_event *ev)
{
	struct id_result r;

	switch (ev->type) {
	case FLOW_EVT_TEXT:
		if (ev->input != FLOW_INPUT_ID || !ev->text)
			return false;
		flow_copy_text(f->m.v.id_text, sizeof(f->m.v.id_text),
			       ev->text);
		flow_error(f, NULL);
		f->changed = true;
		return true;
	case FLOW_EVT_CARD:
		if (!ev->text)
			return false;
		flow_parse_id(f, ev->text, ev->len, &r);
		parsed(f, &r, false);
		return true;
	case FLOW_EVT_TAP:
		if (ev->tap == FLOW_TAP_NEXT) {
			flow_parse_id(f, f->m.v.id_text, strlen(f->m.v.id_text),
				      &r);
			parsed(f, &r, true);
			return true;
		}
		if (ev->tap == FLOW_TAP_BACK && f->m.from_review) {
			f->m.from_review = false;
			flow_scene_back_to(f, FLOW_SCENE_REVIEW);
			return true;
		}
		return false;
	default:
		return false;
	}
}

void scene_identify_on_exit(struct flow *f)
{
	flow_error(f, NULL);
}

void scene_identify_view(const struct flow *f, struct flow_view *v)
{
	struct flow_view_input *in = &v->inputs[v->n_inputs++];
	struct flow_view_button *b;

	v->title = view_text(v, &txt_title);
	view_line(v, NULL, view_text(v, &txt_scan), FLOW_LINE_BODY);
	view_line(
	    v, NULL,
	    view_text(v, f->m.reader_ok ? &txt_reader_ok : &txt_reader_off),
	    f->m.reader_ok ? FLOW_LINE_SMALL : FLOW_LINE_WARNING);
	in->input = FLOW_INPUT_ID;
	in->label = view_text(v, &txt_nik);
	in->value = f->m.v.id_text;
	in->max_chars = ID_NIK_LEN;
	in->kb = FLOW_KB_NUMERIC;
	view_button(v, FLOW_TAP_BACK, 0, &flow_txt_back);
	b = view_button(v, FLOW_TAP_NEXT, 0, &flow_txt_next);
	b->primary = true;
	view_common_buttons(v);
}
