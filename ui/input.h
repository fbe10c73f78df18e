/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SDL events into the few things a screen needs: a press and a tap (design
 * units), a navigation or editing key, typed text, and "the screen woke".
 * Fingers are the one touch path: on a desktop, mouse clicks arrive as
 * fingers too (ui_input_hints()), and every mouse button event is dropped,
 * so one touch is exactly one tap whatever SDL synthesizes.  After the
 * screen has blanked (no input for blank_ms), the touch or key that wakes
 * it is swallowed whole: it never presses anything.  Pure logic over
 * SDL_Event values: no SDL call but the hints, no clock of its own (times
 * are CLOCK_MONOTONIC milliseconds from the caller).
 *
 *     ui_input_hints();                     before SDL_Init
 *     ui_input_init(&in, &cfg, &sc, now);
 *     while (SDL_PollEvent(&e))
 *             if (ui_input_feed(&in, &e, now, &ev)) handle(&ev);
 *     ui_input_tick(&in, now);              blank when idle long enough
 *     timeout = ui_input_timeout_ms(&in, now); fold into poll()
 */
#ifndef PPID_UI_INPUT_H
#define PPID_UI_INPUT_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL2/SDL.h>

#include "scale.h"

enum ui_input_type {
	UI_IN_NONE = 0, /* nothing for the screen */
	UI_IN_PRESS,	/* a finger went down at x, y (show it pressed) */
	UI_IN_TAP,	/* ...and came up: x, y where it went down */
	UI_IN_CANCEL,	/* a press that will not become a tap */
	UI_IN_KEY,	/* a key: .key */
	UI_IN_TEXT,	/* typed text: .text */
	UI_IN_WAKE,	/* the blank screen woke: redraw, nothing else */
};

enum ui_input_key {
	UI_INPUT_KEY_NEXT = 0, /* Tab */
	UI_INPUT_KEY_PREV,     /* Shift+Tab */
	UI_INPUT_KEY_LEFT,     /* arrows */
	UI_INPUT_KEY_RIGHT,
	UI_INPUT_KEY_UP,
	UI_INPUT_KEY_DOWN,
	UI_INPUT_KEY_ENTER,	/* Return, keypad Enter */
	UI_INPUT_KEY_ESCAPE,	/* Escape, AC Back: back / cancel */
	UI_INPUT_KEY_BACKSPACE, /* delete before the caret */
	UI_INPUT_KEY_DELETE,	/* delete after the caret */
	UI_INPUT_KEY_HOME,	/* caret to the start */
	UI_INPUT_KEY_END,	/* caret to the end */
	UI_INPUT_KEY_MAINT,	/* Ctrl+Alt+M: the technician's key */
};

/*
 * A finger whose "up" SDL never delivered must not block input for good: a
 * new finger after this long takes over (and ends a wake's swallowing).
 */
#define UI_INPUT_STUCK_MS 5000

struct ui_input_event {
	enum ui_input_type type; /* what */
	int x;			 /* PRESS, TAP: design units */
	int y;			 /* (y) */
	int up_x;		 /* TAP: where the finger came up */
	int up_y;		 /* (y) */
	int64_t held_ms;	 /* TAP, CANCEL: how long the finger was down */
	enum ui_input_key key;	 /* KEY */
	char text[32];		 /* TEXT: UTF-8, NUL-terminated */
};

struct ui_input_cfg {
	int64_t blank_ms; /* blank after this long without input; 0 never */
	int slop;	  /* a finger that moves further than this (design
			     units) is a drag, not a tap; 0: any move taps */
};

/** Input state: a plain value, no resources. */
struct ui_input {
	struct ui_input_cfg cfg;   /* settings */
	const struct ui_scale *sc; /* borrowed: maps fingers */
	int64_t last_ms;	   /* the last input */
	bool blanked;		   /* the screen is blank */
	bool down;		   /* a finger counts (not swallowed) */
	SDL_TouchID touch;	   /* ...from this device */
	SDL_FingerID finger;	   /* ...this finger */
	int down_x;		   /* where it went down, design units */
	int down_y;		   /* (y) */
	bool moved;		   /* beyond the slop */
	int64_t down_ms;	   /* when it went down */
	int swallow_fingers;	   /* fingers down while waking, to drop */
	int64_t swallow_ms;	   /* when the wake began */
	SDL_Scancode swallow_key;  /* a key down while waking, to drop
				       with its text, until it is up */
};

/**
 * Set the SDL hints for finger-only input (before SDL_Init):
 * SDL_HINT_TOUCH_MOUSE_EVENTS "0", SDL_HINT_MOUSE_TOUCH_EVENTS "1".
 */
void ui_input_hints(void);

/** Start: awake, nothing down, the idle clock at @p now_ms. */
void ui_input_init(struct ui_input *in, const struct ui_input_cfg *cfg,
		   const struct ui_scale *sc, int64_t now_ms);

/**
 * Feed one SDL event.
 * @return 1 with @p out filled when the screen must act, else 0.
 */
int ui_input_feed(struct ui_input *in, const SDL_Event *e, int64_t now_ms,
		  struct ui_input_event *out);

/** Blank when idle for blank_ms. @return 1 when it blanked just now. */
int ui_input_tick(struct ui_input *in, int64_t now_ms);

/** 1 while the screen is blank. */
int ui_input_blanked(const struct ui_input *in);

/** Blank now (e.g. at night), or wake without a touch (e.g. a card swipe). */
void ui_input_set_blanked(struct ui_input *in, bool blanked, int64_t now_ms);

/** Milliseconds until ui_input_tick() blanks, -1 never (for poll()). */
int64_t ui_input_timeout_ms(const struct ui_input *in, int64_t now_ms);

#endif
