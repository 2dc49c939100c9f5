/* SPDX-License-Identifier: MIT */
/* Reading a step's arguments. Each helper returns false after filling `r` with an error (bad or
 * missing argument, unbound handle) or a skip (a key the agent must not touch on a host). */
#ifndef WATCHQ_AGENT_ARGS_H
#define WATCHQ_AGENT_ARGS_H

#include "agent.h"

/* An fd: an integer, or a handle bound earlier in the case. */
bool arg_fd(struct ctx *c, const struct jval *step, const char *name, int *out, struct result *r);
/* A plain integer; when absent, `def` if optional, else an error. */
bool arg_int(const struct jval *step, const char *name, bool optional, int64_t def, int64_t *out, struct result *r);
/* A key: an integer serial, a handle, or a special keyring (@s…); `def` when absent and optional.
 * On a host, keys outside the case's own session are refused here (R_SKIP). */
bool arg_key(struct ctx *c, const struct jval *step, const char *name, bool optional, int64_t def, long *out,
	     struct result *r);
/* A string, or NULL for JSON null / absent when `optional`. */
bool arg_str(const struct jval *step, const char *name, bool optional, const char **s, size_t *len,
	     struct result *r);
/* Hex digit pairs (whitespace between pairs allowed) into a new buffer (at least 1 byte allocated). */
bool hex_decode(const char *s, size_t len, unsigned char **out, size_t *n);
/* An array argument; an error when absent (unless optional: then *out is NULL). */
bool arg_array(const struct jval *step, const char *name, bool optional, const struct jval **out, struct result *r);

/* The message for keys the agent leaves alone on a host. */
#define HOST_KEYS_REFUSED \
	"the agent does not touch the user's own keyrings on a host; run it in a VM (--impl vm:…)"

#endif
