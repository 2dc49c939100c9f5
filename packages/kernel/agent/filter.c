/* SPDX-License-Identifier: MIT */
/* Filter encoding: the layout (sizes, subtype words, native byte order) is the generated
 * header's, reached through uapi.c. */
#define _GNU_SOURCE
#include "filter.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "args.h"
#include "errnames.h"
#include "uapi.h"

/* More entries than any kernel accepts (16), so that over-long filters reach the kernel. */
#define FILTER_MAX_ENTRIES 1024

static bool guarded(size_t n, struct filter_arg *f, struct result *r)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t data_pages = n / page + 1;
	size_t len = (data_pages + 1) * page;
	char *map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char ebuf[32];
	if (map == MAP_FAILED) {
		result_error(r, "set_filter: mmap: %s", errno_name(errno, ebuf, sizeof ebuf));
		return false;
	}
	if (mprotect(map + data_pages * page, page, PROT_NONE) != 0) {
		result_error(r, "set_filter: mprotect: %s", errno_name(errno, ebuf, sizeof ebuf));
		munmap(map, len);
		return false;
	}
	f->map = map;
	f->maplen = len;
	f->ptr = map + data_pages * page - n;
	f->len = n;
	return true;
}

static bool u32_member(const struct jval *o, const char *name, uint32_t *out, const char *where, struct result *r)
{
	const struct jval *v = json_get(o, name);
	int64_t x = 0;
	if (v && (!json_int(v, &x) || x < 0 || x > UINT32_MAX)) {
		result_error(r, "argument filter: %s.%s: expected an integer from 0 to 0xffffffff", where, name);
		return false;
	}
	*out = (uint32_t)x;
	return true;
}

static bool entries(const struct jval *filter, struct filter_arg *out, struct result *r)
{
	const struct jval *list = json_get(filter, "filters");
	if (!list || list->type != J_ARR || list->u.arr.n > FILTER_MAX_ENTRIES) {
		result_error(r, "argument filter: filters: expected an array of at most %d entries", FILTER_MAX_ENTRIES);
		return false;
	}
	size_t n = list->u.arr.n;
	struct filter_entry *e = calloc(n ? n : 1, sizeof *e);
	if (!e) {
		result_error(r, "set_filter: out of memory");
		return false;
	}
	uint32_t nr = (uint32_t)n, reserved = 0;
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		const struct jval *item = &list->u.arr.items[i];
		char where[32];
		snprintf(where, sizeof where, "filters[%zu]", i);
		if (item->type != J_OBJ || !json_get(item, "type")) {
			result_error(r, "argument filter: %s: expected an object with a type", where);
			ok = false;
			break;
		}
		ok = u32_member(item, "type", &e[i].type, where, r) &&
		     u32_member(item, "info_filter", &e[i].info_filter, where, r) &&
		     u32_member(item, "info_mask", &e[i].info_mask, where, r);
		const struct jval *sub = json_get(item, "subtype_filter");
		if (ok && sub) {
			if (sub->type != J_ARR || sub->u.arr.n > uapi_filter_subtypes) {
				result_error(r, "argument filter: %s.subtype_filter: expected at most %zu words", where,
					     uapi_filter_subtypes);
				ok = false;
				break;
			}
			for (size_t j = 0; ok && j < sub->u.arr.n; j++) {
				int64_t w;
				if (!json_int(&sub->u.arr.items[j], &w) || w < 0 || w > UINT32_MAX) {
					result_error(r, "argument filter: %s.subtype_filter[%zu]: expected a 32-bit word",
						     where, j);
					ok = false;
					break;
				}
				e[i].subtype[j] = (uint32_t)w;
			}
			e[i].nsubtype = sub->u.arr.n;
		}
	}
	ok = ok && u32_member(filter, "nr_filters", &nr, "filter", r) &&
	     u32_member(filter, "reserved", &reserved, "filter", r);
	if (ok && !json_get(filter, "nr_filters"))
		nr = (uint32_t)n;
	if (ok && guarded(uapi_filter_size(n), out, r))
		uapi_filter_encode(out->ptr, nr, reserved, e, n);
	else
		ok = false;
	free(e);
	return ok;
}

bool filter_build(const struct jval *filter, struct filter_arg *out, struct result *r)
{
	memset(out, 0, sizeof *out);
	if (!filter) {
		result_error(r, "argument filter: missing");
		return false;
	}
	if (filter->type == J_NULL)
		return true;
	if (json_is_str(filter, "bad-pointer")) {
		/* Unmapped for certain: nothing in this single-threaded process maps memory in between. */
		size_t page = (size_t)sysconf(_SC_PAGESIZE);
		void *p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED) {
			result_error(r, "set_filter: mmap failed");
			return false;
		}
		munmap(p, page);
		out->ptr = p;
		return true;
	}
	if (filter->type == J_OBJ && json_get(filter, "bytes")) {
		const struct jval *hex = json_get(filter, "bytes");
		unsigned char *b;
		size_t n;
		if (hex->type != J_STR || !hex_decode(hex->u.str.s, hex->u.str.len, &b, &n)) {
			result_error(r, "argument filter: bytes: expected hex digit pairs");
			return false;
		}
		bool ok = guarded(n, out, r);
		if (ok && n)
			memcpy(out->ptr, b, n);
		free(b);
		return ok;
	}
	if (filter->type == J_OBJ)
		return entries(filter, out, r);
	result_error(r, "argument filter: expected null, \"bad-pointer\", {filters} or {bytes}");
	return false;
}

void filter_release(struct filter_arg *f)
{
	if (f->map)
		munmap(f->map, f->maplen);
	memset(f, 0, sizeof *f);
}
