/* SPDX-License-Identifier: MIT */
/* A growable byte buffer and the JSON writing on top of it: every answer line is built in one. */
#ifndef WATCHQ_AGENT_BUF_H
#define WATCHQ_AGENT_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf {
	char *p;
	size_t len, cap;
	bool oom; /* an allocation failed: the content is incomplete */
};

void buf_put(struct buf *b, const void *data, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A JSON string literal (quotes and escapes added). */
void buf_str(struct buf *b, const char *s, size_t n);
void buf_cstr(struct buf *b, const char *s);
void buf_i64(struct buf *b, int64_t v);
/* Lower-case hex digit pairs, no separators. */
void buf_hex(struct buf *b, const unsigned char *data, size_t n);
/* Writes all of p to fd, retrying short writes and EINTR; false on any other failure. */
bool write_all(int fd, const char *p, size_t n);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

#endif
