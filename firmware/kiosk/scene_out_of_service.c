// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Out of service: the database cannot be opened or written.  A calm
 * screen that sends visitors to the desk; calling the desk still works
 * where it can.  flow.c leaves it by itself when the database works again.
 */

#include "flow_internal.h"

static const struct text txt_title = {"Mohon maaf, layanan sedang tidak "
				      "tersedia",
				      "Sorry, this kiosk is out of service"};
static const struct text txt_body = {
    "Silakan datang ke meja layanan; petugas kami akan membantu Anda. "
    "Permohonan yang sudah terdaftar tetap aman.",
    "Please go to the desk; our staff will help you. Requests already "
    "registered are safe."};
static const struct text txt_back = {
    "Layar ini akan kembali dengan sendirinya.",
    "This screen will come back by itself."};

void scene_out_of_service_on_enter(struct flow *f)
{
	(void)f;
}

bool scene_out_of_service_on_event(struct flow *f, const struct flow_event *ev)
{
	(void)f;
	/* Nothing leads anywhere from here but a call and the language. */
	return ev->type == FLOW_EVT_TAP || ev->type == FLOW_EVT_CARD ||
	       ev->type == FLOW_EVT_TEXT;
}

void scene_out_of_service_on_exit(struct flow *f)
{
	(void)f;
}

void scene_out_of_service_view(const struct flow *f, struct flow_view *v)
{
	(void)f;
	v->title = view_text(v, &txt_title);
	view_line(v, NULL, view_text(v, &txt_body), FLOW_LINE_BODY);
	view_line(v, NULL, view_text(v, &txt_back), FLOW_LINE_SMALL);
	view_common_buttons(v);
}
