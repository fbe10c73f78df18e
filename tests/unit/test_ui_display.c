// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for ui/display under SDL's dummy video driver (no X server): a
 * window of a given size and fullscreen at the desktop's size, the scale
 * that follows (rotated: a portrait canvas on a landscape window), a frame
 * drawn and read back unrotated, a resize.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "display.h"
#include "render.h"
#include "ui_test.h"

static int setup(void **state)
{
	(void)state;
	SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
	return 0;
}

/* Draw a red marker at the canvas's top-left, read the frame back. */
static void marker_frame(struct ui_display *d, int *w, int *h, Uint32 *px00,
			 Uint32 *px_mid)
{
	SDL_Renderer *r = ui_display_renderer(d);
	SDL_Rect m = {0, 0, 4, 4};
	SDL_Surface *s;

	assert_int_equal(ui_display_begin(d), 0);
	SDL_SetRenderDrawColor(r, 255, 0, 0, 255);
	SDL_RenderFillRect(r, &m);
	s = ui_display_read(d);
	assert_non_null(s);
	*w = s->w;
	*h = s->h;
	*px00 = ui_test_pixel(s, 1, 1);
	*px_mid = ui_test_pixel(s, s->w / 2, s->h / 2);
	SDL_FreeSurface(s);
	assert_int_equal(ui_display_present(d), 0);
}

static void test_window(void **state)
{
	struct ui_display_cfg cfg = {
	    .width = 800, .height = 480, .software = true, .title = "test"};
	struct ui_display *d;
	const struct ui_scale *sc;
	Uint32 a, b;
	int w, h;

	(void)state;
	d = ui_display_open(&cfg);
	assert_non_null(d);
	sc = ui_display_scale(d);
	assert_int_equal(sc->out_w, 800);
	assert_int_equal(sc->design_w, 800);
	assert_int_equal(sc->design_h, 480);
	assert_string_equal(ui_display_renderer_name(d), "software");
	/* Finger input hints are set by the display. */
	assert_string_equal(SDL_GetHint(SDL_HINT_TOUCH_MOUSE_EVENTS), "0");
	marker_frame(d, &w, &h, &a, &b);
	assert_int_equal(w, 800);
	assert_int_equal(h, 480);
	assert_int_equal(a, 0xff0000);
	assert_int_equal(b, ui_test_rgb(ui_palette(UI_COLOR_BG)));
	ui_display_close(d);
	ui_display_close(NULL);
}

static void test_rotated_window(void **state)
{
	struct ui_display_cfg cfg = {
	    .width = 800, .height = 480, .rot = UI_ROT_90, .software = true};
	struct ui_display *d;
	const struct ui_scale *sc;
	Uint32 a, b;
	int w, h;

	(void)state;
	d = ui_display_open(&cfg);
	assert_non_null(d);
	sc = ui_display_scale(d);
	assert_int_equal(sc->canvas_w, 480);
	assert_int_equal(sc->canvas_h, 800);
	assert_int_equal(sc->design_w, 480);
	assert_int_equal(sc->design_h, 800);
	marker_frame(d, &w, &h, &a, &b);
	/* Read back as designed: portrait, marker top-left. */
	assert_int_equal(w, 480);
	assert_int_equal(h, 800);
	assert_int_equal(a, 0xff0000);
	/* A resize keeps the rotation. */
	SDL_SetWindowSize(SDL_RenderGetWindow(ui_display_renderer(d)), 1280,
			  720);
	assert_int_equal(ui_display_resize(d), 0);
	sc = ui_display_scale(d);
	assert_int_equal(sc->canvas_w, 720);
	assert_int_equal(sc->canvas_h, 1280);
	assert_int_equal(sc->design_w, 480);
	assert_int_equal(sc->design_h, 853);
	marker_frame(d, &w, &h, &a, &b);
	assert_int_equal(h, 1280);
	assert_int_equal(a, 0xff0000);
	ui_display_close(d);
}

static void test_fullscreen(void **state)
{
	struct ui_display_cfg cfg = {.software = true};
	struct ui_display *d;
	int w, h;

	(void)state;
	d = ui_display_open(&cfg);
	assert_non_null(d);
	/* Whatever the desktop is (dummy: 1024x768), the scale is its. */
	assert_int_equal(
	    SDL_GetRendererOutputSize(ui_display_renderer(d), &w, &h), 0);
	assert_int_equal(ui_display_scale(d)->out_w, w);
	assert_int_equal(ui_display_scale(d)->out_h, h);
	assert_int_equal(SDL_ShowCursor(SDL_QUERY), SDL_DISABLE);
	ui_display_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_window),
	    cmocka_unit_test(test_rotated_window),
	    cmocka_unit_test(test_fullscreen),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
