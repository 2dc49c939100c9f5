/* SPDX-License-Identifier: MIT */
/* Fixed arrays rather than a heap: the crash handler walks them, and a crash may happen inside
 * malloc. Keys beyond the capacity are not revoked one by one, but the session keyring that holds
 * them is cleared, and it dies with the case process. */
#include "ownkeys.h"

#include <linux/keyctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define OWNKEYS_MAX 8192

static int32_t created[OWNKEYS_MAX];
static volatile unsigned ncreated;
static int32_t known[OWNKEYS_MAX];
static unsigned nknown;
static volatile int32_t session;

void ownkeys_session(int32_t serial)
{
	session = serial;
	ownkeys_known(serial);
}

void ownkeys_created(int32_t serial)
{
	for (unsigned i = 0; i < ncreated; i++)
		if (created[i] == serial)
			return;
	if (ncreated < OWNKEYS_MAX) {
		created[ncreated] = serial;
		ncreated = ncreated + 1; /* published after the slot is written */
	}
}

void ownkeys_known(int32_t serial)
{
	if (ownkeys_is_own(serial))
		return;
	if (nknown < OWNKEYS_MAX)
		known[nknown++] = serial;
}

bool ownkeys_is_own(int32_t serial)
{
	for (unsigned i = 0; i < ncreated; i++)
		if (created[i] == serial)
			return true;
	for (unsigned i = 0; i < nknown; i++)
		if (known[i] == serial)
			return true;
	return false;
}

void ownkeys_cleanup(void)
{
	/* Revoke first: a key the case linked elsewhere (a VM's @u) must not outlive it usable. */
	for (unsigned i = 0; i < ncreated; i++)
		syscall(__NR_keyctl, (long)KEYCTL_REVOKE, (long)created[i]);
	/* By serial: if joining failed, @s is the user's own session keyring and stays untouched. */
	if (session > 0)
		syscall(__NR_keyctl, (long)KEYCTL_CLEAR, (long)session);
}
