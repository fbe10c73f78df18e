/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Drawing as data, in the style of microui: screens and widgets append
 * commands (rectangles, text boxes, a QR bitmap) in design units to a
 * command list; ui_render_execute() draws the list on an SDL_Renderer, and
 * tests read the list, or check it with ui_render_check() (text clipped or
 * overflowing its box, too small, too little contrast; boxes off screen)
 * without looking at pixels.  Colours come from one palette whose text
 * pairs have a contrast ratio of at least 4.5:1 (WCAG 1.4.3).
 *
 *     ui_cmdlist_clear(l);                     every redraw
 *     ui_cmd_rect(l, box, UI_COLOR_PRIMARY, 12);
 *     ui_cmd_text(l, box, "Mulai", &(struct ui_text_style){...});
 *     ui_render_execute(l, r, tc, &sc);        draws; no allocation
 *
 * The list copies the texts into its own arena and zeroes what it used on
 * every clear, so visitor text does not outlive the frame.
 */
#ifndef PPID_UI_RENDER_H
#define PPID_UI_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include <SDL2/SDL.h>

#include "font.h"
#include "scale.h"
#include "textcache.h"

#define UI_CONTRAST_TEXT  4.5 /* WCAG 1.4.3: text */
#define UI_CONTRAST_UI	  3.0 /* WCAG 1.4.11: focus ring, borders */
#define UI_TEXT_MAX_LINES 128 /* lines of one wrapped text command */

enum ui_color {
	UI_COLOR_BG = 0,       /* the screen's background */
	UI_COLOR_SURFACE,      /* cards, fields */
	UI_COLOR_TEXT,	       /* text on BG or SURFACE */
	UI_COLOR_TEXT_MUTED,   /* secondary text on BG or SURFACE */
	UI_COLOR_PRIMARY,      /* the main action */
	UI_COLOR_ON_PRIMARY,   /* text on PRIMARY */
	UI_COLOR_SECONDARY,    /* other buttons and keys */
	UI_COLOR_ON_SECONDARY, /* text on SECONDARY */
	UI_COLOR_SELECTED,     /* a chosen item */
	UI_COLOR_ON_SELECTED,  /* text on SELECTED */
	UI_COLOR_DANGER,       /* errors, "out of service" */
	UI_COLOR_ON_DANGER,    /* text on DANGER */
	UI_COLOR_SUCCESS,      /* done, "staff is coming" */
	UI_COLOR_ON_SUCCESS,   /* text on SUCCESS */
	UI_COLOR_DISABLED,     /* a control that cannot be used now */
	UI_COLOR_ON_DISABLED,  /* text on DISABLED */
	UI_COLOR_FOCUS,	       /* the keyboard focus ring */
	UI_COLOR_BORDER,       /* field borders */
	UI_COLOR_QR_DARK,      /* QR modules */
	UI_COLOR_QR_LIGHT,     /* QR background and quiet zone */
	UI_COLOR_COUNT,
};

/** A text colour on the background it is used on. */
struct ui_color_pair {
	enum ui_color fg; /* text */
	enum ui_color bg; /* what is under it */
};

/** The palette entry as an opaque SDL colour. */
SDL_Color ui_palette(enum ui_color c);

/**
 * The pairs of text and background the widgets use (borrowed, static); each
 * has a contrast of at least UI_CONTRAST_TEXT.
 */
const struct ui_color_pair *ui_palette_text_pairs(size_t *n);

/** The text colour that goes on a background colour. */
enum ui_color ui_palette_on(enum ui_color bg);

/** WCAG 2 relative luminance, 0..1. */
double ui_luminance(SDL_Color c);

/** WCAG 2 contrast ratio of two colours, 1..21. */
double ui_contrast(SDL_Color a, SDL_Color b);

enum ui_cmd_type {
	UI_CMD_RECT = 0, /* a filled rectangle, rounded corners */
	UI_CMD_FRAME,	 /* a rectangle's outline */
	UI_CMD_TEXT,	 /* text in a box */
	UI_CMD_BITMAP,	 /* a square matrix of modules (a QR code) */
};

enum ui_align {
	UI_ALIGN_START = 0, /* left, or top */
	UI_ALIGN_CENTER,    /* centred */
	UI_ALIGN_END,	    /* right, or bottom */
};

/*
 * ui_text_style.flags.  Wrapped text is broken by ui_textcache_lines() and
 * drawn a texture per line: the caret's place is exact, and visitor text is
 * never handed to SDL_ttf's own wrapping (which copies it to a buffer
 * nobody zeroes).
 */
#define UI_TEXT_WRAP	 0x1u /* break into lines at the box's width */
#define UI_TEXT_ELLIPSIS 0x2u /* one line: cut with "…" when too wide */
#define UI_TEXT_CARET	 0x4u /* a caret at .caret, kept in view */

struct ui_text_style {
	int size;		 /* em size, design units (UI_TEXT_*) */
	enum ui_font_style font; /* regular or bold */
	enum ui_color color;	 /* text colour */
	enum ui_align align;	 /* horizontal */
	enum ui_align valign;	 /* vertical */
	unsigned flags;		 /* UI_TEXT_* */
	size_t caret;		 /* UI_TEXT_CARET: byte offset in the text */
};

struct ui_cmd {
	enum ui_cmd_type type;	   /* what */
	SDL_Rect box;		   /* where, design units */
	enum ui_color color;	   /* fill, outline, QR dark */
	int radius;		   /* RECT: corner radius; FRAME: line width */
	struct ui_text_style text; /* TEXT */
	size_t text_off;	   /* TEXT: the text in the list's arena */
	size_t text_len;	   /* TEXT: its bytes */
	const uint8_t *bits;	   /* BITMAP: n*n modules, non-zero = dark;
				      borrowed until the list is executed */
	int bits_n;		   /* BITMAP: modules per side */
};

struct ui_cmdlist;

/**
 * A command list with room for @p max_cmds commands and @p text_bytes of
 * text; both are allocated here once.
 * @return free with ui_cmdlist_free(), or NULL with errno ENOMEM.
 */
struct ui_cmdlist *ui_cmdlist_new(size_t max_cmds, size_t text_bytes);

/** Zero and free; NULL is a no-op. */
void ui_cmdlist_free(struct ui_cmdlist *l);

/** Empty the list for the next frame, zeroing the text it held. */
void ui_cmdlist_clear(struct ui_cmdlist *l);

/** Commands in the list. */
size_t ui_cmdlist_count(const struct ui_cmdlist *l);

/** Command @p i (borrowed until the next clear). */
const struct ui_cmd *ui_cmdlist_get(const struct ui_cmdlist *l, size_t i);

/** A text command's text, NUL-terminated (borrowed until the next clear). */
const char *ui_cmd_text_of(const struct ui_cmdlist *l, const struct ui_cmd *c);

/** 1 when a command did not fit since the last clear (it was dropped). */
int ui_cmdlist_overflowed(const struct ui_cmdlist *l);

/**
 * Append commands.  Each returns 0, or -1 with errno ENOSPC when the list
 * is full (the list then reports ui_cmdlist_overflowed()) or EINVAL (text
 * that is not UTF-8).
 */
int ui_cmd_rect(struct ui_cmdlist *l, SDL_Rect box, enum ui_color color,
		int radius);
int ui_cmd_frame(struct ui_cmdlist *l, SDL_Rect box, enum ui_color color,
		 int width);
int ui_cmd_text(struct ui_cmdlist *l, SDL_Rect box, const char *text,
		const struct ui_text_style *st);
int ui_cmd_bitmap(struct ui_cmdlist *l, SDL_Rect box, const uint8_t *bits,
		  int n, enum ui_color dark);

/**
 * Draw the list on the renderer's current target (the canvas) at the
 * scale's size, text through the cache.  Text never leaves its box.
 * @return 0, or -1 when SDL failed (logged; the frame may be partial).
 */
int ui_render_execute(const struct ui_cmdlist *l, SDL_Renderer *r,
		      struct ui_textcache *tc, const struct ui_scale *sc);

enum ui_problem_kind {
	UI_PROBLEM_TEXT_CLIPPED = 0, /* text wider or taller than its box */
	UI_PROBLEM_TEXT_SMALL,	     /* text under UI_TEXT_BODY */
	UI_PROBLEM_CONTRAST,	     /* text on its background under 4.5:1 */
	UI_PROBLEM_OFF_SCREEN,	     /* a box not inside the canvas */
};

struct ui_problem {
	enum ui_problem_kind kind; /* what is wrong */
	size_t cmd;		   /* the command's index */
	int need_w;		   /* CLIPPED: the text's size, pixels */
	int need_h;		   /* (height) */
	int have_w;		   /* CLIPPED: the box's size, pixels */
	int have_h;		   /* (height) */
};

/**
 * Check a list as it would be drawn at a scale: every text measured against
 * its box (a caret line may scroll, an ellipsis text may be cut: neither is
 * clipping), every text's size and its contrast against the last rectangle
 * drawn under it, every box inside the canvas.
 * @return the number of problems (the first @p max go into @p out), or -1
 *         when measuring failed.
 */
int ui_render_check(const struct ui_cmdlist *l, struct ui_textcache *tc,
		    const struct ui_scale *sc, struct ui_problem *out,
		    size_t max);

/** A problem in words, for a test's failure message. */
const char *ui_problem_name(enum ui_problem_kind kind);

#endif
