/* SPDX-License-Identifier: MIT */
/* As /init the agent is the whole userland: it mounts what the ops need, finds the protocol
 * channel on the kernel command line (watchq.channel=/dev/ttyS1, else WATCHQ_CHANNEL in its
 * environment), announces itself there with a ready line, serves, then powers off.
 * Any failure is printed on the console and powers off too: a VM that hangs is the worst
 * outcome for whoever runs it. */
#define _GNU_SOURCE
#include "init.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "agent.h"
#include "hello.h"
#include "protocol.h"

/* The first line on the channel once it is open and raw. */
#define READY_LINE "{\"watchq\":\"ready\"}"

int channel_open(const char *path)
{
	int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct termios t;
	if (tcgetattr(fd, &t) == 0) {
		/* Raw: no echo, no line editing, no CR/LF translation, no flow control bytes. */
		cfmakeraw(&t);
		t.c_cflag |= CLOCAL | CREAD;
		t.c_cc[VMIN] = 1;
		t.c_cc[VTIME] = 0;
		if (tcsetattr(fd, TCSANOW, &t) != 0)
			diag("%s: cannot make the terminal raw: %s", path, strerror(errno));
		tcflush(fd, TCIOFLUSH);
	}
	return fd;
}

static _Noreturn void power_off(const char *why)
{
	diag("powering off: %s", why);
	sync();
	/*
	 * A restart, not a power-off: the VM runs with -no-reboot, so QEMU exits at once, while a
	 * power-off only halts an x86 guest without ACPI and leaves QEMU running until it is killed.
	 */
	reboot(RB_AUTOBOOT);
	diag("reboot(RB_AUTOBOOT): %s; powering off", strerror(errno));
	reboot(RB_POWER_OFF);
	/* Exiting PID 1 panics the kernel, which a VM runner sees end (panic=-1): better than a hang. */
	_exit(1);
}

static void mount_fs(const char *source, const char *target, const char *type, const char *data)
{
	if (mkdir(target, 0755) != 0 && errno != EEXIST)
		diag("mkdir %s: %s", target, strerror(errno));
	/* EBUSY: already mounted (CONFIG_DEVTMPFS_MOUNT mounts /dev itself). */
	if (mount(source, target, type, MS_NOSUID, data) != 0 && errno != EBUSY) {
		char why[128];
		snprintf(why, sizeof why, "mount %s on %s: %s", type, target, strerror(errno));
		power_off(why);
	}
}

static bool fd_open(int fd)
{
	return fcntl(fd, F_GETFD) >= 0;
}

/* watchq.channel=PATH from /proc/cmdline, into `out`. */
static bool cmdline_channel(char *out, size_t n)
{
	static const char key[] = "watchq.channel=";
	char cmdline[4096];
	int fd = open("/proc/cmdline", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t len = read(fd, cmdline, sizeof cmdline - 1);
	close(fd);
	if (len <= 0)
		return false;
	cmdline[len] = '\0';
	for (char *tok = strtok(cmdline, " \t\n"); tok; tok = strtok(NULL, " \t\n")) {
		if (strncmp(tok, key, sizeof key - 1) == 0 && strlen(tok + sizeof key - 1) < n) {
			strcpy(out, tok + sizeof key - 1);
			return out[0] != '\0';
		}
	}
	return false;
}

_Noreturn void init_main(const struct options *o)
{
	mount_fs("devtmpfs", "/dev", "devtmpfs", NULL);
	mount_fs("proc", "/proc", "proc", NULL);
	mount_fs("tmpfs", "/tmp", "tmpfs", "mode=1777");

	/* The kernel opens 0-2 on /dev/console only if the initramfs has it. */
	for (int fd = 0; fd <= 2; fd++)
		if (!fd_open(fd)) {
			int c = open(fd == 0 ? "/dev/null" : "/dev/console", fd == 0 ? O_RDONLY : O_WRONLY | O_NOCTTY);
			if (c >= 0 && c != fd) {
				dup2(c, fd);
				close(c);
			}
		}
	const char *console = o->console ? o->console : "/dev/console";
	int cfd = open(console, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (cfd >= 0)
		diag_set_fd(cfd);
	diag("starting as PID 1");

	char path[512];
	int in, out;
	if (o->channel && strcmp(o->channel, "-") == 0) {
		in = 0;
		out = 1;
	} else {
		if (o->channel) {
			if (strlen(o->channel) >= sizeof path)
				power_off("the --channel path is too long");
			strcpy(path, o->channel);
		} else if (!cmdline_channel(path, sizeof path)) {
			/* The kernel hands parameters it does not know and that have no dot to init's environment. */
			const char *env = getenv("WATCHQ_CHANNEL");
			if (!env || !*env || strlen(env) >= sizeof path)
				power_off("no protocol channel: the kernel command line has no watchq.channel=PATH");
			strcpy(path, env);
		}
		in = out = channel_open(path);
		if (in < 0) {
			diag("opening the channel %s: %s", path, strerror(errno));
			power_off("no protocol channel");
		}
		diag("protocol channel %s", path);
	}

	hello_probe();
	/* The host sends nothing before this line: until the tty was open and raw, its bytes would
	 * have been lost or echoed. It drops whatever the channel carried before (see vm/guest.ts). */
	static const char ready[] = READY_LINE "\n";
	if (write(out, ready, sizeof ready - 1) != (ssize_t)(sizeof ready - 1))
		power_off("cannot write the ready line on the channel");
	enum serve_end end = serve(in, out);
	/* Orphans re-parented to us are reaped before going down. */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	power_off(end == SERVE_STOP ? "stop" : end == SERVE_EOF ? "end of the channel" : "the channel failed");
}
