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

#include "report_doc.h"

#define MAX_TABLES 10
#define MAX_PARAS  8
#define T(id, en)  (&(const struct text){id, en})

struct tstore {
	const char *head[DOC_TABLE_MAX_COLS]; /* headers, pooled */
	double weight[DOC_TABLE_MAX_COLS];    /* relative widths */
	const char **cells;		      /* pooled; malloc() */
	size_t n_cells, cap_cells;	      /* used / allocated */
};

struct report_doc {
	struct doc_report view;		     /* what renderers see */
	enum lang lang;			     /* labels' language */
	char **pool;			     /* every string; malloc() */
	size_t n_pool, cap_pool;	     /* used / allocated */
	struct doc_table tables[MAX_TABLES]; /* the view's tables */
	struct tstore store[MAX_TABLES];     /* their storage */
	const char *paras[MAX_PARAS];	     /* under the title */
	const char *notes[MAX_PARAS];	     /* after the tables */
	struct doc_chart chart;		     /* monthly, yearly */
	const char *bucket_label[REPORT_MAX_BUCKETS]; /* the chart's bars */
	const char *series_label[REQ_CHANNEL_COUNT];  /* its channels */
	int values[REPORT_MAX_BUCKETS * REQ_CHANNEL_COUNT]; /* its counts */
	const char *share_label[REPORT_N_DECISIONS];	    /* decisions */
	int shares[REPORT_N_DECISIONS];			    /* their counts */
	bool oom; /* a malloc failed */
};

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

static const char *fmt(struct report_doc *d, const char *f, ...)
    __attribute__((format(printf, 2, 3)));

static const char *fmt(struct report_doc *d, const char *f, ...)
{
	va_list ap;
	char *s = NULL;
	int n;

	va_start(ap, f);
	n = vasprintf(&s, f, ap);
	va_end(ap);
	return keep(d, n < 0 ? NULL : s);
}

static const char *tr(const struct report_doc *d, const struct text *t)
{
	return text_get(t, d->lang);
}

static const char *num(struct report_doc *d, int n)
{
	return fmt(d, "%d", n);
}

/* One decimal, with the language's decimal sign ("3,5" / "3.5"). */
static const char *dec(struct report_doc *d, double v)
{
	char buf[32], *p;

	snprintf(buf, sizeof(buf), "%.1f", v);
	p = strchr(buf, '.');
	if (p && d->lang == LANG_ID)
		*p = ',';
	return fmt(d, "%s", buf);
}

static const char *iso(struct report_doc *d, struct date day)
{
	char buf[16];

	date_format(day, buf, sizeof(buf));
	return fmt(d, "%s", buf);
}

static const char *long_date(struct report_doc *d, struct date day)
{
	return fmt(d, "%d %s %d", day.day,
		   date_month_name(day.month, d->lang == LANG_EN), day.year);
}

/* "2026-03-02 10:15" in WIB. */
static const char *wib(struct report_doc *d, time_t t)
{
	int min;
	struct date day = date_of_wib(t, &min);

	return fmt(d, "%s %02d:%02d", iso(d, day), min / 60, min % 60);
}

static const char *minutes(struct report_doc *d, double seconds)
{
	return fmt(d, "%s %s", dec(d, seconds / 60.0),
		   tr(d, T("menit", "min")));
}

/* ---- tables -------------------------------------------------------------- */

/* Start a table; @p heads and @p weights have @p n entries. */
static struct doc_table *table(struct report_doc *d, const struct text *title,
			       int n, const struct text *const *heads,
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
	t->title = title ? tr(d, title) : NULL;
	t->n_cols = n;
	for (int i = 0; i < n; i++) {
		s->head[i] = tr(d, heads[i]);
		s->weight[i] = weights ? weights[i] : 1.0;
	}
	t->head = s->head;
	t->weight = s->weight;
	t->empty = tr(d, T("Tidak ada.", "None."));
	return t;
}

/* Append a row of the last table: its n_cols strings. */
static void row(struct report_doc *d, ...)
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

static void para(struct report_doc *d, const char *s)
{
	if (d->view.n_paras < MAX_PARAS)
		d->paras[d->view.n_paras++] = s;
}

static void note(struct report_doc *d, const char *s)
{
	if (d->view.n_notes < MAX_PARAS)
		d->notes[d->view.n_notes++] = s;
}

static const char *period(struct report_doc *d, const struct report *r)
{
	if (!date_cmp(r->from, r->to))
		return long_date(d, r->from);
	return fmt(d, "%s %s %s %s", tr(d, T("Periode", "Period")),
		   long_date(d, r->from), "\u2013", long_date(d, r->to));
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
			fprintf(f, "%s%s %c: %s", ftell(f) ? "; " : "",
				tr(d, T("Pasal 17 huruf", "Article 17")), *p,
				tr(d, t));
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
	d->view.title = tr(d, T("REGISTER PERMOHONAN INFORMASI PUBLIK",
				"PUBLIC INFORMATION REQUEST REGISTER"));
	para(d, fmt(d, "%s: %d", tr(d, T("Jumlah permohonan", "Requests")),
		    (int)r->n_entries));
	table(d, NULL, 15, heads, w);
	for (size_t i = 0; i < r->n_entries; i++) {
		const struct report_entry *e = &r->entries[i];
		bool copy = e->obtain != REQ_OBTAIN_VIEW;
		const char *held = tr(d, T("Dikuasai", "Held"));
		const char *contact =
		    *e->phone && *e->email
			? fmt(d, "%s / %s", e->phone, e->email)
			: (*e->phone ? e->phone : e->email);
		const char *why = "";

		if (e->decision == WF_DECISION_NONE)
			held = tr(d, T("Belum diputuskan", "Not decided yet"));
		else if (e->decision == WF_DECISION_NOT_HELD)
			held = fmt(d, "%s: %s",
				   tr(d, T("Tidak dikuasai, dikuasai oleh",
					   "Not held; held by")),
				   e->holder);
		if (e->decision == WF_DECISION_REJECTED ||
		    e->decision == WF_DECISION_PARTIAL)
			why = basis_words(d, e->basis);
		row(d, e->regno, iso(d, e->received), e->name, e->address,
		    contact, e->occupation, e->info, e->purpose, held,
		    e->obtain == REQ_OBTAIN_SOFTCOPY   ? "Softcopy"
		    : e->obtain == REQ_OBTAIN_HARDCOPY ? "Hardcopy"
						       : "-",
		    copy ? tr(d, T("Salinan", "Copy"))
			 : tr(d, T("Melihat / membaca", "View / read")),
		    tr(d, workflow_decision_label(e->decision)), why,
		    e->notified_at ? iso(d, date_of_wib(e->notified_at, NULL))
				   : "",
		    tr(d, T("Rp 0 (gratis)", "Rp 0 (free)")));
	}
	note(d, tr(d, T("Layanan informasi tidak dipungut biaya; tidak ada "
			"cara pembayaran.",
			"The information service is free of charge; there is "
			"no payment.")));
}

/* ---- daily ---------------------------------------------------------------- */

static const struct text *const channel_heads[] = {
    T("Saluran", "Channel"),
    T("Jumlah", "Count"),
};

static void lay_channels(struct report_doc *d, const struct report_stats *s)
{
	table(d, T("Permohonan diterima per saluran", "Requests by channel"), 2,
	      channel_heads, (const double[]){3, 1});
	for (int c = 0; c < REQ_CHANNEL_COUNT; c++)
		row(d, tr(d, request_channel_label((enum req_channel)c)),
		    num(d, s->by_channel[c]));
	row(d, tr(d, T("Jumlah", "Total")), num(d, s->received));
}

static const char *mark_words(struct report_doc *d, const struct report_mark *m,
			      const struct text *no)
{
	if (!m->done)
		return tr(d, no);
	return fmt(d, "%s %s, %s WIB", tr(d, T("Ya, oleh", "Yes, by")), m->by,
		   wib(d, m->at));
}

static void lay_daily(struct report_doc *d, const struct report *r)
{
	const struct text *const sum_heads[] = {T("Data", "Figure"),
						T("Nilai", "Value")};
	const struct text *const act_heads[] = {
	    T("Login", "Login"), T("Peran", "Role"), T("Tindakan", "Action"),
	    T("Jumlah", "Count"), T("Permohonan", "Requests")};
	const struct text *const open_heads[] = {
	    T("Nomor", "Number"), T("Status", "Status"),
	    T("Batas waktu", "Deadline"), T("Sisa hari kerja", "Days left"),
	    T("Keterangan", "Remark")};
	const struct text *const call_heads[] = {T("Waktu", "Time"),
						 T("Jenis", "Kind"),
						 T("Permohonan", "Request"),
						 T("Dijawab", "Acknowledged"),
						 T("Oleh", "By"),
						 T("Lama", "Took")};
	const struct text *const job_heads[] = {
	    T("Waktu", "Time"), T("Dokumen", "Document"),
	    T("Permohonan", "Request"), T("Status", "State"),
	    T("Alasan", "Reason")};
	const struct report_stats *s = &r->stats;
	const char *dayname = fmt(d, "%s", long_date(d, r->from));

	d->view.title = tr(d, T("DATA PELAYANAN HARIAN", "DAILY SERVICE DATA"));
	if (!s->workdays)
		para(d, fmt(d, "%s %s", dayname,
			    tr(d, T("bukan hari kerja.",
				    "is not a working day."))));

	table(d, T("Ringkasan", "Summary"), 2, sum_heads,
	      (const double[]){3, 2});
	row(d, tr(d, T("Permohonan diterima", "Requests received")),
	    num(d, s->received));
	row(d,
	    tr(d, T("Permohonan terbuka di akhir hari", "Open at day's end")),
	    num(d, (int)r->n_open));
	row(d, tr(d, T("... melewati batas waktu", "... past the deadline")),
	    num(d, r->n_overdue));
	row(d, tr(d, T("Panggilan ke desk", "Calls to the desk")),
	    num(d, s->calls));
	row(d, tr(d, T("... dijawab", "... acknowledged")),
	    num(d, s->calls_acked));
	row(d, tr(d, T("... rata-rata waktu menjawab", "... mean time to ack")),
	    s->calls_acked ? minutes(d, s->ack_mean_s) : "-");
	row(d, tr(d, T("Insiden printer", "Printer incidents")),
	    num(d, (int)r->n_incidents));
	row(d, tr(d, T("Disupervisi Kasubbag", "Supervised by the Kasubbag")),
	    mark_words(d, &r->supervised, T("Belum", "Not yet")));

	lay_channels(d, s);

	table(d, T("Tindakan dan petugasnya", "Actions and who took them"), 5,
	      act_heads, (const double[]){1.3, 1, 1.2, 0.8, 3});
	for (size_t i = 0; i < r->n_actions; i++) {
		const struct report_action *a = &r->actions[i];

		row(d, a->actor, a->role, a->action, num(d, a->count),
		    a->regnos);
	}

	table(d,
	      T("Permohonan terbuka dan batas waktunya",
		"Open requests and their deadlines"),
	      5, open_heads, (const double[]){2.2, 1.3, 1.1, 0.9, 1.3});
	for (size_t i = 0; i < r->n_open; i++) {
		const struct report_open *o = &r->open[i];

		row(d, o->regno, workflow_status_key(o->status), iso(d, o->due),
		    num(d, o->left),
		    o->left < 0
			? tr(d, T("melewati batas waktu", "overdue"))
			: (o->extended ? tr(d, T("diperpanjang", "extended"))
				       : ""));
	}

	table(d, T("Panggilan", "Calls"), 6, call_heads,
	      (const double[]){1.4, 0.9, 2, 1.4, 1, 0.9});
	for (size_t i = 0; i < r->n_calls; i++) {
		const struct report_call *c = &r->calls[i];

		row(d, wib(d, c->at), queue_call_kind_key(c->kind), c->regno,
		    c->acked_at ? wib(d, c->acked_at)
				: tr(d, T("belum", "not yet")),
		    c->acked_by,
		    c->acked_at ? minutes(d, (double)(c->acked_at - c->at))
				: "");
	}

	table(d, T("Insiden printer", "Printer incidents"), 5, job_heads,
	      (const double[]){1.3, 1.1, 2, 0.9, 2.5});
	for (size_t i = 0; i < r->n_incidents; i++) {
		const struct report_incident *in = &r->incidents[i];

		row(d, wib(d, in->at), in->document, in->regno,
		    queue_job_state_key(in->state), in->reason);
	}
}

/* ---- monthly and yearly ------------------------------------------------------ */

static const char *pct(struct report_doc *d, int part, int whole)
{
	return whole ? fmt(d, "%s%%", dec(d, 100.0 * part / whole)) : "-";
}

static void lay_chart(struct report_doc *d, const struct report *r, bool months)
{
	const struct report_stats *s = &r->stats;
	struct doc_chart *c = &d->chart;

	c->bars_title = months
			    ? tr(d, T("Permohonan per bulan menurut saluran",
				      "Requests per month by channel"))
			    : tr(d, T("Permohonan per minggu menurut saluran",
				      "Requests per week by channel"));
	c->n_buckets = s->n_buckets;
	for (int b = 0; b < s->n_buckets; b++) {
		d->bucket_label[b] =
		    months ? fmt(d, "%.3s",
				 date_month_name(s->bucket_from[b].month,
						 d->lang == LANG_EN))
			   : fmt(d, "%d\u2013%d", s->bucket_from[b].day,
				 s->bucket_to[b].day);
		for (int k = 0; k < REQ_CHANNEL_COUNT; k++)
			d->values[b * REQ_CHANNEL_COUNT + k] = s->bucket[b][k];
	}
	c->bucket_label = d->bucket_label;
	c->n_series = REQ_CHANNEL_COUNT;
	for (int k = 0; k < REQ_CHANNEL_COUNT; k++)
		d->series_label[k] =
		    tr(d, request_channel_label((enum req_channel)k));
	c->series_label = d->series_label;
	c->values = d->values;
	c->shares_title = tr(d, T("Bagian keputusan", "Shares of decisions"));
	c->n_shares = REPORT_N_DECISIONS - 1;
	for (int k = 1; k < REPORT_N_DECISIONS; k++) {
		d->share_label[k - 1] =
		    tr(d, workflow_decision_label((enum wf_decision)k));
		d->shares[k - 1] = s->by_decision[k];
	}
	c->share_label = d->share_label;
	c->shares = d->shares;
	d->view.chart = c;
}

static void lay_decisions(struct report_doc *d, const struct report_stats *s)
{
	const struct text *const heads[] = {T("Keputusan", "Decision"),
					    T("Jumlah", "Count"),
					    T("Bagian", "Share")};
	const struct text *const basis_heads[] = {T("Pasal 17", "Article 17"),
						  T("Alasan", "Reason"),
						  T("Jumlah", "Count")};

	table(d, T("Keputusan", "Decisions"), 3, heads,
	      (const double[]){3, 1, 1});
	for (int k = 1; k < REPORT_N_DECISIONS; k++)
		row(d, tr(d, workflow_decision_label((enum wf_decision)k)),
		    num(d, s->by_decision[k]),
		    pct(d, s->by_decision[k], s->decided));
	row(d, tr(d, T("Jumlah", "Total")), num(d, s->decided),
	    s->decided ? "100%" : "-");

	table(d,
	      T("Penolakan menurut Pasal 17 UU 14/2008",
		"Rejections by Article 17 of Law 14/2008"),
	      3, basis_heads, (const double[]){1, 4, 1});
	for (int k = 0; k < 10; k++)
		if (s->by_basis[k])
			row(d, fmt(d, "%c", 'a' + k),
			    tr(d, workflow_pasal17_label((char)('a' + k))),
			    num(d, s->by_basis[k]));
}

static void lay_period(struct report_doc *d, const struct report *r)
{
	const struct text *const fig_heads[] = {T("Data", "Figure"),
						T("Nilai", "Value")};
	const struct text *const week_heads[] = {
	    T("Minggu", "Week"),  T("Kiosk", "Kiosk"),	 T("Desk", "Desk"),
	    T("Surat", "Letter"), T("E-mail", "E-mail"), T("Telepon", "Phone"),
	    T("Jumlah", "Total")};
	const struct text *const month_head = T("Bulan", "Month");
	const struct report_stats *s = &r->stats;
	bool yearly = r->kind == REPORT_YEARLY;
	const struct text *heads[7];

	d->view.title =
	    yearly ? tr(d, T("LAPORAN TAHUNAN PELAYANAN INFORMASI PUBLIK",
			     "ANNUAL PUBLIC INFORMATION SERVICE REPORT"))
		   : tr(d, T("LAPORAN BULANAN PELAYANAN INFORMASI PUBLIK",
			     "MONTHLY PUBLIC INFORMATION SERVICE REPORT"));
	d->view.subtitle =
	    yearly ? fmt(d, "%s %d", tr(d, T("Tahun", "Year")), r->from.year)
		   : fmt(d, "%s %d",
			 date_month_name(r->from.month, d->lang == LANG_EN),
			 r->from.year);
	para(d, fmt(d, "%s; %d %s, %d %s.", period(d, r), s->workdays,
		    tr(d, T("hari kerja", "working days")), s->holidays,
		    tr(d, T("hari libur pada hari Senin-Jumat (dihitung)",
			    "holidays on weekdays (counted)"))));
	if (r->kind == REPORT_MONTHLY)
		para(d, fmt(d, "%s: %s",
			    tr(d, T("Diserahkan kepada Kabag",
				    "Handed to the Kabag")),
			    mark_words(d, &r->handed_over,
				       T("belum", "not yet"))));
	lay_chart(d, r, yearly);
	lay_channels(d, s);

	memcpy(heads, week_heads, sizeof(heads));
	if (yearly)
		heads[0] = month_head;
	table(d,
	      yearly ? T("Permohonan per bulan", "Requests per month")
		     : T("Permohonan per minggu", "Requests per week"),
	      7, heads, (const double[]){2.6, 1, 1, 1, 1, 1, 1});
	for (int b = 0; b < s->n_buckets; b++) {
		int sum = 0;

		for (int k = 0; k < REQ_CHANNEL_COUNT; k++)
			sum += s->bucket[b][k];
		row(d,
		    yearly ? date_month_name(s->bucket_from[b].month,
					     d->lang == LANG_EN)
			   : fmt(d, "%s\u2013%s", iso(d, s->bucket_from[b]),
				 iso(d, s->bucket_to[b])),
		    num(d, s->bucket[b][0]), num(d, s->bucket[b][1]),
		    num(d, s->bucket[b][2]), num(d, s->bucket[b][3]),
		    num(d, s->bucket[b][4]), num(d, sum));
	}

	lay_decisions(d, s);

	table(d, T("Waktu dan tindak lanjut", "Time taken and follow-up"), 2,
	      fig_heads, (const double[]){3, 1});
	row(d, tr(d, T("Keputusan dengan lama waktu", "Decisions timed")),
	    num(d, s->days_n));
	row(d,
	    tr(d, T("Hari kerja sampai keputusan: rata-rata",
		    "Working days to decision: mean")),
	    s->days_n ? dec(d, s->days_mean) : "-");
	row(d, tr(d, T("... median", "... median")),
	    s->days_n ? dec(d, s->days_median) : "-");
	row(d, tr(d, T("... maksimum", "... maximum")),
	    s->days_n ? num(d, s->days_max) : "-");
	row(d, tr(d, T("Perpanjangan jangka waktu", "Extensions granted")),
	    num(d, s->extensions));
	row(d, tr(d, T("Melewati batas waktu", "Deadlines missed")),
	    num(d, s->overdue));
	row(d,
	    tr(d, T("Masih terbuka di akhir periode",
		    "Still open at the period's end")),
	    num(d, s->open_end));
	row(d, tr(d, T("Panggilan ke desk", "Calls to the desk")),
	    num(d, s->calls));
	row(d, tr(d, T("... dijawab", "... acknowledged")),
	    num(d, s->calls_acked));
	row(d, tr(d, T("... rata-rata waktu menjawab", "... mean time to ack")),
	    s->calls_acked ? minutes(d, s->ack_mean_s) : "-");
	row(d, tr(d, T("Keberatan", "Objections")), num(d, s->objections));

	note(d, tr(d, T("Keberatan: 0. Prosedur keberatan belum ada dalam "
			"sistem ini.",
			"Objections: 0. The objection procedure is not in "
			"this system yet.")));
	note(d, tr(d, T("Keputusan dihitung pada tanggal keputusan; ditolak "
			"termasuk informasi yang dikecualikan. Melewati batas "
			"waktu: batas waktu yang jatuh dalam periode dan "
			"terlewati tanpa pemberitahuan tertulis.",
			"Decisions count on the day they were taken; rejected "
			"includes excluded information. Deadlines missed: "
			"deadlines in the period that passed without the "
			"written notification.")));
}

/* ---- the matrix --------------------------------------------------------------- */

static void lay_matrix(struct report_doc *d, const struct report *r)
{
	const struct text *const heads[] = {
	    T("Tanggal", "Date"), T("Login", "Login"),
	    T("Peran", "Role"),	  T("Tindakan", "Action"),
	    T("Jumlah", "Count"), T("Permohonan", "Requests")};

	d->view.title = tr(d, T("MATRIKS KEGIATAN DAN PENUGASAN",
				"ACTIVITY AND ASSIGNMENT MATRIX"));
	table(d, NULL, 6, heads, (const double[]){1.1, 1.2, 1, 1.1, 0.7, 3});
	for (size_t i = 0; i < r->n_actions; i++) {
		const struct report_action *a = &r->actions[i];

		row(d, iso(d, a->day), a->actor, a->role, a->action,
		    num(d, a->count), a->regnos);
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
	    fmt(d, "%s", office && office->name ? office->name : "");
	d->view.office_address =
	    fmt(d, "%s", office && office->address ? office->address : "");
	d->view.subtitle = period(d, r);
	switch (r->kind) {
	case REPORT_REGISTER:
		lay_register(d, r);
		break;
	case REPORT_DAILY:
		lay_daily(d, r);
		break;
	case REPORT_MONTHLY:
	case REPORT_YEARLY:
		lay_period(d, r);
		break;
	default:
		lay_matrix(d, r);
		break;
	}
	d->view.footer = fmt(d, "%s \u00b7 %s %s", d->view.title,
			     tr(d, T("dibuat", "made")), iso(d, r->today));
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
