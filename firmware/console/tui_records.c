// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The Kasubbag's records from the TUI: the daily supervision (SOP step 7,
 * queue_supervise(), as `supervise` records it) and the monthly report's
 * hand-over to the Kabag (SOP step 8, queue_report_handover(), as
 * `report-handover`).  Refused with the permission table's reason for any
 * other role, before anything is asked.
 */

#include <stdio.h>
#include <string.h>

#include "tui.h"

/* The permission @p perm, or a refusal on the message line. */
static bool may(struct tui *t, enum wf_perm perm, const char *what)
{
	const struct text *why;

	if (workflow_may(t->c->actor.roles, perm, &why))
		return true;
	tui_msg(t, TUI_LOOK_ERROR, "%s: %s (%s)", what, why->id, why->en);
	return false;
}

/* The outcome of a record on the message line. */
static void outcome(struct tui *t, int rc, const char *done)
{
	if (rc < 0) {
		tui_msg(t, TUI_LOOK_ERROR, "Tidak dicatat / Not recorded: %s",
			queue_errmsg(t->q));
		return;
	}
	tui_wrote(t);
	tui_msg(t, TUI_LOOK_OK, "%s (%s)", done, t->c->login);
}

void tui_records_supervise(struct tui *t)
{
	char note[1024] = "", day[16], done[96];
	struct date today;

	if (!may(t, WF_PERM_SUPERVISE, "supervisi/supervise"))
		return;
	t->c->now = time(NULL);
	today = console_today(t->c);
	date_format(today, day, sizeof(day));
	snprintf(done, sizeof(done), "Supervisi harian / Daily supervision %s",
		 day);
	if (!tui_ask(t, done, "Catatan (yang ditinjau) / Note", note,
		     sizeof(note)) ||
	    !*note) {
		tui_msg(t, TUI_LOOK_NORMAL,
			"Dibatalkan (catatan wajib) / Cancelled (a note is "
			"required)");
		return;
	}
	snprintf(done, sizeof(done), "%s ditinjau / reviewed", day);
	outcome(t, queue_supervise(t->q, today, note, &t->c->actor, t->c->now),
		done);
	explicit_bzero(note, sizeof(note));
}

void tui_records_report_handover(struct tui *t)
{
	char month[16], note[512] = "", done[96];
	struct tui_field f[2] = {
	    {.label = "Bulan / Month (YYYY-MM)",
	     .type = TUI_FIELD_TEXT,
	     .buf = month,
	     .len = sizeof(month)},
	    {.label = "Catatan / Note (boleh kosong/optional)",
	     .type = TUI_FIELD_TEXT,
	     .buf = note,
	     .len = sizeof(note)},
	};
	struct date today;
	int year, mon, used = 0;

	if (!may(t, WF_PERM_REPORT, "laporan/report"))
		return;
	t->c->now = time(NULL);
	today = console_today(t->c);
	snprintf(month, sizeof(month), "%04d-%02d", today.year, today.month);
	if (!tui_form(t,
		      "Laporan bulanan diserahkan ke Kabag / Monthly report "
		      "handed to the Kabag",
		      f, 2, NULL, NULL)) {
		tui_msg(t, TUI_LOOK_NORMAL, "Dibatalkan / Cancelled");
		return;
	}
	if (sscanf(month, "%4d-%2d%n", &year, &mon, &used) != 2 ||
	    month[used] || strlen(month) != 7) {
		tui_msg(t, TUI_LOOK_ERROR,
			"'%s' bukan YYYY-MM / is not YYYY-MM", month);
		return;
	}
	snprintf(done, sizeof(done),
		 "Laporan %s diserahkan / report handed over", month);
	outcome(t,
		queue_report_handover(t->q, year, mon, *note ? note : NULL,
				      &t->c->actor, t->c->now),
		done);
}
