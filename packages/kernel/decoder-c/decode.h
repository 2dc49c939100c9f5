/* SPDX-License-Identifier: MIT */
/* Decoding a flat record stream into the JSON of `watchq decode --format json` (non-strict). */
#ifndef WATCHQ_C_DECODER_DECODE_H
#define WATCHQ_C_DECODER_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "buf.h"

/* Every revision the tables hold, oldest first. */
size_t wq_revision_count(void);
const struct wq_revision *wq_revision_at(size_t i);
/* The revision named `id`, or NULL. */
const struct wq_revision *wq_revision_find(const char *id);

/* Appends `"records":[...]` with every record of the stream, or `"error":{...}` for the first
 * malformed one (short header, length below 8, record past the end). */
void wq_decode(const struct wq_revision *rev, bool little, const uint8_t *b, size_t n, struct buf *o);

#endif
