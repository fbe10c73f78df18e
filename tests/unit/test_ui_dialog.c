// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for ui/dialog: the "are you still there?" dialog fits at every
 * output and rotation (no clipped text, buttons of at least 47 units, all
 * on the canvas), its buttons are targets, and the progress bar fills in
 * proportion.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "dialog.h"
#include "ui_test.h"

struct fixture {
	SDL_Surface *surface;	 /* target */
	SDL_Renderer *r;	 /* software */
	struct ui_fonts *fonts;	 /* Noto Sans */
	struct ui_textcache *tc; /* default */
	struct ui_cmdlist *l;	 /* room for a dialog */
};

static int setup(void **state)
{
	static struct fixture f;

	memset(&f, 0, sizeof(f));
	f.r = ui_test_renderer(64, 64, &f.surface);
	f.fonts = ui_fonts_new(NULL, NULL);
	if (!f.r || !f.fonts)
		return -1;
	f.tc = ui_textcache_new(f.r, f.fonts, 0, 0);
	f.l = ui_cmdlist_new(64, 4096);
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

/* The idle dialog, in both languages. */
static const struct ui_dialog still_there[2] = {
    {
	.title = "Apakah Anda masih di sana?",
	.message = "Layar akan kembali ke awal dalam 20 detik, dan data "
		   "yang Anda isi akan dihapus.",
	.buttons = {"Lanjutkan", "Selesai", "Panggil petugas"},
	.n_buttons = 3,
	.first_id = 70,
	.focused = 0,
	.primary = 0,
    },
    {
	.title = "Are you still there?",
	.message = "The screen will return to the start in 20 seconds, and "
		   "what you entered will be erased.",
	.buttons = {"Continue", "Finish", "Call staff"},
	.n_buttons = 3,
	.first_id = 70,
	.focused = 0,
	.primary = 0,
    },
};

static void test_fits_everywhere(void **state)
{
	struct fixture *f = *state;

	for (size_t o = 0; o < UI_TEST_N_OUTPUTS * 2; o++)
		for (int r = 0; r < UI_ROT_COUNT; r++) {
			const struct ui_dialog *dlg = &still_there[o % 2];
			struct ui_scale sc;
			struct ui_targets ts;
			struct ui_problem p[4];
			int n;

			ui_scale_init(&sc, ui_test_outputs[o / 2].w,
				      ui_test_outputs[o / 2].h,
				      (enum ui_rotation)r);
			ui_cmdlist_clear(f->l);
			assert_int_equal(ui_dialog_draw(dlg, &sc, f->l), 0);
			n = ui_render_check(f->l, f->tc, &sc, p, 4);
			for (int i = 0; i < n && i < 4; i++)
				print_message("%dx%d rot %d: cmd %zu %s "
					      "(%dx%d in %dx%d)\n",
					      sc.out_w, sc.out_h, r, p[i].cmd,
					      ui_problem_name(p[i].kind),
					      p[i].need_w, p[i].need_h,
					      p[i].have_w, p[i].have_h);
			assert_int_equal(n, 0);
			ui_targets_init(&ts);
			assert_int_equal(ui_dialog_targets(dlg, &sc, &ts), 0);
			assert_int_equal(ts.n, 3);
			assert_int_equal(
			    ui_targets_count_small(&ts, UI_TARGET_MIN), 0);
			for (size_t i = 0; i < 3; i++) {
				SDL_Rect b = ui_dialog_button_box(dlg, &sc, i);

				assert_int_equal(ui_targets_hit(&ts,
								b.x + b.w / 2,
								b.y + b.h / 2),
						 70 + (int)i);
				for (size_t j = 0; j < i; j++) {
					SDL_Rect c =
					    ui_dialog_button_box(dlg, &sc, j);

					assert_false(
					    SDL_HasIntersection(&b, &c));
				}
			}
		}
}

static void test_progress(void **state)
{
	struct fixture *f = *state;
	SDL_Rect box = {10, 10, 300, 12};

	ui_cmdlist_clear(f->l);
	assert_int_equal(ui_progress_draw(box, 3, 9, f->l), 0);
	assert_int_equal(ui_cmdlist_count(f->l), 2);
	assert_int_equal(ui_cmdlist_get(f->l, 1)->box.w, 100);
	assert_int_equal(ui_cmdlist_get(f->l, 1)->color, UI_COLOR_PRIMARY);
	ui_cmdlist_clear(f->l);
	ui_progress_draw(box, 0, 9, f->l);
	assert_int_equal(ui_cmdlist_count(f->l), 1);
	ui_cmdlist_clear(f->l);
	ui_progress_draw(box, 12, 9, f->l);
	assert_int_equal(ui_cmdlist_get(f->l, 1)->box.w, 300);
	/* The bar is visible against its track (WCAG 1.4.11). */
	assert_true(ui_contrast(ui_palette(UI_COLOR_PRIMARY),
				ui_palette(UI_COLOR_SECONDARY)) >=
		    UI_CONTRAST_UI);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_fits_everywhere, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_progress, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
