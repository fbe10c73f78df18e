// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for ui/textcache: hits and misses, the key is the whole key (colour,
 * size, style, wrap), the bound (LRU eviction), an evicted key is zeroed,
 * compaction keeps keys intact, and the wipe: afterwards no key text is left
 * anywhere in the cache's memory and every texture created was destroyed.
 * Also measuring, fitting and line breaking.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "textcache.h"
#include "ui_test.h"

#define NIK "3201015708900001" /* the synthetic test NIK */
#define NAME                                                                   \
	"Ni Luh Putu Ayu Dewi \xe1\xb9\xa2"                                    \
	"ari O'Neil"

struct fixture {
	SDL_Surface *surface;	 /* the software renderer's target */
	SDL_Renderer *r;	 /* software */
	struct ui_fonts *fonts;	 /* Noto Sans */
	struct ui_textcache *tc; /* under test: 8 entries, 1 KiB of keys */
};

static int setup(void **state)
{
	static struct fixture f;

	memset(&f, 0, sizeof(f));
	f.r = ui_test_renderer(800, 480, &f.surface);
	f.fonts = ui_fonts_new(NULL, NULL);
	if (!f.r || !f.fonts)
		return -1;
	f.tc = ui_textcache_new(f.r, f.fonts, 8, 1024);
	*state = &f;
	return f.tc ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	ui_textcache_free(f->tc);
	ui_fonts_free(f->fonts);
	SDL_DestroyRenderer(f->r);
	SDL_FreeSurface(f->surface);
	return 0;
}

static const struct ui_text_key body = {
    .style = UI_FONT_REGULAR, .px = 36, .color = {23, 32, 42, 255}};

static SDL_Texture *get(struct fixture *f, const struct ui_text_key *k,
			const char *s)
{
	return ui_textcache_get(f->tc, k, s, strlen(s), NULL, NULL);
}

static void test_hit_and_miss(void **state)
{
	struct fixture *f = *state;
	struct ui_textcache_stats st;
	struct ui_text_key red = body, big = body, bold = body, wrap = body;
	SDL_Texture *t;
	int w, h, mw, mh;

	red.color.r = 200;
	big.px = 44;
	bold.style = UI_FONT_BOLD;
	wrap.wrap_w = 300;
	t = ui_textcache_get(f->tc, &body, NAME, strlen(NAME), &w, &h);
	assert_non_null(t);
	assert_ptr_equal(get(f, &body, NAME), t);
	/* Every part of the key matters. */
	assert_ptr_not_equal(get(f, &red, NAME), t);
	assert_ptr_not_equal(get(f, &big, NAME), t);
	assert_ptr_not_equal(get(f, &bold, NAME), t);
	assert_ptr_not_equal(get(f, &wrap, NAME), t);
	ui_textcache_stats(f->tc, &st);
	assert_int_equal(st.hits, 1);
	assert_int_equal(st.misses, 5);
	assert_int_equal(st.entries, 5);
	assert_int_equal(st.key_bytes, 5 * strlen(NAME));
	/* The texture is the measured size; TTF's wrapping made 2 lines. */
	assert_int_equal(ui_textcache_measure(f->tc, UI_FONT_REGULAR, 36, NAME,
					      strlen(NAME), &mw, &mh),
			 0);
	assert_int_equal(w, mw);
	assert_int_equal(h, mh);
	ui_textcache_get(f->tc, &wrap, NAME, strlen(NAME), &w, &h);
	assert_true(w <= 300 && h >= 2 * mh - 2);
	/* Empty and huge texts are refused, not cached. */
	assert_null(ui_textcache_get(f->tc, &body, "", 0, NULL, NULL));
	assert_int_equal(errno, EINVAL);
	{
		char big_text[300];

		memset(big_text, 'x', sizeof(big_text));
		assert_null(ui_textcache_get(f->tc, &body, big_text,
					     sizeof(big_text), NULL, NULL));
		assert_int_equal(errno, E2BIG);
	}
	/* A key is bytes, not a C string: a prefix is another key. */
	assert_ptr_not_equal(
	    ui_textcache_get(f->tc, &body, NAME, 6, NULL, NULL), t);
}

static void test_lru_bound_and_eviction_zeroes(void **state)
{
	struct fixture *f = *state;
	struct ui_textcache_stats st;
	char s[32];

	assert_non_null(get(f, &body, NIK));
	for (int i = 0; i < 20; i++) {
		snprintf(s, sizeof(s), "text %d", i);
		assert_non_null(get(f, &body, s));
		/* Keep "text 0" in use, so it is never the oldest. */
		assert_non_null(get(f, &body, "text 0"));
	}
	ui_textcache_stats(f->tc, &st);
	assert_int_equal(st.entries, 8);
	assert_int_equal(st.evictions, 21 - 8);
	assert_int_equal(st.created - st.destroyed, 8);
	assert_true(ui_textcache_holds(f->tc, "text 0"));
	assert_true(ui_textcache_holds(f->tc, "text 19"));
	/* The NIK was evicted first, and its bytes are gone with it. */
	assert_false(ui_textcache_holds(f->tc, NIK));
	assert_false(ui_textcache_memory_holds(f->tc, NIK));
}

static void test_pool_compaction(void **state)
{
	struct fixture *f = *state;
	struct ui_textcache_stats st;
	char s[128];

	/* Keys of 100 bytes in a 1 KiB pool: the pool's end runs out again
	 * and again, and compaction must keep the live keys right. */
	for (int i = 0; i < 60; i++) {
		snprintf(s, sizeof(s), "%03d %s %s %s", i, NAME, NAME, NAME);
		s[100] = '\0';
		assert_non_null(get(f, &body, s));
		ui_textcache_stats(f->tc, &st);
		assert_true(st.key_bytes <= 1024);
		assert_true(ui_textcache_holds(f->tc, s));
	}
	ui_textcache_stats(f->tc, &st);
	/* The last ones are all there and still hit. */
	for (int i = 60 - (int)st.entries; i < 60; i++) {
		size_t hits = st.hits;

		snprintf(s, sizeof(s), "%03d %s %s %s", i, NAME, NAME, NAME);
		s[100] = '\0';
		assert_non_null(get(f, &body, s));
		ui_textcache_stats(f->tc, &st);
		assert_int_equal(st.hits, hits + 1);
	}
	assert_false(ui_textcache_memory_holds(f->tc, "000 Ni Luh"));
}

static void test_wipe(void **state)
{
	struct fixture *f = *state;
	struct ui_textcache_stats st;
	int w;

	assert_non_null(get(f, &body, NIK));
	assert_non_null(get(f, &body, NAME));
	assert_non_null(get(f, &body, "Jl. Raya Ubud No. 7"));
	assert_int_equal(ui_textcache_measure(f->tc, UI_FONT_REGULAR, 36, NIK,
					      strlen(NIK), &w, NULL),
			 0);
	/* The check can see a key when there is one. */
	assert_true(ui_textcache_memory_holds(f->tc, NIK));
	assert_true(ui_textcache_memory_holds(f->tc, "Putu Ayu"));

	ui_textcache_wipe(f->tc);
	ui_textcache_stats(f->tc, &st);
	assert_int_equal(st.entries, 0);
	assert_int_equal(st.key_bytes, 0);
	assert_int_equal(st.created, 3);
	assert_int_equal(st.destroyed, 3);
	assert_false(ui_textcache_holds(f->tc, NIK));
	assert_false(ui_textcache_memory_holds(f->tc, NIK));
	assert_false(ui_textcache_memory_holds(f->tc, "Putu Ayu"));
	assert_false(ui_textcache_memory_holds(f->tc, "Ubud"));
	/* Usable afterwards. */
	assert_non_null(get(f, &body, NAME));
	ui_textcache_stats(f->tc, &st);
	assert_int_equal(st.entries, 1);
}

static void test_fit(void **state)
{
	struct fixture *f = *state;
	size_t fit;
	int w_all, w_fit;

	assert_int_equal(ui_textcache_measure(f->tc, UI_FONT_REGULAR, 36, NAME,
					      strlen(NAME), &w_all, NULL),
			 0);
	assert_int_equal(ui_textcache_fit(f->tc, UI_FONT_REGULAR, 36, NAME,
					  strlen(NAME), w_all, &fit),
			 0);
	assert_int_equal(fit, strlen(NAME));
	assert_int_equal(ui_textcache_fit(f->tc, UI_FONT_REGULAR, 36, NAME,
					  strlen(NAME), w_all / 2, &fit),
			 0);
	assert_true(fit > 0 && fit < strlen(NAME));
	assert_int_equal(ui_textcache_measure(f->tc, UI_FONT_REGULAR, 36, NAME,
					      fit, &w_fit, NULL),
			 0);
	assert_true(w_fit <= w_all / 2);
	/* Never in the middle of "Ṣ" (3 bytes). */
	for (int wd = 1; wd < w_all; wd += 7) {
		ui_textcache_fit(f->tc, UI_FONT_REGULAR, 36, NAME, strlen(NAME),
				 wd, &fit);
		assert_true(((unsigned char)NAME[fit] & 0xc0) != 0x80);
	}
}

static void test_lines(void **state)
{
	struct fixture *f = *state;
	struct ui_text_line ln[16];
	const char *s = NAME;
	int n, cut, w;

	/* Wide enough: one line. */
	n = ui_textcache_lines(f->tc, UI_FONT_REGULAR, 36, s, strlen(s), 2000,
			       ln, 16, &cut);
	assert_int_equal(n, 1);
	assert_int_equal(ln[0].len, strlen(s));
	/* 250 px: broken at spaces, each line fits, nothing lost. */
	n = ui_textcache_lines(f->tc, UI_FONT_REGULAR, 36, s, strlen(s), 250,
			       ln, 16, &cut);
	assert_true(n >= 3);
	assert_false(cut);
	for (int i = 0; i < n; i++) {
		ui_textcache_measure(f->tc, UI_FONT_REGULAR, 36, s + ln[i].off,
				     ln[i].len, &w, NULL);
		assert_true(w <= 250);
		assert_true(ln[i].len > 0);
		assert_true(s[ln[i].off] != ' ');
		if (i + 1 < n)
			assert_int_equal(s[ln[i].off + ln[i].len], ' ');
	}
	assert_int_equal(ln[n - 1].off + ln[n - 1].len, strlen(s));
	/* Newlines break; a trailing one leaves an empty last line. */
	s = "satu\n\ndua\n";
	n = ui_textcache_lines(f->tc, UI_FONT_REGULAR, 36, s, strlen(s), 2000,
			       ln, 16, &cut);
	assert_int_equal(n, 4);
	assert_int_equal(ln[1].len, 0);
	assert_int_equal(ln[2].off, 6);
	assert_int_equal(ln[3].off, strlen(s));
	assert_int_equal(ln[3].len, 0);
	/* A word wider than the line is cut between characters. */
	s = NIK NIK NIK;
	n = ui_textcache_lines(f->tc, UI_FONT_REGULAR, 36, s, strlen(s), 200,
			       ln, 16, &cut);
	assert_true(n >= 4);
	for (int i = 0; i < n; i++) {
		ui_textcache_measure(f->tc, UI_FONT_REGULAR, 36, s + ln[i].off,
				     ln[i].len, &w, NULL);
		assert_true(w <= 200 && ln[i].len > 0);
	}
	/* Too many lines: cut. */
	n = ui_textcache_lines(f->tc, UI_FONT_REGULAR, 36, s, strlen(s), 200,
			       ln, 2, &cut);
	assert_int_equal(n, 2);
	assert_true(cut);
	/* Empty text is one empty line (where the caret goes). */
	n = ui_textcache_lines(f->tc, UI_FONT_REGULAR, 36, "", 0, 200, ln, 16,
			       &cut);
	assert_int_equal(n, 1);
	assert_int_equal(ln[0].len, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_hit_and_miss, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lru_bound_and_eviction_zeroes,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pool_compaction, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_wipe, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_fit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lines, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
