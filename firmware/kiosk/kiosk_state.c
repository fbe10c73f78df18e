// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's small state file (kiosk_state.h).
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kiosk_state.h"
#include "text.h"

int kiosk_state_path(const char *db_path, char *out, size_t len)
{
	const char *slash = strrchr(db_path, '/');
	int n;

	if (!slash)
		n = snprintf(out, len, "kiosk.state");
	else
		n = snprintf(out, len, "%.*s/kiosk.state",
			     (int)(slash - db_path), db_path);
	if (n < 0 || (size_t)n >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

void kiosk_state_load(const char *path, struct kiosk_state *st)
{
	FILE *f = fopen(path, "re");
	char line[128], key[32], val[64];

	st->lang = -1;
	st->maint_wrong = 0;
	st->maint_locked_until = 0;
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		long long n;
		char *end;

		if (sscanf(line, " %31[a-z_] = %63s", key, val) != 2)
			continue;
		if (strcmp(key, "default_lang") == 0) {
			if (strcmp(val, "id") == 0)
				st->lang = LANG_ID;
			else if (strcmp(val, "en") == 0)
				st->lang = LANG_EN;
			continue;
		}
		errno = 0;
		n = strtoll(val, &end, 10);
		if (errno || *end || n < 0)
			continue;
		if (strcmp(key, "maint_wrong") == 0 && n < 1000)
			st->maint_wrong = (int)n;
		else if (strcmp(key, "maint_locked_until") == 0)
			st->maint_locked_until = (time_t)n;
	}
	fclose(f);
}

int kiosk_state_save(const char *path, const struct kiosk_state *st)
{
	char tmp[512];
	FILE *f;
	int fd, saved;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	f = fdopen(fd, "w");
	if (!f) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		return -1;
	}
	fprintf(f, "# ppid-kiosk state: written by the maintenance menu\n");
	if (st->lang == LANG_ID || st->lang == LANG_EN)
		fprintf(f, "default_lang = %s\n",
			st->lang == LANG_EN ? "en" : "id");
	fprintf(f, "maint_wrong = %d\n", st->maint_wrong);
	fprintf(f, "maint_locked_until = %lld\n",
		(long long)st->maint_locked_until);
	if (fflush(f) != 0 || fsync(fd) != 0) {
		saved = errno;
		fclose(f);
		unlink(tmp);
		errno = saved;
		return -1;
	}
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		return -1;
	}
	return 0;
}
