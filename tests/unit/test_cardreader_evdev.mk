# SPDX-License-Identifier: GPL-2.0-or-later
# test_cardreader_evdev replaces every libevdev and libudev call of
# drivers/cardreader_evdev.c with a fake (__wrap_* in test_cardreader_evdev.c):
# input events come from pipes and FIFOs, uevents from a pipe.  Keep the list
# in step with `nm -u build/obj/drivers/cardreader_evdev.o`.
TEST_CARDREADER_EVDEV_WRAPPED := libevdev_free libevdev_get_event_value \
	libevdev_get_name libevdev_grab libevdev_has_event_code \
	libevdev_new_from_fd libevdev_next_event \
	udev_device_get_action udev_device_get_devnode \
	udev_device_get_is_initialized udev_device_get_parent \
	udev_device_get_sysattr_value udev_device_get_sysname \
	udev_device_get_sysnum udev_device_new_from_syspath udev_device_unref \
	udev_enumerate_add_match_subsystem udev_enumerate_add_match_sysname \
	udev_enumerate_get_list_entry udev_enumerate_new \
	udev_enumerate_scan_devices udev_enumerate_unref \
	udev_list_entry_get_name udev_list_entry_get_next \
	udev_monitor_enable_receiving \
	udev_monitor_filter_add_match_subsystem_devtype udev_monitor_get_fd \
	udev_monitor_new_from_netlink udev_monitor_receive_device \
	udev_monitor_unref udev_new udev_queue_get_udev_is_active \
	udev_queue_new udev_queue_unref udev_unref
TEST_LDFLAGS_test_cardreader_evdev := \
	$(patsubst %,-Xlinker --wrap=%,$(TEST_CARDREADER_EVDEV_WRAPPED))
