/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every screen of the kiosk, reached by driving a flow with its own events
 * (no database, no devices): for `ppid-kiosk --screens DIR` (make screens)
 * and the render test.  Synthetic data only (the test NIK).
 */
#ifndef PPID_KIOSK_DEMO_H
#define PPID_KIOSK_DEMO_H

#include "flow.h"

/** How many demo screens there are. */
int kiosk_demo_count(void);

/**
 * Start @p f afresh (defaults, office "PPID Komisi Pemilihan Umum Kota
 * Bengkulu") and drive it to demo screen @p i in @p lang.
 * @return the screen's file name part ("form-3", "done-print-failed"),
 *         static; NULL when @p i is out of range or the walk went wrong.
 */
const char *kiosk_demo_go(struct flow *f, int i, enum lang lang);

#endif
