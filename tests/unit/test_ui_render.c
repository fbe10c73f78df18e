// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for ui/render: the contrast ratio (WCAG 2 formula) and every text
 * pair of the palette at 4.5:1 or more; the command list (texts copied,
 * zeroed on clear, bounded); the backend's pixels (rectangles, rounded
 * corners, a QR bitmap, text that never leaves its box, the caret); and the
 * checker that a render test uses: it finds clipped text, small text, low
 * contrast and boxes off screen, and accepts wrapped, ellipsized and
 * scrolled text that fits.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <string.h>

#include "render.h"
#include "ui_test.h"

#define NAME                                                                   \
	"Ni Luh Putu Ayu Dewi \xe1\xb9\xa2"                                    \
	"ari O'Neil"

struct fixture {
	SDL_Surface *surface;	 /* 800x480 */
	SDL_Renderer *r;	 /* software */
	struct ui_fonts *fonts;	 /* Noto Sans */
	struct ui_textcache *tc; /* default size */
	struct ui_cmdlist *l;	 /* 64 commands */
	struct ui_scale sc;	 /* 800x480 */
};

static int setup(void **state)
{
	static struct fixture f;

	memset(&f, 0, sizeof(f));
	f.r = ui_test_renderer(800, 480, &f.surface);
	f.fonts = ui_fonts_new(NULL, NULL);
	if (!f.r || !f.fonts)
		return -1;
	f.tc = ui_textcache_new(f.r, f.fonts, 0, 0);
	f.l = ui_cmdlist_new(64, 4096);
	ui_scale_init(&f.sc, 800, 480, UI_ROT_0);
	*state = &f;
	return f.tc && f.l ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	ui_cmdlist_free(f->l);
	ui_textcache_free(f->tc);
	ui_fonts_free(f->fonts);
	SDL_DestroyRenderer(f->r);
	SDL_FreeSurface(f->surface);
	return 0;
}

static const struct ui_text_style body = {
    .size = UI_TEXT_BODY,
    .font = UI_FONT_REGULAR,
    .color = UI_COLOR_TEXT,
};

static void test_contrast_formula(void **state)
{
	SDL_Color black = {0, 0, 0, 255}, white = {255, 255, 255, 255};
	SDL_Color grey = {0x76, 0x76, 0x76, 255}, mid = {0x77, 0x77, 0x77, 255};

	(void)state;
	assert_true(ui_contrast(black, white) > 20.99 &&
		    ui_contrast(black, white) < 21.01);
	assert_true(ui_contrast(white, black) == ui_contrast(black, white));
	assert_true(ui_contrast(grey, grey) == 1.0);
	/* The classic edge: #767676 on white passes 4.5, #777777 does not. */
	assert_true(ui_contrast(grey, white) >= 4.5);
	assert_true(ui_contrast(mid, white) < 4.5);
}

static void test_palette_contrast(void **state)
{
	static const enum ui_color fills[] = {
	    UI_COLOR_BG,	UI_COLOR_SURFACE,  UI_COLOR_PRIMARY,
	    UI_COLOR_SECONDARY, UI_COLOR_SELECTED, UI_COLOR_DANGER,
	    UI_COLOR_SUCCESS,	UI_COLOR_DISABLED, UI_COLOR_QR_LIGHT,
	};
	size_t n;
	const struct ui_color_pair *p = ui_palette_text_pairs(&n);

	(void)state;
	assert_true(n >= 10);
	for (size_t i = 0; i < n; i++) {
		double c =
		    ui_contrast(ui_palette(p[i].fg), ui_palette(p[i].bg));

		print_message("text %d on %d: %.2f:1\n", p[i].fg, p[i].bg, c);
		assert_true(c >= UI_CONTRAST_TEXT);
	}
	/* Whatever fill a widget uses, its text colour passes. */
	for (size_t i = 0; i < sizeof(fills) / sizeof(fills[0]); i++)
		assert_true(ui_contrast(ui_palette(ui_palette_on(fills[i])),
					ui_palette(fills[i])) >=
			    UI_CONTRAST_TEXT);
	/* The focus ring and borders against what they sit on: 3:1. */
	assert_true(ui_contrast(ui_palette(UI_COLOR_FOCUS),
				ui_palette(UI_COLOR_BG)) >= UI_CONTRAST_UI);
	assert_true(ui_contrast(ui_palette(UI_COLOR_FOCUS),
				ui_palette(UI_COLOR_SURFACE)) >=
		    UI_CONTRAST_UI);
	assert_true(ui_contrast(ui_palette(UI_COLOR_BORDER),
				ui_palette(UI_COLOR_SURFACE)) >=
		    UI_CONTRAST_UI);
	assert_true(ui_contrast(ui_palette(UI_COLOR_QR_DARK),
				ui_palette(UI_COLOR_QR_LIGHT)) > 20.0);
}

static void test_cmdlist(void **state)
{
	struct fixture *f = *state;
	struct ui_cmdlist *small = ui_cmdlist_new(2, 16);
	char name[] = "Dewi";
	const char *held;

	(void)f;
	assert_non_null(small);
	assert_int_equal(
	    ui_cmd_text(small, (SDL_Rect){0, 0, 10, 10}, name, &body), 0);
	name[0] = 'X'; /* the list has its own copy */
	held = ui_cmd_text_of(small, ui_cmdlist_get(small, 0));
	assert_string_equal(held, "Dewi");
	assert_int_equal(ui_cmdlist_get(small, 0)->text_len, 4);
	/* Text room: 5 bytes used of 16, "0123456789ab" needs 13. */
	assert_int_equal(
	    ui_cmd_text(small, (SDL_Rect){0, 0, 10, 10}, "0123456789ab", &body),
	    -1);
	assert_int_equal(errno, ENOSPC);
	assert_true(ui_cmdlist_overflowed(small));
	assert_int_equal(
	    ui_cmd_text(small, (SDL_Rect){0, 0, 10, 10}, "\xc3(", &body), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(
	    ui_cmd_rect(small, (SDL_Rect){0, 0, 1, 1}, UI_COLOR_BG, 0), 0);
	assert_int_equal(
	    ui_cmd_rect(small, (SDL_Rect){0, 0, 1, 1}, UI_COLOR_BG, 0), -1);
	assert_int_equal(errno, ENOSPC);
	assert_int_equal(ui_cmdlist_count(small), 2);
	assert_null(ui_cmdlist_get(small, 2));
	/* Clear zeroes the text the frame held (the arena stays ours). */
	ui_cmdlist_clear(small);
	assert_int_equal(ui_cmdlist_count(small), 0);
	assert_false(ui_cmdlist_overflowed(small));
	for (int i = 0; i < 5; i++)
		assert_int_equal(held[i], 0);
	ui_cmdlist_free(small);
	ui_cmdlist_free(NULL);
}

static void draw(struct fixture *f)
{
	SDL_SetRenderDrawColor(f->r, 0, 0, 0, 255);
	SDL_RenderClear(f->r);
	assert_int_equal(ui_render_execute(f->l, f->r, f->tc, &f->sc), 0);
	SDL_RenderFlush(f->r);
}

static void test_rects_and_bitmap(void **state)
{
	struct fixture *f = *state;
	Uint32 prim = ui_test_rgb(ui_palette(UI_COLOR_PRIMARY));
	Uint32 focus = ui_test_rgb(ui_palette(UI_COLOR_FOCUS));
	/* A 5x5 "QR" with a dark frame and a dark centre. */
	static const uint8_t qr[25] = {1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 1,
				       0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1};

	ui_cmdlist_clear(f->l);
	ui_cmd_rect(f->l, (SDL_Rect){10, 10, 200, 100}, UI_COLOR_PRIMARY, 20);
	ui_cmd_frame(f->l, (SDL_Rect){300, 10, 100, 100}, UI_COLOR_FOCUS, 4);
	ui_cmd_rect(f->l, (SDL_Rect){500, 10, 100, 100}, UI_COLOR_QR_LIGHT, 0);
	assert_int_equal(ui_cmd_bitmap(f->l, (SDL_Rect){500, 10, 100, 100}, qr,
				       5, UI_COLOR_QR_DARK),
			 0);
	draw(f);
	/* Filled, with its corners rounded off. */
	assert_int_equal(ui_test_pixel(f->surface, 110, 60), prim);
	assert_int_equal(ui_test_pixel(f->surface, 11, 60), prim);
	assert_int_equal(ui_test_pixel(f->surface, 110, 10), prim);
	assert_int_equal(ui_test_pixel(f->surface, 10, 10), 0);
	assert_int_equal(ui_test_pixel(f->surface, 209, 109), 0);
	assert_int_equal(ui_test_pixel(f->surface, 16, 16), prim);
	/* An outline: the line, not the inside. */
	assert_int_equal(ui_test_pixel(f->surface, 301, 50), focus);
	assert_int_equal(ui_test_pixel(f->surface, 396, 50), focus);
	assert_int_equal(ui_test_pixel(f->surface, 350, 50), 0);
	/* Modules of 20 px: dark frame, light ring, dark centre. */
	assert_int_equal(ui_test_pixel(f->surface, 505, 15), 0);
	assert_int_equal(ui_test_pixel(f->surface, 530, 35), 0xffffff);
	assert_int_equal(ui_test_pixel(f->surface, 550, 60), 0);
	assert_int_equal(ui_test_pixel(f->surface, 595, 105), 0);
}

/* Text drawn in a box changes pixels in it and none outside it. */
static void test_text_stays_in_box(void **state)
{
	struct fixture *f = *state;
	SDL_Rect box = {100, 100, 200, 60}; /* far too narrow for NAME */
	int inside = 0, outside = 0;

	ui_cmdlist_clear(f->l);
	ui_cmd_text(f->l, box, NAME, &body);
	draw(f);
	for (int y = 0; y < 480; y++)
		for (int x = 0; x < 800; x++) {
			int in = x >= box.x && x < box.x + box.w &&
				 y >= box.y && y < box.y + box.h;

			if (ui_test_pixel(f->surface, x, y) != 0)
				in ? inside++ : outside++;
		}
	assert_true(inside > 100);
	assert_int_equal(outside, 0);
}

static void test_caret(void **state)
{
	struct fixture *f = *state;
	struct ui_text_style st = body;
	Uint32 text = ui_test_rgb(ui_palette(UI_COLOR_TEXT));
	int found = 0;

	st.flags = UI_TEXT_CARET;
	st.caret = 0;
	ui_cmdlist_clear(f->l);
	ui_cmd_text(f->l, (SDL_Rect){100, 100, 300, 60}, "", &st);
	draw(f);
	/* An empty focused field still shows its caret at the start. */
	for (int y = 100; y < 160; y++)
		found += ui_test_pixel(f->surface, 101, y) == text;
	assert_true(found > 30);
	assert_int_equal(ui_test_pixel(f->surface, 200, 130), 0);
}

static int check(struct fixture *f, struct ui_problem *p, size_t max)
{
	return ui_render_check(f->l, f->tc, &f->sc, p, max);
}

static void test_check_finds_clipping(void **state)
{
	struct fixture *f = *state;
	struct ui_text_style st = body;
	struct ui_problem p[8];

	/* One line, too narrow: clipped, with the sizes. */
	ui_cmdlist_clear(f->l);
	ui_cmd_text(f->l, (SDL_Rect){0, 0, 200, 60}, NAME, &st);
	assert_int_equal(check(f, p, 8), 1);
	assert_int_equal(p[0].kind, UI_PROBLEM_TEXT_CLIPPED);
	assert_int_equal(p[0].cmd, 0);
	assert_true(p[0].need_w > p[0].have_w);
	/* Wide enough but too low (a 36 px font is 50 px high). */
	ui_cmdlist_clear(f->l);
	ui_cmd_text(f->l, (SDL_Rect){0, 0, 790, 40}, NAME, &st);
	assert_int_equal(check(f, p, 8), 1);
	assert_true(p[0].need_h > p[0].have_h);
	/* Wrapped into a box with room for the lines: fine... */
	st.flags = UI_TEXT_WRAP;
	ui_cmdlist_clear(f->l);
	ui_cmd_text(f->l, (SDL_Rect){0, 0, 300, 200}, NAME, &st);
	assert_int_equal(check(f, p, 8), 0);
	/* ...not in one without (two lines of 50 px in 90). */
	ui_cmdlist_clear(f->l);
	ui_cmd_text(f->l, (SDL_Rect){0, 0, 300, 90}, NAME, &st);
	assert_int_equal(check(f, p, 8), 1);
	assert_int_equal(p[0].kind, UI_PROBLEM_TEXT_CLIPPED);
	/* Ellipsis is a choice, not a clip; a caret line scrolls. */
	st.flags = UI_TEXT_ELLIPSIS;
	ui_cmdlist_clear(f->l);
	ui_cmd_text(f->l, (SDL_Rect){0, 0, 200, 60}, NAME, &st);
	st.flags = UI_TEXT_CARET;
	st.caret = strlen(NAME);
	ui_cmd_text(f->l, (SDL_Rect){0, 100, 200, 60}, NAME, &st);
	assert_int_equal(check(f, p, 8), 0);
	/* The same screen at 1920x1080 has the same verdicts. */
	ui_scale_init(&f->sc, 1920, 1080, UI_ROT_0);
	assert_int_equal(check(f, p, 8), 0);
	ui_cmdlist_clear(f->l);
	ui_cmd_text(f->l, (SDL_Rect){0, 0, 200, 60}, NAME, &body);
	assert_int_equal(check(f, p, 8), 1);
}

static void test_ellipsis_drawn_within(void **state)
{
	struct fixture *f = *state;
	struct ui_text_style st = body;
	SDL_Rect box = {100, 100, 250, 60};
	int last = -1;

	st.flags = UI_TEXT_ELLIPSIS;
	ui_cmdlist_clear(f->l);
	ui_cmd_text(f->l, box, NAME, &st);
	draw(f);
	for (int x = box.x; x < 800; x++)
		for (int y = box.y; y < box.y + box.h; y++)
			if (ui_test_pixel(f->surface, x, y) != 0)
				last = x;
	/* Something was drawn, ending inside the box (not cut at its edge:
	 * the "…" is the last thing, a few pixels in). */
	assert_true(last > box.x + 150);
	assert_true(last < box.x + box.w - 1);
}

static void test_check_size_contrast_screen(void **state)
{
	struct fixture *f = *state;
	struct ui_text_style st = body;
	struct ui_problem p[8];

	ui_cmdlist_clear(f->l);
	st.size = 20;
	ui_cmd_text(f->l, (SDL_Rect){0, 0, 400, 60}, "kecil", &st);
	assert_int_equal(check(f, p, 8), 1);
	assert_int_equal(p[0].kind, UI_PROBLEM_TEXT_SMALL);
	/* Muted text on the primary colour: too little contrast; the right
	 * colour on it is fine; the background is the rectangle under it. */
	ui_cmdlist_clear(f->l);
	ui_cmd_rect(f->l, (SDL_Rect){0, 0, 400, 100}, UI_COLOR_PRIMARY, 0);
	st = body;
	st.color = UI_COLOR_TEXT_MUTED;
	ui_cmd_text(f->l, (SDL_Rect){10, 10, 380, 60}, "Mulai", &st);
	st.color = UI_COLOR_ON_PRIMARY;
	ui_cmd_text(f->l, (SDL_Rect){10, 10, 380, 60}, "Mulai", &st);
	ui_cmd_text(f->l, (SDL_Rect){10, 200, 380, 60}, "Mulai", &st);
	assert_int_equal(check(f, p, 8), 2);
	assert_int_equal(p[0].kind, UI_PROBLEM_CONTRAST);
	assert_int_equal(p[0].cmd, 1);
	assert_int_equal(p[1].kind, UI_PROBLEM_CONTRAST); /* white on BG */
	assert_int_equal(p[1].cmd, 3);
	/* Off the 800x480 canvas. */
	ui_cmdlist_clear(f->l);
	ui_cmd_rect(f->l, (SDL_Rect){700, 400, 101, 10}, UI_COLOR_PRIMARY, 0);
	assert_int_equal(check(f, p, 8), 1);
	assert_int_equal(p[0].kind, UI_PROBLEM_OFF_SCREEN);
	/* More problems than room: counted, not written. */
	ui_cmdlist_clear(f->l);
	for (int i = 0; i < 5; i++)
		ui_cmd_rect(f->l, (SDL_Rect){-1, 0, 10, 10}, UI_COLOR_BG, 0);
	assert_int_equal(check(f, p, 2), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_contrast_formula),
	    cmocka_unit_test(test_palette_contrast),
	    cmocka_unit_test_setup_teardown(test_cmdlist, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rects_and_bitmap, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_text_stays_in_box, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_caret, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_check_finds_clipping, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_ellipsis_drawn_within, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_check_size_contrast_screen,
					    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
