/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The UI's typeface: Noto Sans (fonts-noto-core), or DejaVu Sans
 * (fonts-dejavu-core) where Noto is missing, regular and bold, and DejaVu
 * Sans Bold for key symbols (there is no glyph fallback), opened once
 * per pixel size and kept.  Sizes are given in design units and turned into
 * pixels by the caller's scale.  Every text size below has a capital letter
 * at least 4.8 mm tall on the 7" 800x480 panel (ADA 707.7.2).
 */
#ifndef PPID_UI_FONT_H
#define PPID_UI_FONT_H

#include <SDL2/SDL_ttf.h>

/* The 7" 800x480 panel (Raspberry Pi Touch Display): 154.08 mm / 800 px. */
#define UI_PANEL_UM_PER_PX 193	/* micrometres per design unit */
#define UI_CAP_MIN_UM	   4800 /* ADA 707.7.2: capital letter height */

/* Text sizes in design units (the font's em size). */
#define UI_TEXT_BODY  36 /* body text, key and button labels: the minimum */
#define UI_TEXT_LARGE 44 /* a question */
#define UI_TEXT_TITLE 52 /* a screen's title */
#define UI_TEXT_HUGE  84 /* the registration number */

#define UI_FONTS_MAX_SIZES 24 /* opened (style, size) pairs kept */

enum ui_font_style {
	UI_FONT_REGULAR = 0, /* regular weight */
	UI_FONT_BOLD,	     /* bold */
	UI_FONT_SYMBOL,	     /* DejaVu Sans Bold: arrows and key symbols
				(⌫ ⇧ ✓ ←) that Noto Sans lacks */
	UI_FONT_STYLE_COUNT,
};

struct ui_fonts;

/**
 * Find the typeface and prepare to open it (TTF_Init(); ui_fonts_free()
 * calls TTF_Quit()).
 * @param regular a TTF file, or NULL for the packaged default.
 * @param bold a TTF file, or NULL for the packaged default (or @p regular).
 * The symbol font is always the packaged DejaVu Sans (or @p regular).
 * @return the fonts (free with ui_fonts_free()), or NULL with errno ENOENT
 *         when no font file is found or a given one cannot be read, EIO
 *         when SDL_ttf fails (logged).
 */
struct ui_fonts *ui_fonts_new(const char *regular, const char *bold);

/** Close every opened size, then TTF_Quit(); NULL is a no-op. */
void ui_fonts_free(struct ui_fonts *f);

/** The file a style is opened from (borrowed, valid until ui_fonts_free()). */
const char *ui_fonts_path(const struct ui_fonts *f, enum ui_font_style style);

/**
 * The font of a style at @p px pixels (em size), opened on first use.
 * @return borrowed until ui_fonts_free(), or NULL (logged; errno EIO, or
 *         ENOSPC when UI_FONTS_MAX_SIZES sizes are open).
 */
TTF_Font *ui_fonts_get(struct ui_fonts *f, enum ui_font_style style, int px);

/** Height of the capital letter "I" above the baseline, pixels. */
int ui_font_cap_height(TTF_Font *font);

/** 1 when every code point of the UTF-8 string has a glyph, else 0. */
int ui_font_covers(TTF_Font *font, const char *utf8);

#endif
