// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's screens: taps, keys and text into flow events; the names
 * of targets and the targets as JSON (for tests and tools).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_ui_internal.h"

static const char *const tap_names[FLOW_TAP_COUNT] = {
    [FLOW_TAP_NONE] = "NONE",
    [FLOW_TAP_REQUEST] = "REQUEST",
    [FLOW_TAP_CHECK_STATUS] = "CHECK_STATUS",
    [FLOW_TAP_CALL] = "CALL",
    [FLOW_TAP_LANG] = "LANG",
    [FLOW_TAP_NEXT] = "NEXT",
    [FLOW_TAP_BACK] = "BACK",
    [FLOW_TAP_EDIT_FIELD] = "EDIT_FIELD",
    [FLOW_TAP_EDIT_ID] = "EDIT_ID",
    [FLOW_TAP_CHOICE] = "CHOICE",
    [FLOW_TAP_CONSENT] = "CONSENT",
    [FLOW_TAP_TRUTH] = "TRUTH",
    [FLOW_TAP_SUBMIT] = "SUBMIT",
    [FLOW_TAP_LOOKUP] = "LOOKUP",
    [FLOW_TAP_CALL_PICKUP] = "CALL_PICKUP",
    [FLOW_TAP_MORE_TIME] = "MORE_TIME",
    [FLOW_TAP_FINISH] = "FINISH",
    [FLOW_TAP_MAINT_ITEM] = "MAINT_ITEM",
};

static const char *const input_names[FLOW_INPUT_COUNT] = {
    [FLOW_INPUT_FIELD] = "INPUT_FIELD", [FLOW_INPUT_ID] = "INPUT_ID",
    [FLOW_INPUT_REGNO] = "INPUT_REGNO", [FLOW_INPUT_LAST4] = "INPUT_LAST4",
    [FLOW_INPUT_PIN] = "INPUT_PIN",
};

const char *kiosk_ui_tap_name(enum flow_tap t)
{
	return (unsigned)t < FLOW_TAP_COUNT ? tap_names[t] : "?";
}

/* ---- input ---------------------------------------------------------------------- */

static int tap_event(const struct flow_view *v, int b, struct flow_event *out)
{
	memset(out, 0, sizeof(*out));
	out->type = FLOW_EVT_TAP;
	out->tap = v->buttons[b].tap;
	out->index = v->buttons[b].index;
	return KIOSK_UI_EVENT | KIOSK_UI_REDRAW;
}

static int maint_event(struct flow_event *out)
{
	memset(out, 0, sizeof(*out));
	out->type = FLOW_EVT_MAINT;
	return KIOSK_UI_EVENT | KIOSK_UI_REDRAW;
}

/* The hidden corner: pressed and lifted there, held long enough. */
static bool maint_hold(const struct ui_input_event *in)
{
	return in->held_ms >= KIOSK_UI_MAINT_HOLD_MS &&
	       in->x < KIOSK_UI_MAINT_CORNER && in->y < KIOSK_UI_MAINT_CORNER &&
	       in->up_x < KIOSK_UI_MAINT_CORNER &&
	       in->up_y < KIOSK_UI_MAINT_CORNER;
}

static int text_event(struct kiosk_ui *u, const struct flow_view *v,
		      struct flow_event *out)
{
	memset(out, 0, sizeof(*out));
	out->type = FLOW_EVT_TEXT;
	out->input = v->inputs[u->active].input;
	out->text = ui_field_text(&u->field[u->active]);
	return KIOSK_UI_EVENT | KIOSK_UI_REDRAW;
}

/* Enter on a one-line field: the next input, else the primary action. */
static int enter(struct kiosk_ui *u, const struct flow_view *v,
		 struct flow_event *out)
{
	int p = kui_primary_button(v);

	if (u->active >= 0 && v->inputs[u->active].multiline) {
		if (ui_field_insert(&u->field[u->active], "\n") != 0)
			return KIOSK_UI_REDRAW;
		return text_event(u, v, out);
	}
	if (u->active >= 0 && u->active + 1 < v->n_inputs) {
		u->active++;
		u->to_active = true;
		ui_targets_set_focus(&u->ts, KIOSK_UI_ID_INPUT + u->active);
		return KIOSK_UI_REDRAW;
	}
	return p >= 0 ? tap_event(v, p, out) : 0;
}

static int activate(struct kiosk_ui *u, const struct flow_view *v, int id,
		    struct flow_event *out)
{
	if (id < 0)
		return 0;
	if (id < v->n_buttons) {
		ui_targets_set_focus(&u->ts, id);
		return tap_event(v, id, out);
	}
	if (id >= KIOSK_UI_ID_INPUT && id < KIOSK_UI_ID_INPUT + v->n_inputs) {
		u->active = id - KIOSK_UI_ID_INPUT;
		ui_targets_set_focus(&u->ts, id);
		return KIOSK_UI_REDRAW;
	}
	if (id >= KIOSK_UI_ID_KEY && id < KIOSK_UI_ID_PAGE && u->kb_on &&
	    u->active >= 0) {
		enum ui_kb_result r =
		    ui_keyboard_press(&u->kb, id, &u->field[u->active]);

		u->kb_layout = u->kb.layout;
		u->kb_shift = u->kb.shift;
		switch (r) {
		case UI_KB_EDITED:
			return text_event(u, v, out);
		case UI_KB_ENTER:
			return enter(u, v, out);
		case UI_KB_NONE:
			return 0;
		default:
			return KIOSK_UI_REDRAW;
		}
	}
	if (id == KIOSK_UI_ID_PAGE && u->page > 0) {
		u->page--;
		return KIOSK_UI_REDRAW;
	}
	if (id == KIOSK_UI_ID_PAGE + 1 && u->page < u->n_pages - 1) {
		u->page++;
		return KIOSK_UI_REDRAW;
	}
	return 0;
}

static int nav(struct kiosk_ui *u, const struct flow_view *v, enum ui_nav n)
{
	int id = ui_targets_nav(&u->ts, n);

	if (id >= KIOSK_UI_ID_INPUT && id < KIOSK_UI_ID_INPUT + v->n_inputs)
		u->active = id - KIOSK_UI_ID_INPUT;
	return KIOSK_UI_REDRAW;
}

static int key(struct kiosk_ui *u, const struct flow_view *v,
	       enum ui_input_key k, struct flow_event *out)
{
	struct ui_field *f = u->active >= 0 ? &u->field[u->active] : NULL;
	int foc = ui_targets_focused(&u->ts);
	bool on_field = f && foc == KIOSK_UI_ID_INPUT + u->active;
	int back = kui_find_tap(v, FLOW_TAP_BACK);

	switch (k) {
	case UI_INPUT_KEY_NEXT:
		return nav(u, v, UI_NAV_NEXT);
	case UI_INPUT_KEY_PREV:
		return nav(u, v, UI_NAV_PREV);
	case UI_INPUT_KEY_UP:
		return nav(u, v, UI_NAV_UP);
	case UI_INPUT_KEY_DOWN:
		return nav(u, v, UI_NAV_DOWN);
	case UI_INPUT_KEY_LEFT:
		if (on_field && ui_field_left(f) == 0)
			return KIOSK_UI_REDRAW;
		return nav(u, v, UI_NAV_LEFT);
	case UI_INPUT_KEY_RIGHT:
		if (on_field && ui_field_right(f) == 0)
			return KIOSK_UI_REDRAW;
		return nav(u, v, UI_NAV_RIGHT);
	case UI_INPUT_KEY_HOME:
		if (f)
			ui_field_home(f);
		return f ? KIOSK_UI_REDRAW : 0;
	case UI_INPUT_KEY_END:
		if (f)
			ui_field_end(f);
		return f ? KIOSK_UI_REDRAW : 0;
	case UI_INPUT_KEY_BACKSPACE:
		return f && ui_field_backspace(f) == 0 ? text_event(u, v, out)
						       : 0;
	case UI_INPUT_KEY_DELETE:
		return f && ui_field_delete(f) == 0 ? text_event(u, v, out) : 0;
	case UI_INPUT_KEY_ESCAPE:
		return back >= 0 ? tap_event(v, back, out) : 0;
	case UI_INPUT_KEY_ENTER:
		if (foc < 0 || on_field)
			return enter(u, v, out);
		return activate(u, v, foc, out);
	case UI_INPUT_KEY_MAINT:
		return maint_event(out);
	}
	return 0;
}

int kiosk_ui_input(struct kiosk_ui *u, const struct flow_view *v,
		   const struct ui_input_event *in, struct flow_event *out)
{
	int id;

	switch (in->type) {
	case UI_IN_PRESS:
		id = ui_targets_hit(&u->ts, in->x, in->y);
		if (id == u->pressed)
			return 0;
		u->pressed = id;
		return KIOSK_UI_REDRAW;
	case UI_IN_CANCEL:
		u->pressed = -1;
		return KIOSK_UI_REDRAW;
	case UI_IN_TAP:
		u->pressed = -1;
		if (maint_hold(in))
			return maint_event(out);
		id = ui_targets_hit(&u->ts, in->x, in->y);
		return activate(u, v, id, out) | KIOSK_UI_REDRAW;
	case UI_IN_KEY:
		return key(u, v, in->key, out);
	case UI_IN_TEXT:
		if (u->active < 0 ||
		    ui_field_insert(&u->field[u->active], in->text) != 0)
			return 0;
		return text_event(u, v, out);
	case UI_IN_WAKE:
		return KIOSK_UI_REDRAW;
	default:
		return 0;
	}
}

/* ---- targets as JSON ---------------------------------------------------------- */

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(f, "\\u%04x", ch);
		else
			fputc(ch, f);
	}
	fputc('"', f);
}

static void id_info(const struct kiosk_ui *u, const struct flow_view *v, int id,
		    const char **name, int *index, const char **label)
{
	*index = 0;
	*label = "";
	if (id >= 0 && id < v->n_buttons) {
		*name = kiosk_ui_tap_name(v->buttons[id].tap);
		*index = v->buttons[id].index;
		*label = v->buttons[id].label ? v->buttons[id].label : "";
	} else if (id >= KIOSK_UI_ID_INPUT &&
		   id < KIOSK_UI_ID_INPUT + v->n_inputs) {
		const struct flow_view_input *in =
		    &v->inputs[id - KIOSK_UI_ID_INPUT];

		*name = (unsigned)in->input < FLOW_INPUT_COUNT
			    ? input_names[in->input]
			    : "INPUT";
		*index = id - KIOSK_UI_ID_INPUT;
		*label = in->label ? in->label : "";
	} else if (id >= KIOSK_UI_ID_KEY && id < KIOSK_UI_ID_PAGE) {
		const struct ui_key *k = ui_keyboard_key(&u->kb, id);
		static const char *const actions[] = {
		    "KEY",	   "KEY_BACKSPACE", "KEY_SHIFT",
		    "KEY_SYMBOLS", "KEY_LETTERS",   "KEY_ENTER",
		    "KEY_ACCENTS",
		};

		*name =
		    k && (unsigned)k->action < 7 ? actions[k->action] : "KEY";
		*index = id - KIOSK_UI_ID_KEY;
		*label = k ? (k->action == UI_KEY_TEXT && k->text ? k->text
			      : k->label			  ? k->label
								  : "")
			   : "";
	} else if (id == KIOSK_UI_ID_PAGE) {
		*name = "PAGE_PREV";
	} else if (id == KIOSK_UI_ID_PAGE + 1) {
		*name = "PAGE_NEXT";
	} else {
		*name = "";
	}
}

int kiosk_ui_targets_json(const struct kiosk_ui *u, const struct flow_view *v,
			  const struct ui_scale *sc, FILE *f)
{
	const char *scene = flow_scene_name(v->scene), *name, *label;
	int index;

	id_info(u, v, ui_targets_focused(&u->ts), &name, &index, &label);
	fputs("{\"scene\":", f);
	json_str(f, scene);
	fprintf(
	    f, ",\"lang\":\"%s\",\"focus\":", v->lang == LANG_EN ? "en" : "id");
	json_str(f, name);
	fputs("}\n", f);
	for (size_t i = 0; i < u->ts.n; i++) {
		SDL_Rect b = ui_scale_rect(sc, u->ts.t[i].box);
		float ax, ay, bx, by;
		int x0, y0, x1, y1;

		/* Canvas pixels to the output's, through the rotation. */
		ui_touch_unmap(sc->rot, b.x, b.y, sc->canvas_w, sc->canvas_h,
			       &ax, &ay);
		ui_touch_unmap(sc->rot, b.x + b.w - 1, b.y + b.h - 1,
			       sc->canvas_w, sc->canvas_h, &bx, &by);
		x0 = (int)((ax < bx ? ax : bx) * (float)sc->out_w);
		x1 = (int)((ax < bx ? bx : ax) * (float)sc->out_w);
		y0 = (int)((ay < by ? ay : by) * (float)sc->out_h);
		y1 = (int)((ay < by ? by : ay) * (float)sc->out_h);
		id_info(u, v, u->ts.t[i].id, &name, &index, &label);
		fputs("{\"scene\":", f);
		json_str(f, scene);
		fputs(",\"id\":", f);
		json_str(f, name);
		fprintf(f, ",\"index\":%d,\"label\":", index);
		json_str(f, label);
		fprintf(f, ",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d}\n", x0, y0,
			x1 - x0 + 1, y1 - y0 + 1);
	}
	return ferror(f) ? -1 : 0;
}
