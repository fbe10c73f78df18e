// SPDX-License-Identifier: GPL-2.0-or-later
/* Subcommands on requests: init, add, list, show, act. */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "console.h"
#include "csvout.h"
#include "idparse.h"
#include "safetext.h"

/* ---- init ------------------------------------------------------------------ */

/* The database and its -wal and -shm files hold personal data: a mode
 * that lets others read or write them is narrowed, and said. */
static int tighten_modes(const char *db)
{
	static const char *const suffix[] = {"", "-wal", "-shm"};
	char path[PATH_MAX];
	struct stat st;

	for (size_t i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		mode_t want;

		if (snprintf(path, sizeof(path), "%s%s", db, suffix[i]) >=
			(int)sizeof(path) ||
		    stat(path, &st) < 0 || !(st.st_mode & 0007))
			continue;
		want = st.st_mode & 0770;
		if (chmod(path, want) < 0) {
			console_error("init",
				      "%s is readable by others and cannot be "
				      "narrowed: %s",
				      path, strerror(errno));
			return -1;
		}
		printf("%s: mode %03o was open to others; now %03o\n", path,
		       (unsigned)(st.st_mode & 0777), (unsigned)want);
	}
	return 0;
}

int cmd_init(struct console *c, int argc, char **argv)
{
	struct queue *q;

	if (console_wants_help(argc, argv,
			       "usage: ppid-console [--db PATH] init\n"
			       "Create the database (mode 0660: the kiosk "
			       "user and the staff group only)\nwith its "
			       "schema and the shipped holidays, or bring an "
			       "existing one up to\ndate; a database that "
			       "others may read is narrowed to 0660.\n"))
		return EXIT_OK;
	if (argc > 1) {
		console_error("init", "takes no arguments");
		return EXIT_USAGE;
	}
	/* Nothing init creates (the file, its -wal, -shm) is ever open to
	 * others, not even for an instant. */
	umask(0007);
	if (tighten_modes(c->db_path) < 0)
		return EXIT_REFUSED;
	q = console_open_queue(c, true, false);
	if (!q)
		return EXIT_REFUSED;
	printf("%s: schema version %d\n", c->db_path, queue_schema_version(q));
	queue_close(q);
	return tighten_modes(c->db_path) < 0 ? EXIT_REFUSED : EXIT_OK;
}

/* ---- add ------------------------------------------------------------------- */

static const char add_usage[] =
    "usage: ppid-console add --name NAME --id ID --address ADDR "
    "--occupation OCC\n"
    "         (--phone PHONE | --email EMAIL) --info TEXT --purpose TEXT\n"
    "         [--id-type nik|passport|deed|other] [--obtain "
    "view|softcopy|hardcopy]\n"
    "         [--delivery pickup|courier|post|fax|email] [--channel "
    "desk|letter|email|phone]\n"
    "         [--received 'YYYY-MM-DD HH:MM'] [--proxy] [--election] "
    "[--lang id|en]\n"
    "Register a request received at the desk, by letter, email or phone.\n"
    "Prints the registration number alone on stdout.\n"
    "  --id -      read the ID number from standard input (keeps it out "
    "of the\n              process list and the shell history)\n"
    "  --id-type   default: nik when ID is 16 digits, else other\n"
    "  --channel   default: desk\n"
    "  --obtain    default: softcopy for email requests, else hardcopy\n"
    "  --delivery  default: email for email requests, else pickup\n"
    "  --received  WIB time it arrived (backdating is fine, the future is "
    "not,\n"
    "              nor before 2010-04-30, when UU 14/2008 took effect);\n"
    "              default: now\n"
    "  --proxy     acting for someone else (with a power of attorney)\n"
    "  --election  election information during election stages (3 + 2 "
    "days)\n";

static int copy_field(char *dst, size_t len, const char *src, const char *what)
{
	if (strlen(src) >= len) {
		console_error("add", "%s is too long", what);
		return -1;
	}
	memcpy(dst, src, strlen(src) + 1);
	return 0;
}

/* A deadline counted over a year without holidays may fall on one: the
 * command's one holiday warning names this request's deadline. */
static void warn_unloaded_years(struct console *c, struct queue *q,
				const struct request *r)
{
	int missing[8], n = 0;
	char due[16], why[96];

	for (int y = r->start_date.year; y <= r->deadline.year && n < 8; y++) {
		bool any;

		if (console_year_has_holidays(q, y, &any) < 0) {
			console_error("add",
				      "warning: cannot check the holidays of "
				      "%d: %s",
				      y, queue_errmsg(q));
			return;
		}
		if (!any)
			missing[n++] = y;
	}
	date_format(r->deadline, due, sizeof(due));
	snprintf(why, sizeof(why),
		 "deadline %s is counted over them: check it once they are "
		 "imported",
		 due);
	console_warn_holidays(c, missing, n, why);
}

int cmd_add(struct console *c, int argc, char **argv)
{
	enum {
		O_NAME = 256,
		O_ID,
		O_ID_TYPE,
		O_ADDRESS,
		O_OCCUPATION,
		O_PHONE,
		O_EMAIL,
		O_INFO,
		O_PURPOSE,
		O_OBTAIN,
		O_DELIVERY,
		O_CHANNEL,
		O_RECEIVED,
		O_PROXY,
		O_ELECTION,
		O_LANG,
	};
	static const struct option opts[] = {
	    {"name", required_argument, NULL, O_NAME},
	    {"id", required_argument, NULL, O_ID},
	    {"id-type", required_argument, NULL, O_ID_TYPE},
	    {"address", required_argument, NULL, O_ADDRESS},
	    {"occupation", required_argument, NULL, O_OCCUPATION},
	    {"phone", required_argument, NULL, O_PHONE},
	    {"email", required_argument, NULL, O_EMAIL},
	    {"info", required_argument, NULL, O_INFO},
	    {"purpose", required_argument, NULL, O_PURPOSE},
	    {"obtain", required_argument, NULL, O_OBTAIN},
	    {"delivery", required_argument, NULL, O_DELIVERY},
	    {"channel", required_argument, NULL, O_CHANNEL},
	    {"received", required_argument, NULL, O_RECEIVED},
	    {"proxy", no_argument, NULL, O_PROXY},
	    {"election", no_argument, NULL, O_ELECTION},
	    {"lang", required_argument, NULL, O_LANG},
	    {NULL, 0, NULL, 0},
	};
	static struct request req;
	struct req_error errs[REQ_F_COUNT];
	const char *obtain = NULL, *delivery = NULL, *id_type = NULL;
	struct queue *q;
	int opt, v, n, rc = EXIT_REFUSED;

	if (console_wants_help(argc, argv, add_usage))
		return EXIT_OK;
	request_init(&req);
	req.channel = REQ_CHANNEL_DESK;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case O_NAME:
			v = copy_field(req.name, sizeof(req.name), optarg,
				       "--name");
			break;
		case O_ID:
			/* "-": from stdin, so the NIK stays out of argv
			 * (/proc/PID/cmdline, shell history). */
			if (strcmp(optarg, "-") == 0)
				v = console_read_stdin_line(
				    "add", "ID number", req.id_number,
				    sizeof(req.id_number));
			else
				v = copy_field(req.id_number,
					       sizeof(req.id_number), optarg,
					       "--id");
			break;
		case O_ID_TYPE:
			id_type = optarg;
			v = 0;
			break;
		case O_ADDRESS:
			v = copy_field(req.address, sizeof(req.address), optarg,
				       "--address");
			break;
		case O_OCCUPATION:
			v = copy_field(req.occupation, sizeof(req.occupation),
				       optarg, "--occupation");
			break;
		case O_PHONE:
			v = copy_field(req.phone, sizeof(req.phone), optarg,
				       "--phone");
			break;
		case O_EMAIL:
			v = copy_field(req.email, sizeof(req.email), optarg,
				       "--email");
			break;
		case O_INFO:
			v = copy_field(req.info, sizeof(req.info), optarg,
				       "--info");
			break;
		case O_PURPOSE:
			v = copy_field(req.purpose, sizeof(req.purpose), optarg,
				       "--purpose");
			break;
		case O_OBTAIN:
			obtain = optarg;
			v = 0;
			break;
		case O_DELIVERY:
			delivery = optarg;
			v = 0;
			break;
		case O_CHANNEL:
			v = request_channel_from_key(optarg);
			if (v < 0 || v == REQ_CHANNEL_KIOSK) {
				console_error("add",
					      "--channel must be desk, letter, "
					      "email or phone");
				return EXIT_USAGE;
			}
			req.channel = (enum req_channel)v;
			break;
		case O_RECEIVED:
			v = date_parse_wib(optarg, &req.received_at);
			if (v < 0 && errno == ERANGE) {
				console_error("add", "--received: the time "
						     "received cannot be in "
						     "the future or before "
						     "2010-04-30");
				return EXIT_REFUSED;
			}
			if (v < 0) {
				console_error("add",
					      "--received must be 'YYYY-MM-DD "
					      "HH:MM' (WIB)");
				return EXIT_USAGE;
			}
			/* Any time parsed is explicit, never "now". */
			if (req.received_at < REQ_RECEIVED_FLOOR) {
				console_error(
				    "add",
				    "--received %s is before 2010-04-30 "
				    "00:00 WIB, when UU 14/2008 took "
				    "effect (Waktu diterima sebelum UU "
				    "14/2008 berlaku)",
				    optarg);
				return EXIT_REFUSED;
			}
			break;
		case O_PROXY:
			req.proxy = true;
			v = 0;
			break;
		case O_ELECTION:
			req.regime = WF_REGIME_ELECTION;
			v = 0;
			break;
		case O_LANG:
			if (strcmp(optarg, "id") && strcmp(optarg, "en")) {
				console_error("add", "--lang must be id or en");
				return EXIT_USAGE;
			}
			req.lang =
			    strcmp(optarg, "en") == 0 ? LANG_EN : LANG_ID;
			v = 0;
			break;
		default:
			fputs(add_usage, stderr);
			return EXIT_USAGE;
		}
		if (v < 0)
			return EXIT_REFUSED;
	}
	if (optind < argc) {
		console_error("add", "unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}

	/* Defaults that follow from the channel and the ID's shape. */
	if (!id_type)
		id_type =
		    request_id_type_key(request_id_type_guess(req.id_number));
	v = request_id_type_from_key(id_type);
	if (v < 0) {
		console_error("add",
			      "--id-type must be nik, passport, deed or other");
		return EXIT_USAGE;
	}
	req.id_type = (enum req_id_type)v;
	if (req.id_type == REQ_ID_NIK) {
		/* Keep the 16 digits only, however they were typed. */
		size_t k = 0;

		for (size_t i = 0; req.id_number[i]; i++)
			if (req.id_number[i] >= '0' && req.id_number[i] <= '9')
				req.id_number[k++] = req.id_number[i];
		req.id_number[k] = '\0';
	}
	if (!obtain)
		obtain =
		    req.channel == REQ_CHANNEL_EMAIL ? "softcopy" : "hardcopy";
	if (!delivery)
		delivery =
		    req.channel == REQ_CHANNEL_EMAIL ? "email" : "pickup";
	v = request_obtain_from_key(obtain);
	if (v < 0) {
		console_error("add",
			      "--obtain must be view, softcopy or hardcopy");
		return EXIT_USAGE;
	}
	req.obtain = (enum req_obtain)v;
	v = request_delivery_from_key(delivery);
	if (v < 0) {
		console_error("add", "--delivery must be pickup, courier, "
				     "post, fax or email");
		return EXIT_USAGE;
	}
	req.delivery = (enum req_delivery)v;

	n = request_validate(&req, c->now, errs, REQ_F_COUNT);
	if (n > 0) {
		for (int i = 0; i < n && i < REQ_F_COUNT; i++)
			console_error_text(
			    "add", request_field_label(errs[i].field)->en,
			    errs[i].msg);
		goto out;
	}
	if (req.id_type == REQ_ID_NIK) {
		struct id_result r;

		id_parse(req.id_number, strlen(req.id_number), console_today(c),
			 &r);
		if (r.warning)
			console_error_text("add", "warning", r.warning);
	}
	c->quiet_holidays = true;
	q = console_open_queue(c, false, false);
	if (!q)
		goto out;
	if (queue_submit(q, &req, &c->actor, false, c->now) < 0) {
		console_error("add", "%s", queue_errmsg(q));
		if (queue_errcode(q) == QUEUE_ERR_REFUSED)
			console_explain_roles(c);
	} else {
		/* Committed: the number goes out before anything else can
		 * fail, so whoever typed it never loses it. */
		printf("%s\n", req.regno);
		rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_REFUSED;
		warn_unloaded_years(c, q, &req);
	}
	queue_close(q);
out:
	request_wipe(&req);
	return rc;
}

/* ---- list ------------------------------------------------------------------ */

struct list_ctx {
	struct console *c;    /* for today */
	struct calendar *cal; /* for working days left */
	bool csv;	      /* CSV instead of a table */
	int rows;	      /* printed */
};

/* Print at most @p width characters (not bytes) of a UTF-8 string with its
 * control characters made visible, padded to @p width. */
static void cell(const char *s, int width)
{
	char buf[512];

	safetext_line(s, (size_t)width, buf, sizeof(buf));
	fputs(buf, stdout);
	for (size_t n = safetext_chars(buf); n < (size_t)width; n++)
		putchar(' ');
	putchar(' ');
}

static void due_words(const struct list_ctx *l, const struct request *r,
		      char *buf, size_t len)
{
	struct date today = console_today(l->c);
	int left;

	if (workflow_status_done(r->status)) {
		snprintf(buf, len, "-");
		return;
	}
	left = calendar_workdays_between(l->cal, today, request_due(r));
	if (date_cmp(today, request_due(r)) > 0)
		snprintf(buf, len, "OVERDUE %d", -left);
	else
		snprintf(buf, len, "%d wd left", left);
}

static int list_row(const struct request *r, void *ctx)
{
	struct list_ctx *l = ctx;
	char received[32], due[16], words[32];

	date_format_wib(r->received_at, received, sizeof(received));
	date_format(request_due(r), due, sizeof(due));
	due_words(l, r, words, sizeof(words));
	if (l->csv) {
		char ext[16] = "";

		if (r->extended)
			date_format(r->extended_deadline, ext, sizeof(ext));
		date_format(r->deadline, due, sizeof(due));
		const char *cells[] = {
		    r->regno,
		    received,
		    request_channel_key(r->channel),
		    r->name,
		    workflow_status_key(r->status),
		    due,
		    ext,
		    request_overdue(r, console_today(l->c)) ? "yes" : "no",
		    r->decision ? workflow_decision_key(r->decision) : "",
		    r->info,
		};

		/* A write error stops the listing; stdout keeps its error. */
		if (csvout_row(stdout, sizeof(cells) / sizeof(cells[0]),
			       cells) < 0)
			return -1;
	} else {
		cell(r->regno, 26);
		cell(received, 20);
		cell(r->name, 24);
		cell(workflow_status_key(r->status), 12);
		cell(due, 10);
		printf("%s\n", words);
	}
	l->rows++;
	return 0;
}

int cmd_list(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console list [--status S] [--open] [--overdue] "
	    "[--format table|csv] [--limit N]\n"
	    "Requests, newest first.  S is one of submitted, forwarded, "
	    "excluded,\navailable, coordinating, decided, notified, "
	    "closed.  --open: not yet\nnotified; --overdue: past the "
	    "deadline in force (extensions count).\n";
	static const struct option opts[] = {
	    {"status", required_argument, NULL, 's'},
	    {"open", no_argument, NULL, 'o'},
	    {"overdue", no_argument, NULL, 'O'},
	    {"format", required_argument, NULL, 'f'},
	    {"limit", required_argument, NULL, 'l'},
	    {NULL, 0, NULL, 0},
	};
	struct queue_filter f = {.status = -1};
	struct list_ctx l = {.c = c};
	struct queue *q;
	int opt, rc = EXIT_REFUSED;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			f.status = workflow_status_from_key(optarg);
			if (f.status < 0) {
				console_error("list", "unknown status '%s'",
					      optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o':
			f.open_only = true;
			break;
		case 'O':
			f.overdue_only = true;
			break;
		case 'f':
			if (strcmp(optarg, "csv") && strcmp(optarg, "table")) {
				console_error("list",
					      "--format must be table or csv");
				return EXIT_USAGE;
			}
			l.csv = strcmp(optarg, "csv") == 0;
			break;
		case 'l': {
			char *end;
			long n;

			errno = 0;
			n = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || n < 1 ||
			    n > 1000000) {
				console_error("list",
					      "--limit must be a whole number "
					      "from 1 to 1000000, not '%s'",
					      optarg);
				return EXIT_USAGE;
			}
			f.limit = (int)n;
			break;
		}
		default:
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		console_error("list", "unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	f.today = console_today(c);
	q = console_open_queue(c, false, true);
	if (!q)
		return EXIT_REFUSED;
	l.cal = console_load_calendar(c, q, "list");
	if (!l.cal)
		goto out;
	if (l.csv)
		fputs("regno,received,channel,name,status,deadline,"
		      "extended_deadline,overdue,decision,info\r\n",
		      stdout);
	else
		printf("%-26s %-20s %-24s %-12s %-10s %s\n", "REGNO",
		       "RECEIVED", "NAME", "STATUS", "DUE", "");
	if (queue_list(q, &f, list_row, &l) < 0) {
		console_error("list", "%s", queue_errmsg(q));
		goto out;
	}
	rc = EXIT_OK;
out:
	calendar_free(l.cal);
	queue_close(q);
	return rc;
}

/* ---- show ------------------------------------------------------------------ */

#define SHOW_INDENT "                     " /* under the values */

/* "Label                value": the value folded under itself, with every
 * control character made visible, so no field can fake another line. */
static void show_field(const char *label, const char *value)
{
	printf("%-20s ", label);
	safetext_fold(stdout, value, SHOW_INDENT);
	putchar('\n');
}

static int show_event(const struct queue_event *ev, void *ctx)
{
	char at[32], actor[64], note[600];

	(void)ctx;
	date_format_wib(ev->at, at, sizeof(at));
	safetext_line(ev->actor, 24, actor, sizeof(actor));
	printf("  %s  %-10s %-9s %-8s", at, ev->action, ev->role, actor);
	if (*ev->to && strcmp(ev->from, ev->to))
		printf(" %s -> %s", *ev->from ? ev->from : "(new)", ev->to);
	if (*ev->note) {
		safetext_line(ev->note, 0, note, sizeof(note));
		printf("  \"%s\"", note);
	}
	if (ev->dev_mode)
		printf("  [development mode]");
	putchar('\n');
	return 0;
}

static int show_holiday(const struct queue_holiday *h, void *ctx)
{
	const struct request *r = ctx;
	char d[16], name[160];

	if (date_cmp(h->day, r->start_date) < 0 ||
	    date_cmp(h->day, request_due(r)) > 0 || date_weekday(h->day) > 5)
		return 0;
	date_format(h->day, d, sizeof(d));
	safetext_line(h->name, 0, name, sizeof(name));
	printf("    %s  %s\n", d, name);
	return 0;
}

/* Print the request; every read happened in the caller's one snapshot. */
static void show_request(struct console *c, const struct request *r,
			 const struct calendar *cal, bool reveal)
{
	char buf[REQ_BUF(REQ_ID_MAX) + 64], due[16];

	show_field("Registration number", r->regno);
	date_format_wib(r->received_at, buf, sizeof(buf));
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), " (%s)",
		 request_channel_label(r->channel)->en);
	show_field("Received", buf);
	date_format_wib(r->created_at, buf, sizeof(buf));
	show_field("Entered", buf);
	snprintf(buf, sizeof(buf), "%s (%s)", workflow_status_key(r->status),
		 workflow_status_label(r->status)->id);
	show_field("Status", buf);
	show_field("Name", r->name);
	if (reveal)
		snprintf(buf, sizeof(buf), "%s", r->id_number);
	else
		id_mask(r->id_number, buf, sizeof(buf));
	if (r->proxy)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			 " (acting for someone else)");
	printf("ID (%s)%*s", request_id_type_key(r->id_type),
	       (int)(16 - strlen(request_id_type_key(r->id_type))), "");
	safetext_fold(stdout, buf, SHOW_INDENT);
	putchar('\n');
	show_field("Address", r->address);
	show_field("Occupation", r->occupation);
	show_field("Phone", r->phone);
	show_field("Email", r->email);
	show_field("Information", r->info);
	show_field("Purpose", r->purpose);
	show_field("Obtain", request_obtain_label(r->obtain)->en);
	show_field("Delivery", request_delivery_label(r->delivery)->en);
	show_field("Regime", r->regime == WF_REGIME_ELECTION
				 ? "election (3 + 2 working days)"
			     : r->regime == WF_REGIME_ORDINARY
				 ? "ordinary (10 + 7 working days)"
				 : workflow_regime_key(r->regime));
	date_format(r->start_date, buf, sizeof(buf));
	show_field("Counts from", buf);
	date_format(r->deadline, due, sizeof(due));
	printf("Deadline             %s", due);
	if (r->extended) {
		date_format(r->extended_deadline, due, sizeof(due));
		printf(", extended to %s", due);
	}
	if (workflow_status_done(r->status)) {
		printf(" (met)\n");
	} else {
		int left = calendar_workdays_between(cal, console_today(c),
						     request_due(r));

		if (request_overdue(r, console_today(c)))
			printf(" (OVERDUE by %d working days)\n", -left);
		else
			printf(" (%d working days left)\n", left);
	}
}

static void show_decision(const struct request *r)
{
	char buf[1024];

	if (r->decision) {
		snprintf(buf, sizeof(buf), "%s (%s)%s%s%s%s",
			 workflow_decision_key(r->decision),
			 workflow_decision_label(r->decision)->id,
			 *r->basis ? ", Pasal 17 huruf " : "", r->basis,
			 *r->holder ? ", held by " : "", r->holder);
		show_field("Decision", buf);
	}
	if (*r->memo)
		show_field("Memo", r->memo);
}

/* Who may see a full ID number: the roles that need it, nobody else.  The
 * reveal is on record before the number is printed. */
static int reveal_allowed(struct console *c, struct queue *q,
			  const struct request *r)
{
	unsigned role = c->actor.roles & workflow_perm_roles(WF_PERM_REVEAL);
	const struct text *why;

	if (!workflow_may(c->actor.roles, WF_PERM_REVEAL, &why)) {
		console_error("show", "%s: %s (%s): the ID stays masked",
			      c->login, why->id, why->en);
		console_explain_roles(c);
		return -1;
	}
	if (queue_record(q, r->id, "reveal-id", "ID number shown in full",
			 &c->actor, role, time(NULL)) < 0) {
		console_error("show",
			      "the ID is not shown: its reveal could not be "
			      "recorded: %s",
			      queue_errmsg(q));
		return -1;
	}
	return 0;
}

int cmd_show(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console show [--reveal-id] REGNO\n"
	    "Every field of a request, its deadline in working days (with "
	    "the holidays\ncounted) and its history.  The ID number is "
	    "masked; --reveal-id shows it\nin full to the desk and the "
	    "PPID only, and records that it was shown.\n";
	static struct request r;
	struct calendar *cal = NULL;
	struct queue *q;
	bool reveal = false;
	const char *regno = NULL;
	int rc = EXIT_REFUSED;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--reveal-id") == 0)
			reveal = true;
		else if (!regno)
			regno = argv[i];
		else {
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (!regno) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	q = console_open_queue(c, false, !reveal);
	if (!q)
		return EXIT_REFUSED;
	/* The row, its holidays and its history as of one instant. */
	if (queue_read_begin(q) < 0 || queue_get(q, regno, &r) < 0) {
		console_error("show", "%s", queue_errmsg(q));
		goto out;
	}
	cal = console_load_calendar(c, q, "show");
	if (!cal)
		goto out;
	if (reveal) {
		/* Recording needs a write: end the snapshot, record, then
		 * read again in a new one. */
		queue_read_end(q);
		if (reveal_allowed(c, q, &r) < 0)
			goto out;
		if (queue_read_begin(q) < 0 || queue_get(q, regno, &r) < 0) {
			console_error("show", "%s", queue_errmsg(q));
			goto out;
		}
	}
	show_request(c, &r, cal, reveal);
	printf("  holidays counted:\n");
	if (queue_holidays(q, 0, show_holiday, &r) < 0) {
		console_error("show", "cannot read the holidays: %s",
			      queue_errmsg(q));
		goto out;
	}
	show_decision(&r);
	printf("History\n");
	if (queue_history(q, r.id, show_event, NULL) < 0) {
		console_error("show", "%s", queue_errmsg(q));
		goto out;
	}
	rc = EXIT_OK;
out:
	queue_read_end(q);
	request_wipe(&r);
	calendar_free(cal);
	queue_close(q);
	return rc;
}

/* ---- act ------------------------------------------------------------------- */

static void flag_list(char *buf, size_t len, unsigned set, unsigned top,
		      const char *(*key)(unsigned))
{
	buf[0] = '\0';
	for (unsigned bit = 1; bit && bit <= top; bit <<= 1)
		if ((set & bit) && key(bit))
			snprintf(buf + strlen(buf), len - strlen(buf), "%s%s",
				 *buf ? "," : "", key(bit));
}

static const char *status_bit_key(unsigned bit)
{
	for (int s = 0; s < WF_STATUS_COUNT; s++)
		if (bit == 1u << s)
			return workflow_status_key((enum wf_status)s);
	return NULL;
}

static const char *need_key(unsigned bit)
{
	switch (bit) {
	case WF_NEED_NOTE:
		return "--note";
	case WF_NEED_BASIS:
		return "--basis";
	case WF_NEED_MEMO:
		return "--memo";
	case WF_NEED_DECISION:
		return "--decision";
	default:
		return NULL;
	}
}

/* Each action: who may take it, from which states, what it needs. */
static void act_list(void)
{
	size_t n;
	const struct wf_action *a = workflow_actions(&n);

	for (size_t i = 0; i < n; i++) {
		char roles[64], from[160], needs[64];

		flag_list(roles, sizeof(roles), a[i].roles, WF_ROLE_KIOSK,
			  workflow_role_key);
		flag_list(from, sizeof(from), a[i].from,
			  1u << (WF_STATUS_COUNT - 1), status_bit_key);
		flag_list(needs, sizeof(needs), a[i].needs, WF_NEED_DECISION,
			  need_key);
		printf("%s: %s\n", a[i].name, a[i].label.en);
		printf("    who:   %s\n", roles);
		printf("    from:  %s\n",
		       a[i].from == (1u << WF_STATUS_COUNT) - 1 ? "any state"
								: from);
		printf("    to:    %s\n",
		       a[i].to < 0
			   ? "(unchanged)"
			   : workflow_status_key((enum wf_status)a[i].to));
		printf("    needs: %s\n", *needs ? needs : "nothing");
	}
}

int cmd_act(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console act REGNO ACTION [--note TEXT] [--basis "
	    "LETTERS]\n"
	    "         [--memo NUMBER] [--decision D] [--holder BODY]\n"
	    "       ppid-console act --list\n"
	    "Take an SOP action.  Needs: exclude --basis (Pasal 17 letters "
	    "a-j);\ncoordinate --memo; extend --note (the reason; once "
	    "only); decide\n--decision granted|partial|rejected|not_held "
	    "(rejected needs --basis,\nnot_held needs --holder); note "
	    "--note.\n";
	static const struct option opts[] = {
	    {"note", required_argument, NULL, 'n'},
	    {"basis", required_argument, NULL, 'b'},
	    {"memo", required_argument, NULL, 'm'},
	    {"decision", required_argument, NULL, 'd'},
	    {"holder", required_argument, NULL, 'H'},
	    {"list", no_argument, NULL, 'l'},
	    {NULL, 0, NULL, 0},
	};
	struct wf_args args = {0};
	const struct text *refusal;
	struct request *r;
	struct queue *q;
	int opt, v, rc = EXIT_REFUSED;

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			args.note = optarg;
			break;
		case 'b':
			args.basis = optarg;
			break;
		case 'm':
			args.memo = optarg;
			break;
		case 'H':
			args.holder = optarg;
			break;
		case 'd':
			v = workflow_decision_from_key(optarg);
			if (v < 0) {
				console_error("act",
					      "--decision must be granted, "
					      "partial, rejected or not_held");
				return EXIT_USAGE;
			}
			args.decision = (enum wf_decision)v;
			break;
		case 'l':
			act_list();
			return EXIT_OK;
		default:
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (!workflow_find(argv[optind + 1])) {
		console_error("act", "unknown action '%s' (see act --list)",
			      argv[optind + 1]);
		return EXIT_USAGE;
	}
	if (args.note && !request_text_ok(args.note, true, NULL)) {
		console_error("act", "--note is not valid text");
		return EXIT_REFUSED;
	}
	q = console_open_queue(c, false, false);
	if (!q)
		return EXIT_REFUSED;
	if (queue_act(q, argv[optind], argv[optind + 1], &args, &c->actor,
		      c->now, &refusal) < 0) {
		if (refusal)
			console_error_text("act", argv[optind + 1], refusal);
		else
			console_error("act", "%s", queue_errmsg(q));
		console_explain_roles(c);
		goto out;
	}
	r = malloc(sizeof(*r));
	if (r && queue_get(q, argv[optind], r) == 0)
		printf("%s: %s (%s)\n", r->regno,
		       workflow_status_key(r->status),
		       workflow_status_label(r->status)->id);
	if (r)
		request_wipe(r);
	free(r);
	rc = EXIT_OK;
out:
	queue_close(q);
	return rc;
}
