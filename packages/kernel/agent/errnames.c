/* SPDX-License-Identifier: MIT */
/* Names come from glibc's strerrorname_np, so they follow this arch's numbering (alpha, mips,
 * sparc and parisc differ from asm-generic) without a table of our own. */
#define _GNU_SOURCE
#include "errnames.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Past the highest errno any arch defines (mips: EDQUOT 1133). */
#define ERRNO_SCAN_MAX 1200

const char *errno_name(int e, char *tmp, size_t n)
{
	const char *name = strerrorname_np(e);
	if (name)
		return name;
	snprintf(tmp, n, "E%d", e < 0 ? -e : e);
	return tmp;
}

int errno_value(const char *name)
{
	static const struct {
		const char *alias;
		int value;
	} aliases[] = {
		{ "EWOULDBLOCK", EWOULDBLOCK },
		{ "EDEADLOCK", EDEADLOCK },
		{ "ENOTSUP", ENOTSUP },
	};
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(name, aliases[i].alias) == 0)
			return aliases[i].value;
	for (int e = 1; e < ERRNO_SCAN_MAX; e++) {
		const char *n = strerrorname_np(e);
		if (n && strcmp(n, name) == 0)
			return e;
	}
	/* E<number>, as errno_name spells numbers without a name. */
	if (name[0] == 'E' && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long v = strtol(name + 1, &end, 10);
		if (*end == '\0' && v > 0 && v < 4096)
			return (int)v;
	}
	return -1;
}
