// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The steady state is lean: after the first frame of a form screen (title,
 * progress, a field with a caret, its counter, buttons, the keyboard), more
 * frames of it allocate nothing in ui/ (malloc, calloc and realloc are
 * wrapped at link time, test_ui_frame.mk) and rasterize no text again (the
 * cache has no new misses); a keystroke rasterizes only what changed.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "keyboard.h"
#include "ui_test.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

static size_t allocations; /* by ui/ and this file */

void *__wrap_malloc(size_t n)
{
	allocations++;
	return __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	allocations++;
	return __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	allocations++;
	return __real_realloc(p, n);
}

static struct ui_field field; /* big */

static void build(struct ui_cmdlist *l, const struct ui_scale *sc,
		  const struct ui_keyboard *kb, struct ui_targets *ts)
{
	struct ui_text_style title = {.size = UI_TEXT_BODY,
				      .font = UI_FONT_BOLD,
				      .color = UI_COLOR_TEXT,
				      .valign = UI_ALIGN_CENTER};
	struct ui_button back = {.box = {8, 8, 200, 56},
				 .label = "Kembali",
				 .kind = UI_BUTTON_SECONDARY};
	struct ui_button next = {.box = {sc->design_w - 208, 8, 200, 56},
				 .label = "Lanjut",
				 .kind = UI_BUTTON_PRIMARY,
				 .focused = true};

	ui_cmdlist_clear(l);
	ui_targets_clear(ts);
	ui_cmd_rect(l, (SDL_Rect){0, 0, sc->design_w, sc->design_h},
		    UI_COLOR_BG, 0);
	ui_button_draw(&back, l);
	ui_targets_add(ts, 1, back.box);
	ui_progress_draw((SDL_Rect){224, 30, sc->design_w - 448, 12}, 1, 9, l);
	ui_button_draw(&next, l);
	ui_targets_add(ts, 2, next.box);
	ui_cmd_text(l, (SDL_Rect){16, 64, sc->design_w - 32, 52},
		    "Nama lengkap", &title);
	ui_field_draw(&field, (SDL_Rect){16, 118, sc->design_w - 200, 74}, true,
		      NULL, l);
	ui_field_draw_counter(&field,
			      (SDL_Rect){sc->design_w - 180, 118, 164, 74}, l);
	ui_keyboard_draw(kb, -1, -1, l);
	ui_keyboard_targets(kb, ts);
}

static void test_steady_state(void **state)
{
	struct ui_scale sc;
	struct ui_keyboard kb;
	struct ui_targets ts;
	SDL_Surface *s;
	SDL_Renderer *r;
	struct ui_fonts *fonts;
	struct ui_textcache *tc;
	struct ui_cmdlist *l;
	struct ui_textcache_stats st0, st1;
	struct ui_problem p[4];
	size_t before;

	(void)state;
	ui_scale_init(&sc, 800, 480, UI_ROT_0);
	r = ui_test_renderer(800, 480, &s);
	fonts = ui_fonts_new(NULL, NULL);
	assert_non_null(r);
	assert_non_null(fonts);
	tc = ui_textcache_new(r, fonts, 0, 0);
	l = ui_cmdlist_new(512, 8192);
	assert_non_null(tc);
	assert_non_null(l);
	ui_targets_init(&ts);
	ui_field_init(&field, 100, false);
	ui_field_set(&field, "Ni Luh Putu Ayu Dewi \xe1\xb9\xa2"
			     "ari O'Neil");
	ui_keyboard_init(&kb, UI_KB_LETTERS,
			 ui_keyboard_area(&sc, UI_KB_LETTERS), 100, NULL);

	/* The first frame opens fonts and rasterizes. */
	build(l, &sc, &kb, &ts);
	assert_int_equal(ui_render_execute(l, r, tc, &sc), 0);
	{
		int n = ui_render_check(l, tc, &sc, p, 4);

		for (int i = 0; i < n && i < 4; i++)
			print_message("cmd %zu: %s (%dx%d in %dx%d)\n",
				      p[i].cmd, ui_problem_name(p[i].kind),
				      p[i].need_w, p[i].need_h, p[i].have_w,
				      p[i].have_h);
		assert_int_equal(n, 0);
	}
	assert_int_equal(ui_targets_count_small(&ts, UI_TARGET_MIN), 0);
	ui_textcache_stats(tc, &st0);
	assert_true(st0.misses > 30);

	/* Then: nothing allocated, nothing rasterized. */
	before = allocations;
	for (int i = 0; i < 50; i++) {
		build(l, &sc, &kb, &ts);
		assert_int_equal(ui_render_execute(l, r, tc, &sc), 0);
	}
	assert_int_equal(allocations, before);
	ui_textcache_stats(tc, &st1);
	assert_int_equal(st1.misses, st0.misses);
	assert_int_equal(st1.created, st0.created);

	/* A keystroke: the field's text and its counter, nothing else. */
	ui_keyboard_press(&kb, ui_keyboard_find(&kb, UI_KEY_TEXT, "a"), &field);
	build(l, &sc, &kb, &ts);
	assert_int_equal(ui_render_execute(l, r, tc, &sc), 0);
	ui_textcache_stats(tc, &st1);
	assert_int_equal(st1.misses, st0.misses + 2);
	assert_int_equal(allocations, before);

	ui_cmdlist_free(l);
	ui_textcache_free(tc);
	ui_fonts_free(fonts);
	SDL_DestroyRenderer(r);
	SDL_FreeSurface(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_steady_state),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
