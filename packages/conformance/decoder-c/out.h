/* SPDX-License-Identifier: MIT */
/* A growable output buffer: one answer line is built here, then written at once. */
#ifndef WATCHQ_C_DECODER_OUT_H
#define WATCHQ_C_DECODER_OUT_H

#include <stddef.h>
#include <stdint.h>

struct out {
	char *p;
	size_t n, cap;
};

void out_raw(struct out *o, const char *s, size_t len);
void out_cstr(struct out *o, const char *s);
void out_fmt(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A JSON string literal (quotes and escapes included). */
void out_str(struct out *o, const char *s, size_t len);
/* Lower-case hex of the bytes, without quotes. */
void out_hex(struct out *o, const uint8_t *b, size_t len);
void out_free(struct out *o);

#endif
