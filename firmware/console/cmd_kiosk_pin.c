// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ppid-console kiosk-pin: the line for [kiosk] maint_pin_hash.  The PIN is
 * read twice from standard input (not echoed on a terminal), never from
 * the command line, hashed with yescrypt (maintpin.h) and wiped.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "console.h"
#include "maintpin.h"

static int read_pin(const char *what, char *buf, size_t len)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	int rc;

	if (tty) {
		quiet = old;
		quiet.c_lflag &= (tcflag_t)~ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	rc = console_read_stdin_line("kiosk-pin", what, buf, len);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	return rc;
}

int cmd_kiosk_pin(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console kiosk-pin\n"
	    "Make the kiosk's maintenance PIN: reads the PIN (4 to 12 digits) "
	    "twice from\nstandard input, never from the command line, and "
	    "prints the line to put in\nthe [kiosk] section of the "
	    "configuration:\n"
	    "    maint_pin_hash = $y$...\n"
	    "Only the yescrypt hash is kept; without it the maintenance menu "
	    "stays closed.\n";
	static char pin[64], again[64];
	char hash[MAINTPIN_HASH_MAX];
	int rc = EXIT_REFUSED;

	(void)c;
	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (argc > 1) {
		console_error("kiosk-pin",
			      "the PIN is read from standard input, not the "
			      "command line (others can see argv)");
		return EXIT_USAGE;
	}
	if (read_pin("PIN", pin, sizeof(pin)) < 0 ||
	    read_pin("PIN again", again, sizeof(again)) < 0) {
		rc = EXIT_USAGE;
		goto out;
	}
	if (strcmp(pin, again) != 0) {
		console_error("kiosk-pin", "the two PINs differ");
		goto out;
	}
	if (!maintpin_pin_valid(pin)) {
		console_error("kiosk-pin", "a PIN is %d to %d digits",
			      MAINTPIN_MIN, MAINTPIN_MAX);
		goto out;
	}
	if (maintpin_hash(pin, hash, sizeof(hash)) < 0) {
		console_error("kiosk-pin", "cannot hash the PIN: %s",
			      strerror(errno));
		goto out;
	}
	printf("maint_pin_hash = %s\n", hash);
	rc = EXIT_OK;
out:
	explicit_bzero(pin, sizeof(pin));
	explicit_bzero(again, sizeof(again));
	return rc;
}
