/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The queue store read by time range, for reports: requests received in a
 * range, events, calls and print jobs of a range, each oldest first.  Part
 * of the queue store (it shares queue_internal.h); read-only.
 */
#ifndef PPID_QUEUE_REPORT_H
#define PPID_QUEUE_REPORT_H

#include <time.h>

#include "queue.h"

/**
 * Call @p cb for each request received in [@p from, @p to] (UTC seconds,
 * both included), oldest first.  The request is borrowed for the call.
 * @return 0, or -1 (queue_errmsg()).
 */
int queue_report_requests(struct queue *q, time_t from, time_t to,
			  queue_request_cb cb, void *ctx);

/** Every event in [@p from, @p to], oldest first. @return 0, or -1. */
int queue_report_events(struct queue *q, time_t from, time_t to,
			queue_event_cb cb, void *ctx);

/** Every call pressed in [@p from, @p to], oldest first. @return 0, or -1. */
int queue_report_calls(struct queue *q, time_t from, time_t to,
		       queue_call_cb cb, void *ctx);

/**
 * Every print job created or last changed in [@p from, @p to], oldest
 * first. @return 0, or -1.
 */
int queue_report_jobs(struct queue *q, time_t from, time_t to, queue_job_cb cb,
		      void *ctx);

#endif
