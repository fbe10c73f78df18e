// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Receipt and written-notification PDFs rendered into memory.  Each renderer
 * first lays the document out into a display list (pango layouts, rules,
 * boxes, the QR code) with positions and page numbers, then sizes the page
 * and draws the list.  Measuring first is what lets a receipt be exactly as
 * tall as its content and lets a letter break across A4 pages between lines.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "document.h"
#include "log.h"

/* ---- defines ---------------------------------------------------------- */

#define PT_PER_MM     (72.0 / 25.4)
#define DOT_PT	      (72.0 / 203.0) /* one dot of a 203 dpi thermal head */
#define FONT_FAMILY   "DejaVu Sans"
#define PS	      ((double)PANGO_SCALE)
#define QR_QUIET      4	     /* quiet zone, modules */
#define QR_MAX_MM     34.0   /* largest QR symbol incl. quiet zone */
#define QR_MIN_DOTS   4	     /* 4 dots = 0.50 mm modules */
#define QR_MAX_DOTS   8	     /* 8 dots = 1.00 mm modules */
#define PROVISIONAL_H 2000.0 /* receipt height before measuring */

/* ---- types ------------------------------------------------------------ */

enum weight {
	W_REG = 0, /* DejaVu Sans Book */
	W_BOLD,	   /* DejaVu Sans Bold */
};

enum item_kind {
	ITEM_TEXT = 0, /* lines of a pango layout */
	ITEM_RULE,     /* horizontal line */
	ITEM_RECT,     /* stroked rectangle */
	ITEM_QR,       /* the QR symbol */
};

/* One thing to draw, placed in page coordinates (points). */
struct item {
	enum item_kind kind; /* what it is */
	int page;	     /* 0-based page */
	double x, y;	     /* top-left */
	double w, h;	     /* rule: length, line width; rect: size */
	bool dashed;	     /* rule drawn dashed */
	PangoLayout *layout; /* text; borrowed from ctx.layouts */
	int line0;	     /* text: first line drawn */
	int nlines;	     /* text: lines drawn; -1 = the whole layout */
	double module;	     /* QR: module size, points */
};

/* Appended text pieces of one layout, each with its own font. */
struct txt {
	GString *s;	      /* UTF-8 text; g_string */
	PangoAttrList *attrs; /* fonts per byte range */
};

/* Everything one render needs; lives on the renderer's stack. */
struct ctx {
	cairo_surface_t *surface;  /* the PDF surface */
	cairo_t *cr;		   /* drawing context on surface */
	PangoContext *pango;	   /* 72 dpi, unhinted metrics */
	enum lang lang;		   /* LANG_EN adds English lines */
	double page_w, page_h;	   /* page size, points */
	double left, width;	   /* content column, points */
	double top, bottom;	   /* content area on each page */
	bool paginate;		   /* false: one page, grows down */
	double y;		   /* flow position on the current page */
	int page;		   /* current page, 0-based */
	struct item *items;	   /* display list; malloc() */
	size_t n_items, cap_items; /* used / allocated items */
	PangoLayout **layouts;	   /* every layout made; unref'd at the end */
	size_t n_layouts, cap_layouts; /* used / allocated layouts */
	QRcode *qr;		       /* receipt QR; QRcode_free() */
	PangoLayout *scratch;	       /* for measuring; g_object_unref() */
	bool oom;		       /* an allocation of ours failed */
	int err_no;		       /* errno for the failure */
	char err[DOCUMENT_ERR_LEN];    /* message for the failure */
};

/* One column of a row laid out side by side. */
struct col {
	PangoLayout *layout; /* the text; NULL = empty column */
	double x;	     /* offset from the content's left edge */
	double dy;	     /* drop below the row's top (baseline match) */
};

/* ---- static texts ------------------------------------------------------ */

static const struct text t_receipt_title = {"TANDA TERIMA", "RECEIPT"};
static const struct text t_receipt_sub = {
    "Permohonan Informasi Publik", "Receipt for a public information request"};
static const struct text t_regno = {"NOMOR REGISTRASI", "Registration number"};
static const struct text t_received = {"Diterima", "Received"};
static const struct text t_name = {"Nama pemohon", "Requester"};
static const struct text t_id = {"No. identitas", "ID number"};
static const struct text t_info = {"Informasi yang diminta",
				   "Information requested"};
static const struct text t_channel = {"Melalui", "Submitted via"};
static const struct text t_deadline = {"Pemberitahuan tertulis paling lambat",
				       "Written notification due by"};
static const struct text t_deadline_note = {
    "Dapat diperpanjang satu kali, paling lama 7 (tujuh) hari kerja, "
    "dengan pemberitahuan tertulis beserta alasannya.",
    "May be extended once by up to 7 working days; you will be told in "
    "writing, with the reasons."};
static const struct text t_next = {"Langkah selanjutnya", "What happens next"};
static const struct text t_next_text = {
    "Permohonan Anda diteruskan kepada PPID. Anda akan menerima "
    "pemberitahuan tertulis apakah informasi dapat diberikan, paling "
    "lambat pada tanggal di atas.",
    "Your request goes to the PPID (information officer). By the date "
    "above you will get a written notification saying whether the "
    "information can be given."};
static const struct text t_status = {
    "Cek status: pindai kode QR di bawah pada kiosk ini, atau tunjukkan "
    "tanda terima ini di meja layanan informasi.",
    "Status: scan the QR code below at this kiosk, or show this receipt "
    "at the information desk."};
static const struct text t_qr_caption = {"Pindai di kiosk untuk cek status",
					 "Scan at the kiosk to check status"};
static const struct text t_hours = {"Jam layanan", "Service hours"};
static const struct text t_free = {
    "Layanan informasi publik tidak dipungut biaya.\n"
    "Simpan tanda terima ini.",
    "The public information service is free of charge.\n"
    "Keep this receipt."};

static const struct text t_letter_title = {"PEMBERITAHUAN TERTULIS",
					   "Written notification"};
static const struct text t_number = {"Nomor", "Number"};
static const struct text t_intro_a = {
    "Berdasarkan permohonan informasi publik tanggal ",
    "Regarding your request for public information of "};
static const struct text t_intro_b = {" dengan nomor pendaftaran ",
				      ", registration number "};
static const struct text t_intro_c = {", kami sampaikan kepada:",
				      ", we write to:"};
static const struct text t_addr = {"Alamat", "Address"};
static const struct text t_contact = {"Nomor telepon / e-mail",
				      "Phone / e-mail"};
static const struct text t_name_l = {"Nama", "Name"};
static const struct text t_as_follows = {"Pemberitahuan sebagai berikut:",
					 "We inform you as follows:"};
static const struct text t_sec_info = {"Informasi yang diminta",
				       "Information requested"};
static const struct text t_purpose = {"Tujuan penggunaan", "Purpose"};
static const struct text t_sec_decision = {"Keputusan", "Decision"};
static const struct text t_granted = {"Informasi dapat diberikan seluruhnya.",
				      "The information can be given in full."};
static const struct text t_partial = {"Informasi dapat diberikan sebagian.",
				      "Part of the information can be given."};
static const struct text t_rejected = {
    "Informasi tidak dapat diberikan karena termasuk informasi yang "
    "dikecualikan.",
    "The information cannot be given: it is exempt information."};
static const struct text t_not_held = {
    "Informasi tidak dapat diberikan karena tidak dikuasai oleh badan "
    "publik ini.",
    "The information cannot be given: this public body does not hold "
    "it."};
static const struct text t_basis = {"Dasar hukum", "Legal basis"};
static const struct text t_details = {"Keterangan", "Details"};
static const struct text t_holder = {"Informasi dikuasai oleh", "Held by"};
static const struct text t_holder_unknown = {"belum diketahui", "not known"};
static const struct text t_sec_given = {"Informasi yang dapat diberikan",
					"Information to be given"};
static const struct text t_held_by = {"Penguasaan informasi", "Held by"};
static const struct text t_form = {"Bentuk fisik", "Form"};
static const struct text t_medium = {"Media", "Medium"};
static const struct text t_cost = {"Biaya", "Cost"};
static const struct text t_payment = {"Cara pembayaran", "Payment"};
static const struct text t_delivery = {"Cara penyampaian", "Delivery"};
static const struct text t_when = {"Waktu penyampaian", "When"};
static const struct text t_sec_reason = {"Alasan dan penjelasan", "Reasons"};
static const struct text t_objection = {
    "Apabila Saudara/i tidak puas dengan pemberitahuan ini, Saudara/i "
    "dapat mengajukan keberatan kepada atasan PPID paling lambat 30 (tiga "
    "puluh) hari kerja sejak pemberitahuan ini diterima (Pasal 35 dan 36 "
    "UU Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik).",
    "If you are not satisfied with this notification you may lodge an "
    "objection with the PPID's superior within 30 working days of "
    "receiving it (Articles 35 and 36 of Law 14/2008)."};
static const struct text t_ppid = {
    "Pejabat Pengelola Informasi dan Dokumentasi",
    "Information and Documentation Officer"};
static const struct text t_page = {"Halaman", "Page"};
static const struct text t_of = {"dari", "of"};
static const char *const free_cost = "Rp 0 (gratis)";
static const char *const free_payment = "Tidak ada pembayaran (gratis)";

/* ---- error reporting ---------------------------------------------------- */

static void fail(struct ctx *c, int err_no, const char *what, const char *msg)
{
	if (c->err[0])
		return; /* keep the first, root cause */
	c->err_no = err_no;
	snprintf(c->err, sizeof(c->err), "%s: %s", what, msg);
}

/* ---- output buffer ------------------------------------------------------ */

static cairo_status_t buf_write(void *closure, const unsigned char *data,
				unsigned int length)
{
	struct doc_buf *b = closure;

	if (length > b->cap - b->len) {
		size_t cap = b->cap ? b->cap : 32768;
		unsigned char *p;

		while (cap - b->len < length) {
			if (cap > SIZE_MAX / 2)
				return CAIRO_STATUS_WRITE_ERROR;
			cap *= 2;
		}
		p = realloc(b->data, cap);
		if (!p)
			return CAIRO_STATUS_WRITE_ERROR;
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, length);
	b->len += length;
	return CAIRO_STATUS_SUCCESS;
}

void document_buf_free(struct doc_buf *buf)
{
	if (!buf)
		return;
	free(buf->data);
	memset(buf, 0, sizeof(*buf));
}

int document_buf_save(const struct doc_buf *buf, const char *path)
{
	char tmp[PATH_MAX];
	size_t off = 0;
	int fd, saved;

	if (!buf || !buf->data || !path) {
		errno = EINVAL;
		return -1;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.tmpXXXXXX", path) >=
	    (int)sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return -1;
	while (off < buf->len) {
		ssize_t n = write(fd, buf->data + off, buf->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto err_unlink;
		off += (size_t)n;
	}
	if (fsync(fd) < 0)
		goto err_unlink;
	if (close(fd) < 0) {
		fd = -1;
		goto err_unlink;
	}
	fd = -1;
	if (rename(tmp, path) < 0)
		goto err_unlink;
	return 0;

err_unlink:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = saved;
	return -1;
}

/* ---- text cleaning -------------------------------------------------------- */

static bool is_bidi_control(gunichar u)
{
	return u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e) ||
	       (u >= 0x2066 && u <= 0x2069);
}

/*
 * User text as pango may take it: valid UTF-8, no control characters (a
 * newline survives only in multi-line fields), no bidi overrides that could
 * make printed text read differently from what was typed, at most
 * DOCUMENT_FIELD_MAX bytes.  Returns g_malloc()ed text.
 */
static char *clean_text(const char *in, bool multiline)
{
	size_t n;
	bool cut;
	char *valid;
	GString *s;

	if (!in)
		return g_strdup("");
	n = strnlen(in, DOCUMENT_FIELD_MAX + 1);
	cut = n > DOCUMENT_FIELD_MAX;
	if (cut) {
		n = DOCUMENT_FIELD_MAX;
		while (n > 0 && ((unsigned char)in[n] & 0xc0) == 0x80)
			n--;
	}
	valid = g_utf8_make_valid(in, (gssize)n);
	s = g_string_sized_new(n + 4);
	for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
		gunichar u = g_utf8_get_char(p);

		if (u == '\r') {
			if (p[1] != '\n')
				g_string_append_c(s, multiline ? '\n' : ' ');
		} else if (u == '\n') {
			g_string_append_c(s, multiline ? '\n' : ' ');
		} else if (g_unichar_iscntrl(u) || is_bidi_control(u)) {
			g_string_append_c(s, ' ');
		} else {
			g_string_append_unichar(s, u);
		}
	}
	g_free(valid);
	if (cut)
		g_string_append(s, "\u2026");
	return g_strstrip(g_string_free(s, FALSE));
}

static bool empty(const char *s)
{
	return !s || !*s;
}

/*
 * Defence in depth for personal data: whatever the caller passed as the
 * "masked" ID, keep at most the first 4 and last 4 of its digits.  A value
 * with 8 digits or fewer (already masked, a passport number) is unchanged.
 */
static char *mask_id(const char *in)
{
	char *s = clean_text(in, false);
	size_t digits = 0, k = 0;

	for (const char *p = s; *p; p++)
		digits += *p >= '0' && *p <= '9';
	if (digits <= 8)
		return s;
	for (char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			continue;
		if (k >= 4 && k < digits - 4)
			*p = '*';
		k++;
	}
	return s;
}

/* ---- text building ---------------------------------------------------------- */

static void txt_init(struct txt *t)
{
	t->s = g_string_new(NULL);
	t->attrs = pango_attr_list_new();
}

/* Append @p text (trusted or cleaned) in the given weight and size. */
static void txt_add(struct txt *t, const char *text, enum weight w, double size)
{
	PangoFontDescription *fd;
	PangoAttribute *a;
	size_t start = t->s->len;

	if (!text || !*text)
		return;
	g_string_append(t->s, text);
	fd = pango_font_description_new();
	pango_font_description_set_family_static(fd, FONT_FAMILY);
	pango_font_description_set_weight(
	    fd, w == W_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_size(fd, (gint)lround(size * PS));
	a = pango_attr_font_desc_new(fd);
	pango_font_description_free(fd);
	a->start_index = (guint)start;
	a->end_index = (guint)t->s->len;
	pango_attr_list_insert(t->attrs, a);
}

/* Append user text after cleaning it. */
static void txt_add_user(struct txt *t, const char *text, bool multiline,
			 enum weight w, double size)
{
	char *s = clean_text(text, multiline);

	txt_add(t, s, w, size);
	g_free(s);
}

static void txt_underline(struct txt *t, size_t start)
{
	PangoAttribute *a = pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);

	a->start_index = (guint)start;
	a->end_index = (guint)t->s->len;
	pango_attr_list_insert(t->attrs, a);
}

/* Indonesian text, plus the English line under it when asked for. */
static void txt_add_text(struct txt *t, enum lang lang, const struct text *m,
			 enum weight w, double size, double en_size)
{
	txt_add(t, m->id, w, size);
	if (lang == LANG_EN) {
		txt_add(t, "\n", W_REG, en_size);
		txt_add(t, m->en, W_REG, en_size);
	}
}

/* ---- layouts and the display list ------------------------------------------ */

static struct item *item_add(struct ctx *c, enum item_kind kind)
{
	struct item *it;

	if (c->n_items == c->cap_items) {
		size_t cap = c->cap_items ? c->cap_items * 2 : 64;
		struct item *p = realloc(c->items, cap * sizeof(*p));

		if (!p) {
			c->oom = true;
			return NULL;
		}
		c->items = p;
		c->cap_items = cap;
	}
	it = &c->items[c->n_items++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->page = c->page;
	it->nlines = -1;
	return it;
}

/*
 * Cut @p l's text after @p max lines, ending with "…".  Done by hand, not
 * with pango's ellipsizing: that hides the rest of the text but still
 * writes all of it into the PDF (as the ellipsis glyph's ActualText).
 */
static void cut_lines(PangoLayout *l, int max)
{
	PangoLayoutLine *line;
	GString *s;

	if (pango_layout_get_line_count(l) <= max)
		return;
	line = pango_layout_get_line_readonly(l, max - 1);
	s = g_string_new_len(pango_layout_get_text(l),
			     line->start_index + line->length);
	for (;;) {
		const char *sp;

		while (s->len > 0 && strchr(" ,;:", s->str[s->len - 1]))
			g_string_truncate(s, s->len - 1);
		g_string_append(s, "\u2026");
		pango_layout_set_text(l, s->str, (int)s->len);
		if (pango_layout_get_line_count(l) <= max || s->len <= 3)
			break;
		/* Still too long: drop the last word (or character). */
		g_string_truncate(s, s->len - 3);
		sp = strrchr(s->str, ' ');
		if (sp && sp > s->str && s->str + s->len - sp < 24)
			g_string_truncate(s, (size_t)(sp - s->str));
		else if (s->len > 0)
			g_string_truncate(
			    s, (size_t)(g_utf8_find_prev_char(s->str,
							      s->str + s->len) -
					s->str));
	}
	g_string_free(s, TRUE);
}

/*
 * Turn @p t (consumed) into a layout @p width wide.  @p max_lines > 0 cuts
 * the text with an ellipsis after that many lines.
 */
static PangoLayout *layout_make(struct ctx *c, struct txt *t, double width,
				PangoAlignment align, int max_lines)
{
	PangoLayout *l = pango_layout_new(c->pango);
	PangoFontDescription *fd =
	    pango_font_description_from_string(FONT_FAMILY " 9");

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, t->s->str, (int)t->s->len);
	pango_layout_set_attributes(l, t->attrs);
	pango_layout_set_width(l, (int)lround(width * PS));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	if (max_lines > 0)
		cut_lines(l, max_lines);
	pango_attr_list_unref(t->attrs);
	g_string_free(t->s, TRUE);
	t->attrs = NULL;
	t->s = NULL;

	if (c->n_layouts == c->cap_layouts) {
		size_t cap = c->cap_layouts ? c->cap_layouts * 2 : 64;
		PangoLayout **p = realloc(c->layouts, cap * sizeof(*p));

		if (!p) {
			c->oom = true;
			g_object_unref(l);
			return NULL;
		}
		c->layouts = p;
		c->cap_layouts = cap;
	}
	c->layouts[c->n_layouts++] = l;
	return l;
}

static double layout_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return h / PS;
}

static double layout_width(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return w / PS;
}

static void new_page(struct ctx *c)
{
	c->page++;
	c->y = c->top;
}

/* Vertical space; swallowed at the top of a page. */
static void flow_gap(struct ctx *c, double pts)
{
	if (c->paginate && c->y + pts > c->bottom)
		new_page(c);
	else if (!c->paginate || c->y > c->top)
		c->y += pts;
}

/* Start a new page unless @p h points still fit on this one. */
static void flow_need(struct ctx *c, double h)
{
	if (c->paginate && c->y + h > c->bottom && c->y > c->top)
		new_page(c);
}

/*
 * How many lines of @p l from @p line0 fit in @p avail points; their
 * height goes to @p used.
 */
static int lines_fitting(PangoLayout *l, int line0, double avail, double *used)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0, n = 0;
	double top = 0;

	*used = 0;
	do {
		PangoRectangle r;
		double y0, y1;

		if (i++ < line0)
			continue;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		y0 = r.y / PS;
		y1 = (r.y + r.height) / PS;
		if (n == 0)
			top = y0;
		if (y1 - top > avail)
			break;
		*used = y1 - top;
		n++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return n;
}

static void text_item(struct ctx *c, PangoLayout *l, double x, double dy,
		      int line0, int nlines)
{
	struct item *it = item_add(c, ITEM_TEXT);

	if (!it)
		return;
	it->x = c->left + x;
	it->y = c->y + dy;
	it->layout = l;
	it->line0 = line0;
	it->nlines = nlines;
}

/*
 * Place layouts side by side at the flow position.  On a paginated
 * document the row breaks between lines across pages, never leaving a
 * single line of a column alone at the foot of a page.
 */
static void flow_row(struct ctx *c, const struct col *cols, int n)
{
	int line0[4] = {0}, total[4] = {0};
	bool first = true;

	if (n > 4)
		n = 4;
	for (int i = 0; i < n; i++)
		if (cols[i].layout)
			total[i] = pango_layout_get_line_count(cols[i].layout);

	if (!c->paginate) {
		double h = 0;

		for (int i = 0; i < n; i++) {
			if (!cols[i].layout)
				continue;
			text_item(c, cols[i].layout, cols[i].x, cols[i].dy, 0,
				  -1);
			h = fmax(h, cols[i].dy + layout_height(cols[i].layout));
		}
		c->y += h;
		return;
	}

	for (;;) {
		double avail = c->bottom - c->y, hmax = 0;
		int nfit[4] = {0}, most = 0;
		bool done = true, any = false;

		for (int i = 0; i < n; i++) {
			double used;

			if (!cols[i].layout || line0[i] >= total[i])
				continue;
			nfit[i] = lines_fitting(cols[i].layout, line0[i], avail,
						&used);
			if (nfit[i] < total[i] - line0[i])
				done = false;
			if (nfit[i] > 0)
				any = true;
			most = nfit[i] > most ? nfit[i] : most;
			hmax = fmax(hmax, used);
		}
		if (!done && c->y > c->top && (!any || (first && most < 2))) {
			new_page(c);
			continue;
		}
		if (!any) {
			/* A line taller than a page: draw it anyway. */
			for (int i = 0; i < n; i++)
				if (cols[i].layout && line0[i] < total[i])
					nfit[i] = 1;
			hmax = avail;
		}
		for (int i = 0; i < n; i++) {
			if (nfit[i] == 0)
				continue;
			text_item(c, cols[i].layout, cols[i].x,
				  first ? cols[i].dy : 0, line0[i],
				  nfit[i] == total[i] ? -1 : nfit[i]);
			line0[i] += nfit[i];
		}
		c->y += hmax;
		first = false;
		if (done)
			return;
		new_page(c);
	}
}

static void flow_text(struct ctx *c, PangoLayout *l, double x)
{
	struct col col = {l, x, 0};

	if (l)
		flow_row(c, &col, 1);
}

static void flow_rule(struct ctx *c, double x, double len, double lw,
		      bool dashed)
{
	struct item *it = item_add(c, ITEM_RULE);

	if (!it)
		return;
	it->x = c->left + x;
	it->y = c->y + lw / 2;
	it->w = len;
	it->h = lw;
	it->dashed = dashed;
	c->y += lw;
}

/* ---- drawing ------------------------------------------------------------------ */

static void draw_lines(cairo_t *cr, PangoLayout *l, double x, double y,
		       int line0, int nlines)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0;
	double top = 0;

	do {
		PangoRectangle r;
		int base;

		if (i < line0) {
			i++;
			continue;
		}
		if (i >= line0 + nlines)
			break;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		base = pango_layout_iter_get_baseline(it);
		if (i == line0)
			top = r.y / PS;
		cairo_move_to(cr, x + r.x / PS, y + base / PS - top);
		pango_cairo_show_layout_line(
		    cr, pango_layout_iter_get_line_readonly(it));
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void draw_qr(cairo_t *cr, const QRcode *q, double x, double y, double m)
{
	/*
	 * One path, filled once: no hairline seams between modules.  Each
	 * run of dark modules in a row is one rectangle, which keeps the PDF
	 * content stream (and the time spent writing it) small.
	 */
	for (int r = 0; r < q->width; r++) {
		const unsigned char *row = q->data + r * q->width;

		for (int col = 0; col < q->width;) {
			int end = col;

			if (!(row[col] & 1)) {
				col++;
				continue;
			}
			while (end < q->width && (row[end] & 1))
				end++;
			cairo_rectangle(cr, x + (col + QR_QUIET) * m,
					y + (r + QR_QUIET) * m, (end - col) * m,
					m);
			col = end;
		}
	}
	cairo_fill(cr);
}

static void draw_item(struct ctx *c, const struct item *it)
{
	cairo_t *cr = c->cr;

	switch (it->kind) {
	case ITEM_TEXT:
		if (it->nlines < 0) {
			cairo_move_to(cr, it->x, it->y);
			pango_cairo_show_layout(cr, it->layout);
		} else {
			draw_lines(cr, it->layout, it->x, it->y, it->line0,
				   it->nlines);
		}
		break;
	case ITEM_RULE:
		cairo_save(cr);
		cairo_set_line_width(cr, it->h);
		if (it->dashed) {
			static const double dash[] = {2.0, 2.0};

			cairo_set_dash(cr, dash, 2, 0);
		}
		cairo_move_to(cr, it->x, it->y);
		cairo_rel_line_to(cr, it->w, 0);
		cairo_stroke(cr);
		cairo_restore(cr);
		break;
	case ITEM_RECT:
		cairo_save(cr);
		cairo_set_line_width(cr, 0.9);
		cairo_rectangle(cr, it->x, it->y, it->w, it->h);
		cairo_stroke(cr);
		cairo_restore(cr);
		break;
	case ITEM_QR:
		draw_qr(cr, c->qr, it->x, it->y, it->module);
		break;
	}
}

/* Draw every page of the display list; @p footer adds per-page items. */
static void draw_all(struct ctx *c, int pages,
		     void (*footer)(struct ctx *, int page, int pages,
				    const void *arg),
		     const void *arg)
{
	cairo_set_source_rgb(c->cr, 0, 0, 0);
	for (int p = 0; p < pages; p++) {
		if (footer) {
			size_t mark = c->n_items;

			footer(c, p, pages, arg);
			for (size_t i = mark; i < c->n_items; i++)
				draw_item(c, &c->items[i]);
			c->n_items = mark;
		}
		for (size_t i = 0; i < c->n_items; i++)
			if (c->items[i].page == p)
				draw_item(c, &c->items[i]);
		cairo_show_page(c->cr);
	}
}

/* ---- render frame ------------------------------------------------------------ */

static int ctx_open(struct ctx *c, struct doc_buf *tmp, double w, double h,
		    enum lang lang, const char *title)
{
	cairo_font_options_t *fo;

	memset(c, 0, sizeof(*c));
	c->lang = lang == LANG_EN ? LANG_EN : LANG_ID;
	c->page_w = w;
	c->page_h = h;
	c->surface = cairo_pdf_surface_create_for_stream(buf_write, tmp, w, h);
	if (cairo_surface_status(c->surface) != CAIRO_STATUS_SUCCESS) {
		fail(c, ENOMEM, "cairo",
		     cairo_status_to_string(cairo_surface_status(c->surface)));
		return -1;
	}
	cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_TITLE,
				       title);
	cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_CREATOR,
				       "ppid-kiosk");
	c->cr = cairo_create(c->surface);
	if (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS) {
		fail(c, ENOMEM, "cairo",
		     cairo_status_to_string(cairo_status(c->cr)));
		return -1;
	}

	/*
	 * pango-cairo assumes 96 dpi; at 72 a "9" is a 9 pt glyph.  Unhinted
	 * metrics keep the layout the same whatever the output device.
	 */
	c->pango = pango_cairo_create_context(c->cr);
	pango_cairo_context_set_resolution(c->pango, 72);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(c->pango, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(c->pango, pango_language_from_string("id"));
	/* At 72 dpi a "pixel" is a whole point: rounding glyph positions to
	   it spaces letters unevenly (and bloats the PDF with kerning). */
	pango_context_set_round_glyph_positions(c->pango, FALSE);
	return 0;
}

/*
 * Finish the PDF into @p tmp; release everything.  Returns 0 or -1 with
 * the failure recorded in @p c.
 */
static int ctx_close(struct ctx *c)
{
	cairo_status_t st;

	for (size_t i = 0; i < c->n_layouts; i++)
		g_object_unref(c->layouts[i]);
	free(c->layouts);
	free(c->items);
	if (c->qr)
		QRcode_free(c->qr);
	if (c->scratch)
		g_object_unref(c->scratch);
	if (c->pango)
		g_object_unref(c->pango);
	if (c->cr) {
		st = cairo_status(c->cr);
		if (st != CAIRO_STATUS_SUCCESS)
			fail(c, st == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO,
			     "cairo", cairo_status_to_string(st));
		cairo_destroy(c->cr);
	}
	if (c->surface) {
		cairo_surface_finish(c->surface);
		st = cairo_surface_status(c->surface);
		if (st != CAIRO_STATUS_SUCCESS)
			fail(c,
			     st == CAIRO_STATUS_NO_MEMORY ||
				     st == CAIRO_STATUS_WRITE_ERROR
				 ? ENOMEM
				 : EIO,
			     "cairo", cairo_status_to_string(st));
		cairo_surface_destroy(c->surface);
	}
	if (c->oom)
		fail(c, ENOMEM, "document", "out of memory");
	return c->err[0] ? -1 : 0;
}

/* Hand the finished bytes to @p out, or report @p c's failure. */
static int finish(struct ctx *c, struct doc_buf *tmp, struct doc_buf *out,
		  const char *what, int pages, double w, double h)
{
	int rc = ctx_close(c);

	if (rc < 0) {
		document_buf_free(tmp);
		snprintf(out->err, sizeof(out->err), "%s", c->err);
		log_err("%s: %s", what, c->err);
		errno = c->err_no ? c->err_no : EIO;
		return -1;
	}
	*out = *tmp;
	out->pages = pages;
	out->width_pt = w;
	out->height_pt = h;
	out->err[0] = '\0';
	return 0;
}

/* Fail before any cairo object exists (bad view). */
static int refuse(struct doc_buf *out, const char *what, const char *msg)
{
	snprintf(out->err, sizeof(out->err), "%s: %s", what, msg);
	log_err("%s: %s", what, msg);
	errno = EINVAL;
	return -1;
}

/* ---- receipt ------------------------------------------------------------------ */

/* Natural one-line width of @p text in points. */
static double text_width(struct ctx *c, const char *text, enum weight w,
			 double size)
{
	struct txt t;
	double width;

	if (!c->scratch)
		c->scratch = pango_layout_new(c->pango);
	txt_init(&t);
	txt_add(&t, text, w, size);
	pango_layout_set_text(c->scratch, t.s->str, (int)t.s->len);
	pango_layout_set_attributes(c->scratch, t.attrs);
	width = layout_width(c->scratch);
	pango_attr_list_unref(t.attrs);
	g_string_free(t.s, TRUE);
	return width;
}

/* Label (with its English line) and value; side by side on wide paper. */
static void receipt_field(struct ctx *c, double label_w,
			  const struct text *label, const char *value,
			  enum weight vw, double vsize, int max_lines)
{
	const double gap = 6;
	struct txt lt, vt;
	struct col cols[2];

	if (empty(value))
		return;
	txt_init(&lt);
	txt_add_text(&lt, c->lang, label, W_BOLD, 7.5, 6.5);
	txt_init(&vt);
	txt_add_user(&vt, value, false, vw, vsize);
	if (label_w > 0) {
		cols[0].layout =
		    layout_make(c, &lt, label_w, PANGO_ALIGN_LEFT, 0);
		cols[0].x = 0;
		cols[1].layout = layout_make(c, &vt, c->width - label_w - gap,
					     PANGO_ALIGN_LEFT, max_lines);
		cols[1].x = label_w + gap;
		cols[0].dy = cols[1].dy = 0;
		/* Line the label's first baseline up with the value's. */
		if (cols[0].layout && cols[1].layout)
			cols[0].dy =
			    (pango_layout_get_baseline(cols[1].layout) -
			     pango_layout_get_baseline(cols[0].layout)) /
			    PS;
		flow_row(c, cols, 2);
	} else {
		flow_text(c, layout_make(c, &lt, c->width, PANGO_ALIGN_LEFT, 0),
			  0);
		c->y += 1;
		flow_text(
		    c,
		    layout_make(c, &vt, c->width, PANGO_ALIGN_LEFT, max_lines),
		    0);
	}
	c->y += 5;
}

/*
 * Lay the registration number out as large as the column allows: one line
 * of 13..20 pt, else two lines broken after a '/' (never inside a part such
 * as "KPU-BKL"), else whatever fits.  Writes the text with its line breaks
 * to @p out and returns the size in points.
 */
static double regno_fit(struct ctx *c, const char *regno, double avail,
			GString *out)
{
	const double ref = 20;
	double full = text_width(c, regno, W_BOLD, ref);
	double size;

	g_string_assign(out, regno);
	size = floor(ref * avail / full * 2) / 2;
	if (size >= 13)
		return fmin(size, ref);

	/* Two lines at the largest size that fits, split after a '/'. */
	for (size = 18; size >= 11; size -= 0.5) {
		const char *best = NULL;

		for (const char *p = strchr(regno, '/'); p;
		     p = strchr(p + 1, '/')) {
			char *head = g_strndup(regno, (gsize)(p + 1 - regno));
			bool fits =
			    text_width(c, head, W_BOLD, size) <= avail &&
			    text_width(c, p + 1, W_BOLD, size) <= avail;

			g_free(head);
			if (fits &&
			    (!best || p - regno <= (long)strlen(regno) / 2 + 4))
				best = p;
		}
		if (best) {
			g_string_assign(out, "");
			g_string_append_len(out, regno,
					    (gssize)(best + 1 - regno));
			g_string_append_c(out, '\n');
			g_string_append(out, best + 1);
			return size;
		}
	}
	return fmax(8, floor(ref * avail / full * 2) / 2);
}

/* The registration number, large, in a box. */
static void receipt_regno(struct ctx *c, const char *regno)
{
	const double pad = 5;
	char *clean = clean_text(regno, false);
	GString *text = g_string_new(NULL);
	double size, y0;
	struct txt t;
	struct item *box;

	size = regno_fit(c, clean, c->width - 2 * pad - 2, text);
	box = item_add(c, ITEM_RECT);
	y0 = c->y;
	c->y += pad;
	txt_init(&t);
	txt_add_text(&t, c->lang, &t_regno, W_REG, 7, 6.5);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 2;
	txt_init(&t);
	txt_add(&t, text->str, W_BOLD, size);
	flow_text(c,
		  layout_make(c, &t, c->width - 2 * pad, PANGO_ALIGN_CENTER, 0),
		  pad);
	c->y += pad;
	if (box) {
		box->x = c->left + 0.45;
		box->y = y0;
		box->w = c->width - 0.9;
		box->h = c->y - y0;
	}
	g_string_free(text, TRUE);
	g_free(clean);
}

/* The QR symbol centred, modules of whole 203 dpi dots, on the dot grid. */
static void receipt_qr(struct ctx *c)
{
	int n = c->qr->width + 2 * QR_QUIET;
	double max = fmin(QR_MAX_MM * PT_PER_MM, c->width);
	int dots = (int)floor(max / (n * DOT_PT));
	struct item *it;
	double size, x;

	if (dots > QR_MAX_DOTS)
		dots = QR_MAX_DOTS;
	if (dots < QR_MIN_DOTS) {
		fail(c, ERANGE, "receipt",
		     "QR payload too long for the paper width");
		return;
	}
	size = n * dots * DOT_PT;
	x = c->left + (c->width - size) / 2;
	it = item_add(c, ITEM_QR);
	if (!it)
		return;
	it->x = round(x / DOT_PT) * DOT_PT;
	it->y = round(c->y / DOT_PT) * DOT_PT;
	it->module = dots * DOT_PT;
	it->w = it->h = size;
	c->y = it->y + size;
}

static int receipt_check(const struct doc_receipt *r, const char **why)
{
	static const struct {
		size_t off;	  /* offset of the field */
		const char *name; /* for the message */
	} req[] = {
	    {offsetof(struct doc_receipt, office_name), "office_name"},
	    {offsetof(struct doc_receipt, regno), "regno"},
	    {offsetof(struct doc_receipt, received), "received"},
	    {offsetof(struct doc_receipt, name), "name"},
	    {offsetof(struct doc_receipt, info), "info"},
	    {offsetof(struct doc_receipt, deadline), "deadline"},
	    {offsetof(struct doc_receipt, qr_payload), "qr_payload"},
	};

	for (size_t i = 0; i < sizeof(req) / sizeof(req[0]); i++) {
		const char *v;

		memcpy(&v, (const char *)r + req[i].off, sizeof(v));
		if (empty(v)) {
			*why = req[i].name;
			return -1;
		}
	}
	if (r->paper_mm != 0 && r->paper_mm != 58 && r->paper_mm != 80) {
		*why = "paper_mm (58 or 80)";
		return -1;
	}
	return 0;
}

static void receipt_build(struct ctx *c, const struct doc_receipt *r, bool wide)
{
	const double big = wide ? 10.5 : 9.5;
	double label_w = 0;
	struct txt t;
	char *id;

	/* Letterhead. */
	txt_init(&t);
	txt_add_user(&t, r->office_name, false, W_BOLD, big);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	if (!empty(r->office_address)) {
		c->y += 1;
		txt_init(&t);
		txt_add_user(&t, r->office_address, true, W_REG, 7);
		flow_text(
		    c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	}
	c->y += 5;
	flow_rule(c, 0, c->width, 1.2, false);
	c->y += 6;

	/* Title. */
	txt_init(&t);
	txt_add(&t, t_receipt_title.id, W_BOLD, wide ? 13 : 12);
	txt_add(&t, "\n", W_REG, 9);
	txt_add(&t, t_receipt_sub.id, W_REG, wide ? 9 : 8.5);
	if (c->lang == LANG_EN) {
		txt_add(&t, "\n", W_REG, 7);
		txt_add(&t, t_receipt_sub.en, W_REG, 7);
	}
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 7;

	receipt_regno(c, r->regno);
	c->y += 8;

	/* Who, when, how: labels beside values on 80 mm, above on 58. */
	if (wide) {
		static const struct text *const labels[] = {
		    &t_received, &t_name, &t_id, &t_channel};

		for (size_t i = 0; i < 4; i++) {
			label_w = fmax(
			    label_w, text_width(c, labels[i]->id, W_BOLD, 7.5));
			if (c->lang == LANG_EN)
				label_w =
				    fmax(label_w, text_width(c, labels[i]->en,
							     W_REG, 6.5));
		}
		label_w = fmin(ceil(label_w) + 1, c->width * 0.4);
	}
	id = mask_id(r->id_masked);
	receipt_field(c, label_w, &t_received, r->received, W_REG, 8.5, 0);
	receipt_field(c, label_w, &t_name, r->name, W_BOLD, 8.5, 3);
	receipt_field(c, label_w, &t_id, id, W_REG, 8.5, 0);
	receipt_field(c, label_w, &t_channel, r->channel, W_REG, 8.5, 2);
	g_free(id);

	/* The request, cut after info_max_lines. */
	txt_init(&t);
	txt_add_text(&t, c->lang, &t_info, W_BOLD, 7.5, 6.5);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	c->y += 1;
	txt_init(&t);
	txt_add_user(&t, r->info, false, W_REG, 8.5);
	flow_text(c,
		  layout_make(c, &t, c->width, PANGO_ALIGN_LEFT,
			      r->info_max_lines > 0 ? r->info_max_lines
						    : DOCUMENT_INFO_LINES),
		  0);
	c->y += 7;

	/* The deadline, prominent, with the extension rule. */
	flow_rule(c, 0, c->width, 0.6, true);
	c->y += 6;
	txt_init(&t);
	txt_add_text(&t, c->lang, &t_deadline, W_BOLD, 7.5, 6.5);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 1;
	txt_init(&t);
	txt_add_user(&t, r->deadline, false, W_BOLD, wide ? 12 : 11);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 2;
	txt_init(&t);
	if (empty(r->deadline_note))
		txt_add_text(&t, c->lang, &t_deadline_note, W_REG, 7, 6.5);
	else
		txt_add_user(&t, r->deadline_note, true, W_REG, 7);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 6;
	flow_rule(c, 0, c->width, 0.6, true);
	c->y += 6;

	/* What happens next; how to check the status. */
	txt_init(&t);
	txt_add_text(&t, c->lang, &t_next, W_BOLD, 8, 6.5);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	c->y += 2;
	txt_init(&t);
	txt_add_text(&t, c->lang, &t_next_text, W_REG, 7.5, 6.5);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	c->y += 3;
	txt_init(&t);
	if (empty(r->status_hint))
		txt_add_text(&t, c->lang, &t_status, W_REG, 7.5, 6.5);
	else
		txt_add_user(&t, r->status_hint, true, W_REG, 7.5);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	c->y += 2;

	receipt_qr(c);
	txt_init(&t);
	txt_add_text(&t, c->lang, &t_qr_caption, W_REG, 7, 6.5);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 6;

	/* Footer. */
	flow_rule(c, 0, c->width, 0.6, false);
	c->y += 4;
	txt_init(&t);
	if (!empty(r->office_hours)) {
		txt_add(&t, t_hours.id, W_BOLD, 7);
		txt_add(&t, ": ", W_BOLD, 7);
		txt_add_user(&t, r->office_hours, false, W_REG, 7);
		if (c->lang == LANG_EN) {
			txt_add(&t, "\n", W_REG, 6.5);
			txt_add(&t, t_hours.en, W_REG, 6.5);
			txt_add(&t, ": ", W_REG, 6.5);
			txt_add_user(&t, r->office_hours, false, W_REG, 6.5);
		}
		txt_add(&t, "\n", W_REG, 7);
	}
	txt_add_text(&t, c->lang, &t_free, W_REG, 7, 6.5);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
}

int document_render_receipt(const struct doc_receipt *r, struct doc_buf *out)
{
	struct doc_buf tmp = {0};
	struct ctx c;
	const char *why = NULL;
	bool wide;
	double side, w, h;

	if (!out) {
		errno = EINVAL;
		return -1;
	}
	document_buf_free(out);
	if (!r || receipt_check(r, &why) < 0)
		return refuse(out, "receipt", why ? why : "no view");
	wide = r->paper_mm != 58;
	w = (wide ? 80 : 58) * PT_PER_MM;
	/* 72 mm = 576 dots on 80 mm paper, 48 mm = 384 dots on 58 mm. */
	side = (wide ? 4 : 5) * PT_PER_MM;

	if (ctx_open(&c, &tmp, w, PROVISIONAL_H, r->lang,
		     "Tanda Terima Permohonan Informasi Publik") < 0)
		goto out;
	c.left = side;
	c.width = w - 2 * side;
	c.top = c.y = 4 * PT_PER_MM;
	c.bottom = HUGE_VAL;
	c.paginate = false;

	c.qr =
	    QRcode_encodeString(r->qr_payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!c.qr) {
		fail(&c,
		     errno == ERANGE ? ERANGE
		     : errno	     ? errno
				     : EINVAL,
		     "receipt QR", strerror(errno ? errno : EINVAL));
		goto out;
	}
	receipt_build(&c, r, wide);
	if (c.err[0] || c.oom)
		goto out;

	/* The page is as tall as its content: set before the first draw. */
	h = ceil(c.y + 6 * PT_PER_MM);
	cairo_pdf_surface_set_size(c.surface, w, h);
	draw_all(&c, 1, NULL, NULL);
	return finish(&c, &tmp, out, "receipt", 1, w, h);
out:
	return finish(&c, &tmp, out, "receipt", 0, 0, 0);
}

/* ---- written notification ------------------------------------------------- */

enum decision {
	DEC_GRANTED = 0, /* "granted" */
	DEC_PARTIAL,	 /* "partial" */
	DEC_REJECTED,	 /* "rejected" */
	DEC_NOT_HELD,	 /* "not_held" */
};

static int decision_parse(const char *key)
{
	static const char *const keys[] = {"granted", "partial", "rejected",
					   "not_held"};

	for (int i = 0; key && i < 4; i++)
		if (strcmp(key, keys[i]) == 0)
			return i;
	return -1;
}

#define L_BODY	 10.5 /* body text */
#define L_GLOSS	 8.5  /* English gloss */
#define L_LABEL	 150  /* label column width */
#define L_INDENT 14   /* body under a heading */
#define L_BLOCK	 160  /* longer values go under their label */

/*
 * "Label : value" table row, @p indent points in; the value may be
 * multi-line.  A long value goes under its label as a paragraph instead,
 * so it gets the full width.
 */
static void letter_row(struct ctx *c, double indent, const struct text *label,
		       const char *value, bool multiline, enum weight vw)
{
	const double label_w = L_LABEL - indent;
	struct txt lt, ct, vt;
	struct col cols[3];
	bool block = !empty(value) && strlen(value) > L_BLOCK;

	txt_init(&lt);
	txt_add_text(&lt, c->lang, label, W_REG, L_BODY, L_GLOSS);
	txt_init(&ct);
	txt_add(&ct, ":", W_REG, L_BODY);
	txt_init(&vt);
	if (empty(value))
		txt_add(&vt, "-", W_REG, L_BODY);
	else
		txt_add_user(&vt, value, multiline, vw, L_BODY);
	if (block) {
		PangoLayout *head =
		    layout_make(c, &lt, c->width - indent, PANGO_ALIGN_LEFT, 0);
		PangoLayout *l =
		    layout_make(c, &vt, c->width - indent, PANGO_ALIGN_LEFT, 0);

		pango_attr_list_unref(ct.attrs);
		g_string_free(ct.s, TRUE);
		if (!head || !l)
			return;
		flow_need(c, layout_height(head) + 3 * L_BODY * 1.3);
		flow_text(c, head, indent);
		c->y += 2;
		pango_layout_set_justify(l, TRUE);
		flow_text(c, l, indent);
		c->y += 3;
		return;
	}
	cols[0].layout = layout_make(c, &lt, label_w - 8, PANGO_ALIGN_LEFT, 0);
	cols[0].x = indent;
	cols[1].layout = layout_make(c, &ct, 8, PANGO_ALIGN_LEFT, 0);
	cols[1].x = L_LABEL - 6;
	cols[2].layout =
	    layout_make(c, &vt, c->width - L_LABEL, PANGO_ALIGN_LEFT, 0);
	cols[2].x = L_LABEL;
	cols[0].dy = cols[1].dy = cols[2].dy = 0;
	flow_row(c, cols, 3);
	c->y += 3;
}

/* "A. Heading" kept with what follows it. */
static void letter_heading(struct ctx *c, char letter, const struct text *m)
{
	char prefix[4] = {letter, '.', ' ', '\0'};
	struct txt t;
	PangoLayout *l;

	txt_init(&t);
	txt_add(&t, prefix, W_BOLD, L_BODY);
	txt_add(&t, m->id, W_BOLD, L_BODY);
	if (c->lang == LANG_EN) {
		txt_add(&t, "\n", W_REG, L_GLOSS);
		txt_add(&t, m->en, W_REG, L_GLOSS);
	}
	l = layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0);
	if (!l)
		return;
	flow_gap(c, 9);
	flow_need(c, layout_height(l) + 3 * L_BODY * 1.3);
	flow_text(c, l, 0);
	c->y += 4;
}

/* A paragraph of user text, indented under a heading. */
static void letter_para(struct ctx *c, const char *value, enum weight w)
{
	struct txt t;
	PangoLayout *l;

	txt_init(&t);
	txt_add_user(&t, value, true, w, L_BODY);
	l = layout_make(c, &t, c->width - L_INDENT, PANGO_ALIGN_LEFT, 0);
	if (l)
		pango_layout_set_justify(l, TRUE);
	flow_text(c, l, L_INDENT);
	c->y += 4;
}

/* Indonesian sentence (+ English gloss), indented under a heading. */
static void letter_sentence(struct ctx *c, const struct text *m, enum weight w)
{
	struct txt t;

	txt_init(&t);
	txt_add_text(&t, c->lang, m, w, L_BODY, L_GLOSS);
	flow_text(c,
		  layout_make(c, &t, c->width - L_INDENT, PANGO_ALIGN_LEFT, 0),
		  L_INDENT);
	c->y += 4;
}

static void letter_head(struct ctx *c, const struct doc_notification *n)
{
	char *office = clean_text(n->office_name, false);
	char *upper = g_utf8_strup(office, -1);
	struct txt t;

	txt_init(&t);
	txt_add(&t, upper, W_BOLD, 15);
	if (!empty(n->office_address)) {
		txt_add(&t, "\n", W_REG, 9.5);
		txt_add_user(&t, n->office_address, true, W_REG, 9.5);
	}
	if (!empty(n->office_contact)) {
		txt_add(&t, "\n", W_REG, 9.5);
		txt_add_user(&t, n->office_contact, false, W_REG, 9.5);
	}
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	g_free(upper);
	g_free(office);
	c->y += 6;
	flow_rule(c, 0, c->width, 2.2, false);
	c->y += 1.5;
	flow_rule(c, 0, c->width, 0.6, false);
	c->y += 16;

	txt_init(&t);
	txt_add(&t, t_letter_title.id, W_BOLD, 13);
	if (c->lang == LANG_EN) {
		txt_add(&t, "\n", W_REG, L_GLOSS);
		txt_add(&t, t_letter_title.en, W_REG, L_GLOSS);
	}
	txt_add(&t, "\n", W_REG, L_BODY);
	txt_add(&t, t_number.id, W_REG, L_BODY);
	if (c->lang == LANG_EN) {
		txt_add(&t, " / ", W_REG, L_BODY);
		txt_add(&t, t_number.en, W_REG, L_BODY);
	}
	txt_add(&t, ": ", W_REG, L_BODY);
	txt_add_user(&t, n->letter_number, false, W_REG, L_BODY);
	flow_text(c, layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 16;
}

static void letter_intro(struct ctx *c, const struct doc_notification *n)
{
	struct txt t;
	PangoLayout *l;

	txt_init(&t);
	txt_add(&t, t_intro_a.id, W_REG, L_BODY);
	txt_add_user(&t, n->request_date, false, W_BOLD, L_BODY);
	txt_add(&t, t_intro_b.id, W_REG, L_BODY);
	txt_add_user(&t, n->regno, false, W_BOLD, L_BODY);
	txt_add(&t, t_intro_c.id, W_REG, L_BODY);
	if (c->lang == LANG_EN) {
		txt_add(&t, "\n", W_REG, L_GLOSS);
		txt_add(&t, t_intro_a.en, W_REG, L_GLOSS);
		txt_add_user(&t, n->request_date, false, W_REG, L_GLOSS);
		txt_add(&t, t_intro_b.en, W_REG, L_GLOSS);
		txt_add_user(&t, n->regno, false, W_REG, L_GLOSS);
		txt_add(&t, t_intro_c.en, W_REG, L_GLOSS);
	}
	l = layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0);
	if (l)
		pango_layout_set_justify(l, TRUE);
	flow_text(c, l, 0);
	c->y += 8;
}

static void letter_decision(struct ctx *c, const struct doc_notification *n,
			    int dec, char *sec)
{
	static const struct text *const label[] = {&t_granted, &t_partial,
						   &t_rejected, &t_not_held};

	letter_heading(c, (*sec)++, &t_sec_decision);
	letter_sentence(c, label[dec], W_BOLD);
	if (dec == DEC_PARTIAL || dec == DEC_REJECTED)
		if (!empty(n->legal_basis) || dec == DEC_REJECTED)
			letter_row(c, L_INDENT, &t_basis, n->legal_basis, true,
				   W_REG);
	if (dec == DEC_NOT_HELD) {
		const char *holder = n->holder;

		if (empty(holder))
			holder = text_get(&t_holder_unknown, c->lang);
		letter_row(c, L_INDENT, &t_holder, holder, true, W_BOLD);
	}
	if (!empty(n->decision_text))
		letter_row(c, L_INDENT, &t_details, n->decision_text, true,
			   W_REG);

	if (dec == DEC_GRANTED || dec == DEC_PARTIAL) {
		letter_heading(c, (*sec)++, &t_sec_given);
		letter_row(c, L_INDENT, &t_held_by, n->office_name, false,
			   W_REG);
		letter_row(c, L_INDENT, &t_form, n->form, false, W_REG);
		letter_row(c, L_INDENT, &t_medium, n->medium, true, W_REG);
		letter_row(c, L_INDENT, &t_cost,
			   empty(n->cost) ? free_cost : n->cost, false, W_REG);
		letter_row(c, L_INDENT, &t_payment,
			   empty(n->payment) ? free_payment : n->payment, false,
			   W_REG);
		letter_row(c, L_INDENT, &t_delivery, n->delivery, true, W_REG);
		if (!empty(n->delivery_time))
			letter_row(c, L_INDENT, &t_when, n->delivery_time,
				   false, W_REG);
	}
}

/*
 * The right to object, then the signature block; kept on one page when
 * they fit on one.
 */
static void letter_close(struct ctx *c, const struct doc_notification *n)
{
	const double x = c->width * 0.42, gap = 18;
	struct txt t;
	PangoLayout *obj, *sig;
	size_t start;

	txt_init(&t);
	if (empty(n->objection))
		txt_add_text(&t, c->lang, &t_objection, W_REG, 9, 8);
	else
		txt_add_user(&t, n->objection, true, W_REG, 9);
	obj = layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0);

	txt_init(&t);
	if (!empty(n->office_city)) {
		txt_add_user(&t, n->office_city, false, W_REG, L_BODY);
		txt_add(&t, ", ", W_REG, L_BODY);
	}
	txt_add_user(&t, n->letter_date, false, W_REG, L_BODY);
	txt_add(&t, "\n", W_REG, L_BODY);
	txt_add_text(&t, c->lang, &t_ppid, W_REG, L_BODY, L_GLOSS);
	if (!empty(n->ppid_title)) {
		txt_add(&t, "\n", W_REG, L_BODY);
		txt_add_user(&t, n->ppid_title, true, W_REG, L_BODY);
	}
	/* Room for the signature and the stamp. */
	txt_add(&t, "\n\n\n\n", W_REG, L_BODY);
	start = t.s->len;
	txt_add_user(&t, n->ppid_name, false, W_BOLD, L_BODY);
	txt_underline(&t, start);
	if (!empty(n->ppid_nip)) {
		txt_add(&t, "\nNIP ", W_REG, L_BODY);
		txt_add_user(&t, n->ppid_nip, false, W_REG, L_BODY);
	}
	sig = layout_make(c, &t, c->width - x, PANGO_ALIGN_LEFT, 0);
	if (!obj || !sig)
		return;

	flow_gap(c, 10);
	if (layout_height(obj) + gap + layout_height(sig) <= c->bottom - c->top)
		flow_need(c, layout_height(obj) + gap + layout_height(sig));
	flow_text(c, obj, 0);
	flow_gap(c, gap);
	flow_need(c, layout_height(sig));
	flow_text(c, sig, x);
}

static void letter_footer(struct ctx *c, int page, int pages, const void *arg)
{
	const struct doc_notification *n = arg;
	char buf[64];
	struct txt t;
	PangoLayout *l;
	struct item *it;

	txt_init(&t);
	txt_add_user(&t, n->letter_number, false, W_REG, 8);
	txt_add(&t, "  \u00b7  ", W_REG, 8);
	snprintf(buf, sizeof(buf), "%s %d %s %d", t_page.id, page + 1, t_of.id,
		 pages);
	txt_add(&t, buf, W_REG, 8);
	if (c->lang == LANG_EN) {
		snprintf(buf, sizeof(buf), " / %s %d %s %d", t_page.en,
			 page + 1, t_of.en, pages);
		txt_add(&t, buf, W_REG, 8);
	}
	l = layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0);
	it = l ? item_add(c, ITEM_TEXT) : NULL;
	if (!it)
		return;
	it->page = page;
	it->x = c->left;
	it->y = c->page_h - 12 * PT_PER_MM - layout_height(l);
	it->layout = l;
}

static int notification_check(const struct doc_notification *n, int *dec,
			      const char **why)
{
	static const struct {
		size_t off;	  /* offset of the field */
		const char *name; /* for the message */
	} req[] = {
	    {offsetof(struct doc_notification, office_name), "office_name"},
	    {offsetof(struct doc_notification, letter_number), "letter_number"},
	    {offsetof(struct doc_notification, letter_date), "letter_date"},
	    {offsetof(struct doc_notification, regno), "regno"},
	    {offsetof(struct doc_notification, request_date), "request_date"},
	    {offsetof(struct doc_notification, name), "name"},
	    {offsetof(struct doc_notification, info), "info"},
	    {offsetof(struct doc_notification, ppid_name), "ppid_name"},
	};

	for (size_t i = 0; i < sizeof(req) / sizeof(req[0]); i++) {
		const char *v;

		memcpy(&v, (const char *)n + req[i].off, sizeof(v));
		if (empty(v)) {
			*why = req[i].name;
			return -1;
		}
	}
	*dec = decision_parse(n->decision);
	if (*dec < 0) {
		*why = "decision (granted, partial, rejected, not_held)";
		return -1;
	}
	if (*dec == DEC_REJECTED && empty(n->legal_basis)) {
		*why = "legal_basis (a rejection names its Pasal 17 letter)";
		return -1;
	}
	return 0;
}

int document_render_notification(const struct doc_notification *n,
				 struct doc_buf *out)
{
	const double w = DOCUMENT_A4_WIDTH_PT, h = DOCUMENT_A4_HEIGHT_PT;
	struct doc_buf tmp = {0};
	struct ctx c;
	const char *why = NULL;
	char sec = 'A';
	char *id;
	int dec = 0;

	if (!out) {
		errno = EINVAL;
		return -1;
	}
	document_buf_free(out);
	if (!n || notification_check(n, &dec, &why) < 0)
		return refuse(out, "notification", why ? why : "no view");

	if (ctx_open(&c, &tmp, w, h, n->lang, "Pemberitahuan Tertulis") < 0)
		goto out;
	c.left = 25 * PT_PER_MM;
	c.width = w - c.left - 20 * PT_PER_MM;
	c.top = c.y = 18 * PT_PER_MM;
	c.bottom = h - 22 * PT_PER_MM;
	c.paginate = true;

	letter_head(&c, n);
	letter_intro(&c, n);

	id = mask_id(n->id_masked);
	letter_row(&c, 0, &t_name_l, n->name, false, W_BOLD);
	letter_row(&c, 0, &t_addr, n->address, true, W_REG);
	letter_row(&c, 0, &t_contact, n->contact, false, W_REG);
	letter_row(&c, 0, &t_id, id, false, W_REG);
	g_free(id);
	flow_gap(&c, 8);
	{
		struct txt t;

		txt_init(&t);
		txt_add_text(&t, c.lang, &t_as_follows, W_REG, L_BODY, L_GLOSS);
		flow_text(&c, layout_make(&c, &t, c.width, PANGO_ALIGN_LEFT, 0),
			  0);
	}

	letter_heading(&c, sec++, &t_sec_info);
	letter_para(&c, n->info, W_REG);
	if (!empty(n->purpose))
		letter_row(&c, L_INDENT, &t_purpose, n->purpose, true, W_REG);

	letter_decision(&c, n, dec, &sec);

	if (!empty(n->reason)) {
		letter_heading(&c, sec++, &t_sec_reason);
		letter_para(&c, n->reason, W_REG);
	}

	letter_close(&c, n);
	if (c.err[0] || c.oom)
		goto out;

	draw_all(&c, c.page + 1, letter_footer, n);
	return finish(&c, &tmp, out, "notification", c.page + 1, w, h);
out:
	return finish(&c, &tmp, out, "notification", 0, 0, 0);
}

void document_shutdown(void)
{
	/* Drop pango's font map and cairo's caches so a short-lived program
	 * ends with nothing allocated (and leak checkers stay quiet). */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}
