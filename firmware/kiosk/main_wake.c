// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What wakes the loop for a touch, at once: the display's own socket under
 * X11 and Wayland, else a copy of the input devices' events.  See main.h.
 *
 * SDL gives no file descriptor to poll, but the connection it reads is
 * there: X11's socket (ConnectionNumber of the Display SDL opened) and
 * Wayland's (wl_display_get_fd).  Under KMSDRM SDL reads the evdev nodes
 * itself inside SDL_PumpEvents; every open evdev fd gets its own copy of
 * each event, so the loop opens the nodes too, only to be woken, and
 * drops what it reads (SDL still reads its copy).  An inotify watch on the
 * input folder opens the nodes of a device plugged in later.
 */

/* 32-bit builds (armhf): readdir() and fstat() of 64-bit inode numbers
 * would fail with EOVERFLOW without the large-file interface. */
#define _FILE_OFFSET_BITS 64

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL2/SDL_syswm.h>
#include <wayland-client.h>

#include "log.h"
#include "main.h"

static void add_fd(struct kiosk_wake *w, int fd, bool drain)
{
	if (w->n >= KIOSK_WAKE_MAX) {
		close(fd);
		return;
	}
	w->fd[w->n] = fd;
	w->drain[w->n] = drain;
	w->n++;
}

/* The evdev nodes (event*) of the input folder not open yet. */
static void scan(struct kiosk_wake *w)
{
	DIR *d = opendir(w->dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) && w->n < KIOSK_WAKE_MAX) {
		char path[PATH_MAX];
		int fd;

		if (strncmp(e->d_name, "event", 5) != 0 ||
		    snprintf(path, sizeof(path), "%s/%s", w->dir, e->d_name) >=
			(int)sizeof(path))
			continue;
		fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0)
			continue; /* not ours to read: SDL cannot either */
		/* Already open under this name? (a rescan) */
		bool dup = false;
		struct stat a, b;

		for (int i = 0; i < w->n && !dup; i++)
			dup = w->fd[i] != w->inotify_fd &&
			      w->fd[i] != w->display_fd &&
			      fstat(w->fd[i], &a) == 0 && fstat(fd, &b) == 0 &&
			      a.st_rdev == b.st_rdev && a.st_ino == b.st_ino;
		if (dup)
			close(fd);
		else
			add_fd(w, fd, true);
	}
	closedir(d);
}

static int display_fd(SDL_Window *win)
{
	SDL_SysWMinfo info;
	const char *drv = SDL_GetCurrentVideoDriver();

	if (!win || !drv)
		return -1;
	SDL_VERSION(&info.version);
	if (!SDL_GetWindowWMInfo(win, &info))
		return -1;
	if (info.subsystem == SDL_SYSWM_X11 && info.info.x11.display)
		return ConnectionNumber(info.info.x11.display);
	if (info.subsystem == SDL_SYSWM_WAYLAND && info.info.wl.display)
		return wl_display_get_fd(info.info.wl.display);
	return -1;
}

int kiosk_wake_open(struct kiosk_wake *w, SDL_Window *win,
		    const char *input_dir)
{
	memset(w, 0, sizeof(*w));
	w->display_fd = w->inotify_fd = -1;
	w->display_fd = display_fd(win);
	if (w->display_fd >= 0) {
		add_fd(w, w->display_fd, false);
		return 0;
	}
	snprintf(w->dir, sizeof(w->dir), "%s",
		 input_dir ? input_dir : "/dev/input");
	w->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->inotify_fd >= 0 &&
	    inotify_add_watch(w->inotify_fd, w->dir, IN_CREATE | IN_ATTRIB) <
		0) {
		close(w->inotify_fd);
		w->inotify_fd = -1;
	}
	if (w->inotify_fd >= 0)
		add_fd(w, w->inotify_fd, true);
	scan(w);
	return w->n > 0 ? 0 : -1;
}

int kiosk_wake_pollfds(const struct kiosk_wake *w, struct pollfd *p, int max)
{
	int n = 0;

	for (int i = 0; i < w->n && n < max; i++, n++)
		p[n] = (struct pollfd){.fd = w->fd[i], .events = POLLIN};
	return n;
}

void kiosk_wake_ready(struct kiosk_wake *w, const struct pollfd *p, int n)
{
	bool rescan = false;
	char buf[4096];

	for (int i = 0; i < n && i < w->n; i++) {
		if (!(p[i].revents & (POLLIN | POLLERR | POLLHUP)) ||
		    !w->drain[i])
			continue;
		while (read(w->fd[i], buf, sizeof(buf)) > 0)
			;
		if (w->fd[i] == w->inotify_fd) {
			rescan = true;
		} else if (p[i].revents & (POLLERR | POLLHUP)) {
			/* Unplugged: forget it (ENODEV from now on). */
			close(w->fd[i]);
			w->fd[i] = -1;
		}
	}
	/* Close the gaps of the unplugged, then open the new. */
	int k = 0;

	for (int i = 0; i < w->n; i++)
		if (w->fd[i] >= 0) {
			w->fd[k] = w->fd[i];
			w->drain[k] = w->drain[i];
			k++;
		}
	w->n = k;
	if (rescan)
		scan(w);
}

int kiosk_wake_count(const struct kiosk_wake *w)
{
	return w->n;
}

void kiosk_wake_close(struct kiosk_wake *w)
{
	for (int i = 0; i < w->n; i++)
		if (w->fd[i] != w->display_fd) /* SDL's own */
			close(w->fd[i]);
	w->n = 0;
}
