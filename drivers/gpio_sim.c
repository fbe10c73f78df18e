// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Simulated GPIO: a call button driven by commands written to a FIFO
 * ("press", "release", "click", "long") and outputs that log their changes.
 * Production code for demos and end-to-end tests: the button's events take
 * the same poll path as the real ones.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "gpio.h"
#include "gpio_internal.h"
#include "log.h"

#define SIM_CHUNK 64 /* bytes read per call: at most 39 events */
#define SIM_QUEUE 64 /* events waiting for gpio_button_read() */
#define SIM_LINE  16 /* longest command line kept */

struct sim_button {
	struct gpio_button base; /* must be first */
	char path[256];		 /* the FIFO */
	int fd;			 /* its read end; owned */
	int wfd;		 /* a write end we hold so EOF never comes */
	char line[SIM_LINE];	 /* the command being received */
	size_t line_len;	 /* its length */
	bool too_long;		 /* the line overflowed: ignore it */
	int level;		 /* 1 pressed, 0 released */
	struct gpio_button_event queue[SIM_QUEUE]; /* events to hand out */
	unsigned int head;			   /* oldest queued event */
	unsigned int count;			   /* queued events */
};

struct sim_output {
	struct gpio_output base; /* the mode machine does the rest */
};

/* ---- button --------------------------------------------------------------- */

static struct sim_button *to_sim(const struct gpio_button *b)
{
	return (struct sim_button *)b;
}

static void push(struct sim_button *s, enum gpio_button_event_type type,
		 int64_t now)
{
	unsigned int tail;

	if (s->count == SIM_QUEUE)
		return; /* cannot happen: reads stop until the queue is empty */
	tail = (s->head + s->count) % SIM_QUEUE;
	s->queue[tail].type = type;
	s->queue[tail].time_ms = now;
	s->count++;
}

static bool is_command(const char *cmd)
{
	return !strcmp(cmd, "press") || !strcmp(cmd, "release") ||
	       !strcmp(cmd, "click") || !strcmp(cmd, "long");
}

static void command(struct sim_button *s, const char *cmd, int64_t now)
{
	bool press = !strcmp(cmd, "press") || !strcmp(cmd, "click") ||
		     !strcmp(cmd, "long");
	bool release = !strcmp(cmd, "release") || !strcmp(cmd, "click") ||
		       !strcmp(cmd, "long");

	if (!is_command(cmd)) {
		log_warn("%s simulator: unknown command \"%s\" (use press, "
			 "release, click or long)",
			 s->base.name, cmd);
		return;
	}
	if (press && !s->level) {
		s->level = 1;
		push(s, GPIO_BUTTON_PRESS, now);
	}
	if (!strcmp(cmd, "long"))
		push(s, GPIO_BUTTON_LONG_PRESS, now);
	if (release && s->level) {
		s->level = 0;
		push(s, GPIO_BUTTON_RELEASE, now);
	}
}

static void take_input(struct sim_button *s, int64_t now)
{
	unsigned char buf[SIM_CHUNK];
	ssize_t n = read(s->fd, buf, sizeof(buf));

	if (n < 0 && errno != EAGAIN && errno != EINTR)
		log_err("%s simulator: read %s: %s", s->base.name, s->path,
			strerror(errno));
	for (ssize_t i = 0; i < n; i++) {
		unsigned char c = buf[i];

		if (c == '\n' || c == '\r') {
			s->line[s->line_len] = '\0';
			if (s->too_long)
				log_warn("%s simulator: line too long, ignored",
					 s->base.name);
			else if (s->line_len)
				command(s, s->line, now);
			s->line_len = 0;
			s->too_long = false;
		} else if (c == ' ' || c == '\t') {
			/* "press " typed by hand still counts */
		} else if (s->line_len + 1 < sizeof(s->line)) {
			s->line[s->line_len++] = (char)c;
		} else {
			s->too_long = true;
		}
	}
}

static int sb_read(struct gpio_button *b, struct gpio_button_event *ev,
		   int64_t now)
{
	struct sim_button *s = to_sim(b);

	if (!s->count)
		take_input(s, now);
	if (!s->count)
		return 0;
	*ev = s->queue[s->head];
	s->head = (s->head + 1) % SIM_QUEUE;
	s->count--;
	return 1;
}

static int sb_get_fd(const struct gpio_button *b)
{
	return to_sim(b)->fd;
}

static int sb_timeout_ms(const struct gpio_button *b, int64_t now)
{
	(void)now;
	return to_sim(b)->count ? 0 : -1;
}

static void sb_tick(struct gpio_button *b, int64_t now)
{
	(void)b;
	(void)now;
}

static int sb_get_level(const struct gpio_button *b)
{
	return to_sim(b)->level;
}

static void sb_state_text(const struct gpio_button *b, char *buf, size_t len)
{
	const struct sim_button *s = to_sim(b);

	snprintf(buf, len, "%s simulator ready (FIFO %s): %s", b->name, s->path,
		 s->level ? "pressed" : "released");
}

static int sb_inject(struct gpio_button *b, const char *cmd)
{
	struct sim_button *s = to_sim(b);
	struct iovec iov[2];

	if (!is_command(cmd)) {
		errno = EINVAL;
		return -1;
	}
	iov[0].iov_base = (void *)(uintptr_t)cmd;
	iov[0].iov_len = strlen(cmd);
	iov[1].iov_base = (void *)(uintptr_t) "\n";
	iov[1].iov_len = 1;
	return writev(s->wfd, iov, 2) < 0 ? -1 : 0;
}

static void sb_destroy(struct gpio_button *b)
{
	struct sim_button *s = to_sim(b);

	close(s->wfd);
	close(s->fd);
	free(s);
}

static const struct gpio_button_ops sim_button_ops = {
    .get_fd = sb_get_fd,
    .read = sb_read,
    .timeout_ms = sb_timeout_ms,
    .tick = sb_tick,
    .get_level = sb_get_level,
    .state_text = sb_state_text,
    .destroy = sb_destroy,
    .inject = sb_inject,
};

struct gpio_button *gpio_button_sim_open(const char *name,
					 const char *fifo_path, char *why,
					 size_t why_len)
{
	struct sim_button *s;
	char reason[GPIO_WHY_LEN];
	struct stat st;
	int err;

	if (!name || !name[0])
		name = "call button";
	if (!fifo_path || !fifo_path[0] ||
	    strlen(fifo_path) >= sizeof(s->path)) {
		snprintf(reason, sizeof(reason), "no usable FIFO path");
		err = EINVAL;
		goto err_out;
	}
	s = calloc(1, sizeof(*s));
	if (!s) {
		err = errno;
		snprintf(reason, sizeof(reason), "out of memory");
		goto err_out;
	}
	gpio_button_base_init(&s->base, &sim_button_ops, name);
	snprintf(s->path, sizeof(s->path), "%s", fifo_path);

	if (mkfifo(fifo_path, 0660) < 0 && errno != EEXIST) {
		err = errno;
		snprintf(reason, sizeof(reason), "cannot make FIFO %s: %s",
			 fifo_path, strerror(err));
		goto err_free;
	}
	/* Read end first: a write end alone cannot be opened (ENXIO). */
	s->fd = open(fifo_path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (s->fd < 0) {
		err = errno;
		snprintf(reason, sizeof(reason), "cannot open FIFO %s: %s",
			 fifo_path, strerror(err));
		goto err_free;
	}
	if (fstat(s->fd, &st) < 0 || !S_ISFIFO(st.st_mode)) {
		err = EEXIST;
		snprintf(reason, sizeof(reason), "%s is not a FIFO", fifo_path);
		goto err_close_fd;
	}
	s->wfd = open(fifo_path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (s->wfd < 0) {
		err = errno;
		snprintf(reason, sizeof(reason), "cannot open FIFO %s: %s",
			 fifo_path, strerror(err));
		goto err_close_fd;
	}
	log_info("%s simulator: write press, release, click or long to %s",
		 name, fifo_path);
	return &s->base;

err_close_fd:
	close(s->fd);
err_free:
	free(s);
err_out:
	gpio_set_why(why, why_len, name, reason);
	log_warn("%s unavailable (%s)", name, reason);
	errno = err;
	return NULL;
}

/* ---- outputs -------------------------------------------------------------- */

static int so_set_value(struct gpio_output *o, int value)
{
	(void)o;
	(void)value;
	return 0;
}

static void so_describe(const struct gpio_output *o, char *buf, size_t len)
{
	(void)o;
	snprintf(buf, len, "(simulated)");
}

static void so_destroy(struct gpio_output *o)
{
	free((struct sim_output *)o);
}

static const struct gpio_output_ops sim_output_ops = {
    .set_value = so_set_value,
    .describe = so_describe,
    .destroy = so_destroy,
    .log_modes = true,
};

struct gpio_output *gpio_output_sim_open(const char *name)
{
	struct sim_output *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	gpio_output_base_init(&s->base, &sim_output_ops, name);
	return &s->base;
}
