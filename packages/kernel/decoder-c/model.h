/* SPDX-License-Identifier: MIT */
/* The shapes of the revision tables (tables.h is generated into them): what @watchq/decoder's
 * linked revision tables say about header bitfields, the info word, rules and struct fields.
 * No layout is written here; only the shapes. */
#ifndef WATCHQ_C_DECODER_MODEL_H
#define WATCHQ_C_DECODER_MODEL_H

#include <stdbool.h>
#include <stdint.h>

enum wq_field_type { WQ_U8, WQ_U16, WQ_U32, WQ_U64, WQ_BYTES };

struct wq_field {
	const char *name; /* key in decoded records (camelCase) */
	unsigned offset;  /* from the start of the record */
	enum wq_field_type type;
	int count_field; /* WQ_BYTES: index of the field holding the byte count; else -1 */
};

struct wq_struct {
	const char *id;
	unsigned size;
	unsigned nfields;
	const struct wq_field *fields;
};

struct wq_event {
	unsigned subtype;
	const char *name;
};

enum wq_length_kind { WQ_LENGTH_FIXED, WQ_LENGTH_PADDING, WQ_LENGTH_FLEXIBLE };

/* Any subtype of the rule's type. */
#define WQ_ANY_SUBTYPE (-1)

struct wq_rule {
	const char *kind;
	uint32_t type;
	int subtype; /* or WQ_ANY_SUBTYPE */
	bool evented; /* records name their subtype as `event` */
	enum wq_length_kind length;
	unsigned base; /* WQ_LENGTH_FLEXIBLE: bytes before the flexible member */
	unsigned nstructs; /* variants, smallest first */
	const struct wq_struct *const *structs;
	unsigned nevents;
	const struct wq_event *events;
};

struct wq_bitfield {
	unsigned le, be; /* shift in the native u32, by byte order */
	unsigned width;
};

struct wq_revision {
	const char *id;
	unsigned length_unit;
	uint32_t length_mask;
	unsigned length_shift;
	uint32_t id_mask;
	unsigned id_shift;
	uint32_t type_info_mask;
	unsigned type_info_shift;
	struct wq_bitfield type, subtype;
	unsigned nrules;
	const struct wq_rule *rules;
};

#endif
