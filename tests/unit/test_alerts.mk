# SPDX-License-Identifier: GPL-2.0-or-later
# test_alerts tests a console module (firmware/console/alerts.c): it is
# compiled with the console's headers and linked with that one object.
ALERTS_OBJ := $(BUILD)/obj/firmware/console/alerts.o
TEST_LDFLAGS_test_alerts := $(ALERTS_OBJ)
$(BUILD)/tests/test_alerts: $(ALERTS_OBJ)
$(BUILD)/obj/tests/unit/test_alerts.o: TEST_CFLAGS += -Ifirmware/console
