// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The palette, the command list and its SDL backend; text layout is shared
 * by the backend and the checker, so what is checked is what is drawn.
 */

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "render.h"
#include "utf8.h"

#define HEX(v)                                                                 \
	{                                                                      \
		(Uint8)((v) >> 16), (Uint8)(((v) >> 8) & 0xff),                \
		    (Uint8)((v)&0xff), 255                                     \
	}

static const SDL_Color palette[UI_COLOR_COUNT] = {
    [UI_COLOR_BG] = HEX(0xf3f5f8),
    [UI_COLOR_SURFACE] = HEX(0xffffff),
    [UI_COLOR_TEXT] = HEX(0x17202a),
    [UI_COLOR_TEXT_MUTED] = HEX(0x4b5563),
    [UI_COLOR_PRIMARY] = HEX(0x0b57a4),
    [UI_COLOR_ON_PRIMARY] = HEX(0xffffff),
    [UI_COLOR_SECONDARY] = HEX(0xe1e7ef),
    [UI_COLOR_ON_SECONDARY] = HEX(0x17202a),
    [UI_COLOR_SELECTED] = HEX(0x0e6a80),
    [UI_COLOR_ON_SELECTED] = HEX(0xffffff),
    [UI_COLOR_DANGER] = HEX(0xb42318),
    [UI_COLOR_ON_DANGER] = HEX(0xffffff),
    [UI_COLOR_SUCCESS] = HEX(0x067647),
    [UI_COLOR_ON_SUCCESS] = HEX(0xffffff),
    [UI_COLOR_DISABLED] = HEX(0xd0d5dd),
    [UI_COLOR_ON_DISABLED] = HEX(0x344054),
    [UI_COLOR_FOCUS] = HEX(0xc2410c),
    [UI_COLOR_BORDER] = HEX(0x667085),
    [UI_COLOR_QR_DARK] = HEX(0x000000),
    [UI_COLOR_QR_LIGHT] = HEX(0xffffff),
};

static const struct ui_color_pair text_pairs[] = {
    {UI_COLOR_TEXT, UI_COLOR_BG},
    {UI_COLOR_TEXT, UI_COLOR_SURFACE},
    {UI_COLOR_TEXT_MUTED, UI_COLOR_BG},
    {UI_COLOR_TEXT_MUTED, UI_COLOR_SURFACE},
    {UI_COLOR_DANGER, UI_COLOR_BG},
    {UI_COLOR_DANGER, UI_COLOR_SURFACE},
    {UI_COLOR_PRIMARY, UI_COLOR_BG},
    {UI_COLOR_PRIMARY, UI_COLOR_SURFACE},
    {UI_COLOR_SUCCESS, UI_COLOR_SURFACE},
    {UI_COLOR_ON_PRIMARY, UI_COLOR_PRIMARY},
    {UI_COLOR_ON_SECONDARY, UI_COLOR_SECONDARY},
    {UI_COLOR_ON_SELECTED, UI_COLOR_SELECTED},
    {UI_COLOR_ON_DANGER, UI_COLOR_DANGER},
    {UI_COLOR_ON_SUCCESS, UI_COLOR_SUCCESS},
    {UI_COLOR_ON_DISABLED, UI_COLOR_DISABLED},
    {UI_COLOR_TEXT, UI_COLOR_QR_LIGHT},
};

struct ui_cmdlist {
	struct ui_cmd *cmds; /* owned: calloc */
	size_t n;	     /* in use */
	size_t cap;	     /* room */
	char *text;	     /* owned: calloc; NUL-terminated texts */
	size_t text_used;    /* bytes in use */
	size_t text_cap;     /* room */
	int overflowed;	     /* a command was dropped since the clear */
};

SDL_Color ui_palette(enum ui_color c)
{
	return palette[(unsigned)c < UI_COLOR_COUNT ? c : UI_COLOR_TEXT];
}

const struct ui_color_pair *ui_palette_text_pairs(size_t *n)
{
	*n = sizeof(text_pairs) / sizeof(text_pairs[0]);
	return text_pairs;
}

enum ui_color ui_palette_on(enum ui_color bg)
{
	switch (bg) {
	case UI_COLOR_PRIMARY:
		return UI_COLOR_ON_PRIMARY;
	case UI_COLOR_SECONDARY:
		return UI_COLOR_ON_SECONDARY;
	case UI_COLOR_SELECTED:
		return UI_COLOR_ON_SELECTED;
	case UI_COLOR_DANGER:
		return UI_COLOR_ON_DANGER;
	case UI_COLOR_SUCCESS:
		return UI_COLOR_ON_SUCCESS;
	case UI_COLOR_DISABLED:
		return UI_COLOR_ON_DISABLED;
	default:
		return UI_COLOR_TEXT;
	}
}

static double channel(Uint8 v)
{
	double c = (double)v / 255.0;

	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double ui_luminance(SDL_Color c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
	       0.0722 * channel(c.b);
}

double ui_contrast(SDL_Color a, SDL_Color b)
{
	double la = ui_luminance(a), lb = ui_luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* ---- the command list ---------------------------------------------------- */

struct ui_cmdlist *ui_cmdlist_new(size_t max_cmds, size_t text_bytes)
{
	struct ui_cmdlist *l = calloc(1, sizeof(*l));

	if (!l)
		goto err;
	l->cap = max_cmds;
	l->text_cap = text_bytes;
	l->cmds = calloc(max_cmds ? max_cmds : 1, sizeof(*l->cmds));
	l->text = calloc(text_bytes ? text_bytes : 1, 1);
	if (!l->cmds || !l->text)
		goto err_free;
	return l;

err_free:
	ui_cmdlist_free(l);
err:
	errno = ENOMEM;
	return NULL;
}

void ui_cmdlist_free(struct ui_cmdlist *l)
{
	if (!l)
		return;
	if (l->text)
		explicit_bzero(l->text, l->text_cap);
	free(l->text);
	free(l->cmds);
	free(l);
}

void ui_cmdlist_clear(struct ui_cmdlist *l)
{
	explicit_bzero(l->text, l->text_used);
	l->text_used = 0;
	l->n = 0;
	l->overflowed = 0;
}

size_t ui_cmdlist_count(const struct ui_cmdlist *l)
{
	return l->n;
}

const struct ui_cmd *ui_cmdlist_get(const struct ui_cmdlist *l, size_t i)
{
	return i < l->n ? &l->cmds[i] : NULL;
}

const char *ui_cmd_text_of(const struct ui_cmdlist *l, const struct ui_cmd *c)
{
	return l->text + c->text_off;
}

int ui_cmdlist_overflowed(const struct ui_cmdlist *l)
{
	return l->overflowed;
}

static struct ui_cmd *push(struct ui_cmdlist *l, enum ui_cmd_type type,
			   SDL_Rect box, enum ui_color color)
{
	struct ui_cmd *c;

	if (l->n == l->cap) {
		l->overflowed = 1;
		errno = ENOSPC;
		return NULL;
	}
	c = &l->cmds[l->n++];
	memset(c, 0, sizeof(*c));
	c->type = type;
	c->box = box;
	c->color = color;
	return c;
}

int ui_cmd_rect(struct ui_cmdlist *l, SDL_Rect box, enum ui_color color,
		int radius)
{
	struct ui_cmd *c = push(l, UI_CMD_RECT, box, color);

	if (!c)
		return -1;
	c->radius = radius;
	return 0;
}

int ui_cmd_frame(struct ui_cmdlist *l, SDL_Rect box, enum ui_color color,
		 int width)
{
	struct ui_cmd *c = push(l, UI_CMD_FRAME, box, color);

	if (!c)
		return -1;
	c->radius = width;
	return 0;
}

int ui_cmd_text(struct ui_cmdlist *l, SDL_Rect box, const char *text,
		const struct ui_text_style *st)
{
	size_t len = strlen(text);
	struct ui_cmd *c;

	if (!ui_utf8_valid(text, len)) {
		errno = EINVAL;
		return -1;
	}
	if (l->text_cap - l->text_used < len + 1) {
		l->overflowed = 1;
		errno = ENOSPC;
		return -1;
	}
	c = push(l, UI_CMD_TEXT, box, st->color);
	if (!c)
		return -1;
	c->text = *st;
	c->text_off = l->text_used;
	c->text_len = len;
	memcpy(l->text + l->text_used, text, len + 1);
	l->text_used += len + 1;
	return 0;
}

int ui_cmd_bitmap(struct ui_cmdlist *l, SDL_Rect box, const uint8_t *bits,
		  int n, enum ui_color dark)
{
	struct ui_cmd *c;

	if (n < 1 || !bits) {
		errno = EINVAL;
		return -1;
	}
	c = push(l, UI_CMD_BITMAP, box, dark);
	if (!c)
		return -1;
	c->bits = bits;
	c->bits_n = n;
	return 0;
}

/* ---- text layout, shared by the backend and the checker -------------------- */

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026 */
#define ELL_BUF	 512

struct layout {
	SDL_Rect box;	 /* canvas pixels */
	int px;		 /* font size, pixels */
	int height;	 /* one line's height */
	int skip;	 /* line to line */
	const char *src; /* the text laid out (the command's or ell) */
	struct ui_text_line lines[UI_TEXT_MAX_LINES]; /* lines of src */
	int w[UI_TEXT_MAX_LINES];		      /* their widths */
	int n;					      /* line count */
	int cut;	   /* more lines than UI_TEXT_MAX_LINES */
	int max_w;	   /* the widest line */
	int total_h;	   /* all lines */
	int scroll;	   /* caret on one line: pixels scrolled left */
	int vscroll;	   /* caret, wrapped: pixels scrolled up */
	int caret_line;	   /* the caret's line, -1 none */
	int caret_x;	   /* its x from the line's start */
	char ell[ELL_BUF]; /* an ellipsized copy (zeroed after use) */
};

static void layout_done(struct layout *lo)
{
	if (lo->src == lo->ell)
		explicit_bzero(lo->ell, sizeof(lo->ell));
}

static int ellipsize(struct ui_textcache *tc, const struct ui_cmd *c,
		     const char *text, struct layout *lo)
{
	size_t fit, el = strlen(ELLIPSIS);
	int ew;

	if (ui_textcache_measure(tc, c->text.font, lo->px, ELLIPSIS, el, &ew,
				 NULL) != 0 ||
	    ui_textcache_fit(tc, c->text.font, lo->px, text, c->text_len,
			     lo->box.w - ew, &fit) != 0)
		return -1;
	if (fit > ELL_BUF - el - 1)
		fit = ui_utf8_offset(text, ELL_BUF - el - 1,
				     ui_utf8_count(text, ELL_BUF - el - 1) - 1);
	while (fit > 0 && text[fit - 1] == ' ')
		fit--;
	memcpy(lo->ell, text, fit);
	memcpy(lo->ell + fit, ELLIPSIS, el + 1);
	lo->src = lo->ell;
	lo->lines[0].len = fit + el;
	return ui_textcache_measure(tc, c->text.font, lo->px, lo->ell, fit + el,
				    &lo->w[0], NULL);
}

static int layout_text(struct ui_textcache *tc, const struct ui_scale *sc,
		       const struct ui_cmd *c, const char *text,
		       struct layout *lo)
{
	TTF_Font *font;
	int n;

	lo->box = ui_scale_rect(sc, c->box);
	lo->px = ui_scale_px(sc, c->text.size);
	lo->src = text;
	lo->cut = 0;
	lo->scroll = 0;
	lo->vscroll = 0;
	lo->caret_line = -1;
	lo->caret_x = 0;
	font = ui_fonts_get(ui_textcache_fonts(tc), c->text.font, lo->px);
	if (!font)
		return -1;
	lo->height = TTF_FontHeight(font);
	lo->skip = TTF_FontLineSkip(font);
	if (c->text.flags & UI_TEXT_WRAP) {
		n = ui_textcache_lines(tc, c->text.font, lo->px, text,
				       c->text_len, lo->box.w, lo->lines,
				       UI_TEXT_MAX_LINES, &lo->cut);
		if (n < 0)
			return -1;
		lo->n = n;
	} else {
		lo->n = 1;
		lo->lines[0].off = 0;
		lo->lines[0].len = c->text_len;
	}
	lo->max_w = 0;
	for (int i = 0; i < lo->n; i++) {
		if (ui_textcache_measure(
			tc, c->text.font, lo->px, text + lo->lines[i].off,
			lo->lines[i].len, &lo->w[i], NULL) != 0)
			return -1;
	}
	if (!(c->text.flags & (UI_TEXT_WRAP | UI_TEXT_CARET)) &&
	    (c->text.flags & UI_TEXT_ELLIPSIS) && lo->w[0] > lo->box.w &&
	    ellipsize(tc, c, text, lo) != 0)
		return -1;
	for (int i = 0; i < lo->n; i++)
		if (lo->w[i] > lo->max_w)
			lo->max_w = lo->w[i];
	lo->total_h = lo->n ? (lo->n - 1) * lo->skip + lo->height : 0;

	if (c->text.flags & UI_TEXT_CARET) {
		size_t caret = c->text.caret;

		/* The caret's line: the last one starting at or before it. */
		lo->caret_line = 0;
		for (int i = 1; i < lo->n; i++)
			if (lo->lines[i].off <= caret)
				lo->caret_line = i;
		{
			struct ui_text_line *ln = &lo->lines[lo->caret_line];
			size_t in = caret > ln->off ? caret - ln->off : 0;

			if (in > ln->len)
				in = ln->len;
			if (ui_textcache_measure(tc, c->text.font, lo->px,
						 text + ln->off, in,
						 &lo->caret_x, NULL) != 0)
				return -1;
		}
		if (lo->total_h > lo->box.h) {
			/* Keep the caret's line in view. */
			lo->vscroll =
			    lo->caret_line * lo->skip + lo->height - lo->box.h;
			if (lo->vscroll < 0)
				lo->vscroll = 0;
		}
		if (lo->n == 1 && lo->w[0] > lo->box.w) {
			int cw = lo->px / 12 + 2;

			lo->scroll = lo->caret_x + cw - lo->box.w;
			if (lo->scroll < 0)
				lo->scroll = 0;
		}
	}
	return 0;
}

static int line_x(const struct layout *lo, const struct ui_cmd *c, int i)
{
	if (lo->scroll)
		return lo->box.x - lo->scroll;
	switch (c->text.align) {
	case UI_ALIGN_CENTER:
		return lo->box.x + (lo->box.w - lo->w[i]) / 2;
	case UI_ALIGN_END:
		return lo->box.x + lo->box.w - lo->w[i];
	default:
		return lo->box.x;
	}
}

static int top_y(const struct layout *lo, const struct ui_cmd *c)
{
	if (lo->total_h > lo->box.h)
		return lo->box.y - lo->vscroll;
	switch (c->text.valign) {
	case UI_ALIGN_CENTER:
		return lo->box.y + (lo->box.h - lo->total_h) / 2;
	case UI_ALIGN_END:
		return lo->box.y + lo->box.h - lo->total_h;
	default:
		return lo->box.y;
	}
}

/* ---- the backend ------------------------------------------------------------ */

static int set_color(SDL_Renderer *r, enum ui_color c)
{
	SDL_Color k = ui_palette(c);

	return SDL_SetRenderDrawColor(r, k.r, k.g, k.b, k.a);
}

/* Columns cut off a corner of radius @p rad on row @p dy (0 = outermost). */
static int corner_inset(int rad, int dy)
{
	int i = 0;
	long yy = 2L * rad - 2L * dy - 1, rr = 4L * rad * rad;

	while (i < rad) {
		long xx = 2L * rad - 2L * i - 1;

		if (xx * xx + yy * yy <= rr)
			break;
		i++;
	}
	return i;
}

#define SPANS 128

static int draw_rect(SDL_Renderer *r, SDL_Rect b, int rad)
{
	SDL_Rect spans[SPANS];
	int n = 0;

	if (rad > b.w / 2)
		rad = b.w / 2;
	if (rad > b.h / 2)
		rad = b.h / 2;
	if (rad > SPANS / 2)
		rad = SPANS / 2;
	if (rad <= 0)
		return SDL_RenderFillRect(r, &b);
	for (int dy = 0; dy < rad; dy++) {
		int in = corner_inset(rad, dy);

		spans[n++] = (SDL_Rect){b.x + in, b.y + dy, b.w - 2 * in, 1};
		spans[n++] =
		    (SDL_Rect){b.x + in, b.y + b.h - 1 - dy, b.w - 2 * in, 1};
	}
	if (SDL_RenderFillRects(r, spans, n) != 0)
		return -1;
	b.y += rad;
	b.h -= 2 * rad;
	return SDL_RenderFillRect(r, &b);
}

static int draw_frame(SDL_Renderer *r, SDL_Rect b, int lw)
{
	SDL_Rect e[4];

	if (lw < 1)
		lw = 1;
	e[0] = (SDL_Rect){b.x, b.y, b.w, lw};
	e[1] = (SDL_Rect){b.x, b.y + b.h - lw, b.w, lw};
	e[2] = (SDL_Rect){b.x, b.y + lw, lw, b.h - 2 * lw};
	e[3] = (SDL_Rect){b.x + b.w - lw, b.y + lw, lw, b.h - 2 * lw};
	return SDL_RenderFillRects(r, e, 4);
}

static int draw_bitmap(SDL_Renderer *r, SDL_Rect b, const uint8_t *bits, int n)
{
	SDL_Rect runs[SPANS];
	int m = (b.w < b.h ? b.w : b.h) / n, k = 0;
	int x0 = b.x + (b.w - m * n) / 2, y0 = b.y + (b.h - m * n) / 2;

	if (m < 1)
		m = 1;
	/* One rectangle per run of dark modules in a row. */
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n;) {
			int s;

			if (!bits[y * n + x]) {
				x++;
				continue;
			}
			for (s = x; x < n && bits[y * n + x]; x++)
				;
			runs[k++] =
			    (SDL_Rect){x0 + s * m, y0 + y * m, (x - s) * m, m};
			if (k == SPANS) {
				if (SDL_RenderFillRects(r, runs, k) != 0)
					return -1;
				k = 0;
			}
		}
	}
	return k ? SDL_RenderFillRects(r, runs, k) : 0;
}

static int draw_text(SDL_Renderer *r, struct ui_textcache *tc,
		     const struct ui_scale *sc, const struct ui_cmd *c,
		     const char *text)
{
	struct ui_text_key k = {.style = c->text.font,
				.color = ui_palette(c->text.color)};
	struct layout lo;
	int y, rc = -1;

	if (layout_text(tc, sc, c, text, &lo) != 0)
		goto out;
	k.px = lo.px;
	if (SDL_RenderSetClipRect(r, &lo.box) != 0)
		goto out_sdl;
	y = top_y(&lo, c);
	for (int i = 0; i < lo.n; i++, y += lo.skip) {
		SDL_Texture *t;
		SDL_Rect d;

		if (lo.lines[i].len == 0)
			continue;
		t = ui_textcache_get(tc, &k, lo.src + lo.lines[i].off,
				     lo.lines[i].len, &d.w, &d.h);
		if (!t)
			goto out_clip;
		d.x = line_x(&lo, c, i);
		d.y = y;
		if (SDL_RenderCopy(r, t, NULL, &d) != 0)
			goto out_sdl;
	}
	if (lo.caret_line >= 0) {
		SDL_Rect cr = {line_x(&lo, c, lo.caret_line) + lo.caret_x,
			       top_y(&lo, c) + lo.caret_line * lo.skip,
			       lo.px / 12 + 2, lo.height};

		if (set_color(r, c->text.color) != 0 ||
		    SDL_RenderFillRect(r, &cr) != 0)
			goto out_sdl;
	}
	rc = 0;
	goto out_clip;

out_sdl:
	log_err("ui: draw text: %s", SDL_GetError());
out_clip:
	SDL_RenderSetClipRect(r, NULL);
out:
	layout_done(&lo);
	return rc;
}

int ui_render_execute(const struct ui_cmdlist *l, SDL_Renderer *r,
		      struct ui_textcache *tc, const struct ui_scale *sc)
{
	int rc = 0;

	if (l->overflowed)
		log_warn(
		    "ui: the command list overflowed; the frame is partial");
	for (size_t i = 0; i < l->n; i++) {
		const struct ui_cmd *c = &l->cmds[i];
		SDL_Rect b = ui_scale_rect(sc, c->box);
		int e = 0;

		switch (c->type) {
		case UI_CMD_RECT:
			e = set_color(r, c->color) ||
			    draw_rect(r, b, ui_scale_px(sc, c->radius));
			break;
		case UI_CMD_FRAME:
			e = set_color(r, c->color) ||
			    draw_frame(r, b, ui_scale_px(sc, c->radius));
			break;
		case UI_CMD_TEXT:
			if ((c->text_len > 0 ||
			     (c->text.flags & UI_TEXT_CARET)) &&
			    draw_text(r, tc, sc, c, l->text + c->text_off) != 0)
				rc = -1;
			break;
		case UI_CMD_BITMAP:
			e = set_color(r, c->color) ||
			    draw_bitmap(r, b, c->bits, c->bits_n);
			break;
		}
		if (e) {
			log_err("ui: draw: %s", SDL_GetError());
			rc = -1;
		}
	}
	return rc;
}

/* ---- the checker ------------------------------------------------------------ */

static int contains(SDL_Rect o, int x, int y)
{
	return x >= o.x && x < o.x + o.w && y >= o.y && y < o.y + o.h;
}

static enum ui_color background(const struct ui_cmdlist *l, size_t i)
{
	const struct ui_cmd *t = &l->cmds[i];
	int cx = t->box.x + t->box.w / 2, cy = t->box.y + t->box.h / 2;

	while (i-- > 0)
		if (l->cmds[i].type == UI_CMD_RECT &&
		    contains(l->cmds[i].box, cx, cy))
			return l->cmds[i].color;
	return UI_COLOR_BG;
}

static void add(struct ui_problem *out, size_t max, int *n, struct ui_problem p)
{
	if ((size_t)*n < max)
		out[*n] = p;
	(*n)++;
}

int ui_render_check(const struct ui_cmdlist *l, struct ui_textcache *tc,
		    const struct ui_scale *sc, struct ui_problem *out,
		    size_t max)
{
	int n = 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct ui_cmd *c = &l->cmds[i];
		struct ui_problem p = {.cmd = i};
		struct layout lo;
		int clipped;

		if (c->box.x < 0 || c->box.y < 0 ||
		    c->box.x + c->box.w > sc->design_w ||
		    c->box.y + c->box.h > sc->design_h) {
			p.kind = UI_PROBLEM_OFF_SCREEN;
			add(out, max, &n, p);
		}
		if (c->type != UI_CMD_TEXT || c->text_len == 0)
			continue;
		if (c->text.size < UI_TEXT_BODY) {
			p.kind = UI_PROBLEM_TEXT_SMALL;
			add(out, max, &n, p);
		}
		if (ui_contrast(ui_palette(c->text.color),
				ui_palette(background(l, i))) <
		    UI_CONTRAST_TEXT) {
			p.kind = UI_PROBLEM_CONTRAST;
			add(out, max, &n, p);
		}
		if (layout_text(tc, sc, c, l->text + c->text_off, &lo) != 0) {
			layout_done(&lo);
			return -1;
		}
		clipped = lo.cut ||
			  (lo.total_h > lo.box.h && lo.caret_line < 0) ||
			  (lo.max_w > lo.box.w && !lo.scroll);
		if (clipped) {
			p.kind = UI_PROBLEM_TEXT_CLIPPED;
			p.need_w = lo.max_w;
			p.need_h = lo.total_h;
			p.have_w = lo.box.w;
			p.have_h = lo.box.h;
			add(out, max, &n, p);
		}
		layout_done(&lo);
	}
	return n;
}

const char *ui_problem_name(enum ui_problem_kind kind)
{
	switch (kind) {
	case UI_PROBLEM_TEXT_CLIPPED:
		return "text clipped";
	case UI_PROBLEM_TEXT_SMALL:
		return "text too small";
	case UI_PROBLEM_CONTRAST:
		return "contrast under 4.5:1";
	case UI_PROBLEM_OFF_SCREEN:
		return "off screen";
	}
	return "?";
}
