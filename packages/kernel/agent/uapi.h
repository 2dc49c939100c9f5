/* SPDX-License-Identifier: MIT */
/* The watch_queue UAPI as the spec states it (generated watchq-uapi.h), exported as values.
 * Only uapi.c includes the generated header: its <linux/fcntl.h> clashes with glibc's <fcntl.h>. */
#ifndef WATCHQ_AGENT_UAPI_H
#define WATCHQ_AGENT_UAPI_H

#include <stddef.h>
#include <stdint.h>

extern const unsigned long uapi_ioc_set_size;
extern const unsigned long uapi_ioc_set_filter;
extern const int uapi_o_notification_pipe;
extern const long uapi_keyctl_watch_key;
extern const unsigned char uapi_caps1_notifications;
/* Entries of struct watch_notification_type_filter.subtype_filter. */
extern const size_t uapi_filter_subtypes;
/* The spec revision the generated header comes from. */
extern const char uapi_revision[];

/* File status flags by name, with this arch's bits as the spec states them (watchq-arch.h asserts
 * each against the toolchain's <linux/fcntl.h>), in the order F_GETFL observations list them. */
struct uapi_flag {
	const char *name;
	unsigned long bits;
};
extern const struct uapi_flag uapi_file_flags[];
extern const size_t uapi_nfile_flags;

/* One filter entry as a case gives it; `subtype` has room for any revision's array. */
struct filter_entry {
	uint32_t type, info_filter, info_mask;
	uint32_t subtype[32];
	size_t nsubtype;
};

/* Bytes of struct watch_notification_filter holding `n` entries. */
size_t uapi_filter_size(size_t n);
/* Encodes the header and entries into `out` (uapi_filter_size(n) bytes) in native byte order. */
void uapi_filter_encode(void *out, uint32_t nr_filters, uint32_t reserved, const struct filter_entry *e, size_t n);

#endif
