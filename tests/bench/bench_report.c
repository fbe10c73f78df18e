// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Benchmarks of the reports on a year of 1000 requests (each forwarded,
 * found available and granted): computing the yearly report, the year's
 * register and a month's matrix, and rendering them as text, CSV and PDF.
 * Prints table rows in milliseconds.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "queue.h"
#include "report.h"
#include "report_doc.h"

#define N_REQ 1000

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int fill_year(struct queue *q)
{
	static const struct queue_actor desk = {"ani", WF_ROLE_DESK, false};
	static const struct queue_actor ppid = {"citra", WF_ROLE_PPID, false};
	static struct request r;
	const struct text *why;

	for (int i = 0; i < N_REQ; i++) {
		time_t t = date_wib_to_utc(
		    date_add_days((struct date){2026, 1, 2}, i * 360 / N_REQ),
		    9 + i % 6, i % 60, 0);
		struct wf_args none = {0}, grant = {0};

		request_init(&r);
		snprintf(r.name, sizeof(r.name), "Pemohon Uji %04d", i);
		snprintf(r.id_number, sizeof(r.id_number), "3201015708900001");
		snprintf(r.address, sizeof(r.address),
			 "Jl. Pembangunan No. %d, Bengkulu", i);
		snprintf(r.occupation, sizeof(r.occupation), "Mahasiswa");
		snprintf(r.phone, sizeof(r.phone), "081234567890");
		snprintf(r.info, sizeof(r.info),
			 "Salinan keputusan KPU tentang penetapan rekapitulasi "
			 "hasil pemilu %d di Kota Bengkulu",
			 2000 + i % 25);
		snprintf(r.purpose, sizeof(r.purpose), "Penelitian");
		r.obtain = REQ_OBTAIN_HARDCOPY;
		r.channel = (enum req_channel)(i % REQ_CHANNEL_COUNT);
		r.received_at = t;
		grant.decision = WF_DECISION_GRANTED;
		if (queue_submit(q, &r, &desk, false, t + 60) < 0 ||
		    queue_act(q, r.regno, "forward", &none, &desk, t + 120,
			      &why) < 0 ||
		    queue_act(q, r.regno, "available", &none, &ppid, t + 180,
			      &why) < 0 ||
		    queue_act(q, r.regno, "decide", &grant, &ppid, t + 86400,
			      &why) < 0) {
			fprintf(stderr, "%s\n", queue_errmsg(q));
			return -1;
		}
	}
	return 0;
}

static void row(const char *what, double ms)
{
	printf("| %-44s | %12.1f | %-9s |\n", what, ms, "ms");
}

static void bench(struct queue *q, struct calendar *cal, const char *what,
		  enum report_kind k, struct date from, struct date to)
{
	static const struct report_office office = {"KPU Provinsi Bengkulu",
						    NULL};
	static const char *const fmts[] = {"text", "csv", "pdf"};
	struct report *r;
	char name[64], *buf;
	size_t len;
	double t0 = now_ms();

	if (report_build(q, cal, k, from, to, (struct date){2026, 12, 31}, &r) <
	    0) {
		fprintf(stderr, "%s\n", queue_errmsg(q));
		return;
	}
	snprintf(name, sizeof(name), "report %s: compute", what);
	row(name, now_ms() - t0);
	for (int f = 0; f < REPORT_FMT_COUNT; f++) {
		t0 = now_ms();
		if (report_render_mem(r, (enum report_format)f, LANG_ID,
				      &office, &buf, &len, NULL, 0) < 0)
			continue;
		snprintf(name, sizeof(name), "report %s: %s (%zu kB)", what,
			 fmts[f], len / 1024);
		row(name, now_ms() - t0);
		free(buf);
	}
	report_free(r);
}

int main(void)
{
	char dir[] = "/tmp/ppidbrep.XXXXXX", path[64], cmd[96];
	struct queue_options opt = {.path = path, .create = true};
	struct queue *q = NULL;
	struct calendar *cal = calendar_new();
	char err[256];

	if (!mkdtemp(dir) || !cal)
		return 1;
	snprintf(path, sizeof(path), "%s/queue.db", dir);
	if (queue_open(&opt, &q, err, sizeof(err)) != QUEUE_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	if (fill_year(q) == 0 && queue_load_calendar(q, cal) == 0) {
		bench(q, cal, "yearly 1000", REPORT_YEARLY,
		      (struct date){2026, 1, 1}, (struct date){2026, 1, 1});
		bench(q, cal, "register 1000", REPORT_REGISTER,
		      (struct date){2026, 1, 1}, (struct date){2026, 12, 31});
		bench(q, cal, "matrix month", REPORT_MATRIX,
		      (struct date){2026, 6, 1}, (struct date){2026, 6, 30});
	}
	queue_close(q);
	calendar_free(cal);
	document_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
