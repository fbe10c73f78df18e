// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Event normalisation: one tracked finger, dropped mouse events, blank and
 * wake (see input.h).
 */

#include <string.h>

#include "input.h"

void ui_input_hints(void)
{
	SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "1");
}

void ui_input_init(struct ui_input *in, const struct ui_input_cfg *cfg,
		   const struct ui_scale *sc, int64_t now_ms)
{
	memset(in, 0, sizeof(*in));
	in->cfg = *cfg;
	in->sc = sc;
	in->last_ms = now_ms;
	in->swallow_key = SDL_SCANCODE_UNKNOWN;
}

static int wake(struct ui_input *in, struct ui_input_event *out)
{
	in->blanked = false;
	in->down = false;
	out->type = UI_IN_WAKE;
	return 1;
}

static int finger_down(struct ui_input *in, const SDL_TouchFingerEvent *f,
		       int64_t now_ms, struct ui_input_event *out)
{
	if (in->blanked) {
		in->swallow_fingers = 1;
		in->swallow_ms = now_ms;
		return wake(in, out);
	}
	if (in->swallow_fingers > 0 &&
	    now_ms - in->swallow_ms > UI_INPUT_STUCK_MS)
		in->swallow_fingers = 0; /* an "up" was lost */
	if (in->down && now_ms - in->down_ms > UI_INPUT_STUCK_MS)
		in->down = false; /* likewise */
	if (in->swallow_fingers > 0) {
		/* Another finger of the waking hand: drop it too. */
		in->swallow_fingers++;
		return 0;
	}
	if (in->down)
		return 0; /* one finger at a time */
	in->down = true;
	in->down_ms = now_ms;
	in->moved = false;
	in->touch = f->touchId;
	in->finger = f->fingerId;
	ui_scale_finger(in->sc, f->x, f->y, &in->down_x, &in->down_y);
	out->type = UI_IN_PRESS;
	out->x = in->down_x;
	out->y = in->down_y;
	return 1;
}

static int ours(const struct ui_input *in, const SDL_TouchFingerEvent *f)
{
	return in->down && f->touchId == in->touch && f->fingerId == in->finger;
}

static int finger_up(struct ui_input *in, const SDL_TouchFingerEvent *f,
		     int64_t now_ms, struct ui_input_event *out)
{
	if (in->swallow_fingers > 0) {
		in->swallow_fingers--;
		return 0;
	}
	if (!ours(in, f))
		return 0;
	in->down = false;
	out->type = in->moved ? UI_IN_CANCEL : UI_IN_TAP;
	out->x = in->down_x;
	out->y = in->down_y;
	out->held_ms = now_ms - in->down_ms;
	ui_scale_finger(in->sc, f->x, f->y, &out->up_x, &out->up_y);
	return 1;
}

static int finger_motion(struct ui_input *in, const SDL_TouchFingerEvent *f)
{
	int x, y, dx, dy;

	if (!ours(in, f) || in->cfg.slop <= 0)
		return 0;
	ui_scale_finger(in->sc, f->x, f->y, &x, &y);
	dx = x - in->down_x;
	dy = y - in->down_y;
	if (dx * dx + dy * dy > in->cfg.slop * in->cfg.slop)
		in->moved = true;
	return 0;
}

static int map_key(const SDL_Keysym *k, enum ui_input_key *key)
{
	switch (k->sym) {
	case SDLK_TAB:
		*key = (k->mod & KMOD_SHIFT) ? UI_INPUT_KEY_PREV
					     : UI_INPUT_KEY_NEXT;
		return 1;
	case SDLK_LEFT:
		*key = UI_INPUT_KEY_LEFT;
		return 1;
	case SDLK_RIGHT:
		*key = UI_INPUT_KEY_RIGHT;
		return 1;
	case SDLK_UP:
		*key = UI_INPUT_KEY_UP;
		return 1;
	case SDLK_DOWN:
		*key = UI_INPUT_KEY_DOWN;
		return 1;
	case SDLK_RETURN:
	case SDLK_RETURN2:
	case SDLK_KP_ENTER:
		*key = UI_INPUT_KEY_ENTER;
		return 1;
	case SDLK_ESCAPE:
	case SDLK_AC_BACK:
		*key = UI_INPUT_KEY_ESCAPE;
		return 1;
	case SDLK_BACKSPACE:
		*key = UI_INPUT_KEY_BACKSPACE;
		return 1;
	case SDLK_DELETE:
		*key = UI_INPUT_KEY_DELETE;
		return 1;
	case SDLK_HOME:
		*key = UI_INPUT_KEY_HOME;
		return 1;
	case SDLK_END:
		*key = UI_INPUT_KEY_END;
		return 1;
	case SDLK_m:
		/* The technician's chord; a plain or shifted m is text. */
		if (!(k->mod & KMOD_CTRL) || !(k->mod & KMOD_ALT))
			return 0;
		*key = UI_INPUT_KEY_MAINT;
		return 1;
	default:
		return 0;
	}
}

static int key_down(struct ui_input *in, const SDL_KeyboardEvent *k,
		    struct ui_input_event *out)
{
	if (in->blanked) {
		in->swallow_key = k->keysym.scancode;
		return wake(in, out);
	}
	if (in->swallow_key != SDL_SCANCODE_UNKNOWN &&
	    k->keysym.scancode == in->swallow_key)
		return 0; /* the waking key, repeating */
	if (!map_key(&k->keysym, &out->key))
		return 0;
	out->type = UI_IN_KEY;
	return 1;
}

static int text_input(struct ui_input *in, const SDL_TextInputEvent *t,
		      struct ui_input_event *out)
{
	size_t n = strnlen(t->text, sizeof(t->text));

	if (in->blanked) {
		in->swallow_key = SDL_SCANCODE_UNKNOWN;
		return wake(in, out);
	}
	if (in->swallow_key != SDL_SCANCODE_UNKNOWN)
		return 0; /* the waking key's text */
	if (n == 0)
		return 0;
	if (n >= sizeof(out->text))
		n = sizeof(out->text) - 1;
	memcpy(out->text, t->text, n);
	out->text[n] = '\0';
	out->type = UI_IN_TEXT;
	return 1;
}

int ui_input_feed(struct ui_input *in, const SDL_Event *e, int64_t now_ms,
		  struct ui_input_event *out)
{
	memset(out, 0, sizeof(*out));
	switch (e->type) {
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
	case SDL_MOUSEMOTION:
	case SDL_MOUSEWHEEL:
		/*
		 * Never a path of its own: a touch's synthetic clicks have
		 * which == SDL_TOUCH_MOUSEID, and a real mouse's clicks also
		 * arrive as fingers (SDL_HINT_MOUSE_TOUCH_EVENTS), so taking
		 * either would fire twice.
		 */
		return 0;
	case SDL_FINGERDOWN:
		in->last_ms = now_ms;
		return finger_down(in, &e->tfinger, now_ms, out);
	case SDL_FINGERUP:
		in->last_ms = now_ms;
		return finger_up(in, &e->tfinger, now_ms, out);
	case SDL_FINGERMOTION:
		in->last_ms = now_ms;
		return finger_motion(in, &e->tfinger);
	case SDL_KEYDOWN:
		in->last_ms = now_ms;
		return key_down(in, &e->key, out);
	case SDL_KEYUP:
		in->last_ms = now_ms;
		if (e->key.keysym.scancode == in->swallow_key)
			in->swallow_key = SDL_SCANCODE_UNKNOWN;
		return 0;
	case SDL_TEXTINPUT:
		in->last_ms = now_ms;
		return text_input(in, &e->text, out);
	default:
		return 0;
	}
}

int ui_input_tick(struct ui_input *in, int64_t now_ms)
{
	if (in->blanked || in->cfg.blank_ms <= 0 ||
	    now_ms - in->last_ms < in->cfg.blank_ms)
		return 0;
	in->blanked = true;
	in->down = false;
	return 1;
}

int ui_input_blanked(const struct ui_input *in)
{
	return in->blanked;
}

void ui_input_set_blanked(struct ui_input *in, bool blanked, int64_t now_ms)
{
	in->blanked = blanked;
	in->down = false;
	in->last_ms = now_ms;
}

int64_t ui_input_timeout_ms(const struct ui_input *in, int64_t now_ms)
{
	int64_t left;

	if (in->blanked || in->cfg.blank_ms <= 0)
		return -1;
	left = in->last_ms + in->cfg.blank_ms - now_ms;
	return left > 0 ? left : 0;
}
