// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Simulated card reader: each line written to a FIFO is one read, so demos
 * and end-to-end tests swipe cards with `echo ... > FIFO`.  Production code:
 * the reads take the same poll path as a real reader's.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "cardreader.h"
#include "cardreader_internal.h"
#include "log.h"

#define CMD_UNPLUG "!unplug" /* line that simulates an unplug */
#define CMD_PLUG   "!plug"   /* line that simulates the replug */

struct sim_reader {
	struct cardreader base; /* must be first */
	char path[256];		/* the FIFO */
	int fd;			/* its read end; owned */
	int wfd;	/* a write end we hold so EOF never comes; owned */
	bool unplugged; /* "!unplug" seen and no "!plug" since */
};

static struct sim_reader *to_sim(const struct cardreader *r)
{
	return (struct sim_reader *)r;
}

/* A line is complete: a command, a dropped read, or a read to deliver. */
static void sim_line_end(struct sim_reader *s)
{
	struct cardreader *r = &s->base;
	bool cmd_unplug, cmd_plug;

	r->text[r->text_len] = '\0';
	cmd_unplug = !r->discarding && strcmp(r->text, CMD_UNPLUG) == 0;
	cmd_plug = !r->discarding && strcmp(r->text, CMD_PLUG) == 0;
	if (cmd_unplug || cmd_plug) {
		if (s->unplugged != cmd_unplug)
			log_info("card reader simulator: %s",
				 cmd_unplug ? "unplugged" : "plugged in");
		s->unplugged = cmd_unplug;
		r->text_len = 0;
		return;
	}
	if (s->unplugged && r->text_len) {
		log_info("card reader simulator: unplugged, read dropped");
		r->text_len = 0;
	}
	cardreader_end(r);
}

static size_t sim_decode(struct cardreader *r, const unsigned char *p, size_t n,
			 int64_t now)
{
	struct sim_reader *s = to_sim(r);
	size_t i;

	/* Lines as in cardreader_decode_lines(), with the two commands. */
	for (i = 0; i < n && !cardreader_busy(r); i++) {
		unsigned char c = p[i];

		if (c == '\r' || c == '\n')
			sim_line_end(s);
		else if ((c >= 0x20 && c != 0x7f) || c == '\t')
			cardreader_put(r, (char)c, now);
	}
	return i;
}

static bool sim_pump(struct cardreader *r, int64_t now)
{
	struct sim_reader *s = to_sim(r);
	ssize_t n = cardreader_pump_fd(r, s->fd, sim_decode, now);

	/* We hold a write end, so there is no end of file to expect. */
	if (n < 0 && errno != EAGAIN && errno != EINTR)
		log_err("card reader simulator: read %s: %s", s->path,
			strerror(errno));
	return n > 0;
}

static int sim_get_fd(const struct cardreader *r)
{
	return to_sim(r)->fd;
}

static int64_t sim_deadline(const struct cardreader *r)
{
	(void)r;
	return CARDREADER_NEVER;
}

static void sim_tick(struct cardreader *r, int64_t now)
{
	(void)r;
	(void)now;
}

static enum cardreader_state sim_get_state(const struct cardreader *r)
{
	return to_sim(r)->unplugged ? CARDREADER_DISCONNECTED
				    : CARDREADER_CONNECTED;
}

static void sim_state_text(const struct cardreader *r, char *buf, size_t len)
{
	const struct sim_reader *s = to_sim(r);

	if (s->unplugged)
		snprintf(buf, len,
			 "card reader disconnected (simulator, FIFO %s): "
			 "waiting for it to return",
			 s->path);
	else
		snprintf(buf, len, "card reader simulator ready (FIFO %s)",
			 s->path);
}

static int sim_swipe(struct cardreader *r, const char *text)
{
	struct sim_reader *s = to_sim(r);
	struct iovec iov[2];
	size_t len = strlen(text);

	if (strpbrk(text, "\r\n") || len > CARDREADER_READ_MAX) {
		errno = EINVAL;
		return -1;
	}
	/* One writev() of at most PIPE_BUF bytes: all of it, or EAGAIN. */
	iov[0].iov_base = (void *)(uintptr_t)text;
	iov[0].iov_len = len;
	iov[1].iov_base = (void *)(uintptr_t) "\n";
	iov[1].iov_len = 1;
	if (writev(s->wfd, iov, 2) < 0)
		return -1;
	return 0;
}

static void sim_destroy(struct cardreader *r)
{
	struct sim_reader *s = to_sim(r);

	close(s->wfd);
	close(s->fd);
	free(s);
}

static const struct cardreader_ops sim_ops = {
    .get_fd = sim_get_fd,
    .pump = sim_pump,
    .deadline = sim_deadline,
    .tick = sim_tick,
    .get_state = sim_get_state,
    .state_text = sim_state_text,
    .destroy = sim_destroy,
    .swipe = sim_swipe,
};

struct cardreader *cardreader_sim_open(const char *fifo_path)
{
	struct sim_reader *s;
	struct stat st;
	int err;

	if (!fifo_path || !fifo_path[0] ||
	    strlen(fifo_path) >= sizeof(s->path)) {
		errno = EINVAL;
		return NULL;
	}
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	cardreader_base_init(&s->base, &sim_ops, 0);
	snprintf(s->path, sizeof(s->path), "%s", fifo_path);

	if (mkfifo(fifo_path, 0660) < 0 && errno != EEXIST) {
		log_err("card reader simulator: mkfifo %s: %s", fifo_path,
			strerror(errno));
		goto err_free;
	}
	/* Read end first: opening a write end alone would fail (ENXIO). */
	s->fd = open(fifo_path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (s->fd < 0) {
		log_err("card reader simulator: open %s: %s", fifo_path,
			strerror(errno));
		goto err_free;
	}
	if (fstat(s->fd, &st) < 0)
		goto err_close_fd;
	if (!S_ISFIFO(st.st_mode)) {
		log_err("card reader simulator: %s exists and is not a FIFO",
			fifo_path);
		errno = EEXIST;
		goto err_close_fd;
	}
	s->wfd = open(fifo_path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (s->wfd < 0) {
		log_err("card reader simulator: open %s for writing: %s",
			fifo_path, strerror(errno));
		goto err_close_fd;
	}
	log_info("card reader simulator: write one line per card to %s",
		 fifo_path);
	return &s->base;

err_close_fd:
	err = errno;
	close(s->fd);
	errno = err;
err_free:
	err = errno;
	free(s);
	errno = err;
	return NULL;
}
