// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for ui/scale: design units at every supported output, rounding that
 * keeps touching boxes touching, the touch mapping of all four rotations at
 * the four corners, and the same mapping checked against what
 * SDL_RenderCopyEx really draws (a marker pixel through the software
 * renderer).
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>

#include "scale.h"
#include "ui_test.h"

static void test_design_units(void **state)
{
	static const struct {
		int w, h, rot, dw, dh, canvas_w;
	} cases[] = {
	    {800, 480, UI_ROT_0, 800, 480, 800},
	    {1024, 600, UI_ROT_0, 819, 480, 1024},
	    {1280, 720, UI_ROT_0, 853, 480, 1280},
	    {1920, 1080, UI_ROT_0, 853, 480, 1920},
	    {480, 800, UI_ROT_0, 480, 800, 480},
	    {720, 1280, UI_ROT_0, 480, 853, 720},
	    {800, 480, UI_ROT_90, 480, 800, 480},
	    {800, 480, UI_ROT_270, 480, 800, 480},
	    {800, 480, UI_ROT_180, 800, 480, 800},
	    {1920, 1080, UI_ROT_90, 480, 853, 1080},
	};
	struct ui_scale sc;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(ui_scale_init(&sc, cases[i].w, cases[i].h,
					       (enum ui_rotation)cases[i].rot),
				 0);
		assert_int_equal(sc.design_w, cases[i].dw);
		assert_int_equal(sc.design_h, cases[i].dh);
		assert_int_equal(sc.canvas_w, cases[i].canvas_w);
		assert_int_equal(ui_scale_portrait(&sc),
				 cases[i].dh > cases[i].dw);
		/* The whole design area lands inside the canvas. */
		assert_true(ui_scale_px(&sc, sc.design_w) <= sc.canvas_w);
		assert_true(ui_scale_px(&sc, sc.design_h) <= sc.canvas_h);
	}
	assert_int_equal(ui_scale_init(&sc, 0, 480, UI_ROT_0), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(ui_scale_init(&sc, 800, 480, UI_ROT_COUNT), -1);
}

static void test_rects_touch(void **state)
{
	struct ui_scale sc;

	(void)state;
	assert_int_equal(ui_scale_init(&sc, 1024, 600, UI_ROT_0), 0);
	assert_int_equal(ui_scale_px(&sc, 480), 600);
	assert_int_equal(ui_scale_px(&sc, 47), 59);
	/* Boxes side by side in units stay side by side in pixels. */
	for (int x = 0; x < 700; x += 47) {
		SDL_Rect a = ui_scale_rect(&sc, (SDL_Rect){x, 0, 47, 47});
		SDL_Rect b = ui_scale_rect(&sc, (SDL_Rect){x + 47, 0, 47, 47});

		assert_int_equal(a.x + a.w, b.x);
		assert_true(a.w >= 58 && a.w <= 59);
	}
	/* Every pixel maps to the unit whose rounded pixels hold it, so a
	 * tap on a box's edge pixel is a tap on that box. */
	for (int p = 0; p < 600; p++) {
		int ux, uy;

		ui_scale_to_design(&sc, p, p, &ux, &uy);
		assert_true(ui_scale_px(&sc, uy) <= p);
		assert_true(p < ui_scale_px(&sc, uy + 1));
	}
	{
		int ux, uy;

		ui_scale_to_design(&sc, 1023, 599, &ux, &uy);
		assert_int_equal(ux, 818);
		assert_int_equal(uy, 479);
	}
}

/* The four corners of the panel, in normalized coordinates. */
static const float corners[4][2] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};

static void test_touch_map_corners(void **state)
{
	/* The canvas corner each panel corner shows, per rotation:
	 * 0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left. */
	static const int expect[UI_ROT_COUNT][4] = {
	    [UI_ROT_0] = {0, 1, 2, 3},
	    [UI_ROT_90] = {3, 0, 1, 2},
	    [UI_ROT_180] = {2, 3, 0, 1},
	    [UI_ROT_270] = {1, 2, 3, 0},
	};
	const int w = 480, h = 800; /* a portrait canvas */
	const int cx[4] = {0, w - 1, w - 1, 0}, cy[4] = {0, 0, h - 1, h - 1};

	(void)state;
	for (int r = 0; r < UI_ROT_COUNT; r++) {
		for (int c = 0; c < 4; c++) {
			int x, y;

			ui_touch_map((enum ui_rotation)r, corners[c][0],
				     corners[c][1], w, h, &x, &y);
			assert_int_equal(x, cx[expect[r][c]]);
			assert_int_equal(y, cy[expect[r][c]]);
		}
	}
	/* The centre stays the centre; out of range is clamped. */
	for (int r = 0; r < UI_ROT_COUNT; r++) {
		int x, y;

		ui_touch_map((enum ui_rotation)r, 0.5f, 0.5f, w, h, &x, &y);
		assert_int_equal(x, w / 2);
		assert_int_equal(y, h / 2);
		ui_touch_map((enum ui_rotation)r, -0.5f, 1.5f, w, h, &x, &y);
		assert_true(x >= 0 && x < w && y >= 0 && y < h);
	}
}

/*
 * The proof that the mapping matches the picture: draw a marker pixel at a
 * canvas point, turn the canvas onto an 800x480 panel with
 * ui_scale_present(), find the marker on the panel, and map the panel
 * point back: it must be the canvas point (within a pixel).
 */
static void test_touch_map_matches_copyex(void **state)
{
	const int pw = 800, ph = 480;
	const int pts[][2] = {{5, 7}, {300, 20}, {40, 700}, {470, 790}};

	(void)state;
	for (int r = 0; r < UI_ROT_COUNT; r++) {
		struct ui_scale sc;
		SDL_Surface *panel;
		SDL_Renderer *rend = ui_test_renderer(pw, ph, &panel);
		SDL_Texture *canvas;

		assert_non_null(rend);
		assert_int_equal(
		    ui_scale_init(&sc, pw, ph, (enum ui_rotation)r), 0);
		canvas = SDL_CreateTexture(rend, SDL_PIXELFORMAT_ARGB8888,
					   SDL_TEXTUREACCESS_TARGET,
					   sc.canvas_w, sc.canvas_h);
		assert_non_null(canvas);
		for (size_t p = 0; p < sizeof(pts) / sizeof(pts[0]); p++) {
			int mx = pts[p][0] % sc.canvas_w,
			    my = pts[p][1] % sc.canvas_h, fx = -1, fy = -1, x,
			    y;

			assert_int_equal(SDL_SetRenderTarget(rend, canvas), 0);
			SDL_SetRenderDrawColor(rend, 0, 0, 0, 255);
			SDL_RenderClear(rend);
			SDL_SetRenderDrawColor(rend, 255, 0, 0, 255);
			SDL_RenderDrawPoint(rend, mx, my);
			assert_int_equal(ui_scale_present(&sc, rend, canvas),
					 0);
			SDL_RenderFlush(rend);
			for (int yy = 0; yy < ph && fx < 0; yy++)
				for (int xx = 0; xx < pw; xx++)
					if (ui_test_pixel(panel, xx, yy) ==
					    0xff0000) {
						fx = xx;
						fy = yy;
						break;
					}
			assert_true(fx >= 0);
			/* The centre of the panel pixel, normalized. */
			ui_touch_map((enum ui_rotation)r,
				     ((float)fx + 0.5f) / (float)pw,
				     ((float)fy + 0.5f) / (float)ph,
				     sc.canvas_w, sc.canvas_h, &x, &y);
			assert_in_range(x, mx - 1, mx + 1);
			assert_in_range(y, my - 1, my + 1);
		}
		SDL_DestroyTexture(canvas);
		SDL_DestroyRenderer(rend);
		SDL_FreeSurface(panel);
	}
}

/* Unmapping is the inverse, for every pixel kind of place and rotation,
 * and a design point survives design -> finger -> design at every output. */
static void test_unmap_round_trip(void **state)
{
	static const int pts[][2] = {{0, 0},	 {479, 0},   {0, 799},
				     {479, 799}, {123, 456}, {240, 400}};

	(void)state;
	for (int r = 0; r < UI_ROT_COUNT; r++) {
		for (size_t p = 0; p < sizeof(pts) / sizeof(pts[0]); p++) {
			float nx, ny;
			int x, y;

			ui_touch_unmap((enum ui_rotation)r, pts[p][0],
				       pts[p][1], 480, 800, &nx, &ny);
			assert_true(nx > 0.0f && nx < 1.0f);
			assert_true(ny > 0.0f && ny < 1.0f);
			ui_touch_map((enum ui_rotation)r, nx, ny, 480, 800, &x,
				     &y);
			assert_int_equal(x, pts[p][0]);
			assert_int_equal(y, pts[p][1]);
		}
		for (size_t o = 0; o < UI_TEST_N_OUTPUTS; o++) {
			struct ui_scale sc;

			ui_scale_init(&sc, ui_test_outputs[o].w,
				      ui_test_outputs[o].h,
				      (enum ui_rotation)r);
			for (int ux = 0; ux < sc.design_w; ux += 37)
				for (int uy = 0; uy < sc.design_h; uy += 41) {
					float nx, ny;
					int x, y;

					ui_scale_unfinger(&sc, ux, uy, &nx,
							  &ny);
					ui_scale_finger(&sc, nx, ny, &x, &y);
					assert_int_equal(x, ux);
					assert_int_equal(y, uy);
				}
		}
	}
}

static void test_rotation_parse(void **state)
{
	enum ui_rotation r;

	(void)state;
	assert_int_equal(ui_rotation_parse("270", &r), 0);
	assert_int_equal(r, UI_ROT_270);
	assert_int_equal(ui_rotation_parse("0", &r), 0);
	assert_int_equal(r, UI_ROT_0);
	assert_int_equal(ui_rotation_parse("45", &r), -1);
	assert_int_equal(errno, EINVAL);
	assert_true(ui_rotation_degrees(UI_ROT_90) == 90.0);
}

static void test_finger_to_design(void **state)
{
	struct ui_scale sc;
	int x, y;

	(void)state;
	/* 1920x1080 turned 90: the panel's top-right is the UI's top-left. */
	assert_int_equal(ui_scale_init(&sc, 1920, 1080, UI_ROT_90), 0);
	ui_scale_finger(&sc, 1.0f, 0.0f, &x, &y);
	assert_int_equal(x, 0);
	assert_int_equal(y, 0);
	ui_scale_finger(&sc, 0.0f, 1.0f, &x, &y);
	assert_int_equal(x, sc.design_w - 1);
	assert_int_equal(y, sc.design_h - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_design_units),
	    cmocka_unit_test(test_rects_touch),
	    cmocka_unit_test(test_touch_map_corners),
	    cmocka_unit_test(test_touch_map_matches_copyex),
	    cmocka_unit_test(test_unmap_round_trip),
	    cmocka_unit_test(test_rotation_parse),
	    cmocka_unit_test(test_finger_to_design),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
