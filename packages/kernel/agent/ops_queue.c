/* SPDX-License-Identifier: MIT */
/* The two watch_queue ioctls, with the request numbers from the spec's generated header. */
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "args.h"
#include "filter.h"
#include "uapi.h"

op_fn op_set_size, op_set_filter;

void op_set_size(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd;
	int64_t notes;
	if (!arg_fd(c, step, "fd", &fd, r) || !arg_int(step, "notes", false, 0, &notes, r))
		return;
	/* By value, as an unsigned long: the kernel truncates it to 32 bits itself. */
	result_sys(r, syscall(SYS_ioctl, (long)fd, (long)uapi_ioc_set_size, (long)notes));
}

void op_set_filter(struct ctx *c, const struct jval *step, struct result *r)
{
	int fd;
	struct filter_arg f;
	if (!arg_fd(c, step, "fd", &fd, r) || !filter_build(json_get(step, "filter"), &f, r))
		return;
	result_sys(r, syscall(SYS_ioctl, (long)fd, (long)uapi_ioc_set_filter, (long)(uintptr_t)f.ptr));
	filter_release(&f);
}
