/* SPDX-License-Identifier: MIT */
/* A case's handles: `$name` → the fd or key serial a step bound to it. */
#ifndef WATCHQ_AGENT_HANDLES_H
#define WATCHQ_AGENT_HANDLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct handle {
	char *name; /* with the $ */
	int64_t value;
};

struct handles {
	struct handle *v;
	size_t n, cap;
};

/* Whether `name` is a handle as the protocol spells them: $ then [A-Za-z_][A-Za-z0-9_]*. */
bool handle_name_ok(const char *name, size_t len);
bool handles_get(const struct handles *h, const char *name, int64_t *value);
/* Binds (or rebinds) `name`; false when out of memory. */
bool handles_set(struct handles *h, const char *name, int64_t value);
void handles_free(struct handles *h);

#endif
