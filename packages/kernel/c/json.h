/* SPDX-License-Identifier: MIT */
/* A small JSON reader: one request line becomes a tree of values. Integers keep 64 bits. */
#ifndef WATCHQ_AGENT_JSON_H
#define WATCHQ_AGENT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jmember;

struct jval {
	enum jtype type;
	union {
		bool b;
		struct {
			int64_t i;   /* valid when is_int */
			double d;    /* always set */
			bool is_int; /* written as an integer that fits in 64 bits */
		} num;
		struct {
			char *s; /* NUL-terminated; may also hold NULs (\u0000), so use len */
			size_t len;
		} str;
		struct {
			struct jval *items;
			size_t n;
		} arr;
		struct {
			struct jmember *m;
			size_t n;
		} obj;
	} u;
};

struct jmember {
	char *key;
	struct jval val;
};

/* Nesting deeper than this is refused: the parser recurses and must not run out of stack. */
#define JSON_MAX_DEPTH 64

/* Parses exactly one value (surrounding whitespace allowed). NULL on error, with `err` set. */
struct jval *json_parse(const char *text, size_t len, char *err, size_t errlen);
void json_free(struct jval *v);

/* The member `key` of an object, or NULL (also when `obj` is not an object). */
const struct jval *json_get(const struct jval *obj, const char *key);
/* An integral number within int64 (1e3 and 4096.0 count). */
bool json_int(const struct jval *v, int64_t *out);
/* The value of one hex digit (either case), or -1. */
int json_hexval(char c);
bool json_is_str(const struct jval *v, const char *s);

#endif
