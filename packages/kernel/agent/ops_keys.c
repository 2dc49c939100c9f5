/* SPDX-License-Identifier: MIT */
/* add_key(2) and keyctl(2), called directly (no libkeyutils). Key arguments pass through
 * arg_key, which keeps a case on a host inside its own session keyring. */
#include <linux/keyctl.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "args.h"
#include "errnames.h"
#include "ownkeys.h"
#include "uapi.h"

op_fn op_add_key, op_keyring_id, op_update, op_link, op_unlink, op_move, op_clear, op_revoke, op_invalidate,
	op_setperm, op_chown, op_set_timeout, op_restrict_keyring, op_negate, op_reject, op_watch, op_unwatch;

static long keyctl(long cmd, long a2, long a3, long a4, long a5)
{
	return syscall(__NR_keyctl, cmd, a2, a3, a4, a5);
}

static long ptr(const void *p)
{
	return (long)(uintptr_t)p;
}

void op_add_key(struct ctx *c, const struct jval *step, struct result *r)
{
	const char *type, *desc, *payload;
	size_t tlen, dlen, plen;
	long ring;
	if (!arg_str(step, "type", false, &type, &tlen, r) || !arg_str(step, "description", false, &desc, &dlen, r) ||
	    !arg_str(step, "payload", false, &payload, &plen, r) || !arg_key(c, step, "keyring", false, 0, &ring, r))
		return;
	long ret = syscall(__NR_add_key, ptr(type), ptr(desc), ptr(payload), (long)plen, ring);
	result_sys(r, ret);
	if (ret > 0)
		ownkeys_created((int32_t)ret);
}

void op_keyring_id(struct ctx *c, const struct jval *step, struct result *r)
{
	long key;
	const struct jval *create = json_get(step, "create");
	if (create && create->type != J_BOOL) {
		result_error(r, "argument create: expected a boolean");
		return;
	}
	if (!arg_key(c, step, "keyring", false, 0, &key, r))
		return;
	long ret = keyctl(KEYCTL_GET_KEYRING_ID, key, create && create->u.b ? 1 : 0, 0, 0);
	result_sys(r, ret);
	if (ret > 0)
		ownkeys_known((int32_t)ret);
}

void op_update(struct ctx *c, const struct jval *step, struct result *r)
{
	long key;
	const char *payload;
	size_t plen;
	if (arg_key(c, step, "key", false, 0, &key, r) && arg_str(step, "payload", false, &payload, &plen, r))
		result_sys(r, keyctl(KEYCTL_UPDATE, key, ptr(payload), (long)plen, 0));
}

void op_link(struct ctx *c, const struct jval *step, struct result *r)
{
	long key, ring;
	if (arg_key(c, step, "key", false, 0, &key, r) && arg_key(c, step, "keyring", false, 0, &ring, r))
		result_sys(r, keyctl(KEYCTL_LINK, key, ring, 0, 0));
}

void op_unlink(struct ctx *c, const struct jval *step, struct result *r)
{
	long key, ring;
	if (arg_key(c, step, "key", false, 0, &key, r) && arg_key(c, step, "keyring", false, 0, &ring, r))
		result_sys(r, keyctl(KEYCTL_UNLINK, key, ring, 0, 0));
}

void op_move(struct ctx *c, const struct jval *step, struct result *r)
{
	long key, from, to;
	int64_t flags;
	if (arg_key(c, step, "key", false, 0, &key, r) && arg_key(c, step, "from", false, 0, &from, r) &&
	    arg_key(c, step, "to", false, 0, &to, r) && arg_int(step, "flags", true, 0, &flags, r))
		result_sys(r, keyctl(KEYCTL_MOVE, key, from, to, (long)flags));
}

void op_clear(struct ctx *c, const struct jval *step, struct result *r)
{
	long ring;
	if (arg_key(c, step, "keyring", false, 0, &ring, r))
		result_sys(r, keyctl(KEYCTL_CLEAR, ring, 0, 0, 0));
}

void op_revoke(struct ctx *c, const struct jval *step, struct result *r)
{
	long key;
	if (arg_key(c, step, "key", false, 0, &key, r))
		result_sys(r, keyctl(KEYCTL_REVOKE, key, 0, 0, 0));
}

void op_invalidate(struct ctx *c, const struct jval *step, struct result *r)
{
	long key;
	if (arg_key(c, step, "key", false, 0, &key, r))
		result_sys(r, keyctl(KEYCTL_INVALIDATE, key, 0, 0, 0));
}

void op_setperm(struct ctx *c, const struct jval *step, struct result *r)
{
	long key;
	int64_t perm;
	if (arg_key(c, step, "key", false, 0, &key, r) && arg_int(step, "perm", false, 0, &perm, r))
		result_sys(r, keyctl(KEYCTL_SETPERM, key, (long)perm, 0, 0));
}

void op_chown(struct ctx *c, const struct jval *step, struct result *r)
{
	long key;
	int64_t uid, gid;
	/* -1 stays -1: the kernel reads (uid_t)-1 as "leave unchanged". */
	if (arg_key(c, step, "key", false, 0, &key, r) && arg_int(step, "uid", false, 0, &uid, r) &&
	    arg_int(step, "gid", false, 0, &gid, r))
		result_sys(r, keyctl(KEYCTL_CHOWN, key, (long)uid, (long)gid, 0));
}

void op_set_timeout(struct ctx *c, const struct jval *step, struct result *r)
{
	long key;
	int64_t seconds;
	if (arg_key(c, step, "key", false, 0, &key, r) && arg_int(step, "seconds", false, 0, &seconds, r))
		result_sys(r, keyctl(KEYCTL_SET_TIMEOUT, key, (long)seconds, 0, 0));
}

void op_restrict_keyring(struct ctx *c, const struct jval *step, struct result *r)
{
	long ring;
	const char *type, *restriction;
	size_t tlen, rlen;
	if (arg_key(c, step, "keyring", false, 0, &ring, r) && arg_str(step, "type", true, &type, &tlen, r) &&
	    arg_str(step, "restriction", true, &restriction, &rlen, r))
		result_sys(r, keyctl(KEYCTL_RESTRICT_KEYRING, ring, ptr(type), ptr(restriction), 0));
}

void op_negate(struct ctx *c, const struct jval *step, struct result *r)
{
	long key, ring;
	int64_t timeout;
	if (arg_key(c, step, "key", false, 0, &key, r) && arg_int(step, "timeout", false, 0, &timeout, r) &&
	    arg_key(c, step, "keyring", true, 0, &ring, r))
		result_sys(r, keyctl(KEYCTL_NEGATE, key, (long)timeout, ring, 0));
}

void op_reject(struct ctx *c, const struct jval *step, struct result *r)
{
	long key, ring;
	int64_t timeout;
	const char *error;
	size_t elen;
	if (!arg_key(c, step, "key", false, 0, &key, r) || !arg_int(step, "timeout", false, 0, &timeout, r) ||
	    !arg_str(step, "error", false, &error, &elen, r) || !arg_key(c, step, "keyring", true, 0, &ring, r))
		return;
	int e = errno_value(error);
	if (e < 0) {
		result_error(r, "argument error: unknown errno name \"%s\"", error);
		return;
	}
	result_sys(r, keyctl(KEYCTL_REJECT, key, (long)timeout, (long)e, ring));
}

static void watch(struct ctx *c, const struct jval *step, struct result *r, bool remove)
{
	long key;
	int fd;
	int64_t id = -1;
	if (!arg_key(c, step, "key", false, 0, &key, r) || !arg_fd(c, step, "fd", &fd, r) ||
	    (!remove && !arg_int(step, "id", false, 0, &id, r)))
		return;
	/* The id as given (0xffffffff and 256 included): the kernel does the narrowing. */
	result_sys(r, keyctl(uapi_keyctl_watch_key, key, (long)fd, (long)id, 0));
}

void op_watch(struct ctx *c, const struct jval *step, struct result *r)
{
	watch(c, step, r, false);
}

void op_unwatch(struct ctx *c, const struct jval *step, struct result *r)
{
	watch(c, step, r, true);
}
