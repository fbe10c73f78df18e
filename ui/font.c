// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Font files from Debian packages, opened per pixel size on demand.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "font.h"
#include "log.h"
#include "utf8.h"

struct opened {
	enum ui_font_style style; /* which file */
	int px;			  /* em size in pixels */
	TTF_Font *font;		  /* owned: TTF_CloseFont */
};

struct ui_fonts {
	char *path[UI_FONT_STYLE_COUNT];	/* owned: malloc */
	struct opened open[UI_FONTS_MAX_SIZES]; /* opened sizes */
	size_t n_open;				/* how many */
};

static const char *const default_paths[UI_FONT_STYLE_COUNT][3] = {
    {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", NULL},
    {"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", NULL},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", NULL},
};

static const char *find_default(enum ui_font_style style)
{
	for (int i = 0; default_paths[style][i]; i++)
		if (access(default_paths[style][i], R_OK) == 0)
			return default_paths[style][i];
	return NULL;
}

struct ui_fonts *ui_fonts_new(const char *regular, const char *bold)
{
	struct ui_fonts *f;
	const char *p[UI_FONT_STYLE_COUNT];

	p[UI_FONT_REGULAR] = regular ? regular : find_default(UI_FONT_REGULAR);
	p[UI_FONT_BOLD] = bold ? bold : find_default(UI_FONT_BOLD);
	p[UI_FONT_SYMBOL] = find_default(UI_FONT_SYMBOL);
	if (!p[UI_FONT_BOLD])
		p[UI_FONT_BOLD] = p[UI_FONT_REGULAR];
	if (!p[UI_FONT_SYMBOL])
		p[UI_FONT_SYMBOL] = p[UI_FONT_REGULAR];
	if (!p[UI_FONT_REGULAR] || access(p[UI_FONT_REGULAR], R_OK) != 0 ||
	    access(p[UI_FONT_BOLD], R_OK) != 0) {
		log_err("ui: no font (%s): install fonts-noto-core or "
			"fonts-dejavu-core",
			p[UI_FONT_REGULAR] ? p[UI_FONT_REGULAR] : "none found");
		errno = ENOENT;
		return NULL;
	}
	/* TTF_Init() counts its callers; ui_fonts_free() calls TTF_Quit(). */
	if (TTF_Init() != 0) {
		log_err("ui: TTF_Init: %s", TTF_GetError());
		errno = EIO;
		return NULL;
	}
	f = calloc(1, sizeof(*f));
	if (!f) {
		TTF_Quit();
		return NULL;
	}
	for (int s = 0; s < UI_FONT_STYLE_COUNT; s++) {
		f->path[s] = strdup(p[s]);
		if (!f->path[s])
			goto err_free;
	}
	return f;

err_free:
	ui_fonts_free(f);
	errno = ENOMEM;
	return NULL;
}

void ui_fonts_free(struct ui_fonts *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n_open; i++)
		TTF_CloseFont(f->open[i].font);
	for (int s = 0; s < UI_FONT_STYLE_COUNT; s++)
		free(f->path[s]);
	free(f);
	TTF_Quit();
}

const char *ui_fonts_path(const struct ui_fonts *f, enum ui_font_style style)
{
	return f->path[style];
}

TTF_Font *ui_fonts_get(struct ui_fonts *f, enum ui_font_style style, int px)
{
	TTF_Font *font;

	for (size_t i = 0; i < f->n_open; i++)
		if (f->open[i].style == style && f->open[i].px == px)
			return f->open[i].font;
	if (f->n_open == UI_FONTS_MAX_SIZES) {
		log_err("ui: more than %d font sizes", UI_FONTS_MAX_SIZES);
		errno = ENOSPC;
		return NULL;
	}
	font = TTF_OpenFont(f->path[style], px);
	if (!font) {
		log_err("ui: open font %s at %d px: %s", f->path[style], px,
			TTF_GetError());
		errno = EIO;
		return NULL;
	}
	f->open[f->n_open].style = style;
	f->open[f->n_open].px = px;
	f->open[f->n_open].font = font;
	f->n_open++;
	return font;
}

int ui_font_cap_height(TTF_Font *font)
{
	int minx, maxx, miny, maxy, adv;

	if (TTF_GlyphMetrics32(font, 'I', &minx, &maxx, &miny, &maxy, &adv))
		return 0;
	return maxy;
}

int ui_font_covers(TTF_Font *font, const char *utf8)
{
	size_t i = 0, len = strlen(utf8);
	uint32_t cp;

	while (i < len) {
		size_t n = ui_utf8_decode(utf8 + i, len - i, &cp);

		if (n == 0 || !TTF_GlyphIsProvided32(font, cp))
			return 0;
		i += n;
	}
	return 1;
}
