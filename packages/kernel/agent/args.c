/* SPDX-License-Identifier: MIT */
/* Step arguments, with the host guard for keys: as PID 1 in a throwaway VM every key may be
 * used; on a host only what the case created or reached through its fresh session keyring. */
#include "args.h"

#include <errno.h>
#include <linux/keyctl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "errnames.h"
#include "ownkeys.h"

static bool handle_value(struct ctx *c, const struct jval *v, const char *name, int64_t *out, struct result *r)
{
	if (!handle_name_ok(v->u.str.s, v->u.str.len)) {
		result_error(r, "argument %s: \"%s\" is not a handle ($name)", name, v->u.str.s);
		return false;
	}
	if (!handles_get(&c->handles, v->u.str.s, out)) {
		result_error(r, "argument %s: handle %s is not bound", name, v->u.str.s);
		return false;
	}
	return true;
}

bool arg_fd(struct ctx *c, const struct jval *step, const char *name, int *out, struct result *r)
{
	const struct jval *v = json_get(step, name);
	int64_t x;
	if (v && v->type == J_STR) {
		if (!handle_value(c, v, name, &x, r))
			return false;
	} else if (!json_int(v, &x)) {
		result_error(r, "argument %s: expected an integer fd or a handle", name);
		return false;
	}
	/* Out-of-range numbers wrap as the kernel's 32-bit fd would. */
	*out = (int)(int32_t)(uint32_t)(uint64_t)x;
	return true;
}

bool arg_int(const struct jval *step, const char *name, bool optional, int64_t def, int64_t *out, struct result *r)
{
	const struct jval *v = json_get(step, name);
	if (!v && optional) {
		*out = def;
		return true;
	}
	if (!json_int(v, out)) {
		result_error(r, "argument %s: expected an integer", name);
		return false;
	}
	return true;
}

static const struct {
	const char *name;
	int32_t id;
	/* Shared beyond the case process: the user's, or the group's. @t and @p are made fresh for
	 * the case process (fork does not inherit them), @s is the session it joined, and @a/@r
	 * exist only with construction authority, which a case process never has. */
	bool shared;
} SPECIAL[] = {
	{ "@t", KEY_SPEC_THREAD_KEYRING, false },
	{ "@p", KEY_SPEC_PROCESS_KEYRING, false },
	{ "@s", KEY_SPEC_SESSION_KEYRING, false },
	{ "@u", KEY_SPEC_USER_KEYRING, true },
	{ "@us", KEY_SPEC_USER_SESSION_KEYRING, true },
	{ "@g", KEY_SPEC_GROUP_KEYRING, true },
	{ "@a", KEY_SPEC_REQKEY_AUTH_KEY, false },
	{ "@r", KEY_SPEC_REQUESTOR_KEYRING, false },
};

/* On a host: a positive serial the case did not make is used only if no such key exists. */
static bool foreign_serial(int32_t serial)
{
	if (serial <= 0 || ownkeys_is_own(serial))
		return false;
	long ret = syscall(__NR_keyctl, (long)KEYCTL_DESCRIBE, (long)serial, 0L, 0L);
	/* ENOSYS: no keys at all here, so nothing to protect. */
	return !(ret == -1 && (errno == ENOKEY || errno == ENOSYS));
}

bool arg_key(struct ctx *c, const struct jval *step, const char *name, bool optional, int64_t def, long *out,
	     struct result *r)
{
	const struct jval *v = json_get(step, name);
	int64_t x;
	if (!v && optional) {
		x = def;
	} else if (v && v->type == J_STR && v->u.str.len > 0 && v->u.str.s[0] == '@') {
		size_t i;
		for (i = 0; i < sizeof SPECIAL / sizeof SPECIAL[0]; i++)
			if (strcmp(SPECIAL[i].name, v->u.str.s) == 0)
				break;
		if (i == sizeof SPECIAL / sizeof SPECIAL[0]) {
			result_error(r, "argument %s: unknown special keyring \"%s\"", name, v->u.str.s);
			return false;
		}
		if (agent.host && SPECIAL[i].shared) {
			result_skip(r, "%s", HOST_KEYS_REFUSED);
			return false;
		}
		if (agent.host && SPECIAL[i].id == KEY_SPEC_SESSION_KEYRING && c->session <= 0 && !c->keys_absent) {
			char tmp[32];
			result_skip(r,
				    "the case could not join a fresh session keyring (%s), so @s would be the user's "
				    "own; " HOST_KEYS_REFUSED,
				    errno_name(c->session_errno, tmp, sizeof tmp));
			return false;
		}
		*out = SPECIAL[i].id;
		return true;
	} else if (v && v->type == J_STR) {
		if (!handle_value(c, v, name, &x, r))
			return false;
	} else if (!json_int(v, &x)) {
		result_error(r, "argument %s: expected a serial, a handle or a special keyring (@s…)", name);
		return false;
	}
	int32_t serial = (int32_t)(uint32_t)(uint64_t)x;
	if (agent.host && foreign_serial(serial)) {
		result_skip(r, "key %d was not made by this case; " HOST_KEYS_REFUSED, (int)serial);
		return false;
	}
	*out = (long)x;
	return true;
}

bool arg_str(const struct jval *step, const char *name, bool optional, const char **s, size_t *len,
	     struct result *r)
{
	const struct jval *v = json_get(step, name);
	if ((!v && optional) || (v && v->type == J_NULL)) {
		*s = NULL;
		*len = 0;
		return true;
	}
	if (!v || v->type != J_STR) {
		result_error(r, "argument %s: expected a string", name);
		return false;
	}
	*s = v->u.str.s;
	*len = v->u.str.len;
	return true;
}


static bool space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool hex_decode(const char *s, size_t len, unsigned char **out, size_t *n)
{
	unsigned char *b = malloc(len / 2 + 1);
	if (!b)
		return false;
	size_t k = 0;
	for (size_t i = 0; i < len;) {
		if (space(s[i])) {
			i++;
			continue;
		}
		int hi = json_hexval(s[i]);
		int lo = i + 1 < len ? json_hexval(s[i + 1]) : -1;
		if (hi < 0 || lo < 0) {
			free(b);
			return false;
		}
		b[k++] = (unsigned char)(hi << 4 | lo);
		i += 2;
	}
	*out = b;
	*n = k;
	return true;
}

bool arg_array(const struct jval *step, const char *name, bool optional, const struct jval **out, struct result *r)
{
	const struct jval *v = json_get(step, name);
	if (!v && optional) {
		*out = NULL;
		return true;
	}
	if (!v || v->type != J_ARR) {
		result_error(r, "argument %s: expected an array", name);
		return false;
	}
	*out = v;
	return true;
}
