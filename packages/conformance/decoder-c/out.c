/* SPDX-License-Identifier: MIT */
#include "out.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(struct out *o, size_t more)
{
	if (o->cap - o->n > more)
		return;
	size_t cap = o->cap ? o->cap : 4096;
	while (cap - o->n <= more) {
		if (cap > SIZE_MAX / 2) {
			fputs("watchq-c-decoder: answer too large\n", stderr);
			exit(1);
		}
		cap *= 2;
	}
	char *p = realloc(o->p, cap);
	if (!p) {
		fputs("watchq-c-decoder: out of memory\n", stderr);
		exit(1);
	}
	o->p = p;
	o->cap = cap;
}

void out_raw(struct out *o, const char *s, size_t len)
{
	reserve(o, len);
	memcpy(o->p + o->n, s, len);
	o->n += len;
	o->p[o->n] = '\0';
}

void out_cstr(struct out *o, const char *s)
{
	out_raw(o, s, strlen(s));
}

void out_fmt(struct out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	reserve(o, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(o->p + o->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	o->n += (size_t)n;
}

void out_str(struct out *o, const char *s, size_t len)
{
	out_raw(o, "\"", 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };
			out_raw(o, e, 2);
		} else if (c < 0x20) {
			out_fmt(o, "\\u%04x", c);
		} else {
			out_raw(o, (const char *)&s[i], 1);
		}
	}
	out_raw(o, "\"", 1);
}

void out_hex(struct out *o, const uint8_t *b, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	if (len > (SIZE_MAX - 1) / 2) {
		fputs("watchq-c-decoder: answer too large\n", stderr);
		exit(1);
	}
	reserve(o, len * 2);
	for (size_t i = 0; i < len; i++) {
		o->p[o->n++] = digits[b[i] >> 4];
		o->p[o->n++] = digits[b[i] & 15];
	}
	o->p[o->n] = '\0';
}

void out_free(struct out *o)
{
	free(o->p);
	o->p = NULL;
	o->n = o->cap = 0;
}
