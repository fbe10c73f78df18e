// SPDX-License-Identifier: GPL-2.0-or-later
/* Subcommands that register: init, add. */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "console.h"
#include "idparse.h"

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

int console_add_complete(struct request *req, const char *id_type,
			 const char *obtain, const char *delivery,
			 const char **bad)
{
	int v;

	/* Defaults that follow from the channel and the ID's shape. */
	if (!id_type)
		id_type =
		    request_id_type_key(request_id_type_guess(req->id_number));
	v = request_id_type_from_key(id_type);
	if (v < 0) {
		*bad = "--id-type must be nik, passport, deed or other";
		return -1;
	}
	req->id_type = (enum req_id_type)v;
	if (req->id_type == REQ_ID_NIK) {
		/* Keep the 16 digits only, however they were typed. */
		size_t k = 0;

		for (size_t i = 0; req->id_number[i]; i++)
			if (req->id_number[i] >= '0' &&
			    req->id_number[i] <= '9')
				req->id_number[k++] = req->id_number[i];
		req->id_number[k] = '\0';
	}
	if (!obtain)
		obtain =
		    req->channel == REQ_CHANNEL_EMAIL ? "softcopy" : "hardcopy";
	if (!delivery)
		delivery =
		    req->channel == REQ_CHANNEL_EMAIL ? "email" : "pickup";
	v = request_obtain_from_key(obtain);
	if (v < 0) {
		*bad = "--obtain must be view, softcopy or hardcopy";
		return -1;
	}
	req->obtain = (enum req_obtain)v;
	v = request_delivery_from_key(delivery);
	if (v < 0) {
		*bad = "--delivery must be pickup, courier, post, fax or email";
		return -1;
	}
	req->delivery = (enum req_delivery)v;
	return 0;
}

/* The request being entered: file scope, so that cmd_add() wipes it (the ID
 * number included) on every way out of add_request(). */
static struct request req;

static int add_request(struct console *c, int argc, char **argv)
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
	struct req_error errs[REQ_F_COUNT];
	const char *obtain = NULL, *delivery = NULL, *id_type = NULL, *bad;
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
			if (strcmp(optarg, "-") != 0)
				console_error(
				    "add", "warning: an ID number on the "
					   "command line is visible to other "
					   "users (ps, shell history); use "
					   "--id - and give it on standard "
					   "input");
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

	if (console_add_complete(&req, id_type, obtain, delivery, &bad) < 0) {
		console_error("add", "%s", bad);
		return EXIT_USAGE;
	}
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
	return rc;
}

int cmd_add(struct console *c, int argc, char **argv)
{
	int rc = add_request(c, argc, argv);

	request_wipe(&req);
	return rc;
}
