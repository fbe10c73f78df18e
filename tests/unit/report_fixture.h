/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The reports' fixture: a month of requests (March 2026, with its weekends,
 * the Nyepi and Idul Fitri holidays and collective leave) made through the
 * queue's own API: submissions backdated, every SOP action at its own
 * time, every decision kind, one extension, calls, a printer fault, the
 * Kasubbag's supervision and the monthly hand-over.  test_report.c checks
 * the reports against hand counts of it; `test_report --fixture DB [many]`
 * writes it for tests/integration/reports.sh.  Only for tests.
 */
#ifndef PPID_REPORT_FIXTURE_H
#define PPID_REPORT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue.h"

#define FX_N 7 /* requests R1..R7 */

struct fixture {
	char regno[FX_N + 1][REQ_REGNO_MAX]; /* [1..7]: R1..R7 */
	int64_t id[FX_N + 1];		     /* their row ids */
};

static const struct queue_actor fx_kiosk = {"kiosk", WF_ROLE_KIOSK, false};
static const struct queue_actor fx_ani = {"ani", WF_ROLE_DESK, false};
static const struct queue_actor fx_budi = {"budi", WF_ROLE_KASUBBAG, false};
static const struct queue_actor fx_citra = {"citra", WF_ROLE_PPID, false};

static time_t fx_at(int m, int d, int hh, int mm)
{
	return date_wib_to_utc((struct date){2026, m, d}, hh, mm, 0);
}

static int fx_fail(struct queue *q, const char *what)
{
	fprintf(stderr, "fixture: %s: %s\n", what, queue_errmsg(q));
	return -1;
}

static int fx_submit(struct queue *q, struct fixture *fx, int n,
		     enum req_channel ch, time_t received, const char *name,
		     const char *info, const char *phone)
{
	static struct request r;

	request_init(&r);
	snprintf(r.name, sizeof(r.name), "%s", name);
	r.id_type = REQ_ID_NIK;
	snprintf(r.id_number, sizeof(r.id_number), "3201015708900001");
	snprintf(r.address, sizeof(r.address), "@Jl. Merdeka No. %d, Bengkulu",
		 n);
	snprintf(r.occupation, sizeof(r.occupation), "%s",
		 n == 5 ? "-Petani" : "Mahasiswa");
	snprintf(r.phone, sizeof(r.phone), "%s", phone);
	snprintf(r.email, sizeof(r.email), "pemohon%d@contoh.id", n);
	snprintf(r.info, sizeof(r.info), "%s", info);
	snprintf(r.purpose, sizeof(r.purpose), "Penelitian, tugas akhir");
	r.obtain = n % 3 == 0 ? REQ_OBTAIN_VIEW
		   : n % 2    ? REQ_OBTAIN_SOFTCOPY
			      : REQ_OBTAIN_HARDCOPY;
	r.delivery = r.obtain == REQ_OBTAIN_VIEW ? REQ_DELIVERY_PICKUP
						 : REQ_DELIVERY_EMAIL;
	r.channel = ch;
	r.received_at = received;
	if (queue_submit(q, &r, ch == REQ_CHANNEL_KIOSK ? &fx_kiosk : &fx_ani,
			 false, received + 60) < 0)
		return fx_fail(q, name);
	if (n > 0 && n <= FX_N) {
		snprintf(fx->regno[n], sizeof(fx->regno[n]), "%s", r.regno);
		fx->id[n] = r.id;
	}
	return 0;
}

static int fx_act(struct queue *q, const struct fixture *fx, int n,
		  const char *action, const struct queue_actor *who, time_t t,
		  enum wf_decision dec, const char *basis, const char *extra)
{
	const struct text *why = NULL;
	struct wf_args a = {0};

	a.decision = dec;
	a.basis = basis;
	if (!strcmp(action, "coordinate"))
		a.memo = extra;
	else if (dec == WF_DECISION_NOT_HELD)
		a.holder = extra;
	else
		a.note = extra;
	if (queue_act(q, fx->regno[n], action, &a, who, t, &why) < 0) {
		fprintf(stderr, "fixture: R%d %s: %s\n", n, action,
			queue_errmsg(q));
		return -1;
	}
	return 0;
}

/*
 * The month.  Working days in March 2026: 22 weekdays minus 5 holidays
 * on weekdays (18, 19, 20, 23, 24) = 17.
 *   R7 Wed 18 Feb kiosk, never acted on: due Wed 4 Mar, missed.
 *   R1 Mon 2 Mar kiosk: forward, available (2 Mar), granted (3 Mar),
 *      notify (3 Mar), close (4 Mar).
 *   R2 Tue 3 Mar desk: forward (3), coordinate (4), partial h (9),
 *      notify (10 Mar).
 *   R3 Sat 7 Mar email (counts from Mon 9): forward (9), exclude h
 *      (10), notify (10 Mar).
 *   R4 Mon 16 Mar letter: forward (16), coordinate (17), extend (25;
 *      due 7 Apr -> 16 Apr), rejected c (Thu 2 Apr), notify (6 Apr).
 *   R5 Wed 25 Mar phone: forward (25), available (26), not held (27).
 *   R6 Thu 26 Mar 17:00 kiosk (after hours, counts from 27): untouched.
 */
static int fixture_make(struct queue *q, struct fixture *fx, bool many)
{
	const enum wf_decision none = WF_DECISION_NONE;

	memset(fx, 0, sizeof(*fx));
	if (fx_submit(q, fx, 7, REQ_CHANNEL_KIOSK, fx_at(2, 18, 9, 0),
		      "Rahmat Hidayat", "Data pemilih tetap 2024",
		      "081234567890") < 0 ||
	    fx_submit(q, fx, 1, REQ_CHANNEL_KIOSK, fx_at(3, 2, 9, 0),
		      "Santoso, Budi", "Salinan DPT, Kota Bengkulu",
		      "+62 812 3456 7890") < 0 ||
	    fx_submit(q, fx, 2, REQ_CHANNEL_DESK, fx_at(3, 3, 10, 0),
		      "O\"Brien \"Ahmad\"", "Dokumen \"A\" dan \"B\"",
		      "081200000002") < 0 ||
	    fx_submit(q, fx, 3, REQ_CHANNEL_EMAIL, fx_at(3, 7, 10, 0),
		      "=1+1 Sari", "Baris satu\nBaris dua, \"kutip\"",
		      "081200000003") < 0 ||
	    fx_submit(q, fx, 4, REQ_CHANNEL_LETTER, fx_at(3, 16, 15, 0),
		      "+Putri Ayu", "-1+1 laporan keuangan",
		      "081200000004") < 0 ||
	    fx_submit(q, fx, 5, REQ_CHANNEL_PHONE, fx_at(3, 25, 10, 0), "@Dewi",
		      "Hasil rekapitulasi suara", "081200000005") < 0 ||
	    fx_submit(q, fx, 6, REQ_CHANNEL_KIOSK, fx_at(3, 26, 17, 0),
		      "\u738b\u5c0f\u660e Wang",
		      "Anggaran hibah pilkada 2024 dan laporan "
		      "pertanggungjawabannya yang lengkap beserta lampiran "
		      "rincian belanja per kabupaten dan kota di Provinsi "
		      "Bengkulu",
		      "081200000006") < 0)
		return -1;

	if (fx_act(q, fx, 1, "forward", &fx_ani, fx_at(3, 2, 10, 0), none, NULL,
		   NULL) < 0 ||
	    fx_act(q, fx, 1, "available", &fx_citra, fx_at(3, 2, 11, 0), none,
		   NULL, NULL) < 0 ||
	    fx_act(q, fx, 1, "decide", &fx_citra, fx_at(3, 3, 10, 0),
		   WF_DECISION_GRANTED, NULL, NULL) < 0 ||
	    fx_act(q, fx, 1, "notify", &fx_ani, fx_at(3, 3, 14, 0), none, NULL,
		   NULL) < 0 ||
	    fx_act(q, fx, 1, "close", &fx_ani, fx_at(3, 4, 9, 0), none, NULL,
		   NULL) < 0 ||
	    fx_act(q, fx, 2, "forward", &fx_ani, fx_at(3, 3, 11, 0), none, NULL,
		   NULL) < 0 ||
	    fx_act(q, fx, 2, "coordinate", &fx_budi, fx_at(3, 4, 10, 0), none,
		   NULL, "ND-01/2026") < 0 ||
	    fx_act(q, fx, 2, "decide", &fx_citra, fx_at(3, 9, 10, 0),
		   WF_DECISION_PARTIAL, "h", NULL) < 0 ||
	    fx_act(q, fx, 2, "notify", &fx_ani, fx_at(3, 10, 9, 0), none, NULL,
		   NULL) < 0 ||
	    fx_act(q, fx, 3, "forward", &fx_ani, fx_at(3, 9, 11, 0), none, NULL,
		   NULL) < 0 ||
	    fx_act(q, fx, 3, "exclude", &fx_ani, fx_at(3, 10, 10, 0), none, "h",
		   NULL) < 0 ||
	    fx_act(q, fx, 3, "notify", &fx_ani, fx_at(3, 10, 15, 0), none, NULL,
		   NULL) < 0 ||
	    fx_act(q, fx, 4, "forward", &fx_ani, fx_at(3, 16, 15, 30), none,
		   NULL, NULL) < 0 ||
	    fx_act(q, fx, 4, "coordinate", &fx_budi, fx_at(3, 17, 9, 0), none,
		   NULL, "ND-02/2026") < 0 ||
	    fx_act(q, fx, 4, "extend", &fx_budi, fx_at(3, 25, 9, 0), none, NULL,
		   "menunggu data dari KPU kabupaten") < 0 ||
	    fx_act(q, fx, 5, "forward", &fx_ani, fx_at(3, 25, 11, 0), none,
		   NULL, NULL) < 0 ||
	    fx_act(q, fx, 5, "available", &fx_citra, fx_at(3, 26, 9, 0), none,
		   NULL, NULL) < 0 ||
	    fx_act(q, fx, 5, "decide", &fx_citra, fx_at(3, 27, 9, 0),
		   WF_DECISION_NOT_HELD, NULL,
		   "Bawaslu Provinsi Bengkulu") < 0 ||
	    fx_act(q, fx, 4, "decide", &fx_citra, fx_at(4, 2, 10, 0),
		   WF_DECISION_REJECTED, "c", NULL) < 0 ||
	    fx_act(q, fx, 4, "notify", &fx_ani, fx_at(4, 6, 10, 0), none, NULL,
		   NULL) < 0)
		return -1;

	/* Calls on 2 March: answered after 2 and after 10 minutes; a pickup
	 * on 25 March never answered. */
	{
		int64_t c1, c2;
		int64_t job;

		if (queue_call_add(q, QUEUE_CALL_BUTTON, 0, fx_at(3, 2, 10, 30),
				   &c1) < 0 ||
		    queue_call_ack(q, c1, &fx_ani, fx_at(3, 2, 10, 32)) < 0 ||
		    queue_call_add(q, QUEUE_CALL_SCREEN, 0, fx_at(3, 2, 13, 0),
				   &c2) < 0 ||
		    queue_call_ack(q, c2, &fx_ani, fx_at(3, 2, 13, 10)) < 0 ||
		    queue_call_add(q, QUEUE_CALL_PICKUP, fx->id[1],
				   fx_at(3, 25, 9, 0), NULL) < 0)
			return fx_fail(q, "calls");
		/* R1's receipt did not print: out of paper. */
		if (queue_job_add(q, fx->id[1], "receipt", "",
				  fx_at(3, 2, 9, 0), &job) < 0 ||
		    queue_job_update(q, job, QUEUE_JOB_FAILED, 0,
				     "Kertas habis (Out of paper)",
				     fx_at(3, 2, 9, 1)) < 0)
			return fx_fail(q, "print job");
	}
	/* The Kasubbag supervised 2 March; handed March over on 2 April. */
	if (queue_supervise(q, (struct date){2026, 3, 2}, "semua permohonan",
			    &fx_budi, fx_at(3, 2, 15, 0)) < 0 ||
	    queue_report_handover(q, 2026, 3, NULL, &fx_budi,
				  fx_at(4, 2, 11, 0)) < 0)
		return fx_fail(q, "office events");

	/* Forty more requests in May, for a register of several pages. */
	for (int i = 0; many && i < 40; i++) {
		char name[64];

		snprintf(name, sizeof(name), "Pemohon Mei %02d", i + 1);
		if (fx_submit(q, fx, 0, REQ_CHANNEL_DESK,
			      fx_at(5, 4 + i % 4, 9, i), name,
			      "Salinan keputusan KPU tentang penetapan "
			      "calon terpilih beserta lampirannya",
			      "081200000100") < 0)
			return -1;
	}
	return 0;
}

#endif
