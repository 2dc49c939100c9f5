/* SPDX-License-Identifier: MIT */
/* Adapter protocol v1: JSON lines in, one answer line per hello and run, until stop or EOF. */
#ifndef WATCHQ_AGENT_PROTOCOL_H
#define WATCHQ_AGENT_PROTOCOL_H

enum serve_end { SERVE_STOP, SERVE_EOF, SERVE_IO_ERROR };

/* Serves requests read from `in`, answering on `out` (the same fd for a serial line). */
enum serve_end serve(int in, int out);

#endif
