// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Benchmarks of the queue store and the ID parser.  Prints table rows:
 *   durable submissions per second (queue_submit, synchronous=FULL, WAL)
 *   next to a bare SQLite one-row-per-commit insert at synchronous=FULL in
 *   the same run and on the same disk, and their ratio (goal >= 0.8);
 *   ID parses per second for an NIK, a TD3 MRZ and garbage.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include "idparse.h"
#include "queue.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void fill(struct request *r)
{
	request_init(r);
	snprintf(r->name, sizeof(r->name), "Benchmark Pemohon");
	snprintf(r->id_number, sizeof(r->id_number), "1771014708900001");
	snprintf(r->address, sizeof(r->address),
		 "Jl. Pembangunan 11, Bengkulu");
	snprintf(r->occupation, sizeof(r->occupation), "Mahasiswa");
	snprintf(r->phone, sizeof(r->phone), "081234567890");
	snprintf(r->info, sizeof(r->info),
		 "Salinan keputusan penetapan DPT Pemilu 2024 Kota Bengkulu");
	snprintf(r->purpose, sizeof(r->purpose), "Penelitian");
	r->obtain = REQ_OBTAIN_HARDCOPY;
}

static double bench_raw(const char *path, int n)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	double t0;

	sqlite3_open(path, &db);
	sqlite3_exec(db,
		     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
		     "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, "
		     "info TEXT, at INTEGER) STRICT",
		     NULL, NULL, NULL);
	sqlite3_prepare_v2(db,
			   "INSERT INTO t (name, info, at) VALUES (?, ?, ?)",
			   -1, &st, NULL);
	t0 = now_s();
	for (int i = 0; i < n; i++) {
		sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		sqlite3_bind_text(st, 1, "Benchmark Pemohon", -1,
				  SQLITE_STATIC);
		sqlite3_bind_text(st, 2, "Salinan keputusan penetapan DPT", -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, i);
		sqlite3_step(st);
		sqlite3_reset(st);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	}
	t0 = now_s() - t0;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n / t0;
}

static double bench_submit(const char *path, int n)
{
	struct queue_options opt = {.path = path, .create = true};
	struct queue_actor kiosk = {"kiosk", WF_ROLE_KIOSK, false};
	static struct request r;
	struct queue *q;
	char err[256];
	double t0;
	time_t now = time(NULL);

	if (queue_open(&opt, &q, err, sizeof(err)) != QUEUE_OK) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	t0 = now_s();
	for (int i = 0; i < n; i++) {
		fill(&r);
		if (queue_submit(q, &r, &kiosk, true, now) < 0) {
			fprintf(stderr, "%s\n", queue_errmsg(q));
			exit(1);
		}
	}
	t0 = now_s() - t0;
	queue_close(q);
	return n / t0;
}

static double bench_parse(const char *text, int n)
{
	struct id_result r;
	struct date today = {2026, 11, 27};
	size_t len = strlen(text);
	double t0 = now_s();
	volatile int sink = 0;

	for (int i = 0; i < n; i++)
		sink += (int)id_parse(text, len, today, &r);
	(void)sink;
	return n / (now_s() - t0);
}

int main(void)
{
	char dir[] = "/tmp/ppidbench.XXXXXX", a[64], b[64], cmd[96];
	int n = getenv("BENCH_N") ? atoi(getenv("BENCH_N")) : 300;
	double raw, sub;

	if (!mkdtemp(dir))
		return 1;
	snprintf(a, sizeof(a), "%s/raw.db", dir);
	snprintf(b, sizeof(b), "%s/queue.db", dir);
	/* Alternate so neither side gets a warmer disk. */
	raw = bench_raw(a, n);
	sub = bench_submit(b, n);
	printf("| %-44s | %12.0f | %-9s |\n",
	       "raw SQLite insert, 1 row/commit, sync=FULL", raw, "commits/s");
	printf("| %-44s | %12.0f | %-9s |\n",
	       "queue_submit (number+deadline+event+job)", sub, "submits/s");
	printf("| %-44s | %12.2f | %-9s |\n",
	       "submit / raw ratio (goal >= 0.8)", sub / raw, "ratio");
	printf("| %-44s | %12.0f | %-9s |\n", "id_parse NIK",
	       bench_parse("1771014708900001", 2000000), "parses/s");
	printf("| %-44s | %12.0f | %-9s |\n", "id_parse TD3 MRZ",
	       bench_parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
			   "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
			   1000000),
	       "parses/s");
	printf("| %-44s | %12.0f | %-9s |\n", "id_parse garbage",
	       bench_parse("hello, this is not an identity document", 2000000),
	       "parses/s");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
