// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for ui/input: one touch is exactly one tap, whatever mouse events
 * SDL synthesizes around it (a touchscreen on a desktop, a mouse turned
 * into fingers); the touch or key that wakes a blank screen is swallowed;
 * one finger at a time; a drag is no tap; keys map to navigation; the
 * blank timeout.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "input.h"
#include "ui_test.h"

#define BLANK_MS 30000

struct fixture {
	struct ui_scale sc;	    /* 800x480, no rotation */
	struct ui_input in;	    /* under test */
	int64_t now;		    /* the clock */
	int taps;		    /* UI_IN_TAP seen */
	int presses;		    /* UI_IN_PRESS seen */
	int wakes;		    /* UI_IN_WAKE seen */
	int keys;		    /* UI_IN_KEY seen */
	int texts;		    /* UI_IN_TEXT seen */
	struct ui_input_event last; /* the last event out */
};

static int setup(void **state)
{
	static struct fixture f;
	struct ui_input_cfg cfg = {.blank_ms = BLANK_MS, .slop = 20};

	memset(&f, 0, sizeof(f));
	ui_scale_init(&f.sc, 800, 480, UI_ROT_0);
	f.now = 1000;
	ui_input_init(&f.in, &cfg, &f.sc, f.now);
	*state = &f;
	return 0;
}

static void feed(struct fixture *f, const SDL_Event *e)
{
	struct ui_input_event ev;

	if (!ui_input_feed(&f->in, e, f->now, &ev))
		return;
	f->last = ev;
	switch (ev.type) {
	case UI_IN_TAP:
		f->taps++;
		break;
	case UI_IN_PRESS:
		f->presses++;
		break;
	case UI_IN_WAKE:
		f->wakes++;
		break;
	case UI_IN_KEY:
		f->keys++;
		break;
	case UI_IN_TEXT:
		f->texts++;
		break;
	default:
		break;
	}
}

static void finger(struct fixture *f, Uint32 type, SDL_TouchID touch,
		   SDL_FingerID id, float x, float y)
{
	SDL_Event e;

	memset(&e, 0, sizeof(e));
	e.type = type;
	e.tfinger.touchId = touch;
	e.tfinger.fingerId = id;
	e.tfinger.x = x;
	e.tfinger.y = y;
	feed(f, &e);
}

static void mouse(struct fixture *f, Uint32 type, Uint32 which, int x, int y)
{
	SDL_Event e;

	memset(&e, 0, sizeof(e));
	e.type = type;
	if (type == SDL_MOUSEMOTION) {
		e.motion.which = which;
		e.motion.x = x;
		e.motion.y = y;
	} else {
		e.button.which = which;
		e.button.button = SDL_BUTTON_LEFT;
		e.button.x = x;
		e.button.y = y;
		e.button.clicks = 1;
	}
	feed(f, &e);
}

static void key(struct fixture *f, Uint32 type, SDL_Keycode sym,
		SDL_Scancode sc, Uint16 mod)
{
	SDL_Event e;

	memset(&e, 0, sizeof(e));
	e.type = type;
	e.key.keysym.sym = sym;
	e.key.keysym.scancode = sc;
	e.key.keysym.mod = mod;
	feed(f, &e);
}

static void text(struct fixture *f, const char *s)
{
	SDL_Event e;

	memset(&e, 0, sizeof(e));
	e.type = SDL_TEXTINPUT;
	snprintf(e.text.text, sizeof(e.text.text), "%s", s);
	feed(f, &e);
}

/* A touchscreen on an X11 desktop: the finger, and SDL's synthetic mouse
 * events for it (which == SDL_TOUCH_MOUSEID) in the order SDL sends them. */
static void test_touch_with_synthetic_mouse_is_one_tap(void **state)
{
	struct fixture *f = *state;

	finger(f, SDL_FINGERDOWN, 1, 7, 0.25f, 0.5f);
	mouse(f, SDL_MOUSEMOTION, SDL_TOUCH_MOUSEID, 200, 240);
	mouse(f, SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, 200, 240);
	finger(f, SDL_FINGERUP, 1, 7, 0.25f, 0.5f);
	mouse(f, SDL_MOUSEBUTTONUP, SDL_TOUCH_MOUSEID, 200, 240);
	assert_int_equal(f->taps, 1);
	assert_int_equal(f->presses, 1);
	assert_int_equal(f->last.type, UI_IN_TAP);
	assert_int_equal(f->last.x, 200);
	assert_int_equal(f->last.y, 240);
}

/* A mouse on a desktop with SDL_HINT_MOUSE_TOUCH_EVENTS: the real clicks
 * (which 0) and the fingers SDL makes from them (SDL_MOUSE_TOUCHID). */
static void test_mouse_click_as_finger_is_one_tap(void **state)
{
	struct fixture *f = *state;

	mouse(f, SDL_MOUSEBUTTONDOWN, 0, 400, 120);
	finger(f, SDL_FINGERDOWN, SDL_MOUSE_TOUCHID, 0, 0.5f, 0.25f);
	mouse(f, SDL_MOUSEMOTION, 0, 401, 120);
	finger(f, SDL_FINGERMOTION, SDL_MOUSE_TOUCHID, 0, 0.50125f, 0.25f);
	mouse(f, SDL_MOUSEBUTTONUP, 0, 401, 120);
	finger(f, SDL_FINGERUP, SDL_MOUSE_TOUCHID, 0, 0.50125f, 0.25f);
	assert_int_equal(f->taps, 1);
	assert_int_equal(f->last.x, 400);
	assert_int_equal(f->last.y, 120);
	assert_int_equal(f->last.up_x, 401);
	/* Mouse events alone (no finger) never tap. */
	mouse(f, SDL_MOUSEBUTTONDOWN, 0, 10, 10);
	mouse(f, SDL_MOUSEBUTTONUP, 0, 10, 10);
	assert_int_equal(f->taps, 1);
}

static void test_second_finger_ignored(void **state)
{
	struct fixture *f = *state;

	finger(f, SDL_FINGERDOWN, 1, 1, 0.1f, 0.1f);
	finger(f, SDL_FINGERDOWN, 1, 2, 0.9f, 0.9f);
	finger(f, SDL_FINGERUP, 1, 2, 0.9f, 0.9f);
	assert_int_equal(f->taps, 0);
	finger(f, SDL_FINGERUP, 1, 1, 0.1f, 0.1f);
	assert_int_equal(f->taps, 1);
	assert_int_equal(f->last.x, 80);
	/* An up without its down (a finger lifted after a blank) is nothing. */
	finger(f, SDL_FINGERUP, 1, 9, 0.5f, 0.5f);
	assert_int_equal(f->taps, 1);
}

/* SDL lost a finger's "up": a later touch still works. */
static void test_lost_up_does_not_block(void **state)
{
	struct fixture *f = *state;

	finger(f, SDL_FINGERDOWN, 1, 1, 0.1f, 0.1f); /* its up never comes */
	f->now += 1000;
	finger(f, SDL_FINGERDOWN, 1, 2, 0.5f, 0.5f);
	finger(f, SDL_FINGERUP, 1, 2, 0.5f, 0.5f);
	assert_int_equal(f->taps, 0); /* 1 s: still one finger at a time */
	f->now += UI_INPUT_STUCK_MS;
	finger(f, SDL_FINGERDOWN, 1, 3, 0.5f, 0.5f);
	finger(f, SDL_FINGERUP, 1, 3, 0.5f, 0.5f);
	assert_int_equal(f->taps, 1);
	/* The same after a wake whose touch's up was lost. */
	ui_input_set_blanked(&f->in, true, f->now);
	finger(f, SDL_FINGERDOWN, 1, 4, 0.5f, 0.5f);
	assert_int_equal(f->wakes, 1);
	f->now += UI_INPUT_STUCK_MS + 1;
	finger(f, SDL_FINGERDOWN, 1, 5, 0.5f, 0.5f);
	finger(f, SDL_FINGERUP, 1, 5, 0.5f, 0.5f);
	assert_int_equal(f->taps, 2);
}

static void test_drag_is_no_tap(void **state)
{
	struct fixture *f = *state;

	finger(f, SDL_FINGERDOWN, 1, 1, 0.1f, 0.5f);
	finger(f, SDL_FINGERMOTION, 1, 1, 0.2f, 0.5f); /* 80 units */
	finger(f, SDL_FINGERUP, 1, 1, 0.2f, 0.5f);
	assert_int_equal(f->taps, 0);
	assert_int_equal(f->last.type, UI_IN_CANCEL);
	/* A jitter within the slop still taps. */
	finger(f, SDL_FINGERDOWN, 1, 1, 0.1f, 0.5f);
	finger(f, SDL_FINGERMOTION, 1, 1, 0.11f, 0.5f); /* 8 units */
	finger(f, SDL_FINGERUP, 1, 1, 0.11f, 0.5f);
	assert_int_equal(f->taps, 1);
}

static void test_blank_timeout(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(ui_input_timeout_ms(&f->in, f->now), BLANK_MS);
	f->now += BLANK_MS - 1;
	assert_int_equal(ui_input_tick(&f->in, f->now), 0);
	assert_int_equal(ui_input_timeout_ms(&f->in, f->now), 1);
	/* Input restarts the clock. */
	key(f, SDL_KEYDOWN, SDLK_TAB, SDL_SCANCODE_TAB, 0);
	f->now += BLANK_MS - 1;
	assert_int_equal(ui_input_tick(&f->in, f->now), 0);
	f->now += 1;
	assert_int_equal(ui_input_tick(&f->in, f->now), 1);
	assert_true(ui_input_blanked(&f->in));
	assert_int_equal(ui_input_timeout_ms(&f->in, f->now), -1);
	assert_int_equal(ui_input_tick(&f->in, f->now + 1), 0);
}

static void test_wake_touch_swallowed(void **state)
{
	struct fixture *f = *state;

	f->now += BLANK_MS;
	ui_input_tick(&f->in, f->now);
	assert_true(ui_input_blanked(&f->in));
	/* The waking touch, a second finger of the same hand, and the
	 * synthetic mouse events: one WAKE, no press, no tap. */
	finger(f, SDL_FINGERDOWN, 1, 3, 0.5f, 0.5f);
	mouse(f, SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, 400, 240);
	finger(f, SDL_FINGERDOWN, 1, 4, 0.6f, 0.5f);
	finger(f, SDL_FINGERMOTION, 1, 3, 0.5f, 0.5f);
	finger(f, SDL_FINGERUP, 1, 4, 0.6f, 0.5f);
	finger(f, SDL_FINGERUP, 1, 3, 0.5f, 0.5f);
	mouse(f, SDL_MOUSEBUTTONUP, SDL_TOUCH_MOUSEID, 400, 240);
	assert_int_equal(f->wakes, 1);
	assert_int_equal(f->presses, 0);
	assert_int_equal(f->taps, 0);
	assert_false(ui_input_blanked(&f->in));
	/* The next touch is an ordinary tap. */
	finger(f, SDL_FINGERDOWN, 1, 5, 0.5f, 0.5f);
	finger(f, SDL_FINGERUP, 1, 5, 0.5f, 0.5f);
	assert_int_equal(f->taps, 1);
}

static void test_wake_key_swallowed(void **state)
{
	struct fixture *f = *state;

	ui_input_set_blanked(&f->in, true, f->now);
	/* Enter wakes; its repeat and its text do nothing; then it works. */
	key(f, SDL_KEYDOWN, SDLK_RETURN, SDL_SCANCODE_RETURN, 0);
	key(f, SDL_KEYDOWN, SDLK_RETURN, SDL_SCANCODE_RETURN, 0);
	key(f, SDL_KEYUP, SDLK_RETURN, SDL_SCANCODE_RETURN, 0);
	assert_int_equal(f->wakes, 1);
	assert_int_equal(f->keys, 0);
	key(f, SDL_KEYDOWN, SDLK_RETURN, SDL_SCANCODE_RETURN, 0);
	assert_int_equal(f->keys, 1);
	assert_int_equal(f->last.key, UI_INPUT_KEY_ENTER);

	/* A letter wakes: its SDL_TEXTINPUT is swallowed too. */
	ui_input_set_blanked(&f->in, true, f->now);
	key(f, SDL_KEYDOWN, SDLK_a, SDL_SCANCODE_A, 0);
	text(f, "a");
	key(f, SDL_KEYUP, SDLK_a, SDL_SCANCODE_A, 0);
	assert_int_equal(f->wakes, 2);
	assert_int_equal(f->texts, 0);
	text(f, "\xc3\xa9");
	assert_int_equal(f->texts, 1);
	assert_string_equal(f->last.text, "\xc3\xa9");
}

static void test_keys(void **state)
{
	static const struct {
		SDL_Keycode sym;
		Uint16 mod;
		enum ui_input_key key;
	} map[] = {
	    {SDLK_TAB, 0, UI_INPUT_KEY_NEXT},
	    {SDLK_TAB, KMOD_LSHIFT, UI_INPUT_KEY_PREV},
	    {SDLK_LEFT, 0, UI_INPUT_KEY_LEFT},
	    {SDLK_RIGHT, 0, UI_INPUT_KEY_RIGHT},
	    {SDLK_UP, 0, UI_INPUT_KEY_UP},
	    {SDLK_DOWN, 0, UI_INPUT_KEY_DOWN},
	    {SDLK_RETURN, 0, UI_INPUT_KEY_ENTER},
	    {SDLK_KP_ENTER, 0, UI_INPUT_KEY_ENTER},
	    {SDLK_ESCAPE, 0, UI_INPUT_KEY_ESCAPE},
	    {SDLK_BACKSPACE, 0, UI_INPUT_KEY_BACKSPACE},
	    {SDLK_DELETE, 0, UI_INPUT_KEY_DELETE},
	    {SDLK_HOME, 0, UI_INPUT_KEY_HOME},
	    {SDLK_END, 0, UI_INPUT_KEY_END},
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		key(f, SDL_KEYDOWN, map[i].sym, SDL_SCANCODE_UNKNOWN,
		    map[i].mod);
		assert_int_equal(f->keys, (int)i + 1);
		assert_int_equal(f->last.key, map[i].key);
	}
	/* F4, Alt and the like are nothing (kiosk: no quit keys here). */
	key(f, SDL_KEYDOWN, SDLK_F4, SDL_SCANCODE_F4, KMOD_LALT);
	assert_int_equal(f->keys, (int)(sizeof(map) / sizeof(map[0])));
}

/* How long the finger was down comes with the tap (the kiosk's hidden
 * 5 s corner press); the technician's Ctrl+Alt+M is a key, a plain m is
 * text. */
static void test_hold_time_and_maint_key(void **state)
{
	struct fixture *f = *state;

	finger(f, SDL_FINGERDOWN, 1, 1, 0.01f, 0.01f);
	f->now += 5500;
	finger(f, SDL_FINGERUP, 1, 1, 0.01f, 0.01f);
	assert_int_equal(f->taps, 1);
	assert_int_equal(f->last.held_ms, 5500);
	finger(f, SDL_FINGERDOWN, 1, 2, 0.5f, 0.5f);
	f->now += 80;
	finger(f, SDL_FINGERUP, 1, 2, 0.5f, 0.5f);
	assert_int_equal(f->last.held_ms, 80);
	key(f, SDL_KEYDOWN, SDLK_m, SDL_SCANCODE_M, KMOD_LCTRL | KMOD_LALT);
	assert_int_equal(f->keys, 1);
	assert_int_equal(f->last.key, UI_INPUT_KEY_MAINT);
	key(f, SDL_KEYDOWN, SDLK_m, SDL_SCANCODE_M, KMOD_LCTRL);
	key(f, SDL_KEYDOWN, SDLK_m, SDL_SCANCODE_M, 0);
	assert_int_equal(f->keys, 1);
}

static void test_rotated_tap(void **state)
{
	struct fixture *f = *state;
	struct ui_input_cfg cfg = {.blank_ms = 0};

	/* A portrait UI on the landscape panel, turned 90 degrees. */
	ui_scale_init(&f->sc, 800, 480, UI_ROT_90);
	ui_input_init(&f->in, &cfg, &f->sc, f->now);
	finger(f, SDL_FINGERDOWN, 1, 1, 0.999f, 0.0f);
	finger(f, SDL_FINGERUP, 1, 1, 0.999f, 0.0f);
	assert_int_equal(f->taps, 1);
	assert_int_equal(f->last.x, 0);
	assert_int_equal(f->last.y, 0);
	/* Never blanks with blank_ms 0. */
	assert_int_equal(ui_input_tick(&f->in, f->now + 1000000000), 0);
	assert_int_equal(ui_input_timeout_ms(&f->in, f->now), -1);
}

/* A tap at a design point arrives at that point, at every rotation. */
static void test_tap_at_every_rotation(void **state)
{
	struct fixture *f = *state;
	struct ui_input_cfg cfg = {.blank_ms = BLANK_MS};

	for (int r = 0; r < UI_ROT_COUNT; r++) {
		SDL_Event down, up;

		ui_scale_init(&f->sc, 1280, 720, (enum ui_rotation)r);
		ui_input_init(&f->in, &cfg, &f->sc, f->now);
		down = ui_test_finger(&f->sc, SDL_FINGERDOWN, 1, 30, 400);
		up = ui_test_finger(&f->sc, SDL_FINGERUP, 1, 30, 400);
		feed(f, &down);
		feed(f, &up);
		assert_int_equal(f->taps, r + 1);
		assert_int_equal(f->last.x, 30);
		assert_int_equal(f->last.y, 400);
	}
}

static void test_hints(void **state)
{
	(void)state;
	ui_input_hints();
	assert_string_equal(SDL_GetHint(SDL_HINT_TOUCH_MOUSE_EVENTS), "0");
	assert_string_equal(SDL_GetHint(SDL_HINT_MOUSE_TOUCH_EVENTS), "1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_touch_with_synthetic_mouse_is_one_tap,
				   setup),
	    cmocka_unit_test_setup(test_mouse_click_as_finger_is_one_tap,
				   setup),
	    cmocka_unit_test_setup(test_second_finger_ignored, setup),
	    cmocka_unit_test_setup(test_lost_up_does_not_block, setup),
	    cmocka_unit_test_setup(test_drag_is_no_tap, setup),
	    cmocka_unit_test_setup(test_blank_timeout, setup),
	    cmocka_unit_test_setup(test_wake_touch_swallowed, setup),
	    cmocka_unit_test_setup(test_wake_key_swallowed, setup),
	    cmocka_unit_test_setup(test_keys, setup),
	    cmocka_unit_test_setup(test_hold_time_and_maint_key, setup),
	    cmocka_unit_test_setup(test_rotated_tap, setup),
	    cmocka_unit_test_setup(test_tap_at_every_rotation, setup),
	    cmocka_unit_test(test_hints),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
