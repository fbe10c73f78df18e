// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for ui/keyboard: at every supported output and rotation, on every
 * page, each key is at least 47 units (9 mm on the 7" panel) a side, inside
 * the canvas, not overlapping another, and its label fits (the render
 * checker); typing a name with capitals, an apostrophe and a hyphen, an NIK
 * on the keypad and a phone number with "+"; page changes; keyboard focus
 * across the keys.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "keyboard.h"
#include "ui_test.h"

#define NIK "3201015708900001" /* the synthetic test NIK */

struct fixture {
	SDL_Surface *surface;	 /* target */
	SDL_Renderer *r;	 /* software */
	struct ui_fonts *fonts;	 /* Noto Sans */
	struct ui_textcache *tc; /* default */
	struct ui_cmdlist *l;	 /* room for a keyboard */
	struct ui_keyboard kb;	 /* under test */
	struct ui_field field;	 /* typed into */
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
	f.l = ui_cmdlist_new(256, 4096);
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

static int overlap(SDL_Rect a, SDL_Rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
	       b.y < a.y + a.h;
}

static void check_layout(struct fixture *f, const struct ui_scale *sc,
			 enum ui_kb_layout layout, bool shift)
{
	struct ui_keyboard *kb = &f->kb;
	struct ui_problem p[4];
	int n;

	ui_keyboard_init(kb, layout, ui_keyboard_area(sc, layout), 100, NULL);
	if (shift)
		ui_keyboard_press(kb, ui_keyboard_find(kb, UI_KEY_SHIFT, NULL),
				  NULL);
	assert_true(kb->n_keys >= 12);
	for (size_t i = 0; i < kb->n_keys; i++) {
		SDL_Rect b = kb->keys[i].box;

		if (b.w < UI_TARGET_MIN || b.h < UI_TARGET_MIN || b.x < 0 ||
		    b.y < 0 || b.x + b.w > sc->design_w ||
		    b.y + b.h > sc->design_h)
			print_message("%dx%d rot %d layout %d key %zu: "
				      "%d,%d %dx%d\n",
				      sc->out_w, sc->out_h, sc->rot, layout, i,
				      b.x, b.y, b.w, b.h);
		assert_true(b.w >= UI_TARGET_MIN && b.h >= UI_TARGET_MIN);
		assert_true(b.x >= 0 && b.y >= 0);
		assert_true(b.x + b.w <= sc->design_w);
		assert_true(b.y + b.h <= sc->design_h);
		for (size_t j = 0; j < i; j++)
			assert_false(overlap(b, kb->keys[j].box));
	}
	/* Drawn, every label fits its key and has contrast. */
	ui_cmdlist_clear(f->l);
	assert_int_equal(ui_keyboard_draw(kb, 100, 101, f->l), 0);
	n = ui_render_check(f->l, f->tc, sc, p, 4);
	for (int i = 0; i < n && i < 4; i++)
		print_message("%dx%d rot %d layout %d: cmd %zu %s (%dx%d in "
			      "%dx%d)\n",
			      sc->out_w, sc->out_h, sc->rot, layout, p[i].cmd,
			      ui_problem_name(p[i].kind), p[i].need_w,
			      p[i].need_h, p[i].have_w, p[i].have_h);
	assert_int_equal(n, 0);
}

static void test_every_output_rotation_layout(void **state)
{
	struct fixture *f = *state;

	for (size_t o = 0; o < UI_TEST_N_OUTPUTS; o++)
		for (int r = 0; r < UI_ROT_COUNT; r++) {
			struct ui_scale sc;

			assert_int_equal(ui_scale_init(&sc,
						       ui_test_outputs[o].w,
						       ui_test_outputs[o].h,
						       (enum ui_rotation)r),
					 0);
			for (int l = 0; l < UI_KB_LAYOUT_COUNT; l++)
				check_layout(f, &sc, (enum ui_kb_layout)l,
					     false);
			check_layout(f, &sc, UI_KB_LETTERS, true);
		}
}

/* The 800x480 panel: the physical check, 9 mm = 47 px. */
static void test_panel_mm(void **state)
{
	struct fixture *f = *state;
	struct ui_scale sc;

	ui_scale_init(&sc, 800, 480, UI_ROT_90);
	for (int l = 0; l < UI_KB_LAYOUT_COUNT; l++) {
		ui_keyboard_init(&f->kb, (enum ui_kb_layout)l,
				 ui_keyboard_area(&sc, (enum ui_kb_layout)l), 0,
				 NULL);
		for (size_t i = 0; i < f->kb.n_keys; i++) {
			SDL_Rect px = ui_scale_rect(&sc, f->kb.keys[i].box);

			assert_true(px.w * UI_PANEL_UM_PER_PX >= 9000);
			assert_true(px.h * UI_PANEL_UM_PER_PX >= 9000);
		}
	}
}

static void type(struct fixture *f, const char *keys)
{
	char one[2] = {0, 0};

	for (const char *k = keys; *k; k++) {
		int id;

		if (*k == '^') {
			id = ui_keyboard_find(&f->kb, UI_KEY_SHIFT, NULL);
		} else if (*k == '<') {
			id = ui_keyboard_find(&f->kb, UI_KEY_BACKSPACE, NULL);
		} else {
			/* Shifted, the letter keys type capitals. */
			one[0] = f->kb.shift && *k >= 'a' && *k <= 'z'
				     ? (char)(*k - 'a' + 'A')
				     : *k;
			id = ui_keyboard_find(&f->kb, UI_KEY_TEXT, one);
		}
		assert_true(id >= 0);
		assert_int_not_equal(ui_keyboard_press(&f->kb, id, &f->field),
				     UI_KB_NONE);
	}
}

static void test_type_name(void **state)
{
	struct fixture *f = *state;
	struct ui_scale sc;
	const struct ui_key *k;

	ui_scale_init(&sc, 480, 800, UI_ROT_0);
	ui_keyboard_init(&f->kb, UI_KB_LETTERS,
			 ui_keyboard_area(&sc, UI_KB_LETTERS), 100, NULL);
	ui_field_init(&f->field, 100, false);
	/* Shift is one-shot: "^ni" types "Ni". */
	type(f, "^ni ^luh ^putu ^ayu ^dewi ^sari ^o'^neil-^ayu");
	assert_string_equal(ui_field_text(&f->field),
			    "Ni Luh Putu Ayu Dewi Sari O'Neil-Ayu");
	type(f, "<<<<");
	assert_string_equal(ui_field_text(&f->field),
			    "Ni Luh Putu Ayu Dewi Sari O'Neil");
	/* "Ṣari" through the accents page: 123, àé, shift, ṣ, abc. */
	type(f, " ");
	ui_keyboard_press(&f->kb,
			  ui_keyboard_find(&f->kb, UI_KEY_SYMBOLS, NULL), NULL);
	assert_int_equal(
	    ui_keyboard_press(
		&f->kb, ui_keyboard_find(&f->kb, UI_KEY_ACCENTS, NULL), NULL),
	    UI_KB_PAGE);
	assert_int_equal(f->kb.layout, UI_KB_ACCENTS);
	ui_keyboard_press(&f->kb, ui_keyboard_find(&f->kb, UI_KEY_SHIFT, NULL),
			  NULL);
	assert_int_equal(ui_keyboard_press(&f->kb,
					   ui_keyboard_find(&f->kb, UI_KEY_TEXT,
							    "\xe1\xb9\xa2"),
					   &f->field),
			 UI_KB_EDITED);
	ui_keyboard_press(&f->kb,
			  ui_keyboard_find(&f->kb, UI_KEY_LETTERS, NULL), NULL);
	type(f, "ari");
	assert_string_equal(ui_field_text(&f->field),
			    "Ni Luh Putu Ayu Dewi Sari O'Neil \xe1\xb9\xa2"
			    "ari");
	/* Backspace takes the accented letter as one character. */
	type(f, "<<<<");
	assert_string_equal(ui_field_text(&f->field),
			    "Ni Luh Putu Ayu Dewi Sari O'Neil ");
	/* Shifted, the keys show and type capitals. */
	ui_keyboard_press(&f->kb, ui_keyboard_find(&f->kb, UI_KEY_SHIFT, NULL),
			  NULL);
	k = ui_keyboard_key(&f->kb, ui_keyboard_find(&f->kb, UI_KEY_TEXT, "Q"));
	assert_non_null(k);
	assert_string_equal(k->label, "Q");
	/* Enter is the screen's. */
	assert_int_equal(
	    ui_keyboard_press(&f->kb,
			      ui_keyboard_find(&f->kb, UI_KEY_ENTER, NULL),
			      &f->field),
	    UI_KB_ENTER);
	assert_int_equal(ui_keyboard_press(&f->kb, 99, &f->field), UI_KB_NONE);
}

static void test_pages(void **state)
{
	struct fixture *f = *state;
	struct ui_scale sc;

	ui_scale_init(&sc, 800, 480, UI_ROT_0);
	ui_keyboard_init(&f->kb, UI_KB_LETTERS,
			 ui_keyboard_area(&sc, UI_KB_LETTERS), 100, NULL);
	ui_field_init(&f->field, 300, false);
	type(f, "^jl. ^merdeka ^no");
	assert_int_equal(
	    ui_keyboard_press(&f->kb,
			      ui_keyboard_find(&f->kb, UI_KEY_SYMBOLS, NULL),
			      &f->field),
	    UI_KB_PAGE);
	assert_int_equal(f->kb.layout, UI_KB_SYMBOLS);
	type(f, " 5, 12/3");
	ui_keyboard_press(&f->kb,
			  ui_keyboard_find(&f->kb, UI_KEY_LETTERS, NULL), NULL);
	assert_int_equal(f->kb.layout, UI_KB_LETTERS);
	type(f, "@");
	assert_string_equal(ui_field_text(&f->field),
			    "Jl. Merdeka No 5, 12/3@");
	/* A full field refuses the key. */
	ui_field_init(&f->field, 1, false);
	type(f, "a");
	assert_int_equal(
	    ui_keyboard_press(
		&f->kb, ui_keyboard_find(&f->kb, UI_KEY_TEXT, "b"), &f->field),
	    UI_KB_REFUSED);
}

static void test_numpad_and_phone(void **state)
{
	struct fixture *f = *state;
	struct ui_scale sc;

	ui_scale_init(&sc, 720, 1280, UI_ROT_0);
	ui_keyboard_init(&f->kb, UI_KB_NUMPAD,
			 ui_keyboard_area(&sc, UI_KB_NUMPAD), 0, NULL);
	assert_int_equal(f->kb.n_keys, 12);
	ui_field_init(&f->field, 16, false);
	type(f, NIK "9<1"); /* full: 9 refused */
	assert_string_equal(ui_field_text(&f->field), NIK);
	assert_int_equal(ui_keyboard_find(&f->kb, UI_KEY_TEXT, "+"), -1);

	ui_keyboard_init(&f->kb, UI_KB_PHONE,
			 ui_keyboard_area(&sc, UI_KB_PHONE), 0, NULL);
	ui_field_init(&f->field, 20, false);
	type(f, "+6281234567890");
	assert_string_equal(ui_field_text(&f->field), "+6281234567890");
	/* The keypads keep a sensible key size on a big screen. */
	for (size_t i = 0; i < f->kb.n_keys; i++)
		if (f->kb.keys[i].action == UI_KEY_TEXT)
			assert_true(f->kb.keys[i].box.w <= 150);
}

static void test_focus_across_keys(void **state)
{
	struct fixture *f = *state;
	struct ui_scale sc;
	struct ui_targets ts;
	int q, w, a;

	ui_scale_init(&sc, 800, 480, UI_ROT_0);
	ui_keyboard_init(&f->kb, UI_KB_LETTERS,
			 ui_keyboard_area(&sc, UI_KB_LETTERS), 100, NULL);
	ui_targets_init(&ts);
	assert_int_equal(ui_keyboard_targets(&f->kb, &ts), 0);
	assert_int_equal(ui_targets_count_small(&ts, UI_TARGET_MIN), 0);
	q = ui_keyboard_find(&f->kb, UI_KEY_TEXT, "q");
	w = ui_keyboard_find(&f->kb, UI_KEY_TEXT, "w");
	a = ui_keyboard_find(&f->kb, UI_KEY_TEXT, "a");
	ui_targets_set_focus(&ts, q);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_RIGHT), w);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_LEFT), q);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_DOWN), a);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_UP), q);
	/* A tap in the middle of a key is that key. */
	{
		const struct ui_key *k = ui_keyboard_key(&f->kb, w);

		assert_int_equal(ui_targets_hit(&ts, k->box.x + k->box.w / 2,
						k->box.y + k->box.h / 2),
				 w);
	}
	/* The focused key is drawn with the focus ring. */
	ui_cmdlist_clear(f->l);
	ui_keyboard_draw(&f->kb, w, -1, f->l);
	{
		int rings = 0;

		for (size_t i = 0; i < ui_cmdlist_count(f->l); i++)
			rings +=
			    ui_cmdlist_get(f->l, i)->color == UI_COLOR_FOCUS;
		assert_int_equal(rings, 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_every_output_rotation_layout,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_panel_mm, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_type_name, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pages, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_numpad_and_phone, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_focus_across_keys, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
