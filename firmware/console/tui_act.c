// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The TUI's actions: the SOP steps on the detail view's request (each
 * asks only for what the workflow table says it needs, and goes through
 * queue_act(), which checks the workflow and the role and records the
 * login and role), acknowledging a call, and printing in a child process
 * so that the screen never waits for CUPS.
 */

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "docview.h"
#include "tui.h"

static const struct {
	const char *name; /* the workflow's action */
	int key;	  /* its key in the detail view */
	const char *word; /* for the help bar, Indonesian/English */
} keys[] = {
    {"forward", 'f', "teruskan/forward"},
    {"exclude", 'x', "kecualikan/exclude"},
    {"available", 's', "tersedia/available"},
    {"coordinate", 'c', "koordinasi/coordinate"},
    {"extend", 'e', "perpanjang/extend"},
    {"decide", 'd', "putuskan/decide"},
    {"notify", 'n', "beritahu/notify"},
    {"handover", 'h', "serahkan/hand over"},
    {"close", 't', "tutup/close"},
    {"note", 'o', "catatan/note"},
};

#define N_KEYS (sizeof(keys) / sizeof(keys[0]))

int tui_act_key(const char *name)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (strcmp(keys[i].name, name) == 0)
			return keys[i].key;
	return '?';
}

const char *tui_act_word(const char *name)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (strcmp(keys[i].name, name) == 0)
			return keys[i].word;
	return name;
}

/* A refusal in both languages, and for a login without a role how one
 * is granted. */
static void refused(struct tui *t, const char *what, const struct text *why)
{
	if (!(t->c->actor.roles & WF_ROLE_STAFF))
		tui_msg(t, TUI_LOOK_ERROR,
			"%s: %s (%s) Tanpa peran/no role: root menambah/adds "
			"[staff] %s = desk",
			what, why->id, why->en, t->c->login);
	else
		tui_msg(t, TUI_LOOK_ERROR, "%s: %s (%s)", what, why->id,
			why->en);
}

static const char *const decision_choices[] = {
    "diberikan/granted", "sebagian/partial", "ditolak/rejected",
    "tidak dikuasai/not held"};

/* What the action needs, asked for one thing at a time.  @return false
 * when cancelled. */
static bool ask_needs(struct tui *t, const struct wf_action *a,
		      struct wf_args *args, char *note, char *basis, char *memo,
		      char *holder, size_t len)
{
	if (a->needs & WF_NEED_DECISION) {
		struct tui_field f = {.label = "Keputusan / Decision",
				      .type = TUI_FIELD_CHOICE,
				      .choices = decision_choices,
				      .n_choices = 4};

		if (!tui_form(t, "Putuskan / Decide", &f, 1, NULL, NULL))
			return false;
		args->decision =
		    (enum wf_decision)(WF_DECISION_GRANTED + f.choice);
		if ((args->decision == WF_DECISION_REJECTED ||
		     args->decision == WF_DECISION_PARTIAL) &&
		    !tui_ask(t, "Dasar pengecualian / Legal basis",
			     "Pasal 17 huruf (a-j)", basis, len))
			return false;
		if (args->decision == WF_DECISION_NOT_HELD &&
		    !tui_ask(t, "Tidak dikuasai / Not held",
			     "Badan yang menguasai / Held by", holder, len))
			return false;
	}
	if ((a->needs & WF_NEED_BASIS) &&
	    !tui_ask(t, "Dikecualikan / Excluded", "Pasal 17 huruf (a-j)",
		     basis, len))
		return false;
	if ((a->needs & WF_NEED_MEMO) &&
	    !tui_ask(t, "Koordinasi / Coordinate",
		     "Nomor memo/disposisi / Memo number", memo, len))
		return false;
	if ((a->needs & WF_NEED_NOTE) &&
	    !tui_ask(t,
		     strcmp(a->name, "extend") == 0 ? "Perpanjang / Extend"
						    : "Catatan / Note",
		     strcmp(a->name, "extend") == 0
			 ? "Alasan perpanjangan / Reason"
			 : "Catatan / Note",
		     note, len))
		return false;
	args->note = *note ? note : NULL;
	args->basis = *basis ? basis : NULL;
	args->memo = *memo ? memo : NULL;
	args->holder = *holder ? holder : NULL;
	return true;
}

/* SOP step 5's form (workflow_form_key()), chosen in words; @return
 * false when cancelled. */
static bool ask_form(struct tui *t, struct wf_args *args, char *given,
		     size_t len)
{
	static char words[8][96];
	static const char *choices[8];
	struct tui_field f[2] = {
	    {.label = "Diberikan / What was given",
	     .type = TUI_FIELD_TEXT,
	     .buf = given,
	     .len = len},
	    {.label = "Bentuk / Form", .type = TUI_FIELD_CHOICE},
	};
	int n = 0;

	for (const char *k; n < 8 && (k = workflow_form_key((size_t)n)); n++) {
		snprintf(words[n], sizeof(words[n]), "%s / %s",
			 workflow_form_label(k)->id,
			 workflow_form_label(k)->en);
		choices[n] = words[n];
	}
	f[1].choices = choices;
	f[1].n_choices = n;
	if (!tui_form(t, "Serahkan informasi / Hand the information over", f, 2,
		      NULL, NULL))
		return false;
	args->form = workflow_form_key((size_t)f[1].choice);
	args->note = *given ? given : NULL;
	return true;
}

/* The data receipt of the handover just recorded, as `handover` prints
 * it. */
static int data_receipt_child(struct console *c, const void *arg)
{
	return console_print_data_receipt(c, arg, NULL, NULL, 0);
}

static void act(struct tui *t, const struct wf_action *a)
{
	static char note[1024], basis[64], memo[400], holder[800];
	const struct request *r = &t->detail.req;
	const struct text *why;
	struct wf_args args = {0};
	char regno[REQ_REGNO_MAX];

	/* Refused before anything is asked: the state, then the role. */
	if (!(a->from & (1u << r->status))) {
		char states[160];

		workflow_states_format(a->from, states, sizeof(states));
		tui_msg(t, TUI_LOOK_ERROR,
			"%s: tidak berlaku pada status '%s' (hanya: %s) / does "
			"not apply to status '%s'",
			a->name, workflow_status_key(r->status), states,
			workflow_status_key(r->status));
		return;
	}
	if (!workflow_may_act(t->c->actor.roles, a, &why)) {
		refused(t, a->name, why);
		return;
	}
	note[0] = basis[0] = memo[0] = holder[0] = '\0';
	if ((a->needs & WF_NEED_FORM)
		? !ask_form(t, &args, note, sizeof(note))
		: !ask_needs(t, a, &args, note, basis, memo, holder,
			     sizeof(memo))) {
		tui_msg(t, TUI_LOOK_NORMAL, "Dibatalkan / Cancelled");
		return;
	}
	if (args.note && !request_text_ok(args.note, true, NULL)) {
		tui_msg(t, TUI_LOOK_ERROR,
			"Teks tidak sah / The text is not valid");
		return;
	}
	snprintf(regno, sizeof(regno), "%s", r->regno);
	t->c->now = time(NULL);
	if (queue_act(t->q, regno, a->name, &args, &t->c->actor, t->c->now,
		      &why) < 0) {
		if (why)
			refused(t, a->name, why);
		else
			tui_msg(t, TUI_LOOK_ERROR, "%s: %s", a->name,
				queue_errmsg(t->q));
		return;
	}
	tui_wrote(t);
	tui_data_reload_detail(t);
	tui_msg(t, TUI_LOOK_OK, "%s %s: %s (%s)", regno, a->name,
		workflow_status_key(t->detail.req.status),
		workflow_status_label(t->detail.req.status)->id);
	/* SOP step 5: the data receipt, for the requester's signature. */
	if (a->needs & WF_NEED_FORM) {
		static char receipt_regno[REQ_REGNO_MAX];

		snprintf(receipt_regno, sizeof(receipt_regno), "%s", regno);
		tui_act_child(t, "tanda terima data / data receipt",
			      data_receipt_child, receipt_regno);
	}
}

bool tui_act_by_key(struct tui *t, int key)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (keys[i].key == key) {
			const struct wf_action *a = workflow_find(keys[i].name);

			if (a)
				act(t, a);
			return true;
		}
	return false;
}

void tui_act_ack(struct tui *t, int64_t call_id)
{
	const struct text *why;

	if (!workflow_may(t->c->actor.roles, WF_PERM_ACK_CALL, &why)) {
		refused(t, "ack", why);
		return;
	}
	if (queue_call_ack(t->q, call_id, &t->c->actor, time(NULL)) < 0) {
		if (queue_errcode(t->q) == QUEUE_ERR_NOTFOUND)
			tui_msg(t, TUI_LOOK_NORMAL,
				"Panggilan %lld sudah diterima / already "
				"acknowledged",
				(long long)call_id);
		else
			tui_msg(t, TUI_LOOK_ERROR, "%s", queue_errmsg(t->q));
	} else {
		tui_msg(t, TUI_LOOK_OK,
			"Panggilan %lld diterima: kiosk diberi tahu / call "
			"acknowledged, the kiosk is told",
			(long long)call_id);
	}
	if (t->banner_call == call_id) {
		t->banner[0] = '\0';
		t->banner_call = 0;
	}
	tui_wrote(t);
}

/* ---- printing in a child ------------------------------------------------- */

void tui_act_child(struct tui *t, const char *what,
		   int (*fn)(struct console *c, const void *arg),
		   const void *arg)
{
	const struct text *why;
	int p[2];
	pid_t pid;

	if (!workflow_may(t->c->actor.roles, WF_PERM_PRINT, &why)) {
		refused(t, "print", why);
		return;
	}
	if (t->print_pid) {
		tui_msg(t, TUI_LOOK_NORMAL,
			"Masih mencetak / Still printing the last one");
		return;
	}
	if (pipe2(p, O_CLOEXEC) < 0) {
		tui_msg(t, TUI_LOOK_ERROR, "pipe: %s", strerror(errno));
		return;
	}
	pid = fork();
	if (pid < 0) {
		tui_msg(t, TUI_LOOK_ERROR, "fork: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		return;
	}
	if (pid == 0) {
		/* The child prints as the subcommand would, its words into
		 * the pipe; it never touches the screen or the parent's
		 * connection. */
		int rc;

		signal(SIGINT, SIG_IGN);
		/* The job row follows the job to its end, even if the TUI
		 * quits and nobody reads the words any more. */
		signal(SIGPIPE, SIG_IGN);
		dup2(p[1], STDOUT_FILENO);
		dup2(p[1], STDERR_FILENO);
		t->c->now = time(NULL);
		rc = fn(t->c, arg);
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	close(p[1]);
	t->print_pid = pid;
	t->print_fd = p[0];
	t->print_out[0] = '\0';
	tui_msg(t, TUI_LOOK_NORMAL, "Mencetak / Printing: %s...", what);
}

struct print_args {
	char regno[REQ_REGNO_MAX];	 /* the request */
	bool receipt;			 /* its receipt, else notification */
	char number[DOCVIEW_NUMBER_MAX]; /* the letter's number, or "" */
};

static int print_child(struct console *c, const void *arg)
{
	const struct print_args *pa = arg;

	return console_print(c, pa->regno, pa->receipt,
			     *pa->number ? pa->number : NULL, NULL, NULL, 0);
}

void tui_act_print(struct tui *t, const char *regno, bool receipt,
		   const char *number)
{
	static struct print_args pa;
	char what[200];

	snprintf(pa.regno, sizeof(pa.regno), "%s", regno);
	pa.receipt = receipt;
	snprintf(pa.number, sizeof(pa.number), "%s", number ? number : "");
	snprintf(what, sizeof(what), "%s %s",
		 receipt ? "tanda terima" : "pemberitahuan", regno);
	tui_act_child(t, what, print_child, &pa);
}

void tui_act_print_read(struct tui *t)
{
	size_t at = strlen(t->print_out);
	ssize_t n;
	int status = 0;
	char *last;

	if (t->print_fd < 0)
		return;
	n = read(t->print_fd, t->print_out + at, sizeof(t->print_out) - 1 - at);
	if (n > 0) {
		t->print_out[at + (size_t)n] = '\0';
		/* Keep room: only the last line matters. */
		if (at + (size_t)n + 1 >= sizeof(t->print_out)) {
			last = strrchr(t->print_out, '\n');
			if (last)
				memmove(t->print_out, last + 1,
					strlen(last + 1) + 1);
			else
				t->print_out[0] = '\0';
		}
		return;
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	close(t->print_fd);
	t->print_fd = -1;
	waitpid(t->print_pid, &status, 0);
	t->print_pid = 0;
	/* Its last line says what became of the job. */
	while ((at = strlen(t->print_out)) && t->print_out[at - 1] == '\n')
		t->print_out[at - 1] = '\0';
	last = strrchr(t->print_out, '\n');
	last = last ? last + 1 : t->print_out;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		tui_msg(t, TUI_LOOK_OK, "Tercetak / Printed: %s", last);
	else {
		if (strncmp(last, "ppid-console: ", 14) == 0)
			last += 14;
		if (strncmp(last, "print: ", 7) == 0)
			last += 7;
		tui_msg(t, TUI_LOOK_ERROR, "Tidak tercetak / Not printed: %s",
			last);
	}
	tui_data_reload(t);
}
