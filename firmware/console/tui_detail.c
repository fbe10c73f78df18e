// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The TUI's detail view: every field of one request (the ID masked), its
 * deadline in working days with the holidays counted, the decision and
 * the history; the keys of the actions this login may take on it.
 */

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docview.h"
#include "safetext.h"
#include "tui.h"

#define LABEL_W 24 /* "Cara memperoleh/Obtain" */

/* Lines are produced in order; those above detail_top are skipped. */
struct out {
	struct tui *t; /* for the looks */
	int y, y1;     /* next row to draw, first row not to */
	int skip;      /* lines still to skip */
	int total;     /* lines produced */
};

static void line(struct out *o, const char *label, const char *text, int a)
{
	o->total++;
	if (o->skip > 0) {
		o->skip--;
		return;
	}
	if (o->y >= o->y1)
		return;
	if (label) {
		tui_cell(o->y, 0, label, LABEL_W,
			 tui_attr(o->t, TUI_LOOK_HEADER));
		tui_cell(o->y, LABEL_W, text, COLS - LABEL_W, a);
	} else {
		tui_cell(o->y, 0, text, COLS, a);
	}
	o->y++;
}

/* A field: its value folded at its line breaks and at the screen's edge
 * (by columns, wide characters counted two). */
static void field_look(struct out *o, const char *label, const char *value,
		       int a)
{
	static char safe[REQ_BUF(REQ_INFO_MAX) * 4];
	int w = COLS - LABEL_W > 10 ? COLS - LABEL_W : 10;
	const char *p = value;
	bool first = true;

	do {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char piece[REQ_BUF(REQ_INFO_MAX)];
		const char *s;

		snprintf(piece, sizeof(piece), "%.*s", (int)n, p);
		safetext_line(piece, 0, safe, sizeof(safe));
		s = safe;
		do {
			size_t k = tui_fit_bytes(s, w);
			char part[1024];

			if (!k && *s)
				k = 1;
			/* Words stay whole where a space allows. */
			if (s[k]) {
				size_t sp = k;

				while (sp > k / 2 && s[sp] != ' ')
					sp--;
				if (s[sp] == ' ')
					k = sp + 1;
			}
			snprintf(part, sizeof(part), "%.*s", (int)k, s);
			line(o, first ? label : "", part, a);
			first = false;
			s += k;
		} while (*s);
		p = nl ? nl + 1 : NULL;
	} while (p);
}

static void field(struct out *o, const char *label, const char *value)
{
	field_look(o, label, value, A_NORMAL);
}

static void deadline_lines(struct out *o, const struct view_detail *d)
{
	const struct request *r = &d->req;
	char due[16], ext[16], buf[200];
	int a = A_NORMAL;

	date_format(r->deadline, due, sizeof(due));
	if (r->extended) {
		date_format(r->extended_deadline, ext, sizeof(ext));
		snprintf(buf, sizeof(buf), "%s, diperpanjang/extended %s", due,
			 ext);
	} else {
		snprintf(buf, sizeof(buf), "%s", due);
	}
	switch (d->row.due_state) {
	case VIEW_DUE_DONE:
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			 " (terpenuhi/met)");
		break;
	case VIEW_DUE_OVERDUE:
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			 " (LEWAT %d hari kerja / OVERDUE by %d working days)",
			 -d->row.left, -d->row.left);
		a = tui_attr(o->t, TUI_LOOK_OVERDUE);
		break;
	default:
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			 " (%d hari kerja lagi / working days left)",
			 d->row.left);
		if (d->row.due_state == VIEW_DUE_SOON)
			a = tui_attr(o->t, TUI_LOOK_SOON);
		break;
	}
	field_look(o, "Tenggat/Deadline", buf, a);
	if (!d->n_holidays)
		line(o, "Libur dihitung/Holidays", "-", A_NORMAL);
	for (size_t i = 0; i < d->n_holidays; i++) {
		date_format(d->holidays[i].day, due, sizeof(due));
		snprintf(buf, sizeof(buf), "%s  %s", due, d->holidays[i].name);
		line(o, i ? "" : "Libur dihitung/Holidays", buf, A_NORMAL);
	}
}

static void history_lines(struct out *o, const struct view_detail *d)
{
	line(o, NULL, "Riwayat / History", tui_attr(o->t, TUI_LOOK_HEADER));
	for (size_t i = 0; i < d->n_events; i++) {
		const struct view_event *e = &d->events[i];
		char at[32], buf[900];

		date_format_wib(e->at, at, sizeof(at));
		snprintf(buf, sizeof(buf), " %.16s %-10s %-8s %s", at,
			 e->action, e->role, e->actor);
		if (*e->to && strcmp(e->from, e->to))
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
				 " %s->%s", *e->from ? e->from : "(baru/new)",
				 e->to);
		if (*e->note)
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
				 " \"%s\"", e->note);
		if (e->dev_mode)
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
				 " [dev]");
		line(o, NULL, buf, A_NORMAL);
	}
}

void tui_detail_draw(struct tui *t, int y0, int y1)
{
	const struct view_detail *d = &t->detail;
	const struct request *r = &d->req;
	struct out o = {.t = t, .y = y0, .y1 = y1, .skip = t->detail_top};
	char buf[1200];

	line(&o, "Nomor/Number", r->regno, A_BOLD);
	snprintf(buf, sizeof(buf), "%s (%s / %s)",
		 workflow_status_key(r->status),
		 workflow_status_label(r->status)->id,
		 workflow_status_label(r->status)->en);
	line(&o, "Status", buf, A_BOLD);
	if (r->decision) {
		snprintf(buf, sizeof(buf), "%s (%s)%s%s%s%s",
			 workflow_decision_key(r->decision),
			 workflow_decision_label(r->decision)->id,
			 *r->basis ? ", Pasal 17 huruf " : "", r->basis,
			 *r->holder ? ", dikuasai/held by " : "", r->holder);
		field(&o, "Keputusan/Decision", buf);
	}
	if (*r->memo)
		field(&o, "Memo", r->memo);
	deadline_lines(&o, d);
	date_format_wib(r->received_at, buf, sizeof(buf));
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), " (%s / %s)",
		 request_channel_label(r->channel)->id,
		 request_channel_label(r->channel)->en);
	line(&o, "Diterima/Received", buf, A_NORMAL);
	date_format_wib(r->created_at, buf, sizeof(buf));
	line(&o, "Dicatat/Entered", buf, A_NORMAL);
	field(&o, "Nama/Name", r->name);
	snprintf(buf, sizeof(buf), "ID (%s)", request_id_type_key(r->id_type));
	line(&o, buf, d->id_shown, A_NORMAL);
	field(&o, "Alamat/Address", r->address);
	field(&o, "Pekerjaan/Occupation", r->occupation);
	field(&o, "Telepon/Phone", r->phone);
	field(&o, "Email", r->email);
	field(&o, "Informasi/Information", r->info);
	field(&o, "Tujuan/Purpose", r->purpose);
	snprintf(buf, sizeof(buf), "%s / %s",
		 request_obtain_label(r->obtain)->id,
		 request_obtain_label(r->obtain)->en);
	line(&o, "Memperoleh/Obtain", buf, A_NORMAL);
	snprintf(buf, sizeof(buf), "%s / %s",
		 request_delivery_label(r->delivery)->id,
		 request_delivery_label(r->delivery)->en);
	line(&o, "Penyampaian/Delivery", buf, A_NORMAL);
	line(&o, "Rezim/Regime", workflow_regime_label(r->regime)->id,
	     A_NORMAL);
	date_format(r->start_date, buf, sizeof(buf));
	line(&o, "Dihitung dari/Counts", buf, A_NORMAL);
	history_lines(&o, d);
	t->detail_lines = o.total;
}

int tui_detail_open(struct tui *t, const char *regno)
{
	snprintf(t->detail_regno, sizeof(t->detail_regno), "%s", regno);
	view_detail_free(&t->detail);
	if (view_detail_load(t->q, regno, t->cal, console_today(t->c), false,
			     &t->detail) < 0) {
		tui_msg(t, TUI_LOOK_ERROR, "%s", queue_errmsg(t->q));
		return -1;
	}
	t->in_detail = true;
	t->detail_top = 0;
	t->msg[0] = '\0';
	return 0;
}

/* The keys of the actions that apply and that this login may take. */
void tui_detail_help(const struct tui *t, char *buf, size_t len)
{
	static char words[16][64];
	const char *items[16];
	const struct request *r = &t->detail.req;
	size_t n, k = 0;
	const struct wf_action *a = workflow_actions(&n);

	items[k++] = "Esc kembali/back";
	for (size_t i = 0; i < n && k < 13; i++) {
		if (!(a[i].from & (1u << r->status)) ||
		    !workflow_may_act(t->c->actor.roles, &a[i], NULL))
			continue;
		snprintf(words[k], sizeof(words[k]), "%c %s",
			 tui_act_key(a[i].name), tui_act_word(a[i].name));
		items[k] = words[k];
		k++;
	}
	if (workflow_may(t->c->actor.roles, WF_PERM_PRINT, NULL)) {
		items[k++] = "r tanda terima/receipt";
		if (r->decision)
			items[k++] = "p pemberitahuan/notice";
	}
	items[k++] = "\u2191\u2193 gulir/scroll";
	tui_help(buf, len, items, k);
}

bool tui_detail_key(struct tui *t, int key)
{
	int page = LINES - 6 > 1 ? LINES - 6 : 1;
	int max_top = t->detail_lines - page;

	switch (key) {
	case 27:
	case 'q':
	case KEY_BACKSPACE:
	case KEY_LEFT:
		t->in_detail = false;
		view_detail_free(&t->detail);
		t->msg[0] = '\0';
		return true;
	case KEY_UP:
	case 'k':
		t->detail_top--;
		break;
	case KEY_DOWN:
	case 'j':
		t->detail_top++;
		break;
	case KEY_PPAGE:
		t->detail_top -= page;
		break;
	case KEY_NPAGE:
	case ' ':
		t->detail_top += page;
		break;
	case 'r':
		tui_act_print(t, t->detail.req.regno, true, NULL);
		return true;
	case 'p': {
		char number[DOCVIEW_NUMBER_MAX] = "";

		if (!t->detail.req.decision) {
			tui_msg(t, TUI_LOOK_ERROR,
				"Belum diputuskan / No decision yet");
			return true;
		}
		if (tui_ask(t, "Surat pemberitahuan / Notification letter",
			    "Nomor surat (kosong: PT-nomor) / Letter number",
			    number, sizeof(number)))
			tui_act_print(t, t->detail.req.regno, false,
				      *number ? number : NULL);
		return true;
	}
	case 'a':
		if (t->banner_call)
			tui_act_ack(t, t->banner_call);
		return true;
	default:
		return tui_act_by_key(t, key);
	}
	if (t->detail_top > max_top)
		t->detail_top = max_top;
	if (t->detail_top < 0)
		t->detail_top = 0;
	return true;
}
