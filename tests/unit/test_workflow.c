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
#include <stddef.h>
#include <stdint.h>
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
	fixture.args.decision = WF_DECISION_GRANTED;
	fixture.args.holder = "KPU RI";
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
	int rc;

	f->req.status = st;
	f->reason = &sentinel;
	rc = workflow_check(find(action), &f->req, role, &f->args, &f->reason);
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
	struct wf_request req = {st, 0, 1, WF_DECISION_NONE};
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
	struct wf_args none = {NULL, NULL, NULL, WF_DECISION_NONE, NULL};
	const struct text *wrong_state =
	    reason_of("forward", WF_CLOSED, WF_ROLE_DESK, &none);
	const struct text *wrong_role =
	    reason_of("forward", WF_SUBMITTED, WF_ROLE_PPID, &none);

	assert_ptr_not_equal(wrong_state, wrong_role);
	for (size_t i = 0; i < N_SOP; i++) {
		for (int st = 0; st < WF_STATUS_COUNT; st++) {
			for (size_t r = 0; r < N_ROLES; r++) {
				unsigned role = single_roles[r];
				int rc = check(f, sop[i].name,
					       (enum wf_status)st, role);

				if (!(sop[i].from & S(st))) {
					assert_int_equal(rc, -1);
					assert_ptr_equal(f->reason,
							 wrong_state);
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
	/* Other decisions do not need a basis. */
	f->args.basis = NULL;
	f->args.decision = WF_DECISION_GRANTED;
	assert_int_equal(check(f, "decide", WF_COORDINATING, WF_ROLE_PPID),
			 WF_DECIDED);
	f->args.decision = WF_DECISION_PARTIAL;
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
	assert_null(workflow_status_key(WF_STATUS_COUNT));
	assert_null(workflow_status_key((enum wf_status) - 1));
	assert_text_ok(workflow_status_label(WF_STATUS_COUNT));
	assert_int_equal(workflow_status_from_key("bogus"), -1);
	assert_int_equal(workflow_status_from_key(""), -1);
	assert_int_equal(workflow_status_from_key("Submitted"), -1);
	assert_int_equal(workflow_status_from_key(NULL), -1);
}

static void test_decision_keys_round_trip(void **state)
{
	(void)state;
	static const char *const keys[] = {NULL, "granted", "partial",
					   "rejected", "not_held"};

	assert_null(workflow_decision_key(WF_DECISION_NONE));
	assert_text_ok(workflow_decision_label(WF_DECISION_NONE));
	for (int d = WF_DECISION_GRANTED; d <= WF_DECISION_NOT_HELD; d++) {
		const char *k = workflow_decision_key((enum wf_decision)d);

		assert_non_null(k);
		assert_string_equal(k, keys[d]);
		assert_int_equal(workflow_decision_from_key(k), d);
		assert_text_ok(workflow_decision_label((enum wf_decision)d));
	}
	assert_null(workflow_decision_key((enum wf_decision)5));
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
	struct wf_request req = {WF_COORDINATING, 0, 1, WF_DECISION_NONE};
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
	args.basis = NULL;
	assert_int_equal(workflow_check(workflow_find("decide"), &req,
					WF_ROLE_PPID, &args, &why),
			 WF_DECIDED);
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
