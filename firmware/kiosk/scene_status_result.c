// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Status result: the status in words, the deadline, the next step and the
 * masked name, nothing more.  When something waits at the desk, "call the
 * desk to collect" makes a call of kind pickup tied to the request.
 */

#include "flow_internal.h"

static const struct text txt_title = {"Status Permohonan", "Request status"};
static const struct text txt_number = {"Nomor registrasi",
				       "Registration number"};
static const struct text txt_name = {"Nama", "Name"};
static const struct text txt_status = {"Status", "Status"};
static const struct text txt_deadline = {"Jawaban paling lambat",
					 "Answer due by"};
static const struct text txt_decision = {"Keputusan", "Decision"};
static const struct text txt_pickup = {"Panggil Petugas untuk Mengambil",
				       "Call the desk to collect"};

static const struct text txt_next[WF_STATUS_COUNT] = {
    [WF_SUBMITTED] = {"Permohonan Anda sedang diperiksa oleh petugas.",
		      "The desk is checking your request."},
    [WF_FORWARDED] = {"Permohonan Anda sedang diproses oleh PPID.",
		      "The information officer (PPID) is handling your "
		      "request."},
    [WF_EXCLUDED] = {"Informasi ini dikecualikan. Anda akan menerima "
		     "pemberitahuan tertulis.",
		     "This information is exempt. You will receive a written "
		     "notice."},
    [WF_AVAILABLE] = {"Informasi sudah siap. Anda dapat mengambilnya di "
		      "meja layanan.",
		      "The information is ready. You can collect it at the "
		      "desk."},
    [WF_COORDINATING] = {"Petugas sedang berkoordinasi untuk menyiapkan "
			 "informasi.",
			 "Staff are coordinating to prepare the "
			 "information."},
    [WF_DECIDED] = {"Keputusan sudah dibuat. Pemberitahuan tertulis dapat "
		    "diambil di meja layanan.",
		    "A decision has been made. You can collect the written "
		    "notice at the desk."},
    [WF_NOTIFIED] = {"Pemberitahuan tertulis sudah diberikan. Jika tidak "
		     "puas, Anda dapat mengajukan keberatan.",
		     "The written notice has been given. If you disagree, you "
		     "may file an objection."},
    [WF_CLOSED] = {"Permohonan ini sudah selesai.",
		   "This request is complete."},
};

void scene_status_result_on_enter(struct flow *f)
{
	flow_error(f, NULL);
}

bool scene_status_result_on_event(struct flow *f, const struct flow_event *ev)
{
	if (ev->type != FLOW_EVT_TAP)
		return false;
	switch (ev->tap) {
	case FLOW_TAP_CALL_PICKUP:
		flow_call_start(f, FLOW_CALL_PICKUP, f->m.v.regno);
		return true;
	case FLOW_TAP_FINISH:
		flow_scene_reset(f, FLOW_SCENE_WELCOME);
		return true;
	default:
		return false;
	}
}

void scene_status_result_on_exit(struct flow *f)
{
	(void)f;
}

void scene_status_result_view(const struct flow *f, struct flow_view *v)
{
	const struct flow_visitor *vi = &f->m.v;
	struct flow_view_button *b;
	enum wf_status s = vi->status;

	v->title = view_text(v, &txt_title);
	view_line(v, view_text(v, &txt_number), vi->regno, FLOW_LINE_BODY);
	view_line(v, view_text(v, &txt_name), vi->masked_name, FLOW_LINE_BODY);
	if ((unsigned)s < WF_STATUS_COUNT) {
		view_line(v, view_text(v, &txt_status),
			  view_text(v, workflow_status_label(s)),
			  FLOW_LINE_LARGE);
		if (vi->decision != WF_DECISION_NONE)
			view_line(
			    v, view_text(v, &txt_decision),
			    view_text(v, workflow_decision_label(vi->decision)),
			    FLOW_LINE_BODY);
		if (!workflow_status_done(s))
			view_line(v, view_text(v, &txt_deadline),
				  view_date(v, vi->deadline), FLOW_LINE_BODY);
		view_line(v, NULL, view_text(v, &txt_next[s]), FLOW_LINE_BODY);
	}
	if (vi->pickup_ready) {
		b = view_button(v, FLOW_TAP_CALL_PICKUP, 0, &txt_pickup);
		b->primary = true;
	}
	view_button(v, FLOW_TAP_BACK, 0, &flow_txt_back);
	b = view_button(v, FLOW_TAP_FINISH, 0, &flow_txt_finish);
	b->primary = !vi->pickup_ready;
	view_common_buttons(v);
}
