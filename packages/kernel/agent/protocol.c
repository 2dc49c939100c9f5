/* SPDX-License-Identifier: MIT */
/* The request loop. Malformed input is answered, never fatal: a line that is not JSON, has no
 * known cmd or lacks fields gets an error line (with the seq when one can be found), and an
 * over-long line is discarded up to its newline without being buffered. */
#include "protocol.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agent.h"
#include "buf.h"
#include "case.h"
#include "hello.h"
#include "json.h"

#define PROTOCOL_VERSION 1
/* The protocol's MAX_LINE_BYTES. */
#define LINE_MAX_BYTES (16u << 20)


/* {"error":{"message":…}}, with "seq" first when the request had a usable one. */
static void protocol_error(struct buf *out, bool has_seq, int64_t seq, const char *message)
{
	buf_reset(out);
	buf_putc(out, '{');
	if (has_seq) {
		buf_puts(out, "\"seq\":");
		buf_i64(out, seq);
		buf_putc(out, ',');
	}
	buf_puts(out, "\"error\":{\"message\":");
	buf_cstr(out, message);
	buf_puts(out, "}}\n");
	diag("%s", message);
}

/* The seq of a request that did not parse, when `"seq":<digits>` is plainly there. */
static bool scan_seq(const char *line, size_t len, int64_t *seq)
{
	static const char key[] = "\"seq\"";
	for (size_t i = 0; i + sizeof key - 1 <= len; i++) {
		if (memcmp(line + i, key, sizeof key - 1) != 0)
			continue;
		size_t j = i + sizeof key - 1;
		while (j < len && (line[j] == ' ' || line[j] == '\t'))
			j++;
		if (j >= len || line[j] != ':')
			continue;
		j++;
		while (j < len && (line[j] == ' ' || line[j] == '\t'))
			j++;
		int64_t v = 0;
		size_t digits = 0;
		while (j < len && line[j] >= '0' && line[j] <= '9' && digits < 18) {
			v = v * 10 + (line[j] - '0');
			j++;
			digits++;
		}
		if (digits > 0) {
			*seq = v;
			return true;
		}
	}
	return false;
}

/* Handles one request line; false after `stop`. */
static bool handle(const char *line, size_t len, struct buf *out)
{
	char err[256];
	int64_t seq = 0;
	buf_reset(out);
	struct jval *req = json_parse(line, len, err, sizeof err);
	if (!req) {
		char msg[320];
		snprintf(msg, sizeof msg, "the request is not JSON: %s", err);
		bool has_seq = scan_seq(line, len, &seq);
		protocol_error(out, has_seq, seq, msg);
		return true;
	}
	const struct jval *cmd = json_get(req, "cmd");
	const struct jval *jseq = json_get(req, "seq");
	bool has_seq = json_int(jseq, &seq) && seq >= 0;
	if (json_is_str(cmd, "stop")) {
		json_free(req);
		return false;
	}
	if (json_is_str(cmd, "hello")) {
		int64_t version;
		if (!json_int(json_get(req, "protocol"), &version) || version != PROTOCOL_VERSION) {
			protocol_error(out, false, 0, "hello: this agent speaks protocol 1 only");
		} else {
			hello_answer(out);
		}
	} else if (json_is_str(cmd, "run")) {
		const struct jval *steps = json_get(req, "steps");
		if (!has_seq)
			protocol_error(out, false, 0, "run: seq must be a non-negative integer");
		else if (!steps || steps->type != J_ARR)
			protocol_error(out, true, seq, "run: steps must be an array");
		else
			case_run(seq, steps, out);
	} else {
		protocol_error(out, has_seq, seq,
			       cmd && cmd->type == J_STR ? "unknown cmd (expected hello, run or stop)"
							: "the request has no cmd");
	}
	json_free(req);
	return true;
}

enum serve_end serve(int in, int out)
{
	struct buf line = { 0 }, answer = { 0 };
	bool discarding = false; /* inside an over-long line */
	enum serve_end end = SERVE_EOF;
	char chunk[65536];
	for (;;) {
		ssize_t got = read(in, chunk, sizeof chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			/* A serial line whose other side went away reads EIO: the end, like EOF. */
			diag("reading the channel: %s", strerror(errno));
			break;
		}
		if (got == 0)
			break;
		size_t start = 0;
		while (start < (size_t)got) {
			char *nl = memchr(chunk + start, '\n', (size_t)got - start);
			size_t take = nl ? (size_t)(nl - chunk) - start : (size_t)got - start;
			if (discarding) {
				if (nl)
					discarding = false;
			} else if (line.len + take > LINE_MAX_BYTES) {
				protocol_error(&answer, false, 0, "a request line is longer than 16 MiB; discarded");
				if (!write_all(out, answer.p, answer.len)) {
					end = SERVE_IO_ERROR;
					goto done;
				}
				buf_reset(&line);
				discarding = !nl;
			} else {
				buf_put(&line, chunk + start, take);
				if (nl) {
					size_t len = line.len;
					while (len > 0 && (line.p[len - 1] == '\r' || line.p[len - 1] == ' ' || line.p[len - 1] == '\t'))
						len--;
					bool more = true;
					if (line.oom) {
						protocol_error(&answer, false, 0, "out of memory reading a request");
					} else if (len > 0) {
						more = handle(line.p, len, &answer);
					} else {
						buf_reset(&answer);
					}
					buf_reset(&line);
					if (answer.oom)
						protocol_error(&answer, false, 0, "out of memory building an answer");
					if (answer.len && !write_all(out, answer.p, answer.len)) {
						end = SERVE_IO_ERROR;
						goto done;
					}
					if (!more) {
						end = SERVE_STOP;
						goto done;
					}
				}
			}
			start += take + (nl ? 1 : 0);
		}
	}
done:
	buf_free(&line);
	buf_free(&answer);
	return end;
}
