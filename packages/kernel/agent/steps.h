/* SPDX-License-Identifier: MIT */
/* The op table (generated from the spec's OPS) and running a case's steps in order. */
#ifndef WATCHQ_AGENT_STEPS_H
#define WATCHQ_AGENT_STEPS_H

#include "agent.h"
#include "buf.h"

/* Appends the name of every implemented op as JSON strings, comma-separated (for hello). */
void steps_list_ops(struct buf *out);
/* Runs `steps` (a JSON array) and appends the observations array. */
void steps_run(struct ctx *c, const struct jval *steps, struct buf *out);
/* Runs one step given inside another (wait_output's probe) into `r`: an op that binds nothing and
 * does not itself wait on programs. */
void steps_run_nested(struct ctx *c, const struct jval *step, struct result *r);

#endif
