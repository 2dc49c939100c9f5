/* SPDX-License-Identifier: MIT */
/* Values and struct layouts from the spec's generated header, for the rest of the agent. The
 * values are what this arch's UAPI headers make of the header's expressions (O_EXCL, _IO(…));
 * watchq-arch.h asserts at compile time that each is the spec's value on this arch. */
#include "uapi.h"

#include <string.h>

#include "watchq-build.h"
#include "watchq-uapi.h"
#include "watchq-arch.h"

const unsigned long uapi_ioc_set_size = IOC_WATCH_QUEUE_SET_SIZE;
const unsigned long uapi_ioc_set_filter = IOC_WATCH_QUEUE_SET_FILTER;
const int uapi_o_notification_pipe = O_NOTIFICATION_PIPE;
const long uapi_keyctl_watch_key = KEYCTL_WATCH_KEY;
const unsigned char uapi_caps1_notifications = KEYCTL_CAPS1_NOTIFICATIONS;
const char uapi_revision[] = WATCHQ_REVISION;

const struct uapi_flag uapi_file_flags[] = {
#define FLAG(name, value) { #name, value },
	WATCHQ_FILE_FLAGS(FLAG)
#undef FLAG
};
const size_t uapi_nfile_flags = sizeof uapi_file_flags / sizeof uapi_file_flags[0];

#define SUBTYPES (sizeof(((struct watch_notification_type_filter *)0)->subtype_filter) / sizeof(__u32))
const size_t uapi_filter_subtypes = SUBTYPES;

_Static_assert(SUBTYPES <= sizeof(((struct filter_entry *)0)->subtype) / sizeof(uint32_t),
	       "struct filter_entry has room for every subtype word");

size_t uapi_filter_size(size_t n)
{
	return sizeof(struct watch_notification_filter) + n * sizeof(struct watch_notification_type_filter);
}

void uapi_filter_encode(void *out, uint32_t nr_filters, uint32_t reserved, const struct filter_entry *e, size_t n)
{
	struct watch_notification_filter *f = out;
	memset(f, 0, uapi_filter_size(n));
	f->nr_filters = nr_filters;
	f->__reserved = reserved;
	for (size_t i = 0; i < n; i++) {
		struct watch_notification_type_filter *t = &f->filters[i];
		t->type = e[i].type;
		t->info_filter = e[i].info_filter;
		t->info_mask = e[i].info_mask;
		for (size_t j = 0; j < e[i].nsubtype && j < SUBTYPES; j++)
			t->subtype_filter[j] = e[i].subtype[j];
	}
}
