// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Done: the request is committed.  The registration number large, the
 * deadline, and the receipt's fate: printing, take it, or could not print
 * (write the number down, go to the desk; the number stays on screen much
 * longer).  Back to welcome 20 s after the receipt is out, or on Finish.
 */

#include "flow_internal.h"

static const struct text txt_title = {"Permohonan Anda sudah terdaftar",
				      "Your request is registered"};
static const struct text txt_number = {"Nomor registrasi",
				       "Registration number"};
static const struct text txt_deadline = {"Jawaban paling lambat",
					 "Answer due by"};
static const struct text txt_printing = {"Tanda terima sedang dicetak...",
					 "Your receipt is printing..."};
static const struct text txt_printed = {
    "Silakan ambil tanda terima Anda. Simpan untuk mengecek status.",
    "Please take your receipt. Keep it to check the status."};
static const struct text txt_title_failed = {
    "Terdaftar, tetapi tanda terima tidak tercetak",
    "Registered, but the receipt did not print"};
static const struct text txt_print_failed = {
    "Catat atau foto nomor ini, lalu ke meja layanan.",
    "Write down or photograph this number, then go to the desk."};

static void arm(struct flow *f)
{
	int ms;

	switch (f->m.print) {
	case FLOW_PRINT_DONE:
		ms = f->cfg.done_ms;
		break;
	case FLOW_PRINT_FAILED:
		ms = f->cfg.done_failed_ms;
		break;
	default:
		ms = f->cfg.done_wait_ms;
		break;
	}
	f->done_end_ms = f->now_ms + ms;
}

static void finish(struct flow *f)
{
	f->done_end_ms = 0;
	if (f->db_fault_deferred || !f->m.db_ok) {
		f->db_fault_deferred = false;
		flow_wipe(f);
		flow_fx(f, &(struct flow_effect){.type = FLOW_FX_WIPE});
		flow_scene_reset(f, FLOW_SCENE_OUT_OF_SERVICE);
		return;
	}
	flow_scene_reset(f, FLOW_SCENE_WELCOME);
}

void scene_done_on_enter(struct flow *f)
{
	arm(f);
}

bool scene_done_on_event(struct flow *f, const struct flow_event *ev)
{
	switch (ev->type) {
	case FLOW_EVT_PRINT_DONE:
		/* flow.c recorded the outcome; it sets the time left. */
		arm(f);
		return true;
	case FLOW_EVT_TICK:
		if (f->done_end_ms && f->now_ms >= f->done_end_ms)
			finish(f);
		return true;
	case FLOW_EVT_TAP:
		if (ev->tap == FLOW_TAP_FINISH) {
			finish(f);
			return true;
		}
		/* Back would lead into a request that is already sent. */
		return ev->tap == FLOW_TAP_BACK;
	default:
		return false;
	}
}

void scene_done_on_exit(struct flow *f)
{
	f->done_end_ms = 0;
}

void scene_done_view(const struct flow *f, struct flow_view *v)
{
	struct flow_view_button *b;

	/* A receipt that did not print is said first, in the title, and the
	 * number comes right under it with what to do: both on one page. */
	if (f->m.print == FLOW_PRINT_FAILED) {
		v->title = view_text(v, &txt_title_failed);
		view_line(v, view_text(v, &txt_number), f->m.v.regno,
			  FLOW_LINE_LARGE);
		view_line(v, NULL, view_text(v, &txt_print_failed),
			  FLOW_LINE_WARNING);
		view_line(v, view_text(v, &txt_deadline),
			  view_date(v, f->m.v.deadline), FLOW_LINE_BODY);
		view_call_line(f, v);
		b = view_button(v, FLOW_TAP_FINISH, 0, &flow_txt_finish);
		b->primary = true;
		view_common_buttons(v);
		return;
	}
	v->title = view_text(v, &txt_title);
	view_line(v, view_text(v, &txt_number), f->m.v.regno, FLOW_LINE_LARGE);
	view_line(v, view_text(v, &txt_deadline), view_date(v, f->m.v.deadline),
		  FLOW_LINE_BODY);
	switch (f->m.print) {
	case FLOW_PRINT_DONE:
		view_line(v, NULL, view_text(v, &txt_printed), FLOW_LINE_BODY);
		break;
	default:
		view_line(v, NULL, view_text(v, &txt_printing), FLOW_LINE_BODY);
		break;
	}
	view_call_line(f, v);
	b = view_button(v, FLOW_TAP_FINISH, 0, &flow_txt_finish);
	b->primary = true;
	view_common_buttons(v);
}
