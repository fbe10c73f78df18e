// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Targets and focus, button, choice list and text field (see widgets.h).
 */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "widgets.h"

#define PAD 12 /* text inset in buttons and fields */

/* ---- targets and focus --------------------------------------------------- */

void ui_targets_init(struct ui_targets *ts)
{
	ts->n = 0;
	ts->focus = -1;
}

void ui_targets_clear(struct ui_targets *ts)
{
	ts->n = 0;
}

int ui_targets_add(struct ui_targets *ts, int id, SDL_Rect box)
{
	if (id < 0) {
		errno = EINVAL;
		return -1;
	}
	if (ts->n == UI_TARGETS_MAX) {
		errno = ENOSPC;
		return -1;
	}
	ts->t[ts->n].id = id;
	ts->t[ts->n].box = box;
	ts->n++;
	return 0;
}

static int inside(SDL_Rect b, int x, int y)
{
	return x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h;
}

int ui_targets_hit(const struct ui_targets *ts, int x, int y)
{
	/* The last added is drawn on top. */
	for (size_t i = ts->n; i-- > 0;)
		if (inside(ts->t[i].box, x, y))
			return ts->t[i].id;
	return -1;
}

static int index_of(const struct ui_targets *ts, int id)
{
	for (size_t i = 0; i < ts->n; i++)
		if (ts->t[i].id == id)
			return (int)i;
	return -1;
}

int ui_targets_focused(const struct ui_targets *ts)
{
	return index_of(ts, ts->focus) >= 0 ? ts->focus : -1;
}

void ui_targets_set_focus(struct ui_targets *ts, int id)
{
	ts->focus = id;
}

/*
 * The nearest target in a direction: its centre must lie that way; the
 * distance along the direction counts once, the distance across it twice,
 * so the target in line wins over a closer one off to the side.
 */
static int nearest(const struct ui_targets *ts, int from, enum ui_nav nav)
{
	const SDL_Rect *a = &ts->t[from].box;
	long ax = 2L * a->x + a->w, ay = 2L * a->y + a->h;
	long best = LONG_MAX;
	int pick = -1;

	for (size_t i = 0; i < ts->n; i++) {
		const SDL_Rect *b = &ts->t[i].box;
		long dx = 2L * b->x + b->w - ax, dy = 2L * b->y + b->h - ay;
		long along, across, score;

		if ((int)i == from)
			continue;
		switch (nav) {
		case UI_NAV_LEFT:
			along = -dx;
			across = dy;
			break;
		case UI_NAV_RIGHT:
			along = dx;
			across = dy;
			break;
		case UI_NAV_UP:
			along = -dy;
			across = dx;
			break;
		default:
			along = dy;
			across = dx;
			break;
		}
		if (along <= 0)
			continue;
		score = along + 2 * labs(across);
		if (score < best) {
			best = score;
			pick = (int)i;
		}
	}
	return pick;
}

int ui_targets_nav(struct ui_targets *ts, enum ui_nav nav)
{
	int cur = index_of(ts, ts->focus), next;

	if (ts->n == 0)
		return -1;
	if (cur < 0) {
		next = nav == UI_NAV_PREV ? (int)ts->n - 1 : 0;
	} else if (nav == UI_NAV_NEXT) {
		next = (cur + 1) % (int)ts->n;
	} else if (nav == UI_NAV_PREV) {
		next = (cur + (int)ts->n - 1) % (int)ts->n;
	} else {
		next = nearest(ts, cur, nav);
		if (next < 0)
			next = cur;
	}
	ts->focus = ts->t[next].id;
	return ts->focus;
}

size_t ui_targets_count_small(const struct ui_targets *ts, int min)
{
	size_t n = 0;

	for (size_t i = 0; i < ts->n; i++)
		if (ts->t[i].box.w < min || ts->t[i].box.h < min)
			n++;
	return n;
}

/* ---- button --------------------------------------------------------------- */

static SDL_Rect inset(SDL_Rect b, int d)
{
	return (SDL_Rect){b.x + d, b.y + d, b.w - 2 * d, b.h - 2 * d};
}

static enum ui_color button_color(const struct ui_button *b)
{
	if (b->disabled)
		return UI_COLOR_DISABLED;
	if (b->pressed)
		return UI_COLOR_SELECTED;
	switch (b->kind) {
	case UI_BUTTON_PRIMARY:
		return UI_COLOR_PRIMARY;
	case UI_BUTTON_DANGER:
		return UI_COLOR_DANGER;
	case UI_BUTTON_SELECTED:
		return UI_COLOR_SELECTED;
	default:
		return UI_COLOR_SECONDARY;
	}
}

/* The face, with a focus ring around it inside the box when focused. */
static int draw_face(SDL_Rect box, enum ui_color face, bool focused,
		     struct ui_cmdlist *l)
{
	if (focused) {
		if (ui_cmd_rect(l, box, UI_COLOR_FOCUS, UI_RADIUS) != 0)
			return -1;
		box = inset(box, UI_FOCUS_RING);
		return ui_cmd_rect(l, box, face, UI_RADIUS - UI_FOCUS_RING);
	}
	return ui_cmd_rect(l, box, face, UI_RADIUS);
}

int ui_button_draw(const struct ui_button *b, struct ui_cmdlist *l)
{
	enum ui_color face = button_color(b);
	struct ui_text_style st = {
	    .size = b->text_size ? b->text_size : UI_TEXT_BODY,
	    .font = b->symbol ? UI_FONT_SYMBOL : UI_FONT_BOLD,
	    .color = ui_palette_on(face),
	    .align = UI_ALIGN_CENTER,
	    .valign = UI_ALIGN_CENTER,
	    .flags = UI_TEXT_WRAP,
	};

	/* Small keys give their label all the room inside the focus ring;
	 * large buttons keep a margin. */
	int px = b->box.w >= 160 ? PAD : UI_FOCUS_RING;
	int py = b->box.h >= 80 ? UI_FOCUS_RING : 0;
	SDL_Rect tb = {b->box.x + px, b->box.y + py, b->box.w - 2 * px,
		       b->box.h - 2 * py};

	if (draw_face(b->box, face, b->focused, l) != 0)
		return -1;
	if (!b->label || !*b->label)
		return 0;
	return ui_cmd_text(l, tb, b->label, &st);
}

/* ---- choice list ------------------------------------------------------------ */

#define CHOICE_MAX_H 170 /* an item: three lines of body text */
#define MARK	     28	 /* the radio mark's diameter */

SDL_Rect ui_choice_item_box(const struct ui_choice *c, size_t i)
{
	int n = c->n_items ? (int)c->n_items : 1;
	int h = (c->box.h - c->gap * (n - 1)) / n;

	if (h > CHOICE_MAX_H)
		h = CHOICE_MAX_H;
	return (SDL_Rect){c->box.x, c->box.y + (int)i * (h + c->gap), c->box.w,
			  h};
}

int ui_choice_draw(const struct ui_choice *c, struct ui_cmdlist *l)
{
	for (size_t i = 0; i < c->n_items; i++) {
		SDL_Rect b = ui_choice_item_box(c, i);
		bool sel = (int)i == c->selected;
		enum ui_color face =
		    sel ? UI_COLOR_SELECTED : UI_COLOR_SECONDARY;
		SDL_Rect mark = {b.x + PAD + UI_FOCUS_RING,
				 b.y + (b.h - MARK) / 2, MARK, MARK};
		SDL_Rect text = {mark.x + MARK + PAD, b.y + UI_FOCUS_RING, 0,
				 b.h - 2 * UI_FOCUS_RING};
		struct ui_text_style st = {
		    .size = UI_TEXT_BODY,
		    .font = UI_FONT_REGULAR,
		    .color = ui_palette_on(face),
		    .align = UI_ALIGN_START,
		    .valign = UI_ALIGN_CENTER,
		    .flags = UI_TEXT_WRAP,
		};

		text.w = b.x + b.w - PAD - UI_FOCUS_RING - text.x;
		if (draw_face(b, face, (int)i == c->focused, l) != 0)
			return -1;
		/* A radio mark: a ring, filled when chosen. */
		if (ui_cmd_rect(l, mark, ui_palette_on(face), MARK / 2) != 0 ||
		    ui_cmd_rect(l, inset(mark, 4), face, MARK / 2 - 4) != 0 ||
		    (sel && ui_cmd_rect(l, inset(mark, 8), ui_palette_on(face),
					MARK / 2 - 8) != 0) ||
		    ui_cmd_text(l, text, c->items[i], &st) != 0)
			return -1;
	}
	return 0;
}

int ui_choice_targets(const struct ui_choice *c, struct ui_targets *ts)
{
	for (size_t i = 0; i < c->n_items; i++)
		if (ui_targets_add(ts, c->first_id + (int)i,
				   ui_choice_item_box(c, i)) != 0)
			return -1;
	return 0;
}

int ui_choice_item_of(const struct ui_choice *c, int id)
{
	if (id < c->first_id || id >= c->first_id + (int)c->n_items)
		return -1;
	return id - c->first_id;
}

/* ---- text field ------------------------------------------------------------- */

void ui_field_init(struct ui_field *f, size_t max_chars, bool multiline)
{
	explicit_bzero(f->buf, sizeof(f->buf));
	f->len = 0;
	f->caret = 0;
	f->chars = 0;
	if (max_chars < 1)
		max_chars = 1;
	if (max_chars > UI_FIELD_MAX_CHARS)
		max_chars = UI_FIELD_MAX_CHARS;
	f->max_chars = max_chars;
	f->multiline = multiline;
}

void ui_field_wipe(struct ui_field *f)
{
	ui_field_init(f, f->max_chars, f->multiline);
}

/* Characters a register has no use for, and ones that could hide text. */
static int refused(uint32_t cp, bool multiline)
{
	if (cp == '\n')
		return !multiline;
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	       (cp >= 0x200b && cp <= 0x200f) ||
	       (cp >= 0x2028 && cp <= 0x202e) ||
	       (cp >= 0x2060 && cp <= 0x2069) || cp == 0xfeff;
}

/*
 * Check @p s (with '\r' read as '\n') and count its code points.
 * @return the count, or (size_t)-1 when it is refused.
 */
static size_t check_text(const char *s, size_t len, bool multiline)
{
	size_t n = 0;
	uint32_t cp;

	for (size_t i = 0; i < len; n++) {
		size_t k = ui_utf8_decode(s + i, len - i, &cp);

		if (k == 0 || refused(cp == '\r' ? '\n' : cp, multiline))
			return (size_t)-1;
		i += k;
	}
	return n;
}

int ui_field_insert(struct ui_field *f, const char *utf8)
{
	size_t len = strlen(utf8), n = check_text(utf8, len, f->multiline);

	if (n == (size_t)-1) {
		errno = EINVAL;
		return -1;
	}
	if (f->chars + n > f->max_chars) {
		errno = E2BIG;
		return -1;
	}
	memmove(f->buf + f->caret + len, f->buf + f->caret,
		f->len - f->caret + 1);
	memcpy(f->buf + f->caret, utf8, len);
	for (size_t i = 0; i < len; i++)
		if (f->buf[f->caret + i] == '\r')
			f->buf[f->caret + i] = '\n';
	f->len += len;
	f->caret += len;
	f->chars += n;
	return 0;
}

int ui_field_set(struct ui_field *f, const char *utf8)
{
	size_t len = strlen(utf8), n = check_text(utf8, len, f->multiline);

	if (n == (size_t)-1) {
		errno = EINVAL;
		return -1;
	}
	if (n > f->max_chars) {
		errno = E2BIG;
		return -1;
	}
	ui_field_wipe(f);
	return ui_field_insert(f, utf8);
}

/* Remove bytes [a, b) and zero the tail they leave behind. */
static void cut(struct ui_field *f, size_t a, size_t b)
{
	size_t n = b - a;

	f->chars -= ui_utf8_count(f->buf + a, n);
	memmove(f->buf + a, f->buf + b, f->len - b + 1);
	f->len -= n;
	explicit_bzero(f->buf + f->len + 1, n);
	if (f->caret >= b)
		f->caret -= n;
	else if (f->caret > a)
		f->caret = a;
}

int ui_field_backspace(struct ui_field *f)
{
	if (f->caret == 0) {
		errno = ENOENT;
		return -1;
	}
	cut(f, ui_utf8_prev_char(f->buf, f->caret), f->caret);
	return 0;
}

int ui_field_delete(struct ui_field *f)
{
	if (f->caret == f->len) {
		errno = ENOENT;
		return -1;
	}
	cut(f, f->caret, ui_utf8_next_char(f->buf, f->len, f->caret));
	return 0;
}

int ui_field_left(struct ui_field *f)
{
	if (f->caret == 0) {
		errno = ENOENT;
		return -1;
	}
	f->caret = ui_utf8_prev_char(f->buf, f->caret);
	return 0;
}

int ui_field_right(struct ui_field *f)
{
	if (f->caret == f->len) {
		errno = ENOENT;
		return -1;
	}
	f->caret = ui_utf8_next_char(f->buf, f->len, f->caret);
	return 0;
}

void ui_field_home(struct ui_field *f)
{
	f->caret = 0;
}

void ui_field_end(struct ui_field *f)
{
	f->caret = f->len;
}

const char *ui_field_text(const struct ui_field *f)
{
	return f->buf;
}

void ui_field_counter(const struct ui_field *f, char *buf, size_t len)
{
	snprintf(buf, len, "%zu/%zu", f->chars, f->max_chars);
}

SDL_Rect ui_field_text_box(SDL_Rect box)
{
	return inset(box, PAD);
}

int ui_field_draw(const struct ui_field *f, SDL_Rect box, bool focused,
		  const char *placeholder, struct ui_cmdlist *l)
{
	struct ui_text_style st = {
	    .size = UI_TEXT_BODY,
	    .font = UI_FONT_REGULAR,
	    .color = UI_COLOR_TEXT,
	    .align = UI_ALIGN_START,
	    .valign = f->multiline ? UI_ALIGN_START : UI_ALIGN_CENTER,
	    .flags = f->multiline ? UI_TEXT_WRAP : 0,
	};

	if (ui_cmd_rect(l, box, UI_COLOR_SURFACE, 0) != 0 ||
	    ui_cmd_frame(l, box, focused ? UI_COLOR_FOCUS : UI_COLOR_BORDER,
			 focused ? UI_FOCUS_RING : 2) != 0)
		return -1;
	if (f->len == 0 && placeholder && *placeholder && !focused) {
		st.color = UI_COLOR_TEXT_MUTED;
		st.flags |= UI_TEXT_ELLIPSIS;
		return ui_cmd_text(l, ui_field_text_box(box), placeholder, &st);
	}
	if (focused) {
		st.flags |= UI_TEXT_CARET;
		st.caret = f->caret;
	}
	return ui_cmd_text(l, ui_field_text_box(box), f->buf, &st);
}

int ui_field_draw_counter(const struct ui_field *f, SDL_Rect box,
			  struct ui_cmdlist *l)
{
	char buf[32];
	struct ui_text_style st = {
	    .size = UI_TEXT_BODY,
	    .font = UI_FONT_REGULAR,
	    .color = UI_COLOR_TEXT_MUTED,
	    .align = UI_ALIGN_END,
	    .valign = UI_ALIGN_CENTER,
	};

	ui_field_counter(f, buf, sizeof(buf));
	return ui_cmd_text(l, box, buf, &st);
}
