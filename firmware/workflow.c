// SPDX-License-Identifier: GPL-2.0-or-later
/* The SOP workflow table and the checks that guard every transition. */

#include <ctype.h>
#include <stdio.h>
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
    {"handover",
     S(WF_NOTIFIED),
     -1,
     WF_ROLE_DESK,
     WF_NEED_NOTE | WF_NEED_FORM,
     WF_DL_NONE,
     {"Serahkan informasi kepada pemohon (tanda terima data)",
      "Hand the information over to the requester (data receipt)"}},
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

/* One row per status: its key, its label, and the refusal that names it
 * when an action does not apply to it. */
#define STATUS(e, key, id, en)                                                 \
	[e] = {key,                                                            \
	       {id, en},                                                       \
	       {"Tindakan ini tidak berlaku: status permohonan saat ini '" key \
		"' (" id ").",                                                 \
		"This action does not apply: the request is '" key "' (" en    \
		")."}}

static const struct {
	const char *key;   /* as stored */
	struct text label; /* for people */
	struct text wrong; /* an action that does not apply to it */
} statuses[WF_STATUS_COUNT] = {
    STATUS(WF_SUBMITTED, "submitted", "Diterima", "Received"),
    STATUS(WF_FORWARDED, "forwarded", "Diteruskan ke PPID",
	   "Forwarded to the PPID"),
    STATUS(WF_EXCLUDED, "excluded", "Informasi dikecualikan",
	   "Excluded information"),
    STATUS(WF_AVAILABLE, "available", "Informasi tersedia",
	   "Information available"),
    STATUS(WF_COORDINATING, "coordinating", "Dalam koordinasi",
	   "Being coordinated"),
    STATUS(WF_DECIDED, "decided", "Sudah diputuskan", "Decided"),
    STATUS(WF_NOTIFIED, "notified", "Pemberitahuan tertulis diberikan",
	   "Written notification given"),
    STATUS(WF_CLOSED, "closed", "Selesai", "Closed"),
};

#undef STATUS

static const char unknown_key[] = "unknown";

static const struct text unknown_status_label = {"Status tidak dikenal",
						 "Unknown status"};
static const struct text unknown_decision_label = {"Keputusan tidak dikenal",
						   "Unknown decision"};
static const struct text unknown_regime_label = {"Rezim tidak dikenal",
						 "Unknown regime"};

static const struct {
	const char *key;   /* as stored in requests.regime */
	struct text label; /* for people */
} regimes[WF_REGIME_COUNT] = {
    [WF_REGIME_ORDINARY] = {"ordinary",
			    {"Biasa (UU 14/2008)", "Ordinary (UU 14/2008)"}},
    [WF_REGIME_ELECTION] = {"election",
			    {"Informasi kepemiluan (Perki 1/2019)",
			     "Election information (Perki 1/2019)"}},
    [WF_REGIME_OBJECTION] = {"objection", {"Keberatan", "Objection"}},
};

/* The permission table.  Each refusal names every role that may, so a
 * person refused knows whom to ask (the unit test holds them to it). */
static const struct {
	const char *key;     /* "reveal" */
	unsigned roles;	     /* bit set of enum wf_role allowed */
	struct text refusal; /* why not, naming the roles that may */
} perms[WF_PERM_COUNT] = {
    [WF_PERM_SUBMIT] = {"submit",
			WF_ROLE_DESK | WF_ROLE_KIOSK,
			{"Hanya desk (atau kiosk) yang boleh mendaftarkan "
			 "permohonan.",
			 "Only the desk (or the kiosk) may register "
			 "requests."}},
    [WF_PERM_REVEAL] = {"reveal",
			WF_ROLE_DESK | WF_ROLE_PPID,
			{"Hanya desk atau PPID yang boleh melihat nomor "
			 "identitas lengkap; nomor tetap disamarkan.",
			 "Only the desk or the PPID may see a full ID number; "
			 "it stays masked."}},
    [WF_PERM_PRINT] = {"print",
		       WF_ROLE_STAFF,
		       {"Hanya staf (desk, kasubbag, kabag, PPID) yang boleh "
			"mencetak.",
			"Only staff (desk, kasubbag, kabag, PPID) may print."}},
    [WF_PERM_HOLIDAYS] = {"holidays",
			  WF_ROLE_DESK | WF_ROLE_KASUBBAG,
			  {"Hanya desk atau Kasubbag yang boleh mengubah "
			   "daftar hari libur.",
			   "Only the desk or the Kasubbag may change the "
			   "holiday table."}},
    [WF_PERM_ACK_CALL] = {"ack_call",
			  WF_ROLE_STAFF,
			  {"Hanya staf (desk, kasubbag, kabag, PPID) yang "
			   "boleh menjawab panggilan.",
			   "Only staff (desk, kasubbag, kabag, PPID) may "
			   "acknowledge a call."}},
    [WF_PERM_SUPERVISE] = {"supervise",
			   WF_ROLE_KASUBBAG,
			   {"Hanya Kasubbag yang melakukan supervisi harian "
			    "(SOP langkah 7).",
			    "Only the Kasubbag records the daily supervision "
			    "(SOP step 7)."}},
    [WF_PERM_REPORT] = {"report_handover",
			WF_ROLE_KASUBBAG,
			{"Hanya Kasubbag yang menyerahkan laporan bulanan "
			 "kepada Kabag (SOP langkah 8).",
			 "Only the Kasubbag hands the monthly report to the "
			 "Kabag (SOP step 8)."}},
};

static const struct {
	const char *key;   /* as typed and stored */
	struct text label; /* for people and the data receipt */
} forms[] = {
    {"printed", {"Salinan cetak (hardcopy)", "Printed copy (hard copy)"}},
    {"usb",
     {"Salinan elektronik (softcopy) pada flashdisk/USB",
      "Soft copy on a USB drive"}},
    {"disc",
     {"Salinan elektronik (softcopy) pada CD/DVD", "Soft copy on a CD/DVD"}},
    {"email",
     {"Salinan elektronik (softcopy) melalui email",
      "Soft copy sent by email"}},
    {"viewed",
     {"Dilihat/dibaca di tempat, tanpa salinan",
      "Viewed or read at the desk, no copy"}},
};

static const char *const decision_keys[] = {
    "", "granted", "partial", "rejected", "not_held",
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
static const struct text msg_partial_basis = {
    "Diberikan sebagian berarti sebagian informasi dikecualikan: sebutkan "
    "dasar Pasal 17 (huruf a sampai j).",
    "Partly granted means part is withheld: give its Article 17 basis "
    "(a letter a to j)."};
static const struct text msg_granted_basis = {
    "Informasi diberikan seluruhnya: tidak ada yang dikecualikan, jadi "
    "dasar Pasal 17 tidak berlaku (gunakan partial atau rejected).",
    "Granted in full withholds nothing, so an Article 17 basis does not "
    "apply (use partial or rejected)."};
static const struct text msg_not_held_basis = {
    "Informasi tidak dikuasai bukan pengecualian: dasar Pasal 17 tidak "
    "berlaku.",
    "Information not held is not an exemption: an Article 17 basis does "
    "not apply."};
static const struct text msg_arg_unused = {
    "Tindakan ini tidak memakai dasar Pasal 17, nomor memo, keputusan, "
    "badan publik lain atau bentuk penyerahan; hapus yang tidak perlu.",
    "This action takes no Pasal 17 basis, memo number, decision, holding "
    "body or handover form; leave out what it does not take."};

static const struct text msg_need_form = {
    "Sebutkan bentuk informasi yang diserahkan: printed, usb, disc, email "
    "atau viewed.",
    "Give the form the information was handed over in: printed, usb, "
    "disc, email or viewed."};
static const struct text msg_nothing_to_give = {
    "Permohonan ini ditolak atau informasinya tidak dikuasai: tidak ada "
    "informasi yang diserahkan.",
    "This request was rejected or the information is not held: there is "
    "nothing to hand over."};

static const struct text msg_holder_unused = {
    "Badan publik yang menguasai informasi hanya disebut untuk keputusan "
    "not_held.",
    "The public body that holds the information is given only with the "
    "decision not_held."};
static const struct text msg_extend_late = {
    "Jangka waktu tidak dapat diperpanjang lagi: batas waktu semula sudah "
    "lewat. Perpanjangan harus diberitahukan dalam jangka waktu semula "
    "(UU 14/2008 Pasal 22 ayat (8)).",
    "The deadline can no longer be extended: the original deadline has "
    "passed. An extension must be notified within the original period "
    "(UU 14/2008 Article 22(8))."};
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

bool workflow_may_act(unsigned roles, const struct wf_action *action,
		      const struct text **refusal)
{
	bool ok = action && (action->roles & roles);

	if (refusal)
		*refusal = ok ? NULL : &msg_role;
	return ok;
}

bool workflow_may(unsigned roles, enum wf_perm perm,
		  const struct text **refusal)
{
	bool ok = (unsigned)perm < WF_PERM_COUNT && (perms[perm].roles & roles);

	if (refusal)
		*refusal = ok ? NULL
			   : (unsigned)perm < WF_PERM_COUNT
			       ? &perms[perm].refusal
			       : &msg_role;
	return ok;
}

unsigned workflow_perm_roles(enum wf_perm perm)
{
	return (unsigned)perm < WF_PERM_COUNT ? perms[perm].roles : 0;
}

const char *workflow_perm_key(enum wf_perm perm)
{
	return (unsigned)perm < WF_PERM_COUNT ? perms[perm].key : unknown_key;
}

/* What decide needs besides the decision itself: a basis exactly when
 * something is withheld, a holder exactly when the information is not
 * held.  What was given but does not belong is refused, never dropped. */
static const struct text *check_decision(const struct wf_request *req,
					 const struct wf_args *args)
{
	char basis[32];
	bool has_basis = !blank(args->basis);
	bool has_holder = !blank(args->holder);

	switch (args->decision) {
	case WF_DECISION_GRANTED:
		if (has_basis)
			return &msg_granted_basis;
		break;
	case WF_DECISION_PARTIAL:
		if (workflow_basis_normalize(args->basis, basis,
					     sizeof(basis)) < 0)
			return &msg_partial_basis;
		break;
	case WF_DECISION_REJECTED:
		if (req->status == WF_AVAILABLE)
			return &msg_available_rejected;
		if (workflow_basis_normalize(args->basis, basis,
					     sizeof(basis)) < 0)
			return &msg_need_basis;
		break;
	case WF_DECISION_NOT_HELD:
		if (!has_holder)
			return &msg_need_holder;
		if (has_basis)
			return &msg_not_held_basis;
		return NULL;
	default:
		return &msg_need_decision;
	}
	return has_holder ? &msg_holder_unused : NULL;
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
		*reason = &statuses[req->status].wrong;
		return -1;
	}
	if (!workflow_may_act(role, action, reason))
		return -1;
	/* What an action does not take is refused, never silently dropped. */
	if ((!(action->needs & (WF_NEED_BASIS | WF_NEED_DECISION)) &&
	     !blank(args->basis)) ||
	    (!(action->needs & WF_NEED_MEMO) && !blank(args->memo)) ||
	    (!(action->needs & WF_NEED_DECISION) &&
	     (!blank(args->holder) || args->decision != WF_DECISION_NONE)) ||
	    (!(action->needs & WF_NEED_FORM) && !blank(args->form))) {
		*reason = &msg_arg_unused;
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
	if ((action->needs & WF_NEED_FORM) &&
	    !workflow_form_label(args->form)) {
		*reason = &msg_need_form;
		return -1;
	}
	if ((action->needs & WF_NEED_FORM) &&
	    (req->decision == WF_DECISION_REJECTED ||
	     req->decision == WF_DECISION_NOT_HELD)) {
		*reason = &msg_nothing_to_give;
		return -1;
	}
	if (action->needs & WF_NEED_DECISION) {
		*reason = check_decision(req, args);
		if (*reason)
			return -1;
	}
	if (action->deadline == WF_DL_EXTEND) {
		if (req->extensions >= req->max_extensions) {
			*reason = &msg_extended;
			return -1;
		}
		/* Pasal 22(8): within the original period, not after. */
		if (date_cmp(req->today, req->deadline) > 0) {
			*reason = &msg_extend_late;
			return -1;
		}
	}
	*reason = NULL;
	return action->to < 0 ? (int)req->status : action->to;
}

const char *workflow_status_key(enum wf_status s)
{
	return (unsigned)s < WF_STATUS_COUNT ? statuses[s].key : unknown_key;
}

bool workflow_status_valid(enum wf_status s)
{
	return (unsigned)s < WF_STATUS_COUNT;
}

int workflow_status_from_key(const char *key)
{
	for (int i = 0; key && i < WF_STATUS_COUNT; i++)
		if (strcmp(statuses[i].key, key) == 0)
			return i;
	return -1;
}

const struct text *workflow_status_label(enum wf_status s)
{
	return (unsigned)s < WF_STATUS_COUNT ? &statuses[s].label
					     : &unknown_status_label;
}

bool workflow_status_done(enum wf_status s)
{
	return s == WF_NOTIFIED || s == WF_CLOSED;
}

bool workflow_status_open(enum wf_status s)
{
	return workflow_status_valid(s) && !workflow_status_done(s);
}

size_t workflow_states_format(unsigned set, char *buf, size_t len)
{
	size_t n = 0;

	if (!len)
		return 0;
	buf[0] = '\0';
	for (int i = 0; i < WF_STATUS_COUNT; i++) {
		int w;

		if (!(set & S(i)))
			continue;
		w = snprintf(buf + n, len - n, "%s%s", n ? ", " : "",
			     statuses[i].key);
		if (w < 0 || (size_t)w >= len - n) {
			n = strlen(buf);
			break;
		}
		n += (size_t)w;
	}
	return n;
}

const char *workflow_decision_key(enum wf_decision d)
{
	return (unsigned)d <= WF_DECISION_NOT_HELD ? decision_keys[d]
						   : unknown_key;
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
	return (unsigned)d <= WF_DECISION_NOT_HELD ? &decision_labels[d]
						   : &unknown_decision_label;
}

const char *workflow_regime_key(enum wf_regime r)
{
	return (unsigned)r < WF_REGIME_COUNT ? regimes[r].key : unknown_key;
}

int workflow_regime_from_key(const char *key)
{
	for (int i = 0; key && i < WF_REGIME_COUNT; i++)
		if (strcmp(regimes[i].key, key) == 0)
			return i;
	return -1;
}

const struct text *workflow_regime_label(enum wf_regime r)
{
	return (unsigned)r < WF_REGIME_COUNT ? &regimes[r].label
					     : &unknown_regime_label;
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

const char *workflow_form_key(size_t i)
{
	return i < sizeof(forms) / sizeof(forms[0]) ? forms[i].key : NULL;
}

const struct text *workflow_form_label(const char *key)
{
	for (size_t i = 0; key && i < sizeof(forms) / sizeof(forms[0]); i++)
		if (strcmp(forms[i].key, key) == 0)
			return &forms[i].label;
	return NULL;
}
