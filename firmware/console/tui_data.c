// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What the TUI's views show, re-read from the queue (view.c) whenever
 * another process commits, and filtered for the view and search in force.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

static bool row_in_view(const struct view_row *row, enum tui_view v)
{
	switch (v) {
	case TUI_V_NEW:
		return view_row_is_new(row);
	case TUI_V_PROGRESS:
		return view_row_in_progress(row);
	case TUI_V_DUE:
		return view_row_is_urgent(row);
	default:
		return false;
	}
}

void tui_data_filter(struct tui *t)
{
	size_t *shown = NULL;

	t->n_shown = 0;
	for (int v = 0; v < TUI_V_COUNT; v++)
		t->counts[v] = 0;
	if (t->n_rows)
		shown = realloc(t->shown, t->n_rows * sizeof(*shown));
	if (t->n_rows && !shown) {
		tui_msg(t, TUI_LOOK_ERROR, "Memori habis / Out of memory");
		return;
	}
	if (shown)
		t->shown = shown;
	for (size_t i = 0; i < t->n_rows; i++) {
		const struct view_row *row = &t->rows[i];
		bool match = view_row_matches(row, t->search);

		for (int v = 0; v < TUI_V_CALLS; v++)
			if (row_in_view(row, (enum tui_view)v))
				t->counts[v]++;
		/* A search looks through every request, closed ones too. */
		if (*t->search
			? match
			: row_in_view(row, t->view) && t->view < TUI_V_CALLS)
			t->shown[t->n_shown++] = i;
	}
	t->counts[TUI_V_CALLS] = t->n_calls;
	t->counts[TUI_V_JOBS] = t->n_jobs;
}

void tui_data_reload(struct tui *t)
{
	struct queue_filter f = {.status = -1, .limit = TUI_MAX_ROWS};
	struct view_row *rows;
	struct view_call *calls;
	struct view_job *jobs;
	long n_rows, n_calls, n_jobs;
	struct date today;

	t->c->now = time(NULL);
	today = console_today(t->c);
	f.today = today;
	if (queue_load_calendar(t->q, t->cal) < 0)
		goto fail;
	n_rows = view_rows_load(t->q, &f, t->cal, today, TUI_MAX_ROWS, &rows);
	if (n_rows < 0)
		goto fail;
	n_calls = view_calls_load(t->q, false, TUI_MAX_CALLS, &calls);
	if (n_calls < 0) {
		view_rows_free(rows, (size_t)n_rows);
		goto fail;
	}
	n_jobs = view_jobs_load(t->q, TUI_MAX_JOBS, &jobs);
	if (n_jobs < 0) {
		view_rows_free(rows, (size_t)n_rows);
		free(calls);
		goto fail;
	}
	view_rows_free(t->rows, t->n_rows);
	free(t->calls);
	free(t->jobs);
	t->rows = rows;
	t->n_rows = (size_t)n_rows;
	t->calls = calls;
	t->n_calls = (size_t)n_calls;
	t->jobs = jobs;
	t->n_jobs = (size_t)n_jobs;
	t->n_pending = 0;
	for (size_t i = 0; i < t->n_calls; i++)
		if (!t->calls[i].acked_at)
			t->n_pending++;
	/* A banner about a call someone else acknowledged goes away. */
	if (t->banner_call) {
		bool waiting = false;

		for (size_t i = 0; i < t->n_calls; i++)
			if (t->calls[i].id == t->banner_call &&
			    !t->calls[i].acked_at)
				waiting = true;
		if (!waiting) {
			t->banner[0] = '\0';
			t->banner_call = 0;
		}
	}
	tui_data_filter(t);
	if (t->in_detail)
		tui_data_reload_detail(t);
	return;
fail:
	tui_msg(t, TUI_LOOK_ERROR, "Gagal membaca / Cannot read: %s",
		queue_errmsg(t->q));
}

void tui_data_reload_detail(struct tui *t)
{
	struct view_detail d;

	if (view_detail_load(t->q, t->detail_regno, t->cal, console_today(t->c),
			     false, &d) < 0) {
		tui_msg(t, TUI_LOOK_ERROR, "%s", queue_errmsg(t->q));
		return;
	}
	view_detail_free(&t->detail);
	t->detail = d;
	explicit_bzero(&d, sizeof(d));
}

void tui_data_free(struct tui *t)
{
	view_rows_free(t->rows, t->n_rows);
	t->rows = NULL;
	t->n_rows = 0;
	free(t->shown);
	t->shown = NULL;
	free(t->calls);
	t->calls = NULL;
	free(t->jobs);
	t->jobs = NULL;
	view_detail_free(&t->detail);
}
