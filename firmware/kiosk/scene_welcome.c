// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Welcome: the office's name, three large choices (request information,
 * check a status / collect, call the desk), the language, office hours,
 * "free of charge", and a warning when receipts cannot be printed now.
 * Entering it wipes whatever the previous visitor left.  A card read here
 * starts at once: an ID begins a request, a receipt checks its status.
 */

#include "flow_internal.h"

static const struct text txt_title = {"Layanan Informasi Publik",
				      "Public Information Service"};
static const struct text txt_request = {"Ajukan Permohonan Informasi",
					"Request information"};
static const struct text txt_status = {"Cek Status / Ambil Dokumen",
				       "Check a status / collect documents"};
static const struct text txt_free = {"Layanan ini tidak dipungut biaya.",
				     "This service is free of charge."};
static const struct text txt_hours = {"Jam layanan", "Office hours"};
static const struct text txt_hint = {
    "Anda juga dapat langsung memindai KTP atau tanda terima.",
    "You can also scan your ID card or your receipt right away."};
static const struct text txt_no_paper = {
    "Saat ini tanda terima tidak dapat dicetak (kertas habis). Permohonan "
    "tetap dapat diajukan; catat nomornya.",
    "Receipts cannot be printed right now (out of paper). You can still "
    "submit a request; write its number down."};
static const struct text txt_offline = {
    "Saat ini tanda terima tidak dapat dicetak (printer tidak tersedia). "
    "Permohonan tetap dapat diajukan; catat nomornya.",
    "Receipts cannot be printed right now (the printer is not available). "
    "You can still submit a request; write its number down."};
static const struct text txt_fault = {
    "Saat ini tanda terima tidak dapat dicetak. Permohonan tetap dapat "
    "diajukan; catat nomornya.",
    "Receipts cannot be printed right now. You can still submit a request; "
    "write its number down."};

void scene_welcome_on_enter(struct flow *f)
{
	flow_wipe(f);
	flow_fx(f, &(struct flow_effect){.type = FLOW_FX_WIPE});
}

bool scene_welcome_on_event(struct flow *f, const struct flow_event *ev)
{
	struct id_result r;

	if (ev->type == FLOW_EVT_TAP && ev->tap == FLOW_TAP_REQUEST) {
		flow_scene_next(f, FLOW_SCENE_IDENTIFY);
		return true;
	}
	if (ev->type == FLOW_EVT_TAP && ev->tap == FLOW_TAP_CHECK_STATUS) {
		flow_scene_next(f, FLOW_SCENE_STATUS);
		return true;
	}
	if (ev->type != FLOW_EVT_CARD)
		return false;
	switch (flow_parse_id(f, ev->text, ev->len, &r)) {
	case ID_KIND_RECEIPT:
		flow_lookup_receipt(f, &r.u.receipt);
		break;
	case ID_KIND_INVALID:
		flow_error(f, r.reason);
		break;
	default:
		/* Identify takes the same read and moves on to the form. */
		flow_scene_next(f, FLOW_SCENE_IDENTIFY);
		scene_identify_on_event(f, ev);
		break;
	}
	explicit_bzero(&r, sizeof(r));
	return true;
}

void scene_welcome_on_exit(struct flow *f)
{
	flow_error(f, NULL);
}

/** The printer warning for @p p, or NULL when it can print. */
static const struct text *printer_warning(enum flow_printer p)
{
	switch (p) {
	case FLOW_PRINTER_OK:
		return NULL;
	case FLOW_PRINTER_NO_PAPER:
		return &txt_no_paper;
	case FLOW_PRINTER_OFFLINE:
		return &txt_offline;
	default:
		return &txt_fault;
	}
}

void scene_welcome_view(const struct flow *f, struct flow_view *v)
{
	const struct text *warn = printer_warning(f->m.printer);
	struct flow_view_button *b;

	v->title = f->cfg.office_name[0] ? f->cfg.office_name
					 : view_text(v, &txt_title);
	if (warn)
		view_line(v, NULL, view_text(v, warn), FLOW_LINE_WARNING);
	b = view_button(v, FLOW_TAP_REQUEST, 0, &txt_request);
	b->primary = true;
	view_button(v, FLOW_TAP_CHECK_STATUS, 0, &txt_status);
	view_button(v, FLOW_TAP_CALL, 0, &flow_txt_call);
	view_button(v, FLOW_TAP_LANG, 0, &flow_txt_lang);
	view_line(v, NULL, view_text(v, &txt_hint), FLOW_LINE_BODY);
	view_line(v, view_text(v, &txt_hours),
		  view_fmt(v, "%02d.%02d - %02d.%02d WIB", f->cfg.open_min / 60,
			   f->cfg.open_min % 60, f->cfg.close_min / 60,
			   f->cfg.close_min % 60),
		  FLOW_LINE_SMALL);
	view_line(v, NULL, view_text(v, &txt_free), FLOW_LINE_SMALL);
}
