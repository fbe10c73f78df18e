/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kiosk's scenes, listed once.  Each X(NAME, name, idle) line makes the
 * enum value FLOW_SCENE_NAME, and the handlers scene_name_on_enter(),
 * scene_name_on_event(), scene_name_on_exit() and scene_name_view() in
 * firmware/kiosk/scene_name.c.  @p idle says whether the "are you still
 * there?" rule applies there (scenes that hold a visitor's answers).
 */
#ifndef PPID_KIOSK_SCENES_H
#define PPID_KIOSK_SCENES_H

#define FLOW_SCENES(X)                                                         \
	X(WELCOME, welcome, false)                                             \
	X(IDENTIFY, identify, true)                                            \
	X(FORM, form, true)                                                    \
	X(REVIEW, review, true)                                                \
	X(SUBMIT, submit, false)                                               \
	X(DONE, done, false)                                                   \
	X(STATUS, status, true)                                                \
	X(STATUS_RESULT, status_result, true)                                  \
	X(CALL, call, true)                                                    \
	X(IDLE, idle, false)                                                   \
	X(OUT_OF_SERVICE, out_of_service, false)                               \
	X(MAINT_PIN, maint_pin, true)                                          \
	X(MAINT, maint, true)                                                  \
	X(MAINT_READER, maint_reader, true)                                    \
	X(MAINT_BUTTON, maint_button, true)

#endif
