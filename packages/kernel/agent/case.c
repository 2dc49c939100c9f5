/* SPDX-License-Identifier: MIT */
/* The case process: forked per case so that fds, limits and keyrings start fresh and a crash
 * costs one answer, not the agent. It joins a new anonymous session keyring, runs the steps,
 * revokes what it created, clears its session and writes its answer to the parent over a pipe. */
#define _GNU_SOURCE
#include "case.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/keyctl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "agent.h"
#include "children.h"
#include "errnames.h"
#include "ownkeys.h"
#include "steps.h"

/* The protocol's line limit (MAX_LINE_BYTES). */
#define ANSWER_MAX (16u << 20)

static void error_answer(struct buf *answer, int64_t seq, const char *message)
{
	buf_reset(answer);
	buf_puts(answer, "{\"seq\":");
	buf_i64(answer, seq);
	buf_puts(answer, ",\"error\":{\"message\":");
	buf_cstr(answer, message);
	buf_puts(answer, "}}\n");
}

static char altstack[64 * 1024];

/* A crash still cleans up the keys (async-signal-safe), then dies of the same signal. */
static void on_crash(int sig)
{
	children_kill_all();
	ownkeys_cleanup();
	raise(sig); /* SA_RESETHAND restored the default action */
}

static void crash_handlers(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGSYS, SIGTRAP, SIGXFSZ };
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 };
	sigaltstack(&ss, NULL);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* Leaves the case process with /dev/null on 0 and 1, diagnostics on 2, and the answer pipe far
 * above the fds a case creates (which then start at 3). Returns the answer pipe's fd. */
static int fresh_fds(int wfd)
{
	int out = fcntl(wfd, F_DUPFD_CLOEXEC, 1000);
	if (out < 0)
		out = fcntl(wfd, F_DUPFD_CLOEXEC, 100);
	if (out >= 0)
		close(wfd);
	else
		out = wfd;
	if (diag_fd() != 2)
		dup2(diag_fd(), 2);
	/* Everything else inherited (the protocol channel, the console) goes. */
	if (syscall(SYS_close_range, 3L, (long)out - 1, 0L) != 0 || syscall(SYS_close_range, (long)out + 1, ~0L, 0L) != 0) {
		struct rlimit lim;
		long max = getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < 65536 ? (long)lim.rlim_cur : 65536;
		for (long fd = 3; fd < max; fd++)
			if (fd != out)
				close((int)fd);
	}
	int null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		if (null > 2)
			close(null);
	} else {
		close(0);
		close(1);
	}
	return out;
}


static _Noreturn void case_process(int wfd, int64_t seq, const struct jval *steps)
{
	crash_handlers();
	int out = fresh_fds(wfd);
	struct ctx c;
	memset(&c, 0, sizeof c);
	long s = syscall(__NR_keyctl, (long)KEYCTL_JOIN_SESSION_KEYRING, 0L);
	if (s > 0) {
		c.session = (int32_t)s;
		ownkeys_session(c.session);
	} else {
		c.session_errno = errno;
		/* An empty key type is refused before anything happens, with EINVAL where keys exist. */
		if (c.session_errno == ENOSYS) {
			long probe = syscall(__NR_add_key, (long)(uintptr_t) "", (long)(uintptr_t) "", 0L, 0L, 0L);
			c.keys_absent = probe == -1 && errno == ENOSYS;
		}
	}
	struct buf b = { 0 };
	buf_puts(&b, "{\"seq\":");
	buf_i64(&b, seq);
	buf_puts(&b, ",\"observations\":");
	steps_run(&c, steps, &b);
	buf_puts(&b, "}\n");
	children_cleanup();
	ownkeys_cleanup();
	if (b.oom || b.len > ANSWER_MAX)
		error_answer(&b, seq,
			     b.oom ? "out of memory building the answer"
				   : "the answer is longer than the protocol's 16 MiB line limit");
	_exit(!b.oom && write_all(out, b.p, b.len) ? 0 : 3);
}

/* What the steps ask to wait for (poll and wait_queued timeouts, sleeps, waits on programs), in ms. */
static int64_t waits_ms(const struct jval *steps)
{
	int64_t total = 0;
	for (size_t i = 0; i < steps->u.arr.n; i++) {
		const struct jval *step = &steps->u.arr.items[i];
		const struct jval *op = json_get(step, "op");
		int64_t ms = 0;
		if (json_is_str(op, "poll") || json_is_str(op, "wait_queued"))
			json_int(json_get(step, "timeoutMs"), &ms);
		else if (json_is_str(op, "sleep"))
			json_int(json_get(step, "ms"), &ms);
		else if (json_is_str(op, "wait_output") || json_is_str(op, "wait_exit"))
			json_int(json_get(step, "timeoutMs"), &ms);
		if (ms > 0 && ms < 3600000)
			total += ms;
	}
	return total;
}

/* Whether `pid` exits within `ms` (it is not reaped here). A pidfd when the kernel has one,
 * else short sleeps. */
static bool exited_within(pid_t pid, int64_t ms)
{
	siginfo_t si;
	int fd = (int)syscall(SYS_pidfd_open, (long)pid, 0L);
	if (fd >= 0) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN, .revents = 0 };
		int n;
		while ((n = poll(&pfd, 1, ms > 0 ? (int)(ms < 1000000000 ? ms : 1000000000) : 0)) < 0 && errno == EINTR)
			;
		close(fd);
		return n > 0;
	}
	struct timespec start, nap = { 0, 1000000 };
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		memset(&si, 0, sizeof si);
		if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == pid)
			return true;
		if (ms_since(&start) >= (double)ms)
			return false;
		nanosleep(&nap, NULL);
	}
}

static const char *signame(int sig, char *tmp, size_t n)
{
	const char *abbrev = sigabbrev_np(sig);
	if (abbrev)
		snprintf(tmp, n, "SIG%s", abbrev);
	else
		snprintf(tmp, n, "signal %d", sig);
	return tmp;
}

void case_run(int64_t seq, const struct jval *steps, struct buf *answer)
{
	char msg[256], tmp[32];
	buf_reset(answer);
	int p[2];
	if (pipe2(p, O_CLOEXEC) != 0) {
		snprintf(msg, sizeof msg, "cannot create the case pipe: %s", errno_name(errno, tmp, sizeof tmp));
		error_answer(answer, seq, msg);
		return;
	}
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(msg, sizeof msg, "cannot fork the case process: %s", errno_name(errno, tmp, sizeof tmp));
		close(p[0]);
		close(p[1]);
		error_answer(answer, seq, msg);
		return;
	}
	if (pid == 0) {
		close(p[0]);
		case_process(p[1], seq, steps);
	}
	close(p[1]);

	int64_t limit = agent.case_grace_ms + waits_ms(steps);
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	bool overran = false, oversize = false;
	int pipe_errno = 0;
	for (;;) {
		double left = (double)limit - ms_since(&start);
		if (left <= 0) {
			overran = true;
			break;
		}
		struct pollfd pfd = { .fd = p[0], .events = POLLIN, .revents = 0 };
		int n = poll(&pfd, 1, left > 1e9 ? 1000000000 : (int)left + 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			continue; /* timeout: `left` decides */
		if (n < 0) {
			pipe_errno = errno;
			break;
		}
		char chunk[65536];
		ssize_t got = read(p[0], chunk, sizeof chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			pipe_errno = errno;
		if (got <= 0)
			break;
		if (answer->len + (size_t)got > ANSWER_MAX + 1) {
			oversize = true;
			break;
		}
		buf_put(answer, chunk, (size_t)got);
	}
	close(p[0]);
	if (!overran && !oversize && !pipe_errno && !exited_within(pid, limit - (int64_t)ms_since(&start)))
		overran = true; /* it closed its answer pipe and kept running */
	if (overran || oversize || pipe_errno)
		kill(pid, SIGKILL);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	/* As PID 1, orphans of the whole VM end up here too. */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;

	bool complete = !overran && !oversize && !pipe_errno && !answer->oom && answer->len > 1 && answer->p[0] == '{' &&
			answer->p[answer->len - 1] == '\n';
	if (complete) {
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			diag("case seq %lld: the case process ended abnormally (status 0x%x) after its answer",
			     (long long)seq, (unsigned)status);
		return;
	}
	if (overran)
		snprintf(msg, sizeof msg, "case process did not finish within %lld ms (its waits plus %lld ms); killed",
			 (long long)limit, (long long)agent.case_grace_ms);
	else if (oversize)
		snprintf(msg, sizeof msg, "case process answered more than the protocol's 16 MiB line limit; killed");
	else if (pipe_errno)
		snprintf(msg, sizeof msg, "reading the case process's answer failed (%s); killed",
			 errno_name(pipe_errno, tmp, sizeof tmp));
	else if (answer->oom)
		snprintf(msg, sizeof msg, "out of memory reading the case process's answer");
	else if (WIFSIGNALED(status))
		snprintf(msg, sizeof msg, "case process killed by signal %d (%s)", WTERMSIG(status),
			 signame(WTERMSIG(status), tmp, sizeof tmp));
	else
		snprintf(msg, sizeof msg, "case process exited with status %d without an answer",
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	error_answer(answer, seq, msg);
}
