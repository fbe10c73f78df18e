/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside the kiosk's screens: the layout state shared by kiosk_ui.c (the
 * screen, measuring and drawing helpers), kiosk_ui_bars.c (title bar and
 * navigation row), kiosk_ui_column.c (the column's items and pages) and
 * kiosk_ui_input.c (input, names, targets as JSON).  Not a public API.
 */
#ifndef PPID_KIOSK_UI_INTERNAL_H
#define PPID_KIOSK_UI_INTERNAL_H

#include "dialog.h"
#include "keyboard.h"
#include "kiosk_ui.h"

#define M	    12	/* canvas margin */
#define G	    8	/* gap between items */
#define NAV_H	    60	/* navigation buttons, at least */
#define FIELD_H	    74	/* a one-line field: a body line + the inset */
#define LANG_W	    96	/* the compact language key */
#define PAGE_W	    64	/* the page keys */
#define BTN_PAD	    28	/* a button's label inset, both sides */
#define CHECK	    48	/* a statement's check box */
#define EDIT_W	    150 /* review: the edit button */
#define NUMPAD_W    230 /* landscape: the keypad beside the column */
#define SIDE_W_MIN  200 /* landscape with pages: the navigation column */
#define SIDE_W_MAX  360 /* (at most) */
#define MAX_ITEMS   48
#define CHOICES_MAX 8  /* a question's choices shown as one grid */
#define CHOICE_H    64 /* a choice tile, at least */
#define ROW_H	    56 /* review: an answer's row, at least */
#define EDIT_H	    52 /* review: its edit button */

struct kiosk_ui {
	struct ui_targets ts;			   /* this frame's */
	struct ui_field field[FLOW_VIEW_INPUTS];   /* the inputs' text */
	unsigned long field_key[FLOW_VIEW_INPUTS]; /* whose text */
	unsigned long screen;			   /* last screen's key */
	bool have_screen;			   /* laid out once */
	const char *last_error;			   /* to jump to it */
	int active;				   /* typed into, -1 */
	int pressed;				   /* under a finger, -1 */
	int page;				   /* page shown */
	int n_pages;				   /* pages */
	bool to_active;				   /* show its page */
	struct ui_keyboard kb;			   /* on screen */
	bool kb_on;				   /* shown */
	enum flow_keyboard kb_kind;		   /* of the input */
	enum ui_kb_layout kb_layout;		   /* page shown */
	bool kb_shift;				   /* one capital */
	bool kb_valid;				   /* kb is laid out */
	int item_page[FLOW_VIEW_INPUTS + 1];	   /* inputs', error's */
	char prog[16];				   /* "3/9" */
	char lang_code[4];			   /* compact label */
};

struct lay {
	struct kiosk_ui *u;	   /* the UI */
	const struct flow_view *v; /* what to show */
	const struct ui_scale *sc; /* at what size */
	struct ui_textcache *tc;   /* measures */
	struct ui_cmdlist *l;	   /* output */
	int err;		   /* something failed */
	int w, h;		   /* canvas, units */
	bool compact;		   /* landscape with a full-width keyboard */
	int large_cap;		   /* LARGE lines at most this size */
};

#define NAV_ROWS 6

struct nav {
	int ids[FLOW_VIEW_BUTTONS]; /* target ids, left to right */
	int n;			    /* how many */
	int w[FLOW_VIEW_BUTTONS];   /* widths */
	int row[FLOW_VIEW_BUTTONS]; /* which row */
	int row_h[NAV_ROWS];	    /* each row's height */
	int h;			    /* all rows */
};

enum item_kind {
	IT_LINE = 0,  /* a view line */
	IT_ERROR,     /* the screen's problem */
	IT_NOTICE,    /* a note */
	IT_INPUT,     /* a text input */
	IT_BUTTON,    /* a content button, full width */
	IT_TILES,     /* welcome: its large choices side by side */
	IT_CHOICES,   /* a question's choices: a grid of tiles, one page */
	IT_ROW,	      /* review: an answer with its edit button */
	IT_TOGGLE,    /* a statement to tick */
	IT_STATEMENT, /* its words above it, when too long for the box */
};

struct item {
	enum item_kind k;  /* what */
	int a;		   /* line / input / button index */
	int b;		   /* ROW: its button; TILES, CHOICES: how many */
	int cols;	   /* CHOICES: tiles per row */
	int h;		   /* height, units */
	int size;	   /* LINE: text size */
	bool inline_label; /* LINE, INPUT, ROW: the label left of the value */
	bool table;	   /* ROW: the label wrapped in the label column */
	int tile_h[CHOICES_MAX]; /* TILES, CHOICES: each row's height */
	int page;		 /* where it goes */
};

struct column {
	struct item it[MAX_ITEMS]; /* top to bottom */
	int n;			   /* how many */
	int x, w;		   /* units */
	bool landscape;		   /* the canvas is wider than high */
	int tiles[4];		   /* TILES: button indexes */
	int choice[CHOICES_MAX];   /* CHOICES: button indexes */
	int label_w;		   /* ROW: the label column, units */
};

/* Measuring, in design units (kiosk_ui.c); a failure sets L->err. */
int kui_text_w(struct lay *L, const char *s, int size, enum ui_font_style font);
int kui_text_h(struct lay *L, int x, int w, const char *s, int size,
	       enum ui_font_style font);

/* Drawing into the frame's command list and its targets (kiosk_ui.c). */
void kui_text(struct lay *L, SDL_Rect box, const char *s, int size,
	      enum ui_font_style font, enum ui_color color, enum ui_align align,
	      unsigned flags);
void kui_target(struct lay *L, int id, SDL_Rect box);
bool kui_focused(struct lay *L, int id);
void kui_button(struct lay *L, int id, SDL_Rect box, const char *label,
		enum ui_button_kind kind, bool symbol);
enum ui_button_kind kui_kind_of(const struct flow_view_button *b);

/* The field to draw for @p in: @p f itself, or for a masked input (a PIN)
 * a field of as many dots (kiosk_ui.c). */
struct ui_field *kui_masked(struct kiosk_ui *u,
			    const struct flow_view_input *in,
			    struct ui_field *f);

/* What goes where (kiosk_ui.c). */
bool kui_is_content(const struct flow_view *v,
		    const struct flow_view_button *b);
int kui_find_tap(const struct flow_view *v, enum flow_tap t);
int kui_primary_button(const struct flow_view *v);
enum ui_kb_layout kui_kb_layout_of(enum flow_keyboard k);
int kui_progress_nums(const char *p, int *done, int *total);

/* The title bar: office, progress, language key; returns its bottom
 * (kiosk_ui_bars.c). */
int kui_title_bar(struct lay *L);

/* The navigation row (kiosk_ui_bars.c): a button's natural width (its label
 * and inset, or a page key); the row planned in @p avail units, then drawn. */
int kui_natural_w(struct lay *L, int id);
void kui_nav_plan(struct lay *L, struct nav *nv, int avail, bool pages);
void kui_nav_draw(struct lay *L, const struct nav *nv, int x0, int y);
/* Landscape with pages: the page keys and the navigation in a column at
 * the right, its width in @p w; 0 when it fits in @p avail_h, else -1. */
int kui_nav_side(struct lay *L, struct nav *nv, int *w, int avail_h);
void kui_page_keys(struct lay *L, int x, int y, int h);

/* The column of items: built from the view, paginated, drawn
 * (kiosk_ui_column.c). */
void kui_build_items(struct lay *L, struct column *c, bool drop_small);
int kui_paginate(struct lay *L, struct column *c, int page_h);
void kui_draw_item(struct lay *L, const struct column *c, const struct item *it,
		   int y);

/* Choices and review rows (kiosk_ui_rows.c): a choice's box at @p y; the
 * grid's height, the fewest columns that fit @p page_h (it->cols and
 * it->tile_h set); the edit button's width; the row's label line with
 * the edit button (label above value); a row's height (it->inline_label,
 * it->table set); the label column of the review's rows (c->label_w). */
SDL_Rect kui_choice_box(const struct column *c, const struct item *it, int i,
			int y);
int kui_choices_h(struct lay *L, const struct column *c, struct item *it,
		  int page_h);
int kui_edit_w(struct lay *L, const struct item *it);
int kui_head_h(struct lay *L, const struct column *c, const struct item *it);
int kui_row_h(struct lay *L, const struct column *c, struct item *it);
void kui_label_column(struct lay *L, struct column *c);

#endif
