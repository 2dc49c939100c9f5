/* SPDX-License-Identifier: MIT */
/* The handle table: a handful of names per case, so a linear list. */
#include "handles.h"

#include <stdlib.h>
#include <string.h>

static bool ident_start(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool handle_name_ok(const char *name, size_t len)
{
	if (len < 2 || name[0] != '$' || !ident_start(name[1]))
		return false;
	for (size_t i = 2; i < len; i++)
		if (!ident_start(name[i]) && !(name[i] >= '0' && name[i] <= '9'))
			return false;
	return true;
}

bool handles_get(const struct handles *h, const char *name, int64_t *value)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->v[i].name, name) == 0) {
			*value = h->v[i].value;
			return true;
		}
	return false;
}

bool handles_set(struct handles *h, const char *name, int64_t value)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->v[i].name, name) == 0) {
			h->v[i].value = value;
			return true;
		}
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		struct handle *v = realloc(h->v, cap * sizeof *v);
		if (!v)
			return false;
		h->v = v;
		h->cap = cap;
	}
	char *copy = strdup(name);
	if (!copy)
		return false;
	h->v[h->n].name = copy;
	h->v[h->n].value = value;
	h->n++;
	return true;
}

void handles_free(struct handles *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i].name);
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
}
