/* SPDX-License-Identifier: MIT */
/* Starting programs and collecting their output: see children.h. */
#define _GNU_SOURCE
#include "children.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "agent.h"

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

static struct child table[CHILDREN_MAX];

static const char *path_of(char *const envp[])
{
	for (size_t i = 0; envp[i]; i++)
		if (strncmp(envp[i], "PATH=", 5) == 0)
			return envp[i] + 5;
	return CHILD_DEFAULT_PATH;
}

/* In the child: everything above stderr closes at exec (the case's pipes, its answer pipe). */
static void cloexec_above_stderr(void)
{
	if (syscall(SYS_close_range, 3L, ~0L, (long)CLOSE_RANGE_CLOEXEC) == 0)
		return;
	struct rlimit lim;
	long max = getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < 65536 ? (long)lim.rlim_cur : 65536;
	for (long fd = 3; fd < max; fd++)
		fcntl((int)fd, F_SETFD, FD_CLOEXEC);
}

/* In the child: execve, searching PATH for a bare name as execvp does, but with the PATH of the
 * program's own environment. Returns the errno to report (EACCES wins over ENOENT). */
static int exec_program(char *const argv[], char *const envp[])
{
	const char *file = argv[0];
	if (strchr(file, '/')) {
		execve(file, argv, envp);
		return errno;
	}
	const char *p = path_of(envp);
	char full[PATH_MAX];
	int err = ENOENT;
	for (;;) {
		const char *end = strchrnul(p, ':');
		size_t dlen = (size_t)(end - p);
		int n = snprintf(full, sizeof full, "%.*s%s%s", (int)dlen, p, dlen ? "/" : "", file);
		if (n > 0 && (size_t)n < sizeof full) {
			execve(full, argv, envp);
			if (errno == EACCES)
				err = EACCES;
			else if (errno != ENOENT && errno != ENOTDIR)
				return errno;
		}
		if (*end == '\0')
			return err;
		p = end + 1;
	}
}

/* The forked child: never returns. Reports an exec failure's errno on `status_fd`. */
static _Noreturn void child_main(char *const argv[], char *const envp[], int out, int err, int status_fd,
				 pid_t parent)
{
	/* A case process that is killed takes its programs with it. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(127);
	setpgid(0, 0);
	/* The agent ignores SIGPIPE and the case process catches crashes: a program starts plain. */
	for (int sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) {
		int e = errno;
		(void)!write(status_fd, &e, sizeof e);
		_exit(127);
	}
	cloexec_above_stderr();
	int e = exec_program(argv, envp);
	(void)!write(status_fd, &e, sizeof e);
	_exit(127);
}

static void close_pair(int p[2])
{
	if (p[0] >= 0)
		close(p[0]);
	if (p[1] >= 0)
		close(p[1]);
}

struct child *children_spawn(char *const argv[], char *const envp[])
{
	struct child *ch = NULL;
	for (size_t i = 0; i < CHILDREN_MAX && !ch; i++)
		if (table[i].pid == 0)
			ch = &table[i];
	if (!ch) {
		errno = EAGAIN;
		return NULL;
	}
	int out[2] = { -1, -1 }, err[2] = { -1, -1 }, status[2] = { -1, -1 };
	pid_t parent = getpid();
	pid_t pid = -1;
	if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 || pipe2(status, O_CLOEXEC) != 0 ||
	    (pid = fork()) < 0) {
		int e = errno;
		close_pair(out);
		close_pair(err);
		close_pair(status);
		errno = e;
		return NULL;
	}
	if (pid == 0)
		child_main(argv, envp, out[1], err[1], status[1], parent);
	/* Also here, so that a kill of the group cannot come before the child's own setpgid. */
	setpgid(pid, pid);
	close(out[1]);
	close(err[1]);
	close(status[1]);
	/* Nothing to read: exec succeeded (the pipe closed with it). */
	int e = 0;
	ssize_t n;
	while ((n = read(status[0], &e, sizeof e)) < 0 && errno == EINTR)
		;
	close(status[0]);
	if (n == (ssize_t)sizeof e) {
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		close(out[0]);
		close(err[0]);
		errno = e;
		return NULL;
	}
	memset(ch, 0, sizeof *ch);
	ch->pid = pid;
	ch->out[CHILD_STDOUT].fd = out[0];
	ch->out[CHILD_STDERR].fd = err[0];
	for (int s = 0; s < 2; s++)
		fcntl(ch->out[s].fd, F_SETFL, fcntl(ch->out[s].fd, F_GETFL) | O_NONBLOCK);
	return ch;
}

struct child *children_find(pid_t pid)
{
	for (size_t i = 0; i < CHILDREN_MAX; i++)
		if (pid > 0 && table[i].pid == pid)
			return &table[i];
	return NULL;
}

static void drain_stream(pid_t pid, int which, struct child_stream *s)
{
	char chunk[65536];
	while (s->fd >= 0) {
		ssize_t n = read(s->fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0) {
			close(s->fd);
			s->fd = -1;
			return;
		}
		for (ssize_t i = 0; i < n; i++)
			s->lines += chunk[i] == '\n';
		size_t keep = s->data.len >= CHILD_OUTPUT_MAX ? 0 : CHILD_OUTPUT_MAX - s->data.len;
		if (keep > (size_t)n)
			keep = (size_t)n;
		buf_put(&s->data, chunk, keep);
		if (keep < (size_t)n && s->dropped == 0)
			diag("program %d wrote more than %u bytes to %s; the rest is dropped", (int)pid, CHILD_OUTPUT_MAX,
			     which == CHILD_STDOUT ? "stdout" : "stderr");
		s->dropped += (size_t)n - keep;
	}
}

void children_drain(struct child *ch)
{
	for (int s = 0; s < 2; s++)
		drain_stream(ch->pid, s, &ch->out[s]);
}

void children_drain_all(void)
{
	for (size_t i = 0; i < CHILDREN_MAX; i++)
		if (table[i].pid)
			children_drain(&table[i]);
}

void children_pause(struct child *ch, int ms)
{
	struct pollfd pfd[2];
	nfds_t n = 0;
	for (int s = 0; s < 2; s++)
		if (ch->out[s].fd >= 0)
			pfd[n++] = (struct pollfd){ .fd = ch->out[s].fd, .events = POLLIN, .revents = 0 };
	if (n > 0) {
		/* Also an exit shows here (end of file), unless a grandchild keeps the pipes open. */
		poll(pfd, n, ms);
		return;
	}
	/* Both pipes closed: only the exit is left to wait for, in short naps. */
	int nap = ms < 5 ? ms : 5;
	struct timespec t = { 0, (long)nap * 1000000L };
	nanosleep(&t, NULL);
}

bool children_exited(struct child *ch)
{
	if (ch->exited)
		return true;
	int status;
	pid_t got;
	while ((got = waitpid(ch->pid, &status, WNOHANG)) < 0 && errno == EINTR)
		;
	if (got != ch->pid)
		return false;
	ch->exited = true;
	ch->status = status;
	return true;
}

void children_kill_wait(struct child *ch)
{
	if (ch->exited)
		return;
	kill(-ch->pid, SIGKILL);
	kill(ch->pid, SIGKILL);
	int status;
	pid_t got;
	while ((got = waitpid(ch->pid, &status, 0)) < 0 && errno == EINTR)
		;
	ch->exited = true;
	ch->status = got == ch->pid ? status : 0;
}

void children_kill_all(void)
{
	for (size_t i = 0; i < CHILDREN_MAX; i++)
		if (table[i].pid > 0 && !table[i].exited) {
			kill(-table[i].pid, SIGKILL);
			kill(table[i].pid, SIGKILL);
		}
}

void children_cleanup(void)
{
	for (size_t i = 0; i < CHILDREN_MAX; i++) {
		struct child *ch = &table[i];
		if (!ch->pid)
			continue;
		children_kill_wait(ch);
		/* What the program's own children (same group) left behind goes too. */
		kill(-ch->pid, SIGKILL);
		for (int s = 0; s < 2; s++) {
			if (ch->out[s].fd >= 0)
				close(ch->out[s].fd);
			buf_free(&ch->out[s].data);
		}
		memset(ch, 0, sizeof *ch);
	}
}
