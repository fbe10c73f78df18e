// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A computed report laid out as titled tables in one language
 * (report_doc.h): the register's official columns (Perki 1/2021), the
 * daily service data, the monthly and yearly figures with their chart, and
 * the activity matrix.  Every string of the layout is its own (a pool).
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_doc_internal.h"

/* ---- strings ------------------------------------------------------------- */

static const char *keep(struct report_doc *d, char *s)
{
	if (!s) {
		d->oom = true;
		return "";
	}
	if (d->n_pool == d->cap_pool) {
		size_t cap = d->cap_pool ? d->cap_pool * 2 : 256;
		char **p = realloc(d->pool, cap * sizeof(*p));

		if (!p) {
			free(s);
			d->oom = true;
			return "";
		}
		d->pool = p;
		d->cap_pool = cap;
	}
	d->pool[d->n_pool++] = s;
	return s;
}

const char *report_doc_fmt(struct report_doc *d, const char *f, ...)
{
	va_list ap;
	char *s = NULL;
	int n;

	va_start(ap, f);
	n = vasprintf(&s, f, ap);
	va_end(ap);
	return keep(d, n < 0 ? NULL : s);
}

const char *report_doc_tr(const struct report_doc *d, const struct text *t)
{
	return text_get(t, d->lang);
}

const char *report_doc_num(struct report_doc *d, int n)
{
	return report_doc_fmt(d, "%d", n);
}

/* One decimal, with the language's decimal sign ("3,5" / "3.5"). */
const char *report_doc_dec(struct report_doc *d, double v)
{
	char buf[32], *p;

	snprintf(buf, sizeof(buf), "%.1f", v);
	p = strchr(buf, '.');
	if (p && d->lang == LANG_ID)
		*p = ',';
	return report_doc_fmt(d, "%s", buf);
}

const char *report_doc_iso(struct report_doc *d, struct date day)
{
	char buf[16];

	date_format(day, buf, sizeof(buf));
	return report_doc_fmt(d, "%s", buf);
}

const char *report_doc_long_date(struct report_doc *d, struct date day)
{
	return report_doc_fmt(d, "%d %s %d", day.day,
			      date_month_name(day.month, d->lang == LANG_EN),
			      day.year);
}

/* "2026-03-02 10:15" in WIB. */
const char *report_doc_wib(struct report_doc *d, time_t t)
{
	int min;
	struct date day = date_of_wib(t, &min);

	return report_doc_fmt(d, "%s %02d:%02d", report_doc_iso(d, day),
			      min / 60, min % 60);
}

const char *report_doc_minutes(struct report_doc *d, double seconds)
{
	return report_doc_fmt(d, "%s %s", report_doc_dec(d, seconds / 60.0),
			      report_doc_tr(d, T("menit", "min")));
}

/* ---- tables -------------------------------------------------------------- */

/* Start a table; @p heads and @p weights have @p n entries. */
struct doc_table *report_doc_table(struct report_doc *d,
				   const struct text *title, int n,
				   const struct text *const *heads,
				   const double *weights)
{
	struct doc_table *t;
	struct tstore *s;

	if (d->view.n_tables >= MAX_TABLES || n > DOC_TABLE_MAX_COLS) {
		d->oom = true;
		return NULL;
	}
	t = &d->tables[d->view.n_tables];
	s = &d->store[d->view.n_tables++];
	t->title = title ? report_doc_tr(d, title) : NULL;
	t->n_cols = n;
	for (int i = 0; i < n; i++) {
		s->head[i] = report_doc_tr(d, heads[i]);
		s->weight[i] = weights ? weights[i] : 1.0;
	}
	t->head = s->head;
	t->weight = s->weight;
	t->empty = report_doc_tr(d, T("Tidak ada.", "None."));
	return t;
}

/* Append a row of the last table: its n_cols strings. */
void report_doc_row(struct report_doc *d, ...)
{
	struct doc_table *t;
	struct tstore *s;
	va_list ap;

	if (!d->view.n_tables)
		return;
	t = &d->tables[d->view.n_tables - 1];
	s = &d->store[d->view.n_tables - 1];
	if (s->n_cells + (size_t)t->n_cols > s->cap_cells) {
		size_t cap = s->cap_cells ? s->cap_cells * 2 : 64;
		const char **p;

		while (cap < s->n_cells + (size_t)t->n_cols)
			cap *= 2;
		p = realloc(s->cells, cap * sizeof(*p));
		if (!p) {
			d->oom = true;
			return;
		}
		s->cells = p;
		s->cap_cells = cap;
	}
	va_start(ap, d);
	for (int i = 0; i < t->n_cols; i++) {
		const char *c = va_arg(ap, const char *);

		s->cells[s->n_cells++] = c ? c : "";
	}
	va_end(ap);
	t->cells = s->cells;
	t->n_rows = s->n_cells / (size_t)t->n_cols;
}

void report_doc_para(struct report_doc *d, const char *s)
{
	if (d->view.n_paras < MAX_PARAS)
		d->paras[d->view.n_paras++] = s;
}

void report_doc_note(struct report_doc *d, const char *s)
{
	if (d->view.n_notes < MAX_PARAS)
		d->notes[d->view.n_notes++] = s;
}

const char *report_doc_period(struct report_doc *d, const struct report *r)
{
	if (!date_cmp(r->from, r->to))
		return report_doc_long_date(d, r->from);
	return report_doc_fmt(d, "%s %s %s %s",
			      report_doc_tr(d, T("Periode", "Period")),
			      report_doc_long_date(d, r->from), "\u2013",
			      report_doc_long_date(d, r->to));
}

/* ---- the register ---------------------------------------------------------- */

static const char *basis_words(struct report_doc *d, const char *basis)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);

	if (!f) {
		d->oom = true;
		return "";
	}
	for (const char *p = basis; *p; p++) {
		const struct text *t = workflow_pasal17_label(*p);

		if (t)
			fprintf(
			    f, "%s%s %c: %s", ftell(f) ? "; " : "",
			    report_doc_tr(d, T("Pasal 17 huruf", "Article 17")),
			    *p, report_doc_tr(d, t));
	}
	if (fclose(f) != 0) {
		free(s);
		d->oom = true;
		return "";
	}
	return keep(d, s);
}

static void lay_register(struct report_doc *d, const struct report *r)
{
	const struct text *const heads[] = {
	    T("Nomor", "Number"),
	    T("Tanggal", "Date"),
	    T("Nama", "Name"),
	    T("Alamat", "Address"),
	    T("Kontak", "Contact"),
	    T("Pekerjaan", "Occupation"),
	    T("Informasi yang diminta", "Information requested"),
	    T("Tujuan penggunaan", "Purpose"),
	    T("Status informasi", "Status of the information"),
	    T("Bentuk", "Form"),
	    T("Jenis permohonan", "Type of request"),
	    T("Keputusan", "Decision"),
	    T("Alasan penolakan", "Reason for rejection"),
	    T("Tgl. pemberitahuan tertulis", "Written notification"),
	    T("Biaya", "Cost"),
	};
	static const double w[] = {1.7,	 1.3, 1.3, 1.4, 1.4, 1.25, 2.0, 1.3,
				   1.25, 1.1, 1.3, 1.3, 1.5, 1.6,  0.9};

	d->view.landscape = true;
	d->view.title =
	    report_doc_tr(d, T("REGISTER PERMOHONAN INFORMASI PUBLIK",
			       "PUBLIC INFORMATION REQUEST REGISTER"));
	report_doc_para(
	    d,
	    report_doc_fmt(d, "%s: %d",
			   report_doc_tr(d, T("Jumlah permohonan", "Requests")),
			   (int)r->n_entries));
	report_doc_table(d, NULL, 15, heads, w);
	for (size_t i = 0; i < r->n_entries; i++) {
		const struct report_entry *e = &r->entries[i];
		bool copy = e->obtain != REQ_OBTAIN_VIEW;
		const char *held = report_doc_tr(d, T("Dikuasai", "Held"));
		const char *contact =
		    *e->phone && *e->email
			? report_doc_fmt(d, "%s / %s", e->phone, e->email)
			: (*e->phone ? e->phone : e->email);
		const char *why = "";

		if (e->decision == WF_DECISION_NONE)
			held = report_doc_tr(
			    d, T("Belum diputuskan", "Not decided yet"));
		else if (e->decision == WF_DECISION_NOT_HELD)
			held = report_doc_fmt(
			    d, "%s: %s",
			    report_doc_tr(d, T("Tidak dikuasai, dikuasai oleh",
					       "Not held; held by")),
			    e->holder);
		if (e->decision == WF_DECISION_REJECTED ||
		    e->decision == WF_DECISION_PARTIAL)
			why = basis_words(d, e->basis);
		report_doc_row(
		    d, e->regno, report_doc_iso(d, e->received), e->name,
		    e->address, contact, e->occupation, e->info, e->purpose,
		    held,
		    e->obtain == REQ_OBTAIN_SOFTCOPY   ? "Softcopy"
		    : e->obtain == REQ_OBTAIN_HARDCOPY ? "Hardcopy"
						       : "-",
		    copy ? report_doc_tr(d, T("Salinan", "Copy"))
			 : report_doc_tr(d,
					 T("Melihat / membaca", "View / read")),
		    report_doc_tr(d, workflow_decision_label(e->decision)), why,
		    e->notified_at
			? report_doc_iso(d, date_of_wib(e->notified_at, NULL))
			: "",
		    report_doc_tr(d, T("Rp 0 (gratis)", "Rp 0 (free)")));
	}
	report_doc_note(
	    d, report_doc_tr(
		   d, T("Layanan informasi tidak dipungut biaya; tidak ada "
			"cara pembayaran.",
			"The information service is free of charge; there is "
			"no payment.")));
}

/* ---- the matrix --------------------------------------------------------------- */

static void lay_matrix(struct report_doc *d, const struct report *r)
{
	const struct text *const heads[] = {
	    T("Tanggal", "Date"), T("Login", "Login"),
	    T("Peran", "Role"),	  T("Tindakan", "Action"),
	    T("Jumlah", "Count"), T("Permohonan", "Requests")};

	d->view.title = report_doc_tr(d, T("MATRIKS KEGIATAN DAN PENUGASAN",
					   "ACTIVITY AND ASSIGNMENT MATRIX"));
	report_doc_table(d, NULL, 6, heads,
			 (const double[]){1.1, 1.2, 1, 1.1, 0.7, 3});
	for (size_t i = 0; i < r->n_actions; i++) {
		const struct report_action *a = &r->actions[i];

		report_doc_row(d, report_doc_iso(d, a->day), a->actor, a->role,
			       a->action, report_doc_num(d, a->count),
			       a->regnos);
	}
}

/* ---- the layout ---------------------------------------------------------------- */

struct report_doc *report_doc_new(const struct report *r, enum lang lang,
				  const struct report_office *office)
{
	struct report_doc *d = calloc(1, sizeof(*d));

	if (!d) {
		errno = ENOMEM;
		return NULL;
	}
	d->lang = lang == LANG_EN ? LANG_EN : LANG_ID;
	d->view.lang = d->lang;
	d->view.office_name =
	    report_doc_fmt(d, "%s", office && office->name ? office->name : "");
	d->view.office_address = report_doc_fmt(
	    d, "%s", office && office->address ? office->address : "");
	d->view.subtitle = report_doc_period(d, r);
	switch (r->kind) {
	case REPORT_REGISTER:
		lay_register(d, r);
		break;
	case REPORT_DAILY:
		report_doc_lay_daily(d, r);
		break;
	case REPORT_MONTHLY:
	case REPORT_YEARLY:
		report_doc_lay_period(d, r);
		break;
	default:
		lay_matrix(d, r);
		break;
	}
	d->view.footer = report_doc_fmt(d, "%s \u00b7 %s %s", d->view.title,
					report_doc_tr(d, T("dibuat", "made")),
					report_doc_iso(d, r->today));
	d->view.tables = d->tables;
	d->view.paras = d->paras;
	d->view.notes = d->notes;
	if (d->oom) {
		report_doc_free(d);
		errno = ENOMEM;
		return NULL;
	}
	return d;
}

void report_doc_free(struct report_doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_pool; i++)
		free(d->pool[i]);
	free(d->pool);
	for (size_t i = 0; i < MAX_TABLES; i++)
		free(d->store[i].cells);
	free(d);
}

const struct doc_report *report_doc_view(const struct report_doc *d)
{
	return &d->view;
}
