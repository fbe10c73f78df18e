// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The view of the current scene, and the helpers the scene files use to
 * build theirs.  Each scene's view function lives beside its handlers.
 */

#include <stdio.h>
#include <string.h>

#include "flow_internal.h"

const char *view_text(const struct flow_view *v, const struct text *t)
{
	return t ? text_get(t, v->lang) : NULL;
}

const char *view_fmt(struct flow_view *v, const char *fmt, ...)
{
	size_t room = sizeof(v->scratch) - v->used;
	char *dst = v->scratch + v->used;
	va_list ap;
	int n;

	if (room < 2)
		return "";
	va_start(ap, fmt);
	n = vsnprintf(dst, room, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= room) {
		dst[0] = '\0';
		return "";
	}
	v->used += (size_t)n + 1;
	return dst;
}

void view_line(struct flow_view *v, const char *label, const char *value,
	       enum flow_line_style style)
{
	struct flow_view_line *l;

	if (v->n_lines == FLOW_VIEW_LINES)
		return;
	l = &v->lines[v->n_lines++];
	l->label = label;
	l->value = value ? value : "";
	l->style = style;
}

struct flow_view_button *view_button(struct flow_view *v, enum flow_tap tap,
				     int index, const struct text *t)
{
	struct flow_view_button *b;

	/* Never full with the screens we have (a test checks); when it
	 * were, the last button is reused so callers stay simple. */
	if (v->n_buttons == FLOW_VIEW_BUTTONS)
		v->n_buttons--;
	b = &v->buttons[v->n_buttons++];
	memset(b, 0, sizeof(*b));
	b->tap = tap;
	b->index = index;
	b->label = view_text(v, t);
	return b;
}

void view_common_buttons(struct flow_view *v)
{
	view_button(v, FLOW_TAP_LANG, 0, &flow_txt_lang);
	view_button(v, FLOW_TAP_CALL, 0, &flow_txt_call);
}

const char *view_date(struct flow_view *v, struct date d)
{
	if (!date_valid(d.year, d.month, d.day))
		return "";
	return view_fmt(v, "%d %s %d", d.day,
			date_month_name(d.month, v->lang == LANG_EN), d.year);
}

void flow_view(const struct flow *f, struct flow_view *v)
{
	const struct flow_model *m = &f->m;

	memset(v, 0, sizeof(*v));
	v->scene = m->scene;
	v->under = m->scene == FLOW_SCENE_IDLE ? m->under : m->scene;
	v->lang = m->lang;
	v->error = view_text(v, m->error);
	v->notice = view_text(v, m->notice);
	flow_scene_ops(m->scene)->view(f, v);
}

const struct flow_view_button *flow_view_button(const struct flow_view *v,
						enum flow_tap tap, int index)
{
	for (int i = 0; i < v->n_buttons; i++)
		if (v->buttons[i].tap == tap && v->buttons[i].index == index)
			return &v->buttons[i];
	return NULL;
}
