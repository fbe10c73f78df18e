// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness for the configuration parser: any bytes as a
 * configuration file (through a memfd).  Loading must never crash, and
 * whatever it accepts must keep every value within its documented range.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			abort();                                               \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct config cfg;
	char path[64];
	FILE *diag;
	int fd = memfd_create("fuzz.conf", MFD_CLOEXEC);

	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	diag = fopen("/dev/null", "w");
	if (config_load(&cfg, path, diag) == 0) {
		CHECK(cfg.open_min >= 0 && cfg.open_min < cfg.close_min &&
		      cfg.close_min < 24 * 60);
		CHECK(cfg.paper_mm == 58 || cfg.paper_mm == 80);
		CHECK(cfg.n_staff >= 0 && cfg.n_staff <= CONFIG_MAX_STAFF);
		CHECK(memchr(cfg.office_name, 0, sizeof(cfg.office_name)));
		CHECK(memchr(cfg.db_path, 0, sizeof(cfg.db_path)));
		for (int i = 0; i < cfg.n_staff; i++)
			CHECK(cfg.staff[i].roles != 0);
	}
	if (diag)
		fclose(diag);
	close(fd);
	return 0;
}
