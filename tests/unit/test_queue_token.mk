# SPDX-License-Identifier: GPL-2.0-or-later
# test_queue_token replaces getrandom() (__wrap_getrandom in the test) to
# prove that a submission fails, leaving nothing behind, when the kernel's
# random source does.
TEST_LDFLAGS_test_queue_token := -Xlinker --wrap=getrandom
