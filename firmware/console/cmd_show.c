// SPDX-License-Identifier: GPL-2.0-or-later
/* Subcommands on one request: show, act. */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "safetext.h"
#include "view.h"

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

static void show_event(const struct view_event *ev)
{
	char at[32], actor[64], note[600], action[40], role[40], from[40],
	    to[40];

	date_format_wib(ev->at, at, sizeof(at));
	/* Every column came from the file: none may end the line. */
	safetext_line(ev->actor, 24, actor, sizeof(actor));
	safetext_line(ev->action, 24, action, sizeof(action));
	safetext_line(ev->role, 16, role, sizeof(role));
	safetext_line(*ev->from ? ev->from : "(new)", 24, from, sizeof(from));
	safetext_line(ev->to, 24, to, sizeof(to));
	printf("  %s  %-10s %-9s %-8s", at, action, role, actor);
	if (*ev->to && strcmp(ev->from, ev->to))
		printf(" %s -> %s", from, to);
	if (*ev->note) {
		safetext_line(ev->note, 0, note, sizeof(note));
		printf("  \"%s\"", note);
	}
	if (ev->dev_mode)
		printf("  [development mode]");
	putchar('\n');
}

static void show_holiday(const struct view_holiday *h)
{
	char d[16], name[160];

	date_format(h->day, d, sizeof(d));
	safetext_line(h->name, 0, name, sizeof(name));
	printf("    %s  %s\n", d, name);
}

/* Print the request, as read in one snapshot. */
static void show_request(const struct view_detail *d)
{
	const struct request *r = &d->req;
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
	printf("ID (%s)%*s", request_id_type_key(r->id_type),
	       (int)(16 - strlen(request_id_type_key(r->id_type))), "");
	safetext_fold(stdout, d->id_shown, SHOW_INDENT);
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
	if (d->row.due_state == VIEW_DUE_DONE)
		printf(" (met)\n");
	else if (d->row.overdue)
		printf(" (OVERDUE by %d working days)\n", -d->row.left);
	else
		printf(" (%d working days left)\n", d->row.left);
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
	static struct view_detail d;
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
	/* A reveal is checked and on record before the snapshot is read. */
	if (reveal) {
		if (queue_get(q, regno, &d.req) < 0) {
			console_error("show", "%s", queue_errmsg(q));
			goto out;
		}
		rc = reveal_allowed(c, q, &d.req);
		request_wipe(&d.req);
		if (rc < 0) {
			rc = EXIT_REFUSED;
			goto out;
		}
		rc = EXIT_REFUSED;
	}
	cal = console_load_calendar(c, q, "show");
	if (!cal)
		goto out;
	if (view_detail_load(q, regno, cal, console_today(c), reveal, &d) < 0) {
		console_error("show", "%s", queue_errmsg(q));
		goto out;
	}
	show_request(&d);
	printf("  holidays counted:\n");
	for (size_t i = 0; i < d.n_holidays; i++)
		show_holiday(&d.holidays[i]);
	show_decision(&d.req);
	printf("History\n");
	for (size_t i = 0; i < d.n_events; i++)
		show_event(&d.events[i]);
	rc = EXIT_OK;
out:
	view_detail_free(&d);
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
	case WF_NEED_FORM:
		return "--form";
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
		flag_list(needs, sizeof(needs), a[i].needs, WF_NEED_FORM,
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
	    "         [--memo NUMBER] [--decision D] [--holder BODY] [--form "
	    "F]\n"
	    "       ppid-console act --list\n"
	    "Take an SOP action.  Needs: exclude --basis (Pasal 17 letters "
	    "a-j);\ncoordinate --memo; extend --note (the reason; once "
	    "only); decide\n--decision granted|partial|rejected|not_held "
	    "(rejected needs --basis,\nnot_held needs --holder); handover "
	    "--form printed|usb|disc|email|viewed\n--note WHAT (what was "
	    "given; a waiting pickup call is closed; `handover --receipt "
	    "REGNO`\nprints the data receipt); note --note.\n";
	static const struct option opts[] = {
	    {"note", required_argument, NULL, 'n'},
	    {"basis", required_argument, NULL, 'b'},
	    {"memo", required_argument, NULL, 'm'},
	    {"decision", required_argument, NULL, 'd'},
	    {"holder", required_argument, NULL, 'H'},
	    {"form", required_argument, NULL, 'f'},
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
		case 'f':
			args.form = optarg;
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
