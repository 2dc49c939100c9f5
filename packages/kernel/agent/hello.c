/* SPDX-License-Identifier: MIT */
/* Features are probed, never assumed: the runner skips the cases whose features are missing. */
#define _GNU_SOURCE
#include "hello.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/keyctl.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "agent.h"
#include "steps.h"
#include "uapi.h"
#include "watchq-build.h"

static bool notification_pipe, key_notifications;

static bool probe_notification_pipe(void)
{
	int fds[2];
	if (syscall(SYS_pipe2, (long)(uintptr_t)fds, (long)(uapi_o_notification_pipe | O_CLOEXEC)) != 0)
		return false;
	close(fds[0]);
	close(fds[1]);
	return true;
}

static bool probe_key_notifications(void)
{
	unsigned char caps[8] = { 0 };
	long n = syscall(__NR_keyctl, (long)KEYCTL_CAPABILITIES, (long)(uintptr_t)caps, (long)sizeof caps);
	if (n >= 2)
		return (caps[1] & uapi_caps1_notifications) != 0;
	if (n < 0 && errno == ENOSYS)
		return false;
	/* Kernels before KEYCTL_CAPABILITIES: a watch on key 0 fails, with EOPNOTSUPP only when
	 * CONFIG_KEY_NOTIFICATIONS is off; key 0 never exists, so nothing is watched. */
	long w = syscall(__NR_keyctl, uapi_keyctl_watch_key, 0L, -1L, -1L);
	return !(w < 0 && (errno == EOPNOTSUPP || errno == ENOSYS));
}

void hello_probe(void)
{
	notification_pipe = probe_notification_pipe();
	key_notifications = probe_key_notifications();
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
	const char *features[5];
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
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(out, ',');
		buf_cstr(out, features[i]);
	}
	buf_puts(out, "],\"ops\":[");
	steps_list_ops(out);
	buf_puts(out, "]}}\n");
}
