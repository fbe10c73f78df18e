// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The text-texture cache: entries in a fixed array (a linear scan by hash;
 * a few hundred entries), keys in a byte pool that is compacted into a
 * second pool of the same size when it runs out of room at its end, so the
 * steady state allocates nothing.  Every byte of a key that leaves the cache
 * is zeroed.
 */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "textcache.h"
#include "utf8.h"

struct entry {
	struct ui_text_key key; /* what the texture is made from */
	uint32_t hash;		/* of key and text */
	size_t off;		/* key text in the pool */
	size_t len;		/* its bytes */
	SDL_Texture *tex;	/* owned: SDL_DestroyTexture; NULL = free */
	int w;			/* texture size */
	int h;			/* (height) */
	uint64_t used;		/* LRU clock when last used */
};

struct ui_textcache {
	SDL_Renderer *r;	      /* borrowed */
	struct ui_fonts *fonts;	      /* borrowed */
	struct entry *e;	      /* owned: calloc */
	size_t cap;		      /* entries */
	unsigned char *pool;	      /* owned: malloc; the live key pool */
	unsigned char *spare;	      /* owned: malloc; compaction target */
	size_t pool_cap;	      /* bytes in each pool */
	size_t pool_end;	      /* first free byte at the end */
	size_t pool_live;	      /* bytes of live keys */
	char *scratch;		      /* owned: a NUL-terminated copy for TTF */
	size_t scratch_cap;	      /* bytes */
	uint64_t clock;		      /* LRU clock */
	struct ui_textcache_stats st; /* counters */
};

static uint32_t fnv(uint32_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 16777619u;
	}
	return h;
}

static uint32_t key_hash(const struct ui_text_key *k, const char *text,
			 size_t len)
{
	uint32_t h = 2166136261u;
	int v[4] = {(int)k->style, k->px, k->wrap_w, k->align};
	unsigned char c[4] = {k->color.r, k->color.g, k->color.b, k->color.a};

	h = fnv(h, v, sizeof(v));
	h = fnv(h, c, sizeof(c));
	return fnv(h, text, len);
}

static int key_equal(const struct ui_text_key *a, const struct ui_text_key *b)
{
	return a->style == b->style && a->px == b->px &&
	       a->wrap_w == b->wrap_w && a->align == b->align &&
	       a->color.r == b->color.r && a->color.g == b->color.g &&
	       a->color.b == b->color.b && a->color.a == b->color.a;
}

struct ui_textcache *ui_textcache_new(SDL_Renderer *r, struct ui_fonts *fonts,
				      size_t max_entries, size_t key_bytes)
{
	struct ui_textcache *tc = calloc(1, sizeof(*tc));

	if (!tc)
		goto err;
	tc->r = r;
	tc->fonts = fonts;
	tc->cap = max_entries ? max_entries : UI_TEXTCACHE_ENTRIES;
	tc->pool_cap = key_bytes ? key_bytes : UI_TEXTCACHE_KEY_BYTES;
	tc->scratch_cap = tc->pool_cap / 4 + 1;
	tc->e = calloc(tc->cap, sizeof(*tc->e));
	tc->pool = calloc(1, tc->pool_cap);
	tc->spare = calloc(1, tc->pool_cap);
	tc->scratch = calloc(1, tc->scratch_cap);
	if (!tc->e || !tc->pool || !tc->spare || !tc->scratch)
		goto err_free;
	return tc;

err_free:
	ui_textcache_free(tc);
err:
	errno = ENOMEM;
	return NULL;
}

static void drop(struct ui_textcache *tc, struct entry *e)
{
	SDL_DestroyTexture(e->tex);
	tc->st.destroyed++;
	explicit_bzero(tc->pool + e->off, e->len);
	tc->pool_live -= e->len;
	memset(e, 0, sizeof(*e));
}

void ui_textcache_wipe(struct ui_textcache *tc)
{
	for (size_t i = 0; i < tc->cap; i++)
		if (tc->e[i].tex)
			drop(tc, &tc->e[i]);
	explicit_bzero(tc->pool, tc->pool_cap);
	explicit_bzero(tc->spare, tc->pool_cap);
	explicit_bzero(tc->scratch, tc->scratch_cap);
	tc->pool_end = 0;
	tc->pool_live = 0;
}

void ui_textcache_free(struct ui_textcache *tc)
{
	if (!tc)
		return;
	if (tc->e && tc->pool && tc->spare && tc->scratch)
		ui_textcache_wipe(tc);
	free(tc->e);
	free(tc->pool);
	free(tc->spare);
	free(tc->scratch);
	free(tc);
}

struct ui_fonts *ui_textcache_fonts(struct ui_textcache *tc)
{
	return tc->fonts;
}

/* Copy text into the scratch buffer, NUL-terminated; undo with unscratch. */
static int scratch(struct ui_textcache *tc, const char *text, size_t len)
{
	if (len >= tc->scratch_cap) {
		errno = E2BIG;
		return -1;
	}
	memcpy(tc->scratch, text, len);
	tc->scratch[len] = '\0';
	return 0;
}

static void unscratch(struct ui_textcache *tc, size_t len)
{
	explicit_bzero(tc->scratch, len);
}

static struct entry *lru(struct ui_textcache *tc)
{
	struct entry *old = NULL;

	for (size_t i = 0; i < tc->cap; i++) {
		struct entry *e = &tc->e[i];

		if (e->tex && (!old || e->used < old->used))
			old = e;
	}
	return old;
}

/* Move the live keys to the front of the spare pool; zero the old one. */
static void compact(struct ui_textcache *tc)
{
	unsigned char *t;
	size_t end = 0;

	for (size_t i = 0; i < tc->cap; i++) {
		struct entry *e = &tc->e[i];

		if (!e->tex)
			continue;
		memcpy(tc->spare + end, tc->pool + e->off, e->len);
		e->off = end;
		end += e->len;
	}
	explicit_bzero(tc->pool, tc->pool_end);
	t = tc->pool;
	tc->pool = tc->spare;
	tc->spare = t;
	tc->pool_end = end;
}

/* A free entry with @p len pool bytes at pool_end, evicting as needed. */
static struct entry *make_room(struct ui_textcache *tc, size_t len)
{
	struct entry *slot = NULL;

	for (size_t i = 0; i < tc->cap && !slot; i++)
		if (!tc->e[i].tex)
			slot = &tc->e[i];
	while (!slot || tc->pool_live + len > tc->pool_cap) {
		struct entry *old = lru(tc);

		drop(tc, old);
		tc->st.evictions++;
		if (!slot)
			slot = old;
	}
	if (tc->pool_end + len > tc->pool_cap)
		compact(tc);
	return slot;
}

static SDL_Surface *render(struct ui_textcache *tc, const struct ui_text_key *k)
{
	TTF_Font *font = ui_fonts_get(tc->fonts, k->style, k->px);
	SDL_Surface *s;

	if (!font)
		return NULL;
	if (k->wrap_w > 0) {
		TTF_SetFontWrappedAlign(font, k->align);
		s = TTF_RenderUTF8_Blended_Wrapped(font, tc->scratch, k->color,
						   (Uint32)k->wrap_w);
	} else {
		s = TTF_RenderUTF8_Blended(font, tc->scratch, k->color);
	}
	if (!s)
		log_err("ui: render text: %s", TTF_GetError());
	return s;
}

SDL_Texture *ui_textcache_get(struct ui_textcache *tc,
			      const struct ui_text_key *k, const char *text,
			      size_t len, int *w, int *h)
{
	uint32_t hash;
	struct entry *e;
	SDL_Surface *s;
	SDL_Texture *tex;

	if (len == 0) {
		errno = EINVAL;
		return NULL;
	}
	if (len > tc->pool_cap / 4) {
		errno = E2BIG;
		return NULL;
	}
	hash = key_hash(k, text, len);
	for (size_t i = 0; i < tc->cap; i++) {
		e = &tc->e[i];
		if (e->tex && e->hash == hash && e->len == len &&
		    key_equal(&e->key, k) &&
		    memcmp(tc->pool + e->off, text, len) == 0)
			goto found;
	}

	/* A miss: rasterize, then keep the texture and a copy of the key. */
	tc->st.misses++;
	if (scratch(tc, text, len) != 0)
		return NULL;
	s = render(tc, k);
	unscratch(tc, len);
	if (!s)
		goto err_io;
	tex = SDL_CreateTextureFromSurface(tc->r, s);
	/* The pixels show the text too: zero them before they are freed. */
	explicit_bzero(s->pixels, (size_t)s->pitch * (size_t)s->h);
	if (!tex) {
		log_err("ui: text texture: %s", SDL_GetError());
		SDL_FreeSurface(s);
		goto err_io;
	}
	e = make_room(tc, len);
	e->key = *k;
	e->hash = hash;
	e->off = tc->pool_end;
	e->len = len;
	e->tex = tex;
	e->w = s->w;
	e->h = s->h;
	SDL_FreeSurface(s);
	memcpy(tc->pool + e->off, text, len);
	tc->pool_end += len;
	tc->pool_live += len;
	tc->st.created++;
	goto use;

found:
	tc->st.hits++;
use:
	e->used = ++tc->clock;
	if (w)
		*w = e->w;
	if (h)
		*h = e->h;
	return e->tex;

err_io:
	errno = EIO;
	return NULL;
}

int ui_textcache_measure(struct ui_textcache *tc, enum ui_font_style style,
			 int px, const char *text, size_t len, int *w, int *h)
{
	TTF_Font *font = ui_fonts_get(tc->fonts, style, px);
	int tw = 0, th, rc = 0;

	if (!font)
		return -1;
	th = TTF_FontHeight(font);
	if (len > 0) {
		if (scratch(tc, text, len) != 0)
			return -1;
		rc = TTF_SizeUTF8(font, tc->scratch, &tw, &th);
		unscratch(tc, len);
		if (rc != 0) {
			log_err("ui: measure text: %s", TTF_GetError());
			errno = EIO;
			return -1;
		}
	}
	if (w)
		*w = tw;
	if (h)
		*h = th;
	return 0;
}

/* Width of the first @p n bytes of the scratch copy (restored after). */
static int scratch_width(struct ui_textcache *tc, TTF_Font *font, size_t n,
			 int *w)
{
	char keep = tc->scratch[n];
	int h, rc;

	tc->scratch[n] = '\0';
	rc = TTF_SizeUTF8(font, tc->scratch, w, &h);
	tc->scratch[n] = keep;
	return rc;
}

int ui_textcache_fit(struct ui_textcache *tc, enum ui_font_style style, int px,
		     const char *text, size_t len, int max_w, size_t *fit_bytes)
{
	TTF_Font *font = ui_fonts_get(tc->fonts, style, px);
	int extent = 0, count = 0, w, rc;
	size_t fit, next;

	if (!font)
		return -1;
	if (len == 0 || max_w <= 0) {
		*fit_bytes = 0;
		return 0;
	}
	if (scratch(tc, text, len) != 0)
		return -1;
	rc = TTF_MeasureUTF8(font, tc->scratch, max_w, &extent, &count);
	fit = ui_utf8_offset(text, len, (size_t)count);
	/*
	 * TTF_MeasureUTF8 and TTF_SizeUTF8 round differently at the end of
	 * the text; the layout measures with TTF_SizeUTF8, so settle the
	 * answer with it: the longest prefix it says fits.
	 */
	while (rc == 0 && fit > 0 &&
	       (rc = scratch_width(tc, font, fit, &w)) == 0 && w > max_w)
		fit = ui_utf8_offset(text, len, ui_utf8_count(text, fit) - 1);
	while (rc == 0 && fit < len) {
		next = ui_utf8_offset(text, len, ui_utf8_count(text, fit) + 1);
		rc = scratch_width(tc, font, next, &w);
		if (rc != 0 || w > max_w)
			break;
		fit = next;
	}
	unscratch(tc, len);
	if (rc != 0) {
		log_err("ui: measure text: %s", TTF_GetError());
		errno = EIO;
		return -1;
	}
	*fit_bytes = fit;
	return 0;
}

/* The end of the current paragraph: the next '\n' or the end. */
static size_t para_end(const char *text, size_t len, size_t pos)
{
	const char *nl = memchr(text + pos, '\n', len - pos);

	return nl ? (size_t)(nl - text) : len;
}

int ui_textcache_lines(struct ui_textcache *tc, enum ui_font_style style,
		       int px, const char *text, size_t len, int max_w,
		       struct ui_text_line *lines, size_t max_lines, int *cut)
{
	size_t pos = 0, n = 0;

	if (cut)
		*cut = 0;
	for (;;) {
		size_t end = para_end(text, len, pos), fit, brk, next;

		if (ui_textcache_fit(tc, style, px, text + pos, end - pos,
				     max_w, &fit) != 0)
			return -1;
		if (pos + fit >= end) {
			/* The rest of the paragraph fits. */
			brk = end;
			next = end + 1;
		} else {
			/* Break at the last space that fits (dropped), or
			 * after a '/' or '-' (kept), else inside a word (at
			 * least one character per line). */
			brk = pos + fit;
			while (brk > pos && text[brk] != ' ' &&
			       text[brk - 1] != '/' && text[brk - 1] != '-')
				brk--;
			if (brk > pos) {
				next = text[brk] == ' ' ? brk + 1 : brk;
			} else {
				brk = pos +
				      (fit ? fit
					   : ui_utf8_next_char(text, len, pos) -
						 pos);
				next = brk;
			}
		}
		if (n == max_lines) {
			if (cut)
				*cut = 1;
			break;
		}
		lines[n].off = pos;
		lines[n].len = brk - pos;
		n++;
		if (next > len)
			break;
		pos = next;
		if (pos == len && brk != end)
			break;
	}
	return (int)n;
}

void ui_textcache_stats(const struct ui_textcache *tc,
			struct ui_textcache_stats *st)
{
	*st = tc->st;
	st->entries = 0;
	for (size_t i = 0; i < tc->cap; i++)
		if (tc->e[i].tex)
			st->entries++;
	st->key_bytes = tc->pool_live;
}

int ui_textcache_holds(const struct ui_textcache *tc, const char *text)
{
	size_t len = strlen(text);

	for (size_t i = 0; i < tc->cap; i++) {
		const struct entry *e = &tc->e[i];

		if (e->tex && e->len == len &&
		    memcmp(tc->pool + e->off, text, len) == 0)
			return 1;
	}
	return 0;
}

static int mem_has(const unsigned char *hay, size_t n, const char *needle)
{
	return memmem(hay, n, needle, strlen(needle)) != NULL;
}

int ui_textcache_memory_holds(const struct ui_textcache *tc, const char *needle)
{
	return mem_has(tc->pool, tc->pool_cap, needle) ||
	       mem_has(tc->spare, tc->pool_cap, needle) ||
	       mem_has((const unsigned char *)tc->scratch, tc->scratch_cap,
		       needle);
}
