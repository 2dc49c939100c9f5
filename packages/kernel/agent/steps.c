/* SPDX-License-Identifier: MIT */
/* Dispatch: op names and which ops bind come from the spec (watchq-ops.h, generated from OPS);
 * a handler is found by name (op_<name>). Handlers are weak references, so an op the spec has
 * but this agent lacks is left out of hello and answered with `skipped`. */
#include "steps.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "children.h"
#include "errnames.h"
#include "pollnames.h"
#include "uapi.h"
#include "watchq-ops.h"

enum bind_kind { BIND_none, BIND_ret, BIND_fds };

struct op_entry {
	const char *name;
	enum bind_kind binds;
	op_fn *fn;
};

#define DECLARE(name, kind) op_fn op_##name __attribute__((weak));
WATCHQ_OPS(DECLARE)
#undef DECLARE

static const struct op_entry OPS[] = {
#define ENTRY(name, kind) { #name, BIND_##kind, op_##name },
	WATCHQ_OPS(ENTRY)
#undef ENTRY
};

/* Hidden ops for the agent's own tests (WATCHQ_AGENT_TEST_OPS=1); never announced in hello. */
op_fn op_test_crash, op_test_exit, op_test_encode_filter, op_test_describe;
static const struct op_entry TEST_OPS[] = {
	{ "__crash", BIND_none, op_test_crash },
	{ "__exit", BIND_none, op_test_exit },
	{ "__encode_filter", BIND_none, op_test_encode_filter },
	{ "__describe", BIND_none, op_test_describe },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct op_entry *find_op(const char *name)
{
	for (size_t i = 0; i < COUNT(OPS); i++)
		if (strcmp(OPS[i].name, name) == 0)
			return &OPS[i];
	if (agent.test_ops)
		for (size_t i = 0; i < COUNT(TEST_OPS); i++)
			if (strcmp(TEST_OPS[i].name, name) == 0)
				return &TEST_OPS[i];
	return NULL;
}

void steps_list_ops(struct buf *out)
{
	bool first = true;
	for (size_t i = 0; i < COUNT(OPS); i++) {
		if (!OPS[i].fn)
			continue;
		if (!first)
			buf_putc(out, ',');
		buf_cstr(out, OPS[i].name);
		first = false;
	}
}

static void put_observation(struct buf *out, const struct result *r, const struct ctx *c)
{
	char tmp[32];
	buf_putc(out, '{');
	switch (r->kind) {
	case R_RET:
		buf_puts(out, "\"ret\":");
		buf_i64(out, r->ret);
		break;
	case R_ERRNO:
		buf_puts(out, "\"errno\":");
		buf_cstr(out, errno_name(r->err, tmp, sizeof tmp));
		break;
	case R_SKIP:
		buf_puts(out, "\"skipped\":");
		buf_cstr(out, r->msg);
		break;
	case R_ERROR: {
		char msg[sizeof r->msg + 128];
		snprintf(msg, sizeof msg, "step %zu (%s): %s", c->step, c->op ? c->op : "?", r->msg);
		buf_puts(out, "\"error\":");
		buf_cstr(out, msg);
		break;
	}
	}
	if (r->kind == R_RET && r->has_fds)
		buf_printf(out, ",\"fds\":[%d,%d]", r->fds[0], r->fds[1]);
	if (r->kind == R_RET && r->has_bytes) {
		buf_puts(out, ",\"bytes\":\"");
		buf_hex(out, r->bytes, r->nbytes);
		buf_putc(out, '"');
	}
	if (r->kind == R_RET && r->has_value) {
		buf_puts(out, ",\"value\":");
		buf_i64(out, r->value);
	}
	if (r->kind == R_RET && r->has_revents) {
		buf_puts(out, ",\"revents\":[");
		bool first = true;
		for (unsigned bit = 1; bit <= 0x8000; bit <<= 1) {
			if (!(r->revents & bit))
				continue;
			const char *name = poll_name(bit);
			if (!name) {
				diag("step %zu (poll): revents bit 0x%x has no protocol name; left out", c->step, bit);
				continue;
			}
			if (!first)
				buf_putc(out, ',');
			buf_cstr(out, name);
			first = false;
		}
		buf_putc(out, ']');
	}
	if (r->kind == R_RET && r->has_flags) {
		/* The access mode, each known flag, then any other set bit as hex. */
		static const char *const MODES[] = { "O_RDONLY", "O_WRONLY", "O_RDWR", "0x3" };
		unsigned long left = (unsigned long)r->ret & ~3ul;
		buf_puts(out, ",\"flags\":[");
		buf_cstr(out, MODES[r->ret & 3]);
		for (size_t i = 0; i < uapi_nfile_flags; i++)
			if (uapi_file_flags[i].bits && (left & uapi_file_flags[i].bits) == uapi_file_flags[i].bits) {
				buf_putc(out, ',');
				buf_cstr(out, uapi_file_flags[i].name);
				left &= ~uapi_file_flags[i].bits;
			}
		for (unsigned long bit = 4; bit && left; bit <<= 1)
			if (left & bit) {
				buf_printf(out, ",\"0x%lx\"", bit);
				left &= ~bit;
			}
		buf_putc(out, ']');
	}
	if ((r->kind == R_RET || r->kind == R_ERRNO) && r->has_elapsed)
		buf_printf(out, ",\"elapsedMs\":%.3f", r->elapsed_ms < 0 ? 0.0 : r->elapsed_ms);
	buf_putc(out, '}');
}

/* Checks a step's `bind` against what the op can bind; the names, or an error in `r`. */
static bool bind_names(const struct jval *step, const struct op_entry *op, const struct jval **names, size_t *n,
		       struct result *r)
{
	const struct jval *bind = json_get(step, "bind");
	*names = NULL;
	*n = 0;
	if (!bind)
		return true;
	if (op->binds == BIND_none) {
		result_error(r, "op %s binds nothing, but the step has a bind", op->name);
		return false;
	}
	if (bind->type == J_STR) {
		*names = bind;
		*n = 1;
	} else if (bind->type == J_ARR && bind->u.arr.n > 0) {
		*names = bind->u.arr.items;
		*n = bind->u.arr.n;
	} else {
		result_error(r, "bind: expected a handle or a non-empty array of handles");
		return false;
	}
	for (size_t i = 0; i < *n; i++) {
		const struct jval *v = &(*names)[i];
		if (v->type != J_STR || !handle_name_ok(v->u.str.s, v->u.str.len)) {
			result_error(r, "bind: item %zu is not a handle ($name)", i);
			return false;
		}
	}
	return true;
}

static bool bind(struct ctx *c, const struct op_entry *op, const struct jval *names, size_t n, struct result *r)
{
	if (r->kind != R_RET || n == 0)
		return true;
	bool ok = true;
	if (op->binds == BIND_fds && r->has_fds)
		for (size_t i = 0; i < n && i < 2; i++)
			ok = ok && handles_set(&c->handles, names[i].u.str.s, r->fds[i]);
	else if (op->binds == BIND_ret)
		ok = handles_set(&c->handles, names[0].u.str.s, r->ret);
	if (!ok)
		result_error(r, "out of memory binding a handle");
	return ok;
}

void steps_run(struct ctx *c, const struct jval *steps, struct buf *out)
{
	buf_putc(out, '[');
	for (size_t i = 0; i < steps->u.arr.n; i++) {
		const struct jval *step = &steps->u.arr.items[i];
		const struct jval *opname = json_get(step, "op");
		struct result r;
		memset(&r, 0, sizeof r);
		c->step = i;
		c->op = opname && opname->type == J_STR ? opname->u.str.s : NULL;
		const struct op_entry *op = c->op ? find_op(c->op) : NULL;
		const struct jval *names = NULL;
		size_t nnames = 0;
		if (step->type != J_OBJ || !c->op)
			result_error(&r, "a step is an object with an op name");
		else if (!op)
			result_skip(&r, "unknown op \"%s\"", c->op);
		else if (!op->fn)
			result_skip(&r, "op %s is not implemented by this agent", c->op);
		else if (bind_names(step, op, &names, &nnames, &r)) {
			op->fn(c, step, &r);
			bind(c, op, names, nnames, &r);
		}
		/* Programs keep writing while the case goes on: their pipes must not fill up. */
		children_drain_all();
		if (i > 0)
			buf_putc(out, ',');
		put_observation(out, &r, c);
		free(r.bytes);
		if (r.kind == R_SKIP || r.kind == R_ERROR)
			break;
	}
	buf_putc(out, ']');
}

/* Ops that act on programs: a probe runs while wait_output waits on one, so none of these. */
static bool program_op(const char *name)
{
	static const char *const PROGRAM_OPS[] = { "spawn", "wait_output", "wait_exit", "output", "kill" };
	for (size_t i = 0; i < COUNT(PROGRAM_OPS); i++)
		if (strcmp(PROGRAM_OPS[i], name) == 0)
			return true;
	return false;
}

void steps_run_nested(struct ctx *c, const struct jval *step, struct result *r)
{
	const struct jval *opname = json_get(step, "op");
	const char *name = opname && opname->type == J_STR ? opname->u.str.s : NULL;
	const struct op_entry *op = name ? find_op(name) : NULL;
	if (step->type != J_OBJ || !name)
		result_error(r, "a step is an object with an op name");
	else if (!op)
		result_skip(r, "unknown op \"%s\"", name);
	else if (!op->fn)
		result_skip(r, "op %s is not implemented by this agent", name);
	else if (program_op(name) || json_get(step, "bind"))
		result_error(r, "op %s cannot run inside another step (it waits on programs or binds)", name);
	else
		op->fn(c, step, r);
}
