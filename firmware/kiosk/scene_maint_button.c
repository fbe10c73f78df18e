// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The button and LED test (maintenance): each press of the call button
 * (GPIO or sim) is counted here instead of calling the desk, and the LED
 * blinks while the screen is shown; leaving it puts the LED back as the
 * desk call wants it.
 */

#include "flow_internal.h"

static const struct text txt_title = {"Tes tombol dan lampu",
				      "Button and LED test"};
static const struct text txt_body = {
    "Tekan tombol panggil. Lampu berkedip selama tes ini.",
    "Press the call button. The LED blinks during this test."};
static const struct text txt_presses = {"Tombol ditekan", "Button presses"};

static void led(struct flow *f, enum flow_led state)
{
	flow_fx(f, &(struct flow_effect){.type = FLOW_FX_LED, .led = state});
}

void scene_maint_button_on_enter(struct flow *f)
{
	f->m.maint.presses = 0;
	led(f, FLOW_LED_BLINK);
}

bool scene_maint_button_on_event(struct flow *f, const struct flow_event *ev)
{
	if (ev->type != FLOW_EVT_BUTTON)
		return false;
	if (f->m.maint.presses < 9999)
		f->m.maint.presses++;
	f->changed = true;
	return true;
}

void scene_maint_button_on_exit(struct flow *f)
{
	led(f, f->m.call == FLOW_CALL_ACKED    ? FLOW_LED_ON
	       : f->m.call == FLOW_CALL_CALLED ? FLOW_LED_BLINK
					       : FLOW_LED_OFF);
}

void scene_maint_button_view(const struct flow *f, struct flow_view *v)
{
	struct flow_view_button *b;

	v->title = view_text(v, &txt_title);
	view_line(v, NULL, view_text(v, &txt_body), FLOW_LINE_BODY);
	view_line(v, view_text(v, &txt_presses),
		  view_fmt(v, "%d", f->m.maint.presses), FLOW_LINE_LARGE);
	b = view_button(v, FLOW_TAP_BACK, 0, &flow_txt_back);
	b->primary = true;
	view_button(v, FLOW_TAP_LANG, 0, &flow_txt_lang);
}
