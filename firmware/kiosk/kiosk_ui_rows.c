// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's screens: the sizes of a question's choices (a grid of tiles
 * on one page) and of the review's answers (label and value on one line
 * where they fit), for kiosk_ui_column.c to place and draw.
 */

#include <string.h>

#include "kiosk_ui_internal.h"

/* Choices: @p cols to a row; the last row's tiles share its width. */
SDL_Rect kui_choice_box(const struct column *c, const struct item *it, int i,
			int y)
{
	int cols = it->cols < 1 ? 1 : it->cols, row = i / cols;
	int in_row = it->b - row * cols < cols ? it->b - row * cols : cols;
	int w = (c->w - G * (in_row - 1)) / in_row;

	for (int r = 0; r < row; r++)
		y += it->tile_h[r] + G;
	return (SDL_Rect){c->x + (i % cols) * (w + G), y, w, it->tile_h[row]};
}

/* The grid's height with @p cols to a row (tile_h filled). */
static int choices_grid_h(struct lay *L, const struct column *c,
			  struct item *it, int cols)
{
	int h = 0, rows = (it->b + cols - 1) / cols;

	it->cols = cols;
	memset(it->tile_h, 0, sizeof(it->tile_h));
	for (int i = 0; i < it->b; i++) {
		SDL_Rect r = kui_choice_box(c, it, i, 0);
		int th = kui_text_h(L, r.x, r.w - BTN_PAD,
				    L->v->buttons[c->choice[i]].label,
				    UI_TEXT_BODY, UI_FONT_BOLD) +
			 16;

		if (th < CHOICE_H)
			th = CHOICE_H;
		if (th > it->tile_h[i / cols])
			it->tile_h[i / cols] = th;
	}
	for (int r = 0; r < rows; r++)
		h += it->tile_h[r] + (r ? G : 0);
	return h;
}

/* The fewest columns that put every choice on the page (a wide tile keeps
 * its label on one line); three at most, two in portrait. */
int kui_choices_h(struct lay *L, const struct column *c, struct item *it,
		  int page_h)
{
	int max = c->landscape ? 3 : 2, best = 1, best_h = 0;

	if (max > it->b)
		max = it->b;
	for (int cols = 1; cols <= max; cols++) {
		int h = choices_grid_h(L, c, it, cols);

		if (h <= page_h)
			return h;
		if (!best_h || h < best_h) {
			best = cols;
			best_h = h;
		}
	}
	return choices_grid_h(L, c, it, best);
}

/* Review: the edit button, as wide as its word. */
int kui_edit_w(struct lay *L, const struct item *it)
{
	int w = kui_natural_w(L, it->b);

	return w < 100 ? 100 : w > EDIT_W ? EDIT_W : w;
}

/* true when every word of @p s fits in @p w units on a line of its own:
 * wrapping there never breaks a word (a masked number, an email). */
static bool words_fit(struct lay *L, const char *s, int w,
		      enum ui_font_style font)
{
	char word[128];

	while (s && *s) {
		size_t n = strcspn(s, " ");

		if (n >= sizeof(word))
			return false;
		memcpy(word, s, n);
		word[n] = '\0';
		if (n && kui_text_w(L, word, UI_TEXT_BODY, font) > w)
			return false;
		s += n;
		s += strspn(s, " ");
	}
	return true;
}

/* Review, the label above the value: the label's line(s) with the edit
 * button at their right. */
int kui_head_h(struct lay *L, const struct column *c, const struct item *it)
{
	const struct flow_view_line *ln = &L->v->lines[it->a];
	int lh = kui_text_h(L, c->x, c->w - kui_edit_w(L, it) - G,
			    ln->label ? ln->label : "", UI_TEXT_BODY,
			    UI_FONT_REGULAR);

	return lh < EDIT_H ? EDIT_H : lh;
}

/* Review: an answer on one line after its label where it fits; else the
 * shorter of the label wrapped in the label column beside the value, or
 * the label with the edit button above the value across the width. */
int kui_row_h(struct lay *L, const struct column *c, struct item *it)
{
	const struct flow_view_line *ln = &L->v->lines[it->a];
	int tw = c->w - kui_edit_w(L, it) - G, h, t;

	it->table = false;
	if (ln->label &&
	    kui_text_w(L, ln->label, UI_TEXT_BODY, UI_FONT_REGULAR) + G +
		    kui_text_w(L, ln->value, UI_TEXT_BODY, UI_FONT_BOLD) <=
		tw) {
		it->inline_label = true;
		return ROW_H;
	}
	h = kui_head_h(L, c, it) +
	    kui_text_h(L, c->x, c->w, ln->value, UI_TEXT_BODY, UI_FONT_BOLD);
	if (ln->label && c->label_w > 0 && tw - c->label_w - G >= 120 &&
	    words_fit(L, ln->label, c->label_w, UI_FONT_REGULAR) &&
	    words_fit(L, ln->value, tw - c->label_w - G, UI_FONT_BOLD)) {
		int vh =
		    kui_text_h(L, c->x + c->label_w + G, tw - c->label_w - G,
			       ln->value, UI_TEXT_BODY, UI_FONT_BOLD);

		t = kui_text_h(L, c->x, c->label_w, ln->label, UI_TEXT_BODY,
			       UI_FONT_REGULAR);
		t = t > vh ? t : vh;
		if (t + 40 < h) {
			/* A line saved at least (else the plainer look). */
			it->table = true;
			h = t;
		}
	}
	return h < ROW_H ? ROW_H : h;
}

/* Review: the label column, as wide as the widest label, at most 2/5 of
 * the text's width. */
void kui_label_column(struct lay *L, struct column *c)
{
	int cap = (c->w - EDIT_W - G) * 2 / 5;

	c->label_w = 0;
	for (int i = 0; i < c->n; i++) {
		const struct flow_view_line *ln = &L->v->lines[c->it[i].a];
		int w;

		if (c->it[i].k != IT_ROW || !ln->label)
			continue;
		w = kui_text_w(L, ln->label, UI_TEXT_BODY, UI_FONT_REGULAR);
		if (w > c->label_w)
			c->label_w = w;
	}
	if (c->label_w > cap)
		c->label_w = cap;
}
