// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Design units, the canvas and rotation; the touch mapping is the inverse
 * of the turn SDL_RenderCopyEx makes.
 */

#include <errno.h>
#include <string.h>

#include "log.h"
#include "scale.h"

int ui_scale_init(struct ui_scale *sc, int out_w, int out_h,
		  enum ui_rotation rot)
{
	if (out_w < 1 || out_h < 1 || (unsigned)rot >= UI_ROT_COUNT) {
		errno = EINVAL;
		return -1;
	}
	sc->out_w = out_w;
	sc->out_h = out_h;
	sc->rot = rot;
	if (rot == UI_ROT_90 || rot == UI_ROT_270) {
		sc->canvas_w = out_h;
		sc->canvas_h = out_w;
	} else {
		sc->canvas_w = out_w;
		sc->canvas_h = out_h;
	}
	sc->short_px =
	    sc->canvas_w < sc->canvas_h ? sc->canvas_w : sc->canvas_h;
	sc->design_w =
	    (int)((long)sc->canvas_w * UI_DESIGN_SHORT / sc->short_px);
	sc->design_h =
	    (int)((long)sc->canvas_h * UI_DESIGN_SHORT / sc->short_px);
	return 0;
}

int ui_scale_portrait(const struct ui_scale *sc)
{
	return sc->canvas_h > sc->canvas_w;
}

int ui_scale_px(const struct ui_scale *sc, int units)
{
	long v = (long)units * sc->short_px;

	/* Round half away from zero, so -x maps to -(x). */
	if (v >= 0)
		return (int)((v + UI_DESIGN_SHORT / 2) / UI_DESIGN_SHORT);
	return -(int)((-v + UI_DESIGN_SHORT / 2) / UI_DESIGN_SHORT);
}

SDL_Rect ui_scale_rect(const struct ui_scale *sc, SDL_Rect u)
{
	SDL_Rect r;

	r.x = ui_scale_px(sc, u.x);
	r.y = ui_scale_px(sc, u.y);
	r.w = ui_scale_px(sc, u.x + u.w) - r.x;
	r.h = ui_scale_px(sc, u.y + u.h) - r.y;
	return r;
}

void ui_scale_to_design(const struct ui_scale *sc, int px, int py, int *ux,
			int *uy)
{
	/*
	 * The unit u whose pixels hold p, as ui_scale_px() rounds them:
	 * px(u) <= p < px(u + 1), that is u < (p + 0.5) / scale.
	 */
	*ux =
	    (int)(((2L * px + 1) * UI_DESIGN_SHORT - 1) / (2L * sc->short_px));
	*uy =
	    (int)(((2L * py + 1) * UI_DESIGN_SHORT - 1) / (2L * sc->short_px));
	/* The canvas may end in part of a unit: that is the last one. */
	if (*ux >= sc->design_w)
		*ux = sc->design_w - 1;
	if (*uy >= sc->design_h)
		*uy = sc->design_h - 1;
}

static int clamp_px(float v, int n)
{
	int i = (int)v;

	if (i < 0)
		return 0;
	if (i > n - 1)
		return n - 1;
	return i;
}

void ui_touch_map(enum ui_rotation rot, float nx, float ny, int w, int h,
		  int *x, int *y)
{
	float fx, fy;

	/*
	 * RenderCopyEx turns the canvas clockwise about its centre; undo it.
	 * 90: the canvas's top-left corner lands on the panel's top-right.
	 */
	switch (rot) {
	case UI_ROT_90:
		fx = ny;
		fy = 1.0f - nx;
		break;
	case UI_ROT_180:
		fx = 1.0f - nx;
		fy = 1.0f - ny;
		break;
	case UI_ROT_270:
		fx = 1.0f - ny;
		fy = nx;
		break;
	case UI_ROT_0:
	default:
		fx = nx;
		fy = ny;
		break;
	}
	*x = clamp_px(fx * (float)w, w);
	*y = clamp_px(fy * (float)h, h);
}

void ui_touch_unmap(enum ui_rotation rot, int x, int y, int w, int h, float *nx,
		    float *ny)
{
	float fx = ((float)x + 0.5f) / (float)w,
	      fy = ((float)y + 0.5f) / (float)h;

	switch (rot) {
	case UI_ROT_90:
		*nx = 1.0f - fy;
		*ny = fx;
		break;
	case UI_ROT_180:
		*nx = 1.0f - fx;
		*ny = 1.0f - fy;
		break;
	case UI_ROT_270:
		*nx = fy;
		*ny = 1.0f - fx;
		break;
	case UI_ROT_0:
	default:
		*nx = fx;
		*ny = fy;
		break;
	}
}

void ui_scale_unfinger(const struct ui_scale *sc, int ux, int uy, float *nx,
		       float *ny)
{
	/* The centre of the design unit's pixels. */
	int px = (ui_scale_px(sc, ux) + ui_scale_px(sc, ux + 1) - 1) / 2;
	int py = (ui_scale_px(sc, uy) + ui_scale_px(sc, uy + 1) - 1) / 2;

	ui_touch_unmap(sc->rot, px, py, sc->canvas_w, sc->canvas_h, nx, ny);
}

void ui_scale_finger(const struct ui_scale *sc, float nx, float ny, int *ux,
		     int *uy)
{
	int px, py;

	ui_touch_map(sc->rot, nx, ny, sc->canvas_w, sc->canvas_h, &px, &py);
	ui_scale_to_design(sc, px, py, ux, uy);
}

double ui_rotation_degrees(enum ui_rotation rot)
{
	return 90.0 * (double)((unsigned)rot % UI_ROT_COUNT);
}

int ui_rotation_parse(const char *s, enum ui_rotation *rot)
{
	static const char *const names[UI_ROT_COUNT] = {"0", "90", "180",
							"270"};

	for (int i = 0; i < UI_ROT_COUNT; i++) {
		if (strcmp(s, names[i]) == 0) {
			*rot = (enum ui_rotation)i;
			return 0;
		}
	}
	errno = EINVAL;
	return -1;
}

SDL_Rect ui_scale_present_rect(const struct ui_scale *sc)
{
	SDL_Rect d;

	d.w = sc->canvas_w;
	d.h = sc->canvas_h;
	d.x = (sc->out_w - sc->canvas_w) / 2;
	d.y = (sc->out_h - sc->canvas_h) / 2;
	return d;
}

int ui_scale_present(const struct ui_scale *sc, SDL_Renderer *r,
		     SDL_Texture *canvas)
{
	SDL_Rect dst = ui_scale_present_rect(sc);

	if (SDL_SetRenderTarget(r, NULL) != 0 ||
	    SDL_SetRenderDrawColor(r, 0, 0, 0, 255) != 0 ||
	    SDL_RenderClear(r) != 0 ||
	    SDL_RenderCopyEx(r, canvas, NULL, &dst,
			     ui_rotation_degrees(sc->rot), NULL,
			     SDL_FLIP_NONE) != 0) {
		log_err("ui: present: %s", SDL_GetError());
		return -1;
	}
	return 0;
}
