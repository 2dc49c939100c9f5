/* SPDX-License-Identifier: MIT */
/* One case in a fresh process: its own session keyring, fds and limits. */
#ifndef WATCHQ_AGENT_CASE_H
#define WATCHQ_AGENT_CASE_H

#include "buf.h"
#include "json.h"

/* Runs `steps` in a forked case process and puts the answer line (with its newline) in `answer`:
 * the case's observations, or an error when the process died or overran its time. */
void case_run(int64_t seq, const struct jval *steps, struct buf *answer);

/* How long a case may take beyond the waits its steps ask for (poll timeouts, sleeps), unless
 * WATCHQ_AGENT_CASE_GRACE_MS says otherwise. */
#define CASE_GRACE_MS 60000

#endif
