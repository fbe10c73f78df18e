// SPDX-License-Identifier: GPL-2.0-or-later
/* The SOP workflow table and the checks that guard every transition. */

#include <ctype.h>
#include <string.h>

#include "workflow.h"

#define S(x)	   (1u << (x))
#define ALL_STATES (S(WF_STATUS_COUNT) - 1u)

static const struct wf_action actions[] = {
    {"forward",
     S(WF_SUBMITTED),
     WF_FORWARDED,
     WF_ROLE_DESK,
     0,
     WF_DL_NONE,
     {"Teruskan permohonan ke PPID", "Forward the request to the PPID"}},
    {"exclude",
     S(WF_FORWARDED),
     WF_EXCLUDED,
     WF_ROLE_DESK | WF_ROLE_PPID,
     WF_NEED_BASIS,
     WF_DL_NONE,
     {"Informasi dikecualikan (Pasal 17)",
      "Information is excluded (Article 17)"}},
    {"available",
     S(WF_FORWARDED),
     WF_AVAILABLE,
     WF_ROLE_DESK | WF_ROLE_PPID,
     0,
     WF_DL_NONE,
     {"Informasi tersedia dan dapat langsung diberikan",
      "Information is available and can be given at once"}},
    {"coordinate",
     S(WF_FORWARDED),
     WF_COORDINATING,
     WF_ROLE_KASUBBAG,
     WF_NEED_MEMO,
     WF_DL_NONE,
     {"Koordinasi Kasubbag dengan PPID dan tim penghubung",
      "Kasubbag coordinates with the PPID and liaison team"}},
    {"extend",
     S(WF_COORDINATING),
     -1,
     WF_ROLE_KASUBBAG | WF_ROLE_PPID,
     WF_NEED_NOTE,
     WF_DL_EXTEND,
     {"Perpanjang jangka waktu (sekali)", "Extend the deadline (once)"}},
    {"decide",
     S(WF_AVAILABLE) | S(WF_COORDINATING),
     WF_DECIDED,
     WF_ROLE_PPID | WF_ROLE_KASUBBAG,
     WF_NEED_DECISION,
     WF_DL_NONE,
     {"Putuskan permohonan", "Decide the request"}},
    {"notify",
     S(WF_DECIDED) | S(WF_EXCLUDED),
     WF_NOTIFIED,
     WF_ROLE_DESK,
     0,
     WF_DL_NONE,
     {"Pemberitahuan tertulis diberikan kepada pemohon",
      "Written notification given to the requester"}},
    {"close",
     S(WF_NOTIFIED),
     WF_CLOSED,
     WF_ROLE_DESK,
     0,
     WF_DL_NONE,
     {"Register layanan diperbarui, selesai",
      "Service register updated, closed"}},
    {"note",
     ALL_STATES,
     -1,
     WF_ROLE_STAFF,
     WF_NEED_NOTE,
     WF_DL_NONE,
     {"Tambahkan catatan", "Add a note"}},
};

static const char *const status_keys[WF_STATUS_COUNT] = {
    "submitted",    "forwarded", "excluded", "available",
    "coordinating", "decided",	 "notified", "closed",
};

static const struct text status_labels[WF_STATUS_COUNT] = {
    {"Diterima", "Received"},
    {"Diteruskan ke PPID", "Forwarded to the PPID"},
    {"Informasi dikecualikan", "Excluded information"},
    {"Informasi tersedia", "Information available"},
    {"Dalam koordinasi", "Being coordinated"},
    {"Sudah diputuskan", "Decided"},
    {"Pemberitahuan tertulis diberikan", "Written notification given"},
    {"Selesai", "Closed"},
};

static const char *const decision_keys[] = {
    NULL, "granted", "partial", "rejected", "not_held",
};

static const struct text decision_labels[] = {
    {"Belum diputuskan", "Not decided yet"},
    {"Diberikan seluruhnya", "Granted in full"},
    {"Diberikan sebagian", "Partly granted"},
    {"Ditolak", "Rejected"},
    {"Informasi tidak dikuasai", "Information not held"},
};

static const struct {
	const char *key;
	unsigned role;
} role_keys[] = {
    {"desk", WF_ROLE_DESK},   {"kasubbag", WF_ROLE_KASUBBAG},
    {"kabag", WF_ROLE_KABAG}, {"ppid", WF_ROLE_PPID},
    {"kiosk", WF_ROLE_KIOSK},
};

/* UU 14/2008 Pasal 17 huruf a..j. */
static const struct text pasal17[] = {
    {"menghambat proses penegakan hukum", "would obstruct law enforcement"},
    {"mengganggu hak kekayaan intelektual dan persaingan usaha sehat",
     "would harm intellectual property or fair competition"},
    {"membahayakan pertahanan dan keamanan negara",
     "would endanger national defence and security"},
    {"mengungkapkan kekayaan alam Indonesia",
     "would reveal Indonesia's natural resources"},
    {"merugikan ketahanan ekonomi nasional",
     "would harm national economic resilience"},
    {"merugikan kepentingan hubungan luar negeri",
     "would harm foreign relations"},
    {"mengungkapkan isi akta otentik yang bersifat pribadi dan wasiat",
     "would reveal private authentic deeds or wills"},
    {"mengungkap rahasia pribadi", "would reveal personal secrets"},
    {"memorandum atau surat antar/intra badan publik yang rahasia",
     "confidential memoranda within or between public bodies"},
    {"tidak boleh diungkapkan berdasarkan undang-undang",
     "closed by another law"},
};

static const struct text msg_unknown_state = {
    "Status permohonan tidak dikenal.", "Unknown request status."};
static const struct text msg_wrong_state = {
    "Tindakan ini tidak berlaku pada status permohonan saat ini.",
    "This action does not apply to the request's current status."};
static const struct text msg_role = {
    "Peran Anda tidak berwenang mengambil tindakan ini.",
    "Your role may not take this action."};
static const struct text msg_need_note = {
    "Tindakan ini memerlukan catatan atau alasan.",
    "This action needs a note or reason."};
static const struct text msg_need_basis = {
    "Sebutkan dasar pengecualian: huruf Pasal 17 (a sampai j).",
    "Give the exemption basis: the Article 17 letter (a to j)."};
static const struct text msg_need_memo = {
    "Sebutkan nomor nota dinas atau disposisi.",
    "Give the memo or disposition number."};
static const struct text msg_need_decision = {
    "Sebutkan keputusan: granted, partial, rejected atau not_held.",
    "Give the decision: granted, partial, rejected or not_held."};
static const struct text msg_need_holder = {
    "Informasi tidak dikuasai: sebutkan badan publik yang menguasainya.",
    "Information not held: name the public body that holds it."};
static const struct text msg_available_rejected = {
    "Informasi yang tersedia tidak dapat ditolak; gunakan partial.",
    "Available information cannot be rejected; use partial."};
static const struct text msg_extended = {
    "Jangka waktu sudah pernah diperpanjang; perpanjangan hanya sekali.",
    "The deadline was already extended; it may be extended only once."};

const struct wf_action *workflow_actions(size_t *n)
{
	*n = sizeof(actions) / sizeof(actions[0]);
	return actions;
}

const struct wf_action *workflow_find(const char *name)
{
	for (size_t i = 0; name && i < sizeof(actions) / sizeof(actions[0]);
	     i++)
		if (strcmp(actions[i].name, name) == 0)
			return &actions[i];
	return NULL;
}

static bool blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

int workflow_check(const struct wf_action *action, const struct wf_request *req,
		   unsigned role, const struct wf_args *args,
		   const struct text **reason)
{
	char basis[32];

	if ((unsigned)req->status >= WF_STATUS_COUNT) {
		*reason = &msg_unknown_state;
		return -1;
	}
	if (!(action->from & S(req->status))) {
		*reason = &msg_wrong_state;
		return -1;
	}
	if (!(action->roles & role)) {
		*reason = &msg_role;
		return -1;
	}
	if ((action->needs & WF_NEED_NOTE) && blank(args->note)) {
		*reason = &msg_need_note;
		return -1;
	}
	if ((action->needs & WF_NEED_MEMO) && blank(args->memo)) {
		*reason = &msg_need_memo;
		return -1;
	}
	if ((action->needs & WF_NEED_BASIS) &&
	    workflow_basis_normalize(args->basis, basis, sizeof(basis)) < 0) {
		*reason = &msg_need_basis;
		return -1;
	}
	if (action->needs & WF_NEED_DECISION) {
		switch (args->decision) {
		case WF_DECISION_GRANTED:
			break;
		case WF_DECISION_PARTIAL:
			/* The parts withheld may name their basis; a basis
			 * given must be a real one. */
			if (args->basis && *args->basis &&
			    workflow_basis_normalize(args->basis, basis,
						     sizeof(basis)) < 0) {
				*reason = &msg_need_basis;
				return -1;
			}
			break;
		case WF_DECISION_REJECTED:
			if (req->status == WF_AVAILABLE) {
				*reason = &msg_available_rejected;
				return -1;
			}
			if (workflow_basis_normalize(args->basis, basis,
						     sizeof(basis)) < 0) {
				*reason = &msg_need_basis;
				return -1;
			}
			break;
		case WF_DECISION_NOT_HELD:
			if (blank(args->holder)) {
				*reason = &msg_need_holder;
				return -1;
			}
			break;
		default:
			*reason = &msg_need_decision;
			return -1;
		}
	}
	if (action->deadline == WF_DL_EXTEND &&
	    req->extensions >= req->max_extensions) {
		*reason = &msg_extended;
		return -1;
	}
	*reason = NULL;
	return action->to < 0 ? (int)req->status : action->to;
}

const char *workflow_status_key(enum wf_status s)
{
	return (unsigned)s < WF_STATUS_COUNT ? status_keys[s] : NULL;
}

int workflow_status_from_key(const char *key)
{
	for (int i = 0; key && i < WF_STATUS_COUNT; i++)
		if (strcmp(status_keys[i], key) == 0)
			return i;
	return -1;
}

const struct text *workflow_status_label(enum wf_status s)
{
	return (unsigned)s < WF_STATUS_COUNT ? &status_labels[s]
					     : &msg_unknown_state;
}

bool workflow_status_done(enum wf_status s)
{
	return s == WF_NOTIFIED || s == WF_CLOSED;
}

const char *workflow_decision_key(enum wf_decision d)
{
	return (unsigned)d <= WF_DECISION_NOT_HELD ? decision_keys[d] : NULL;
}

int workflow_decision_from_key(const char *key)
{
	for (int i = 1; key && i <= WF_DECISION_NOT_HELD; i++)
		if (strcmp(decision_keys[i], key) == 0)
			return i;
	return -1;
}

const struct text *workflow_decision_label(enum wf_decision d)
{
	return &decision_labels[(unsigned)d <= WF_DECISION_NOT_HELD ? d : 0];
}

const char *workflow_role_key(unsigned role)
{
	for (size_t i = 0; i < sizeof(role_keys) / sizeof(role_keys[0]); i++)
		if (role_keys[i].role == role)
			return role_keys[i].key;
	return NULL;
}

int workflow_roles_parse(const char *s, unsigned *roles)
{
	unsigned r = 0;

	while (s && *s) {
		size_t n;
		bool found = false;

		while (*s == ',' || isspace((unsigned char)*s))
			s++;
		n = strcspn(s, ", \t");
		if (n == 0)
			break;
		for (size_t i = 0; i < sizeof(role_keys) / sizeof(role_keys[0]);
		     i++) {
			if (strlen(role_keys[i].key) == n &&
			    strncmp(role_keys[i].key, s, n) == 0) {
				r |= role_keys[i].role;
				found = true;
			}
		}
		if (!found)
			return -1;
		s += n;
	}
	if (!r)
		return -1;
	*roles = r;
	return 0;
}

int workflow_basis_normalize(const char *basis, char *out, size_t len)
{
	bool seen[10] = {false};
	size_t n = 0;

	if (!basis)
		return -1;
	for (const char *p = basis; *p; p++) {
		int c = tolower((unsigned char)*p);

		if (c >= 'a' && c <= 'j')
			seen[c - 'a'] = true;
		else if (c != ',' && c != ' ' && c != '\t')
			return -1;
	}
	for (int i = 0; i < 10; i++) {
		if (!seen[i])
			continue;
		if (n + 3 > len)
			return -1;
		if (n)
			out[n++] = ',';
		out[n++] = (char)('a' + i);
	}
	if (!n)
		return -1;
	out[n] = '\0';
	return 0;
}

const struct text *workflow_pasal17_label(char letter)
{
	int c = tolower((unsigned char)letter);

	return c >= 'a' && c <= 'j' ? &pasal17[c - 'a'] : NULL;
}
