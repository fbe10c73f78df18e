/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ppid-console: shared state of one invocation and the subcommand table.
 * Exit status: 0 ok, 1 refused or invalid (message on stderr), 2 usage.
 */
#ifndef PPID_CONSOLE_H
#define PPID_CONSOLE_H

#include <stdbool.h>

#include "config.h"
#include "queue.h"

enum {
	EXIT_OK = 0,	  /* done */
	EXIT_REFUSED = 1, /* refused, invalid input, or a fault */
	EXIT_USAGE = 2,	  /* wrong command line */
};

struct console {
	struct config cfg;	  /* configuration in force */
	const char *db_path;	  /* --db, else the configuration's */
	char login[64];		  /* OS login of the person running it */
	struct queue_actor actor; /* login + roles from [staff] */
	time_t now;		  /* one clock reading per invocation */
	bool quiet_holidays;	  /* the command warns about holidays itself */
	bool holidays_warned;	  /* the one holiday warning was given */
};

struct console_cmd {
	const char *name; /* subcommand */
	int (*run)(struct console *c, int argc, char **argv);
	const char *summary; /* one line for the overview */
};

/**
 * Open the queue for a subcommand, printing a clear error on failure.
 * With @p create the database is made if missing.  Warns on stderr when
 * this or next year has no holidays loaded.
 */
struct queue *console_open_queue(struct console *c, bool create, bool readonly);

/** Set @p has when @p year has any holiday loaded. @return 0, or -1. */
int console_year_has_holidays(struct queue *q, int year, bool *has);

/**
 * The one "no holidays loaded" warning of a command: names @p n years and
 * @p why it matters; later calls in the same command print nothing.
 */
void console_warn_holidays(struct console *c, const int *years, int n,
			   const char *why);

/**
 * The holiday calendar from @p q, or NULL after a message naming @p cmd and
 * the cause.  Free with calendar_free().
 */
struct calendar *console_load_calendar(struct console *c, struct queue *q,
				       const char *cmd);

/**
 * Read one line (a secret such as an NIK: never from argv) from standard
 * input into @p buf, without its line end; prompts with @p what on a
 * terminal.  @return 0, or -1 after a message.
 */
int console_read_stdin_line(const char *cmd, const char *what, char *buf,
			    size_t len);

/**
 * Parse @p text, the value of option @p opt, as a whole number in
 * [@p lo, @p hi] into @p out.  @return 0, or -1 after a message.
 */
int console_parse_count(const char *cmd, const char *opt, const char *text,
			long lo, long hi, long *out);

/** The office's current date (WIB). */
struct date console_today(const struct console *c);

/** Print "ppid-console: CMD: message" to stderr. */
void console_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** Print both halves of a visitor message to stderr, for @p what. */
void console_error_text(const char *cmd, const char *what,
			const struct text *t);

/**
 * When the login holds no staff role, say on stderr how a role is granted
 * (a [staff] line in the root-owned configuration).  Call it beside a
 * refusal.
 */
void console_explain_roles(const struct console *c);

/**
 * Complete a request the desk entered (`add`, the TUI's entry form): its ID
 * type (guessed from the ID's shape when @p id_type is NULL), an NIK's
 * digits only, and how the requester obtains and receives it (NULL: a
 * softcopy by email for email requests, else a hardcopy collected in
 * person).  Validation is request_validate()'s.
 * @return 0, or -1 with @p *bad (static) saying which option is wrong.
 */
int console_add_complete(struct request *req, const char *id_type,
			 const char *obtain, const char *delivery,
			 const char **bad);

/**
 * Print (or with @p output, write as a PDF) request @p regno's receipt
 * (@p receipt) or written notification, as `print` does: the role is
 * checked, the job recorded and followed for up to @p wait_s seconds (0 =
 * the configured default).  Messages go to stdout and stderr.
 * @param number  the letter's number, NULL = "PT-<regno>"
 * @param printer the CUPS queue, NULL = the configured one
 * @return EXIT_OK or EXIT_REFUSED.
 */
int console_print(struct console *c, const char *regno, bool receipt,
		  const char *number, const char *printer, const char *output,
		  int wait_s);

/** true if argv holds -h or --help (then print @p usage and return). */
bool console_wants_help(int argc, char **argv, const char *usage);

struct doc_buf;

/**
 * Send the A4 PDF @p doc as print job @p job_id (a print_jobs row already
 * added) to CUPS queue @p printer and follow it for up to @p wait_s
 * seconds, recording each step in the row (cmd_print.c).  Messages go to
 * stdout and stderr.
 * @return EXIT_OK when printed, else EXIT_REFUSED.
 */
int console_print_job(struct console *c, struct queue *q, int64_t job_id,
		      const char *printer, const char *title,
		      const struct doc_buf *doc, int wait_s);

/**
 * Print (or with @p output, write as a PDF) the data receipt (tanda terima
 * data) of request @p regno's newest handover, for the requester's
 * signature (cmd_handover.c).  The role needs WF_PERM_PRINT; the job is
 * recorded as "data_receipt".
 * @param printer the CUPS queue, NULL = [printer] letter
 * @param wait_s  0 = 120 s
 * @return EXIT_OK or EXIT_REFUSED.
 */
int console_print_data_receipt(struct console *c, const char *regno,
			       const char *printer, const char *output,
			       int wait_s);

/* Subcommands, one file each group. */
int cmd_init(struct console *c, int argc, char **argv);
int cmd_add(struct console *c, int argc, char **argv);
int cmd_list(struct console *c, int argc, char **argv);
int cmd_show(struct console *c, int argc, char **argv);
int cmd_act(struct console *c, int argc, char **argv);
int cmd_check_id(struct console *c, int argc, char **argv);
int cmd_workdays(struct console *c, int argc, char **argv);
int cmd_holidays(struct console *c, int argc, char **argv);
int cmd_watch(struct console *c, int argc, char **argv);
int cmd_calls(struct console *c, int argc, char **argv);
int cmd_hw(struct console *c, int argc, char **argv);
int cmd_print(struct console *c, int argc, char **argv);
int cmd_printer(struct console *c, int argc, char **argv);
int cmd_jobs(struct console *c, int argc, char **argv);
int cmd_handover(struct console *c, int argc, char **argv);
int cmd_supervise(struct console *c, int argc, char **argv);
int cmd_report_handover(struct console *c, int argc, char **argv);
int cmd_report(struct console *c, int argc, char **argv);
int cmd_kiosk_pin(struct console *c, int argc, char **argv);
int cmd_backup(struct console *c, int argc, char **argv);

#endif
