// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for ui/font: the packaged typeface is found (Noto Sans, else DejaVu
 * Sans), every UI text size has a capital at least 4.8 mm tall on the 7"
 * 800x480 panel (ADA 707.7.2, from the font's own metrics), and the glyphs
 * the kiosk shows exist (Indonesian names, the key symbols, the ellipsis).
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <string.h>

#include "font.h"

static int setup(void **state)
{
	*state = ui_fonts_new(NULL, NULL);
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	ui_fonts_free(*state);
	return 0;
}

static void test_packaged_font(void **state)
{
	struct ui_fonts *f = *state;
	const char *p = ui_fonts_path(f, UI_FONT_REGULAR);

	/* fonts-noto-core is a dependency: Noto Sans is the one used. */
	assert_non_null(strstr(p, "NotoSans-Regular.ttf"));
	assert_non_null(strstr(ui_fonts_path(f, UI_FONT_BOLD), "Bold"));
	assert_non_null(strstr(ui_fonts_path(f, UI_FONT_SYMBOL), "DejaVu"));
	/* The same size is opened once. */
	assert_ptr_equal(ui_fonts_get(f, UI_FONT_REGULAR, 36),
			 ui_fonts_get(f, UI_FONT_REGULAR, 36));
	assert_ptr_not_equal(ui_fonts_get(f, UI_FONT_REGULAR, 36),
			     ui_fonts_get(f, UI_FONT_BOLD, 36));
}

static void test_fallback_and_missing(void **state)
{
	struct ui_fonts *f;

	(void)state;
	f = ui_fonts_new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
			 NULL);
	assert_non_null(f);
	assert_non_null(ui_fonts_get(f, UI_FONT_REGULAR, 36));
	ui_fonts_free(f);
	errno = 0;
	assert_null(ui_fonts_new("/nonexistent/font.ttf", NULL));
	assert_int_equal(errno, ENOENT);
	ui_fonts_free(NULL);
}

/* ADA 707.7.2: the capital "I" at least 4.8 mm on the 7" panel. */
static void test_cap_height_ada(void **state)
{
	static const int sizes[] = {UI_TEXT_BODY, UI_TEXT_LARGE, UI_TEXT_TITLE,
				    UI_TEXT_HUGE};
	struct ui_fonts *f = *state;

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		for (int s = 0; s < UI_FONT_STYLE_COUNT; s++) {
			TTF_Font *font =
			    ui_fonts_get(f, (enum ui_font_style)s, sizes[i]);
			int cap = ui_font_cap_height(font);

			print_message("size %d style %d: cap %d px = %d um\n",
				      sizes[i], s, cap,
				      cap * UI_PANEL_UM_PER_PX);
			assert_true(cap * UI_PANEL_UM_PER_PX >= UI_CAP_MIN_UM);
		}
	}
	/* And the body size is the least that passes (not oversized by
	 * accident): 4 units smaller fails. */
	assert_true(ui_font_cap_height(
			ui_fonts_get(f, UI_FONT_REGULAR, UI_TEXT_BODY - 4)) *
			UI_PANEL_UM_PER_PX <
		    UI_CAP_MIN_UM);
}

static void test_coverage(void **state)
{
	struct ui_fonts *f = *state;
	TTF_Font *reg = ui_fonts_get(f, UI_FONT_REGULAR, UI_TEXT_BODY);
	TTF_Font *bold = ui_fonts_get(f, UI_FONT_BOLD, UI_TEXT_BODY);
	TTF_Font *sym = ui_fonts_get(f, UI_FONT_SYMBOL, UI_TEXT_BODY);

	/* Indonesian names and words, the ellipsis, "Rp". */
	assert_true(
	    ui_font_covers(reg, "Ni Luh Putu Ayu Dewi \xe1\xb9\xa2"
				"ari O'Neil \xc3\xa9\xc3\xa8 Rp \xe2\x80\xa6"));
	assert_true(ui_font_covers(bold, "\xe1\xb9\xa2"
					 "ari O'Neil"));
	/* The accents page's letters, small and capital. */
	assert_true(ui_font_covers(
	    bold, "\xc3\xa9\xc3\xa8\xc3\xaa\xc3\xab\xc3\xa1\xc3\xa0"
		  "\xc3\xa2\xc3\xa4\xc3\xad\xc3\xac\xc3\xb3\xc3\xb2"
		  "\xc3\xb4\xc3\xb6\xc3\xba\xc3\xb9\xc3\xbb\xc3\xbc"
		  "\xc3\xb1\xc3\xa7\xc3\xaf\xc3\xae\xc3\xa3\xc3\xb5"
		  "\xc3\xbd\xc5\x9b\xc5\x9a\xe1\xb9\xa3\xe1\xb9\xa2"
		  "\xc3\x89\xc3\x91\xc3\x9c"));
	/* Key symbols: ⌫ ⇧ ✓ ← in the symbol font; Noto lacks them. */
	assert_true(ui_font_covers(
	    sym, "\xe2\x8c\xab\xe2\x87\xa7\xe2\x9c\x93\xe2\x86\x90"));
	assert_false(ui_font_covers(reg, "\xe2\x8c\xab"));
	/* Not UTF-8 is not covered. */
	assert_false(ui_font_covers(reg, "\xff"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_packaged_font, setup,
					    teardown),
	    cmocka_unit_test(test_fallback_and_missing),
	    cmocka_unit_test_setup_teardown(test_cap_height_ada, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_coverage, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
