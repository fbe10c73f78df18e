// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's screens: the title bar and the navigation row.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_ui_internal.h"

/* ---- the title bar -------------------------------------------------------------- */

static bool has_warning(const struct flow_view *v)
{
	for (int i = 0; i < v->n_lines; i++)
		if (v->lines[i].style == FLOW_LINE_WARNING)
			return true;
	return false;
}

int kui_title_bar(struct lay *L)
{
	const struct flow_view *v = L->v;
	int lang = kui_find_tap(v, FLOW_TAP_LANG), done = 0, total = 0;
	const char *lang_label = lang >= 0 ? v->buttons[lang].label : NULL;
	int lw = lang >= 0
		     ? kui_text_w(L, lang_label, UI_TEXT_BODY, UI_FONT_BOLD) +
			   BTN_PAD
		     : 0;
	const char *progress = v->progress;
	int pw;
	const char *title = v->title ? v->title : "";
	enum ui_color tcol = UI_COLOR_TEXT;
	int sizes[] = {UI_TEXT_TITLE, UI_TEXT_LARGE, UI_TEXT_BODY};
	int size = UI_TEXT_BODY, tw, th, bar_h, x;
	unsigned flags = 0;
	bool below = false; /* the progress on a row of its own */

	if (progress && L->compact &&
	    kui_progress_nums(progress, &done, &total) == 2) {
		/* Short of room: "3/9". */
		snprintf(L->u->prog, sizeof(L->u->prog), "%d/%d", done, total);
		progress = L->u->prog;
	}
	pw = progress ? kui_text_w(L, progress, UI_TEXT_BODY, UI_FONT_REGULAR)
		      : 0;

	/* Short of room (a keyboard): the error takes the title's place. */
	if (L->compact && v->error) {
		title = v->error;
		tcol = UI_COLOR_DANGER;
	}
	tw = L->w - 2 * M - (lang >= 0 ? lw + G : 0) - (pw ? pw + G : 0);
	if (lang >= 0 && (L->compact || kui_text_w(L, title, UI_TEXT_BODY,
						   UI_FONT_BOLD) > tw)) {
		/* The compact key: the other language's code. */
		snprintf(L->u->lang_code, sizeof(L->u->lang_code), "%s",
			 v->lang == LANG_EN ? "ID" : "EN");
		lang_label = L->u->lang_code;
		lw = LANG_W;
		tw = L->w - 2 * M - lw - G - (pw ? pw + G : 0);
	}
	if (L->compact && pw &&
	    kui_text_w(L, title, UI_TEXT_BODY, UI_FONT_BOLD) > tw) {
		/* Typing, short of room: the title before the progress. */
		tw += pw + G;
		pw = 0;
	}
	if (pw && tw < (L->w - 2 * M) / 2) {
		/* Narrow (portrait): the progress goes under the title. */
		below = true;
		tw += pw + G;
	}
	th = 0;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size = sizes[i];
		if (kui_text_w(L, title, size, UI_FONT_BOLD) <= tw) {
			th = kui_text_h(L, M, tw, title, size, UI_FONT_BOLD);
			break;
		}
	}
	if (!th) {
		/* Typing across a landscape canvas leaves one line; so does
		 * the home screen with a warning (the choices and the
		 * warning come before the office's full name). */
		bool one = L->compact ||
			   (v->scene == FLOW_SCENE_WELCOME && has_warning(v));

		size = UI_TEXT_BODY;
		flags = one ? UI_TEXT_ELLIPSIS : UI_TEXT_WRAP;
		th =
		    kui_text_h(L, M, tw, one ? "A" : title, size, UI_FONT_BOLD);
	}
	bar_h = th > 56 ? th : 56;
	kui_text(L, (SDL_Rect){M, M, tw, bar_h}, title, size, UI_FONT_BOLD,
		 tcol, UI_ALIGN_START, flags);
	x = M + tw + G;
	if (pw && !below) {
		kui_text(L, (SDL_Rect){x, M, pw, bar_h}, progress, UI_TEXT_BODY,
			 UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED, UI_ALIGN_END, 0);
		x += pw + G;
	}
	if (lang >= 0)
		kui_button(
		    L, lang,
		    (SDL_Rect){L->w - M - lw, M + (bar_h - 56) / 2, lw, 56},
		    lang_label, UI_BUTTON_SECONDARY, false);
	if (below) {
		int y = M + bar_h + 4;
		int rh = kui_text_h(L, M, pw, progress, UI_TEXT_BODY,
				    UI_FONT_REGULAR);

		kui_text(L, (SDL_Rect){M, y, pw, rh}, progress, UI_TEXT_BODY,
			 UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED, UI_ALIGN_START,
			 0);
		if (kui_progress_nums(v->progress, &done, &total) == 2 &&
		    ui_progress_draw((SDL_Rect){M + pw + G, y + rh / 2 - 4,
						L->w - 2 * M - pw - G, 8},
				     done, total, L->l) != 0)
			L->err = 1;
		return y + rh + G;
	}
	if (v->progress && !L->compact &&
	    kui_progress_nums(v->progress, &done, &total) == 2) {
		if (ui_progress_draw(
			(SDL_Rect){M, M + bar_h + 4, L->w - 2 * M, 8}, done,
			total, L->l) != 0)
			L->err = 1;
		return M + bar_h + 4 + 8 + G;
	}
	return M + bar_h + G;
}

/* ---- the navigation row ----------------------------------------------------- */

static const char *nav_label(struct lay *L, int id)
{
	if (id == KIOSK_UI_ID_PAGE)
		return "\xe2\x96\xb2"; /* ▲ */
	if (id == KIOSK_UI_ID_PAGE + 1)
		return "\xe2\x96\xbc"; /* ▼ */
	if (id < 0 || id >= L->v->n_buttons || id >= FLOW_VIEW_BUTTONS)
		return "";
	return L->v->buttons[id].label;
}

static void page_key(struct lay *L, int id, SDL_Rect box)
{
	bool off = id == KIOSK_UI_ID_PAGE ? L->u->page == 0
					  : L->u->page >= L->u->n_pages - 1;
	struct ui_button b = {
	    .box = box,
	    .label = id == KIOSK_UI_ID_PAGE ? "\xe2\x96\xb2" : "\xe2\x96\xbc",
	    .kind = UI_BUTTON_SECONDARY,
	    .symbol = true,
	    .focused = L->u->ts.focus == id,
	    .pressed = L->u->pressed == id,
	    .disabled = off,
	};

	if (ui_button_draw(&b, L->l) != 0)
		L->err = 1;
	if (!off && ui_targets_add(&L->u->ts, id, box) != 0)
		L->err = 1;
}

int kui_natural_w(struct lay *L, int id)
{
	if (id >= KIOSK_UI_ID_PAGE)
		return PAGE_W;
	return kui_text_w(L, nav_label(L, id), UI_TEXT_BODY, UI_FONT_BOLD) +
	       BTN_PAD;
}

/* Share @p avail among buttons [from, to) of one row. */
static int nav_row(struct lay *L, struct nav *nv, int from, int to, int avail,
		   int r)
{
	int total = 0, cap = 0, n = to - from, h = NAV_H;

	avail -= G * (n - 1);
	for (int i = from; i < to; i++) {
		nv->w[i] = kui_natural_w(L, nv->ids[i]);
		nv->row[i] = r;
		total += nv->w[i];
		if (nv->w[i] > cap)
			cap = nv->w[i];
	}
	if (total <= avail) {
		/* Room to spare: every button but the page keys grows. */
		int grow = 0;

		for (int i = from; i < to; i++)
			grow += nv->ids[i] < KIOSK_UI_ID_PAGE;
		for (int i = from; i < to; i++)
			if (nv->ids[i] < KIOSK_UI_ID_PAGE && grow)
				nv->w[i] += (avail - total) / grow;
	} else {
		/* Too wide: the widest give way first (their labels wrap),
		 * the short ones keep their words whole. */
		while (cap > 0) {
			int sum = 0;

			for (int i = from; i < to; i++)
				sum += nv->w[i] < cap ? nv->w[i] : cap;
			if (sum <= avail)
				break;
			cap--;
		}
		for (int i = from; i < to; i++)
			if (nv->w[i] > cap)
				nv->w[i] = cap;
	}
	total = 0;
	for (int i = from; i < to; i++)
		total += nv->w[i];
	{
		int last = to - 1;

		while (last > from && nv->ids[last] >= KIOSK_UI_ID_PAGE)
			last--;
		nv->w[last] += avail - total;
	}
	for (int i = from; i < to; i++) {
		int bh = kui_text_h(L, 0, nv->w[i] - BTN_PAD,
				    nav_label(L, nv->ids[i]), UI_TEXT_BODY,
				    UI_FONT_BOLD) +
			 12;

		if (bh > h)
			h = bh;
	}
	nv->row_h[r] = h;
	return cap;
}

void kui_nav_plan(struct lay *L, struct nav *nv, int avail, bool pages)
{
	const struct flow_view *v = L->v;
	int back = kui_find_tap(v, FLOW_TAP_BACK), prim = kui_primary_button(v);
	int from = 0, used = 0, rows = 0, split = 0, widest = 0;

	memset(nv, 0, sizeof(*nv));
	if (back >= 0)
		nv->ids[nv->n++] = back;
	for (int i = 0; i < v->n_buttons; i++)
		if (i != back && i != prim &&
		    v->buttons[i].tap != FLOW_TAP_LANG &&
		    !kui_is_content(v, &v->buttons[i]))
			nv->ids[nv->n++] = i;
	if (prim >= 0 && prim != back)
		nv->ids[nv->n++] = prim;
	if (pages) {
		/* Portrait: the page keys around Back, a row of their own. */
		int at = back >= 0 ? 1 : 0;

		memmove(&nv->ids[2 + at], &nv->ids[at],
			(size_t)(nv->n - at) * sizeof(int));
		nv->ids[0] = KIOSK_UI_ID_PAGE;
		if (at)
			nv->ids[1] = back;
		nv->ids[1 + at] = KIOSK_UI_ID_PAGE + 1;
		nv->n += 2;
		split = 2 + at;
	}
	if (!nv->n)
		return;
	/* Landscape: one row, the longest labels on two lines, unless that
	 * squeezes a label too hard. */
	for (int i = 0; i < nv->n; i++)
		if (kui_natural_w(L, nv->ids[i]) > widest)
			widest = kui_natural_w(L, nv->ids[i]);
	if (L->w > L->h && !pages &&
	    nav_row(L, nv, 0, nv->n, avail, 0) >= widest * 2 / 3) {
		nv->h = nv->row_h[0];
		return;
	}
	/* Rows filled left to right at the labels' own widths; a row that
	 * is full starts the next (the primary action is last). */
	for (int i = 0; i <= nv->n; i++) {
		int w = i < nv->n ? kui_natural_w(L, nv->ids[i]) : 0;
		bool end = i == nv->n || i == split ||
			   (i > from && used + G + w > avail);

		if (i > from && end && rows < NAV_ROWS - 1) {
			nav_row(L, nv, from, i, avail, rows++);
			from = i;
			used = 0;
		} else if (i == nv->n && i > from) {
			nav_row(L, nv, from, i, avail, rows++);
			from = i;
		}
		used += (used ? G : 0) + w;
	}
	nv->h = 0;
	for (int r = 0; r < rows; r++)
		nv->h += nv->row_h[r] + (r ? G : 0);
}

static int nav_side_at(struct lay *L, struct nav *nv, int w, int avail_h)
{
	const struct flow_view *v = L->v;
	int back = kui_find_tap(v, FLOW_TAP_BACK), prim = kui_primary_button(v);

	memset(nv, 0, sizeof(*nv));
	nv->ids[nv->n++] = KIOSK_UI_ID_PAGE;
	nv->ids[nv->n++] = KIOSK_UI_ID_PAGE + 1;
	if (back >= 0)
		nv->ids[nv->n++] = back;
	for (int i = 0; i < v->n_buttons && nv->n < FLOW_VIEW_BUTTONS; i++)
		if (i != back && i != prim &&
		    v->buttons[i].tap != FLOW_TAP_LANG &&
		    !kui_is_content(v, &v->buttons[i]))
			nv->ids[nv->n++] = i;
	if (prim >= 0 && prim != back && nv->n < FLOW_VIEW_BUTTONS)
		nv->ids[nv->n++] = prim;
	if (nv->n - 1 > NAV_ROWS)
		return -1;
	/* The page keys side by side on top, then one button a row. */
	nav_row(L, nv, 0, 2, w, 0);
	nv->w[0] = (w - G) / 2;
	nv->w[1] = w - G - nv->w[0];
	nv->h = nv->row_h[0];
	for (int i = 2; i < nv->n; i++) {
		nav_row(L, nv, i, i + 1, w, i - 1);
		if (kui_text_w(L, nav_label(L, nv->ids[i]), UI_TEXT_BODY,
			       UI_FONT_BOLD) > 0 &&
		    nv->w[i] < UI_TARGET_MIN)
			return -1;
		nv->h += G + nv->row_h[i - 1];
	}
	return nv->h <= avail_h ? 0 : -1;
}

int kui_nav_side(struct lay *L, struct nav *nv, int *w, int avail_h)
{
	/* As narrow as lets every label keep its words whole and the
	 * column fit the height. */
	for (int sw = SIDE_W_MIN; sw <= SIDE_W_MAX; sw += 20)
		if (nav_side_at(L, nv, sw, avail_h) == 0) {
			*w = sw;
			return 0;
		}
	return -1;
}

void kui_nav_draw(struct lay *L, const struct nav *nv, int x0, int y)
{
	int x = x0;

	for (int i = 0; i < nv->n; i++) {
		int id = nv->ids[i];

		if (i > 0 && nv->row[i] != nv->row[i - 1]) {
			x = x0;
			y += nv->row_h[nv->row[i - 1]] + G;
		}
		if (id >= KIOSK_UI_ID_PAGE)
			page_key(
			    L, id,
			    (SDL_Rect){x, y, nv->w[i], nv->row_h[nv->row[i]]});
		else
			kui_button(
			    L, id,
			    (SDL_Rect){x, y, nv->w[i], nv->row_h[nv->row[i]]},
			    nav_label(L, id), kui_kind_of(&L->v->buttons[id]),
			    false);
		x += nv->w[i] + G;
	}
}

/* The page keys: a tall pair at the column's right edge. */
void kui_page_keys(struct lay *L, int x, int y, int h)
{
	int kh = (h - G) / 2;

	for (int i = 0; i < 2; i++) {
		int id = KIOSK_UI_ID_PAGE + i;
		bool off =
		    i == 0 ? L->u->page == 0 : L->u->page >= L->u->n_pages - 1;
		struct ui_button b = {
		    .box = {x, y + i * (kh + G), PAGE_W, kh},
		    .label = nav_label(L, id),
		    .kind = UI_BUTTON_SECONDARY,
		    .symbol = true,
		    .focused = kui_focused(L, id),
		    .pressed = L->u->pressed == id,
		    .disabled = off,
		};

		if (ui_button_draw(&b, L->l) != 0)
			L->err = 1;
		if (!off)
			kui_target(L, id, b.box);
	}
}
