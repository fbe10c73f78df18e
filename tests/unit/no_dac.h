/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * For tests of read-only files run as root: drop CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH from the calling thread's effective set, so file
 * modes bind it (and the threads it starts afterwards) as they bind the
 * kiosk's ordinary user.  Programs it starts get their capabilities back
 * at exec (uid 0).  Call it first thing in main(), before any thread.
 */
#ifndef PPID_TEST_NO_DAC_H
#define PPID_TEST_NO_DAC_H

#include <errno.h>
#include <linux/capability.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static inline void t_drop_dac_override(void)
{
	struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct d[2];

	if (geteuid() != 0 || syscall(SYS_capget, &h, d) != 0)
		return;
	d[0].effective &=
	    ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
	if (syscall(SYS_capset, &h, d) != 0)
		fprintf(stderr, "# capset: %s\n", strerror(errno));
}

#endif
