// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Keyboard pages as tables of rows; widths in half keys, so a row of ten
 * keys is 20 and a wide key is 3 or 4.  Rows are centred in the area.
 */

#include <string.h>

#include "keyboard.h"

struct def {
	const char *text;	   /* typed, and shown for UI_KEY_TEXT */
	const char *upper;	   /* typed with shift, NULL: as text */
	enum ui_key_action action; /* what it does */
	int half;		   /* width in half keys */
};

struct row {
	const struct def *keys; /* the keys */
	size_t n;		/* how many */
};

#define T(s, u)                                                                \
	{                                                                      \
		s, u, UI_KEY_TEXT, 2                                           \
	}
#define A(a, w)                                                                \
	{                                                                      \
		NULL, NULL, a, w                                               \
	}
#define ROW(arr)                                                               \
	{                                                                      \
		arr, sizeof(arr) / sizeof(arr[0])                              \
	}

static const struct def l0[] = {
    T("q", "Q"), T("w", "W"), T("e", "E"), T("r", "R"), T("t", "T"),
    T("y", "Y"), T("u", "U"), T("i", "I"), T("o", "O"), T("p", "P")};
static const struct def l1[] = {
    T("a", "A"), T("s", "S"), T("d", "D"), T("f", "F"), T("g", "G"),
    T("h", "H"), T("j", "J"), T("k", "K"), T("l", "L"), T("'", NULL)};
static const struct def l2[] = {
    A(UI_KEY_SHIFT, 3), T("z", "Z"), T("x", "X"),
    T("c", "C"),	T("v", "V"), T("b", "B"),
    T("n", "N"),	T("m", "M"), A(UI_KEY_BACKSPACE, 3)};
static const struct def l3[] = {
    A(UI_KEY_SYMBOLS, 4), T("@", NULL), {" ", NULL, UI_KEY_TEXT, 6},
    T("-", NULL),	  T(".", NULL), A(UI_KEY_ENTER, 4)};

static const struct def s0[] = {
    T("1", NULL), T("2", NULL), T("3", NULL), T("4", NULL), T("5", NULL),
    T("6", NULL), T("7", NULL), T("8", NULL), T("9", NULL), T("0", NULL)};
static const struct def s1[] = {
    T("/", NULL), T("(", NULL), T(")", NULL),  T(":", NULL), T(";", NULL),
    T("&", NULL), T("+", NULL), T("\"", NULL), T("#", NULL), T("%", NULL)};
static const struct def s2[] = {
    T("!", NULL), T("?", NULL), T("*", NULL),	      T("=", NULL),
    T("_", NULL), T("'", NULL), A(UI_KEY_ACCENTS, 4), A(UI_KEY_BACKSPACE, 4)};
static const struct def s3[] = {
    A(UI_KEY_LETTERS, 4), T(",", NULL), {" ", NULL, UI_KEY_TEXT, 6},
    T("-", NULL),	  T(".", NULL), A(UI_KEY_ENTER, 4)};

/* Letters with accents (names), small and capital (UTF-8). */
static const struct def a0[] = {
    T("\xc3\xa9", "\xc3\x89"), T("\xc3\xa8", "\xc3\x88"),
    T("\xc3\xaa", "\xc3\x8a"), T("\xc3\xab", "\xc3\x8b"),
    T("\xc3\xa1", "\xc3\x81"), T("\xc3\xa0", "\xc3\x80"),
    T("\xc3\xa2", "\xc3\x82"), T("\xc3\xa4", "\xc3\x84"),
    T("\xc3\xad", "\xc3\x8d"), T("\xc3\xac", "\xc3\x8c")};
static const struct def a1[] = {
    T("\xc3\xb3", "\xc3\x93"), T("\xc3\xb2", "\xc3\x92"),
    T("\xc3\xb4", "\xc3\x94"), T("\xc3\xb6", "\xc3\x96"),
    T("\xc3\xba", "\xc3\x9a"), T("\xc3\xb9", "\xc3\x99"),
    T("\xc3\xbb", "\xc3\x9b"), T("\xc3\xbc", "\xc3\x9c"),
    T("\xc3\xb1", "\xc3\x91"), T("\xc3\xa7", "\xc3\x87")};
static const struct def a2[] = {
    A(UI_KEY_SHIFT, 3),	       T("\xc3\xaf", "\xc3\x8f"),
    T("\xc3\xae", "\xc3\x8e"), T("\xc3\xa3", "\xc3\x83"),
    T("\xc3\xb5", "\xc3\x95"), T("\xc3\xbd", "\xc3\x9d"),
    T("\xc5\x9b", "\xc5\x9a"), T("\xe1\xb9\xa3", "\xe1\xb9\xa2"),
    A(UI_KEY_BACKSPACE, 3)};
static const struct def a3[] = {A(UI_KEY_LETTERS, 4),
				A(UI_KEY_SYMBOLS, 4),
				{" ", NULL, UI_KEY_TEXT, 6},
				T("'", NULL),
				A(UI_KEY_ENTER, 4)};

static const struct def n0[] = {T("1", NULL), T("2", NULL), T("3", NULL)};
static const struct def n1[] = {T("4", NULL), T("5", NULL), T("6", NULL)};
static const struct def n2[] = {T("7", NULL), T("8", NULL), T("9", NULL)};
static const struct def n3[] = {A(UI_KEY_BACKSPACE, 2), T("0", NULL),
				A(UI_KEY_ENTER, 2)};
static const struct def p3[] = {T("+", NULL), T("0", NULL),
				A(UI_KEY_BACKSPACE, 2)};
static const struct def p4[] = {A(UI_KEY_ENTER, 6)};

static const struct row letters[] = {ROW(l0), ROW(l1), ROW(l2), ROW(l3)};
static const struct row symbols[] = {ROW(s0), ROW(s1), ROW(s2), ROW(s3)};
static const struct row accents[] = {ROW(a0), ROW(a1), ROW(a2), ROW(a3)};
static const struct row numpad[] = {ROW(n0), ROW(n1), ROW(n2), ROW(n3)};
static const struct row phone[] = {ROW(n0), ROW(n1), ROW(n2), ROW(p3), ROW(p4)};

static const struct {
	const struct row *rows; /* top to bottom */
	size_t n_rows;		/* how many */
	int row_half;		/* the widest row, half keys */
	int max_key;		/* widest key cell, units */
} pages[UI_KB_LAYOUT_COUNT] = {
    [UI_KB_LETTERS] = {letters, 4, 20, 80},
    [UI_KB_SYMBOLS] = {symbols, 4, 20, 80},
    [UI_KB_ACCENTS] = {accents, 4, 20, 80},
    [UI_KB_NUMPAD] = {numpad, 4, 6, 150},
    [UI_KB_PHONE] = {phone, 5, 6, 150},
};

int ui_keyboard_height(enum ui_kb_layout layout)
{
	return (int)pages[layout].n_rows * UI_KB_ROW_H;
}

SDL_Rect ui_keyboard_area(const struct ui_scale *sc, enum ui_kb_layout layout)
{
	int h = ui_keyboard_height(layout);

	return (SDL_Rect){0, sc->design_h - h, sc->design_w, h};
}

/* Gap between keys: up to 6 units, never below the minimum key. */
static int gap_for(int cell, int min)
{
	int g = cell - min;

	if (g > 6)
		g = 6;
	return g < 1 ? 1 : g;
}

static const char *label_of(const struct ui_keyboard *kb, const struct def *d)
{
	const struct ui_kb_labels *lb = &kb->labels;

	switch (d->action) {
	case UI_KEY_BACKSPACE:
		return lb->backspace ? lb->backspace : "\xe2\x8c\xab";
	case UI_KEY_SHIFT:
		return lb->shift ? lb->shift : "\xe2\x87\xa7";
	case UI_KEY_SYMBOLS:
		return lb->symbols ? lb->symbols : "123";
	case UI_KEY_LETTERS:
		return lb->letters ? lb->letters : "abc";
	case UI_KEY_ACCENTS:
		return lb->accents ? lb->accents : "\xc3\xa0\xc3\xa9";
	case UI_KEY_ENTER:
		return lb->enter ? lb->enter : "OK";
	case UI_KEY_TEXT:
	default:
		if (strcmp(d->text, " ") == 0)
			return lb->space ? lb->space : "";
		return kb->shift && d->upper ? d->upper : d->text;
	}
}

static void lay_out(struct ui_keyboard *kb)
{
	const struct row *rows = pages[kb->layout].rows;
	size_t n_rows = pages[kb->layout].n_rows;
	int half = kb->area.w / pages[kb->layout].row_half;
	int row_h = kb->area.h / (int)n_rows, gx, gy, top;

	if (half * 2 > pages[kb->layout].max_key)
		half = pages[kb->layout].max_key / 2;
	if (row_h > UI_KB_ROW_H + 8)
		row_h = UI_KB_ROW_H + 8;
	gx = gap_for(half * 2, UI_TARGET_MIN);
	gy = gap_for(row_h, UI_KB_ROW_H - 6);
	top = kb->area.y + (kb->area.h - row_h * (int)n_rows) / 2;
	kb->n_keys = 0;
	for (size_t r = 0; r < n_rows; r++) {
		int w = 0, x;

		for (size_t i = 0; i < rows[r].n; i++)
			w += rows[r].keys[i].half * half;
		x = kb->area.x + (kb->area.w - w) / 2;
		for (size_t i = 0; i < rows[r].n; i++) {
			const struct def *d = &rows[r].keys[i];
			struct ui_key *k = &kb->keys[kb->n_keys++];
			int kw = d->half * half;

			k->box = (SDL_Rect){x + gx / 2,
					    top + (int)r * row_h + gy / 2,
					    kw - gx, row_h - gy};
			k->action = d->action;
			k->text = kb->shift && d->upper ? d->upper : d->text;
			k->label = label_of(kb, d);
			x += kw;
		}
	}
}

void ui_keyboard_init(struct ui_keyboard *kb, enum ui_kb_layout layout,
		      SDL_Rect area, int first_id,
		      const struct ui_kb_labels *labels)
{
	memset(kb, 0, sizeof(*kb));
	kb->area = area;
	kb->first_id = first_id;
	if (labels)
		kb->labels = *labels;
	kb->layout = layout;
	lay_out(kb);
}

void ui_keyboard_set_layout(struct ui_keyboard *kb, enum ui_kb_layout layout)
{
	kb->layout = layout;
	kb->shift = false;
	lay_out(kb);
}

const struct ui_key *ui_keyboard_key(const struct ui_keyboard *kb, int id)
{
	int i = id - kb->first_id;

	if (i < 0 || (size_t)i >= kb->n_keys)
		return NULL;
	return &kb->keys[i];
}

int ui_keyboard_find(const struct ui_keyboard *kb, enum ui_key_action action,
		     const char *text)
{
	for (size_t i = 0; i < kb->n_keys; i++) {
		const struct ui_key *k = &kb->keys[i];

		if (k->action == action &&
		    (action != UI_KEY_TEXT || strcmp(k->text, text) == 0))
			return kb->first_id + (int)i;
	}
	return -1;
}

enum ui_kb_result ui_keyboard_press(struct ui_keyboard *kb, int id,
				    struct ui_field *f)
{
	const struct ui_key *k = ui_keyboard_key(kb, id);

	if (!k)
		return UI_KB_NONE;
	switch (k->action) {
	case UI_KEY_SHIFT:
		kb->shift = !kb->shift;
		lay_out(kb);
		return UI_KB_PAGE;
	case UI_KEY_SYMBOLS:
		ui_keyboard_set_layout(kb, UI_KB_SYMBOLS);
		return UI_KB_PAGE;
	case UI_KEY_LETTERS:
		ui_keyboard_set_layout(kb, UI_KB_LETTERS);
		return UI_KB_PAGE;
	case UI_KEY_ACCENTS:
		ui_keyboard_set_layout(kb, UI_KB_ACCENTS);
		return UI_KB_PAGE;
	case UI_KEY_ENTER:
		return UI_KB_ENTER;
	case UI_KEY_BACKSPACE:
		if (f)
			ui_field_backspace(f);
		return UI_KB_EDITED;
	case UI_KEY_TEXT:
	default:
		if (f && ui_field_insert(f, k->text) != 0)
			return UI_KB_REFUSED;
		/* The shift is one-shot: back to small letters. */
		if (kb->shift) {
			kb->shift = false;
			lay_out(kb);
		}
		return UI_KB_EDITED;
	}
}

int ui_keyboard_draw(const struct ui_keyboard *kb, int focused_id,
		     int pressed_id, struct ui_cmdlist *l)
{
	for (size_t i = 0; i < kb->n_keys; i++) {
		const struct ui_key *k = &kb->keys[i];
		struct ui_button b = {
		    .box = k->box,
		    .label = k->label,
		    .kind = UI_BUTTON_SECONDARY,
		    .focused = kb->first_id + (int)i == focused_id,
		    .pressed = kb->first_id + (int)i == pressed_id,
		};

		/* The default backspace and shift labels are symbols. */
		b.symbol =
		    (k->action == UI_KEY_BACKSPACE && !kb->labels.backspace) ||
		    (k->action == UI_KEY_SHIFT && !kb->labels.shift);
		if (k->action == UI_KEY_ENTER)
			b.kind = UI_BUTTON_PRIMARY;
		else if (k->action == UI_KEY_SHIFT && kb->shift)
			b.kind = UI_BUTTON_SELECTED;
		if (ui_button_draw(&b, l) != 0)
			return -1;
	}
	return 0;
}

int ui_keyboard_targets(const struct ui_keyboard *kb, struct ui_targets *ts)
{
	for (size_t i = 0; i < kb->n_keys; i++)
		if (ui_targets_add(ts, kb->first_id + (int)i,
				   kb->keys[i].box) != 0)
			return -1;
	return 0;
}
