// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the kiosk's screens (kiosk_ui.c): every screen of the
 * demo walk (kiosk_demo.c, which drives a flow with its own events) in both
 * languages at every output the kiosk must support, drawn with SDL's
 * software renderer on a plain surface: no text clipped, overflowing, too
 * small or of too little contrast, nothing off the canvas, no touch target
 * under 9 mm; and the input side: taps, on-screen keys, the physical
 * keyboard (Tab, Enter, Escape, typed text), the wipe, the targets JSON.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "flow.h"
#include "flow_view.h"
#include "keyboard.h"
#include "kiosk_demo.h"
#include "kiosk_ui.h"
#include "render.h"
#include "ui_test.h"
#include "widgets.h"

struct fix {
	struct ui_fonts *fonts;	 /* typeface */
	struct kiosk_ui *u;	 /* under test */
	struct ui_cmdlist *l;	 /* a frame */
	struct flow f;		 /* the flow behind it */
	struct flow_view v;	 /* its view */
	SDL_Surface *s;		 /* the canvas */
	SDL_Renderer *r;	 /* software */
	struct ui_textcache *tc; /* text */
	struct ui_scale sc;	 /* the output */
};

static struct fix F;

static void canvas(int w, int h, enum ui_rotation rot)
{
	if (F.tc)
		ui_textcache_free(F.tc);
	if (F.r)
		SDL_DestroyRenderer(F.r);
	if (F.s)
		SDL_FreeSurface(F.s);
	assert_int_equal(ui_scale_init(&F.sc, w, h, rot), 0);
	F.r = ui_test_renderer(F.sc.canvas_w, F.sc.canvas_h, &F.s);
	assert_non_null(F.r);
	F.tc = ui_textcache_new(F.r, F.fonts, 0, 0);
	assert_non_null(F.tc);
}

static int setup(void **state)
{
	(void)state;
	memset(&F, 0, sizeof(F));
	F.fonts = ui_fonts_new(NULL, NULL);
	F.u = kiosk_ui_new();
	F.l = ui_cmdlist_new(1024, 64 * 1024);
	if (!F.fonts || !F.u || !F.l)
		return -1;
	canvas(800, 480, UI_ROT_0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	ui_textcache_free(F.tc);
	SDL_DestroyRenderer(F.r);
	SDL_FreeSurface(F.s);
	ui_cmdlist_free(F.l);
	kiosk_ui_free(F.u);
	ui_fonts_free(F.fonts);
	return 0;
}

static void lay(void)
{
	flow_view(&F.f, &F.v);
	assert_int_equal(kiosk_ui_layout(F.u, &F.v, &F.sc, F.tc, F.l), 0);
}

/* Lay out and check the frame; the problems are printed. */
static int check_frame(const char *what)
{
	struct ui_problem p[16];
	const struct ui_targets *ts = kiosk_ui_targets(F.u);
	int n, bad = 0;

	if (kiosk_ui_layout(F.u, &F.v, &F.sc, F.tc, F.l) != 0) {
		print_error("%s: layout failed\n", what);
		return 1;
	}
	n = ui_render_check(F.l, F.tc, &F.sc, p, 16);
	for (int i = 0; i < n && i < 16; i++) {
		const struct ui_cmd *c = ui_cmdlist_get(F.l, p[i].cmd);

		print_error("%s: %s: \"%s\" box %d,%d %dx%d need %dx%d\n", what,
			    ui_problem_name(p[i].kind),
			    c->type == UI_CMD_TEXT ? ui_cmd_text_of(F.l, c)
						   : "",
			    c->box.x, c->box.y, c->box.w, c->box.h, p[i].need_w,
			    p[i].need_h);
	}
	bad += n != 0;
	if (ui_targets_count_small(ts, UI_TARGET_MIN) != 0) {
		for (size_t i = 0; i < ts->n; i++)
			if (ts->t[i].box.w < UI_TARGET_MIN ||
			    ts->t[i].box.h < UI_TARGET_MIN)
				print_error("%s: target %d is %dx%d\n", what,
					    ts->t[i].id, ts->t[i].box.w,
					    ts->t[i].box.h);
		bad++;
	}
	/* No target overlaps another (a tap has one meaning). */
	for (size_t i = 0; i < ts->n; i++)
		for (size_t j = i + 1; j < ts->n; j++)
			if (SDL_HasIntersection(&ts->t[i].box, &ts->t[j].box)) {
				print_error("%s: targets %d and %d overlap\n",
					    what, ts->t[i].id, ts->t[j].id);
				bad++;
			}
	/* The screen has at least one target. */
	if (ts->n == 0) {
		print_error("%s: no targets\n", what);
		bad++;
	}
	if (ui_render_execute(F.l, F.r, F.tc, &F.sc) != 0) {
		print_error("%s: drawing failed\n", what);
		bad++;
	}
	return bad;
}

static bool has_target(int id)
{
	const struct ui_targets *ts = kiosk_ui_targets(F.u);

	for (size_t i = 0; i < ts->n; i++)
		if (ts->t[i].id == id)
			return true;
	return false;
}

static SDL_Rect target_box(int id)
{
	const struct ui_targets *ts = kiosk_ui_targets(F.u);

	for (size_t i = 0; i < ts->n; i++)
		if (ts->t[i].id == id)
			return ts->t[i].box;
	fail_msg("no target %d", id);
	return (SDL_Rect){0, 0, 0, 0};
}

/* true when the frame shows @p s (a whole text command). */
static bool frame_shows(const char *s)
{
	for (size_t i = 0; i < ui_cmdlist_count(F.l); i++) {
		const struct ui_cmd *c = ui_cmdlist_get(F.l, i);

		if (c->type == UI_CMD_TEXT &&
		    strcmp(ui_cmd_text_of(F.l, c), s) == 0)
			return true;
	}
	return false;
}

static int tap_id(int id, struct flow_event *ev)
{
	SDL_Rect b = target_box(id);
	struct ui_input_event in = {
	    .type = UI_IN_TAP, .x = b.x + b.w / 2, .y = b.y + b.h / 2};

	return kiosk_ui_input(F.u, &F.v, &in, ev);
}

/* A press at (x, y) held @p ms, lifted where it went down. */
static int hold(int x, int y, int64_t ms, struct flow_event *ev)
{
	struct ui_input_event in = {.type = UI_IN_TAP,
				    .x = x,
				    .y = y,
				    .up_x = x,
				    .up_y = y,
				    .held_ms = ms};

	memset(ev, 0, sizeof(*ev));
	return kiosk_ui_input(F.u, &F.v, &in, ev);
}

/* Feed a flow event the UI made, as the main loop does. */
static void feed(struct flow_event *ev)
{
	struct flow_effect fx;

	ev->now_ms = F.f.now_ms + 100;
	flow_handle(&F.f, ev);
	while (flow_effect_next(&F.f, &fx))
		;
	lay();
}

/* Every page of the current screen, and with each input typed into. */
static int check_screen(const char *name)
{
	char what[128];
	int bad = 0;

	flow_view(&F.f, &F.v);
	kiosk_ui_wipe(F.u);
	for (int active = 0; active < (F.v.n_inputs ? F.v.n_inputs : 1);
	     active++) {
		struct flow_event ev;

		if (active > 0) {
			assert_int_equal(
			    kiosk_ui_layout(F.u, &F.v, &F.sc, F.tc, F.l), 0);
			if (!has_target(KIOSK_UI_ID_INPUT + active)) {
				/* Another page, or not shown with the
				 * keyboard: Enter goes on to it. */
				struct ui_input_event in = {
				    .type = UI_IN_KEY,
				    .key = UI_INPUT_KEY_ENTER};

				kiosk_ui_input(F.u, &F.v, &in, &ev);
			} else {
				tap_id(KIOSK_UI_ID_INPUT + active, &ev);
			}
		}
		bool shown[FLOW_VIEW_BUTTONS] = {false};
		bool warned[FLOW_VIEW_LINES] = {false}, err = !F.v.error;

		/* The screen may open on a later page (an error's): check it
		 * as it opens, then every page from the first. */
		snprintf(what, sizeof(what), "%s %dx%d input %d as opened",
			 name, F.sc.out_w, F.sc.out_h, active);
		bad += check_frame(what);
		for (int i = 0; i < 8 && has_target(KIOSK_UI_ID_PAGE); i++) {
			tap_id(KIOSK_UI_ID_PAGE, &ev);
			assert_int_equal(
			    kiosk_ui_layout(F.u, &F.v, &F.sc, F.tc, F.l), 0);
		}

		for (int page = 0; page < 8; page++) {
			snprintf(what, sizeof(what),
				 "%s %dx%d input %d page %d", name, F.sc.out_w,
				 F.sc.out_h, active, page);
			bad += check_frame(what);
			for (int b = 0; b < F.v.n_buttons; b++)
				shown[b] |= has_target(b);
			for (int i = 0; i < F.v.n_lines; i++)
				warned[i] |=
				    F.v.lines[i].style != FLOW_LINE_WARNING ||
				    frame_shows(F.v.lines[i].value);
			err |= F.v.error && frame_shows(F.v.error);
			if (!has_target(KIOSK_UI_ID_PAGE + 1))
				break;
			tap_id(KIOSK_UI_ID_PAGE + 1, &ev);
		}
		/* Every warning and the error are shown (on some page). */
		for (int i = 0; i < F.v.n_lines; i++)
			if (!warned[i]) {
				print_error("%s: warning never shown\n", what);
				bad++;
			}
		if (!err) {
			print_error("%s: the error is never shown\n", what);
			bad++;
		}
		/* Every button of the view can be reached (on some page). */
		for (int b = 0; b < F.v.n_buttons; b++)
			if (!shown[b]) {
				print_error(
				    "%s: button %s never shown\n", what,
				    kiosk_ui_tap_name(F.v.buttons[b].tap));
				bad++;
			}
	}
	return bad;
}

static void test_every_screen_language_output(void **state)
{
	int bad = 0, screens = 0;
	bool seen[FLOW_SCENE_COUNT] = {false};

	(void)state;
	for (size_t o = 0; o < UI_TEST_N_OUTPUTS; o++) {
		canvas(ui_test_outputs[o].w, ui_test_outputs[o].h, UI_ROT_0);
		for (int i = 0; i < kiosk_demo_count(); i++)
			for (int lang = 0; lang < LANG_COUNT; lang++) {
				const char *name =
				    kiosk_demo_go(&F.f, i, (enum lang)lang);
				char what[64];

				assert_non_null(name);
				assert_int_equal(flow_model(&F.f)->lang, lang);
				seen[flow_model(&F.f)->scene] = true;
				snprintf(what, sizeof(what), "%s-%s", name,
					 lang == LANG_EN ? "en" : "id");
				bad += check_screen(what);
				screens++;
			}
	}
	for (int s = 0; s < FLOW_SCENE_COUNT; s++)
		if (!seen[s])
			fail_msg("scene %s never drawn", flow_scene_name(s));
	print_message("%d screens checked\n", screens);
	assert_int_equal(bad, 0);
}

/* Rotated outputs: the canvas turns, the checks hold the same. */
static void test_rotations(void **state)
{
	static const enum ui_rotation rots[] = {UI_ROT_90, UI_ROT_180,
						UI_ROT_270};
	int bad = 0;

	(void)state;
	for (size_t r = 0; r < 3; r++) {
		canvas(800, 480, rots[r]);
		for (int i = 0; i < kiosk_demo_count(); i++) {
			assert_non_null(kiosk_demo_go(&F.f, i, LANG_ID));
			bad += check_screen("rotated");
		}
	}
	assert_int_equal(bad, 0);
}

/* The pages of the screen laid out now, counted from the first. */
static int count_pages(void)
{
	struct flow_event ev;
	int n = 1;

	kiosk_ui_wipe(F.u);
	lay();
	for (int i = 0; i < 20 && has_target(KIOSK_UI_ID_PAGE); i++) {
		tap_id(KIOSK_UI_ID_PAGE, &ev);
		lay();
	}
	while (n < 20 && has_target(KIOSK_UI_ID_PAGE + 1)) {
		tap_id(KIOSK_UI_ID_PAGE + 1, &ev);
		lay();
		n++;
	}
	return n;
}

/* The review's answers take at most this many pages (800x480 and
 * 720x1280, both languages, ticked or not; 8 before the rows put label
 * and value on one line where they fit). */
#define REVIEW_PAGES_MAX 7

/* A question's choices all on one page at 800x480 and 720x1280 (a grid of
 * tiles); the review in at most REVIEW_PAGES_MAX pages. */
static void test_choices_one_page_review_few(void **state)
{
	static const int outs[][2] = {{800, 480}, {720, 1280}};
	int choice_screens = 0, reviews = 0;

	(void)state;
	for (size_t o = 0; o < 2; o++) {
		canvas(outs[o][0], outs[o][1], UI_ROT_0);
		for (int i = 0; i < kiosk_demo_count(); i++)
			for (int lang = 0; lang < LANG_COUNT; lang++) {
				const char *name =
				    kiosk_demo_go(&F.f, i, (enum lang)lang);
				int choices = 0, pages;

				assert_non_null(name);
				flow_view(&F.f, &F.v);
				for (int b = 0; b < F.v.n_buttons; b++)
					choices += F.v.buttons[b].tap ==
						   FLOW_TAP_CHOICE;
				if (!choices && strncmp(name, "review", 6) != 0)
					continue;
				pages = count_pages();
				print_message("%s-%s %dx%d: %d page(s)\n", name,
					      lang == LANG_EN ? "en" : "id",
					      outs[o][0], outs[o][1], pages);
				if (!choices) {
					assert_true(pages <= REVIEW_PAGES_MAX);
					reviews++;
					continue;
				}
				assert_int_equal(pages, 1);
				for (int b = 0; b < F.v.n_buttons; b++)
					if (F.v.buttons[b].tap ==
					    FLOW_TAP_CHOICE)
						assert_true(has_target(b));
				choice_screens++;
			}
	}
	/* Both choice questions and both reviews, each language, each
	 * output. */
	assert_true(choice_screens >= 8);
	assert_true(reviews >= 8);
}

static void test_tap_makes_tap_event(void **state)
{
	struct flow_event ev;
	int r;

	(void)state;
	assert_non_null(kiosk_demo_go(&F.f, 0, LANG_ID));
	lay();
	for (int b = 0; b < F.v.n_buttons; b++) {
		memset(&ev, 0, sizeof(ev));
		r = tap_id(b, &ev);
		assert_true(r & KIOSK_UI_EVENT);
		assert_int_equal(ev.type, FLOW_EVT_TAP);
		assert_int_equal(ev.tap, F.v.buttons[b].tap);
		assert_int_equal(ev.index, F.v.buttons[b].index);
	}
	/* A tap outside every target: nothing for the flow. */
	{
		struct ui_input_event in = {
		    .type = UI_IN_TAP, .x = 1, .y = 479};

		memset(&ev, 0, sizeof(ev));
		assert_false(kiosk_ui_input(F.u, &F.v, &in, &ev) &
			     KIOSK_UI_EVENT);
	}
}

/* The hidden gesture: 5 s on the top-left corner is one FLOW_EVT_MAINT,
 * never a tap on what is under it; shorter, or elsewhere, a tap as ever;
 * Ctrl+Alt+M the same. */
static void test_maint_gesture(void **state)
{
	struct flow_event ev;
	struct ui_input_event key = {.type = UI_IN_KEY,
				     .key = UI_INPUT_KEY_MAINT};
	int under = -1;

	(void)state;
	for (int i = 0; i < kiosk_demo_count(); i++) {
		assert_non_null(kiosk_demo_go(&F.f, i, LANG_ID));
		lay();
		assert_true(hold(2, 2, KIOSK_UI_MAINT_HOLD_MS, &ev) &
			    KIOSK_UI_EVENT);
		assert_int_equal(ev.type, FLOW_EVT_MAINT);
		assert_true(hold(KIOSK_UI_MAINT_CORNER - 1,
				 KIOSK_UI_MAINT_CORNER - 1, 60000, &ev) &
			    KIOSK_UI_EVENT);
		assert_int_equal(ev.type, FLOW_EVT_MAINT);
		under = ui_targets_hit(kiosk_ui_targets(F.u), 2, 2);
		if (under >= 0 && under < F.v.n_buttons) {
			/* A short press there is that button's tap. */
			assert_true(hold(2, 2, 300, &ev) & KIOSK_UI_EVENT);
			assert_int_equal(ev.type, FLOW_EVT_TAP);
		}
	}
	/* Welcome: a long press on a real button is that button. */
	assert_non_null(kiosk_demo_go(&F.f, 0, LANG_ID));
	lay();
	{
		SDL_Rect b = target_box(0);

		assert_true(b.x + b.w / 2 >= KIOSK_UI_MAINT_CORNER ||
			    b.y + b.h / 2 >= KIOSK_UI_MAINT_CORNER);
		assert_true(hold(b.x + b.w / 2, b.y + b.h / 2, 6000, &ev) &
			    KIOSK_UI_EVENT);
		assert_int_equal(ev.type, FLOW_EVT_TAP);
		assert_int_equal(ev.tap, F.v.buttons[0].tap);
	}
	/* Held long enough but lifted out of the corner: not the gesture. */
	{
		struct ui_input_event in = {.type = UI_IN_TAP,
					    .x = 2,
					    .y = 2,
					    .up_x = 400,
					    .up_y = 300,
					    .held_ms = 6000};

		memset(&ev, 0, sizeof(ev));
		kiosk_ui_input(F.u, &F.v, &in, &ev);
		assert_int_not_equal(ev.type, FLOW_EVT_MAINT);
	}
	memset(&ev, 0, sizeof(ev));
	assert_true(kiosk_ui_input(F.u, &F.v, &key, &ev) & KIOSK_UI_EVENT);
	assert_int_equal(ev.type, FLOW_EVT_MAINT);
}

/* The PIN is drawn as dots, never as digits. */
static void test_pin_masked(void **state)
{
	struct flow_event ev = {
	    .type = FLOW_EVT_TEXT, .input = FLOW_INPUT_PIN, .text = "4827"};
	struct ui_input_event in = {.type = UI_IN_TEXT};

	(void)state;
	for (int i = 0; i < kiosk_demo_count(); i++) {
		const char *name = kiosk_demo_go(&F.f, i, LANG_ID);

		if (name && strcmp(name, "maint_pin") == 0)
			break;
	}
	assert_int_equal(F.f.m.scene, FLOW_SCENE_MAINT_PIN);
	feed(&ev);
	assert_false(frame_shows("4827"));
	assert_true(frame_shows("\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80"
				"\xa2"));
	/* Typed on a keyboard: the flow gets the digits, the screen dots. */
	snprintf(in.text, sizeof(in.text), "5");
	memset(&ev, 0, sizeof(ev));
	assert_true(kiosk_ui_input(F.u, &F.v, &in, &ev) & KIOSK_UI_EVENT);
	assert_string_equal(ev.text, "48275");
	feed(&ev);
	assert_false(frame_shows("48275"));
}

static void test_keys_type_into_the_field(void **state)
{
	struct flow_event ev;
	struct ui_keyboard kb;
	int id, r;

	(void)state;
	/* Form question 1 (the name), letters keyboard. */
	assert_non_null(kiosk_demo_go(&F.f, 3, LANG_ID));
	assert_int_equal(flow_model(&F.f)->scene, FLOW_SCENE_FORM);
	lay();
	ui_keyboard_init(&kb, UI_KB_LETTERS,
			 ui_keyboard_area(&F.sc, UI_KB_LETTERS),
			 KIOSK_UI_ID_KEY, NULL);
	id = ui_keyboard_find(&kb, UI_KEY_SHIFT, NULL);
	assert_true(has_target(id));
	assert_int_equal(tap_id(id, &ev), KIOSK_UI_REDRAW);
	lay();
	id = ui_keyboard_find(&kb, UI_KEY_TEXT, "s");
	r = tap_id(id, &ev);
	assert_true(r & KIOSK_UI_EVENT);
	assert_int_equal(ev.type, FLOW_EVT_TEXT);
	assert_int_equal(ev.input, FLOW_INPUT_FIELD);
	assert_string_equal(ev.text, "S");
	feed(&ev);
	assert_string_equal(flow_model(&F.f)->v.req.name, "S");
	id = ui_keyboard_find(&kb, UI_KEY_TEXT, "i");
	tap_id(id, &ev);
	assert_string_equal(ev.text, "Si");
	feed(&ev);
	/* Typed on a physical keyboard: into the same field. */
	{
		struct ui_input_event in = {.type = UI_IN_TEXT};

		snprintf(in.text, sizeof(in.text), "ti");
		r = kiosk_ui_input(F.u, &F.v, &in, &ev);
		assert_true(r & KIOSK_UI_EVENT);
		assert_string_equal(ev.text, "Siti");
		feed(&ev);
	}
	/* Backspace by character. */
	{
		struct ui_input_event in = {.type = UI_IN_KEY,
					    .key = UI_INPUT_KEY_BACKSPACE};

		kiosk_ui_input(F.u, &F.v, &in, &ev);
		assert_string_equal(ev.text, "Sit");
		feed(&ev);
	}
	/* The keyboard's Enter on a one-line field: Next. */
	id = ui_keyboard_find(&kb, UI_KEY_ENTER, NULL);
	r = tap_id(id, &ev);
	assert_true(r & KIOSK_UI_EVENT);
	assert_int_equal(ev.type, FLOW_EVT_TAP);
	assert_int_equal(ev.tap, FLOW_TAP_NEXT);
	feed(&ev);
	assert_int_equal(flow_model(&F.f)->field, 1);
	/* The new question's field starts empty, not with the old text. */
	assert_string_equal(F.v.inputs[0].value, "");
}

static void test_physical_keys(void **state)
{
	struct flow_event ev;
	struct ui_input_event in = {.type = UI_IN_KEY};
	int before, r;

	(void)state;
	assert_non_null(kiosk_demo_go(&F.f, 0, LANG_ID));
	lay();
	/* Welcome: the primary choice has the focus; Tab moves it. */
	before = ui_targets_focused(kiosk_ui_targets(F.u));
	assert_int_equal(F.v.buttons[before].tap, FLOW_TAP_REQUEST);
	in.key = UI_INPUT_KEY_NEXT;
	assert_int_equal(kiosk_ui_input(F.u, &F.v, &in, &ev), KIOSK_UI_REDRAW);
	lay();
	assert_int_not_equal(ui_targets_focused(kiosk_ui_targets(F.u)), before);
	in.key = UI_INPUT_KEY_PREV;
	kiosk_ui_input(F.u, &F.v, &in, &ev);
	lay();
	assert_int_equal(ui_targets_focused(kiosk_ui_targets(F.u)), before);
	/* Enter activates the focused target. */
	in.key = UI_INPUT_KEY_ENTER;
	r = kiosk_ui_input(F.u, &F.v, &in, &ev);
	assert_true(r & KIOSK_UI_EVENT);
	assert_int_equal(ev.tap, FLOW_TAP_REQUEST);
	feed(&ev);
	assert_int_equal(flow_model(&F.f)->scene, FLOW_SCENE_IDENTIFY);
	/* Identify: digits typed go into the NIK; Escape is Back. */
	{
		struct ui_input_event t = {.type = UI_IN_TEXT};

		snprintf(t.text, sizeof(t.text), "3201");
		r = kiosk_ui_input(F.u, &F.v, &t, &ev);
		assert_true(r & KIOSK_UI_EVENT);
		assert_int_equal(ev.input, FLOW_INPUT_ID);
		assert_string_equal(ev.text, "3201");
		feed(&ev);
	}
	in.key = UI_INPUT_KEY_ESCAPE;
	r = kiosk_ui_input(F.u, &F.v, &in, &ev);
	assert_true(r & KIOSK_UI_EVENT);
	assert_int_equal(ev.tap, FLOW_TAP_BACK);
	feed(&ev);
	assert_int_equal(flow_model(&F.f)->scene, FLOW_SCENE_WELCOME);
}

static void test_press_is_drawn_not_sent(void **state)
{
	struct flow_event ev;
	SDL_Rect b;
	struct ui_input_event in = {.type = UI_IN_PRESS};

	(void)state;
	assert_non_null(kiosk_demo_go(&F.f, 0, LANG_ID));
	lay();
	b = target_box(0);
	in.x = b.x + 5;
	in.y = b.y + 5;
	assert_int_equal(kiosk_ui_input(F.u, &F.v, &in, &ev), KIOSK_UI_REDRAW);
	/* The same press again changes nothing: no redraw. */
	assert_int_equal(kiosk_ui_input(F.u, &F.v, &in, &ev), 0);
	in.type = UI_IN_CANCEL;
	assert_int_equal(kiosk_ui_input(F.u, &F.v, &in, &ev), KIOSK_UI_REDRAW);
}

static void test_wipe(void **state)
{
	struct flow_event ev;
	struct ui_input_event in = {.type = UI_IN_TEXT};

	(void)state;
	assert_non_null(kiosk_demo_go(&F.f, 2, LANG_ID)); /* identify */
	assert_int_equal(flow_model(&F.f)->scene, FLOW_SCENE_IDENTIFY);
	lay();
	/* The walk typed 12 digits; four more from the keyboard. */
	snprintf(in.text, sizeof(in.text), "0001");
	assert_true(kiosk_ui_input(F.u, &F.v, &in, &ev) & KIOSK_UI_EVENT);
	assert_string_equal(ev.text, "3201015708900001");
	assert_true(kiosk_ui_memory_holds(F.u, "3201015708900001"));
	kiosk_ui_wipe(F.u);
	assert_false(kiosk_ui_memory_holds(F.u, "3201015708900001"));
	assert_false(kiosk_ui_memory_holds(F.u, "201015708900001"));
	assert_false(kiosk_ui_memory_holds(F.u, "32010157089"));
}

static void test_targets_json(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int lines = 0;

	(void)state;
	canvas(480, 800, UI_ROT_90); /* a portrait panel turned: 800x480 UI */
	assert_non_null(kiosk_demo_go(&F.f, 0, LANG_EN));
	lay();
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(kiosk_ui_targets_json(F.u, &F.v, &F.sc, f), 0);
	fclose(f);
	assert_non_null(strstr(buf, "{\"scene\":\"welcome\",\"lang\":\"en\","
				    "\"focus\":\"REQUEST\"}\n"));
	assert_non_null(strstr(buf, "\"id\":\"REQUEST\",\"index\":0,"
				    "\"label\":\"Request information\""));
	for (char *p = buf; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, (int)kiosk_ui_targets(F.u)->n + 1);
	/* Every box lies on the 480x800 output. */
	for (char *p = strstr(buf, "\"x\":"); p; p = strstr(p + 1, "\"x\":")) {
		int x, y, w, h;

		assert_int_equal(sscanf(p,
					"\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d",
					&x, &y, &w, &h),
				 4);
		assert_true(x >= 0 && y >= 0 && x + w <= 480 && y + h <= 800);
		/* Turned: the wide buttons are tall on the output. */
	}
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_every_screen_language_output,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rotations, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_choices_one_page_review_few,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tap_makes_tap_event, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_keys_type_into_the_field,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_physical_keys, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_press_is_drawn_not_sent, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_wipe, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_maint_gesture, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_pin_masked, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_targets_json, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
