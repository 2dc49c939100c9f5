/* SPDX-License-Identifier: MIT */
/* Features are probed, never assumed: the runner reports the cases whose features are missing as
 * unsupported, and the hello says how each was probed (its "probes"), so a report names the gap. */
#define _GNU_SOURCE
#include "hello.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <linux/keyctl.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "agent.h"
#include "errnames.h"
#include "steps.h"
#include "uapi.h"
#include "watchq-build.h"

static bool notification_pipe, key_notifications, compat_32;
/* How each probe went, for the hello's "probes". */
static char pipe_probe[96], keys_probe[128], compat_probe[128];

/* "what failed: ENOPKG" into `out`, for the errno the call left. */
static void failed(char *out, size_t n, const char *what, int e)
{
	char tmp[16];
	snprintf(out, n, "%s failed: %s", what, errno_name(e, tmp, sizeof tmp));
}

static bool probe_notification_pipe(void)
{
	static const char what[] = "pipe2(O_NOTIFICATION_PIPE)";
	int fds[2];
	if (syscall(SYS_pipe2, (long)(uintptr_t)fds, (long)(uapi_o_notification_pipe | O_CLOEXEC)) != 0) {
		failed(pipe_probe, sizeof pipe_probe, what, errno);
		return false;
	}
	close(fds[0]);
	close(fds[1]);
	snprintf(pipe_probe, sizeof pipe_probe, "%s succeeded", what);
	return true;
}

static bool probe_key_notifications(void)
{
	unsigned char caps[8] = { 0 };
	long n = syscall(__NR_keyctl, (long)KEYCTL_CAPABILITIES, (long)(uintptr_t)caps, (long)sizeof caps);
	if (n >= 2) {
		bool on = (caps[1] & uapi_caps1_notifications) != 0;
		snprintf(keys_probe, sizeof keys_probe, "KEYCTL_CAPABILITIES: KEYCTL_CAPS1_NOTIFICATIONS %s",
			 on ? "set" : "clear");
		return on;
	}
	if (n < 0 && errno == ENOSYS) {
		failed(keys_probe, sizeof keys_probe, "keyctl(KEYCTL_CAPABILITIES)", errno);
		return false;
	}
	/* Kernels before KEYCTL_CAPABILITIES: a watch on key 0 fails, with EOPNOTSUPP only when
	 * CONFIG_KEY_NOTIFICATIONS is off; key 0 never exists, so nothing is watched. */
	long w = syscall(__NR_keyctl, uapi_keyctl_watch_key, 0L, -1L, -1L);
	bool off = w < 0 && (errno == EOPNOTSUPP || errno == ENOSYS);
	if (off)
		failed(keys_probe, sizeof keys_probe, "keyctl(KEYCTL_WATCH_KEY, 0)", errno);
	else
		snprintf(keys_probe, sizeof keys_probe, "keyctl(KEYCTL_WATCH_KEY, 0) did not fail with EOPNOTSUPP");
	return !off;
}

/* A 32-bit agent on a 64-bit kernel (x86_64 with IA32_EMULATION, say) reaches the kernel through
 * its compat entry points. uname -m names the kernel's machine; under a user-mode emulator that
 * reports a 32-bit machine, the agent is not a compat task of a 64-bit kernel. */
static bool probe_compat_32(void)
{
	struct utsname u;
	if (uname(&u) != 0) {
		failed(compat_probe, sizeof compat_probe, "uname", errno);
		return false;
	}
	bool kernel64 = strstr(u.machine, "64") != NULL || strcmp(u.machine, "s390x") == 0;
	bool agent32 = sizeof(void *) == 4;
	snprintf(compat_probe, sizeof compat_probe, "a %d-bit agent; uname -m says %s", agent32 ? 32 : 64, u.machine);
	return agent32 && kernel64;
}

/* "name":"how" into the probes object; `first` says whether a comma goes before it. */
static void probe_entry(struct buf *out, bool *first, const char *name, const char *how)
{
	if (!*first)
		buf_putc(out, ',');
	*first = false;
	buf_cstr(out, name);
	buf_putc(out, ':');
	buf_cstr(out, how);
}

static void probes_answer(struct buf *out)
{
	char root[64];
	snprintf(root, sizeof root, "geteuid() = %ld", (long)geteuid());
	bool first = true;
	buf_puts(out, ",\"probes\":{");
	probe_entry(out, &first, "notification-pipe", pipe_probe);
	probe_entry(out, &first, "key-notifications", keys_probe);
	probe_entry(out, &first, "key-gc",
		    key_notifications ? "follows key-notifications: a real kernel always runs the key garbage collector"
				      : "follows key-notifications, which is absent");
	probe_entry(out, &first, "root", root);
	probe_entry(out, &first, "exec", "always: programs of this machine can be started");
	probe_entry(out, &first, "unprivileged-user", "not implemented by the agent");
	probe_entry(out, &first, "compat-32", compat_probe);
	buf_putc(out, '}');
}

void hello_probe(void)
{
	notification_pipe = probe_notification_pipe();
	key_notifications = probe_key_notifications();
	compat_32 = probe_compat_32();
}

void hello_answer(struct buf *out)
{
	struct utsname u;
	if (uname(&u) != 0) {
		u.release[0] = '\0';
		u.machine[0] = '\0';
	}
	long page = sysconf(_SC_PAGESIZE);
	buf_puts(out, "{\"protocol\":1,\"implementation\":{\"name\":\"" AGENT_NAME "\",\"version\":");
	buf_cstr(out, WATCHQ_AGENT_VERSION);
	buf_puts(out, ",\"kernel\":");
	buf_cstr(out, u.release);
	buf_puts(out, ",\"arch\":");
	buf_cstr(out, u.machine[0] ? u.machine : "unknown");
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	buf_puts(out, ",\"endian\":\"big\"");
#else
	buf_puts(out, ",\"endian\":\"little\"");
#endif
	buf_printf(out, ",\"pageSize\":%ld,\"revision\":", page > 0 ? page : 4096L);
	buf_cstr(out, uapi_revision);
	buf_puts(out, ",\"features\":[");
	const char *features[6];
	size_t n = 0;
	if (notification_pipe)
		features[n++] = "notification-pipe";
	if (key_notifications) {
		features[n++] = "key-notifications";
		/* A real kernel always runs the key garbage collector. */
		features[n++] = "key-gc";
	}
	if (geteuid() == 0)
		features[n++] = "root";
	/* Programs of this machine can always be started (ops_exec.c). */
	features[n++] = "exec";
	if (compat_32)
		features[n++] = "compat-32";
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(out, ',');
		buf_cstr(out, features[i]);
	}
	buf_putc(out, ']');
	probes_answer(out);
	buf_puts(out, ",\"ops\":[");
	steps_list_ops(out);
	buf_puts(out, "]}}\n");
}
