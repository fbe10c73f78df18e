// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Call the desk: reached from the screen's call key, the GPIO button (the
 * same thing) or "call the desk to collect".  Shows "calling", "the desk
 * has been called", then "staff is coming" once the console acknowledges;
 * when the call could not be recorded, says to go to the desk.  Back
 * returns to where the visitor was, answers kept.
 */

#include "flow_internal.h"

static const struct text txt_title = {"Panggil Petugas", "Call the desk"};
static const struct text txt_pending = {"Memanggil petugas...",
					"Calling the desk..."};
static const struct text txt_called = {
    "Petugas sudah dipanggil. Mohon tunggu sebentar.",
    "The desk has been called. Please wait a moment."};
static const struct text txt_acked = {"Petugas sedang menuju ke sini.",
				      "Staff is coming."};
static const struct text txt_failed = {
    "Panggilan tidak dapat dikirim. Silakan datang ke meja layanan.",
    "The call could not be made. Please go to the desk."};
static const struct text txt_none = {"Tekan tombol untuk memanggil petugas.",
				     "Press the button to call the desk."};
static const struct text txt_collect = {"Untuk mengambil", "To collect"};

void scene_call_on_enter(struct flow *f)
{
	(void)f;
}

bool scene_call_on_event(struct flow *f, const struct flow_event *ev)
{
	(void)f;
	(void)ev;
	return false;
}

void scene_call_on_exit(struct flow *f)
{
	(void)f;
}

static const struct text *const words[] = {
    [FLOW_CALL_NONE] = &txt_none,     [FLOW_CALL_PENDING] = &txt_pending,
    [FLOW_CALL_CALLED] = &txt_called, [FLOW_CALL_ACKED] = &txt_acked,
    [FLOW_CALL_FAILED] = &txt_failed,
};

void view_call_line(const struct flow *f, struct flow_view *v)
{
	if (f->m.call == FLOW_CALL_NONE)
		return;
	view_line(v, view_text(v, &txt_title), view_text(v, words[f->m.call]),
		  f->m.call == FLOW_CALL_FAILED ? FLOW_LINE_WARNING
						: FLOW_LINE_BODY);
}

void scene_call_view(const struct flow *f, struct flow_view *v)
{
	enum flow_call c = f->m.call;
	struct flow_view_button *b;

	v->title = view_text(v, &txt_title);
	view_line(v, NULL, view_text(v, words[c]),
		  c == FLOW_CALL_FAILED ? FLOW_LINE_WARNING : FLOW_LINE_LARGE);
	if (f->m.call_kind == FLOW_CALL_PICKUP && f->m.v.call_regno[0])
		view_line(v, view_text(v, &txt_collect), f->m.v.call_regno,
			  FLOW_LINE_BODY);
	b = view_button(v, FLOW_TAP_BACK, 0, &flow_txt_back);
	b->primary = true;
	view_button(v, FLOW_TAP_LANG, 0, &flow_txt_lang);
	/* Calling again makes sense only when no call is waiting. */
	if (c == FLOW_CALL_NONE || c == FLOW_CALL_FAILED ||
	    c == FLOW_CALL_ACKED)
		view_button(v, FLOW_TAP_CALL, 0, &flow_txt_call);
}
