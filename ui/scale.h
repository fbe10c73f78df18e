/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Layout units and rotation.  Screens are laid out in design units: the
 * short side of the canvas is always 480 units (800x480 is the design size),
 * so a landscape canvas is 800..853 units wide and a portrait one 480 units
 * wide; one design unit is one pixel on the 7" 800x480 panel.  The canvas is
 * the output (panel or window) turned by the configured rotation: the UI is
 * drawn into a canvas texture and turned onto the output with RenderCopyEx
 * (TECH.md section 2), and finger coordinates are mapped back to match.
 *
 *     struct ui_scale sc;
 *     ui_scale_init(&sc, 800, 480, UI_ROT_90);   canvas 480x800, 480x800 units
 *     box = ui_scale_rect(&sc, design_box);      design units -> canvas px
 *     ui_scale_finger(&sc, nx, ny, &x, &y);      SDL finger -> design units
 */
#ifndef PPID_UI_SCALE_H
#define PPID_UI_SCALE_H

#include <SDL2/SDL.h>

#define UI_DESIGN_W	800 /* the design size, landscape */
#define UI_DESIGN_H	480 /* (height) */
#define UI_DESIGN_SHORT 480 /* design units on the canvas's short side */

enum ui_rotation {
	UI_ROT_0 = 0, /* the canvas is the output */
	UI_ROT_90,    /* the canvas is turned 90 degrees clockwise */
	UI_ROT_180,   /* upside down */
	UI_ROT_270,   /* 270 degrees clockwise (90 counter-clockwise) */
	UI_ROT_COUNT,
};

struct ui_scale {
	int out_w;	      /* the output (panel or window), pixels */
	int out_h;	      /* its height */
	enum ui_rotation rot; /* how the canvas is turned onto it */
	int canvas_w;	      /* the canvas (output turned), pixels */
	int canvas_h;	      /* its height */
	int design_w;	      /* the canvas in design units */
	int design_h;	      /* its height */
	int short_px;	      /* canvas pixels on the short side */
};

/**
 * Set up the scale for an output and a rotation.
 * @return 0, or -1 with errno EINVAL (a size under 1 or a bad rotation).
 */
int ui_scale_init(struct ui_scale *sc, int out_w, int out_h,
		  enum ui_rotation rot);

/** True when the canvas is taller than wide. */
int ui_scale_portrait(const struct ui_scale *sc);

/** Design units to canvas pixels (rounded). */
int ui_scale_px(const struct ui_scale *sc, int units);

/**
 * A design rectangle in canvas pixels; both edges are rounded on their own,
 * so rectangles that touch in design units touch on the canvas.
 */
SDL_Rect ui_scale_rect(const struct ui_scale *sc, SDL_Rect units);

/**
 * Canvas pixels to design units: the unit whose pixels (as ui_scale_rect()
 * rounds them) contain the pixel, so a tap lands in the box it is drawn in.
 */
void ui_scale_to_design(const struct ui_scale *sc, int px, int py, int *ux,
			int *uy);

/**
 * Map a normalized touch position on the output (SDL's tfinger.x/y, 0..1,
 * in the panel's own orientation) to a pixel of a @p w x @p h canvas that is
 * shown turned by @p rot.  The result is clamped into the canvas.
 */
void ui_touch_map(enum ui_rotation rot, float nx, float ny, int w, int h,
		  int *x, int *y);

/**
 * The inverse of ui_touch_map(): where on the output (normalized, the
 * centre of the pixel) canvas pixel @p x, @p y is shown.  For tests and for
 * driving the kiosk from outside (xdotool clicks panel pixels).
 */
void ui_touch_unmap(enum ui_rotation rot, int x, int y, int w, int h, float *nx,
		    float *ny);

/** Design units to the output's normalized position (a finger there). */
void ui_scale_unfinger(const struct ui_scale *sc, int ux, int uy, float *nx,
		       float *ny);

/** A finger's normalized position straight to design units. */
void ui_scale_finger(const struct ui_scale *sc, float nx, float ny, int *ux,
		     int *uy);

/** The rotation in degrees clockwise, for SDL_RenderCopyEx. */
double ui_rotation_degrees(enum ui_rotation rot);

/**
 * Parse "0", "90", "180" or "270".
 * @return 0, or -1 with errno EINVAL.
 */
int ui_rotation_parse(const char *s, enum ui_rotation *rot);

/**
 * Where the canvas texture goes on the output before it is turned: centred,
 * its own size (for 90 and 270 the turn makes it cover the output).
 */
SDL_Rect ui_scale_present_rect(const struct ui_scale *sc);

/**
 * Show a canvas texture (canvas_w x canvas_h, SDL_TEXTUREACCESS_TARGET) on
 * the output: sets the render target back to the output, clears it, and
 * copies the canvas turned by the rotation.  Does not call
 * SDL_RenderPresent.
 * @return 0, or -1 (the SDL error is logged).
 */
int ui_scale_present(const struct ui_scale *sc, SDL_Renderer *r,
		     SDL_Texture *canvas);

#endif
