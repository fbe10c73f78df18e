// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The TUI's list views: new requests, in progress, due soon / overdue (or
 * the results of a search), calls and collections, print jobs.  A table
 * with a cursor; Enter opens the request under it.
 */

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui.h"

#define W_REGNO	 26 /* "0001/PPID/KPU-BKL/XII/2026" */
#define W_STATUS 12 /* "coordinating" */
#define W_DUE	 10 /* "2026-12-16" */
#define W_LEFT	 12 /* "lewat/late 3" */

static bool requests_view(const struct tui *t)
{
	return *t->search || t->view < TUI_V_CALLS;
}

/* How many rows the current view has. */
static int view_len(const struct tui *t)
{
	if (requests_view(t))
		return (int)t->n_shown;
	return (int)(t->view == TUI_V_CALLS ? t->n_calls : t->n_jobs);
}

/* Keep the cursor inside the view and on screen (@p h rows). */
static void clamp(struct tui *t, int h)
{
	int n = view_len(t), *sel = &t->sel[t->view], *top = &t->top[t->view];

	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	if (h < 1)
		h = 1;
	if (*sel < *top)
		*top = *sel;
	if (*sel >= *top + h)
		*top = *sel - h + 1;
	if (*top < 0)
		*top = 0;
}

/* A cell of @p w columns and the blank after it. @return the next x. */
static int column(int y, int x, const char *s, int w, int a)
{
	tui_cell(y, x, s, w, a);
	tui_cell(y, x + w, " ", 1, a);
	return x + w + 1;
}

static void left_words(const struct view_row *row, char *buf, size_t len)
{
	switch (row->due_state) {
	case VIEW_DUE_DONE:
		snprintf(buf, len, "-");
		break;
	case VIEW_DUE_OVERDUE:
		snprintf(buf, len, "lewat/late %d", -row->left);
		break;
	default:
		snprintf(buf, len, "%d hk/wd", row->left);
		break;
	}
}

static void draw_requests(struct tui *t, int y0, int y1)
{
	int name_w = COLS - W_REGNO - W_STATUS - W_DUE - W_LEFT - 4;
	int h = y1 - y0 - 1, hdr = tui_attr(t, TUI_LOOK_HEADER);

	if (name_w < 8)
		name_w = 8;
	tui_cell(y0, 0, "NOMOR/NUMBER", W_REGNO + 1, hdr);
	tui_cell(y0, W_REGNO + 1, "NAMA/NAME", name_w + 1, hdr);
	tui_cell(y0, W_REGNO + name_w + 2, "STATUS", W_STATUS + 1, hdr);
	tui_cell(y0, W_REGNO + name_w + W_STATUS + 3, "BATAS/DUE", W_DUE + 1,
		 hdr);
	tui_cell(y0, W_REGNO + name_w + W_STATUS + W_DUE + 4, "SISA/LEFT",
		 W_LEFT, hdr);
	if (!t->n_shown) {
		tui_cell(y0 + 1, 1,
			 *t->search ? "Tidak ditemukan / Nothing found"
				    : "Tidak ada / None",
			 COLS - 1, A_NORMAL);
		return;
	}
	clamp(t, h);
	for (int i = 0; i < h; i++) {
		int k = t->top[t->view] + i, a = A_NORMAL, x = 0;
		const struct view_row *row;
		char left[32];

		if (k >= (int)t->n_shown)
			break;
		row = &t->rows[t->shown[k]];
		if (row->due_state == VIEW_DUE_OVERDUE)
			a = tui_attr(t, TUI_LOOK_OVERDUE);
		else if (row->due_state == VIEW_DUE_SOON)
			a = tui_attr(t, TUI_LOOK_SOON);
		if (k == t->sel[t->view])
			a = tui_attr(t, TUI_LOOK_SELECTED);
		left_words(row, left, sizeof(left));
		/* Each cell is padded to its column's width, wide
		 * characters counted as two, so the columns line up, and
		 * one blank keeps them apart. */
		x = column(y0 + 1 + i, x, row->regno, W_REGNO, a);
		x = column(y0 + 1 + i, x, row->name, name_w, a);
		x = column(y0 + 1 + i, x, workflow_status_key(row->status),
			   W_STATUS, a);
		x = column(y0 + 1 + i, x, row->due_text, W_DUE, a);
		tui_cell(y0 + 1 + i, x, left, COLS - x, a);
	}
}

static void draw_calls(struct tui *t, int y0, int y1)
{
	int h = y1 - y0 - 1, hdr = tui_attr(t, TUI_LOOK_HEADER);

	tui_cell(y0, 0,
		 "WAKTU/TIME        JENIS/KIND  NOMOR/NUMBER               "
		 "KEADAAN/STATE",
		 COLS, hdr);
	if (!t->n_calls) {
		tui_cell(y0 + 1, 1, "Tidak ada panggilan / No calls", COLS - 1,
			 A_NORMAL);
		return;
	}
	clamp(t, h);
	for (int i = 0; i < h; i++) {
		int k = t->top[t->view] + i, a;
		const struct view_call *c;
		char at[32], line[300];

		if (k >= (int)t->n_calls)
			break;
		c = &t->calls[k];
		date_format_wib(c->at, at, sizeof(at));
		if (c->acked_at)
			snprintf(line, sizeof(line),
				 "%.16s  %-10s  %-25s  diterima/acked %s", at,
				 c->source, *c->regno ? c->regno : "-",
				 c->acked_by);
		else
			snprintf(line, sizeof(line),
				 "%.16s  %-10s  %-25s  MENUNGGU/WAITING", at,
				 c->source, *c->regno ? c->regno : "-");
		a = c->acked_at ? (int)A_NORMAL : tui_attr(t, TUI_LOOK_SOON);
		if (k == t->sel[t->view])
			a = tui_attr(t, TUI_LOOK_SELECTED);
		tui_cell(y0 + 1 + i, 0, line, COLS, a);
	}
}

static void draw_jobs(struct tui *t, int y0, int y1)
{
	int h = y1 - y0 - 1, hdr = tui_attr(t, TUI_LOOK_HEADER);

	tui_cell(y0, 0,
		 "JOB   NOMOR/NUMBER              DOKUMEN/DOC  KEADAAN/STATE  "
		 "ALASAN/REASON",
		 COLS, hdr);
	if (!t->n_jobs) {
		tui_cell(y0 + 1, 1, "Belum ada cetakan / No print jobs",
			 COLS - 1, A_NORMAL);
		return;
	}
	clamp(t, h);
	for (int i = 0; i < h; i++) {
		int k = t->top[t->view] + i, a = A_NORMAL;
		const struct view_job *j;
		char line[400];

		if (k >= (int)t->n_jobs)
			break;
		j = &t->jobs[k];
		snprintf(line, sizeof(line), "%-5lld %-25s %-12s %-14s %s",
			 (long long)j->id, j->regno, j->document,
			 queue_job_state_key(j->state), j->reason);
		if (j->state == QUEUE_JOB_FAILED ||
		    j->state == QUEUE_JOB_CANCELLED)
			a = tui_attr(t, TUI_LOOK_ERROR);
		if (k == t->sel[t->view])
			a = tui_attr(t, TUI_LOOK_SELECTED);
		tui_cell(y0 + 1 + i, 0, line, COLS, a);
	}
}

void tui_lists_draw(struct tui *t, int y0, int y1)
{
	if (requests_view(t))
		draw_requests(t, y0, y1);
	else if (t->view == TUI_V_CALLS)
		draw_calls(t, y0, y1);
	else
		draw_jobs(t, y0, y1);
}

void tui_lists_help(const struct tui *t, char *buf, size_t len)
{
	static const char *const calls[] = {
	    "1-5 lihat/view",  "\u2191\u2193 pilih/move", "a terima/ack",
	    "Enter buka/open", "/ cari/search",		  "q keluar/quit"};
	static const char *const jobs[] = {
	    "1-5 lihat/view", "\u2191\u2193 pilih/move", "Enter buka/open",
	    "r cetak ulang/reprint", "q keluar/quit"};
	unsigned roles = t->c->actor.roles;
	const char *items[12];
	size_t n = 0;

	if (t->view == TUI_V_CALLS && !*t->search) {
		tui_help(buf, len, calls, sizeof(calls) / sizeof(*calls));
		return;
	}
	if (t->view == TUI_V_JOBS && !*t->search) {
		tui_help(buf, len, jobs, sizeof(jobs) / sizeof(*jobs));
		return;
	}
	/* The keys this role may use; what does not fit at the end is on
	 * the '?' page. */
	items[n++] = "1-5 lihat/view";
	items[n++] = "Enter buka/open";
	items[n++] = "/ cari/search";
	if (workflow_may(roles, WF_PERM_SUBMIT, NULL))
		items[n++] = "i baru/new";
	items[n++] = "a terima/ack";
	items[n++] = "R lapor/report";
	items[n++] = "q keluar/quit";
	if (workflow_may(roles, WF_PERM_SUPERVISE, NULL))
		items[n++] = "S tinjau/review";
	if (workflow_may(roles, WF_PERM_REPORT, NULL))
		items[n++] = "K ke Kabag/to Kabag";
	tui_help(buf, len, items, n);
}

/* The number of the request under the cursor, or NULL. */
static const char *selected_regno(const struct tui *t)
{
	int k = t->sel[t->view];

	if (k < 0 || k >= view_len(t))
		return NULL;
	if (requests_view(t))
		return t->rows[t->shown[k]].regno;
	if (t->view == TUI_V_CALLS)
		return *t->calls[k].regno ? t->calls[k].regno : NULL;
	return t->jobs[k].regno;
}

/* 'a': the call under the cursor in the calls view, else the one on the
 * banner, else the oldest waiting one. */
static void ack_key(struct tui *t)
{
	int k = t->sel[TUI_V_CALLS];

	if (t->view == TUI_V_CALLS && !*t->search && k >= 0 &&
	    k < (int)t->n_calls && !t->calls[k].acked_at) {
		tui_act_ack(t, t->calls[k].id);
		return;
	}
	if (t->banner_call) {
		tui_act_ack(t, t->banner_call);
		return;
	}
	for (size_t i = t->n_calls; i-- > 0;)
		if (!t->calls[i].acked_at) {
			tui_act_ack(t, t->calls[i].id);
			return;
		}
	tui_msg(t, TUI_LOOK_NORMAL,
		"Tidak ada panggilan menunggu / No call is waiting");
}

static void search_key(struct tui *t)
{
	char needle[sizeof(t->search)];

	snprintf(needle, sizeof(needle), "%s", t->search);
	if (!tui_ask(t, "Cari / Search", "Nomor atau nama / Number or name",
		     needle, sizeof(needle)))
		return;
	snprintf(t->search, sizeof(t->search), "%s", needle);
	t->sel[t->view] = 0;
	t->top[t->view] = 0;
	tui_data_filter(t);
	/* A number typed in full opens at once. */
	for (size_t i = 0; i < t->n_rows && *needle; i++)
		if (strcmp(t->rows[i].regno, needle) == 0) {
			tui_detail_open(t, needle);
			return;
		}
	tui_msg(t, TUI_LOOK_NORMAL, "%zu ditemukan / found", t->n_shown);
}

bool tui_lists_key(struct tui *t, int key)
{
	int page = LINES - 6 > 1 ? LINES - 6 : 1;
	const char *regno;

	switch (key) {
	case KEY_UP:
	case 'k':
		t->sel[t->view]--;
		break;
	case KEY_DOWN:
	case 'j':
		t->sel[t->view]++;
		break;
	case KEY_PPAGE:
		t->sel[t->view] -= page;
		break;
	case KEY_NPAGE:
		t->sel[t->view] += page;
		break;
	case KEY_HOME:
		t->sel[t->view] = 0;
		break;
	case KEY_END:
		t->sel[t->view] = view_len(t) - 1;
		break;
	case '\n':
	case '\r':
	case KEY_ENTER:
		regno = selected_regno(t);
		if (regno)
			tui_detail_open(t, regno);
		break;
	case '/':
		search_key(t);
		break;
	case 'a':
		ack_key(t);
		break;
	case 'i':
		tui_add(t);
		break;
	case 'R':
		tui_report_menu(t);
		break;
	case 'S':
		tui_records_supervise(t);
		break;
	case 'K':
		tui_records_report_handover(t);
		break;
	case 'r':
		if (t->view != TUI_V_JOBS || *t->search)
			return false;
		regno = selected_regno(t);
		if (regno)
			tui_act_print(t, regno, true, NULL);
		break;
	case 27: /* Esc: leave the search */
		if (!*t->search)
			return false;
		t->search[0] = '\0';
		tui_data_filter(t);
		break;
	default:
		if (key >= '1' && key < '1' + TUI_V_COUNT) {
			t->view = (enum tui_view)(key - '1');
			t->search[0] = '\0';
			tui_data_filter(t);
			break;
		}
		if (key == '\t') {
			t->view = (enum tui_view)((t->view + 1) % TUI_V_COUNT);
			t->search[0] = '\0';
			tui_data_filter(t);
			break;
		}
		return false;
	}
	clamp(t, LINES - 6);
	return true;
}
