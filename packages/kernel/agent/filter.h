/* SPDX-License-Identifier: MIT */
/* The argument of IOC_WATCH_QUEUE_SET_FILTER, built from a step's `filter`. */
#ifndef WATCHQ_AGENT_FILTER_H
#define WATCHQ_AGENT_FILTER_H

#include "agent.h"

struct filter_arg {
	void *ptr;   /* what the ioctl gets: NULL, an unmapped address, or `len` bytes of data */
	size_t len;  /* bytes of data at ptr (0 for NULL and the unmapped address) */
	void *map;   /* the mapping holding the data, followed by an inaccessible guard page */
	size_t maplen;
};

/* null, "bad-pointer", {filters:[…], nr_filters?, reserved?} or {bytes:"hex"}. The data ends
 * right before a PROT_NONE page, so the kernel reading past what the case gave faults (EFAULT)
 * rather than seeing whatever follows in memory. */
bool filter_build(const struct jval *filter, struct filter_arg *out, struct result *r);
void filter_release(struct filter_arg *f);

#endif
