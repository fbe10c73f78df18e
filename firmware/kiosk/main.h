/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ppid-kiosk's program files: main.c (the loop), main_opts.c (the command
 * line), main_screens.c (PNGs: --screenshot's writer and --screens),
 * main_wake.c (what wakes the loop for a touch).
 */
#ifndef PPID_KIOSK_MAIN_H
#define PPID_KIOSK_MAIN_H

#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>

#include <SDL2/SDL.h>

#include "scale.h"

#define CMDS_MAX       1024	   /* commands in a frame */
#define CMD_TEXT_BYTES (64 * 1024) /* their text */

/* The command line (notes: README "ppid-kiosk"). */
struct kiosk_opts {
	const char *config;	/* --config */
	const char *db;		/* --db */
	int win_w, win_h;	/* --windowed, 0 = fullscreen */
	int lang;		/* --lang, -1 = unset */
	enum ui_rotation rot;	/* --rotate */
	bool rot_set;		/* ...given: overrides [kiosk] rotate */
	bool sim;		/* --sim */
	const char *run_dir;	/* --run-dir */
	const char *screenshot; /* --screenshot */
	const char *targets;	/* --targets */
	bool software;		/* --software */
	const char *screens;	/* --screens DIR */
	const char *trace;	/* --trace-frames FILE */
};

/** Print the usage to @p f. */
void kiosk_opts_usage(FILE *f);

/**
 * Parse the command line into @p o (defaults first).
 * @return 0, 1 after --help (usage printed), or -1 after a message (exit 2).
 */
int kiosk_opts_parse(int argc, char **argv, struct kiosk_opts *o);

/**
 * Write @p s as a PNG at @p path, atomically (a .tmp file renamed).
 * @return 0, or -1 (logged).
 */
int kiosk_write_png(const char *path, SDL_Surface *s);

/**
 * --screens DIR: every screen of the demo walk in both languages at
 * 800x480 and 720x1280 as DIR/SCENE-LANG-WxH.png, without a display.
 * @return the exit status.
 */
int kiosk_screens(const char *dir);

/* What wakes the loop for a touch (main_wake.c): the display's socket
 * (X11, Wayland), else the input devices' evdev nodes (KMSDRM: SDL reads
 * its own copy of each event), with an inotify watch for a device plugged
 * in later. */
#define KIOSK_WAKE_MAX 17 /* fds: 16 devices and the watch */

struct kiosk_wake {
	int fd[KIOSK_WAKE_MAX];	    /* to poll */
	bool drain[KIOSK_WAKE_MAX]; /* read and dropped (not SDL's socket) */
	int n;			    /* how many */
	int display_fd;		    /* SDL's socket (borrowed), -1 */
	int inotify_fd;		    /* the input folder's watch, -1 */
	char dir[PATH_MAX];	    /* the input folder */
};

/**
 * Find what wakes the loop for @p win's input (NULL: the evdev nodes
 * only).  @p input_dir: the evdev folder, NULL = /dev/input.
 * @return 0, or -1 when there is nothing to poll (the loop's SDL timer is
 *         then the only way: a touch is seen within SDL_IDLE_MS).
 */
int kiosk_wake_open(struct kiosk_wake *w, SDL_Window *win,
		    const char *input_dir);

/** Its fds into @p p (at most @p max). @return how many. */
int kiosk_wake_pollfds(const struct kiosk_wake *w, struct pollfd *p, int max);

/** After poll(): drop the copies read, open devices plugged in. */
void kiosk_wake_ready(struct kiosk_wake *w, const struct pollfd *p, int n);

/** How many fds it polls. */
int kiosk_wake_count(const struct kiosk_wake *w);

/** Close what it opened (never SDL's socket). */
void kiosk_wake_close(struct kiosk_wake *w);

#endif
