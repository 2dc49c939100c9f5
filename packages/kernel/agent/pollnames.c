/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include "pollnames.h"

#include <poll.h>
#include <stddef.h>
#include <string.h>

static const struct {
	const char *name;
	unsigned bit;
} NAMES[] = {
	{ "POLLIN", POLLIN },	  { "POLLPRI", POLLPRI },	{ "POLLOUT", POLLOUT },	      { "POLLERR", POLLERR },
	{ "POLLHUP", POLLHUP }, { "POLLNVAL", POLLNVAL }, { "POLLRDNORM", POLLRDNORM }, { "POLLWRNORM", POLLWRNORM },
};

unsigned poll_bit(const char *name)
{
	for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
		if (strcmp(NAMES[i].name, name) == 0)
			return NAMES[i].bit;
	return 0;
}

const char *poll_name(unsigned bit)
{
	for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
		if (NAMES[i].bit == bit)
			return NAMES[i].name;
	return NULL;
}
