# SPDX-License-Identifier: GPL-2.0-or-later
# test_gpio replaces every libgpiod call of drivers/gpio_gpiod.c with a fake
# (__wrap_* in test_gpio.c) that replays scripted edges through a pipe.
# Keep the list in step with `nm -u build/obj/drivers/gpio_gpiod.o`.
TEST_GPIO_WRAPPED := gpiod_chip_close gpiod_chip_get_line gpiod_chip_name \
	gpiod_chip_open_by_label gpiod_chip_open_by_name gpiod_line_consumer \
	gpiod_line_event_get_fd gpiod_line_event_read_multiple gpiod_line_find \
	gpiod_line_get_chip gpiod_line_get_value gpiod_line_name \
	gpiod_line_offset gpiod_line_request gpiod_line_set_value
TEST_LDFLAGS_test_gpio := $(patsubst %,-Xlinker --wrap=%,$(TEST_GPIO_WRAPPED))
