/* SPDX-License-Identifier: MIT */
/* watchq-c-decoder: a reference decoder of watch_queue record streams in C, speaking decoder
 * protocol v1 (packages/spec/src/formats/decoder-protocol.ts) as JSON lines on stdin/stdout.
 * A line it cannot take (not JSON, unknown command or revision, bad hex) ends it with exit 2 and
 * one line on stderr naming the problem; EOF ends it with exit 0. */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "decode.h"
#include "buf.h"

#define DECODER_NAME "watchq-c-decoder 0.1.0"
#define PROTOCOL_VERSION 1

static unsigned long line_no;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "watchq-c-decoder: line %lu: ", line_no);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void emit(struct buf *o)
{
	buf_put(o, "\n", 1);
	if (o->oom) {
		fputs("watchq-c-decoder: out of memory\n", stderr);
		exit(1);
	}
	if (fwrite(o->p, 1, o->len, stdout) != o->len || fflush(stdout) != 0) {
		perror("watchq-c-decoder: writing stdout");
		exit(1);
	}
	buf_reset(o);
}

/* Refuses members other than the `n` allowed ones (the protocol's objects are closed). */
static void only_members(const struct jval *v, const char *const *allowed, size_t n, const char *what)
{
	for (size_t i = 0; i < v->u.obj.n; i++) {
		size_t j = 0;
		while (j < n && strcmp(v->u.obj.m[i].key, allowed[j]) != 0)
			j++;
		if (j == n)
			die("%s request has an unknown member \"%s\"", what, v->u.obj.m[i].key);
	}
}

static const char *string_member(const struct jval *v, const char *key, const char *what)
{
	const struct jval *s = json_get(v, key);
	if (!s || s->type != J_STR || strlen(s->u.str.s) != s->u.str.len)
		die("%s request needs \"%s\" as a string", what, key);
	return s->u.str.s;
}

static void hello(const struct jval *v, struct buf *o)
{
	static const char *const members[] = { "cmd", "protocol" };
	only_members(v, members, 2, "hello");
	int64_t protocol;
	if (!json_int(json_get(v, "protocol"), &protocol) || protocol != PROTOCOL_VERSION)
		die("hello asks for a protocol other than %d", PROTOCOL_VERSION);
	buf_printf(o, "{\"protocol\":%d,\"name\":", PROTOCOL_VERSION);
	buf_str(o, DECODER_NAME, strlen(DECODER_NAME));
	buf_puts(o, ",\"revisions\":[");
	for (size_t i = 0; i < wq_revision_count(); i++) {
		const char *id = wq_revision_at(i)->id;
		if (i)
			buf_puts(o, ",");
		buf_str(o, id, strlen(id));
	}
	buf_puts(o, "]}");
	emit(o);
}

static void decode(const struct jval *v, struct buf *o)
{
	static const char *const members[] = { "cmd", "seq", "revision", "endian", "hex" };
	only_members(v, members, 5, "decode");
	int64_t seq;
	if (!json_int(json_get(v, "seq"), &seq) || seq < 0)
		die("decode request needs \"seq\" as an integer >= 0");
	const char *id = string_member(v, "revision", "decode");
	const struct wq_revision *rev = wq_revision_find(id);
	if (!rev)
		die("decode #%" PRId64 ": unknown revision \"%s\"", seq, id);
	const char *endian = string_member(v, "endian", "decode");
	if (strcmp(endian, "little") != 0 && strcmp(endian, "big") != 0)
		die("decode #%" PRId64 ": endian must be \"little\" or \"big\", not \"%s\"", seq, endian);
	const struct jval *hex = json_get(v, "hex");
	if (!hex || hex->type != J_STR)
		die("decode #%" PRId64 ": \"hex\" must be a string", seq);
	if (hex->u.str.len % 2)
		die("decode #%" PRId64 ": bad hex: odd number of digits (%zu)", seq, hex->u.str.len);
	size_t n = hex->u.str.len / 2;
	uint8_t *bytes = malloc(n ? n : 1);
	if (!bytes) {
		fputs("watchq-c-decoder: out of memory\n", stderr);
		exit(1);
	}
	for (size_t i = 0; i < hex->u.str.len; i++) {
		char c = hex->u.str.s[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			die("decode #%" PRId64 ": bad hex: character %zu is not a lower-case hex digit", seq, i);
	}
	for (size_t i = 0; i < n; i++)
		bytes[i] = (uint8_t)(json_hexval(hex->u.str.s[2 * i]) << 4 | json_hexval(hex->u.str.s[2 * i + 1]));
	buf_printf(o, "{\"seq\":%" PRId64 ",", seq);
	wq_decode(rev, strcmp(endian, "little") == 0, bytes, n, o);
	buf_puts(o, "}");
	free(bytes);
	emit(o);
}

int main(void)
{
	struct buf o = { 0 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int said_hello = 0;
	char err[200];

	while ((len = getline(&line, &cap, stdin)) >= 0) {
		line_no++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (strspn(line, " \t") == (size_t)len)
			continue;
		struct jval *v = json_parse(line, (size_t)len, err, sizeof err);
		if (!v)
			die("not JSON: %s", err);
		if (v->type != J_OBJ)
			die("not a JSON object");
		const struct jval *cmd = json_get(v, "cmd");
		if (json_is_str(cmd, "hello")) {
			hello(v, &o);
			said_hello = 1;
		} else if (json_is_str(cmd, "decode")) {
			if (!said_hello)
				die("decode before hello");
			decode(v, &o);
		} else {
			die("unknown command (want \"hello\" or \"decode\")");
		}
		json_free(v);
	}
	if (ferror(stdin)) {
		perror("watchq-c-decoder: reading stdin");
		return 1;
	}
	free(line);
	buf_free(&o);
	return 0;
}
