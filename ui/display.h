/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The window, its renderer and the canvas, set up the way TECH.md section 2
 * says a kiosk should be: fullscreen desktop mode at the desktop's size (or
 * a window of a given size), the cursor hidden when fullscreen, fingers as
 * the one touch path (ui_input_hints()), and, when the UI is rotated, a
 * canvas texture that is turned onto the screen with RenderCopyEx.  Draw
 * between ui_display_begin() and ui_display_present().
 *
 *     d = ui_display_open(&cfg);
 *     sc = ui_display_scale(d);                lay out in sc->design_w x h
 *     ui_display_begin(d);
 *     ui_render_execute(list, ui_display_renderer(d), tc, sc);
 *     ui_display_present(d);
 */
#ifndef PPID_UI_DISPLAY_H
#define PPID_UI_DISPLAY_H

#include <stdbool.h>

#include <SDL2/SDL.h>

#include "scale.h"

struct ui_display_cfg {
	int width;	      /* a window this size; 0: fullscreen desktop */
	int height;	      /* (height) */
	enum ui_rotation rot; /* how the UI is turned on the panel */
	bool software;	      /* the software renderer, not the GPU's */
	bool vsync;	      /* present in step with the display */
	const char *title;    /* the window's title (borrowed) */
};

struct ui_display;

/**
 * Initialise SDL's video (counted; ui_display_close() ends it), open the
 * window, the renderer and the canvas.
 * @return the display (close with ui_display_close()), or NULL (the SDL
 *         error is logged; errno EIO, or ENOMEM).
 */
struct ui_display *ui_display_open(const struct ui_display_cfg *cfg);

/** Close everything ui_display_open() opened; NULL is a no-op. */
void ui_display_close(struct ui_display *d);

/** The renderer (borrowed until ui_display_close()). */
SDL_Renderer *ui_display_renderer(struct ui_display *d);

/** The scale for the output and rotation (borrowed; changes on resize). */
const struct ui_scale *ui_display_scale(const struct ui_display *d);

/** The renderer's name, e.g. "software" or "opengles2", for bench rows. */
const char *ui_display_renderer_name(const struct ui_display *d);

/**
 * Start a frame: the render target is the canvas (rotated) or the window,
 * cleared to the background colour. @return 0, or -1 (logged).
 */
int ui_display_begin(struct ui_display *d);

/** Finish a frame: turn the canvas onto the window, present. 0 or -1. */
int ui_display_present(struct ui_display *d);

/**
 * The output size changed (SDL_WINDOWEVENT_SIZE_CHANGED): re-read it, remake
 * the canvas and the scale.  Redraw afterwards. @return 0, or -1 (logged).
 */
int ui_display_resize(struct ui_display *d);

/**
 * The frame as the UI drew it (unrotated, canvas size): call after drawing
 * and before ui_display_present() (unrotated, the window's back buffer is
 * undefined after it).  For screenshots (SDL_SaveBMP) and tests.
 * @return a new ARGB8888 surface (free with SDL_FreeSurface), or NULL
 *         (logged).
 */
SDL_Surface *ui_display_read(struct ui_display *d);

#endif
