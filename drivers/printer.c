// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The backend-neutral half of the printer driver: state names and words,
 * and the mapping from IPP printer-state-reasons to a state a person
 * understands.  No CUPS here.
 */

#include <stdbool.h>
#include <string.h>

#include "printer.h"

struct state_name {
	const char *key; /* for logs and the database */
	const char *id;	 /* Indonesian words */
	const char *en;	 /* English words */
};

static const struct state_name state_names[PRINTER_STATE_COUNT] = {
    [PRINTER_STATE_READY] = {"ready", "Printer siap", "Printer ready"},
    [PRINTER_STATE_PRINTING] = {"printing", "Sedang mencetak", "Printing"},
    [PRINTER_STATE_NO_PRINTER] = {"no_printer", "Printer tidak ditemukan",
				  "Printer not found"},
    [PRINTER_STATE_CUPS_DOWN] = {"cups_down",
				 "Layanan cetak (CUPS) tidak berjalan",
				 "Print service (CUPS) is not running"},
    [PRINTER_STATE_STOPPED] = {"stopped", "Printer dihentikan",
			       "Printer stopped"},
    [PRINTER_STATE_OUT_OF_PAPER] = {"out_of_paper", "Kertas habis",
				    "Out of paper"},
    [PRINTER_STATE_OFFLINE] = {"offline", "Printer tidak terhubung",
			       "Printer offline"},
    [PRINTER_STATE_OTHER_ERROR] = {"error", "Printer bermasalah",
				   "Printer fault"},
};

bool printer_state_can_print(enum printer_state state)
{
	return state == PRINTER_STATE_READY || state == PRINTER_STATE_PRINTING;
}

bool printer_job_final(enum printer_job_state state)
{
	return state >= PRINTER_JOB_CANCELED;
}

const char *printer_state_text(enum printer_state state, bool english)
{
	if ((unsigned)state >= PRINTER_STATE_COUNT)
		return "?";
	return english ? state_names[state].en : state_names[state].id;
}

const char *printer_state_key(enum printer_state state)
{
	if ((unsigned)state >= PRINTER_STATE_COUNT)
		return "?";
	return state_names[state].key;
}

const char *printer_job_state_key(enum printer_job_state state)
{
	switch (state) {
	case PRINTER_JOB_PENDING:
		return "pending";
	case PRINTER_JOB_HELD:
		return "held";
	case PRINTER_JOB_PROCESSING:
		return "processing";
	case PRINTER_JOB_STOPPED:
		return "stopped";
	case PRINTER_JOB_CANCELED:
		return "canceled";
	case PRINTER_JOB_ABORTED:
		return "aborted";
	case PRINTER_JOB_COMPLETED:
		return "completed";
	case PRINTER_JOB_UNKNOWN:
		break;
	}
	return "unknown";
}

enum severity {
	SEV_NONE = 0, /* no suffix */
	SEV_REPORT,   /* -report: information the device volunteered */
	SEV_WARNING,  /* -warning: still printing */
	SEV_ERROR,    /* -error: cannot print */
};

/* Reasons that stop printing even without an -error suffix. */
static const char *const blocking[] = {
    "media-jam",	  "door-open",		 "cover-open",
    "interlock-open",	  "toner-empty",	 "marker-supply-empty",
    "input-tray-missing", "output-tray-missing", "output-area-full",
    "spool-area-full",	  "fuser-over-temp",	 "other",
};

static bool is_blocking(const char *base)
{
	for (size_t i = 0; i < sizeof(blocking) / sizeof(blocking[0]); i++)
		if (strcmp(base, blocking[i]) == 0)
			return true;
	return false;
}

static enum severity split_suffix(char *word)
{
	static const struct {
		const char *suffix; /* with its dash */
		enum severity sev;  /* what it means */
	} sfx[] = {
	    {"-error", SEV_ERROR},
	    {"-warning", SEV_WARNING},
	    {"-report", SEV_REPORT},
	};
	size_t len = strlen(word);

	for (size_t i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		size_t n = strlen(sfx[i].suffix);

		if (len > n && strcmp(word + len - n, sfx[i].suffix) == 0) {
			word[len - n] = '\0';
			return sfx[i].sev;
		}
	}
	return SEV_NONE;
}

enum printer_state printer_state_from_ipp(int ipp_state, bool accepting,
					  const char *reasons)
{
	bool paper = false, offline = false, fault = false, paused = false;
	const char *p = reasons ? reasons : "";

	while (*p) {
		char word[96];
		size_t n = strcspn(p, ", ");
		enum severity sev;

		if (n > 0 && n < sizeof(word)) {
			memcpy(word, p, n);
			word[n] = '\0';
			sev = split_suffix(word);
			if (sev == SEV_WARNING) {
				/* toner-low-warning and friends: still prints */
			} else if (strcmp(word, "media-empty") == 0 ||
				   strcmp(word, "media-needed") == 0) {
				paper = true;
			} else if (strcmp(word, "offline") == 0 ||
				   strcmp(word, "shutdown") == 0 ||
				   strcmp(word, "timed-out") == 0) {
				offline = true;
			} else if (strcmp(word, "paused") == 0 ||
				   strcmp(word, "moving-to-paused") == 0) {
				paused = true;
			} else if (sev == SEV_ERROR ||
				   (sev == SEV_NONE && is_blocking(word))) {
				fault = true;
			}
		}
		p += n;
		p += strspn(p, ", ");
	}

	/*
	 * A backend reports faults only while it runs a job, and CUPS keeps
	 * its reasons afterwards: on an idle queue they are
	 * leftovers (a refilled printer still says media-empty-error until
	 * the next job).  Only a busy or stopped queue is blocked by them.
	 */
	if (ipp_state == 3 && !paused)
		return accepting ? PRINTER_STATE_READY : PRINTER_STATE_STOPPED;
	if (paper)
		return PRINTER_STATE_OUT_OF_PAPER;
	if (offline)
		return PRINTER_STATE_OFFLINE;
	if (fault)
		return PRINTER_STATE_OTHER_ERROR;
	if (paused || ipp_state == 5 || !accepting)
		return PRINTER_STATE_STOPPED;
	if (ipp_state == 4)
		return PRINTER_STATE_PRINTING;
	return PRINTER_STATE_READY;
}
