// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The layouts of days and periods (report_doc.h): the daily service data
 * (SOP step 7), the monthly report to the Kabag (step 8) and the annual
 * report (Perki 1/2021), with the chart's data.
 */

#include <stdio.h>
#include <string.h>

#include "report_doc_internal.h"

/* ---- daily ---------------------------------------------------------------- */

static const struct text *const channel_heads[] = {
    T("Saluran", "Channel"),
    T("Jumlah", "Count"),
};

static void lay_channels(struct report_doc *d, const struct report_stats *s)
{
	report_doc_table(
	    d, T("Permohonan diterima per saluran", "Requests by channel"), 2,
	    channel_heads, (const double[]){3, 1});
	for (int c = 0; c < REQ_CHANNEL_COUNT; c++)
		report_doc_row(d,
			       report_doc_tr(d, request_channel_label(
						    (enum req_channel)c)),
			       report_doc_num(d, s->by_channel[c]));
	report_doc_row(d, report_doc_tr(d, T("Jumlah", "Total")),
		       report_doc_num(d, s->received));
}

static const char *mark_words(struct report_doc *d, const struct report_mark *m,
			      const struct text *no)
{
	if (!m->done)
		return report_doc_tr(d, no);
	return report_doc_fmt(d, "%s %s, %s WIB",
			      report_doc_tr(d, T("Ya, oleh", "Yes, by")), m->by,
			      report_doc_wib(d, m->at));
}

void report_doc_lay_daily(struct report_doc *d, const struct report *r)
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
	const char *dayname =
	    report_doc_fmt(d, "%s", report_doc_long_date(d, r->from));

	d->view.title =
	    report_doc_tr(d, T("DATA PELAYANAN HARIAN", "DAILY SERVICE DATA"));
	if (!s->workdays)
		report_doc_para(
		    d, report_doc_fmt(
			   d, "%s %s", dayname,
			   report_doc_tr(d, T("bukan hari kerja.",
					      "is not a working day."))));

	report_doc_table(d, T("Ringkasan", "Summary"), 2, sum_heads,
			 (const double[]){3, 2});
	report_doc_row(
	    d, report_doc_tr(d, T("Permohonan diterima", "Requests received")),
	    report_doc_num(d, s->received));
	report_doc_row(d,
		       report_doc_tr(d, T("Permohonan terbuka di akhir hari",
					  "Open at day's end")),
		       report_doc_num(d, (int)r->n_open));
	report_doc_row(d,
		       report_doc_tr(d, T("... melewati batas waktu",
					  "... past the deadline")),
		       report_doc_num(d, r->n_overdue));
	report_doc_row(
	    d, report_doc_tr(d, T("Panggilan ke desk", "Calls to the desk")),
	    report_doc_num(d, s->calls));
	report_doc_row(d,
		       report_doc_tr(d, T("... dijawab", "... acknowledged")),
		       report_doc_num(d, s->calls_acked));
	report_doc_row(d,
		       report_doc_tr(d, T("... rata-rata waktu menjawab",
					  "... mean time to ack")),
		       s->calls_acked ? report_doc_minutes(d, s->ack_mean_s)
				      : "-");
	report_doc_row(
	    d, report_doc_tr(d, T("Insiden printer", "Printer incidents")),
	    report_doc_num(d, (int)r->n_incidents));
	report_doc_row(d,
		       report_doc_tr(d, T("Disupervisi Kasubbag",
					  "Supervised by the Kasubbag")),
		       mark_words(d, &r->supervised, T("Belum", "Not yet")));

	lay_channels(d, s);

	report_doc_table(
	    d, T("Tindakan dan petugasnya", "Actions and who took them"), 5,
	    act_heads, (const double[]){1.3, 1, 1.2, 0.8, 3});
	for (size_t i = 0; i < r->n_actions; i++) {
		const struct report_action *a = &r->actions[i];

		report_doc_row(d, a->actor, a->role, a->action,
			       report_doc_num(d, a->count), a->regnos);
	}

	report_doc_table(d,
			 T("Permohonan terbuka dan batas waktunya",
			   "Open requests and their deadlines"),
			 5, open_heads,
			 (const double[]){2.2, 1.3, 1.1, 0.9, 1.3});
	for (size_t i = 0; i < r->n_open; i++) {
		const struct report_open *o = &r->open[i];

		report_doc_row(
		    d, o->regno, workflow_status_key(o->status),
		    report_doc_iso(d, o->due), report_doc_num(d, o->left),
		    o->left < 0
			? report_doc_tr(d, T("melewati batas waktu", "overdue"))
			: (o->extended
			       ? report_doc_tr(d, T("diperpanjang", "extended"))
			       : ""));
	}

	report_doc_table(d, T("Panggilan", "Calls"), 6, call_heads,
			 (const double[]){1.4, 0.9, 2, 1.4, 1, 0.9});
	for (size_t i = 0; i < r->n_calls; i++) {
		const struct report_call *c = &r->calls[i];

		report_doc_row(
		    d, report_doc_wib(d, c->at), queue_call_kind_key(c->kind),
		    c->regno,
		    c->acked_at ? report_doc_wib(d, c->acked_at)
				: report_doc_tr(d, T("belum", "not yet")),
		    c->acked_by,
		    c->acked_at
			? report_doc_minutes(d, (double)(c->acked_at - c->at))
			: "");
	}

	report_doc_table(d, T("Insiden printer", "Printer incidents"), 5,
			 job_heads, (const double[]){1.3, 1.1, 2, 0.9, 2.5});
	for (size_t i = 0; i < r->n_incidents; i++) {
		const struct report_incident *in = &r->incidents[i];

		report_doc_row(d, report_doc_wib(d, in->at), in->document,
			       in->regno, queue_job_state_key(in->state),
			       in->reason);
	}
}

/* ---- monthly and yearly ------------------------------------------------------ */

static const char *pct(struct report_doc *d, int part, int whole)
{
	return whole ? report_doc_fmt(d, "%s%%",
				      report_doc_dec(d, 100.0 * part / whole))
		     : "-";
}

static void lay_chart(struct report_doc *d, const struct report *r, bool months)
{
	const struct report_stats *s = &r->stats;
	struct doc_chart *c = &d->chart;

	c->bars_title =
	    months ? report_doc_tr(d, T("Permohonan per bulan menurut saluran",
					"Requests per month by channel"))
		   : report_doc_tr(d, T("Permohonan per minggu menurut saluran",
					"Requests per week by channel"));
	c->n_buckets = s->n_buckets;
	for (int b = 0; b < s->n_buckets; b++) {
		d->bucket_label[b] =
		    months
			? report_doc_fmt(
			      d, "%.3s",
			      date_month_name(s->bucket_from[b].month,
					      d->lang == LANG_EN))
			: report_doc_fmt(d, "%d\u2013%d", s->bucket_from[b].day,
					 s->bucket_to[b].day);
		for (int k = 0; k < REQ_CHANNEL_COUNT; k++)
			d->values[b * REQ_CHANNEL_COUNT + k] = s->bucket[b][k];
	}
	c->bucket_label = d->bucket_label;
	c->n_series = REQ_CHANNEL_COUNT;
	for (int k = 0; k < REQ_CHANNEL_COUNT; k++)
		d->series_label[k] = report_doc_tr(
		    d, request_channel_label((enum req_channel)k));
	c->series_label = d->series_label;
	c->values = d->values;
	c->shares_title =
	    report_doc_tr(d, T("Bagian keputusan", "Shares of decisions"));
	c->n_shares = REPORT_N_DECISIONS - 1;
	for (int k = 1; k < REPORT_N_DECISIONS; k++) {
		d->share_label[k - 1] = report_doc_tr(
		    d, workflow_decision_label((enum wf_decision)k));
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

	report_doc_table(d, T("Keputusan", "Decisions"), 3, heads,
			 (const double[]){3, 1, 1});
	for (int k = 1; k < REPORT_N_DECISIONS; k++)
		report_doc_row(d,
			       report_doc_tr(d, workflow_decision_label(
						    (enum wf_decision)k)),
			       report_doc_num(d, s->by_decision[k]),
			       pct(d, s->by_decision[k], s->decided));
	report_doc_row(d, report_doc_tr(d, T("Jumlah", "Total")),
		       report_doc_num(d, s->decided),
		       s->decided ? "100%" : "-");

	report_doc_table(d,
			 T("Penolakan menurut Pasal 17 UU 14/2008",
			   "Rejections by Article 17 of Law 14/2008"),
			 3, basis_heads, (const double[]){1, 4, 1});
	for (int k = 0; k < 10; k++)
		if (s->by_basis[k])
			report_doc_row(d, report_doc_fmt(d, "%c", 'a' + k),
				       report_doc_tr(d, workflow_pasal17_label(
							    (char)('a' + k))),
				       report_doc_num(d, s->by_basis[k]));
}

/* The words most used in the information requested, said as words. */
static void lay_topics(struct report_doc *d, const struct report *r)
{
	const struct text *const heads[] = {T("Kata", "Word"),
					    T("Permohonan", "Requests")};

	report_doc_table(d,
			 T("Kata yang paling sering dalam informasi yang "
			   "diminta",
			   "Words most used in the information requested"),
			 2, heads, (const double[]){3, 1});
	for (size_t i = 0; i < r->n_topics; i++)
		report_doc_row(d, r->topics[i].word,
			       report_doc_num(d, r->topics[i].requests));
	report_doc_note(
	    d, report_doc_tr(
		   d, T("Kata: dihitung per permohonan yang memuatnya (paling "
			"sedikit 2), tanpa kata umum seperti \"salinan\", "
			"\"data\", \"informasi\"; kata, bukan topik yang "
			"dikelompokkan.",
			"Words: counted per request that uses them (at least "
			"2), without common words such as \"copy\", \"data\", "
			"\"information\"; words, not grouped topics.")));
}

void report_doc_lay_period(struct report_doc *d, const struct report *r)
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
	    yearly
		? report_doc_tr(d,
				T("LAPORAN TAHUNAN PELAYANAN INFORMASI PUBLIK",
				  "ANNUAL PUBLIC INFORMATION SERVICE REPORT"))
		: report_doc_tr(d,
				T("LAPORAN BULANAN PELAYANAN INFORMASI PUBLIK",
				  "MONTHLY PUBLIC INFORMATION SERVICE REPORT"));
	d->view.subtitle =
	    yearly ? report_doc_fmt(d, "%s %d",
				    report_doc_tr(d, T("Tahun", "Year")),
				    r->from.year)
		   : report_doc_fmt(
			 d, "%s %d",
			 date_month_name(r->from.month, d->lang == LANG_EN),
			 r->from.year);
	report_doc_para(
	    d,
	    report_doc_fmt(
		d, "%s; %d %s, %d %s.", report_doc_period(d, r), s->workdays,
		report_doc_tr(d, T("hari kerja", "working days")), s->holidays,
		report_doc_tr(d,
			      T("hari libur pada hari Senin-Jumat (dihitung)",
				"holidays on weekdays (counted)"))));
	if (r->kind == REPORT_MONTHLY)
		report_doc_para(
		    d,
		    report_doc_fmt(
			d, "%s: %s",
			report_doc_tr(d, T("Diserahkan kepada Kabag",
					   "Handed to the Kabag")),
			mark_words(d, &r->handed_over, T("belum", "not yet"))));
	lay_chart(d, r, yearly);
	lay_channels(d, s);

	memcpy(heads, week_heads, sizeof(heads));
	if (yearly)
		heads[0] = month_head;
	report_doc_table(d,
			 yearly
			     ? T("Permohonan per bulan", "Requests per month")
			     : T("Permohonan per minggu", "Requests per week"),
			 7, heads, (const double[]){2.6, 1, 1, 1, 1, 1, 1});
	for (int b = 0; b < s->n_buckets; b++) {
		int sum = 0;

		for (int k = 0; k < REQ_CHANNEL_COUNT; k++)
			sum += s->bucket[b][k];
		report_doc_row(
		    d,
		    yearly
			? date_month_name(s->bucket_from[b].month,
					  d->lang == LANG_EN)
			: report_doc_fmt(d, "%s\u2013%s",
					 report_doc_iso(d, s->bucket_from[b]),
					 report_doc_iso(d, s->bucket_to[b])),
		    report_doc_num(d, s->bucket[b][0]),
		    report_doc_num(d, s->bucket[b][1]),
		    report_doc_num(d, s->bucket[b][2]),
		    report_doc_num(d, s->bucket[b][3]),
		    report_doc_num(d, s->bucket[b][4]), report_doc_num(d, sum));
	}

	lay_decisions(d, s);
	lay_topics(d, r);

	report_doc_table(
	    d, T("Waktu dan tindak lanjut", "Time taken and follow-up"), 2,
	    fig_heads, (const double[]){3, 1});
	report_doc_row(d,
		       report_doc_tr(d, T("Keputusan dengan lama waktu",
					  "Decisions timed")),
		       report_doc_num(d, s->days_n));
	report_doc_row(
	    d,
	    report_doc_tr(d, T("Hari kerja sampai keputusan: rata-rata",
			       "Working days to decision: mean")),
	    s->days_n ? report_doc_dec(d, s->days_mean) : "-");
	report_doc_row(d, report_doc_tr(d, T("... median", "... median")),
		       s->days_n ? report_doc_dec(d, s->days_median) : "-");
	report_doc_row(d, report_doc_tr(d, T("... maksimum", "... maximum")),
		       s->days_n ? report_doc_num(d, s->days_max) : "-");
	report_doc_row(d,
		       report_doc_tr(d, T("Perpanjangan jangka waktu",
					  "Extensions granted")),
		       report_doc_num(d, s->extensions));
	report_doc_row(
	    d, report_doc_tr(d, T("Melewati batas waktu", "Deadlines missed")),
	    report_doc_num(d, s->overdue));
	report_doc_row(d,
		       report_doc_tr(d, T("Masih terbuka di akhir periode",
					  "Still open at the period's end")),
		       report_doc_num(d, s->open_end));
	report_doc_row(
	    d, report_doc_tr(d, T("Panggilan ke desk", "Calls to the desk")),
	    report_doc_num(d, s->calls));
	report_doc_row(d,
		       report_doc_tr(d, T("... dijawab", "... acknowledged")),
		       report_doc_num(d, s->calls_acked));
	report_doc_row(d,
		       report_doc_tr(d, T("... rata-rata waktu menjawab",
					  "... mean time to ack")),
		       s->calls_acked ? report_doc_minutes(d, s->ack_mean_s)
				      : "-");
	report_doc_row(d, report_doc_tr(d, T("Keberatan", "Objections")),
		       report_doc_num(d, s->objections));

	report_doc_note(
	    d, report_doc_tr(
		   d, T("Keberatan: 0. Prosedur keberatan belum ada dalam "
			"sistem ini.",
			"Objections: 0. The objection procedure is not in "
			"this system yet.")));
	report_doc_note(
	    d, report_doc_tr(
		   d, T("Keputusan dihitung pada tanggal keputusan; ditolak "
			"termasuk informasi yang dikecualikan. Melewati batas "
			"waktu: batas waktu yang jatuh dalam periode dan "
			"terlewati tanpa pemberitahuan tertulis.",
			"Decisions count on the day they were taken; rejected "
			"includes excluded information. Deadlines missed: "
			"deadlines in the period that passed without the "
			"written notification.")));
}
