/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Text textures, rendered once and reused: a bounded cache keyed by (font
 * style, pixel size, colour, wrap width, alignment, text), least recently
 * used out first.  The keys (visitor text among them) live in a key pool the
 * cache owns; an evicted key is zeroed at once, and ui_textcache_wipe()
 * zeroes every key and destroys every texture, so a visitor's data does not
 * stay in memory after the session.  Also the measuring that layout needs:
 * one line's size, how much fits, and line breaking for wrapped text.
 *
 * Textures belong to the renderer the cache was made with.
 */
#ifndef PPID_UI_TEXTCACHE_H
#define PPID_UI_TEXTCACHE_H

#include <stddef.h>

#include <SDL2/SDL.h>

#include "font.h"

#define UI_TEXTCACHE_ENTRIES   256	   /* default texture count */
#define UI_TEXTCACHE_KEY_BYTES (64 * 1024) /* default key pool */

/** What a texture is made from, besides the text. */
struct ui_text_key {
	enum ui_font_style style; /* regular or bold */
	int px;			  /* em size, pixels */
	SDL_Color color;	  /* text colour */
	int wrap_w;		  /* > 0: TTF's own wrapping at this width
				     (static text only: SDL_ttf copies the
				     text to a buffer nobody zeroes); 0: one
				     line */
	int align;		  /* TTF_WRAPPED_ALIGN_* (wrap_w > 0) */
};

/** One line of wrapped text: a byte range of the text. */
struct ui_text_line {
	size_t off; /* first byte */
	size_t len; /* bytes, without the space or newline that ended it */
};

struct ui_textcache_stats {
	size_t entries;	  /* textures held now */
	size_t key_bytes; /* key bytes held now */
	size_t hits;	  /* lookups served from the cache */
	size_t misses;	  /* lookups that rendered */
	size_t evictions; /* entries dropped to make room */
	size_t created;	  /* textures created, ever */
	size_t destroyed; /* textures destroyed, ever */
};

struct ui_textcache;

/**
 * A cache for one renderer.
 * @param r the renderer (borrowed; must outlive the cache).
 * @param fonts the fonts (borrowed; must outlive the cache).
 * @param max_entries textures held at most (0: UI_TEXTCACHE_ENTRIES).
 * @param key_bytes size of the key pool (0: UI_TEXTCACHE_KEY_BYTES); one
 *        text may take a quarter of it.
 * @return free with ui_textcache_free(), or NULL with errno ENOMEM.
 */
struct ui_textcache *ui_textcache_new(SDL_Renderer *r, struct ui_fonts *fonts,
				      size_t max_entries, size_t key_bytes);

/** Wipe and free; NULL is a no-op. */
void ui_textcache_free(struct ui_textcache *tc);

/** The fonts the cache renders with (borrowed). */
struct ui_fonts *ui_textcache_fonts(struct ui_textcache *tc);

/**
 * The texture of @p len bytes of UTF-8 text (no NUL needed), rendered on a
 * miss.  @p w and @p h (may be NULL) get its size.
 * @return borrowed until the entry is evicted: use it before the next call;
 *         NULL with errno EINVAL (empty text), E2BIG (longer than a quarter
 *         of the key pool) or EIO (SDL or SDL_ttf failed, logged).
 */
SDL_Texture *ui_textcache_get(struct ui_textcache *tc,
			      const struct ui_text_key *k, const char *text,
			      size_t len, int *w, int *h);

/**
 * Size of one line of text (TTF_SizeUTF8); the height is the font's.
 * @return 0, or -1 with errno EIO or E2BIG.
 */
int ui_textcache_measure(struct ui_textcache *tc, enum ui_font_style style,
			 int px, const char *text, size_t len, int *w, int *h);

/**
 * How many bytes of the text, in whole code points from the start, fit in
 * @p max_w pixels on one line (TTF_MeasureUTF8).
 * @return 0, or -1 with errno EIO or E2BIG.
 */
int ui_textcache_fit(struct ui_textcache *tc, enum ui_font_style style, int px,
		     const char *text, size_t len, int max_w,
		     size_t *fit_bytes);

/**
 * Break text into lines no wider than @p max_w: at '\n', else at the last
 * space that fits, or after a '/' or '-', else (a word wider than the line)
 * between characters.
 * A text ending in '\n' ends with an empty line (where a caret would be).
 * @return the number of lines (at most @p max_lines: the rest is cut off,
 *         and *@p cut set when given), or -1 with errno EIO or E2BIG.
 */
int ui_textcache_lines(struct ui_textcache *tc, enum ui_font_style style,
		       int px, const char *text, size_t len, int max_w,
		       struct ui_text_line *lines, size_t max_lines, int *cut);

/**
 * Forget everything: every key is zeroed (explicit_bzero) and every texture
 * destroyed; the statistics' counters stay.
 */
void ui_textcache_wipe(struct ui_textcache *tc);

/** Counters and sizes. */
void ui_textcache_stats(const struct ui_textcache *tc,
			struct ui_textcache_stats *st);

/** 1 when a live entry's key text equals @p text, else 0. */
int ui_textcache_holds(const struct ui_textcache *tc, const char *text);

/**
 * 1 when the bytes of @p needle occur anywhere in memory the cache owns
 * (key pools and scratch, live or not), else 0: for the wipe tests.
 */
int ui_textcache_memory_holds(const struct ui_textcache *tc,
			      const char *needle);

#endif
