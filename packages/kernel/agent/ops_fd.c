/* SPDX-License-Identifier: MIT */
/* Ops on file descriptors as such: pipe2, close, dup, open_file, fcntl. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "args.h"
#include "errnames.h"
#include "uapi.h"

/* Declared as op_fn so that a definition that drifts from the dispatcher's type fails to compile. */
op_fn op_pipe2, op_close, op_dup, op_open_file, op_fcntl;

void op_pipe2(struct ctx *c, const struct jval *step, struct result *r)
{
	(void)c;
	const struct jval *flags;
	if (!arg_array(step, "flags", false, &flags, r))
		return;
	const struct {
		const char *name;
		int bits;
	} names[] = {
		{ "O_NOTIFICATION_PIPE", uapi_o_notification_pipe },
		{ "O_CLOEXEC", O_CLOEXEC },
		{ "O_NONBLOCK", O_NONBLOCK },
		{ "O_DIRECT", O_DIRECT },
		{ "O_TMPFILE", O_TMPFILE },
		{ "O_EXCL", O_EXCL },
	};
	unsigned bits = 0;
	for (size_t i = 0; i < flags->u.arr.n; i++) {
		const struct jval *f = &flags->u.arr.items[i];
		int64_t raw;
		if (json_int(f, &raw) && raw >= 0 && raw <= UINT32_MAX) {
			bits |= (unsigned)raw;
			continue;
		}
		size_t k;
		for (k = 0; k < sizeof names / sizeof names[0]; k++)
			if (json_is_str(f, names[k].name))
				break;
		if (k == sizeof names / sizeof names[0]) {
			result_error(r, "argument flags: item %zu is neither a known flag name nor a 32-bit integer", i);
			return;
		}
		bits |= (unsigned)names[k].bits;
	}
	int fds[2];
	/* The raw syscall: no libc fallback stands between the case and the kernel. */
	long ret = syscall(SYS_pipe2, (long)(uintptr_t)fds, (long)(int)bits);
	result_sys(r, ret);
	if (ret == 0) {
		r->has_fds = true;
		r->fds[0] = fds[0];
		r->fds[1] = fds[1];
	}
}

void op_close(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd;
	if (arg_fd(c, step, "fd", &fd, r))
		result_sys(r, close(fd));
}

void op_dup(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd;
	if (arg_fd(c, step, "fd", &fd, r))
		result_sys(r, dup(fd));
}

/* With `path`: that existing file opened O_RDONLY (its errno is the observation). Otherwise a
 * regular file in a private directory under $TMPDIR (or /tmp). The name is unlinked and the
 * directory removed at once: the fd is all a case uses, and nothing is left behind. */
void op_open_file(struct ctx *c, const struct jval *step, struct result *r)
{
	(void)c;
	const char *content, *path;
	size_t len, plen;
	if (!arg_str(step, "content", true, &content, &len, r) || !arg_str(step, "path", true, &path, &plen, r))
		return;
	if (path) {
		if (content) {
			result_error(r, "open_file: either path or content, not both");
			return;
		}
		if (strlen(path) != plen) {
			result_error(r, "argument path: contains a NUL byte");
			return;
		}
		result_sys(r, open(path, O_RDONLY));
		return;
	}
	const char *tmp = getenv("TMPDIR");
	char dir[PATH_MAX], file[PATH_MAX + 8];
	if (!tmp || !*tmp || strlen(tmp) > PATH_MAX - 64)
		tmp = "/tmp";
	snprintf(dir, sizeof dir, "%s/watchq-agent.XXXXXX", tmp);
	char ebuf[32];
	if (!mkdtemp(dir)) {
		result_error(r, "open_file: mkdtemp in %s: %s", tmp, errno_name(errno, ebuf, sizeof ebuf));
		return;
	}
	snprintf(file, sizeof file, "%s/file", dir);
	int fd = open(file, O_RDWR | O_CREAT | O_EXCL, 0600);
	int open_errno = errno;
	if (fd >= 0)
		unlink(file);
	rmdir(dir);
	if (fd < 0) {
		/* The op's own syscall failing (EMFILE after setrlimit) is an observation. */
		r->kind = R_ERRNO;
		r->err = open_errno;
		return;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, content + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			result_error(r, "open_file: writing the content: %s", errno_name(errno, ebuf, sizeof ebuf));
			close(fd);
			return;
		}
		done += (size_t)n;
	}
	if (lseek(fd, 0, SEEK_SET) != 0) {
		result_error(r, "open_file: lseek: %s", errno_name(errno, ebuf, sizeof ebuf));
		close(fd);
		return;
	}
	r->kind = R_RET;
	r->ret = fd;
}

/* F_SETFL's `flags` by name into this arch's bits (the spec's values); false after an error in `r`. */
static bool file_flags(const struct jval *flags, unsigned long *out, struct result *r)
{
	*out = 0;
	for (size_t i = 0; i < flags->u.arr.n; i++) {
		size_t k;
		for (k = 0; k < uapi_nfile_flags; k++)
			if (json_is_str(&flags->u.arr.items[i], uapi_file_flags[k].name))
				break;
		if (k == uapi_nfile_flags) {
			result_error(r, "argument flags: item %zu is not a file status flag name", i);
			return false;
		}
		*out |= uapi_file_flags[k].bits;
	}
	return true;
}

void op_fcntl(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd;
	int64_t arg;
	const struct jval *flags;
	if (!arg_fd(c, step, "fd", &fd, r) || !arg_int(step, "arg", true, 0, &arg, r) ||
	    !arg_array(step, "flags", true, &flags, r))
		return;
	const struct jval *cmd = json_get(step, "cmd");
	long ncmd;
	if (json_is_str(cmd, "F_GETPIPE_SZ"))
		ncmd = F_GETPIPE_SZ;
	else if (json_is_str(cmd, "F_SETPIPE_SZ"))
		ncmd = F_SETPIPE_SZ;
	else if (json_is_str(cmd, "F_GETFL"))
		ncmd = F_GETFL;
	else if (json_is_str(cmd, "F_SETFL"))
		ncmd = F_SETFL;
	else {
		result_skip(r, "fcntl: only F_GETPIPE_SZ, F_SETPIPE_SZ, F_GETFL and F_SETFL are known");
		return;
	}
	unsigned long bits = (unsigned long)arg;
	if (flags && !file_flags(flags, &bits, r))
		return;
	/* The raw syscall passes the argument as the kernel's unsigned long, untruncated. */
	result_sys(r, syscall(SYS_fcntl, (long)fd, ncmd, (long)bits));
	if (ncmd == F_GETFL && r->kind == R_RET)
		r->has_flags = true;
}
