# SPDX-License-Identifier: GPL-2.0-or-later
# test_sdnotify links the kiosk's systemd glue alone (the object before
# libsystemd, so it also links with --as-needed).
SDNOTIFY_OBJ := $(call obj,firmware/kiosk/sdnotify.c)
$(BUILD)/tests/test_sdnotify: $(SDNOTIFY_OBJ)
TEST_LDFLAGS_test_sdnotify := $(SDNOTIFY_OBJ) $(call pkg_libs,libsystemd)
