// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's screens: the column of items (lines, inputs, choices,
 * review rows, statements), its pages, and drawing each item.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_ui_internal.h"

/* ---- the column's items ------------------------------------------------------ */

static void add_item(struct column *c, enum item_kind k, int a, int b)
{
	if (c->n < MAX_ITEMS)
		c->it[c->n++] = (struct item){.k = k, .a = a, .b = b};
}

/* Tiles: stacked in portrait; in landscape the first (the main one) alone
 * and the others side by side under it. */
static int tile_row(const struct column *c, const struct item *it, int i)
{
	(void)c;
	(void)it;
	return c->landscape ? (i > 0) : i;
}

static SDL_Rect tile_box(const struct column *c, const struct item *it, int i,
			 int y)
{
	int row = tile_row(c, it, i), x = c->x, w = c->w;

	for (int r = 0; r < row; r++)
		y += it->tile_h[r] + G;
	if (c->landscape && i > 0) {
		int n = it->b - 1;

		w = (c->w - G * (n - 1)) / n;
		x = c->x + (i - 1) * (w + G);
	}
	return (SDL_Rect){x, y, w, it->tile_h[row]};
}

static int line_h(struct lay *L, const struct column *c, struct item *it,
		  int page_h)
{
	const struct flow_view_line *ln = &L->v->lines[it->a];
	int lw = ln->label
		     ? kui_text_w(L, ln->label, UI_TEXT_BODY, UI_FONT_REGULAR)
		     : 0;
	int h = 0, sizes[] = {UI_TEXT_HUGE, UI_TEXT_TITLE, UI_TEXT_LARGE};

	it->size = UI_TEXT_BODY;
	if (ln->style == FLOW_LINE_LARGE) {
		int lh = lw ? kui_text_h(L, c->x, c->w, ln->label, UI_TEXT_BODY,
					 UI_FONT_REGULAR)
			    : 0;

		/* As large as fits, on one line, on the page. */
		for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
			if (sizes[i] <= L->large_cap &&
			    kui_text_w(L, ln->value, sizes[i], UI_FONT_BOLD) <=
				c->w &&
			    lh + kui_text_h(L, c->x, c->w, ln->value, sizes[i],
					    UI_FONT_BOLD) <=
				page_h) {
				it->size = sizes[i];
				break;
			}
		h = it->size > UI_TEXT_BODY
			? kui_text_h(L, c->x, c->w, ln->value, it->size,
				     UI_FONT_BOLD)
			: kui_text_h(L, c->x, c->w, ln->value, UI_TEXT_BODY,
				     UI_FONT_BOLD);
		return h + (lw ? kui_text_h(L, c->x, c->w, ln->label,
					    UI_TEXT_BODY, UI_FONT_REGULAR)
			       : 0);
	}
	if (ln->style == FLOW_LINE_WARNING)
		return kui_text_h(L, c->x + 12, c->w - 24, ln->value,
				  UI_TEXT_BODY, UI_FONT_BOLD) +
		       16;
	if (lw &&
	    lw + G + kui_text_w(L, ln->value, UI_TEXT_BODY, UI_FONT_BOLD) <=
		c->w) {
		it->inline_label = true;
		return kui_text_h(L, c->x, c->w, "Ag", UI_TEXT_BODY,
				  UI_FONT_BOLD);
	}
	return kui_text_h(L, c->x, c->w, ln->value, UI_TEXT_BODY,
			  ln->style == FLOW_LINE_SMALL ? UI_FONT_REGULAR
						       : UI_FONT_BOLD) +
	       (lw ? kui_text_h(L, c->x, c->w, ln->label, UI_TEXT_BODY,
				UI_FONT_REGULAR)
		   : 0);
}

static int counter_w(struct lay *L, const struct flow_view_input *in)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%zu/%zu", in->max_chars, in->max_chars);
	return kui_text_w(L, buf, UI_TEXT_BODY, UI_FONT_REGULAR);
}

static bool shows_label(const struct flow_view *v,
			const struct flow_view_input *in)
{
	return in->label && (!v->title || strcmp(in->label, v->title) != 0);
}

static int field_h(struct lay *L, const struct flow_view_input *in, int page_h)
{
	int h;

	if (!in->multiline || L->compact)
		return FIELD_H;
	h = kui_text_h(L, 0, 100, "A\nA\nA\nA", UI_TEXT_BODY, UI_FONT_REGULAR) +
	    24;
	if (h > page_h - 70)
		h = page_h - 70;
	return h < FIELD_H ? FIELD_H : h;
}

static int toggle_full_h(struct lay *L, const struct column *c, int b)
{
	int h =
	    kui_text_h(L, c->x + CHECK + 20, c->w - CHECK - 28,
		       L->v->buttons[b].label, UI_TEXT_BODY, UI_FONT_REGULAR) +
	    16;

	return h < 64 ? 64 : h;
}

static int item_h(struct lay *L, struct column *c, struct item *it, int page_h)
{
	const struct flow_view *v = L->v;

	it->inline_label = false;
	if (it->k != IT_CHOICES)
		memset(it->tile_h, 0, sizeof(it->tile_h));

	switch (it->k) {
	case IT_LINE:
		return line_h(L, c, it, page_h);
	case IT_ERROR:
		return kui_text_h(L, c->x, c->w, v->error, UI_TEXT_BODY,
				  UI_FONT_BOLD);
	case IT_NOTICE:
		return kui_text_h(L, c->x + 12, c->w - 24, v->notice,
				  UI_TEXT_BODY, UI_FONT_REGULAR) +
		       16;
	case IT_INPUT: {
		const struct flow_view_input *in = &v->inputs[it->a];
		int h = field_h(L, in, page_h);

		if (!shows_label(v, in))
			return h;
		if (L->compact) {
			it->inline_label = true;
			return h;
		}
		return h + kui_text_h(L, c->x, c->w, in->label, UI_TEXT_BODY,
				      UI_FONT_REGULAR);
	}
	case IT_BUTTON: {
		int h =
		    kui_text_h(L, c->x, c->w - BTN_PAD, v->buttons[it->a].label,
			       UI_TEXT_BODY, UI_FONT_BOLD) +
		    16;

		return h < 64 ? 64 : h;
	}
	case IT_TILES: {
		int h = 0;

		for (int i = 0; i < it->b; i++) {
			SDL_Rect r = tile_box(c, it, i, 0);
			int th = kui_text_h(L, r.x, r.w - BTN_PAD,
					    v->buttons[c->tiles[i]].label,
					    UI_TEXT_BODY, UI_FONT_BOLD) +
				 16;

			if (th < 74)
				th = 74;
			it->tile_h[tile_row(c, it, i)] =
			    th > it->tile_h[tile_row(c, it, i)]
				? th
				: it->tile_h[tile_row(c, it, i)];
		}
		for (int r = 0; r < 4; r++)
			h += it->tile_h[r] ? it->tile_h[r] + (h ? G : 0) : 0;
		return h;
	}
	case IT_CHOICES:
		return kui_choices_h(L, c, it, page_h);
	case IT_ROW:
		return kui_row_h(L, c, it);
	case IT_STATEMENT:
		if (toggle_full_h(L, c, it->a) <= page_h)
			return 0;
		return kui_text_h(L, c->x, c->w, v->buttons[it->a].label,
				  UI_TEXT_BODY, UI_FONT_REGULAR);
	case IT_TOGGLE:
		if (toggle_full_h(L, c, it->a) > page_h) {
			/* The words are above: one line here, cut. */
			it->inline_label = true;
			return 72;
		}
		return toggle_full_h(L, c, it->a);
	}
	return 0;
}

void kui_build_items(struct lay *L, struct column *c, bool drop_small)
{
	const struct flow_view *v = L->v;
	int line_of_button[FLOW_VIEW_BUTTONS];
	int li = 0, nt = 0, nc = 0;
	/* Welcome: hours and "free of charge" before the hint. */
	bool body_last = v->scene == FLOW_SCENE_WELCOME;

	c->n = 0;
	if (L->compact) {
		/* A keyboard across a landscape canvas leaves room for the
		 * input being typed into only (the error is in the title's
		 * place; Enter goes on to the next input). */
		add_item(c, IT_INPUT, L->u->active, 0);
		return;
	}
	/* The lines in the view's order; on the welcome screen the warning
	 * first and the hint last. */
	for (int i = 0; body_last && i < v->n_lines; i++)
		if (v->lines[i].style == FLOW_LINE_WARNING)
			add_item(c, IT_LINE, i, 0);
	/* Review: the answers, each with its edit button. */
	for (int i = 0; i < v->n_buttons; i++) {
		line_of_button[i] = -1;
		if (v->buttons[i].tap == FLOW_TAP_EDIT_FIELD ||
		    v->buttons[i].tap == FLOW_TAP_EDIT_ID) {
			while (li < v->n_lines &&
			       v->lines[li].style == FLOW_LINE_WARNING)
				li++;
			if (li < v->n_lines)
				line_of_button[i] = li++;
		}
	}
	for (int i = 0; i < v->n_lines; i++) {
		bool paired = false;

		for (int b = 0; b < v->n_buttons; b++)
			if (line_of_button[b] == i) {
				add_item(c, IT_ROW, i, b);
				paired = true;
			}
		if (!paired && !body_last &&
		    v->lines[i].style != FLOW_LINE_SMALL)
			add_item(c, IT_LINE, i, 0);
	}
	for (int i = 0; i < v->n_inputs; i++)
		add_item(c, IT_INPUT, i, 0);
	if (v->error && !L->compact)
		add_item(c, IT_ERROR, 0, 0);
	if (v->notice)
		add_item(c, IT_NOTICE, 0, 0);
	for (int i = 0; i < v->n_buttons; i++) {
		const struct flow_view_button *b = &v->buttons[i];

		if (!kui_is_content(v, b) || b->tap == FLOW_TAP_EDIT_FIELD ||
		    b->tap == FLOW_TAP_EDIT_ID)
			continue;
		if (b->toggle) {
			add_item(c, IT_STATEMENT, i, 0);
			add_item(c, IT_TOGGLE, i, 0);
		} else if (b->tap == FLOW_TAP_CHOICE && nc < CHOICES_MAX) {
			/* One grid for them all, where the first is. */
			if (nc == 0)
				add_item(c, IT_CHOICES, 0, 0);
			c->choice[nc++] = i;
			for (int k = c->n - 1; k >= 0; k--)
				if (c->it[k].k == IT_CHOICES) {
					c->it[k].b = nc;
					break;
				}
		} else if (v->scene == FLOW_SCENE_WELCOME && nt < 4)
			c->tiles[nt++] = i;
		else
			add_item(c, IT_BUTTON, i, 0);
	}
	if (nt) {
		/* The tiles go after the warnings, before the rest. */
		int at = 0;

		/* The choices first, whatever else the screen says. */
		if (c->n < MAX_ITEMS) {
			memmove(&c->it[at + 1], &c->it[at],
				(size_t)(c->n - at) * sizeof(c->it[0]));
			c->it[at] = (struct item){.k = IT_TILES, .b = nt};
			c->n++;
		}
	}
	if (!drop_small)
		for (int i = 0; i < v->n_lines; i++)
			if (v->lines[i].style == FLOW_LINE_SMALL)
				add_item(c, IT_LINE, i, 0);
	for (int i = 0; body_last && i < v->n_lines; i++)
		if (v->lines[i].style == FLOW_LINE_BODY ||
		    v->lines[i].style == FLOW_LINE_LARGE)
			add_item(c, IT_LINE, i, 0);
}

/* Pages: items in order, a new page when the next one does not fit. */
int kui_paginate(struct lay *L, struct column *c, int page_h)
{
	int y = 0, page = 0;

	kui_label_column(L, c);
	for (int i = 0; i < c->n; i++) {
		struct item *it = &c->it[i];

		it->h = item_h(L, c, it, page_h);
		/* An instruction longer than a page (a narrow canvas with
		 * the keyboard up) is left out rather than cut. */
		if (it->h > page_h && it->k == IT_LINE &&
		    L->v->lines[it->a].style != FLOW_LINE_WARNING &&
		    L->v->lines[it->a].style != FLOW_LINE_LARGE)
			it->h = 0;
		if (it->h > page_h)
			it->h = page_h;
		if (it->h == 0) {
			it->page = page;
			continue;
		}
		if (y > 0 && y + it->h > page_h) {
			page++;
			y = 0;
		}
		it->page = page;
		y += it->h + G;
	}
	return page + 1;
}

static void draw_line(struct lay *L, const struct column *c,
		      const struct item *it, int y)
{
	const struct flow_view_line *ln = &L->v->lines[it->a];
	SDL_Rect box = {c->x, y, c->w, it->h};
	int lh;

	if (ln->style == FLOW_LINE_WARNING) {
		if (ui_cmd_rect(L->l, box, UI_COLOR_DANGER, 8) != 0)
			L->err = 1;
		kui_text(L, (SDL_Rect){c->x + 12, y + 8, c->w - 24, it->h - 16},
			 ln->value, UI_TEXT_BODY, UI_FONT_BOLD,
			 UI_COLOR_ON_DANGER, UI_ALIGN_START, UI_TEXT_WRAP);
		return;
	}
	if (it->inline_label) {
		int lw =
		    kui_text_w(L, ln->label, UI_TEXT_BODY, UI_FONT_REGULAR);

		kui_text(L, (SDL_Rect){c->x, y, lw, it->h}, ln->label,
			 UI_TEXT_BODY, UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED,
			 UI_ALIGN_START, 0);
		kui_text(L, (SDL_Rect){c->x + lw + G, y, c->w - lw - G, it->h},
			 ln->value, UI_TEXT_BODY, UI_FONT_BOLD, UI_COLOR_TEXT,
			 UI_ALIGN_START, 0);
		return;
	}
	lh = ln->label ? kui_text_h(L, c->x, c->w, ln->label, UI_TEXT_BODY,
				    UI_FONT_REGULAR)
		       : 0;
	if (lh)
		kui_text(L, (SDL_Rect){c->x, y, c->w, lh}, ln->label,
			 UI_TEXT_BODY, UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED,
			 UI_ALIGN_START, UI_TEXT_WRAP);
	if (ln->style == FLOW_LINE_LARGE)
		kui_text(L, (SDL_Rect){c->x, y + lh, c->w, it->h - lh},
			 ln->value, it->size, UI_FONT_BOLD, UI_COLOR_PRIMARY,
			 UI_ALIGN_START, UI_TEXT_WRAP);
	else
		kui_text(L, (SDL_Rect){c->x, y + lh, c->w, it->h - lh},
			 ln->value, UI_TEXT_BODY,
			 ln->style == FLOW_LINE_SMALL ? UI_FONT_REGULAR
						      : UI_FONT_BOLD,
			 ln->style == FLOW_LINE_SMALL ? UI_COLOR_TEXT_MUTED
						      : UI_COLOR_TEXT,
			 UI_ALIGN_START, UI_TEXT_WRAP);
}

static void draw_input(struct lay *L, const struct column *c,
		       const struct item *it, int y)
{
	const struct flow_view_input *in = &L->v->inputs[it->a];
	struct ui_field *f = kui_masked(L->u, in, &L->u->field[it->a]);
	int id = KIOSK_UI_ID_INPUT + it->a, x = c->x, w = c->w;
	int cw = counter_w(L, in), fh = it->h;
	bool active = L->u->active == it->a;
	SDL_Rect box;

	if (shows_label(L->v, in)) {
		if (it->inline_label) {
			int lw = kui_text_w(L, in->label, UI_TEXT_BODY,
					    UI_FONT_REGULAR);

			kui_text(L, (SDL_Rect){x, y, lw, it->h}, in->label,
				 UI_TEXT_BODY, UI_FONT_REGULAR,
				 UI_COLOR_TEXT_MUTED, UI_ALIGN_START, 0);
			x += lw + G;
			w -= lw + G;
		} else {
			int lh = kui_text_h(L, c->x, c->w, in->label,
					    UI_TEXT_BODY, UI_FONT_REGULAR);

			kui_text(L, (SDL_Rect){x, y, w, lh}, in->label,
				 UI_TEXT_BODY, UI_FONT_REGULAR,
				 UI_COLOR_TEXT_MUTED, UI_ALIGN_START,
				 UI_TEXT_WRAP);
			y += lh;
			fh -= lh;
		}
	}
	box = (SDL_Rect){x, y, w - cw - G, fh};
	if (active) {
		if (ui_field_draw(f, box, true, NULL, L->l) != 0)
			L->err = 1;
	} else {
		/* Not being typed into: a plain box, a long text cut. */
		if (ui_cmd_rect(L->l, box, UI_COLOR_SURFACE, 0) != 0 ||
		    ui_cmd_frame(L->l, box,
				 kui_focused(L, id) ? UI_COLOR_FOCUS
						    : UI_COLOR_BORDER,
				 kui_focused(L, id) ? UI_FOCUS_RING : 2) != 0)
			L->err = 1;
		kui_text(
		    L,
		    ui_field_text_box((SDL_Rect){box.x, box.y, box.w, FIELD_H}),
		    ui_field_text(f), UI_TEXT_BODY, UI_FONT_REGULAR,
		    UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_ELLIPSIS);
	}
	kui_target(L, id, box);
	if (ui_field_draw_counter(f, (SDL_Rect){x + w - cw, y, cw, FIELD_H},
				  L->l) != 0)
		L->err = 1;
}

static void draw_toggle(struct lay *L, const struct column *c,
			const struct item *it, int y)
{
	const struct flow_view_button *b = &L->v->buttons[it->a];
	SDL_Rect box = {c->x, y, c->w, it->h};
	SDL_Rect check = {c->x + 12, y + (it->h - CHECK) / 2, CHECK, CHECK};

	if (ui_cmd_rect(L->l, box, UI_COLOR_SURFACE, 8) != 0 ||
	    ui_cmd_frame(L->l, box,
			 kui_focused(L, it->a) ? UI_COLOR_FOCUS
					       : UI_COLOR_BORDER,
			 kui_focused(L, it->a) ? UI_FOCUS_RING : 2) != 0 ||
	    ui_cmd_rect(L->l, check,
			b->selected ? UI_COLOR_PRIMARY : UI_COLOR_SURFACE,
			6) != 0 ||
	    ui_cmd_frame(L->l, check, UI_COLOR_BORDER, 3) != 0)
		L->err = 1;
	if (b->selected)
		kui_text(L, check, "\xe2\x9c\x93", UI_TEXT_BODY, UI_FONT_SYMBOL,
			 UI_COLOR_ON_PRIMARY, UI_ALIGN_CENTER, 0);
	kui_text(
	    L,
	    (SDL_Rect){c->x + CHECK + 20, y + 8, c->w - CHECK - 28, it->h - 16},
	    b->label, UI_TEXT_BODY, UI_FONT_REGULAR, UI_COLOR_TEXT,
	    UI_ALIGN_START, it->inline_label ? UI_TEXT_ELLIPSIS : UI_TEXT_WRAP);
	kui_target(L, it->a, box);
}

void kui_draw_item(struct lay *L, const struct column *c, const struct item *it,
		   int y)
{
	const struct flow_view *v = L->v;

	switch (it->k) {
	case IT_LINE:
		draw_line(L, c, it, y);
		break;
	case IT_ERROR:
		kui_text(L, (SDL_Rect){c->x, y, c->w, it->h}, v->error,
			 UI_TEXT_BODY, UI_FONT_BOLD, UI_COLOR_DANGER,
			 UI_ALIGN_START, UI_TEXT_WRAP);
		break;
	case IT_NOTICE:
		if (ui_cmd_rect(L->l, (SDL_Rect){c->x, y, c->w, it->h},
				UI_COLOR_SURFACE, 8) != 0)
			L->err = 1;
		kui_text(L, (SDL_Rect){c->x + 12, y + 8, c->w - 24, it->h - 16},
			 v->notice, UI_TEXT_BODY, UI_FONT_REGULAR,
			 UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_WRAP);
		break;
	case IT_INPUT:
		draw_input(L, c, it, y);
		break;
	case IT_BUTTON:
		kui_button(L, it->a, (SDL_Rect){c->x, y, c->w, it->h},
			   v->buttons[it->a].label,
			   kui_kind_of(&v->buttons[it->a]), false);
		break;
	case IT_CHOICES:
		for (int i = 0; i < it->b; i++) {
			int b = c->choice[i];

			kui_button(L, b, kui_choice_box(c, it, i, y),
				   v->buttons[b].label,
				   kui_kind_of(&v->buttons[b]), false);
		}
		break;
	case IT_TILES:
		for (int i = 0; i < it->b; i++) {
			int b = c->tiles[i];

			kui_button(L, b, tile_box(c, it, i, y),
				   v->buttons[b].label,
				   kui_kind_of(&v->buttons[b]), false);
		}
		break;
	case IT_ROW: {
		const struct flow_view_line *ln = &v->lines[it->a];
		int tw = c->w - kui_edit_w(L, it) - G;
		int lh = it->inline_label || it->table ? it->h
						       : kui_head_h(L, c, it);

		if (it->inline_label) {
			struct column one = {.x = c->x, .w = tw};

			draw_line(L, &one, it, y);
		} else if (it->table) {
			int vx = c->x + c->label_w + G;

			kui_text(L, (SDL_Rect){c->x, y, c->label_w, it->h},
				 ln->label, UI_TEXT_BODY, UI_FONT_REGULAR,
				 UI_COLOR_TEXT_MUTED, UI_ALIGN_START,
				 UI_TEXT_WRAP);
			kui_text(L, (SDL_Rect){vx, y, c->x + tw - vx, it->h},
				 ln->value, UI_TEXT_BODY, UI_FONT_BOLD,
				 UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_WRAP);
		} else {
			if (ln->label)
				kui_text(L, (SDL_Rect){c->x, y, tw, lh},
					 ln->label, UI_TEXT_BODY,
					 UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED,
					 UI_ALIGN_START, UI_TEXT_WRAP);
			kui_text(L, (SDL_Rect){c->x, y + lh, c->w, it->h - lh},
				 ln->value, UI_TEXT_BODY, UI_FONT_BOLD,
				 UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_WRAP);
		}
		kui_button(L, it->b,
			   (SDL_Rect){c->x + c->w - kui_edit_w(L, it),
				      y + (lh - EDIT_H) / 2, kui_edit_w(L, it),
				      EDIT_H},
			   v->buttons[it->b].label, UI_BUTTON_SECONDARY, false);
		break;
	}
	case IT_TOGGLE:
		draw_toggle(L, c, it, y);
		break;
	case IT_STATEMENT:
		kui_text(L, (SDL_Rect){c->x, y, c->w, it->h},
			 v->buttons[it->a].label, UI_TEXT_BODY, UI_FONT_REGULAR,
			 UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_WRAP);
		break;
	}
}
