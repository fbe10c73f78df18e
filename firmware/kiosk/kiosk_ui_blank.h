/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Screen blanking for the kiosk: when the screen may go dark and when it
 * must wake by itself.  ui/input.c keeps the idle clock and swallows the
 * touch that wakes a dark screen; this decides from the flow's scene:
 *
 *   - Only the screens without a visitor go dark: welcome and out of
 *     service.  The clock starts when such a screen appears (the visitor's
 *     last touch was on another screen), so the screen stays lit blank_ms
 *     after the welcome returns.
 *   - While dark, the state still changes (an acknowledgement, a printer
 *     that comes back, a database fault and its recovery): the screen stays
 *     dark as long as the scene is one of those two, and shows the new
 *     state when it is woken.
 *   - A scene that needs the visitor (a card swiped, the call button
 *     pressed: identify, call ...) wakes it at once, without a touch.
 *
 *     kiosk_blank_init(&b, &in);
 *     loop: timeout = min(timeout, kiosk_blank_timeout_ms(&b, now));
 *           ...events...
 *           switch (kiosk_blank_step(&b, kiosk_model(k)->scene, now)) ...
 */
#ifndef PPID_KIOSK_UI_BLANK_H
#define PPID_KIOSK_UI_BLANK_H

#include <stdbool.h>
#include <stdint.h>

#include "flow.h"
#include "input.h"

enum kiosk_blank_step {
	KIOSK_BLANK_NONE = 0, /* nothing changed */
	KIOSK_BLANK_DARK,     /* it went dark just now: show black, once */
	KIOSK_BLANK_WOKE,     /* it woke by itself (the scene): redraw */
};

struct kiosk_blank {
	struct ui_input *in;   /* borrowed: the idle clock, the dark state */
	enum flow_scene scene; /* the scene last stepped */
	bool have_scene;       /* stepped once */
};

/** true for the scenes that may go dark (welcome, out of service). */
bool kiosk_blank_allowed(enum flow_scene s);

/** Start with the screen lit; no scene seen yet. */
void kiosk_blank_init(struct kiosk_blank *b, struct ui_input *in);

/**
 * After the loop's events: follow the scene now on screen, go dark when
 * idle long enough on a scene that may, wake when the scene needs the
 * visitor.  @return a kiosk_blank_step.
 */
int kiosk_blank_step(struct kiosk_blank *b, enum flow_scene scene,
		     int64_t now_ms);

/**
 * Milliseconds until kiosk_blank_step() would go dark, -1 never (dark
 * already, blanking off, or a scene that does not go dark): for poll().
 */
int64_t kiosk_blank_timeout_ms(const struct kiosk_blank *b, int64_t now_ms);

#endif
