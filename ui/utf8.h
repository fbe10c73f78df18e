/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Strict UTF-8 stepping for the UI (the ui layer has no GLib): decoding that
 * refuses overlong forms, surrogates and values above U+10FFFF, and
 * "characters" as a visitor sees them: a base code point with the combining
 * marks that follow it.
 */
#ifndef PPID_UI_UTF8_H
#define PPID_UI_UTF8_H

#include <stddef.h>
#include <stdint.h>

/**
 * Decode one code point at @p s (at most @p len bytes).
 * @return the bytes it takes (1..4), or 0 when the bytes are not UTF-8.
 */
size_t ui_utf8_decode(const char *s, size_t len, uint32_t *cp);

/** 1 when all @p len bytes are UTF-8, else 0. */
int ui_utf8_valid(const char *s, size_t len);

/** Code points in @p len bytes of valid UTF-8. */
size_t ui_utf8_count(const char *s, size_t len);

/** The byte offset after the first @p n code points (or @p len). */
size_t ui_utf8_offset(const char *s, size_t len, size_t n);

/** 1 for a combining mark (it joins the character before it). */
int ui_utf8_is_combining(uint32_t cp);

/**
 * The start of the character (base + combining marks) that ends at byte
 * offset @p off of valid UTF-8; 0 when @p off is 0.
 */
size_t ui_utf8_prev_char(const char *s, size_t off);

/** The end of the character that starts at @p off; @p len at the end. */
size_t ui_utf8_next_char(const char *s, size_t len, size_t off);

#endif
