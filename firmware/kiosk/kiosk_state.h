/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the kiosk keeps across a restart, beside the database: the default
 * language chosen in the maintenance menu and the maintenance PIN's rate
 * limit (so pulling the plug does not reset it).  A small text file,
 * "kiosk.state" in the database's directory:
 *
 *     default_lang = en
 *     maint_wrong = 3
 *     maint_locked_until = 1764590000      (UTC seconds; 0 = not locked)
 *
 * Written whole through a temporary file and rename(); a missing file or a
 * line not understood leaves the defaults.
 */
#ifndef PPID_KIOSK_STATE_H
#define PPID_KIOSK_STATE_H

#include <stddef.h>
#include <time.h>

struct kiosk_state {
	int lang;		   /* enum lang kept, -1 = none */
	int maint_wrong;	   /* wrong PINs in a row */
	time_t maint_locked_until; /* PINs refused until (UTC), 0 */
};

/**
 * The state file's path for database @p db_path: its directory +
 * "/kiosk.state".  @return 0, or -1 (ENAMETOOLONG).
 */
int kiosk_state_path(const char *db_path, char *out, size_t len);

/** Read @p path into @p st (defaults first: -1, 0, 0). */
void kiosk_state_load(const char *path, struct kiosk_state *st);

/** Write @p st to @p path (mode 0600).  @return 0, or -1 with errno. */
int kiosk_state_save(const char *path, const struct kiosk_state *st);

#endif
