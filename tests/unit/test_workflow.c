// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for workflow.c: every transition of the SOP table, every
 * refusal, and the key / label helpers.  The expected table below is written
 * out from the SOP (DOMAIN.md) and workflow.h, independently of the module's
 * own table, and the whole status x role x action matrix is checked
 * against it.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "workflow.h"

#define S(x)	   (1u << (x))
#define ALL_STATES (S(WF_STATUS_COUNT) - 1u)
#define SAME	   (-1)

static const unsigned single_roles[] = {
    WF_ROLE_DESK, WF_ROLE_KASUBBAG, WF_ROLE_KABAG, WF_ROLE_PPID, WF_ROLE_KIOSK,
};
#define N_ROLES (sizeof(single_roles) / sizeof(single_roles[0]))

/* What the SOP says, action by action. */
struct expect {
	const char *name;
	unsigned from;
	int to;
	unsigned roles;
	unsigned needs;
	enum wf_deadline_effect deadline;
};

static const struct expect sop[] = {
    {"forward", S(WF_SUBMITTED), WF_FORWARDED, WF_ROLE_DESK, 0, WF_DL_NONE},
    {"exclude", S(WF_FORWARDED), WF_EXCLUDED, WF_ROLE_DESK | WF_ROLE_PPID,
     WF_NEED_BASIS, WF_DL_NONE},
    {"available", S(WF_FORWARDED), WF_AVAILABLE, WF_ROLE_DESK | WF_ROLE_PPID, 0,
     WF_DL_NONE},
    {"coordinate", S(WF_FORWARDED), WF_COORDINATING, WF_ROLE_KASUBBAG,
     WF_NEED_MEMO, WF_DL_NONE},
    {"extend", S(WF_COORDINATING), SAME, WF_ROLE_KASUBBAG | WF_ROLE_PPID,
     WF_NEED_NOTE, WF_DL_EXTEND},
    {"decide", S(WF_AVAILABLE) | S(WF_COORDINATING), WF_DECIDED,
     WF_ROLE_PPID | WF_ROLE_KASUBBAG, WF_NEED_DECISION, WF_DL_NONE},
    {"notify", S(WF_DECIDED) | S(WF_EXCLUDED), WF_NOTIFIED, WF_ROLE_DESK, 0,
     WF_DL_NONE},
    {"handover", S(WF_NOTIFIED), SAME, WF_ROLE_DESK,
     WF_NEED_NOTE | WF_NEED_FORM, WF_DL_NONE},
    {"close", S(WF_NOTIFIED), WF_CLOSED, WF_ROLE_DESK, 0, WF_DL_NONE},
    {"note", ALL_STATES, SAME, WF_ROLE_STAFF, WF_NEED_NOTE, WF_DL_NONE},
};
#define N_SOP (sizeof(sop) / sizeof(sop[0]))

/* Fixture: a request and arguments that satisfy every need. */
struct fx {
	struct wf_request req;
	struct wf_args args;
	const struct text *reason;
};

static struct fx fixture;

/* Put in *reason before a check, which must overwrite it. */
static const struct text sentinel = {"?", "?"};

static int setup(void **state)
{
	memset(&fixture, 0, sizeof(fixture));
	fixture.req.status = WF_SUBMITTED;
	fixture.req.extensions = 0;
	fixture.req.max_extensions = 1;
	fixture.req.decision = WF_DECISION_NONE;
	fixture.args.note = "Menunggu data dari Bagian Teknis";
	fixture.args.basis = "h";
	fixture.args.memo = "ND-12/PPID/XI/2026";
	/* partial: the decision that needs a basis and no holder */
	fixture.args.decision = WF_DECISION_PARTIAL;
	fixture.args.holder = NULL;
	fixture.args.form = "printed";
	fixture.reason = NULL;
	*state = &fixture;
	return 0;
}

static int teardown(void **state)
{
	memset(&fixture, 0, sizeof(fixture));
	*state = NULL;
	return 0;
}

static void assert_text_ok(const struct text *t)
{
	assert_non_null(t);
	assert_non_null(t->id);
	assert_non_null(t->en);
	assert_true(t->id[0] != '\0');
	assert_true(t->en[0] != '\0');
}

static const struct wf_action *find(const char *name)
{
	const struct wf_action *a = workflow_find(name);

	assert_non_null(a);
	return a;
}

/* Run a check and return the result; on -1 the reason must be a message. */
static int check(struct fx *f, const char *action, enum wf_status st,
		 unsigned role)
{
	const struct wf_action *a = find(action);
	struct wf_args args = f->args;
	int rc;

	/* The fixture carries every argument; each action gets only those it
	 * takes (test_unused_arguments_refused checks the rest is refused). */
	if (!(a->needs & (WF_NEED_BASIS | WF_NEED_DECISION)))
		args.basis = NULL;
	if (!(a->needs & WF_NEED_MEMO))
		args.memo = NULL;
	if (!(a->needs & WF_NEED_DECISION)) {
		args.holder = NULL;
		args.decision = WF_DECISION_NONE;
	}
	if (!(a->needs & WF_NEED_FORM))
		args.form = NULL;
	f->req.status = st;
	f->reason = &sentinel;
	rc = workflow_check(a, &f->req, role, &args, &f->reason);
	if (rc < 0) {
		assert_ptr_not_equal(f->reason, &sentinel);
		assert_text_ok(f->reason);
	} else {
		assert_null(f->reason);
	}
	return rc;
}

/* The reason given for a given refusal, to compare against. */
static const struct text *reason_of(const char *action, enum wf_status st,
				    unsigned role, const struct wf_args *args)
{
	struct wf_request req = {
	    .status = st, .max_extensions = 1, .decision = WF_DECISION_NONE};
	const struct text *why = NULL;

	assert_int_equal(workflow_check(find(action), &req, role, args, &why),
			 -1);
	assert_text_ok(why);
	return why;
}

static void test_table_matches_sop(void **state)
{
	(void)state;
	size_t n = 0;
	const struct wf_action *t = workflow_actions(&n);

	assert_non_null(t);
	assert_int_equal(n, N_SOP);
	for (size_t i = 0; i < N_SOP; i++) {
		const struct wf_action *a = find(sop[i].name);

		assert_string_equal(a->name, sop[i].name);
		assert_int_equal(a->from, sop[i].from);
		assert_int_equal(a->to, sop[i].to);
		assert_int_equal(a->roles, sop[i].roles);
		assert_int_equal(a->needs, sop[i].needs);
		assert_int_equal(a->deadline, sop[i].deadline);
		assert_text_ok(&a->label);
		assert_true(a >= t && a < t + n);
	}
	assert_null(workflow_find("approve"));
	assert_null(workflow_find(""));
	assert_null(workflow_find(NULL));
	assert_null(workflow_find("Forward"));
}

static void test_every_transition_and_refusal_matrix(void **state)
{
	struct fx *f = *state;
	struct wf_args none = {NULL, NULL, NULL, WF_DECISION_NONE, NULL, NULL};
	const struct text *wrong_role =
	    reason_of("forward", WF_SUBMITTED, WF_ROLE_PPID, &none);

	for (size_t i = 0; i < N_SOP; i++) {
		for (int st = 0; st < WF_STATUS_COUNT; st++) {
			for (size_t r = 0; r < N_ROLES; r++) {
				unsigned role = single_roles[r];
				int rc = check(f, sop[i].name,
					       (enum wf_status)st, role);

				if (!(sop[i].from & S(st))) {
					/* The same reason for every action
					 * and role: the one naming st. */
					assert_int_equal(rc, -1);
					assert_ptr_equal(
					    f->reason,
					    reason_of(st == WF_NOTIFIED
							  ? "forward"
							  : "close",
						      (enum wf_status)st,
						      WF_ROLE_DESK, &none));
					assert_ptr_not_equal(f->reason,
							     wrong_role);
				} else if (!(sop[i].roles & role)) {
					assert_int_equal(rc, -1);
					assert_ptr_equal(f->reason, wrong_role);
				} else {
					assert_int_equal(rc, sop[i].to == SAME
								 ? st
								 : sop[i].to);
				}
			}
		}
	}
}

static void test_happy_path_transitions(void **state)
{
	struct fx *f = *state;

	assert_int_equal(check(f, "forward", WF_SUBMITTED, WF_ROLE_DESK),
			 WF_FORWARDED);
	assert_int_equal(check(f, "exclude", WF_FORWARDED, WF_ROLE_PPID),
			 WF_EXCLUDED);
	assert_int_equal(check(f, "exclude", WF_FORWARDED, WF_ROLE_DESK),
			 WF_EXCLUDED);
	assert_int_equal(check(f, "notify", WF_EXCLUDED, WF_ROLE_DESK),
			 WF_NOTIFIED);
	assert_int_equal(check(f, "available", WF_FORWARDED, WF_ROLE_DESK),
			 WF_AVAILABLE);
	assert_int_equal(check(f, "available", WF_FORWARDED, WF_ROLE_PPID),
			 WF_AVAILABLE);
	assert_int_equal(check(f, "decide", WF_AVAILABLE, WF_ROLE_PPID),
			 WF_DECIDED);
	assert_int_equal(check(f, "coordinate", WF_FORWARDED, WF_ROLE_KASUBBAG),
			 WF_COORDINATING);
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID),
			 WF_COORDINATING);
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_KASUBBAG),
			 WF_COORDINATING);
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_KASUBBAG),
			 WF_DECIDED);
	assert_int_equal(check(f, "notify", WF_DECIDED, WF_ROLE_DESK),
			 WF_NOTIFIED);
	assert_int_equal(check(f, "close", WF_NOTIFIED, WF_ROLE_DESK),
			 WF_CLOSED);
	for (int st = 0; st < WF_STATUS_COUNT; st++)
		assert_int_equal(
		    check(f, "note", (enum wf_status)st, WF_ROLE_KABAG), st);
}

static void test_person_with_several_roles(void **state)
{
	struct fx *f = *state;

	/* Any one of the holder's roles is enough. */
	assert_int_equal(
	    check(f, "forward", WF_SUBMITTED, WF_ROLE_DESK | WF_ROLE_PPID),
	    WF_FORWARDED);
	assert_int_equal(check(f, "coordinate", WF_FORWARDED, WF_ROLE_STAFF),
			 WF_COORDINATING);
	assert_int_equal(
	    check(f, "decide", WF_AVAILABLE, WF_ROLE_KABAG | WF_ROLE_PPID),
	    WF_DECIDED);
	/* No role at all, or roles that do not include an allowed one. */
	assert_int_equal(check(f, "note", WF_SUBMITTED, 0), -1);
	assert_int_equal(
	    check(f, "coordinate", WF_FORWARDED,
		  WF_ROLE_DESK | WF_ROLE_PPID | WF_ROLE_KABAG | WF_ROLE_KIOSK),
	    -1);
}

static void test_role_refusals(void **state)
{
	struct fx *f = *state;

	/* The desk cannot coordinate, decide or extend. */
	assert_int_equal(check(f, "coordinate", WF_FORWARDED, WF_ROLE_DESK),
			 -1);
	assert_int_equal(check(f, "decide", WF_AVAILABLE, WF_ROLE_DESK), -1);
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_DESK), -1);
	/* Only the desk forwards, notifies and closes. */
	assert_int_equal(check(f, "forward", WF_SUBMITTED, WF_ROLE_PPID), -1);
	assert_int_equal(check(f, "notify", WF_DECIDED, WF_ROLE_KASUBBAG), -1);
	assert_int_equal(check(f, "close", WF_NOTIFIED, WF_ROLE_PPID), -1);
	/* The PPID does not coordinate with itself. */
	assert_int_equal(check(f, "coordinate", WF_FORWARDED, WF_ROLE_PPID),
			 -1);
	/* The Kabag can only add notes. */
	for (size_t i = 0; i < N_SOP; i++) {
		for (int st = 0; st < WF_STATUS_COUNT; st++) {
			int rc = check(f, sop[i].name, (enum wf_status)st,
				       WF_ROLE_KABAG);

			if (strcmp(sop[i].name, "note") == 0)
				assert_int_equal(rc, st);
			else
				assert_int_equal(rc, -1);
		}
	}
}

static void test_kiosk_role_cannot_act(void **state)
{
	struct fx *f = *state;

	for (size_t i = 0; i < N_SOP; i++)
		for (int st = 0; st < WF_STATUS_COUNT; st++)
			assert_int_equal(check(f, sop[i].name,
					       (enum wf_status)st,
					       WF_ROLE_KIOSK),
					 -1);
}

static void test_wrong_status_refusals(void **state)
{
	struct fx *f = *state;

	assert_int_equal(check(f, "forward", WF_FORWARDED, WF_ROLE_DESK), -1);
	assert_int_equal(check(f, "exclude", WF_SUBMITTED, WF_ROLE_PPID), -1);
	assert_int_equal(check(f, "available", WF_COORDINATING, WF_ROLE_PPID),
			 -1);
	assert_int_equal(check(f, "coordinate", WF_AVAILABLE, WF_ROLE_KASUBBAG),
			 -1);
	assert_int_equal(check(f, "extend", WF_AVAILABLE, WF_ROLE_PPID), -1);
	assert_int_equal(check(f, "extend", WF_DECIDED, WF_ROLE_PPID), -1);
	assert_int_equal(check(f, "decide", WF_FORWARDED, WF_ROLE_PPID), -1);
	assert_int_equal(check(f, "decide", WF_DECIDED, WF_ROLE_PPID), -1);
	assert_int_equal(check(f, "notify", WF_AVAILABLE, WF_ROLE_DESK), -1);
	assert_int_equal(check(f, "notify", WF_NOTIFIED, WF_ROLE_DESK), -1);
	assert_int_equal(check(f, "close", WF_DECIDED, WF_ROLE_DESK), -1);
	assert_int_equal(check(f, "close", WF_CLOSED, WF_ROLE_DESK), -1);
}

static void test_unknown_status_refused(void **state)
{
	struct fx *f = *state;

	assert_int_equal(
	    check(f, "note", (enum wf_status)WF_STATUS_COUNT, WF_ROLE_STAFF),
	    -1);
	assert_int_equal(check(f, "note", (enum wf_status)99, WF_ROLE_STAFF),
			 -1);
}

static void test_missing_note_refused(void **state)
{
	struct fx *f = *state;
	static const char *const blanks[] = {"", " ", "\t \n"};
	const struct text *why;

	f->args.note = NULL;
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID), -1);
	why = f->reason;
	assert_int_equal(check(f, "note", WF_DECIDED, WF_ROLE_KABAG), -1);
	assert_ptr_equal(f->reason, why);
	for (size_t i = 0; i < sizeof(blanks) / sizeof(blanks[0]); i++) {
		f->args.note = blanks[i];
		assert_int_equal(
		    check(f, "extend", WF_COORDINATING, WF_ROLE_KASUBBAG), -1);
		assert_ptr_equal(f->reason, why);
		assert_int_equal(check(f, "note", WF_SUBMITTED, WF_ROLE_DESK),
				 -1);
		assert_ptr_equal(f->reason, why);
	}
	/* Actions that do not need a note do not care. */
	f->args.note = NULL;
	assert_int_equal(check(f, "forward", WF_SUBMITTED, WF_ROLE_DESK),
			 WF_FORWARDED);
}

static void test_missing_memo_refused(void **state)
{
	struct fx *f = *state;
	static const char *const blanks[] = {NULL, "", "  \t"};

	for (size_t i = 0; i < sizeof(blanks) / sizeof(blanks[0]); i++) {
		f->args.memo = blanks[i];
		assert_int_equal(
		    check(f, "coordinate", WF_FORWARDED, WF_ROLE_KASUBBAG), -1);
	}
	f->args.memo = "ND-1";
	assert_int_equal(check(f, "coordinate", WF_FORWARDED, WF_ROLE_KASUBBAG),
			 WF_COORDINATING);
}

static const char *const bad_bases[] = {
    NULL, "", " ", ",", "k", "a,k", "z", "1", "h;b", "h.", "ab-c", "é",
};
#define N_BAD_BASES (sizeof(bad_bases) / sizeof(bad_bases[0]))

static void test_exclude_needs_valid_basis(void **state)
{
	struct fx *f = *state;
	const struct text *why = NULL;

	for (size_t i = 0; i < N_BAD_BASES; i++) {
		f->args.basis = bad_bases[i];
		assert_int_equal(
		    check(f, "exclude", WF_FORWARDED, WF_ROLE_PPID), -1);
		if (why)
			assert_ptr_equal(f->reason, why);
		why = f->reason;
	}
	f->args.basis = "b, h";
	assert_int_equal(check(f, "exclude", WF_FORWARDED, WF_ROLE_DESK),
			 WF_EXCLUDED);
	f->args.basis = "J";
	assert_int_equal(check(f, "exclude", WF_FORWARDED, WF_ROLE_DESK),
			 WF_EXCLUDED);
}

static void test_decide_rejected_needs_valid_basis(void **state)
{
	struct fx *f = *state;

	f->args.decision = WF_DECISION_REJECTED;
	for (size_t i = 0; i < N_BAD_BASES; i++) {
		f->args.basis = bad_bases[i];
		assert_int_equal(
		    check(f, "decide", WF_COORDINATING, WF_ROLE_PPID), -1);
	}
	f->args.basis = "a";
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID),
			 WF_DECIDED);
	/* Granted in full needs none; partly granted needs one too. */
	f->args.basis = NULL;
	f->args.decision = WF_DECISION_GRANTED;
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID),
			 WF_DECIDED);
	f->args.decision = WF_DECISION_PARTIAL;
	assert_int_equal(check(f, "decide", WF_AVAILABLE, WF_ROLE_KASUBBAG),
			 -1);
	f->args.basis = "b";
	assert_int_equal(check(f, "decide", WF_AVAILABLE, WF_ROLE_KASUBBAG),
			 WF_DECIDED);
}

static void test_decide_without_decision_refused(void **state)
{
	struct fx *f = *state;
	const struct text *why;

	f->args.decision = WF_DECISION_NONE;
	assert_int_equal(check(f, "decide", WF_AVAILABLE, WF_ROLE_PPID), -1);
	why = f->reason;
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID), -1);
	assert_ptr_equal(f->reason, why);
	f->args.decision = (enum wf_decision)42;
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID), -1);
	assert_ptr_equal(f->reason, why);
}

static void test_not_held_needs_holder(void **state)
{
	struct fx *f = *state;
	static const char *const blanks[] = {NULL, "", "   "};

	f->args.decision = WF_DECISION_NOT_HELD;
	f->args.basis = NULL;
	for (size_t i = 0; i < sizeof(blanks) / sizeof(blanks[0]); i++) {
		f->args.holder = blanks[i];
		assert_int_equal(
		    check(f, "decide", WF_COORDINATING, WF_ROLE_PPID), -1);
		assert_int_equal(check(f, "decide", WF_AVAILABLE, WF_ROLE_PPID),
				 -1);
	}
	f->args.holder = "Bawaslu Provinsi Bengkulu";
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID),
			 WF_DECIDED);
}

static void test_rejected_from_available_refused(void **state)
{
	struct fx *f = *state;
	struct wf_args no_basis = f->args;
	const struct text *why_basis;

	f->args.decision = WF_DECISION_REJECTED;
	f->args.basis = "h";
	assert_int_equal(check(f, "decide", WF_AVAILABLE, WF_ROLE_PPID), -1);
	/* Its own reason, not the one for a missing basis. */
	no_basis.decision = WF_DECISION_REJECTED;
	no_basis.basis = NULL;
	why_basis =
	    reason_of("decide", WF_COORDINATING, WF_ROLE_PPID, &no_basis);
	assert_ptr_not_equal(f->reason, why_basis);
	/* The same decision from coordination is fine. */
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID),
			 WF_DECIDED);
}

static void test_extension_only_once(void **state)
{
	struct fx *f = *state;

	f->req.extensions = 0;
	f->req.max_extensions = 1;
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID),
			 WF_COORDINATING);
	f->req.extensions = 1;
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID), -1);
	f->req.extensions = 2;
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID), -1);
	/* A regime without extensions refuses the first. */
	f->req.extensions = 0;
	f->req.max_extensions = 0;
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID), -1);
	/* Other actions ignore the extension count. */
	f->req.extensions = 5;
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID),
			 WF_DECIDED);
	assert_int_equal(check(f, "note", WF_COORDINATING, WF_ROLE_PPID),
			 WF_COORDINATING);
}

static void test_status_keys_round_trip(void **state)
{
	(void)state;
	static const char *const keys[WF_STATUS_COUNT] = {
	    "submitted",    "forwarded", "excluded", "available",
	    "coordinating", "decided",	 "notified", "closed",
	};

	for (int s = 0; s < WF_STATUS_COUNT; s++) {
		const char *k = workflow_status_key((enum wf_status)s);

		assert_non_null(k);
		assert_string_equal(k, keys[s]);
		assert_int_equal(workflow_status_from_key(k), s);
		assert_text_ok(workflow_status_label((enum wf_status)s));
		assert_int_equal(workflow_status_done((enum wf_status)s),
				 s == WF_NOTIFIED || s == WF_CLOSED);
	}
	assert_string_equal(workflow_status_key(WF_STATUS_COUNT), "unknown");
	assert_string_equal(workflow_status_key((enum wf_status) - 1),
			    "unknown");
	assert_text_ok(workflow_status_label(WF_STATUS_COUNT));
	assert_int_equal(workflow_status_from_key("bogus"), -1);
	assert_int_equal(workflow_status_from_key(""), -1);
	assert_int_equal(workflow_status_from_key("Submitted"), -1);
	assert_int_equal(workflow_status_from_key(NULL), -1);
}

static void test_decision_keys_round_trip(void **state)
{
	(void)state;
	static const char *const keys[] = {"", "granted", "partial", "rejected",
					   "not_held"};

	assert_string_equal(workflow_decision_key(WF_DECISION_NONE), "");
	assert_text_ok(workflow_decision_label(WF_DECISION_NONE));
	for (int d = WF_DECISION_GRANTED; d <= WF_DECISION_NOT_HELD; d++) {
		const char *k = workflow_decision_key((enum wf_decision)d);

		assert_non_null(k);
		assert_string_equal(k, keys[d]);
		assert_int_equal(workflow_decision_from_key(k), d);
		assert_text_ok(workflow_decision_label((enum wf_decision)d));
	}
	assert_string_equal(workflow_decision_key((enum wf_decision)5),
			    "unknown");
	assert_text_ok(workflow_decision_label((enum wf_decision)5));
	assert_int_equal(workflow_decision_from_key("none"), -1);
	assert_int_equal(workflow_decision_from_key(""), -1);
	assert_int_equal(workflow_decision_from_key(NULL), -1);
}

static void test_role_keys_round_trip(void **state)
{
	(void)state;
	static const char *const keys[N_ROLES] = {"desk", "kasubbag", "kabag",
						  "ppid", "kiosk"};

	for (size_t i = 0; i < N_ROLES; i++) {
		unsigned roles = 0;
		const char *k = workflow_role_key(single_roles[i]);

		assert_non_null(k);
		assert_string_equal(k, keys[i]);
		assert_int_equal(workflow_roles_parse(k, &roles), 0);
		assert_int_equal(roles, single_roles[i]);
	}
	/* Not exactly one role. */
	assert_null(workflow_role_key(0));
	assert_null(workflow_role_key(WF_ROLE_DESK | WF_ROLE_PPID));
	assert_null(workflow_role_key(WF_ROLE_STAFF));
	assert_null(workflow_role_key(1u << 10));
}

static void test_roles_parse_lists(void **state)
{
	(void)state;
	unsigned roles = 0;

	assert_int_equal(workflow_roles_parse("desk,ppid", &roles), 0);
	assert_int_equal(roles, WF_ROLE_DESK | WF_ROLE_PPID);
	roles = 0;
	assert_int_equal(workflow_roles_parse("  desk ,  ppid ", &roles), 0);
	assert_int_equal(roles, WF_ROLE_DESK | WF_ROLE_PPID);
	roles = 0;
	assert_int_equal(workflow_roles_parse("kasubbag kabag", &roles), 0);
	assert_int_equal(roles, WF_ROLE_KASUBBAG | WF_ROLE_KABAG);
	roles = 0;
	assert_int_equal(
	    workflow_roles_parse("desk,kasubbag,kabag,ppid", &roles), 0);
	assert_int_equal(roles, WF_ROLE_STAFF);
	roles = 0;
	assert_int_equal(workflow_roles_parse("ppid,ppid", &roles), 0);
	assert_int_equal(roles, WF_ROLE_PPID);

	assert_int_equal(workflow_roles_parse("desk,boss", &roles), -1);
	assert_int_equal(workflow_roles_parse("admin", &roles), -1);
	assert_int_equal(workflow_roles_parse("desks", &roles), -1);
	assert_int_equal(workflow_roles_parse("des", &roles), -1);
	assert_int_equal(workflow_roles_parse("", &roles), -1);
	assert_int_equal(workflow_roles_parse("   ", &roles), -1);
	assert_int_equal(workflow_roles_parse(",,", &roles), -1);
	assert_int_equal(workflow_roles_parse(NULL, &roles), -1);
}

static void test_basis_normalize(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} good[] = {
	    {"h", "h"},
	    {"b, h", "b,h"},
	    {"H,b,h", "b,h"},
	    {"j,a", "a,j"},
	    {"  c  ", "c"},
	    {"b h", "b,h"},
	    {"a,,b", "a,b"},
	    {"A", "a"},
	    {"a,b,c,d,e,f,g,h,i,j", "a,b,c,d,e,f,g,h,i,j"},
	};
	char out[32];

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(out, 'x', sizeof(out));
		assert_int_equal(
		    workflow_basis_normalize(good[i].in, out, sizeof(out)), 0);
		assert_string_equal(out, good[i].out);
	}
	for (size_t i = 0; i < N_BAD_BASES; i++)
		assert_int_equal(
		    workflow_basis_normalize(bad_bases[i], out, sizeof(out)),
		    -1);
	/* "b,h" needs 4 bytes. */
	assert_int_equal(workflow_basis_normalize("h,b", out, 4), 0);
	assert_string_equal(out, "b,h");
	assert_int_equal(workflow_basis_normalize("h,b", out, 3), -1);
}

static void test_pasal17_labels(void **state)
{
	(void)state;

	for (char c = 'a'; c <= 'j'; c++)
		assert_text_ok(workflow_pasal17_label(c));
	/* Each letter has its own text. */
	assert_ptr_not_equal(workflow_pasal17_label('a'),
			     workflow_pasal17_label('j'));
	assert_string_not_equal(workflow_pasal17_label('a')->en,
				workflow_pasal17_label('h')->en);
	assert_null(workflow_pasal17_label('k'));
	assert_null(workflow_pasal17_label('z'));
	assert_null(workflow_pasal17_label('`'));
	assert_null(workflow_pasal17_label('1'));
	assert_null(workflow_pasal17_label('\0'));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

/* A partial grant may name the basis of what it withholds: a real one. */
static void test_partial_basis_must_be_real(void **state)
{
	(void)state;
	struct wf_request req = {.status = WF_COORDINATING,
				 .max_extensions = 1,
				 .decision = WF_DECISION_NONE};
	struct wf_args args = {.decision = WF_DECISION_PARTIAL, .basis = "z"};
	const struct text *why;

	assert_int_equal(workflow_check(workflow_find("decide"), &req,
					WF_ROLE_PPID, &args, &why),
			 -1);
	assert_non_null(why);
	args.basis = "h";
	assert_int_equal(workflow_check(workflow_find("decide"), &req,
					WF_ROLE_PPID, &args, &why),
			 WF_DECIDED);
	/* Partly granted withholds a part: no basis, no decision. */
	args.basis = NULL;
	assert_int_equal(workflow_check(workflow_find("decide"), &req,
					WF_ROLE_PPID, &args, &why),
			 -1);
	assert_non_null(why);
}

/* The refusal for an action that does not apply names the current status,
 * in both languages, a different text for each status. */
static void test_wrong_state_names_status(void **state)
{
	struct fx *f = *state;
	const struct text *seen[WF_STATUS_COUNT] = {NULL};

	for (int st = 0; st < WF_STATUS_COUNT; st++) {
		const char *key = workflow_status_key((enum wf_status)st);
		char quoted[32];

		/* close applies only to notified, forward only to submitted */
		assert_int_equal(check(f,
				       st == WF_NOTIFIED ? "forward" : "close",
				       (enum wf_status)st, WF_ROLE_DESK),
				 -1);
		snprintf(quoted, sizeof(quoted), "'%s'", key);
		assert_non_null(strstr(f->reason->en, quoted));
		assert_non_null(strstr(f->reason->id, quoted));
		assert_non_null(
		    strstr(f->reason->en,
			   workflow_status_label((enum wf_status)st)->en));
		assert_non_null(
		    strstr(f->reason->id,
			   workflow_status_label((enum wf_status)st)->id));
		for (int k = 0; k < st; k++)
			assert_ptr_not_equal(seen[k], f->reason);
		seen[st] = f->reason;
	}
	assert_int_equal(check(f, "forward", WF_DECIDED, WF_ROLE_DESK), -1);
	assert_non_null(strstr(f->reason->en, "'decided'"));
}

/* UU 14/2008 Pasal 22(8): the extension is notified within the original
 * period; once the original deadline has passed it is refused. */
static void test_extend_refused_after_original_deadline(void **state)
{
	struct fx *f = *state;
	const struct text *late, *once;

	f->req.deadline = (struct date){2026, 11, 16};
	f->req.today = (struct date){2026, 11, 2};
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID),
			 WF_COORDINATING);
	/* The deadline day itself is still within the period. */
	f->req.today = (struct date){2026, 11, 16};
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID),
			 WF_COORDINATING);
	f->req.today = (struct date){2026, 11, 17};
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID), -1);
	late = f->reason;
	assert_non_null(strstr(late->en, "original deadline has passed"));
	assert_non_null(strstr(late->en, "22(8)"));
	assert_non_null(strstr(late->id, "Pasal 22 ayat (8)"));
	f->req.today = (struct date){2027, 1, 4};
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID), -1);
	assert_ptr_equal(f->reason, late);
	/* Its own reason, not the "only once" one. */
	f->req.today = (struct date){2026, 11, 2};
	f->req.extensions = 1;
	assert_int_equal(check(f, "extend", WF_COORDINATING, WF_ROLE_PPID), -1);
	once = f->reason;
	assert_ptr_not_equal(once, late);
	/* Other actions do not care about the deadline. */
	f->req.extensions = 0;
	f->req.today = (struct date){2027, 1, 4};
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID),
			 WF_DECIDED);
	assert_int_equal(check(f, "note", WF_COORDINATING, WF_ROLE_PPID),
			 WF_COORDINATING);
}

/* decide: a basis exactly when something is withheld, a holder exactly
 * when the information is not held; extra values are refused. */
/* Arguments an action does not take are refused, never dropped. */
/* workflow_check() with the fixture's arguments exactly as they are. */
static int raw(struct fx *f, const char *action, enum wf_status st,
	       unsigned role)
{
	f->req.status = st;
	return workflow_check(find(action), &f->req, role, &f->args,
			      &f->reason);
}

static void test_unused_arguments_refused(void **state)
{
	struct fx *f = *state;

	memset(&f->args, 0, sizeof(f->args));
	assert_int_equal(raw(f, "forward", WF_SUBMITTED, WF_ROLE_DESK),
			 WF_FORWARDED);
	f->args.basis = "h";
	assert_int_equal(raw(f, "forward", WF_SUBMITTED, WF_ROLE_DESK), -1);
	assert_non_null(strstr(f->reason->en, "takes no"));
	f->args.basis = NULL;
	f->args.memo = "ND-1";
	assert_int_equal(raw(f, "forward", WF_SUBMITTED, WF_ROLE_DESK), -1);
	f->args.memo = NULL;
	f->args.holder = "KPU RI";
	assert_int_equal(raw(f, "forward", WF_SUBMITTED, WF_ROLE_DESK), -1);
	f->args.holder = NULL;
	f->args.decision = WF_DECISION_GRANTED;
	assert_int_equal(raw(f, "forward", WF_SUBMITTED, WF_ROLE_DESK), -1);
	f->args.decision = WF_DECISION_NONE;
	/* A memo is what coordinate takes; a note goes with anything. */
	f->args.memo = "ND-1";
	f->args.note = "catatan";
	assert_int_equal(raw(f, "coordinate", WF_FORWARDED, WF_ROLE_KASUBBAG),
			 WF_COORDINATING);
	memset(&f->args, 0, sizeof(f->args));
}

static void test_decide_basis_and_holder_rules(void **state)
{
	struct fx *f = *state;
	const struct text *partial_none, *granted_basis, *not_held_basis;

	f->args.holder = NULL;
	f->args.decision = WF_DECISION_PARTIAL;
	f->args.basis = NULL;
	assert_int_equal(check(f, "decide", WF_AVAILABLE, WF_ROLE_PPID), -1);
	partial_none = f->reason;
	assert_non_null(strstr(partial_none->en, "withheld"));
	f->args.basis = " ";
	assert_int_equal(check(f, "decide", WF_AVAILABLE, WF_ROLE_PPID), -1);
	assert_ptr_equal(f->reason, partial_none);
	f->args.basis = "h, b";
	assert_int_equal(check(f, "decide", WF_AVAILABLE, WF_ROLE_PPID),
			 WF_DECIDED);

	f->args.decision = WF_DECISION_GRANTED;
	f->args.basis = "h";
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID), -1);
	granted_basis = f->reason;
	assert_ptr_not_equal(granted_basis, partial_none);
	f->args.basis = "";
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID),
			 WF_DECIDED);

	f->args.decision = WF_DECISION_NOT_HELD;
	f->args.holder = "Bawaslu Provinsi Bengkulu";
	f->args.basis = "c";
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID), -1);
	not_held_basis = f->reason;
	assert_ptr_not_equal(not_held_basis, granted_basis);
	f->args.basis = NULL;
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID),
			 WF_DECIDED);

	/* A holder belongs to not_held only. */
	for (int d = WF_DECISION_GRANTED; d <= WF_DECISION_REJECTED; d++) {
		f->args.decision = (enum wf_decision)d;
		f->args.basis = d == WF_DECISION_GRANTED ? NULL : "h";
		f->args.holder = "KPU RI";
		assert_int_equal(
		    check(f, "decide", WF_COORDINATING, WF_ROLE_PPID), -1);
		assert_non_null(strstr(f->reason->en, "not_held"));
		f->args.holder = NULL;
		assert_int_equal(
		    check(f, "decide", WF_COORDINATING, WF_ROLE_PPID),
		    WF_DECIDED);
	}
}

/* handover (SOP 5): what was given and in which form; nothing to give
 * after a rejection or when the information is not held; the form is
 * one of the table's, and no other action takes one. */
static void test_handover(void **state)
{
	struct fx *f = *state;
	size_t n = 0;

	assert_int_equal(check(f, "handover", WF_NOTIFIED, WF_ROLE_DESK),
			 WF_NOTIFIED);
	assert_int_equal(check(f, "handover", WF_DECIDED, WF_ROLE_DESK), -1);
	assert_int_equal(check(f, "handover", WF_NOTIFIED, WF_ROLE_PPID), -1);
	f->args.form = "fax";
	assert_int_equal(check(f, "handover", WF_NOTIFIED, WF_ROLE_DESK), -1);
	assert_non_null(strstr(f->reason->en, "printed, usb"));
	f->args.form = NULL;
	assert_int_equal(check(f, "handover", WF_NOTIFIED, WF_ROLE_DESK), -1);
	f->args.form = "email";
	f->args.note = NULL;
	assert_int_equal(check(f, "handover", WF_NOTIFIED, WF_ROLE_DESK), -1);
	f->args.note = "Salinan DPT (12 halaman)";
	for (int d = WF_DECISION_REJECTED; d <= WF_DECISION_NOT_HELD; d++) {
		f->req.decision = (enum wf_decision)d;
		assert_int_equal(
		    check(f, "handover", WF_NOTIFIED, WF_ROLE_DESK), -1);
		assert_non_null(strstr(f->reason->en, "nothing to hand over"));
	}
	f->req.decision = WF_DECISION_PARTIAL;
	assert_int_equal(check(f, "handover", WF_NOTIFIED, WF_ROLE_DESK),
			 WF_NOTIFIED);
	/* Every form has words in both languages. */
	for (; workflow_form_key(n); n++)
		assert_text_ok(workflow_form_label(workflow_form_key(n)));
	assert_int_equal(n, 5);
	assert_null(workflow_form_label("fax"));
	assert_null(workflow_form_label(NULL));
	/* A form given to another action is refused, not dropped. */
	{
		struct wf_request req = {.status = WF_NOTIFIED,
					 .max_extensions = 1};
		struct wf_args args = {.form = "printed"};
		const struct text *why;

		assert_int_equal(workflow_check(find("close"), &req,
						WF_ROLE_DESK, &args, &why),
				 -1);
		assert_non_null(strstr(why->en, "handover form"));
	}
}

/* The permission table, written out from the issue and DOMAIN.md. */
static void test_permission_table(void **state)
{
	(void)state;
	static const struct {
		enum wf_perm perm;
		const char *key;
		unsigned roles;
	} want[] = {
	    {WF_PERM_SUBMIT, "submit", WF_ROLE_DESK | WF_ROLE_KIOSK},
	    {WF_PERM_REVEAL, "reveal", WF_ROLE_DESK | WF_ROLE_PPID},
	    {WF_PERM_PRINT, "print", WF_ROLE_STAFF},
	    {WF_PERM_HOLIDAYS, "holidays", WF_ROLE_DESK | WF_ROLE_KASUBBAG},
	    {WF_PERM_ACK_CALL, "ack_call", WF_ROLE_STAFF},
	    {WF_PERM_SUPERVISE, "supervise", WF_ROLE_KASUBBAG},
	    {WF_PERM_REPORT, "report_handover", WF_ROLE_KASUBBAG},
	};

	assert_int_equal(sizeof(want) / sizeof(want[0]), WF_PERM_COUNT);
	for (size_t i = 0; i < WF_PERM_COUNT; i++) {
		assert_int_equal(workflow_perm_roles(want[i].perm),
				 want[i].roles);
		assert_string_equal(workflow_perm_key(want[i].perm),
				    want[i].key);
		for (size_t r = 0; r < N_ROLES; r++) {
			const struct text *why = &sentinel;
			bool may =
			    workflow_may(single_roles[r], want[i].perm, &why);

			assert_int_equal(
			    may, (want[i].roles & single_roles[r]) != 0);
			if (may) {
				assert_null(why);
				continue;
			}
			assert_text_ok(why);
			/* The refusal names every role that may. */
			for (size_t k = 0; k < N_ROLES; k++) {
				const char *rk =
				    workflow_role_key(single_roles[k]);

				if (!(want[i].roles & single_roles[k]))
					continue;
				assert_non_null(strcasestr(why->en, rk));
				assert_non_null(strcasestr(why->id, rk));
			}
		}
		/* Several roles: one allowed is enough; none is refused. */
		assert_true(workflow_may(WF_ROLE_STAFF | WF_ROLE_KIOSK,
					 want[i].perm, NULL));
		assert_false(workflow_may(0, want[i].perm, NULL));
	}
	assert_false(workflow_may(WF_ROLE_STAFF, WF_PERM_COUNT, NULL));
	assert_int_equal(workflow_perm_roles(WF_PERM_COUNT), 0);
	assert_string_equal(workflow_perm_key(WF_PERM_COUNT), "unknown");
}

/* workflow_may_act() is what workflow_check() asks about roles. */
static void test_may_act_follows_the_action_table(void **state)
{
	(void)state;
	size_t n;
	const struct wf_action *a = workflow_actions(&n);
	const struct text *why;

	for (size_t i = 0; i < n; i++) {
		for (size_t r = 0; r < N_ROLES; r++) {
			bool may =
			    workflow_may_act(single_roles[r], &a[i], &why);

			assert_int_equal(may,
					 (a[i].roles & single_roles[r]) != 0);
			if (may)
				assert_null(why);
			else
				assert_text_ok(why);
		}
	}
	assert_false(workflow_may_act(WF_ROLE_STAFF, NULL, &why));
	assert_text_ok(why);
	assert_true(
	    workflow_may_act(WF_ROLE_DESK, workflow_find("forward"), NULL));
}

/* A value this program does not know is shown as "unknown", never NULL. */
static void test_unknown_values_are_safe_to_show(void **state)
{
	(void)state;
	static const int bad[] = {WF_STATUS_COUNT, 42, -1, 1 << 20};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		enum wf_status s = (enum wf_status)bad[i];

		assert_string_equal(workflow_status_key(s), "unknown");
		assert_text_ok(workflow_status_label(s));
		assert_string_equal(workflow_status_label(s)->en,
				    "Unknown status");
		assert_false(workflow_status_valid(s));
		assert_false(workflow_status_open(s));
		assert_false(workflow_status_done(s));
		assert_string_equal(
		    workflow_decision_key((enum wf_decision)bad[i]), "unknown");
		assert_text_ok(
		    workflow_decision_label((enum wf_decision)bad[i]));
		assert_string_equal(workflow_regime_key((enum wf_regime)bad[i]),
				    "unknown");
		assert_text_ok(workflow_regime_label((enum wf_regime)bad[i]));
	}
	assert_string_equal(workflow_regime_key(WF_REGIME_COUNT), "unknown");
}

/* "Open" is a known status before the written notification. */
static void test_open_statuses(void **state)
{
	(void)state;
	unsigned open = 0;

	for (int s = 0; s < WF_STATUS_COUNT; s++) {
		assert_true(workflow_status_valid((enum wf_status)s));
		if (workflow_status_open((enum wf_status)s))
			open |= S(s);
		assert_int_equal(workflow_status_open((enum wf_status)s),
				 !workflow_status_done((enum wf_status)s));
	}
	assert_int_equal(open, ALL_STATES & ~(S(WF_NOTIFIED) | S(WF_CLOSED)));
}

static void test_regime_keys_round_trip(void **state)
{
	(void)state;
	static const char *const keys[WF_REGIME_COUNT] = {
	    "ordinary", "election", "objection"};

	assert_int_equal(WF_REGIME_ORDINARY, 0);
	for (int r = 0; r < WF_REGIME_COUNT; r++) {
		assert_string_equal(workflow_regime_key((enum wf_regime)r),
				    keys[r]);
		assert_int_equal(workflow_regime_from_key(keys[r]), r);
		assert_text_ok(workflow_regime_label((enum wf_regime)r));
	}
	assert_int_equal(workflow_regime_from_key("unknown"), -1);
	assert_int_equal(workflow_regime_from_key("Election"), -1);
	assert_int_equal(workflow_regime_from_key(""), -1);
	assert_int_equal(workflow_regime_from_key(NULL), -1);
}

static void test_states_format(void **state)
{
	(void)state;
	char buf[64], small[12];

	assert_int_equal(
	    workflow_states_format(find("decide")->from, buf, sizeof(buf)),
	    strlen("available, coordinating"));
	assert_string_equal(buf, "available, coordinating");
	workflow_states_format(find("forward")->from, buf, sizeof(buf));
	assert_string_equal(buf, "submitted");
	workflow_states_format(0, buf, sizeof(buf));
	assert_string_equal(buf, "");
	/* Truncated, still a string. */
	workflow_states_format(ALL_STATES, small, sizeof(small));
	assert_true(strlen(small) < sizeof(small));
	assert_int_equal(workflow_states_format(ALL_STATES, small, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_table_matches_sop),
	    T(test_every_transition_and_refusal_matrix),
	    T(test_happy_path_transitions),
	    T(test_person_with_several_roles),
	    T(test_role_refusals),
	    T(test_kiosk_role_cannot_act),
	    T(test_wrong_status_refusals),
	    T(test_unknown_status_refused),
	    T(test_missing_note_refused),
	    T(test_missing_memo_refused),
	    T(test_exclude_needs_valid_basis),
	    T(test_decide_rejected_needs_valid_basis),
	    T(test_decide_without_decision_refused),
	    T(test_not_held_needs_holder),
	    T(test_rejected_from_available_refused),
	    T(test_extension_only_once),
	    T(test_status_keys_round_trip),
	    T(test_decision_keys_round_trip),
	    T(test_role_keys_round_trip),
	    T(test_roles_parse_lists),
	    T(test_basis_normalize),
	    T(test_pasal17_labels),
	    T(test_partial_basis_must_be_real),
	    T(test_wrong_state_names_status),
	    T(test_extend_refused_after_original_deadline),
	    T(test_decide_basis_and_holder_rules),
	    T(test_unused_arguments_refused),
	    T(test_permission_table),
	    T(test_handover),
	    T(test_may_act_follows_the_action_table),
	    T(test_unknown_values_are_safe_to_show),
	    T(test_open_statuses),
	    T(test_regime_keys_round_trip),
	    T(test_states_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
