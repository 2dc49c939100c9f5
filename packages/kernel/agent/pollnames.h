/* SPDX-License-Identifier: MIT */
/* poll(2) event bits by the names the protocol uses. */
#ifndef WATCHQ_AGENT_POLLNAMES_H
#define WATCHQ_AGENT_POLLNAMES_H

/* The bit of a name (POLLIN…), 0 if the protocol has no such name. */
unsigned poll_bit(const char *name);
/* The name of one bit, NULL for bits the protocol cannot express (POLLRDHUP, POLLWRBAND…). */
const char *poll_name(unsigned bit);

#endif
