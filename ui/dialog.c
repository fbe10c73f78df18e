// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The dialog card and the progress bar (see dialog.h).
 */

#include "dialog.h"

#define MARGIN	  24  /* canvas edge to card */
#define PAD	  24  /* card edge to content */
#define BUTTON_H  108 /* a button in a row: two lines of label */
#define BUTTON_H1 72  /* a button a row of its own (portrait): one line */
#define GAP	  12  /* between buttons */
#define TITLE_H	  60  /* a title line (portrait: two) */

static int portrait(const struct ui_scale *sc)
{
	return ui_scale_portrait(sc);
}

/* Height of the button area: one row, or one button per row. */
static int buttons_h(const struct ui_dialog *dlg, const struct ui_scale *sc)
{
	int n = (int)dlg->n_buttons;

	if (n == 0)
		return 0;
	return portrait(sc) ? n * BUTTON_H1 + (n - 1) * GAP : BUTTON_H;
}

SDL_Rect ui_dialog_box(const struct ui_dialog *dlg, const struct ui_scale *sc)
{
	(void)dlg;
	return (SDL_Rect){MARGIN, MARGIN, sc->design_w - 2 * MARGIN,
			  sc->design_h - 2 * MARGIN};
}

SDL_Rect ui_dialog_button_box(const struct ui_dialog *dlg,
			      const struct ui_scale *sc, size_t i)
{
	SDL_Rect card = ui_dialog_box(dlg, sc);
	int n = dlg->n_buttons ? (int)dlg->n_buttons : 1;
	int x = card.x + PAD, w = card.w - 2 * PAD;
	int top = card.y + card.h - PAD - buttons_h(dlg, sc);

	if (portrait(sc))
		return (SDL_Rect){x, top + (int)i * (BUTTON_H1 + GAP), w,
				  BUTTON_H1};
	w = (w - (n - 1) * GAP) / n;
	return (SDL_Rect){x + (int)i * (w + GAP), top, w, BUTTON_H};
}

int ui_dialog_draw(const struct ui_dialog *dlg, const struct ui_scale *sc,
		   struct ui_cmdlist *l)
{
	SDL_Rect card = ui_dialog_box(dlg, sc);
	SDL_Rect text = {card.x + PAD, card.y + PAD, card.w - 2 * PAD, 0};
	struct ui_text_style st = {
	    .size = UI_TEXT_LARGE,
	    .font = UI_FONT_BOLD,
	    .color = dlg->danger ? UI_COLOR_DANGER : UI_COLOR_TEXT,
	    .align = UI_ALIGN_CENTER,
	    .valign = UI_ALIGN_CENTER,
	    .flags = UI_TEXT_WRAP,
	};
	int bottom = card.y + card.h - PAD - buttons_h(dlg, sc) - PAD;

	/* The screen behind is covered: only the dialog can be used. */
	if (ui_cmd_rect(l, (SDL_Rect){0, 0, sc->design_w, sc->design_h},
			UI_COLOR_BORDER, 0) != 0 ||
	    ui_cmd_rect(l, card, UI_COLOR_SURFACE, UI_RADIUS) != 0)
		return -1;
	if (dlg->title) {
		text.h = portrait(sc) ? 2 * TITLE_H : TITLE_H;
		if (ui_cmd_text(l, text, dlg->title, &st) != 0)
			return -1;
		text.y += text.h + PAD / 2;
	}
	if (dlg->message) {
		st.size = UI_TEXT_BODY;
		st.font = UI_FONT_REGULAR;
		st.color = UI_COLOR_TEXT;
		text.h = bottom - text.y;
		if (ui_cmd_text(l, text, dlg->message, &st) != 0)
			return -1;
	}
	for (size_t i = 0; i < dlg->n_buttons; i++) {
		struct ui_button b = {
		    .box = ui_dialog_button_box(dlg, sc, i),
		    .label = dlg->buttons[i],
		    .kind = (int)i == dlg->primary ? UI_BUTTON_PRIMARY
						   : UI_BUTTON_SECONDARY,
		    .focused = (int)i == dlg->focused,
		};

		if (ui_button_draw(&b, l) != 0)
			return -1;
	}
	return 0;
}

int ui_dialog_targets(const struct ui_dialog *dlg, const struct ui_scale *sc,
		      struct ui_targets *ts)
{
	for (size_t i = 0; i < dlg->n_buttons; i++)
		if (ui_targets_add(ts, dlg->first_id + (int)i,
				   ui_dialog_button_box(dlg, sc, i)) != 0)
			return -1;
	return 0;
}

int ui_progress_draw(SDL_Rect box, int done, int total, struct ui_cmdlist *l)
{
	SDL_Rect fill = box;

	if (total < 1)
		total = 1;
	if (done < 0)
		done = 0;
	if (done > total)
		done = total;
	fill.w = (int)((long)box.w * done / total);
	if (ui_cmd_rect(l, box, UI_COLOR_SECONDARY, box.h / 2) != 0)
		return -1;
	if (fill.w > 0 &&
	    ui_cmd_rect(l, fill, UI_COLOR_PRIMARY, box.h / 2) != 0)
		return -1;
	return 0;
}
