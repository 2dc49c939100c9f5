/* SPDX-License-Identifier: MIT */
/* JSON reader (RFC 8259). Recursive descent with a depth limit; every failure is an error
 * message, never a crash: requests come from outside. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parser {
	const char *p, *end, *start;
	char *err;
	size_t errlen;
	bool failed;
};

static void fail(struct parser *ps, const char *what)
{
	if (ps->failed)
		return;
	ps->failed = true;
	snprintf(ps->err, ps->errlen, "%s at byte %zu", what, (size_t)(ps->p - ps->start));
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

static bool literal(struct parser *ps, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) {
		fail(ps, "invalid literal");
		return false;
	}
	ps->p += n;
	return true;
}

int json_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool hex4(struct parser *ps, unsigned *out)
{
	if (ps->end - ps->p < 4) {
		fail(ps, "truncated \\u escape");
		return false;
	}
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		int h = json_hexval(ps->p[i]);
		if (h < 0) {
			fail(ps, "bad \\u escape");
			return false;
		}
		v = v * 16 + (unsigned)h;
	}
	ps->p += 4;
	*out = v;
	return true;
}

static size_t put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* The decoded text is never longer than the quoted source, so one allocation suffices. */
static bool string(struct parser *ps, char **out, size_t *outlen)
{
	ps->p++; /* opening quote */
	const char *q = ps->p;
	while (q < ps->end && *q != '"')
		q += (*q == '\\' && ps->end - q >= 2) ? 2 : 1;
	if (q >= ps->end) {
		fail(ps, "unterminated string");
		return false;
	}
	char *buf = malloc((size_t)(q - ps->p) + 1);
	if (!buf) {
		fail(ps, "out of memory");
		return false;
	}
	size_t n = 0;
	while (*ps->p != '"') {
		unsigned char c = (unsigned char)*ps->p;
		if (c < 0x20) {
			fail(ps, "control character in string");
			free(buf);
			return false;
		}
		if (c != '\\') {
			buf[n++] = (char)c;
			ps->p++;
			continue;
		}
		ps->p++;
		char e = *ps->p++;
		switch (e) {
		case '"': buf[n++] = '"'; break;
		case '\\': buf[n++] = '\\'; break;
		case '/': buf[n++] = '/'; break;
		case 'b': buf[n++] = '\b'; break;
		case 'f': buf[n++] = '\f'; break;
		case 'n': buf[n++] = '\n'; break;
		case 'r': buf[n++] = '\r'; break;
		case 't': buf[n++] = '\t'; break;
		case 'u': {
			unsigned cp;
			if (!hex4(ps, &cp)) {
				free(buf);
				return false;
			}
			/* A surrogate pair is one code point; a lone surrogate becomes U+FFFD. */
			if (cp >= 0xd800 && cp < 0xdc00 && ps->end - ps->p >= 6 && ps->p[0] == '\\' && ps->p[1] == 'u') {
				const char *save = ps->p;
				unsigned lo;
				ps->p += 2;
				if (hex4(ps, &lo) && lo >= 0xdc00 && lo < 0xe000)
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				else if (ps->failed) {
					free(buf);
					return false;
				} else
					ps->p = save;
			}
			if (cp >= 0xd800 && cp < 0xe000)
				cp = 0xfffd;
			/* \uXXXX is 6 source bytes and at most 3 output bytes; a pair is 12 and 4. */
			n += put_utf8(buf + n, cp);
			break;
		}
		default:
			fail(ps, "bad escape in string");
			free(buf);
			return false;
		}
	}
	ps->p++; /* closing quote */
	buf[n] = '\0';
	*out = buf;
	*outlen = n;
	return true;
}

static bool number(struct parser *ps, struct jval *v)
{
	const char *s = ps->p;
	bool integral = true;
	if (ps->p < ps->end && *ps->p == '-')
		ps->p++;
	if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9') {
		fail(ps, "bad number");
		return false;
	}
	if (*ps->p == '0')
		ps->p++;
	else
		while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
	if (ps->p < ps->end && *ps->p == '.') {
		integral = false;
		ps->p++;
		if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9') {
			fail(ps, "bad number");
			return false;
		}
		while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
	}
	if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
		integral = false;
		ps->p++;
		if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
			ps->p++;
		if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9') {
			fail(ps, "bad number");
			return false;
		}
		while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
	}
	size_t len = (size_t)(ps->p - s);
	v->type = J_NUM;
	v->u.num.is_int = false;
	if (integral) {
		/* Exact 64-bit accumulation; on overflow the value is only kept as a double. */
		bool neg = *s == '-';
		uint64_t mag = 0;
		bool overflow = false;
		for (const char *d = s + (neg ? 1 : 0); d < ps->p; d++) {
			unsigned digit = (unsigned)(*d - '0');
			if (mag > (UINT64_MAX - digit) / 10) {
				overflow = true;
				break;
			}
			mag = mag * 10 + digit;
		}
		if (!overflow && !neg && mag <= (uint64_t)INT64_MAX) {
			v->u.num.i = (int64_t)mag;
			v->u.num.is_int = true;
		} else if (!overflow && neg && mag <= (uint64_t)INT64_MAX + 1) {
			v->u.num.i = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
			v->u.num.is_int = true;
		}
	}
	/* strtod needs a terminated copy (the C locale: this program never calls setlocale). */
	char tmp[64];
	char *copy = len < sizeof tmp ? tmp : malloc(len + 1);
	if (!copy) {
		fail(ps, "out of memory");
		return false;
	}
	memcpy(copy, s, len);
	copy[len] = '\0';
	v->u.num.d = strtod(copy, NULL);
	if (copy != tmp)
		free(copy);
	if (v->u.num.is_int)
		v->u.num.d = (double)v->u.num.i;
	return true;
}

static bool value(struct parser *ps, struct jval *v, int depth);

/* `items` with room for element `n` (the capacity doubles), or NULL when out of memory. */
static void *grow(struct parser *ps, void *items, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return items;
	size_t ncap = *cap ? *cap * 2 : 4;
	void *more = realloc(items, ncap * size);
	if (!more) {
		fail(ps, "out of memory");
		return NULL;
	}
	*cap = ncap;
	return more;
}

/* After an element of an array or object: 1 at a comma (another follows), 0 at `close`, -1 on error. */
static int after_element(struct parser *ps, char close, const char *expected)
{
	skip_ws(ps);
	if (ps->p < ps->end && (*ps->p == ',' || *ps->p == close))
		return *ps->p++ == ',' ? 1 : 0;
	fail(ps, expected);
	return -1;
}

/* Consumes the opening bracket; true if `close` follows at once (an empty container). */
static bool open_empty(struct parser *ps, char close)
{
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		return true;
	}
	return false;
}

static bool array(struct parser *ps, struct jval *v, int depth)
{
	size_t cap = 0;
	v->type = J_ARR;
	v->u.arr.items = NULL;
	v->u.arr.n = 0;
	if (open_empty(ps, ']'))
		return true;
	for (;;) {
		struct jval *items = grow(ps, v->u.arr.items, &cap, v->u.arr.n, sizeof *items);
		if (!items)
			return false;
		v->u.arr.items = items;
		struct jval *item = &v->u.arr.items[v->u.arr.n];
		item->type = J_NULL;
		v->u.arr.n++;
		if (!value(ps, item, depth + 1))
			return false;
		int more = after_element(ps, ']', "expected , or ] in array");
		if (more <= 0)
			return more == 0;
	}
}

static bool object(struct parser *ps, struct jval *v, int depth)
{
	size_t cap = 0;
	v->type = J_OBJ;
	v->u.obj.m = NULL;
	v->u.obj.n = 0;
	if (open_empty(ps, '}'))
		return true;
	for (;;) {
		skip_ws(ps);
		if (ps->p >= ps->end || *ps->p != '"') {
			fail(ps, "expected a member name");
			return false;
		}
		struct jmember *members = grow(ps, v->u.obj.m, &cap, v->u.obj.n, sizeof *members);
		if (!members)
			return false;
		v->u.obj.m = members;
		struct jmember *m = &members[v->u.obj.n];
		size_t klen;
		m->key = NULL;
		m->val.type = J_NULL;
		if (!string(ps, &m->key, &klen))
			return false;
		v->u.obj.n++;
		skip_ws(ps);
		if (ps->p >= ps->end || *ps->p != ':') {
			fail(ps, "expected : after a member name");
			return false;
		}
		ps->p++;
		if (!value(ps, &m->val, depth + 1))
			return false;
		int more = after_element(ps, '}', "expected , or } in object");
		if (more <= 0)
			return more == 0;
	}
}

static bool value(struct parser *ps, struct jval *v, int depth)
{
	v->type = J_NULL;
	if (depth > JSON_MAX_DEPTH) {
		fail(ps, "nested too deeply");
		return false;
	}
	skip_ws(ps);
	if (ps->p >= ps->end) {
		fail(ps, "unexpected end of input");
		return false;
	}
	switch (*ps->p) {
	case '{': return object(ps, v, depth);
	case '[': return array(ps, v, depth);
	case '"':
		v->type = J_STR;
		v->u.str.s = NULL;
		return string(ps, &v->u.str.s, &v->u.str.len);
	case 't':
		v->type = J_BOOL;
		v->u.b = true;
		return literal(ps, "true");
	case 'f':
		v->type = J_BOOL;
		v->u.b = false;
		return literal(ps, "false");
	case 'n': return literal(ps, "null");
	default: return number(ps, v);
	}
}

static void free_inner(struct jval *v)
{
	switch (v->type) {
	case J_STR: free(v->u.str.s); break;
	case J_ARR:
		for (size_t i = 0; i < v->u.arr.n; i++)
			free_inner(&v->u.arr.items[i]);
		free(v->u.arr.items);
		break;
	case J_OBJ:
		for (size_t i = 0; i < v->u.obj.n; i++) {
			free(v->u.obj.m[i].key);
			free_inner(&v->u.obj.m[i].val);
		}
		free(v->u.obj.m);
		break;
	default: break;
	}
	v->type = J_NULL;
}

struct jval *json_parse(const char *text, size_t len, char *err, size_t errlen)
{
	struct parser ps = { text, text + len, text, err, errlen, false };
	struct jval *v = malloc(sizeof *v);
	if (!v) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (value(&ps, v, 0)) {
		skip_ws(&ps);
		if (ps.p == ps.end)
			return v;
		fail(&ps, "trailing characters after the value");
	}
	free_inner(v);
	free(v);
	return NULL;
}

void json_free(struct jval *v)
{
	if (!v)
		return;
	free_inner(v);
	free(v);
}

const struct jval *json_get(const struct jval *obj, const char *key)
{
	if (!obj || obj->type != J_OBJ)
		return NULL;
	for (size_t i = 0; i < obj->u.obj.n; i++)
		if (strcmp(obj->u.obj.m[i].key, key) == 0)
			return &obj->u.obj.m[i].val;
	return NULL;
}

bool json_int(const struct jval *v, int64_t *out)
{
	if (!v || v->type != J_NUM)
		return false;
	if (v->u.num.is_int) {
		*out = v->u.num.i;
		return true;
	}
	double d = v->u.num.d;
	/* 2^63 is exactly representable; anything from it up does not fit. */
	if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) || d != floor(d))
		return false;
	*out = (int64_t)d;
	return true;
}

bool json_is_str(const struct jval *v, const char *s)
{
	return v && v->type == J_STR && strlen(s) == v->u.str.len && memcmp(v->u.str.s, s, v->u.str.len) == 0;
}
