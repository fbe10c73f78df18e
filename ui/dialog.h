/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A dialog: a card over the screen with a title, a message and up to three
 * large buttons in a row (a column in portrait), e.g. "Are you still
 * there?" with "More time", or "The receipt could not be printed".  Also a
 * progress bar for the form's steps.  Boxes in design units.
 */
#ifndef PPID_UI_DIALOG_H
#define PPID_UI_DIALOG_H

#include <stddef.h>

#include <SDL2/SDL.h>

#include "render.h"
#include "scale.h"
#include "widgets.h"

#define UI_DIALOG_MAX_BUTTONS 3 /* buttons in a dialog */

struct ui_dialog {
	const char *title;			    /* bold, may be NULL */
	const char *message;			    /* wraps; may be NULL */
	const char *buttons[UI_DIALOG_MAX_BUTTONS]; /* labels (borrowed) */
	size_t n_buttons;			    /* how many */
	int first_id; /* button i has target id first_id + i */
	int focused;  /* the focused button's index, -1 none */
	int primary;  /* the index drawn as the main action, -1 none */
	bool danger;  /* the title in the danger colour */
};

/** Where the card goes on a canvas: centred, with a margin. */
SDL_Rect ui_dialog_box(const struct ui_dialog *dlg, const struct ui_scale *sc);

/** Button @p i's box on a canvas. */
SDL_Rect ui_dialog_button_box(const struct ui_dialog *dlg,
			      const struct ui_scale *sc, size_t i);

/** Append the dimmed backdrop, the card and its content. 0 or -1. */
int ui_dialog_draw(const struct ui_dialog *dlg, const struct ui_scale *sc,
		   struct ui_cmdlist *l);

/** Add the buttons as targets. @return 0, or -1 with errno ENOSPC. */
int ui_dialog_targets(const struct ui_dialog *dlg, const struct ui_scale *sc,
		      struct ui_targets *ts);

/**
 * A progress bar: @p done of @p total steps filled (clamped), in the
 * primary colour on the secondary one. @return 0, or -1 (ENOSPC).
 */
int ui_progress_draw(SDL_Rect box, int done, int total, struct ui_cmdlist *l);

#endif
