/* SPDX-License-Identifier: MIT */
/* errno numbers and their names (EINVAL), in this arch's numbering, from the C library. */
#ifndef WATCHQ_AGENT_ERRNAMES_H
#define WATCHQ_AGENT_ERRNAMES_H

#include <stddef.h>

/* The name of `e` (EAGAIN, not EWOULDBLOCK); "E<number>" for a number libc has no name for. */
const char *errno_name(int e, char *tmp, size_t n);
/* The number of an errno name, aliases included; -1 if unknown. */
int errno_value(const char *name);

#endif
