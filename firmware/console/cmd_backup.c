// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ppid-console backup FILE: a consistent copy of the database, safe while
 * the kiosk runs (dbbackup.h).
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "console.h"
#include "dbbackup.h"

int cmd_backup(struct console *c, int argc, char **argv)
{
	static const char usage[] =
	    "usage: ppid-console backup FILE\n"
	    "A consistent copy of the database in FILE, taken with SQLite's "
	    "online backup\nwhile the kiosk keeps running, checked (PRAGMA "
	    "integrity_check) before it gets\nits name.  FILE is created "
	    "0600 (it holds personal data) and is never\noverwritten.  To "
	    "restore: stop the kiosk, put the copy in the database's place\n"
	    "(mode 0660, owner ppid-kiosk, group ppid), remove the old -wal "
	    "and -shm files,\nstart the kiosk (docs/INSTALL-PI.md).\n";
	struct dbbackup_result res;
	char err[1024];

	if (console_wants_help(argc, argv, usage))
		return EXIT_OK;
	if (argc != 2 || argv[1][0] == '-') {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (dbbackup_copy(c->db_path, argv[1], c->cfg.busy_timeout_ms, &res,
			  err, sizeof(err)) < 0) {
		console_error("backup", "%s", err);
		return EXIT_REFUSED;
	}
	printf("%s: %d pages of %d bytes from %s, integrity ok\n", argv[1],
	       res.pages, res.page_size, c->db_path);
	return EXIT_OK;
}
