// SPDX-License-Identifier: GPL-2.0-or-later
/* Subcommands around the register: check-id, workdays, holidays, calls. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "console.h"
#include "holiday_csv.h"
#include "idparse.h"
#include "safetext.h"

/* ---- check-id ------------------------------------------------------------- */

static void print_date(const char *key, struct date d)
{
	char buf[16];

	date_format(d, buf, sizeof(buf));
	printf("%s: %s\n", key, buf);
}

int cmd_check_id(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console check-id [--reveal] [-]\n"
	    "Parse what a card reader or a person typed, read from standard "
	    "input (one\nline; an MRZ's lines separated by spaces), never "
	    "from the command line,\nwhich other users can see: a 16-digit "
	    "NIK, an ICAO 9303 MRZ (TD1 or TD3)\nor a receipt code.  Prints "
	    "the fields, one 'key: value' per line, the NIK\nmasked unless "
	    "--reveal is given; exit 1 with the reason when invalid.\n";
	static char in[512];
	static struct id_result r;
	char masked[64];
	bool reveal = false;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--reveal") == 0) {
			reveal = true;
		} else if (strcmp(argv[i], "-") != 0) {
			console_error("check-id",
				      "the ID is read from standard input, not "
				      "the command line (others can see "
				      "argv): echo ... | ppid-console "
				      "check-id");
			return EXIT_USAGE;
		}
	}
	if (console_read_stdin_line("check-id", "ID", in, sizeof(in)) < 0)
		return EXIT_USAGE;
	if (id_parse(in, strlen(in), console_today(c), &r) == ID_KIND_INVALID) {
		explicit_bzero(in, sizeof(in));
		console_error_text("check-id", "invalid", r.reason);
		explicit_bzero(&r, sizeof(r));
		return EXIT_REFUSED;
	}
	explicit_bzero(in, sizeof(in));
	printf("kind: %s\n", id_kind_name(r.kind));
	switch (r.kind) {
	case ID_KIND_NIK:
		if (reveal)
			snprintf(masked, sizeof(masked), "%s", r.u.nik.nik);
		else
			id_mask(r.u.nik.nik, masked, sizeof(masked));
		printf("nik: %s\n", masked);
		printf("province: %02d%s%s\n", r.u.nik.province,
		       r.u.nik.province_name ? " " : "",
		       r.u.nik.province_name ? r.u.nik.province_name : "");
		/* Region, birth date and serial together are the NIK. */
		if (!reveal)
			break;
		printf("regency: %02d\n", r.u.nik.regency);
		printf("district: %02d\n", r.u.nik.district);
		print_date("birth", r.u.nik.birth);
		printf("sex: %c\n", r.u.nik.sex);
		printf("serial: %04d\n", r.u.nik.serial);
		break;
	case ID_KIND_MRZ_TD1:
	case ID_KIND_MRZ_TD3:
		printf("document: %s\n", r.u.mrz.doc_code);
		printf("issuer: %s\n", r.u.mrz.issuer);
		if (reveal)
			snprintf(masked, sizeof(masked), "%s",
				 r.u.mrz.doc_number);
		else
			id_mask(r.u.mrz.doc_number, masked, sizeof(masked));
		printf("number: %s\n", masked);
		printf("surname: %s\n", r.u.mrz.surname);
		printf("given: %s\n", r.u.mrz.given_names);
		printf("nationality: %s\n", r.u.mrz.nationality);
		print_date("birth", r.u.mrz.birth);
		printf("sex: %c\n", r.u.mrz.sex);
		print_date("expiry", r.u.mrz.expiry);
		if (*r.u.mrz.optional)
			printf("optional: %s\n", r.u.mrz.optional);
		break;
	case ID_KIND_RECEIPT:
		printf("regno: %s\n", r.u.receipt.regno);
		printf("token: %s\n", r.u.receipt.token);
		break;
	default:
		break;
	}
	if (r.warning)
		printf("warning: %s (%s)\n", r.warning->id, r.warning->en);
	explicit_bzero(&r, sizeof(r));
	explicit_bzero(masked, sizeof(masked));
	return EXIT_OK;
}

/* ---- workdays ------------------------------------------------------------- */

int cmd_workdays(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console workdays DATE N\n"
	    "       ppid-console workdays 'DATE HH:MM' N\n"
	    "The deadline of a request received on DATE (YYYY-MM-DD, WIB): N "
	    "working days\nlater, skipping weekends and the holiday table, "
	    "counted exactly as the queue\ncounts a request: the day it "
	    "counts from is DATE itself when DATE is a\nworking day (and the "
	    "time, if given, is before closing), otherwise the next\nworking "
	    "day; that day is not counted.  'workdays 2026-11-27 10' is "
	    "2026-12-11\n(a Friday); 'workdays 2026-11-28 10' (a Saturday) "
	    "counts from Monday\n2026-11-30 and gives 2026-12-14.\n";
	struct calendar *cal;
	struct queue *q;
	time_t t;
	char buf[16], *end;
	long n;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (argc != 3) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (date_parse_wib(argv[1], &t) < 0) {
		/* Past 2038 on a 32-bit time_t: refused, never wrapped. */
		if (errno == ERANGE) {
			console_error("workdays",
				      "'%s' is past the last time this system "
				      "can count (2038-01-19 10:14 WIB: its "
				      "time_t has 32 bits)",
				      argv[1]);
			return EXIT_REFUSED;
		}
		console_error("workdays",
			      "'%s' is not a date (YYYY-MM-DD or 'YYYY-MM-DD "
			      "HH:MM')",
			      argv[1]);
		return EXIT_USAGE;
	}
	errno = 0;
	n = strtol(argv[2], &end, 10);
	if (errno || *end || end == argv[2] || n < 0 || n > 1000) {
		console_error("workdays", "N must be a whole number 0..1000");
		return EXIT_USAGE;
	}
	q = console_open_queue(c, false, true);
	if (!q)
		return EXIT_REFUSED;
	cal = calendar_new();
	if (!cal || queue_load_calendar(q, cal) < 0) {
		console_error("workdays", "%s", queue_errmsg(q));
		calendar_free(cal);
		queue_close(q);
		return EXIT_REFUSED;
	}
	/* The same count as a request received at that time. */
	if (c->cfg.close_min > c->cfg.open_min)
		calendar_set_hours(cal, c->cfg.open_min, c->cfg.close_min);
	date_format(calendar_due(cal, t, (int)n), buf, sizeof(buf));
	printf("%s\n", buf);
	calendar_free(cal);
	queue_close(q);
	return EXIT_OK;
}

/* ---- holidays ------------------------------------------------------------- */

static int print_holiday(const struct queue_holiday *h, void *ctx)
{
	char d[16], name[256];

	(void)ctx;
	date_format(h->day, d, sizeof(d));
	safetext_line(h->name, 0, name, sizeof(name));
	printf("%s  %-8s  %s\n", d, h->kind, name);
	return 0;
}

/* The file's rows, or a message naming the file and the line. */
static int import_file(const char *path, struct holiday_csv *h)
{
	struct holiday_csv_error err;

	if (holiday_csv_load(path, h, &err) == 0)
		return 0;
	if (err.line)
		console_error("holidays", "%s:%zu: %s", path, err.line,
			      err.msg);
	else
		console_error("holidays", "%s: %s", path, err.msg);
	return -1;
}

int cmd_holidays(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console holidays list [YEAR]\n"
	    "       ppid-console holidays add DATE NAME [--kind "
	    "national|leave|office] [--source TEXT]\n"
	    "       ppid-console holidays import FILE\n"
	    "The holiday table (national holidays, cuti bersama, office "
	    "closures).  FILE\nis CSV: DATE,KIND,NAME[,SOURCE] per line, "
	    "'#' comments, an optional\nheader day,kind,name,source; quote "
	    "a field that holds a comma (\"a, b\")\nand double quotes "
	    "inside one.  A bad line refuses the whole file.  Adding\n"
	    "holidays recomputes the deadlines of open requests; each move "
	    "is recorded.\n";
	struct queue_holiday one, *many = NULL;
	struct holiday_csv file = {NULL, 0};
	size_t n = 0;
	struct queue *q;
	int rc = EXIT_REFUSED;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "list") == 0) {
		int year = argc > 2 ? atoi(argv[2]) : 0;

		if (argc > 3 || (argc > 2 && (year < 1900 || year > 9999))) {
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
		q = console_open_queue(c, false, true);
		if (!q)
			return EXIT_REFUSED;
		rc = EXIT_OK;
		if (queue_holidays(q, year, print_holiday, NULL) < 0) {
			console_error("holidays",
				      "cannot read the holidays: %s",
				      queue_errmsg(q));
			rc = EXIT_REFUSED;
		}
		queue_close(q);
		return rc;
	}
	if (strcmp(argv[1], "add") == 0) {
		one.kind = "national";
		one.source = "";
		if (argc < 4 || date_parse(argv[2], &one.day) < 0) {
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
		one.name = argv[3];
		for (int i = 4; i < argc; i++) {
			if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc)
				one.kind = argv[++i];
			else if (strcmp(argv[i], "--source") == 0 &&
				 i + 1 < argc)
				one.source = argv[++i];
			else {
				fputs(usage, stderr);
				return EXIT_USAGE;
			}
		}
		one.kind = holiday_csv_kind(one.kind);
		if (!one.kind || !request_text_ok(one.name, false, NULL)) {
			console_error("holidays", "bad kind or name");
			return EXIT_USAGE;
		}
		many = &one;
		n = 1;
	} else if (strcmp(argv[1], "import") == 0) {
		if (argc != 3) {
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
		if (import_file(argv[2], &file) < 0)
			return EXIT_REFUSED;
		many = file.rows;
		n = file.n_rows;
	} else {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	q = console_open_queue(c, false, false);
	if (q) {
		if (queue_holidays_add(q, many, n, &c->actor, c->now) < 0) {
			console_error("holidays", "%s", queue_errmsg(q));
			console_explain_roles(c);
		} else {
			printf("%zu holiday(s) stored\n", n);
			rc = EXIT_OK;
		}
		queue_close(q);
	}
	holiday_csv_free(&file);
	return rc;
}

/* ---- calls ---------------------------------------------------------------- */

static int print_call(const struct queue_call *k, void *ctx)
{
	char at[32], ack[32], by[64], kind[80];

	(void)ctx;
	date_format_wib(k->at, at, sizeof(at));
	safetext_line(k->source, 8, kind, sizeof(kind));
	if (k->kind == QUEUE_CALL_PICKUP) {
		size_t n = strlen(kind);

		snprintf(kind + n, sizeof(kind) - n, " ");
		safetext_line(k->regno, 40, kind + n + 1, sizeof(kind) - n - 1);
	}
	if (!k->acked_at) {
		printf("%-5lld %s  %-7s WAITING\n", (long long)k->id, at, kind);
		return 0;
	}
	date_format_wib(k->acked_at, ack, sizeof(ack));
	safetext_line(k->acked_by, 32, by, sizeof(by));
	printf("%-5lld %s  %-7s acknowledged by %s at %s (after %lld s)\n",
	       (long long)k->id, at, kind, by, ack,
	       (long long)(k->acked_at - k->at));
	return 0;
}

int cmd_calls(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console calls [--pending]\n"
	    "       ppid-console calls ack ID\n"
	    "       ppid-console calls add [button|screen|pickup REGNO]  "
	    "(what the\n"
	    "       kiosk does; for tests)\n"
	    "Calls from the visitor's call button.  Acknowledging one "
	    "tells the kiosk\nthat staff are coming (its LED stays on).\n";
	struct queue *q;
	int rc = EXIT_REFUSED;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (argc >= 2 && strcmp(argv[1], "ack") == 0) {
		char *end;
		long long id;

		if (argc != 3) {
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
		id = strtoll(argv[2], &end, 10);
		if (*end || id <= 0) {
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
		q = console_open_queue(c, false, false);
		if (!q)
			return EXIT_REFUSED;
		if (queue_call_ack(q, id, &c->actor, c->now) < 0) {
			console_error("calls", "%s", queue_errmsg(q));
			console_explain_roles(c);
		} else
			rc = EXIT_OK;
		queue_close(q);
		return rc;
	}
	if (argc >= 2 && strcmp(argv[1], "add") == 0) {
		static struct request r;
		enum queue_call_kind kind = QUEUE_CALL_BUTTON;
		int64_t id, request_id = 0;

		bool bad =
		    argc >= 3 && queue_call_kind_parse(argv[2], &kind) < 0;

		if (bad || argc > 4 ||
		    (kind == QUEUE_CALL_PICKUP) != (argc == 4)) {
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
		q = console_open_queue(c, false, false);
		if (!q)
			return EXIT_REFUSED;
		if (kind == QUEUE_CALL_PICKUP) {
			if (queue_get(q, argv[3], &r) < 0) {
				console_error("calls", "%s", queue_errmsg(q));
				queue_close(q);
				return EXIT_REFUSED;
			}
			request_id = r.id;
			request_wipe(&r);
		}
		if (queue_call_add(q, kind, request_id, c->now, &id) < 0) {
			console_error("calls", "%s", queue_errmsg(q));
		} else {
			printf("%lld\n", (long long)id);
			rc = EXIT_OK;
		}
		queue_close(q);
		return rc;
	}
	if (argc > 2 || (argc == 2 && strcmp(argv[1], "--pending"))) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	q = console_open_queue(c, false, true);
	if (!q)
		return EXIT_REFUSED;
	rc = EXIT_OK;
	if (queue_calls(q, argc == 2, 50, print_call, NULL) < 0) {
		console_error("calls", "cannot read the calls: %s",
			      queue_errmsg(q));
		rc = EXIT_REFUSED;
	}
	queue_close(q);
	return rc;
}
