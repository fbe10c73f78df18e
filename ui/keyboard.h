/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The on-screen keyboard: letters (with a one-shot shift, and the apostrophe
 * and hyphen that names need), numbers and symbols, letters with accents
 * (letters -> 123 -> àé), a numeric keypad (NIK)
 * and a phone keypad (with "+").  It lays its keys out in an area (design
 * units), every key at least UI_TARGET_MIN units a side (9 mm on the 7"
 * panel) at every supported resolution and rotation; a press is applied to
 * a ui_field.  Key ids are first_id + the key's index.
 *
 *     ui_keyboard_init(&kb, UI_KB_LETTERS,
 *                      ui_keyboard_area(&sc, UI_KB_LETTERS), 100, &labels);
 *     ui_keyboard_draw(&kb, ui_targets_focused(&ts), pressed, l);
 *     ui_keyboard_targets(&kb, &ts);
 *     ...  a tap on id:  ui_keyboard_press(&kb, id, &field)
 */
#ifndef PPID_UI_KEYBOARD_H
#define PPID_UI_KEYBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL2/SDL.h>

#include "render.h"
#include "scale.h"
#include "widgets.h"

#define UI_KB_MAX_KEYS 48 /* keys on one page */
#define UI_KB_ROW_H    58 /* design units per row (a 52-unit key + gap) */

enum ui_kb_layout {
	UI_KB_LETTERS = 0, /* a-z, shift, ' - . @, space */
	UI_KB_SYMBOLS,	   /* digits and punctuation */
	UI_KB_ACCENTS,	   /* letters with accents (é, ñ, ṣ ...), shift */
	UI_KB_NUMPAD,	   /* 0-9: an NIK, a registration number's digits */
	UI_KB_PHONE,	   /* 0-9 and "+" */
	UI_KB_LAYOUT_COUNT,
};

enum ui_key_action {
	UI_KEY_TEXT = 0,  /* types its text */
	UI_KEY_BACKSPACE, /* deletes a character */
	UI_KEY_SHIFT,	  /* the next letter is a capital */
	UI_KEY_SYMBOLS,	  /* shows the symbols page */
	UI_KEY_LETTERS,	  /* shows the letters page */
	UI_KEY_ENTER,	  /* done: the screen decides what follows */
	UI_KEY_ACCENTS,	  /* shows the accents page */
};

/** Labels of the special keys in the visitor's language (NULL: default). */
struct ui_kb_labels {
	const char *enter;     /* default "OK" */
	const char *space;     /* default "" (a blank bar) */
	const char *backspace; /* default "⌫" (in UI_FONT_SYMBOL) */
	const char *shift;     /* default "⇧" (in UI_FONT_SYMBOL) */
	const char *symbols;   /* default "123" */
	const char *letters;   /* default "abc" */
	const char *accents;   /* default "àé" */
};

struct ui_key {
	SDL_Rect box;		   /* the key's face = its touch target */
	enum ui_key_action action; /* what it does */
	const char *text;	   /* UI_KEY_TEXT: what it types (static) */
	const char *label;	   /* what it shows (static or the labels') */
};

/** A keyboard: a plain value, no resources. */
struct ui_keyboard {
	enum ui_kb_layout layout;	    /* the page shown */
	bool shift;			    /* capitals for the next letter */
	SDL_Rect area;			    /* where the keys go */
	int first_id;			    /* key i has id first_id + i */
	struct ui_kb_labels labels;	    /* special keys (borrowed) */
	struct ui_key keys[UI_KB_MAX_KEYS]; /* laid out */
	size_t n_keys;			    /* how many */
};

/** What a press did. */
enum ui_kb_result {
	UI_KB_NONE = 0, /* not a key of this keyboard */
	UI_KB_EDITED,	/* the field changed */
	UI_KB_REFUSED,	/* the field refused it (limit reached) */
	UI_KB_PAGE,	/* shift or another page: redraw */
	UI_KB_ENTER,	/* enter */
};

/**
 * The height (design units) a layout wants: rows * UI_KB_ROW_H.
 */
int ui_keyboard_height(enum ui_kb_layout layout);

/** The area a layout takes: the canvas's full width at the bottom. */
SDL_Rect ui_keyboard_area(const struct ui_scale *sc, enum ui_kb_layout layout);

/** Set up and lay out; @p labels may be NULL (the defaults). */
void ui_keyboard_init(struct ui_keyboard *kb, enum ui_kb_layout layout,
		      SDL_Rect area, int first_id,
		      const struct ui_kb_labels *labels);

/** Show another page (keeps the area). */
void ui_keyboard_set_layout(struct ui_keyboard *kb, enum ui_kb_layout layout);

/** The key behind an id, or NULL. */
const struct ui_key *ui_keyboard_key(const struct ui_keyboard *kb, int id);

/** The id of the first key that types @p text or does @p action, or -1. */
int ui_keyboard_find(const struct ui_keyboard *kb, enum ui_key_action action,
		     const char *text);

/**
 * Press a key: type into @p f (may be NULL), or change the page.
 * @return what it did.
 */
enum ui_kb_result ui_keyboard_press(struct ui_keyboard *kb, int id,
				    struct ui_field *f);

/**
 * Append the keys: @p focused_id with the focus ring, @p pressed_id as
 * pressed (each -1 for none).
 */
int ui_keyboard_draw(const struct ui_keyboard *kb, int focused_id,
		     int pressed_id, struct ui_cmdlist *l);

/** Add every key as a target. @return 0, or -1 with errno ENOSPC. */
int ui_keyboard_targets(const struct ui_keyboard *kb, struct ui_targets *ts);

#endif
