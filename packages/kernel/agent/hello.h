/* SPDX-License-Identifier: MIT */
/* What the agent says of itself: the hello answer, with features probed at startup. */
#ifndef WATCHQ_AGENT_HELLO_H
#define WATCHQ_AGENT_HELLO_H

#include "buf.h"

/* Probes the kernel once (call before serving, after /proc and /dev exist). */
void hello_probe(void);
/* The hello answer line, with its newline. */
void hello_answer(struct buf *out);

#endif
