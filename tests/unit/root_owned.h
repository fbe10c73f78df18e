/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Root-owned files for unit tests run by an ordinary user.
 *
 * config_load() takes [staff] only from a file owned by root that only root
 * can write.  As root (CI) every file a test writes is one.  For an ordinary
 * user, t_root_owned_files() moves the test process into a new user
 * namespace where its uid and gid are 0, as `unshare --map-root-user` does
 * for the shell tests (tests/lib/testlib.sh): the files it writes are then
 * owned by root as the process sees them, and nothing outside changes.
 *
 * Usage: call t_root_owned_files() first thing in main(), while the process
 * is single-threaded, and begin each test that needs a root-owned file with
 * T_NEED_ROOT_OWNED(), which skips it (cmocka's "[  SKIPPED ]", counted by
 * tests/run.sh) when the kernel refused the namespace; the reason is printed
 * once, by t_root_owned_files().
 */
#ifndef PPID_TEST_ROOT_OWNED_H
#define PPID_TEST_ROOT_OWNED_H

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static bool t_root_owned; /* files written from now on are root's */

/* t_write_proc() - write TEXT to the /proc file PATH; 0 or -1 + errno. */
static inline int t_write_proc(const char *path, const char *text)
{
	size_t len = strlen(text);
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	int rc = -1;
	int saved;

	if (fd < 0)
		return -1;
	if (write(fd, text, len) == (ssize_t)len)
		rc = 0;
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

/**
 * t_root_owned_files() - make the files this process writes root-owned.
 *
 * As root it does nothing.  Otherwise it unshares a user namespace and maps
 * the caller's uid and gid to 0 in it ("deny" to setgroups first, as an
 * unprivileged gid_map requires).
 *
 * Return: true when files written from now on are owned by uid 0 as this
 * process sees them; false, with the reason as a line on stderr, when the
 * kernel refuses (user namespaces disabled).  Also sets t_root_owned.
 */
static inline bool t_root_owned_files(void)
{
	uid_t uid = getuid();
	gid_t gid = getgid();
	char map[64];
	const char *step = "unshare(CLONE_NEWUSER)";

	t_root_owned = geteuid() == 0;
	if (t_root_owned)
		return true;
	if (unshare(CLONE_NEWUSER) != 0)
		goto out;
	step = "/proc/self/setgroups";
	if (t_write_proc("/proc/self/setgroups", "deny") != 0)
		goto out;
	step = "/proc/self/uid_map";
	snprintf(map, sizeof(map), "0 %lu 1\n", (unsigned long)uid);
	if (t_write_proc("/proc/self/uid_map", map) != 0)
		goto out;
	step = "/proc/self/gid_map";
	snprintf(map, sizeof(map), "0 %lu 1\n", (unsigned long)gid);
	if (t_write_proc("/proc/self/gid_map", map) != 0)
		goto out;
	t_root_owned = geteuid() == 0;
	step = "uid 0 after the mapping";
out:
	if (!t_root_owned)
		fprintf(stderr,
			"# skip: not root and no user namespace (%s: %s): "
			"the tests that need a root-owned file are skipped\n",
			step, strerror(errno));
	return t_root_owned;
}

/* T_NEED_ROOT_OWNED() - skip this cmocka test without root-owned files. */
#define T_NEED_ROOT_OWNED()                                                    \
	do {                                                                   \
		if (!t_root_owned)                                             \
			skip();                                                \
	} while (0)

#endif /* PPID_TEST_ROOT_OWNED_H */
