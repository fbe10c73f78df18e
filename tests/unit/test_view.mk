# SPDX-License-Identifier: GPL-2.0-or-later
# test_view tests the console's view data (firmware/console/view.c): it
# links that one object beside the core.
TEST_LDFLAGS_test_view = $(BUILD)/obj/firmware/console/view.o
$(BUILD)/tests/test_view: $(BUILD)/obj/firmware/console/view.o
