/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ppid-kiosk's program files: main.c (the loop), main_opts.c (the command
 * line), main_screens.c (PNGs: --screenshot's writer and --screens).
 */
#ifndef PPID_KIOSK_MAIN_H
#define PPID_KIOSK_MAIN_H

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

#endif
