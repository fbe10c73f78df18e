/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The widgets the screens are made of, each a small value with a draw
 * function that appends commands (render.h) and changes nothing:
 *
 *   ui_targets  what can be tapped or focused this frame: hit-testing
 *               (a tap -> an id) and keyboard focus (Tab, Shift+Tab,
 *               arrows to the nearest target in that direction)
 *   ui_button   a large button, with a focus ring
 *   ui_choice   a list of large choices, one selected
 *   ui_field    a UTF-8 text field: caret, backspace by character, a
 *               visible limit ("12/100"), one line or many; wipe it
 *
 * Every touch target is at least UI_TARGET_MIN design units (9 mm on the
 * 7" 800x480 panel) on each side.  Boxes are in design units (scale.h).
 */
#ifndef PPID_UI_WIDGETS_H
#define PPID_UI_WIDGETS_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL2/SDL.h>

#include "render.h"

#define UI_TARGET_MIN	   47	/* design units: 9 mm on the 7" panel */
#define UI_TARGETS_MAX	   96	/* targets on one screen */
#define UI_RADIUS	   12	/* corner radius of buttons and keys */
#define UI_FOCUS_RING	   4	/* focus ring width */
#define UI_FIELD_MAX_CHARS 2000 /* the longest field (the information) */

/* ---- targets and focus --------------------------------------------------- */

struct ui_target {
	int id;	      /* the screen's id for it (>= 0) */
	SDL_Rect box; /* where it can be tapped */
};

/**
 * This frame's targets, in focus order.  Rebuild the list on every redraw
 * (ui_targets_clear() keeps the focus); a plain value, no resources.
 */
struct ui_targets {
	struct ui_target t[UI_TARGETS_MAX]; /* in focus (Tab) order */
	size_t n;			    /* how many */
	int focus;			    /* the focused id, -1 none */
};

enum ui_nav {
	UI_NAV_NEXT = 0, /* Tab: the next target, wrapping */
	UI_NAV_PREV,	 /* Shift+Tab: the previous one, wrapping */
	UI_NAV_LEFT,	 /* arrows: the nearest target that way, no wrap */
	UI_NAV_RIGHT,
	UI_NAV_UP,
	UI_NAV_DOWN,
};

/** Start empty, nothing focused. */
void ui_targets_init(struct ui_targets *ts);

/** Forget the targets, keep the focused id. */
void ui_targets_clear(struct ui_targets *ts);

/**
 * Add a target.
 * @return 0, or -1 with errno ENOSPC (full) or EINVAL (id < 0).
 */
int ui_targets_add(struct ui_targets *ts, int id, SDL_Rect box);

/** The target at a point (design units): its id, or -1. */
int ui_targets_hit(const struct ui_targets *ts, int x, int y);

/** The focused id if it is a target now, else -1. */
int ui_targets_focused(const struct ui_targets *ts);

/** Focus an id (-1: none). */
void ui_targets_set_focus(struct ui_targets *ts, int id);

/**
 * Move the focus.  With nothing focused, any move focuses the first target
 * (PREV: the last).
 * @return the focused id afterwards, or -1 when there are no targets.
 */
int ui_targets_nav(struct ui_targets *ts, enum ui_nav nav);

/** Targets narrower or lower than @p min units (for tests). */
size_t ui_targets_count_small(const struct ui_targets *ts, int min);

/* ---- button --------------------------------------------------------------- */

enum ui_button_kind {
	UI_BUTTON_PRIMARY = 0, /* the main action */
	UI_BUTTON_SECONDARY,   /* other actions */
	UI_BUTTON_DANGER,      /* e.g. "cancel my request" */
	UI_BUTTON_SELECTED,    /* a chosen option */
};

struct ui_button {
	SDL_Rect box;		  /* design units, >= UI_TARGET_MIN a side */
	const char *label;	  /* UTF-8 (borrowed); wraps onto lines */
	enum ui_button_kind kind; /* colours */
	int text_size;		  /* 0: UI_TEXT_BODY */
	bool symbol;		  /* the label is a symbol (UI_FONT_SYMBOL) */
	bool focused;		  /* draw the focus ring */
	bool pressed;		  /* a finger is on it (UI_IN_PRESS) */
	bool disabled;		  /* greyed out (not tappable: the screen
				     leaves it out of its targets) */
};

/** Append a button's commands. @return 0, or -1 (ENOSPC, EINVAL). */
int ui_button_draw(const struct ui_button *b, struct ui_cmdlist *l);

/* ---- choice list ------------------------------------------------------------ */

struct ui_choice {
	SDL_Rect box;		  /* the whole list, design units */
	const char *const *items; /* labels (borrowed) */
	size_t n_items;		  /* how many */
	int selected;		  /* chosen item, -1 none */
	int focused;		  /* focused item, -1 none */
	int first_id;		  /* item i has target id first_id + i */
	int gap;		  /* units between items */
};

/** Item @p i's box: the list's height shared out, at most 3 lines high. */
SDL_Rect ui_choice_item_box(const struct ui_choice *c, size_t i);

/** Append the list's commands. @return 0, or -1 (ENOSPC, EINVAL). */
int ui_choice_draw(const struct ui_choice *c, struct ui_cmdlist *l);

/** Add every item as a target. @return 0, or -1 with errno ENOSPC. */
int ui_choice_targets(const struct ui_choice *c, struct ui_targets *ts);

/** The item a target id stands for, or -1. */
int ui_choice_item_of(const struct ui_choice *c, int id);

/* ---- text field ------------------------------------------------------------- */

/**
 * A text being typed.  A plain value holding visitor data: call
 * ui_field_wipe() when the session ends.
 */
struct ui_field {
	char buf[UI_FIELD_MAX_CHARS * 4 + 1]; /* UTF-8, NUL-terminated */
	size_t len;			      /* bytes in buf */
	size_t caret;			      /* byte offset, on a character
						 boundary */
	size_t chars;			      /* code points in buf */
	size_t max_chars;		      /* the limit, code points */
	bool multiline;			      /* '\n' allowed */
};

/** Empty, with a limit of @p max_chars code points (1..UI_FIELD_MAX_CHARS). */
void ui_field_init(struct ui_field *f, size_t max_chars, bool multiline);

/** Zero the text (explicit_bzero), keep the limit. */
void ui_field_wipe(struct ui_field *f);

/**
 * Replace the text, caret at the end.
 * @return 0, or -1 with errno EINVAL (not UTF-8, or a control character)
 *         or E2BIG (over the limit); the field is then unchanged.
 */
int ui_field_set(struct ui_field *f, const char *utf8);

/**
 * Insert at the caret (typed keys, SDL_TEXTINPUT): all of it or nothing.
 * '\r' is taken as '\n' in a multi-line field.
 * @return 0, or -1 with errno EINVAL or E2BIG, unchanged.
 */
int ui_field_insert(struct ui_field *f, const char *utf8);

/**
 * Delete the character before the caret (a base letter with its combining
 * marks). @return 0, or -1 with errno ENOENT at the start.
 */
int ui_field_backspace(struct ui_field *f);

/** Delete the character after the caret. @return 0, or -1 (ENOENT). */
int ui_field_delete(struct ui_field *f);

/** Move the caret one character; 0, or -1 (ENOENT) at the edge. */
int ui_field_left(struct ui_field *f);
int ui_field_right(struct ui_field *f);

/** Move the caret to the start or the end. */
void ui_field_home(struct ui_field *f);
void ui_field_end(struct ui_field *f);

/** The text (borrowed, changes with the field). */
const char *ui_field_text(const struct ui_field *f);

/** "12/100": code points used of the limit, into @p buf. */
void ui_field_counter(const struct ui_field *f, char *buf, size_t len);

/**
 * Append the field: a surface box with a border (the focus colour and a
 * thicker line when focused), the text with a caret when focused, or the
 * placeholder (may be NULL) in the muted colour when empty.
 * @return 0, or -1 (ENOSPC).
 */
int ui_field_draw(const struct ui_field *f, SDL_Rect box, bool focused,
		  const char *placeholder, struct ui_cmdlist *l);

/** Append the counter ("12/100"), right-aligned in @p box. */
int ui_field_draw_counter(const struct ui_field *f, SDL_Rect box,
			  struct ui_cmdlist *l);

/** The inner text box of a field drawn at @p box. */
SDL_Rect ui_field_text_box(SDL_Rect box);

#endif
