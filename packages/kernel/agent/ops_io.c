/* SPDX-License-Identifier: MIT */
/* Reading and writing: read/preadv2, write, writev, FIONREAD, poll and the splice family. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "pollnames.h"

op_fn op_read, op_write, op_writev, op_fionread, op_wait_queued, op_poll, op_splice, op_tee, op_vmsplice, op_sendfile;

/* Far above the protocol's 1 MiB, only so that a malformed step cannot exhaust memory. */
#define LEN_MAX (64u << 20)
#define IOV_MAX_STEP 1024

static bool splice_flags(const struct jval *step, unsigned *out, struct result *r);

static bool arg_len(const struct jval *step, const char *name, bool optional, size_t *out, struct result *r)
{
	int64_t v;
	if (!arg_int(step, name, optional, 0, &v, r))
		return false;
	if (v < 0 || v > LEN_MAX) {
		result_error(r, "argument %s: expected a length from 0 to %u", name, LEN_MAX);
		return false;
	}
	*out = (size_t)v;
	return true;
}

void op_read(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd;
	size_t len;
	const struct jval *flags;
	if (!arg_fd(c, step, "fd", &fd, r) || !arg_len(step, "len", false, &len, r) ||
	    !arg_array(step, "flags", true, &flags, r))
		return;
	int rwf = 0;
	for (size_t i = 0; flags && i < flags->u.arr.n; i++) {
		if (!json_is_str(&flags->u.arr.items[i], "RWF_NOWAIT")) {
			result_error(r, "argument flags: only RWF_NOWAIT is known");
			return;
		}
		rwf |= RWF_NOWAIT;
	}
	unsigned char *buf = malloc(len ? len : 1);
	if (!buf) {
		result_error(r, "read: out of memory for %zu bytes", len);
		return;
	}
	ssize_t n;
	if (flags) {
		struct iovec iov = { buf, len };
		n = preadv2(fd, &iov, 1, -1, rwf);
	} else {
		n = read(fd, buf, len);
	}
	result_sys(r, n);
	if (n >= 0) {
		r->has_bytes = true;
		r->bytes = buf;
		r->nbytes = (size_t)n;
	} else {
		free(buf);
	}
}

void op_write(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd;
	if (!arg_fd(c, step, "fd", &fd, r))
		return;
	const struct jval *hex = json_get(step, "bytes");
	unsigned char *buf;
	size_t n;
	if (hex) {
		if (hex->type != J_STR || !hex_decode(hex->u.str.s, hex->u.str.len, &buf, &n)) {
			result_error(r, "argument bytes: expected hex digit pairs");
			return;
		}
	} else {
		if (!arg_len(step, "len", true, &n, r))
			return;
		buf = calloc(n ? n : 1, 1);
		if (!buf) {
			result_error(r, "write: out of memory");
			return;
		}
	}
	result_sys(r, write(fd, buf, n));
	free(buf);
}

/* One buffer per item of `iov`: a length (that many zero bytes) or hex bytes; *cnt buffers in *out
 * (free with free_iov). */
static bool make_iov(const struct jval *step, struct iovec **out, int *cnt, struct result *r)
{
	const struct jval *items;
	if (!arg_array(step, "iov", false, &items, r))
		return false;
	if (items->u.arr.n > IOV_MAX_STEP) {
		result_error(r, "argument iov: at most %d buffers", IOV_MAX_STEP);
		return false;
	}
	size_t n = items->u.arr.n;
	struct iovec *iov = calloc(n ? n : 1, sizeof *iov);
	if (!iov) {
		result_error(r, "out of memory");
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const struct jval *item = &items->u.arr.items[i];
		int64_t len;
		unsigned char *buf = NULL;
		size_t nbuf = 0;
		if (item->type == J_STR) {
			if (!hex_decode(item->u.str.s, item->u.str.len, &buf, &nbuf)) {
				result_error(r, "argument iov: item %zu: expected hex digit pairs", i);
				goto fail;
			}
		} else if (json_int(item, &len) && len >= 0 && len <= LEN_MAX) {
			nbuf = (size_t)len;
			buf = calloc(nbuf ? nbuf : 1, 1);
			if (!buf) {
				result_error(r, "out of memory");
				goto fail;
			}
		} else {
			result_error(r, "argument iov: item %zu: expected a length from 0 to %u or hex bytes", i, LEN_MAX);
			goto fail;
		}
		iov[i].iov_base = buf;
		iov[i].iov_len = nbuf;
		continue;
fail:
		for (size_t j = 0; j < i; j++)
			free(iov[j].iov_base);
		free(iov);
		return false;
	}
	*out = iov;
	*cnt = (int)n;
	return true;
}

static void free_iov(struct iovec *iov, int cnt)
{
	for (int i = 0; i < cnt; i++)
		free(iov[i].iov_base);
	free(iov);
}

void op_writev(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd, cnt;
	struct iovec *iov;
	if (!arg_fd(c, step, "fd", &fd, r) || !make_iov(step, &iov, &cnt, r))
		return;
	result_sys(r, writev(fd, iov, cnt));
	free_iov(iov, cnt);
}

void op_vmsplice(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd, cnt;
	struct iovec *iov;
	unsigned flags;
	if (!arg_fd(c, step, "fd", &fd, r) || !splice_flags(step, &flags, r) || !make_iov(step, &iov, &cnt, r))
		return;
	result_sys(r, vmsplice(fd, iov, (size_t)cnt, flags));
	/* The pipe now refers to these very pages: they are kept, unchanged, until the case process
	 * ends, or a later read would see whatever malloc put there next. */
	free(iov);
}

void op_fionread(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd, count = 0;
	if (!arg_fd(c, step, "fd", &fd, r))
		return;
	long ret = ioctl(fd, FIONREAD, &count);
	result_sys(r, ret);
	if (ret == 0) {
		r->has_value = true;
		r->value = count;
	}
}

/* FIONREAD about every millisecond until `bytes` are queued or timeoutMs have passed (ETIMEDOUT):
 * the bounded wait for records the key garbage collector posts, where poll() would wake at the first. */
void op_wait_queued(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd;
	int64_t want, timeout;
	if (!arg_fd(c, step, "fd", &fd, r) || !arg_int(step, "bytes", false, 0, &want, r) ||
	    !arg_int(step, "timeoutMs", false, 0, &timeout, r))
		return;
	if (timeout < 0 || timeout > 3600000) {
		result_error(r, "argument timeoutMs: expected 0 to 3600000");
		return;
	}
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		int count = 0;
		long ret = ioctl(fd, FIONREAD, &count);
		double elapsed = ms_since(&start);
		r->has_elapsed = true;
		r->elapsed_ms = elapsed;
		if (ret < 0) {
			result_sys(r, ret);
			return;
		}
		if (count >= want) {
			result_sys(r, 0);
			r->has_value = true;
			r->value = count;
			return;
		}
		if (elapsed >= (double)timeout) {
			r->kind = R_ERRNO;
			r->err = ETIMEDOUT;
			return;
		}
		struct timespec ms = { 0, 1000000 };
		nanosleep(&ms, NULL);
	}
}

void op_poll(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd;
	int64_t timeout;
	const struct jval *events;
	if (!arg_fd(c, step, "fd", &fd, r) || !arg_array(step, "events", false, &events, r) ||
	    !arg_int(step, "timeoutMs", false, 0, &timeout, r))
		return;
	if (timeout < 0 || timeout > 3600000) {
		result_error(r, "argument timeoutMs: expected 0 to 3600000");
		return;
	}
	unsigned bits = 0;
	for (size_t i = 0; i < events->u.arr.n; i++) {
		const struct jval *e = &events->u.arr.items[i];
		unsigned bit = e->type == J_STR ? poll_bit(e->u.str.s) : 0;
		if (!bit) {
			result_error(r, "argument events: item %zu is not a poll event name", i);
			return;
		}
		bits |= bit;
	}
	struct pollfd p = { .fd = fd, .events = (short)bits, .revents = 0 };
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	int n = poll(&p, 1, (int)timeout);
	r->has_elapsed = true;
	r->elapsed_ms = ms_since(&start);
	result_sys(r, n);
	if (n >= 0) {
		r->has_revents = true;
		r->revents = (unsigned short)p.revents;
	}
}

/* The flags of splice, tee and vmsplice (the same bits on every arch). */
static bool splice_flags(const struct jval *step, unsigned *out, struct result *r)
{
	const struct jval *flags;
	if (!arg_array(step, "flags", true, &flags, r))
		return false;
	*out = 0;
	for (size_t i = 0; flags && i < flags->u.arr.n; i++) {
		const struct jval *f = &flags->u.arr.items[i];
		if (json_is_str(f, "SPLICE_F_NONBLOCK"))
			*out |= SPLICE_F_NONBLOCK;
		else if (json_is_str(f, "SPLICE_F_MOVE"))
			*out |= SPLICE_F_MOVE;
		else if (json_is_str(f, "SPLICE_F_MORE"))
			*out |= SPLICE_F_MORE;
		else if (json_is_str(f, "SPLICE_F_GIFT"))
			*out |= SPLICE_F_GIFT;
		else {
			result_error(r, "argument flags: item %zu is not a SPLICE_F_* name (MOVE, NONBLOCK, MORE, GIFT)", i);
			return false;
		}
	}
	return true;
}

void op_splice(struct ctx *c, const struct jval *step, struct result *r)
{
	int in, out;
	size_t len;
	unsigned flags;
	if (!arg_fd(c, step, "in", &in, r) || !arg_fd(c, step, "out", &out, r) || !arg_len(step, "len", false, &len, r) ||
	    !splice_flags(step, &flags, r))
		return;
	result_sys(r, splice(in, NULL, out, NULL, len, flags));
}

void op_tee(struct ctx *c, const struct jval *step, struct result *r)
{
	int in, out;
	size_t len;
	unsigned flags;
	if (!arg_fd(c, step, "in", &in, r) || !arg_fd(c, step, "out", &out, r) || !arg_len(step, "len", false, &len, r) ||
	    !splice_flags(step, &flags, r))
		return;
	result_sys(r, tee(in, out, len, flags));
}

void op_sendfile(struct ctx *c, const struct jval *step, struct result *r)
{
	int in, out;
	size_t count;
	if (!arg_fd(c, step, "out", &out, r) || !arg_fd(c, step, "in", &in, r) ||
	    !arg_len(step, "count", false, &count, r))
		return;
	result_sys(r, sendfile(out, in, NULL, count));
}
