// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Screen blanking by scene (see kiosk_ui_blank.h).
 */

#include "kiosk_ui_blank.h"

bool kiosk_blank_allowed(enum flow_scene s)
{
	return s == FLOW_SCENE_WELCOME || s == FLOW_SCENE_OUT_OF_SERVICE;
}

void kiosk_blank_init(struct kiosk_blank *b, struct ui_input *in)
{
	b->in = in;
	b->scene = FLOW_SCENE_WELCOME;
	b->have_scene = false;
}

int kiosk_blank_step(struct kiosk_blank *b, enum flow_scene scene,
		     int64_t now_ms)
{
	bool was = b->have_scene && kiosk_blank_allowed(b->scene);
	bool is = kiosk_blank_allowed(scene);

	if (!b->have_scene || scene != b->scene) {
		b->scene = scene;
		b->have_scene = true;
		if (!is && ui_input_blanked(b->in)) {
			/* A card or the call button: the visitor is here. */
			ui_input_set_blanked(b->in, false, now_ms);
			return KIOSK_BLANK_WOKE;
		}
		/* Back to a screen without a visitor: its clock starts. */
		if (is && !was)
			ui_input_set_blanked(b->in, false, now_ms);
	}
	if (!is)
		return KIOSK_BLANK_NONE;
	return ui_input_tick(b->in, now_ms) ? KIOSK_BLANK_DARK
					    : KIOSK_BLANK_NONE;
}

int64_t kiosk_blank_timeout_ms(const struct kiosk_blank *b, int64_t now_ms)
{
	if (!b->have_scene || !kiosk_blank_allowed(b->scene))
		return -1;
	return ui_input_timeout_ms(b->in, now_ms);
}
