// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for ui/widgets and ui/utf8: a text field with an Indonesian name
 * (diacritics, an apostrophe), caret moves and backspace by character
 * (precomposed and decomposed "Ṣ"), the limit and its counter, refused
 * input, the wipe; targets (hit-testing, Tab order, arrows); the button and
 * the choice list as commands, their text fitting at every output.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <string.h>

#include "utf8.h"
#include "widgets.h"
#include "ui_test.h"

#define S_DOT	   "\xe1\xb9\xa2" /* Ṣ, precomposed U+1E62 */
#define S_DECOMP   "S\xcc\xa3"	  /* S + U+0323 combining dot below */
#define NAME	   "Ni Luh Putu Ayu Dewi " S_DOT "ari O'Neil"
#define NAME_CHARS 32

static struct ui_field field; /* big: not on the stack */

static void test_utf8(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(ui_utf8_decode(S_DOT, 3, &cp), 3);
	assert_int_equal(cp, 0x1e62);
	assert_int_equal(ui_utf8_decode("\xc0\xaf", 2, &cp), 0); /* overlong */
	assert_int_equal(ui_utf8_decode("\xed\xa0\x80", 3, &cp), 0); /* D800 */
	assert_int_equal(ui_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(ui_utf8_decode("\xe1\xb9", 2, &cp), 0); /* short */
	assert_true(ui_utf8_valid(NAME, strlen(NAME)));
	assert_false(ui_utf8_valid("a\xff", 2));
	assert_int_equal(ui_utf8_count(NAME, strlen(NAME)), NAME_CHARS);
	assert_int_equal(ui_utf8_prev_char(S_DECOMP, 3), 0);
	assert_int_equal(ui_utf8_next_char(S_DECOMP "a", 4, 0), 3);
}

static void test_field_name(void **state)
{
	struct ui_field *f = &field;
	char counter[16];

	(void)state;
	ui_field_init(f, 100, false);
	/* Typed piece by piece, as keys and SDL_TEXTINPUT deliver it. */
	assert_int_equal(ui_field_insert(f, "Ni Luh Putu Ayu Dewi "), 0);
	assert_int_equal(ui_field_insert(f, S_DOT), 0);
	assert_int_equal(ui_field_insert(f, "ari O"), 0);
	assert_int_equal(ui_field_insert(f, "'"), 0);
	assert_int_equal(ui_field_insert(f, "Neil"), 0);
	assert_string_equal(ui_field_text(f), NAME);
	ui_field_counter(f, counter, sizeof(counter));
	assert_string_equal(counter, "32/100");

	/* Backspace over "Neil'O ari" back to "Ṣ": one character each. */
	for (int i = 0; i < 10; i++)
		assert_int_equal(ui_field_backspace(f), 0);
	assert_string_equal(ui_field_text(f), "Ni Luh Putu Ayu Dewi " S_DOT);
	assert_int_equal(ui_field_backspace(f), 0); /* Ṣ, 3 bytes, at once */
	assert_string_equal(ui_field_text(f), "Ni Luh Putu Ayu Dewi ");
	assert_int_equal(f->chars, 21);
	ui_field_counter(f, counter, sizeof(counter));
	assert_string_equal(counter, "21/100");

	/* The same letter typed decomposed: S + combining dot is one
	 * character for the caret and for backspace. */
	assert_int_equal(ui_field_insert(f, S_DECOMP "ari"), 0);
	assert_int_equal(f->chars, 21 + 5);
	for (int i = 0; i < 4; i++)
		assert_int_equal(ui_field_left(f), 0);
	assert_int_equal(f->caret, strlen("Ni Luh Putu Ayu Dewi "));
	assert_int_equal(ui_field_right(f), 0);
	assert_int_equal(f->caret, strlen("Ni Luh Putu Ayu Dewi " S_DECOMP));
	assert_int_equal(ui_field_backspace(f), 0);
	assert_string_equal(ui_field_text(f), "Ni Luh Putu Ayu Dewi ari");
	/* Insert in the middle, delete forward. */
	assert_int_equal(ui_field_insert(f, S_DOT), 0);
	assert_string_equal(ui_field_text(f),
			    "Ni Luh Putu Ayu Dewi " S_DOT "ari");
	ui_field_home(f);
	assert_int_equal(ui_field_left(f), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(ui_field_backspace(f), -1);
	assert_int_equal(ui_field_delete(f), 0);
	assert_int_equal(ui_field_text(f)[0], 'i');
	ui_field_end(f);
	assert_int_equal(ui_field_delete(f), -1);
	assert_int_equal(ui_field_right(f), -1);
}

static void test_field_limit_and_refusals(void **state)
{
	struct ui_field *f = &field;
	char counter[16];

	(void)state;
	ui_field_init(f, 16, false);
	assert_int_equal(ui_field_insert(f, "320101570890000"), 0);
	/* A 2-code-point insert does not fit in 1: nothing changes. */
	assert_int_equal(ui_field_insert(f, "12"), -1);
	assert_int_equal(errno, E2BIG);
	assert_string_equal(ui_field_text(f), "320101570890000");
	assert_int_equal(ui_field_insert(f, "1"), 0);
	assert_int_equal(ui_field_insert(f, "1"), -1);
	ui_field_counter(f, counter, sizeof(counter));
	assert_string_equal(counter, "16/16");
	/* The limit counts code points, not bytes: 16 x "Ṣ" is 48 bytes. */
	assert_int_equal(
	    ui_field_set(f,
			 S_DOT S_DOT S_DOT S_DOT S_DOT S_DOT S_DOT S_DOT S_DOT
			     S_DOT S_DOT S_DOT S_DOT S_DOT S_DOT S_DOT),
	    0);
	assert_int_equal(f->len, 48);
	/* Refused: not UTF-8, control characters, a newline in one line,
	 * bidi overrides and zero-width characters; the field is kept. */
	ui_field_set(f, "ab");
	assert_int_equal(ui_field_insert(f, "\xff"), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(ui_field_insert(f, "\t"), -1);
	assert_int_equal(ui_field_insert(f, "\n"), -1);
	assert_int_equal(ui_field_insert(f, "\x7f"), -1);
	assert_int_equal(ui_field_insert(f, "\xe2\x80\xae"), -1); /* RLO */
	assert_int_equal(ui_field_insert(f, "\xe2\x80\x8b"), -1); /* ZWSP */
	assert_int_equal(ui_field_set(f, "a\x01"), -1);
	assert_string_equal(ui_field_text(f), "ab");
	assert_int_equal(ui_field_set(f, "12345678901234567"), -1);
	assert_int_equal(errno, E2BIG);
	assert_string_equal(ui_field_text(f), "ab");
}

static void test_field_multiline_and_wipe(void **state)
{
	struct ui_field *f = &field;

	(void)state;
	ui_field_init(f, UI_FIELD_MAX_CHARS, true);
	assert_int_equal(ui_field_insert(f, "Salinan SK\r\nTahun 2024"), 0);
	assert_string_equal(ui_field_text(f), "Salinan SK\n\nTahun 2024");
	assert_int_equal(ui_field_insert(f, "\n"), 0);
	/* Fill to the limit, the largest field there is. */
	ui_field_wipe(f);
	for (int i = 0; i < UI_FIELD_MAX_CHARS; i++)
		assert_int_equal(ui_field_insert(f, S_DOT), 0);
	assert_int_equal(ui_field_insert(f, "a"), -1);
	assert_int_equal(f->len, 3 * UI_FIELD_MAX_CHARS);
	/* Backspace leaves no copy behind the end of the text. */
	ui_field_backspace(f);
	assert_int_equal(f->buf[f->len + 1], 0);
	assert_int_equal(f->buf[f->len + 2], 0);
	/* The wipe zeroes every byte of the buffer, keeps the settings. */
	ui_field_set(f, "3201015708900001");
	ui_field_wipe(f);
	for (size_t i = 0; i < sizeof(f->buf); i++)
		assert_int_equal(f->buf[i], 0);
	assert_int_equal(f->len, 0);
	assert_int_equal(f->caret, 0);
	assert_int_equal(f->max_chars, UI_FIELD_MAX_CHARS);
	assert_true(f->multiline);
}

static void test_targets(void **state)
{
	struct ui_targets ts;

	(void)state;
	ui_targets_init(&ts);
	/* A 3x2 grid of 100x60 buttons with 10 between, then a wide one. */
	for (int i = 0; i < 6; i++)
		assert_int_equal(
		    ui_targets_add(
			&ts, 10 + i,
			(SDL_Rect){(i % 3) * 110, (i / 3) * 70, 100, 60}),
		    0);
	assert_int_equal(ui_targets_add(&ts, 20, (SDL_Rect){0, 140, 320, 60}),
			 0);
	assert_int_equal(ui_targets_add(&ts, -1, (SDL_Rect){0, 0, 1, 1}), -1);
	/* Hits: inside, the gap, the edges. */
	assert_int_equal(ui_targets_hit(&ts, 50, 30), 10);
	assert_int_equal(ui_targets_hit(&ts, 105, 30), -1);
	assert_int_equal(ui_targets_hit(&ts, 110, 0), 11);
	assert_int_equal(ui_targets_hit(&ts, 109, 59), -1);
	assert_int_equal(ui_targets_hit(&ts, 319, 199), 20);
	/* Tab order with wrap; Shift+Tab from nothing is the last. */
	assert_int_equal(ui_targets_focused(&ts), -1);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_PREV), 20);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_NEXT), 10);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_PREV), 20);
	ui_targets_set_focus(&ts, 10);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_NEXT), 11);
	/* Arrows: the nearest that way, staying at an edge. */
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_RIGHT), 12);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_RIGHT), 12);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_DOWN), 15);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_DOWN), 20);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_UP), 14);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_LEFT), 13);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_UP), 10);
	assert_int_equal(ui_targets_nav(&ts, UI_NAV_UP), 10);
	/* A rebuilt list keeps the focus; a vanished id is no focus. */
	ui_targets_clear(&ts);
	assert_int_equal(ui_targets_focused(&ts), -1);
	ui_targets_add(&ts, 10, (SDL_Rect){0, 0, 100, 60});
	assert_int_equal(ui_targets_focused(&ts), 10);
	assert_int_equal(ui_targets_count_small(&ts, UI_TARGET_MIN), 0);
	ui_targets_add(&ts, 11, (SDL_Rect){0, 0, 100, 46});
	assert_int_equal(ui_targets_count_small(&ts, UI_TARGET_MIN), 1);
	/* Full. */
	ui_targets_init(&ts);
	for (int i = 0; i < UI_TARGETS_MAX; i++)
		ui_targets_add(&ts, i, (SDL_Rect){0, 0, 50, 50});
	assert_int_equal(ui_targets_add(&ts, 999, (SDL_Rect){0, 0, 50, 50}),
			 -1);
	assert_int_equal(errno, ENOSPC);
}

struct fixture {
	SDL_Surface *surface;	 /* target */
	SDL_Renderer *r;	 /* software */
	struct ui_fonts *fonts;	 /* Noto Sans */
	struct ui_textcache *tc; /* default */
	struct ui_cmdlist *l;	 /* 256 commands */
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
	f.l = ui_cmdlist_new(256, 16384);
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

/* No problem at any output (the layout uses the canvas's design size). */
static void assert_clean(struct fixture *f, const struct ui_scale *sc)
{
	struct ui_problem p[4];
	int n = ui_render_check(f->l, f->tc, sc, p, 4);

	for (int i = 0; i < n && i < 4; i++)
		print_message(
		    "%dx%d: cmd %zu \"%s\": %s (%dx%d in %dx%d)\n", sc->out_w,
		    sc->out_h, p[i].cmd,
		    ui_cmdlist_get(f->l, p[i].cmd)->type == UI_CMD_TEXT
			? ui_cmd_text_of(f->l, ui_cmdlist_get(f->l, p[i].cmd))
			: "",
		    ui_problem_name(p[i].kind), p[i].need_w, p[i].need_h,
		    p[i].have_w, p[i].have_h);
	assert_int_equal(n, 0);
}

static void test_button_and_choice(void **state)
{
	struct fixture *f = *state;
	static const char *const items[] = {
	    "Melihat/membaca/mendengarkan/mencatat",
	    "Mendapatkan salinan (hardcopy)",
	    "Mendapatkan salinan (softcopy)",
	};

	for (size_t o = 0; o < UI_TEST_N_OUTPUTS; o++) {
		struct ui_scale sc;
		struct ui_targets ts;
		int w, bh;

		ui_scale_init(&sc, ui_test_outputs[o].w, ui_test_outputs[o].h,
			      UI_ROT_0);
		w = sc.design_w - 40;
		/* Portrait: narrower, so labels take more lines. */
		bh = ui_scale_portrait(&sc) ? 130 : 80;
		{
			struct ui_button b = {
			    .box = {20, 20, w, bh},
			    .label = "Ajukan Permohonan Informasi",
			    .kind = UI_BUTTON_PRIMARY,
			    .focused = true,
			};
			struct ui_choice c = {
			    .box = {20, 30 + bh, w, sc.design_h - 50 - bh},
			    .items = items,
			    .n_items = 3,
			    .selected = 1,
			    .focused = 2,
			    .first_id = 40,
			    .gap = 8,
			};

			/* Pressed: another face, text still readable. */
			b.pressed = true;
			ui_cmdlist_clear(f->l);
			assert_int_equal(ui_button_draw(&b, f->l), 0);
			assert_int_equal(ui_cmdlist_get(f->l, 1)->color,
					 UI_COLOR_SELECTED);
			assert_clean(f, &sc);
			b.pressed = false;
			ui_cmdlist_clear(f->l);
			assert_int_equal(ui_button_draw(&b, f->l), 0);
			/* The focus ring, then the face, then the label. */
			assert_int_equal(ui_cmdlist_get(f->l, 0)->color,
					 UI_COLOR_FOCUS);
			assert_int_equal(ui_cmdlist_get(f->l, 1)->color,
					 UI_COLOR_PRIMARY);
			assert_string_equal(
			    ui_cmd_text_of(f->l, ui_cmdlist_get(f->l, 2)),
			    b.label);
			assert_int_equal(ui_choice_draw(&c, f->l), 0);
			assert_clean(f, &sc);

			ui_targets_init(&ts);
			assert_int_equal(ui_choice_targets(&c, &ts), 0);
			assert_int_equal(ts.n, 3);
			assert_int_equal(
			    ui_targets_count_small(&ts, UI_TARGET_MIN), 0);
			for (size_t i = 0; i < 3; i++) {
				SDL_Rect ib = ui_choice_item_box(&c, i);

				assert_int_equal(
				    ui_choice_item_of(
					&c, ui_targets_hit(&ts, ib.x + 5,
							   ib.y + ib.h / 2)),
				    (int)i);
			}
			assert_int_equal(ui_choice_item_of(&c, 39), -1);
		}
	}
}

static void test_field_draw(void **state)
{
	struct fixture *f = *state;
	struct ui_field *fl = &field;
	struct ui_scale sc;
	const struct ui_cmd *t;

	ui_scale_init(&sc, 480, 800, UI_ROT_0);
	ui_field_init(fl, 100, false);
	ui_field_set(fl, NAME);
	ui_field_left(fl);
	ui_cmdlist_clear(f->l);
	assert_int_equal(
	    ui_field_draw(fl, (SDL_Rect){10, 10, 460, 74}, true, "Nama", f->l),
	    0);
	assert_int_equal(
	    ui_field_draw_counter(fl, (SDL_Rect){10, 90, 460, 56}, f->l), 0);
	/* The box, the focus border, the text with its caret, the count. */
	assert_int_equal(ui_cmdlist_count(f->l), 4);
	assert_int_equal(ui_cmdlist_get(f->l, 1)->color, UI_COLOR_FOCUS);
	t = ui_cmdlist_get(f->l, 2);
	assert_true(t->text.flags & UI_TEXT_CARET);
	assert_int_equal(t->text.caret, strlen(NAME) - 1);
	assert_string_equal(ui_cmd_text_of(f->l, ui_cmdlist_get(f->l, 3)),
			    "32/100");
	/* The name is wider than 460 units, but the caret line scrolls. */
	assert_clean(f, &sc);
	/* Unfocused and empty: the placeholder, muted. */
	ui_field_wipe(fl);
	ui_cmdlist_clear(f->l);
	ui_field_draw(fl, (SDL_Rect){10, 10, 460, 74}, false, "Nama lengkap",
		      f->l);
	t = ui_cmdlist_get(f->l, 2);
	assert_string_equal(ui_cmd_text_of(f->l, t), "Nama lengkap");
	assert_int_equal(t->text.color, UI_COLOR_TEXT_MUTED);
	assert_clean(f, &sc);
	/* A long multi-line information text with the caret at its end:
	 * it scrolls to the caret, nothing is clipped. */
	ui_field_init(fl, UI_FIELD_MAX_CHARS, true);
	for (int i = 0; i < 40; i++)
		ui_field_insert(fl, "Salinan keputusan dan lampirannya. ");
	ui_cmdlist_clear(f->l);
	ui_field_draw(fl, (SDL_Rect){10, 10, 460, 300}, true, NULL, f->l);
	assert_clean(f, &sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_utf8),
	    cmocka_unit_test(test_field_name),
	    cmocka_unit_test(test_field_limit_and_refusals),
	    cmocka_unit_test(test_field_multiline_and_wipe),
	    cmocka_unit_test(test_targets),
	    cmocka_unit_test_setup_teardown(test_button_and_choice, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_field_draw, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
