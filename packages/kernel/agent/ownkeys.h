/* SPDX-License-Identifier: MIT */
/* The keys a case made or reached through its own session, and their cleanup when it ends. */
#ifndef WATCHQ_AGENT_OWNKEYS_H
#define WATCHQ_AGENT_OWNKEYS_H

#include <stdbool.h>
#include <stdint.h>

/* The fresh session keyring the case joined: own, and cleared at the end. */
void ownkeys_session(int32_t serial);
/* A key add_key returned: revoked when the case ends. */
void ownkeys_created(int32_t serial);
/* A key the case may touch without having created it (its session keyring, keyring_id results). */
void ownkeys_known(int32_t serial);
bool ownkeys_is_own(int32_t serial);
/* Revokes the created keys and clears the joined session keyring (never any other). Async-signal-safe (crash handlers call it). */
void ownkeys_cleanup(void);

#endif
