/* SPDX-License-Identifier: MIT */
/* The one decoding loop of packages/decoder/src/decode.ts, over the generated tables:
 * the header per the revision's bitfields and info masks, the rule for (type, subtype), the
 * largest struct variant the record's length covers, the struct's fields. */
#include "decode.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "tables.h"

size_t wq_revision_count(void)
{
	return WQ_REVISION_COUNT;
}

const struct wq_revision *wq_revision_at(size_t i)
{
	return i < WQ_REVISION_COUNT ? &wq_revisions[i] : NULL;
}

const struct wq_revision *wq_revision_find(const char *id)
{
	for (size_t i = 0; i < WQ_REVISION_COUNT; i++)
		if (strcmp(wq_revisions[i].id, id) == 0)
			return &wq_revisions[i];
	return NULL;
}

static uint64_t rd(const uint8_t *p, unsigned size, bool little)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < size; i++)
		v |= (uint64_t)p[little ? i : size - 1 - i] << (8 * i);
	return v;
}

static unsigned field_size(enum wq_field_type t)
{
	switch (t) {
	case WQ_U8:
		return 1;
	case WQ_U16:
		return 2;
	case WQ_U32:
		return 4;
	case WQ_U64:
		return 8;
	default:
		return 0;
	}
}

static uint32_t width_mask(unsigned width)
{
	return width >= 32 ? UINT32_MAX : (UINT32_C(1) << width) - 1;
}

/* The rule for (type, subtype): an exact one wins over the type's catch-all; among equals the first. */
static const struct wq_rule *rule_for(const struct wq_revision *rev, uint32_t type, unsigned subtype)
{
	const struct wq_rule *best = NULL;
	for (unsigned i = 0; i < rev->nrules; i++) {
		const struct wq_rule *r = &rev->rules[i];
		if (r->type != type || (r->subtype != WQ_ANY_SUBTYPE && (unsigned)r->subtype != subtype))
			continue;
		if (!best || (r->subtype != WQ_ANY_SUBTYPE && best->subtype == WQ_ANY_SUBTYPE))
			best = r;
	}
	return best;
}

static unsigned fixed_part(const struct wq_rule *r, const struct wq_struct *s)
{
	return r->length == WQ_LENGTH_FLEXIBLE ? r->base : s->size;
}

static const char *event_name(const struct wq_rule *r, unsigned subtype)
{
	for (unsigned i = 0; i < r->nevents; i++)
		if (r->events[i].subtype == subtype)
			return r->events[i].name;
	return NULL;
}

struct header {
	size_t offset;
	uint64_t length;
	uint32_t type, subtype, info, watch_id, type_info;
};

static void header_json(struct buf *o, const struct header *h, const char *kind)
{
	buf_printf(o, "{\"offset\":%zu,\"length\":%" PRIu64 ",\"kind\":", h->offset, h->length);
	buf_str(o, kind, strlen(kind));
	buf_printf(o, ",\"type\":%" PRIu32 ",\"subtype\":%" PRIu32 ",\"watchId\":%" PRIu32 ",\"typeInfo\":%" PRIu32
		   ",\"info\":%" PRIu32,
		h->type, h->subtype, h->watch_id, h->type_info, h->info);
}

/* The record's payload, or false (nothing written) when a byte array runs past its length. */
static bool payload_fits(const struct wq_struct *s, const uint8_t *rec, uint64_t length, bool little)
{
	for (unsigned i = 0; i < s->nfields; i++) {
		const struct wq_field *f = &s->fields[i];
		if (f->type != WQ_BYTES)
			continue;
		const struct wq_field *c = &s->fields[f->count_field];
		uint64_t count = rd(rec + c->offset, field_size(c->type), little);
		if (f->offset + count > length)
			return false;
	}
	return true;
}

static void record_json(struct buf *o, const struct header *h, const struct wq_rule *r, const struct wq_struct *s,
			const uint8_t *rec, bool little)
{
	header_json(o, h, r->kind);
	if (r->evented) {
		const char *ev = event_name(r, h->subtype);
		buf_puts(o, ",\"event\":");
		if (ev)
			buf_str(o, ev, strlen(ev));
		else
			buf_puts(o, "null");
	}
	for (unsigned i = 0; i < s->nfields; i++) {
		const struct wq_field *f = &s->fields[i];
		buf_puts(o, ",");
		buf_str(o, f->name, strlen(f->name));
		buf_puts(o, ":");
		if (f->type == WQ_BYTES) {
			const struct wq_field *c = &s->fields[f->count_field];
			uint64_t count = rd(rec + c->offset, field_size(c->type), little);
			buf_puts(o, "\"");
			buf_hex(o, rec + f->offset, (size_t)count);
			buf_puts(o, "\"");
		} else if (f->type == WQ_U64) {
			buf_printf(o, "\"%" PRIu64 "\"", rd(rec + f->offset, 8, little));
		} else {
			buf_printf(o, "%" PRIu64, rd(rec + f->offset, field_size(f->type), little));
		}
	}
	buf_puts(o, "}");
}

static void unknown_json(struct buf *o, const struct header *h, const char *reason, const uint8_t *rec)
{
	header_json(o, h, "unknown");
	buf_puts(o, ",\"reason\":");
	buf_str(o, reason, strlen(reason));
	buf_puts(o, ",\"bytes\":\"");
	buf_hex(o, rec, (size_t)h->length);
	buf_puts(o, "\"}");
}

static void error_json(struct buf *o, size_t mark, const char *code, size_t at, const char *message)
{
	o->len = mark;
	if (o->p)
		o->p[mark] = '\0';
	buf_puts(o, "\"error\":{\"code\":");
	buf_str(o, code, strlen(code));
	buf_printf(o, ",\"offset\":%zu,\"message\":", at);
	buf_str(o, message, strlen(message));
	buf_puts(o, "}");
}

void wq_decode(const struct wq_revision *rev, bool little, const uint8_t *b, size_t n, struct buf *o)
{
	const size_t mark = o->len;
	const unsigned type_shift = little ? rev->type.le : rev->type.be;
	const unsigned subtype_shift = little ? rev->subtype.le : rev->subtype.be;
	const uint32_t type_mask = width_mask(rev->type.width), subtype_mask = width_mask(rev->subtype.width);
	char msg[160];
	size_t at = 0;

	buf_puts(o, "\"records\":[");
	while (at < n) {
		const size_t left = n - at;
		if (left < 8) {
			snprintf(msg, sizeof msg, "%zu bytes left, a record header needs 8 (at byte offset %zu)", left, at);
			error_json(o, mark, "short-header", at, msg);
			return;
		}
		const uint8_t *rec = b + at;
		struct header h = { .offset = at };
		const uint32_t w0 = (uint32_t)rd(rec, 4, little);
		h.info = (uint32_t)rd(rec + 4, 4, little);
		h.length = (uint64_t)((h.info & rev->length_mask) >> rev->length_shift) * rev->length_unit;
		if (h.length < 8) {
			snprintf(msg, sizeof msg, "record length %" PRIu64 " is below the 8-byte header (at byte offset %zu)",
				 h.length, at);
			error_json(o, mark, "length-too-small", at, msg);
			return;
		}
		if (h.length > left) {
			snprintf(msg, sizeof msg,
				 "record length %" PRIu64 " runs past the end (%zu bytes left) (at byte offset %zu)", h.length,
				 left, at);
			error_json(o, mark, "truncated", at, msg);
			return;
		}
		h.type = (w0 >> type_shift) & type_mask;
		h.subtype = (w0 >> subtype_shift) & subtype_mask;
		h.watch_id = (h.info & rev->id_mask) >> rev->id_shift;
		h.type_info = (h.info & rev->type_info_mask) >> rev->type_info_shift;

		if (at > 0)
			buf_puts(o, ",");
		const struct wq_rule *r = rule_for(rev, h.type, h.subtype);
		const struct wq_struct *s = NULL;
		if (r)
			for (unsigned i = 0; i < r->nstructs; i++)
				if (fixed_part(r, r->structs[i]) <= h.length)
					s = r->structs[i];
		if (s && payload_fits(s, rec, h.length, little))
			record_json(o, &h, r, s, rec, little);
		else
			unknown_json(o, &h, r ? "record-too-short" : "unknown-type", rec);
		at += (size_t)h.length;
	}
	buf_puts(o, "]");
}
