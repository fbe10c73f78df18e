// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Submit: the request has gone to the main loop (FLOW_FX_SUBMIT) and the
 * screen waits for the one transaction's answer.  Committed: the number and
 * deadline are kept, the answers wiped, the receipt printed.  Busy or
 * refused: back to the review with a message, nothing lost.  The database
 * unusable (read-only, full, damaged, missing): out of service.
 */

#include "flow_internal.h"

static const struct text txt_title = {"Mengirim permohonan...",
				      "Sending your request..."};
static const struct text txt_wait = {"Mohon tunggu sebentar.",
				     "Please wait a moment."};
static const struct text txt_busy = {
    "Sistem sedang sibuk. Permohonan belum terkirim; silakan tekan Kirim "
    "lagi.",
    "The system is busy. Your request has not been sent yet; please press "
    "Send again."};
static const struct text txt_refused = {
    "Permohonan belum dapat diterima. Periksa jawaban Anda, atau minta "
    "bantuan petugas.",
    "The request could not be accepted. Check your answers, or ask the desk "
    "for help."};
static const struct text txt_failed = {
    "Permohonan belum terkirim karena gangguan. Silakan coba lagi, atau "
    "minta bantuan petugas.",
    "Your request was not sent because of a fault. Please try again, or ask "
    "the desk for help."};

void scene_submit_on_enter(struct flow *f)
{
	(void)f;
}

static bool db_unusable(enum queue_err err)
{
	return err == QUEUE_ERR_READONLY || err == QUEUE_ERR_FULL ||
	       err == QUEUE_ERR_CORRUPT || err == QUEUE_ERR_IO ||
	       err == QUEUE_ERR_VERSION;
}

static void committed(struct flow *f, const struct flow_event *ev)
{
	struct flow_effect fx = {.type = FLOW_FX_PRINT_RECEIPT};
	struct flow_visitor *v = &f->m.v;

	/* The answers are in the database now; the screen needs only the
	 * number and the date. */
	flow_wipe(f);
	flow_copy_text(v->regno, sizeof(v->regno), ev->regno ? ev->regno : "");
	v->deadline = ev->deadline;
	v->request_id = ev->id;
	f->m.print = f->m.printer == FLOW_PRINTER_OK ? FLOW_PRINT_PRINTING
						     : FLOW_PRINT_FAILED;
	fx.request_id = ev->id;
	flow_copy_text(fx.regno, sizeof(fx.regno), v->regno);
	flow_fx(f, &fx);
	flow_scene_reset(f, FLOW_SCENE_DONE);
}

bool scene_submit_on_event(struct flow *f, const struct flow_event *ev)
{
	if (ev->type == FLOW_EVT_TAP && ev->tap == FLOW_TAP_BACK)
		return true; /* no way back while the answer is pending */
	if (ev->type != FLOW_EVT_SUBMIT_DONE)
		return false;
	if (ev->err == QUEUE_OK) {
		committed(f, ev);
		return true;
	}
	if (db_unusable(ev->err) || f->db_fault_deferred) {
		f->m.db_ok = false;
		f->m.db_err = ev->err;
		f->db_fault_deferred = false;
		flow_fx(f, &(struct flow_effect){.type = FLOW_FX_WIPE});
		flow_wipe(f);
		flow_scene_reset(f, FLOW_SCENE_OUT_OF_SERVICE);
		return true;
	}
	flow_scene_back_to(f, FLOW_SCENE_REVIEW);
	switch (ev->err) {
	case QUEUE_ERR_BUSY:
		flow_error(f, &txt_busy);
		break;
	case QUEUE_ERR_INVALID:
	case QUEUE_ERR_REFUSED:
		flow_error(f, &txt_refused);
		break;
	default:
		flow_error(f, &txt_failed);
		break;
	}
	return true;
}

void scene_submit_on_exit(struct flow *f)
{
	(void)f;
}

void scene_submit_view(const struct flow *f, struct flow_view *v)
{
	v->title = view_text(v, &txt_title);
	view_line(v, NULL, view_text(v, &txt_wait), FLOW_LINE_BODY);
	view_call_line(f, v);
	view_button(v, FLOW_TAP_LANG, 0, &flow_txt_lang);
}
