// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's screens from the flow's view: the screen's layout and the
 * helpers the other kiosk_ui_*.c files draw with.  See kiosk_ui.h and
 * kiosk_ui_internal.h.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_ui_internal.h"

struct kiosk_ui *kiosk_ui_new(void)
{
	struct kiosk_ui *u = calloc(1, sizeof(*u));

	if (!u) {
		errno = ENOMEM;
		return NULL;
	}
	ui_targets_init(&u->ts);
	for (int i = 0; i < FLOW_VIEW_INPUTS; i++)
		ui_field_init(&u->field[i], 1, false);
	u->active = -1;
	u->pressed = -1;
	return u;
}

void kiosk_ui_wipe(struct kiosk_ui *u)
{
	if (!u)
		return;
	for (int i = 0; i < FLOW_VIEW_INPUTS; i++) {
		ui_field_wipe(&u->field[i]);
		u->field_key[i] = 0;
	}
	u->have_screen = false;
	u->last_error = NULL;
}

int kiosk_ui_memory_holds(const struct kiosk_ui *u, const char *needle)
{
	return memmem(u, sizeof(*u), needle, strlen(needle)) != NULL;
}

void kiosk_ui_free(struct kiosk_ui *u)
{
	if (!u)
		return;
	kiosk_ui_wipe(u);
	explicit_bzero(u, sizeof(*u));
	free(u);
}

const struct ui_targets *kiosk_ui_targets(const struct kiosk_ui *u)
{
	return &u->ts;
}

const struct flow_view_button *kiosk_ui_button(const struct flow_view *v,
					       int id)
{
	return id >= 0 && id < v->n_buttons ? &v->buttons[id] : NULL;
}

/* ---- measuring ---------------------------------------------------------- */

/* Canvas pixels to design units, rounded up with a unit to spare. */
static int units_up(const struct ui_scale *sc, int px)
{
	return (px * UI_DESIGN_SHORT + sc->short_px - 1) / sc->short_px + 1;
}

int kui_text_w(struct lay *L, const char *s, int size, enum ui_font_style font)
{
	int w = 0;

	if (!s || !*s)
		return 0;
	if (ui_textcache_measure(L->tc, font, ui_scale_px(L->sc, size), s,
				 strlen(s), &w, NULL) != 0) {
		L->err = 1;
		return 0;
	}
	return units_up(L->sc, w);
}

/* The height of @p s wrapped in a box at x with width w (units). */
int kui_text_h(struct lay *L, int x, int w, const char *s, int size,
	       enum ui_font_style font)
{
	static struct ui_text_line lines[UI_TEXT_MAX_LINES];
	SDL_Rect px = ui_scale_rect(L->sc, (SDL_Rect){x, 0, w, 100});
	int spx = ui_scale_px(L->sc, size), cut = 0, n = 1;
	TTF_Font *f = ui_fonts_get(ui_textcache_fonts(L->tc), font, spx);

	if (!f) {
		L->err = 1;
		return 0;
	}
	if (s && *s) {
		n = ui_textcache_lines(L->tc, font, spx, s, strlen(s), px.w,
				       lines, UI_TEXT_MAX_LINES, &cut);
		if (n < 0) {
			L->err = 1;
			n = 1;
		}
		if (n < 1)
			n = 1;
	}
	return units_up(L->sc,
			(n - 1) * TTF_FontLineSkip(f) + TTF_FontHeight(f));
}

/* ---- drawing ------------------------------------------------------------- */

void kui_text(struct lay *L, SDL_Rect box, const char *s, int size,
	      enum ui_font_style font, enum ui_color color, enum ui_align align,
	      unsigned flags)
{
	struct ui_text_style st = {
	    .size = size,
	    .font = font,
	    .color = color,
	    .align = align,
	    .valign = UI_ALIGN_CENTER,
	    .flags = flags,
	};

	if (s && *s && ui_cmd_text(L->l, box, s, &st) != 0)
		L->err = 1;
}

void kui_target(struct lay *L, int id, SDL_Rect box)
{
	if (ui_targets_add(&L->u->ts, id, box) != 0)
		L->err = 1;
}

bool kui_focused(struct lay *L, int id)
{
	return L->u->ts.focus == id;
}

void kui_button(struct lay *L, int id, SDL_Rect box, const char *label,
		enum ui_button_kind kind, bool symbol)
{
	struct ui_button b = {
	    .box = box,
	    .label = label,
	    .kind = kind,
	    .symbol = symbol,
	    .focused = kui_focused(L, id),
	    .pressed = L->u->pressed == id,
	};

	if (ui_button_draw(&b, L->l) != 0)
		L->err = 1;
	kui_target(L, id, box);
}

enum ui_button_kind kui_kind_of(const struct flow_view_button *b)
{
	if (b->selected)
		return UI_BUTTON_SELECTED;
	return b->primary ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY;
}

struct ui_field *kui_masked(struct kiosk_ui *u,
			    const struct flow_view_input *in,
			    struct ui_field *f)
{
	/* One screen at a time: a single buffer of dots does. */
	static struct ui_field dots;

	(void)u;
	if (!in->masked)
		return f;
	ui_field_init(&dots, f->max_chars, false);
	for (size_t i = 0; i < f->chars; i++)
		if (ui_field_insert(&dots, "\xe2\x80\xa2") != 0)
			break;
	return &dots;
}

/* ---- what goes where -------------------------------------------------------- */

bool kui_is_content(const struct flow_view *v, const struct flow_view_button *b)
{
	switch (b->tap) {
	case FLOW_TAP_REQUEST:
	case FLOW_TAP_CHECK_STATUS:
	case FLOW_TAP_CHOICE:
	case FLOW_TAP_EDIT_FIELD:
	case FLOW_TAP_EDIT_ID:
	case FLOW_TAP_CONSENT:
	case FLOW_TAP_TRUTH:
	case FLOW_TAP_MAINT_ITEM:
		return true;
	case FLOW_TAP_CALL:
		return v->scene == FLOW_SCENE_WELCOME;
	default:
		return false;
	}
}

int kui_find_tap(const struct flow_view *v, enum flow_tap t)
{
	for (int i = 0; i < v->n_buttons; i++)
		if (v->buttons[i].tap == t)
			return i;
	return -1;
}

int kui_primary_button(const struct flow_view *v)
{
	for (int i = 0; i < v->n_buttons; i++)
		if (v->buttons[i].primary && !kui_is_content(v, &v->buttons[i]))
			return i;
	return -1;
}

enum ui_kb_layout kui_kb_layout_of(enum flow_keyboard k)
{
	switch (k) {
	case FLOW_KB_NUMERIC:
		return UI_KB_NUMPAD;
	case FLOW_KB_PHONE:
		return UI_KB_PHONE;
	default:
		return UI_KB_LETTERS;
	}
}

/* The two numbers of "Pertanyaan 3 dari 9" / "Question 3 of 9".
 * @return 2 when both were found. */
int kui_progress_nums(const char *p, int *done, int *total)
{
	char *end;
	int n = 0;

	*done = *total = 0;
	for (; p && *p && n < 2; p++) {
		if (*p < '0' || *p > '9')
			continue;
		long x = strtol(p, &end, 10);

		if (n++ == 0)
			*done = (int)x;
		else
			*total = (int)x;
		p = end - 1;
	}
	return n;
}

/* One number per screen: a new one resets the page, focus and keyboard. */
static unsigned long screen_key(const struct flow_view *v)
{
	unsigned long k =
	    (unsigned long)v->scene * 31u + (unsigned long)v->under;

	int done, total;

	kui_progress_nums(v->progress, &done, &total);
	k = k * 31u + (unsigned long)done;
	for (int i = 0; i < v->n_inputs; i++)
		k = k * 31u + (unsigned long)v->inputs[i].input + 1u;
	return k * 31u + (unsigned long)v->n_inputs;
}

/* Bring the fields in line with the flow, which owns the values. */
static void sync_fields(struct kiosk_ui *u, const struct flow_view *v,
			unsigned long screen)
{
	for (int i = 0; i < v->n_inputs; i++) {
		const struct flow_view_input *in = &v->inputs[i];
		unsigned long key = screen * 7u + (unsigned long)i + 1u;
		struct ui_field *f = &u->field[i];
		size_t max = in->max_chars;

		if (max < 1)
			max = 1;
		if (max > UI_FIELD_MAX_CHARS)
			max = UI_FIELD_MAX_CHARS;
		if (u->field_key[i] != key) {
			ui_field_wipe(f);
			ui_field_init(f, max, in->multiline);
			u->field_key[i] = key;
		}
		if (strcmp(ui_field_text(f), in->value ? in->value : "") != 0 &&
		    ui_field_set(f, in->value ? in->value : "") != 0)
			ui_field_wipe(f);
	}
}

static void new_screen(struct kiosk_ui *u, const struct flow_view *v)
{
	int p = kui_primary_button(v);

	u->page = 0;
	u->pressed = -1;
	u->active = v->n_inputs > 0 ? 0 : -1;
	u->to_active = true;
	u->kb_kind = FLOW_KB_NONE;
	u->kb_shift = false;
	u->kb_valid = false;
	if (u->active >= 0)
		ui_targets_set_focus(&u->ts, KIOSK_UI_ID_INPUT);
	else
		ui_targets_set_focus(&u->ts, p >= 0 ? p : 0);
}

/* ---- the screen ------------------------------------------------------------------ */

static int layout_idle_dialog(struct lay *L);

/* The idle question: a card over the dimmed screen, its button large. */
static int layout_idle(struct lay *L)
{
	const struct flow_view *v = L->v;
	int w = L->w - 4 * M > 640 ? 640 : L->w - 4 * M;
	int x = (L->w - w) / 2, iw = w - 48, h = 24, y, th, mh, bh = 0;
	const char *msg = v->n_lines ? v->lines[0].value : NULL;

	th = kui_text_h(L, x + 24, iw, v->title, UI_TEXT_LARGE, UI_FONT_BOLD);
	mh = msg ? kui_text_h(L, x + 24, iw, msg, UI_TEXT_BODY, UI_FONT_REGULAR)
		 : 0;
	for (int i = 0; i < v->n_buttons; i++) {
		int b = kui_text_h(L, x + 24, iw - BTN_PAD, v->buttons[i].label,
				   UI_TEXT_BODY, UI_FONT_BOLD) +
			16;

		bh += (b < 72 ? 72 : b) + G;
	}
	h += th + G + mh + 2 * G + bh + 16;
	y = (L->h - h) / 2;
	if (y < M)
		return layout_idle_dialog(L);
	if (ui_cmd_rect(L->l, (SDL_Rect){0, 0, L->w, L->h}, UI_COLOR_BG, 0) !=
		0 ||
	    ui_cmd_rect(L->l, (SDL_Rect){x, y, w, h}, UI_COLOR_SURFACE, 16) !=
		0 ||
	    ui_cmd_frame(L->l, (SDL_Rect){x, y, w, h}, UI_COLOR_BORDER, 2) != 0)
		L->err = 1;
	y += 24;
	kui_text(L, (SDL_Rect){x + 24, y, iw, th}, v->title, UI_TEXT_LARGE,
		 UI_FONT_BOLD, UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_WRAP);
	y += th + G;
	kui_text(L, (SDL_Rect){x + 24, y, iw, mh}, msg, UI_TEXT_BODY,
		 UI_FONT_REGULAR, UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_WRAP);
	y += mh + 2 * G;
	for (int i = 0; i < v->n_buttons; i++) {
		int b = kui_text_h(L, x + 24, iw - BTN_PAD, v->buttons[i].label,
				   UI_TEXT_BODY, UI_FONT_BOLD) +
			16;

		b = b < 72 ? 72 : b;
		kui_button(L, i, (SDL_Rect){x + 24, y, iw, b},
			   v->buttons[i].label, kui_kind_of(&v->buttons[i]),
			   false);
		y += b + G;
	}
	return L->err ? -1 : 0;
}

static int layout_idle_dialog(struct lay *L)
{
	const struct flow_view *v = L->v;
	struct ui_dialog d = {
	    .title = v->title,
	    .message = v->n_lines ? v->lines[0].value : NULL,
	    .first_id = 0,
	    .focused = -1,
	    .primary = 0,
	};

	for (int i = 0; i < v->n_buttons && i < UI_DIALOG_MAX_BUTTONS; i++) {
		d.buttons[d.n_buttons++] = v->buttons[i].label;
		if (kui_focused(L, i))
			d.focused = i;
	}
	if (ui_dialog_draw(&d, L->sc, L->l) != 0 ||
	    ui_dialog_targets(&d, L->sc, &L->u->ts) != 0)
		L->err = 1;
	return L->err ? -1 : 0;
}

int kiosk_ui_layout(struct kiosk_ui *u, const struct flow_view *v,
		    const struct ui_scale *sc, struct ui_textcache *tc,
		    struct ui_cmdlist *l)
{
	struct lay L = {.u = u, .v = v, .sc = sc, .tc = tc, .l = l};
	static struct column c;
	unsigned long screen = screen_key(v);
	int top, bottom, x1, page_h, pages;
	bool side = false; /* the navigation in a column at the right */
	int side_w = 0;	   /* ...this wide */
	struct nav nv = {.n = 0};
	SDL_Rect kb_area = {0, 0, 0, 0};

	L.w = sc->design_w;
	L.h = sc->design_h;
	ui_cmdlist_clear(l);
	ui_targets_clear(&u->ts);
	if (!u->have_screen || u->screen != screen) {
		new_screen(u, v);
		u->screen = screen;
		u->have_screen = true;
	}
	sync_fields(u, v, screen);
	if (u->active >= v->n_inputs)
		u->active = v->n_inputs ? 0 : -1;
	if (v->error && v->error != u->last_error)
		u->to_active = true;
	u->last_error = v->error;
	if (v->scene == FLOW_SCENE_IDLE) {
		u->kb_on = false;
		u->n_pages = 1;
		return layout_idle(&L);
	}

	/* The keyboard of the input being typed into, and the row of
	 * navigation buttons above it (or at the bottom). */
	u->kb_on = u->active >= 0 && v->inputs[u->active].kb != FLOW_KB_NONE;
	if (u->kb_on) {
		enum ui_kb_layout k = kui_kb_layout_of(v->inputs[u->active].kb);

		/* Letters across a landscape canvas: the compact layout. */
		L.compact = L.w > L.h && k == UI_KB_LETTERS;
	}
	top = kui_title_bar(&L);
	x1 = L.w - M;
	bottom = L.h - M;
	kui_nav_plan(&L, &nv, L.w - 2 * M, false);
	if (u->kb_on) {
		enum flow_keyboard k = v->inputs[u->active].kb;
		enum ui_kb_layout lay = kui_kb_layout_of(k);

		if (k != u->kb_kind) {
			u->kb_kind = k;
			u->kb_layout = lay;
			u->kb_shift = false;
		}
		if (lay == UI_KB_LETTERS)
			lay = u->kb_layout;
		if (L.w > L.h && (lay == UI_KB_NUMPAD || lay == UI_KB_PHONE)) {
			/* Beside the column, above the navigation. */
			int kh = ui_keyboard_height(lay);
			int ky = bottom - (nv.n ? nv.h + G : 0) - kh;

			if (ky < top) {
				/* Too tall above the navigation: the keypad
				 * takes the right side down to the bottom,
				 * the navigation stays in the column. */
				ky = bottom - kh < top ? top : bottom - kh;
				kui_nav_plan(&L, &nv,
					     L.w - M - NUMPAD_W - 2 * G - M,
					     false);
			}
			kb_area =
			    (SDL_Rect){L.w - M - NUMPAD_W, ky, NUMPAD_W, kh};
			x1 = kb_area.x - 2 * G;
		} else {
			kb_area = ui_keyboard_area(sc, lay);
			bottom = kb_area.y - G;
			L.compact = L.w > L.h;
		}
		/* Kept between frames (its page and shift live in it); laid
		 * out again when it moves or changes. */
		if (!u->kb_valid || u->kb.layout != lay ||
		    memcmp(&u->kb.area, &kb_area, sizeof(kb_area)) != 0) {
			ui_keyboard_init(&u->kb, lay, kb_area, KIOSK_UI_ID_KEY,
					 NULL);
			u->kb_valid = true;
		}
	}

	c.x = M;
	c.w = x1 - M;
	c.landscape = L.w > L.h;
	page_h = bottom - (nv.n ? nv.h + G : 0) - top;
	if (page_h < FIELD_H)
		page_h = FIELD_H;
	kui_build_items(&L, &c, false);
	L.large_cap = UI_TEXT_HUGE;
	pages = kui_paginate(&L, &c, page_h);
	/* A number shown large (done, status) gives way before the screen
	 * pages: all of it in view beats a huge number. */
	for (int cap = UI_TEXT_TITLE; pages > 1 && cap >= UI_TEXT_LARGE;
	     cap -= UI_TEXT_TITLE - UI_TEXT_LARGE) {
		L.large_cap = cap;
		pages = kui_paginate(&L, &c, page_h);
	}
	if (pages > 1 && v->scene == FLOW_SCENE_WELCOME) {
		/* The home screen never pages: what does not fit (the
		 * hint last) is left out. */
		pages = 1;
	} else if (pages > 1) {
		/* Without the secondary lines; then pages, with their keys
		 * at the right. */
		kui_build_items(&L, &c, true);
		pages = kui_paginate(&L, &c, page_h);
		if (pages > 1 && !c.landscape) {
			kui_nav_plan(&L, &nv, L.w - 2 * M, true);
			page_h = bottom - nv.h - G - top;
			if (page_h < FIELD_H)
				page_h = FIELD_H;
			pages = kui_paginate(&L, &c, page_h);
		} else if (pages > 1) {
			struct nav sn;

			c.w -= PAGE_W + G;
			pages = kui_paginate(&L, &c, page_h);
			/* The review, landscape: the navigation beside the
			 * column leaves it the canvas's height (the answers
			 * on fewer pages), where it fits. */
			if (v->scene == FLOW_SCENE_REVIEW && !u->kb_on &&
			    kui_nav_side(&L, &sn, &side_w, bottom - top) == 0) {
				struct column keep = c;
				int keep_pages = pages;

				c.w = x1 - M - side_w - G;
				pages = kui_paginate(&L, &c, bottom - top);
				if (pages < keep_pages) {
					side = true;
					nv = sn;
					page_h = bottom - top;
				} else {
					c = keep;
					pages = kui_paginate(&L, &c, page_h);
				}
			}
		}
	}
	u->n_pages = pages;
	if (u->to_active) {
		for (int i = 0; i < c.n; i++)
			if ((c.it[i].k == IT_INPUT && c.it[i].a == u->active) ||
			    c.it[i].k == IT_ERROR)
				u->page = c.it[i].page;
		u->to_active = false;
	}
	if (u->page >= pages)
		u->page = pages - 1;
	if (u->page < 0)
		u->page = 0;

	/* Focus order: the column, the navigation, the keys. */
	for (int i = 0, y = top; i < c.n; i++) {
		if (c.it[i].page != u->page || c.it[i].h == 0)
			continue;
		kui_draw_item(&L, &c, &c.it[i], y);
		y += c.it[i].h + G;
	}
	if (side)
		kui_nav_draw(&L, &nv, x1 - side_w, bottom - nv.h);
	else if (pages > 1 && c.landscape)
		kui_page_keys(&L, c.x + c.w + G, top, page_h);
	if (!side)
		kui_nav_draw(&L, &nv, M, bottom - nv.h);
	if (u->kb_on) {
		int pressed = u->pressed >= KIOSK_UI_ID_KEY &&
				      u->pressed < KIOSK_UI_ID_PAGE
				  ? u->pressed
				  : -1;

		if (ui_keyboard_draw(&u->kb, ui_targets_focused(&u->ts),
				     pressed, l) != 0 ||
		    ui_keyboard_targets(&u->kb, &u->ts) != 0)
			L.err = 1;
	}
	if (ui_cmdlist_overflowed(l))
		L.err = 1;
	return L.err ? -1 : 0;
}
