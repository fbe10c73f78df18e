// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GPIO backend on libgpiod 1.6 (the v1 API of Debian 12 / Pi OS bookworm).
 * The only file that calls libgpiod.  Lines are found by name or by chip
 * label + offset; button edges are drained on every wake-up and debounced in
 * software (v1 has no kernel debounce).
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gpiod.h>

#include "debounce.h"
#include "gpio.h"
#include "gpio_internal.h"
#include "log.h"

#define EVENT_BATCH   16    /* the kernel's per-line event FIFO */
#define DRAIN_BATCHES 64    /* bound on one drain under an edge storm */
#define TS_MAX_AGE_MS 10000 /* older event timestamps are not monotonic */

struct gpiod_button {
	struct gpio_button base; /* must be first */
	struct gpiod_chip *chip; /* owned; closing it releases the line */
	struct gpiod_line *line; /* belongs to chip */
	int fd;			 /* event fd, owned by libgpiod; -1 if dead */
	bool active_low;	 /* the polarity asked for */
	char where[128];	 /* "GPIO17 (gpiochip0 line 17, pull-up)" */
	struct debounce deb;	 /* edges in, presses out */
	unsigned long dropped;	 /* debouncer drops already logged */
	int err;		 /* errno that killed it, or 0 */
};

struct gpiod_output {
	struct gpio_output base; /* must be first */
	struct gpiod_chip *chip; /* owned; closing it releases the line */
	struct gpiod_line *line; /* belongs to chip */
	char where[128];	 /* "on GPIO27 (gpiochip0 line 27)" */
};

static const char *bias_text(enum gpio_bias bias)
{
	switch (bias) {
	case GPIO_BIAS_DISABLE:
		return "no pull";
	case GPIO_BIAS_PULL_UP:
		return "pull-up";
	case GPIO_BIAS_PULL_DOWN:
		return "pull-down";
	case GPIO_BIAS_AS_IS:
		break;
	}
	return NULL;
}

static int request_flags(const struct gpio_line_cfg *cfg)
{
	int flags = cfg->active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0;

	switch (cfg->bias) {
	case GPIO_BIAS_DISABLE:
		flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE;
		break;
	case GPIO_BIAS_PULL_UP:
		flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP;
		break;
	case GPIO_BIAS_PULL_DOWN:
		flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN;
		break;
	case GPIO_BIAS_AS_IS:
		break;
	}
	return flags;
}

/*
 * Find the line: by name on every chip, or by chip (label first, then
 * name) and offset.  Never by chip number: the Pi 5's header chip changed
 * number between kernels.  On failure @p reason says why, errno is set.
 */
static struct gpiod_line *find_line(const struct gpio_line_cfg *cfg,
				    struct gpiod_chip **chip, char *reason,
				    size_t len)
{
	struct gpiod_line *line;
	int err;

	*chip = NULL;
	if (cfg->line_name && cfg->line_name[0]) {
		errno = 0;
		line = gpiod_line_find(cfg->line_name);
		if (!line) {
			err = errno ? errno : ENOENT;
			if (err == ENOENT)
				snprintf(reason, len, "no GPIO line named %s",
					 cfg->line_name);
			else
				snprintf(reason, len,
					 "cannot search the GPIO chips for "
					 "%s: %s",
					 cfg->line_name, strerror(err));
			errno = err;
			return NULL;
		}
		*chip = gpiod_line_get_chip(line);
		return line;
	}
	if (!cfg->chip || !cfg->chip[0]) {
		snprintf(reason, len, "no GPIO line configured");
		errno = EINVAL;
		return NULL;
	}

	*chip = gpiod_chip_open_by_label(cfg->chip);
	if (!*chip && errno == ENOENT)
		*chip = gpiod_chip_open_by_name(cfg->chip);
	if (!*chip) {
		err = errno;
		if (err == ENOENT)
			snprintf(reason, len,
				 "no GPIO chip labelled or named %s",
				 cfg->chip);
		else
			snprintf(reason, len, "cannot open GPIO chip %s: %s",
				 cfg->chip, strerror(err));
		errno = err;
		return NULL;
	}
	line = gpiod_chip_get_line(*chip, cfg->offset);
	if (!line) {
		err = errno;
		snprintf(reason, len, "GPIO chip %s has no line %u", cfg->chip,
			 cfg->offset);
		gpiod_chip_close(*chip);
		*chip = NULL;
		errno = err ? err : EINVAL;
		return NULL;
	}
	return line;
}

/* "GPIO17 (gpiochip0 line 17, pull-up, active-low)" */
static void describe_line(struct gpiod_chip *chip, struct gpiod_line *line,
			  const struct gpio_line_cfg *cfg, char *buf,
			  size_t len)
{
	const char *name = gpiod_line_name(line);
	const char *bias = bias_text(cfg->bias);
	const char *chip_name = gpiod_chip_name(chip);
	unsigned int offset = gpiod_line_offset(line);

	snprintf(buf, len, "%s%s(%s line %u%s%s%s)", name ? name : "",
		 name ? " " : "", chip_name ? chip_name : "?", offset,
		 bias ? ", " : "", bias ? bias : "",
		 cfg->active_low ? ", active-low" : "");
}

/* Request the line; on failure @p reason says why, errno is set. */
static int request_line(struct gpiod_line *line,
			const struct gpio_line_cfg *cfg, int type, char *reason,
			size_t len)
{
	struct gpiod_line_request_config rc = {
	    .consumer = cfg->consumer ? cfg->consumer : GPIO_CONSUMER,
	    .request_type = type,
	    .flags = request_flags(cfg),
	};
	const char *name = gpiod_line_name(line);
	const char *user;
	int err;

	if (gpiod_line_request(line, &rc, 0) == 0)
		return 0;
	err = errno;
	if (!name)
		name = cfg->line_name ? cfg->line_name : "the line";
	if (err == EBUSY) {
		user = gpiod_line_consumer(line);
		snprintf(reason, len, "%s is in use by %s%s%s", name,
			 user ? "\"" : "another program", user ? user : "",
			 user ? "\"" : "");
	} else {
		snprintf(reason, len, "cannot request %s: %s", name,
			 strerror(err));
	}
	errno = err;
	return -1;
}

/* ---- button --------------------------------------------------------------- */

static struct gpiod_button *to_button(const struct gpio_button *b)
{
	return (struct gpiod_button *)b;
}

static int64_t event_ms(const struct gpiod_line_event *ev, int64_t now)
{
	int64_t t = (int64_t)ev->ts.tv_sec * 1000 + ev->ts.tv_nsec / 1000000;

	/*
	 * Timestamps are CLOCK_MONOTONIC since Linux 5.7, REALTIME before.
	 * One that cannot be monotonic (in the future, or long past) is
	 * replaced by the time we read it.
	 */
	if (t > now || t < now - TS_MAX_AGE_MS)
		t = now;
	return t;
}

static void mark_dead(struct gpiod_button *gb, int err)
{
	log_err("%s on %s failed: %s", gb->base.name, gb->where, strerror(err));
	gb->err = err;
	gb->fd = -1;
}

/*
 * Read every queued edge into the debouncer.  The kernel keeps only 16
 * per line and silently drops the rest, so drain it all on each wake-up.
 * Returns the number of edges, or -1 with errno.
 */
static int drain(struct gpiod_button *gb, int64_t now)
{
	struct gpiod_line_event evs[EVENT_BATCH];
	int total = 0;

	for (int i = 0; i < DRAIN_BATCHES; i++) {
		int n =
		    gpiod_line_event_read_multiple(gb->line, evs, EVENT_BATCH);

		if (n < 0) {
			if (errno == EAGAIN || errno == EINTR)
				break;
			return -1;
		}
		for (int k = 0; k < n; k++)
			debounce_edge(&gb->deb, event_ms(&evs[k], now),
				      evs[k].event_type ==
					  GPIOD_LINE_EVENT_RISING_EDGE);
		total += n;
		if (n < EVENT_BATCH)
			break;
	}
	return total;
}

/*
 * The edge types of the v1 uAPI come from reading the line after the
 * interrupt, so they can be wrong during bounce: the level read now is the
 * truth the debouncer waits on.
 */
static void sample(struct gpiod_button *gb, int64_t now)
{
	int v = gpiod_line_get_value(gb->line);

	if (v >= 0)
		debounce_sample(&gb->deb, now, v);
}

static int gb_update(struct gpiod_button *gb, int64_t now)
{
	int64_t t;
	int n;

	n = drain(gb, now);
	if (n < 0) {
		mark_dead(gb, errno);
		errno = gb->err;
		return -1;
	}
	t = debounce_next_deadline_ms(&gb->deb);
	if (n > 0 || (t != DEBOUNCE_NONE && t <= now))
		sample(gb, now);
	debounce_advance(&gb->deb, now);
	if (debounce_get_dropped(&gb->deb) != gb->dropped) {
		gb->dropped = debounce_get_dropped(&gb->deb);
		log_warn("%s: events lost (%lu in all): read them sooner",
			 gb->base.name, gb->dropped);
	}
	return 0;
}

static int gb_read(struct gpio_button *b, struct gpio_button_event *ev,
		   int64_t now)
{
	struct gpiod_button *gb = to_button(b);
	struct debounce_event de;

	if (gb->fd < 0)
		return 0;
	if (gb_update(gb, now) < 0)
		return -1;
	if (!debounce_pop(&gb->deb, &de))
		return 0;
	switch (de.type) {
	case DEBOUNCE_PRESS:
		ev->type = GPIO_BUTTON_PRESS;
		break;
	case DEBOUNCE_RELEASE:
		ev->type = GPIO_BUTTON_RELEASE;
		break;
	case DEBOUNCE_LONG_PRESS:
		ev->type = GPIO_BUTTON_LONG_PRESS;
		break;
	}
	ev->time_ms = de.time_ms;
	return 1;
}

static int gb_get_fd(const struct gpio_button *b)
{
	return to_button(b)->fd;
}

static int gb_timeout_ms(const struct gpio_button *b, int64_t now)
{
	const struct gpiod_button *gb = to_button(b);

	return gb->fd < 0 ? -1 : debounce_timeout_ms(&gb->deb, now);
}

static void gb_tick(struct gpio_button *b, int64_t now)
{
	struct gpiod_button *gb = to_button(b);

	/* A failure is logged and shown by the state text; read() is quiet
	 * afterwards, so nothing is lost by not returning it here. */
	if (gb->fd >= 0)
		gb_update(gb, now);
}

static int gb_get_level(const struct gpio_button *b)
{
	return debounce_get_level(&to_button(b)->deb);
}

static void gb_state_text(const struct gpio_button *b, char *buf, size_t len)
{
	const struct gpiod_button *gb = to_button(b);
	int level = debounce_get_level(&gb->deb);
	int high = level ^ (gb->active_low ? 1 : 0);

	if (gb->fd < 0)
		snprintf(buf, len, "%s failed on %s: %s", b->name, gb->where,
			 strerror(gb->err));
	else
		snprintf(buf, len, "%s ready on %s: %s, line %s", b->name,
			 gb->where, level ? "pressed" : "released",
			 high ? "high" : "low");
}

static void gb_destroy(struct gpio_button *b)
{
	struct gpiod_button *gb = to_button(b);

	gpiod_chip_close(gb->chip);
	free(gb);
}

static const struct gpio_button_ops gpiod_button_ops = {
    .get_fd = gb_get_fd,
    .read = gb_read,
    .timeout_ms = gb_timeout_ms,
    .tick = gb_tick,
    .get_level = gb_get_level,
    .state_text = gb_state_text,
    .destroy = gb_destroy,
    .inject = NULL,
};

struct gpio_button *gpio_button_gpiod_open(const struct gpio_button_cfg *cfg,
					   char *why, size_t why_len)
{
	const char *name =
	    cfg && cfg->name && cfg->name[0] ? cfg->name : "call button";
	struct debounce_cfg dcfg;
	struct gpiod_button *gb;
	char reason[GPIO_WHY_LEN];
	int flags, level, err;

	if (!cfg) {
		snprintf(reason, sizeof(reason), "no configuration");
		err = EINVAL;
		goto err_out;
	}
	gb = calloc(1, sizeof(*gb));
	if (!gb) {
		err = errno;
		snprintf(reason, sizeof(reason), "out of memory");
		goto err_out;
	}
	gpio_button_base_init(&gb->base, &gpiod_button_ops, name);
	gb->active_low = cfg->line.active_low;

	gb->line = find_line(&cfg->line, &gb->chip, reason, sizeof(reason));
	if (!gb->line) {
		err = errno;
		goto err_free;
	}
	describe_line(gb->chip, gb->line, &cfg->line, gb->where,
		      sizeof(gb->where));
	if (request_line(gb->line, &cfg->line,
			 GPIOD_LINE_REQUEST_EVENT_BOTH_EDGES, reason,
			 sizeof(reason)) < 0) {
		err = errno;
		goto err_close_chip;
	}
	gb->fd = gpiod_line_event_get_fd(gb->line);
	if (gb->fd < 0) {
		err = errno ? errno : EIO;
		snprintf(reason, sizeof(reason), "no event fd for %s: %s",
			 gb->where, strerror(err));
		goto err_close_chip;
	}
	/* Draining reads until EAGAIN; libgpiod's reads would block. */
	flags = fcntl(gb->fd, F_GETFL);
	if (flags < 0 || fcntl(gb->fd, F_SETFL, flags | O_NONBLOCK) < 0) {
		err = errno;
		snprintf(reason, sizeof(reason), "fcntl on %s: %s", gb->where,
			 strerror(err));
		goto err_close_chip;
	}

	level = gpiod_line_get_value(gb->line);
	if (level < 0) {
		log_warn("%s: cannot read %s: %s; assuming released", name,
			 gb->where, strerror(errno));
		level = 0;
	}
	dcfg.debounce_ms = cfg->debounce_ms;
	dcfg.long_press_ms = cfg->long_press_ms;
	/* The debouncer's clock starts as far back as event_ms() accepts
	 * timestamps, so no genuine edge is ever moved forward. */
	debounce_init(&gb->deb, &dcfg, level, gpio_now_ms() - TS_MAX_AGE_MS);
	log_info("%s ready on %s", name, gb->where);
	return &gb->base;

err_close_chip:
	gpiod_chip_close(gb->chip);
err_free:
	free(gb);
err_out:
	gpio_set_why(why, why_len, name, reason);
	log_warn("%s unavailable (%s)", name, reason);
	errno = err;
	return NULL;
}

/* ---- outputs -------------------------------------------------------------- */

static struct gpiod_output *to_output(const struct gpio_output *o)
{
	return (struct gpiod_output *)o;
}

static int go_set_value(struct gpio_output *o, int value)
{
	return gpiod_line_set_value(to_output(o)->line, value);
}

static void go_describe(const struct gpio_output *o, char *buf, size_t len)
{
	snprintf(buf, len, "on %s", to_output(o)->where);
}

static void go_destroy(struct gpio_output *o)
{
	struct gpiod_output *go = to_output(o);

	gpiod_chip_close(go->chip);
	free(go);
}

static const struct gpio_output_ops gpiod_output_ops = {
    .set_value = go_set_value,
    .describe = go_describe,
    .destroy = go_destroy,
    .log_modes = false,
};

struct gpio_output *gpio_output_gpiod_open(const struct gpio_output_cfg *cfg,
					   char *why, size_t why_len)
{
	const char *name =
	    cfg && cfg->name && cfg->name[0] ? cfg->name : "output";
	struct gpiod_output *go;
	char reason[GPIO_WHY_LEN];
	int err;

	if (!cfg) {
		snprintf(reason, sizeof(reason), "no configuration");
		err = EINVAL;
		goto err_out;
	}
	go = calloc(1, sizeof(*go));
	if (!go) {
		err = errno;
		snprintf(reason, sizeof(reason), "out of memory");
		goto err_out;
	}
	gpio_output_base_init(&go->base, &gpiod_output_ops, name);

	go->line = find_line(&cfg->line, &go->chip, reason, sizeof(reason));
	if (!go->line) {
		err = errno;
		goto err_free;
	}
	describe_line(go->chip, go->line, &cfg->line, go->where,
		      sizeof(go->where));
	/* Requested at 0 (off): the line never flashes on at start-up. */
	if (request_line(go->line, &cfg->line,
			 GPIOD_LINE_REQUEST_DIRECTION_OUTPUT, reason,
			 sizeof(reason)) < 0) {
		err = errno;
		goto err_close_chip;
	}
	log_info("%s ready on %s", name, go->where);
	return &go->base;

err_close_chip:
	gpiod_chip_close(go->chip);
err_free:
	free(go);
err_out:
	gpio_set_why(why, why_len, name, reason);
	log_warn("%s unavailable (%s)", name, reason);
	errno = err;
	return NULL;
}
