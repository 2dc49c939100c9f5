/* SPDX-License-Identifier: MIT */
/* The programs a case started (spawn) and what they write. Their stdout and stderr are pipes read
 * without blocking whenever the case process looks (after every step and while it waits), so a
 * program never stays blocked on a full pipe while the case goes on. Every program is killed and
 * reaped when the case ends, and dies with the case process if that is killed. */
#ifndef WATCHQ_AGENT_CHILDREN_H
#define WATCHQ_AGENT_CHILDREN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"

/* Programs one case may start. */
#define CHILDREN_MAX 16
/* Bytes kept per stream; what comes beyond is read and dropped (noted on the diagnostics). */
#define CHILD_OUTPUT_MAX (1u << 20)

enum { CHILD_STDOUT, CHILD_STDERR };

struct child_stream {
	int fd; /* the read end; -1 once it reached end of file */
	struct buf data;
	size_t lines;  /* newlines written (also those dropped) */
	size_t dropped; /* bytes beyond CHILD_OUTPUT_MAX */
};

struct child {
	pid_t pid; /* 0: a free slot */
	bool exited;
	int status; /* from waitpid, once exited */
	struct child_stream out[2];
};

/* The PATH of a program started without an environment, and where a bare name is looked up when
 * the environment has no PATH (the usual Debian one). */
#define CHILD_DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/* Starts argv[0] (a path, or a name looked up in the PATH of `envp`) with stdin on /dev/null and
 * stdout/stderr on new pipes, in its own process group. Returns the child, or NULL with errno set:
 * the reason execve failed in the child (ENOENT, EACCES, …), EAGAIN when CHILDREN_MAX are
 * running, or what pipe2/fork said. */
struct child *children_spawn(char *const argv[], char *const envp[]);
/* The program with this pid, or NULL when this case did not start it. */
struct child *children_find(pid_t pid);
/* Reads whatever its pipes hold now, without blocking. */
void children_drain(struct child *ch);
void children_drain_all(void);
/* Waits up to `ms` for output or end of file on its pipes (returns early on either). */
void children_pause(struct child *ch, int ms);
/* Whether it has exited (reaped here, once; the status is kept). */
bool children_exited(struct child *ch);
/* SIGKILL to its process group, then reaps it (blocking). */
void children_kill_wait(struct child *ch);
/* SIGKILL to every live program's process group. Async-signal-safe (the crash handlers call it). */
void children_kill_all(void);
/* Kills, reaps and forgets every program (the case is over). */
void children_cleanup(void);

#endif
