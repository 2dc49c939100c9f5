/* SPDX-License-Identifier: MIT */
/* Growable buffer and JSON writer. Allocation failure is sticky (`oom`), so callers check once. */
#include "buf.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool reserve(struct buf *b, size_t extra)
{
	if (b->oom)
		return false;
	if (extra <= b->cap - b->len)
		return true;
	size_t need = b->len + extra;
	if (need < b->len) { /* overflow */
		b->oom = true;
		return false;
	}
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = realloc(b->p, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

void buf_put(struct buf *b, const void *data, size_t n)
{
	if (n == 0 || !reserve(b, n))
		return;
	memcpy(b->p + b->len, data, n);
	b->len += n;
}

void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		buf_put(b, small, (size_t)n);
		return;
	}
	if (!reserve(b, (size_t)n + 1))
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void buf_str(struct buf *b, const char *s, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			char esc[2] = { '\\', (char)c };
			buf_put(b, esc, 2);
		} else if (c < 0x20 || c == 0x7f) {
			char esc[6] = { '\\', 'u', '0', '0', digits[c >> 4], digits[c & 15] };
			buf_put(b, esc, 6);
		} else {
			buf_putc(b, (char)c);
		}
	}
	buf_putc(b, '"');
}

void buf_cstr(struct buf *b, const char *s)
{
	buf_str(b, s, strlen(s));
}

void buf_i64(struct buf *b, int64_t v)
{
	buf_printf(b, "%" PRId64, v);
}

void buf_hex(struct buf *b, const unsigned char *data, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	if (n > SIZE_MAX / 2) {
		b->oom = true;
		return;
	}
	if (!reserve(b, 2 * n))
		return;
	char *o = b->p + b->len;
	for (size_t i = 0; i < n; i++) {
		o[2 * i] = digits[data[i] >> 4];
		o[2 * i + 1] = digits[data[i] & 15];
	}
	b->len += 2 * n;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->oom = false;
}

void buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}

bool write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}
