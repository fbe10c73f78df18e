/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kiosk's screens: the flow's view (flow_view.h) laid out with the ui/
 * widgets, and the visitor's touches and keys turned back into flow events.
 * A pure function from (view, scale) to a command list and tap targets,
 * plus a little UI state of its own (the text fields with their carets,
 * the on-screen keyboard's page, the focus, the pressed target, the page
 * of a screen too long for the canvas), so it is tested without a window.
 *
 *     u = kiosk_ui_new();
 *     kiosk_ui_layout(u, &view, sc, tc, list);     every redraw
 *     ui_render_execute(list, r, tc, sc);
 *     r = kiosk_ui_input(u, &view, &in_ev, &flow_ev);
 *     if (r & KIOSK_UI_EVENT) kiosk_feed(k, &flow_ev);
 *     if (r & KIOSK_UI_REDRAW) ...redraw...
 *
 * Layout (design units, scale.h): the title with the form's progress and
 * the language key on top; the screen's lines, inputs and content buttons
 * in a column; the navigation buttons (Back, Call, the primary action) in a
 * row at the bottom, or above the on-screen keyboard; a numeric keypad
 * goes beside the column in landscape.  A screen longer than the canvas is
 * split into pages with "up" and "down" keys; the page holding the input
 * being typed into is shown first.  The idle overlay is a dialog.
 */
#ifndef PPID_KIOSK_UI_H
#define PPID_KIOSK_UI_H

#include <stdio.h>

#include "flow.h"
#include "flow_view.h"
#include "input.h"
#include "render.h"
#include "textcache.h"
#include "widgets.h"

#define KIOSK_UI_REDRAW 0x1 /* the UI's own state changed: redraw */
#define KIOSK_UI_EVENT	0x2 /* the flow event was filled: feed it */

/* Target ids: a view button i is id i, the rest are offsets. */
#define KIOSK_UI_ID_INPUT 100 /* + view input index */
#define KIOSK_UI_ID_KEY	  200 /* + on-screen key index */
#define KIOSK_UI_ID_PAGE  300 /* previous page; + 1 next page */

/* The hidden maintenance gesture: a finger held this long on the canvas's
 * top-left corner (this many design units square) and lifted there becomes
 * FLOW_EVT_MAINT, never a tap on what lies under it; Ctrl+Alt+M too. */
#define KIOSK_UI_MAINT_HOLD_MS 5000
#define KIOSK_UI_MAINT_CORNER  80

struct kiosk_ui;

/** A UI with no screen yet. @return NULL with errno ENOMEM. */
struct kiosk_ui *kiosk_ui_new(void);

/** Wipe and free; NULL is harmless. */
void kiosk_ui_free(struct kiosk_ui *u);

/** Wipe the visitor's text from the UI's fields (explicit_bzero). */
void kiosk_ui_wipe(struct kiosk_ui *u);

/** 1 when the bytes of @p needle are anywhere in the UI's memory (tests). */
int kiosk_ui_memory_holds(const struct kiosk_ui *u, const char *needle);

/**
 * Lay out @p v at scale @p sc into @p l (cleared first) and the targets.
 * @p tc measures text (it is not drawn here).
 * @return 0, or -1 when the list overflowed or measuring failed.
 */
int kiosk_ui_layout(struct kiosk_ui *u, const struct flow_view *v,
		    const struct ui_scale *sc, struct ui_textcache *tc,
		    struct ui_cmdlist *l);

/** The targets of the last layout (borrowed). */
const struct ui_targets *kiosk_ui_targets(const struct kiosk_ui *u);

/**
 * One input event on the screen last laid out from @p v.  A tap on a
 * button, Enter or Escape fills a FLOW_EVT_TAP; an edit fills a
 * FLOW_EVT_TEXT with the whole text (borrowed from the UI until its next
 * call).  now_ms and wall of @p out are left to the caller.
 * @return KIOSK_UI_REDRAW and/or KIOSK_UI_EVENT, or 0.
 */
int kiosk_ui_input(struct kiosk_ui *u, const struct flow_view *v,
		   const struct ui_input_event *in, struct flow_event *out);

/** The view button a target id stands for, or NULL. */
const struct flow_view_button *kiosk_ui_button(const struct flow_view *v,
					       int id);

/** "REQUEST", "NEXT", ... for a tap target (static). */
const char *kiosk_ui_tap_name(enum flow_tap t);

/**
 * Write the targets as JSON lines (kiosk-cli.md): first
 * {"scene":..,"lang":..,"focus":..}, then one object per target with its
 * box in window pixels for an output of @p sc (rotation included).
 * @return 0, or -1 (a write error).
 */
int kiosk_ui_targets_json(const struct kiosk_ui *u, const struct flow_view *v,
			  const struct ui_scale *sc, FILE *f);

#endif
