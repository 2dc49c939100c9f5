/* SPDX-License-Identifier: MIT */
/* Generated from @watchq/decoder by scripts/generate-c-decoder-tables.ts. Do not edit:
 * run `npm run generate -w @watchq/kernel`. */
#ifndef WATCHQ_C_DECODER_TABLES_H
#define WATCHQ_C_DECODER_TABLES_H

#include <stddef.h>

#include "model.h"

static const struct wq_field wq_struct_pipe_block_notification_fields[] = {
	{ "dev", 8, WQ_U64, -1 },
	{ "sector", 16, WQ_U64, -1 },
};
static const struct wq_struct wq_struct_pipe_block_notification = { "pipe/block_notification", 24, 2, wq_struct_pipe_block_notification_fields };

static const struct wq_field wq_struct_pipe_key_notification_fields[] = {
	{ "keyId", 8, WQ_U32, -1 },
	{ "aux", 12, WQ_U32, -1 },
};
static const struct wq_struct wq_struct_pipe_key_notification = { "pipe/key_notification", 16, 2, wq_struct_pipe_key_notification_fields };

static const struct wq_field wq_struct_pipe_mount_notification_2020_02_fields[] = {
	{ "triggeredOn", 8, WQ_U32, -1 },
	{ "changedMount", 12, WQ_U32, -1 },
};
static const struct wq_struct wq_struct_pipe_mount_notification_2020_02 = { "pipe/mount_notification~2020-02", 16, 2, wq_struct_pipe_mount_notification_2020_02_fields };

static const struct wq_field wq_struct_pipe_mount_notification_2020_03_fields[] = {
	{ "triggeredOn", 8, WQ_U32, -1 },
	{ "auxiliaryMount", 12, WQ_U32, -1 },
	{ "topologyChanges", 16, WQ_U32, -1 },
	{ "attrChanges", 20, WQ_U32, -1 },
	{ "auxTopologyChanges", 24, WQ_U32, -1 },
};
static const struct wq_struct wq_struct_pipe_mount_notification_2020_03 = { "pipe/mount_notification~2020-03", 28, 5, wq_struct_pipe_mount_notification_2020_03_fields };

static const struct wq_field wq_struct_pipe_mount_notification_2020_08_fields[] = {
	{ "triggeredOn", 8, WQ_U64, -1 },
	{ "auxiliaryMount", 16, WQ_U64, -1 },
};
static const struct wq_struct wq_struct_pipe_mount_notification_2020_08 = { "pipe/mount_notification~2020-08", 24, 2, wq_struct_pipe_mount_notification_2020_08_fields };

static const struct wq_field wq_struct_pipe_superblock_error_notification_fields[] = {
	{ "sbId", 8, WQ_U64, -1 },
	{ "errorNumber", 16, WQ_U32, -1 },
	{ "errorCookie", 20, WQ_U32, -1 },
};
static const struct wq_struct wq_struct_pipe_superblock_error_notification = { "pipe/superblock_error_notification", 24, 3, wq_struct_pipe_superblock_error_notification_fields };

static const struct wq_field wq_struct_pipe_superblock_notification_fields[] = {
	{ "sbId", 8, WQ_U64, -1 },
};
static const struct wq_struct wq_struct_pipe_superblock_notification = { "pipe/superblock_notification", 16, 1, wq_struct_pipe_superblock_notification_fields };

static const struct wq_field wq_struct_pipe_usb_notification_fields[] = {
	{ "error", 8, WQ_U32, -1 },
	{ "reserved", 12, WQ_U32, -1 },
	{ "nameLen", 16, WQ_U8, -1 },
	{ "name", 17, WQ_BYTES, 2 },
};
static const struct wq_struct wq_struct_pipe_usb_notification = { "pipe/usb_notification", 20, 4, wq_struct_pipe_usb_notification_fields };

static const struct wq_struct wq_struct_pipe_watch_notification = { "pipe/watch_notification", 8, 0, NULL };

static const struct wq_field wq_struct_pipe_watch_notification_removal_fields[] = {
	{ "id", 8, WQ_U64, -1 },
};
static const struct wq_struct wq_struct_pipe_watch_notification_removal = { "pipe/watch_notification_removal", 16, 1, wq_struct_pipe_watch_notification_removal_fields };

static const struct wq_field wq_struct_ring_v1_block_notification_fields[] = {
	{ "dev", 8, WQ_U64, -1 },
	{ "sector", 16, WQ_U64, -1 },
};
static const struct wq_struct wq_struct_ring_v1_block_notification = { "ring-v1/block_notification", 24, 2, wq_struct_ring_v1_block_notification_fields };

static const struct wq_field wq_struct_ring_v1_key_notification_fields[] = {
	{ "keyId", 8, WQ_U32, -1 },
	{ "aux", 12, WQ_U32, -1 },
};
static const struct wq_struct wq_struct_ring_v1_key_notification = { "ring-v1/key_notification", 16, 2, wq_struct_ring_v1_key_notification_fields };

static const struct wq_field wq_struct_ring_v1_mount_notification_fields[] = {
	{ "triggeredOn", 8, WQ_U32, -1 },
	{ "changedMount", 12, WQ_U32, -1 },
};
static const struct wq_struct wq_struct_ring_v1_mount_notification = { "ring-v1/mount_notification", 16, 2, wq_struct_ring_v1_mount_notification_fields };

static const struct wq_field wq_struct_ring_v1_superblock_error_notification_fields[] = {
	{ "sbId", 8, WQ_U64, -1 },
	{ "errorNumber", 16, WQ_U32, -1 },
	{ "errorCookie", 20, WQ_U32, -1 },
};
static const struct wq_struct wq_struct_ring_v1_superblock_error_notification = { "ring-v1/superblock_error_notification", 24, 3, wq_struct_ring_v1_superblock_error_notification_fields };

static const struct wq_field wq_struct_ring_v1_superblock_notification_fields[] = {
	{ "sbId", 8, WQ_U64, -1 },
};
static const struct wq_struct wq_struct_ring_v1_superblock_notification = { "ring-v1/superblock_notification", 16, 1, wq_struct_ring_v1_superblock_notification_fields };

static const struct wq_field wq_struct_ring_v1_usb_notification_fields[] = {
	{ "error", 8, WQ_U32, -1 },
	{ "reserved", 12, WQ_U32, -1 },
	{ "nameLen", 16, WQ_U8, -1 },
	{ "name", 17, WQ_BYTES, 2 },
};
static const struct wq_struct wq_struct_ring_v1_usb_notification = { "ring-v1/usb_notification", 20, 4, wq_struct_ring_v1_usb_notification_fields };

static const struct wq_struct wq_struct_ring_v1_watch_notification = { "ring-v1/watch_notification", 8, 0, NULL };

static const struct wq_field wq_struct_ring_v5_block_notification_fields[] = {
	{ "dev", 8, WQ_U64, -1 },
	{ "sector", 16, WQ_U64, -1 },
};
static const struct wq_struct wq_struct_ring_v5_block_notification = { "ring-v5/block_notification", 24, 2, wq_struct_ring_v5_block_notification_fields };

static const struct wq_field wq_struct_ring_v5_key_notification_fields[] = {
	{ "keyId", 8, WQ_U32, -1 },
	{ "aux", 12, WQ_U32, -1 },
};
static const struct wq_struct wq_struct_ring_v5_key_notification = { "ring-v5/key_notification", 16, 2, wq_struct_ring_v5_key_notification_fields };

static const struct wq_field wq_struct_ring_v5_usb_notification_fields[] = {
	{ "error", 8, WQ_U32, -1 },
	{ "reserved", 12, WQ_U32, -1 },
	{ "nameLen", 16, WQ_U8, -1 },
	{ "name", 17, WQ_BYTES, 2 },
};
static const struct wq_struct wq_struct_ring_v5_usb_notification = { "ring-v5/usb_notification", 24, 4, wq_struct_ring_v5_usb_notification_fields };

static const struct wq_struct wq_struct_ring_v5_watch_notification = { "ring-v5/watch_notification", 8, 0, NULL };

static const struct wq_field wq_struct_ring_v5_watch_notification_removal_fields[] = {
	{ "id", 8, WQ_U64, -1 },
};
static const struct wq_struct wq_struct_ring_v5_watch_notification_removal = { "ring-v5/watch_notification_removal", 16, 1, wq_struct_ring_v5_watch_notification_removal_fields };

static const struct wq_struct *const wq_r0_0_structs[] = { &wq_struct_ring_v1_watch_notification };
static const struct wq_struct *const wq_r0_1_structs[] = { &wq_struct_ring_v1_watch_notification };
static const struct wq_struct *const wq_r0_2_structs[] = { &wq_struct_ring_v1_mount_notification };
static const struct wq_event wq_r0_2_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_struct *const wq_r0_3_structs[] = { &wq_struct_ring_v1_superblock_error_notification };
static const struct wq_event wq_r0_3_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r0_4_structs[] = { &wq_struct_ring_v1_superblock_notification };
static const struct wq_event wq_r0_4_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r0_5_structs[] = { &wq_struct_ring_v1_key_notification };
static const struct wq_event wq_r0_5_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_rule wq_r0_rules[] = {
	{ .kind = "skip", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_PADDING, .base = 0, .nstructs = 1, .structs = wq_r0_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "removal", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r0_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "mount", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r0_2_structs,
	  .nevents = 7, .events = wq_r0_2_events },
	{ .kind = "superblock-error", .type = 2u, .subtype = 1, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r0_3_structs,
	  .nevents = 4, .events = wq_r0_3_events },
	{ .kind = "superblock", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r0_4_structs,
	  .nevents = 4, .events = wq_r0_4_events },
	{ .kind = "key", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r0_5_structs,
	  .nevents = 8, .events = wq_r0_5_events },
};

static const struct wq_struct *const wq_r1_0_structs[] = { &wq_struct_ring_v1_watch_notification };
static const struct wq_struct *const wq_r1_1_structs[] = { &wq_struct_ring_v1_watch_notification };
static const struct wq_struct *const wq_r1_2_structs[] = { &wq_struct_ring_v1_mount_notification };
static const struct wq_event wq_r1_2_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_struct *const wq_r1_3_structs[] = { &wq_struct_ring_v1_superblock_error_notification };
static const struct wq_event wq_r1_3_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r1_4_structs[] = { &wq_struct_ring_v1_superblock_notification };
static const struct wq_event wq_r1_4_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r1_5_structs[] = { &wq_struct_ring_v1_key_notification };
static const struct wq_event wq_r1_5_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r1_6_structs[] = { &wq_struct_ring_v1_block_notification };
static const struct wq_event wq_r1_6_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_rule wq_r1_rules[] = {
	{ .kind = "skip", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_PADDING, .base = 0, .nstructs = 1, .structs = wq_r1_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "removal", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r1_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "mount", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r1_2_structs,
	  .nevents = 7, .events = wq_r1_2_events },
	{ .kind = "superblock-error", .type = 2u, .subtype = 1, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r1_3_structs,
	  .nevents = 4, .events = wq_r1_3_events },
	{ .kind = "superblock", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r1_4_structs,
	  .nevents = 4, .events = wq_r1_4_events },
	{ .kind = "key", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r1_5_structs,
	  .nevents = 8, .events = wq_r1_5_events },
	{ .kind = "block", .type = 4u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r1_6_structs,
	  .nevents = 10, .events = wq_r1_6_events },
};

static const struct wq_struct *const wq_r2_0_structs[] = { &wq_struct_ring_v1_watch_notification };
static const struct wq_struct *const wq_r2_1_structs[] = { &wq_struct_ring_v1_watch_notification };
static const struct wq_struct *const wq_r2_2_structs[] = { &wq_struct_ring_v1_mount_notification };
static const struct wq_event wq_r2_2_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_struct *const wq_r2_3_structs[] = { &wq_struct_ring_v1_superblock_error_notification };
static const struct wq_event wq_r2_3_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r2_4_structs[] = { &wq_struct_ring_v1_superblock_notification };
static const struct wq_event wq_r2_4_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r2_5_structs[] = { &wq_struct_ring_v1_key_notification };
static const struct wq_event wq_r2_5_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r2_6_structs[] = { &wq_struct_ring_v1_block_notification };
static const struct wq_event wq_r2_6_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_rule wq_r2_rules[] = {
	{ .kind = "skip", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_PADDING, .base = 0, .nstructs = 1, .structs = wq_r2_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "removal", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r2_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "mount", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r2_2_structs,
	  .nevents = 7, .events = wq_r2_2_events },
	{ .kind = "superblock-error", .type = 2u, .subtype = 1, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r2_3_structs,
	  .nevents = 4, .events = wq_r2_3_events },
	{ .kind = "superblock", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r2_4_structs,
	  .nevents = 4, .events = wq_r2_4_events },
	{ .kind = "key", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r2_5_structs,
	  .nevents = 8, .events = wq_r2_5_events },
	{ .kind = "block", .type = 4u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r2_6_structs,
	  .nevents = 10, .events = wq_r2_6_events },
};

static const struct wq_struct *const wq_r3_0_structs[] = { &wq_struct_ring_v1_watch_notification };
static const struct wq_struct *const wq_r3_1_structs[] = { &wq_struct_ring_v1_watch_notification };
static const struct wq_struct *const wq_r3_2_structs[] = { &wq_struct_ring_v1_mount_notification };
static const struct wq_event wq_r3_2_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_struct *const wq_r3_3_structs[] = { &wq_struct_ring_v1_superblock_error_notification };
static const struct wq_event wq_r3_3_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r3_4_structs[] = { &wq_struct_ring_v1_superblock_notification };
static const struct wq_event wq_r3_4_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r3_5_structs[] = { &wq_struct_ring_v1_key_notification };
static const struct wq_event wq_r3_5_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r3_6_structs[] = { &wq_struct_ring_v1_block_notification };
static const struct wq_event wq_r3_6_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_struct *const wq_r3_7_structs[] = { &wq_struct_ring_v1_usb_notification };
static const struct wq_event wq_r3_7_events[] = {
	{ 0, "device-add" },
	{ 1, "device-remove" },
	{ 2, "bus-add" },
	{ 3, "bus-remove" },
	{ 4, "device-reset" },
	{ 5, "device-error" },
};
static const struct wq_rule wq_r3_rules[] = {
	{ .kind = "skip", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_PADDING, .base = 0, .nstructs = 1, .structs = wq_r3_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "removal", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r3_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "mount", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r3_2_structs,
	  .nevents = 7, .events = wq_r3_2_events },
	{ .kind = "superblock-error", .type = 2u, .subtype = 1, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r3_3_structs,
	  .nevents = 4, .events = wq_r3_3_events },
	{ .kind = "superblock", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r3_4_structs,
	  .nevents = 4, .events = wq_r3_4_events },
	{ .kind = "key", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r3_5_structs,
	  .nevents = 8, .events = wq_r3_5_events },
	{ .kind = "block", .type = 4u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r3_6_structs,
	  .nevents = 10, .events = wq_r3_6_events },
	{ .kind = "usb", .type = 5u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FLEXIBLE, .base = 17, .nstructs = 1, .structs = wq_r3_7_structs,
	  .nevents = 6, .events = wq_r3_7_events },
};

static const struct wq_struct *const wq_r4_0_structs[] = { &wq_struct_ring_v1_watch_notification };
static const struct wq_struct *const wq_r4_1_structs[] = { &wq_struct_ring_v1_watch_notification };
static const struct wq_struct *const wq_r4_2_structs[] = { &wq_struct_ring_v1_mount_notification };
static const struct wq_event wq_r4_2_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_struct *const wq_r4_3_structs[] = { &wq_struct_ring_v1_superblock_error_notification };
static const struct wq_event wq_r4_3_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r4_4_structs[] = { &wq_struct_ring_v1_superblock_notification };
static const struct wq_event wq_r4_4_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r4_5_structs[] = { &wq_struct_ring_v1_key_notification };
static const struct wq_event wq_r4_5_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r4_6_structs[] = { &wq_struct_ring_v1_block_notification };
static const struct wq_event wq_r4_6_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_struct *const wq_r4_7_structs[] = { &wq_struct_ring_v1_usb_notification };
static const struct wq_event wq_r4_7_events[] = {
	{ 0, "device-add" },
	{ 1, "device-remove" },
	{ 2, "bus-add" },
	{ 3, "bus-remove" },
	{ 4, "device-reset" },
	{ 5, "device-error" },
};
static const struct wq_rule wq_r4_rules[] = {
	{ .kind = "skip", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_PADDING, .base = 0, .nstructs = 1, .structs = wq_r4_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "removal", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r4_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "mount", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r4_2_structs,
	  .nevents = 7, .events = wq_r4_2_events },
	{ .kind = "superblock-error", .type = 2u, .subtype = 1, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r4_3_structs,
	  .nevents = 4, .events = wq_r4_3_events },
	{ .kind = "superblock", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r4_4_structs,
	  .nevents = 4, .events = wq_r4_4_events },
	{ .kind = "key", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r4_5_structs,
	  .nevents = 8, .events = wq_r4_5_events },
	{ .kind = "block", .type = 4u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r4_6_structs,
	  .nevents = 10, .events = wq_r4_6_events },
	{ .kind = "usb", .type = 5u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FLEXIBLE, .base = 17, .nstructs = 1, .structs = wq_r4_7_structs,
	  .nevents = 6, .events = wq_r4_7_events },
};

static const struct wq_struct *const wq_r5_0_structs[] = { &wq_struct_ring_v5_watch_notification };
static const struct wq_struct *const wq_r5_1_structs[] = { &wq_struct_ring_v5_watch_notification };
static const struct wq_struct *const wq_r5_2_structs[] = { &wq_struct_ring_v5_key_notification };
static const struct wq_event wq_r5_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r5_3_structs[] = { &wq_struct_ring_v5_block_notification };
static const struct wq_event wq_r5_3_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_struct *const wq_r5_4_structs[] = { &wq_struct_ring_v5_usb_notification };
static const struct wq_event wq_r5_4_events[] = {
	{ 0, "device-add" },
	{ 1, "device-remove" },
	{ 2, "bus-add" },
	{ 3, "bus-remove" },
	{ 4, "device-reset" },
	{ 5, "device-error" },
};
static const struct wq_rule wq_r5_rules[] = {
	{ .kind = "skip", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_PADDING, .base = 0, .nstructs = 1, .structs = wq_r5_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "removal", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r5_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r5_2_structs,
	  .nevents = 8, .events = wq_r5_2_events },
	{ .kind = "block", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r5_3_structs,
	  .nevents = 10, .events = wq_r5_3_events },
	{ .kind = "usb", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FLEXIBLE, .base = 17, .nstructs = 1, .structs = wq_r5_4_structs,
	  .nevents = 6, .events = wq_r5_4_events },
};

static const struct wq_struct *const wq_r6_0_structs[] = { &wq_struct_ring_v5_watch_notification };
static const struct wq_struct *const wq_r6_1_structs[] = { &wq_struct_ring_v5_watch_notification, &wq_struct_ring_v5_watch_notification_removal };
static const struct wq_struct *const wq_r6_2_structs[] = { &wq_struct_ring_v5_key_notification };
static const struct wq_event wq_r6_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r6_3_structs[] = { &wq_struct_ring_v5_block_notification };
static const struct wq_event wq_r6_3_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_struct *const wq_r6_4_structs[] = { &wq_struct_ring_v5_usb_notification };
static const struct wq_event wq_r6_4_events[] = {
	{ 0, "device-add" },
	{ 1, "device-remove" },
	{ 2, "bus-add" },
	{ 3, "bus-remove" },
	{ 4, "device-reset" },
	{ 5, "device-error" },
};
static const struct wq_rule wq_r6_rules[] = {
	{ .kind = "skip", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_PADDING, .base = 0, .nstructs = 1, .structs = wq_r6_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "removal", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r6_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r6_2_structs,
	  .nevents = 8, .events = wq_r6_2_events },
	{ .kind = "block", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r6_3_structs,
	  .nevents = 10, .events = wq_r6_3_events },
	{ .kind = "usb", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FLEXIBLE, .base = 17, .nstructs = 1, .structs = wq_r6_4_structs,
	  .nevents = 6, .events = wq_r6_4_events },
};

static const struct wq_struct *const wq_r7_0_structs[] = { &wq_struct_ring_v5_watch_notification };
static const struct wq_struct *const wq_r7_1_structs[] = { &wq_struct_ring_v5_watch_notification, &wq_struct_ring_v5_watch_notification_removal };
static const struct wq_struct *const wq_r7_2_structs[] = { &wq_struct_ring_v5_key_notification };
static const struct wq_event wq_r7_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r7_3_structs[] = { &wq_struct_ring_v5_block_notification };
static const struct wq_event wq_r7_3_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_struct *const wq_r7_4_structs[] = { &wq_struct_ring_v5_usb_notification };
static const struct wq_event wq_r7_4_events[] = {
	{ 0, "device-add" },
	{ 1, "device-remove" },
	{ 2, "bus-add" },
	{ 3, "bus-remove" },
	{ 4, "device-reset" },
	{ 5, "device-error" },
};
static const struct wq_rule wq_r7_rules[] = {
	{ .kind = "skip", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_PADDING, .base = 0, .nstructs = 1, .structs = wq_r7_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "removal", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r7_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r7_2_structs,
	  .nevents = 8, .events = wq_r7_2_events },
	{ .kind = "block", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r7_3_structs,
	  .nevents = 10, .events = wq_r7_3_events },
	{ .kind = "usb", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FLEXIBLE, .base = 17, .nstructs = 1, .structs = wq_r7_4_structs,
	  .nevents = 6, .events = wq_r7_4_events },
};

static const struct wq_struct *const wq_r8_0_structs[] = { &wq_struct_ring_v5_watch_notification };
static const struct wq_struct *const wq_r8_1_structs[] = { &wq_struct_ring_v5_watch_notification, &wq_struct_ring_v5_watch_notification_removal };
static const struct wq_struct *const wq_r8_2_structs[] = { &wq_struct_ring_v5_key_notification };
static const struct wq_event wq_r8_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r8_3_structs[] = { &wq_struct_ring_v5_block_notification };
static const struct wq_event wq_r8_3_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_struct *const wq_r8_4_structs[] = { &wq_struct_ring_v5_usb_notification };
static const struct wq_event wq_r8_4_events[] = {
	{ 0, "device-add" },
	{ 1, "device-remove" },
	{ 2, "device-reset" },
	{ 3, "device-error" },
};
static const struct wq_rule wq_r8_rules[] = {
	{ .kind = "skip", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_PADDING, .base = 0, .nstructs = 1, .structs = wq_r8_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "removal", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r8_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r8_2_structs,
	  .nevents = 8, .events = wq_r8_2_events },
	{ .kind = "block", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r8_3_structs,
	  .nevents = 10, .events = wq_r8_3_events },
	{ .kind = "usb", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FLEXIBLE, .base = 17, .nstructs = 1, .structs = wq_r8_4_structs,
	  .nevents = 4, .events = wq_r8_4_events },
};

static const struct wq_struct *const wq_r9_0_structs[] = { &wq_struct_pipe_watch_notification, &wq_struct_pipe_watch_notification_removal };
static const struct wq_struct *const wq_r9_1_structs[] = { &wq_struct_pipe_watch_notification };
static const struct wq_struct *const wq_r9_2_structs[] = { &wq_struct_pipe_key_notification };
static const struct wq_event wq_r9_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r9_3_structs[] = { &wq_struct_pipe_block_notification };
static const struct wq_event wq_r9_3_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_struct *const wq_r9_4_structs[] = { &wq_struct_pipe_usb_notification };
static const struct wq_event wq_r9_4_events[] = {
	{ 0, "device-add" },
	{ 1, "device-remove" },
	{ 2, "device-reset" },
	{ 3, "device-error" },
};
static const struct wq_rule wq_r9_rules[] = {
	{ .kind = "removal", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r9_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "loss", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r9_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r9_2_structs,
	  .nevents = 8, .events = wq_r9_2_events },
	{ .kind = "block", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r9_3_structs,
	  .nevents = 10, .events = wq_r9_3_events },
	{ .kind = "usb", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FLEXIBLE, .base = 17, .nstructs = 1, .structs = wq_r9_4_structs,
	  .nevents = 4, .events = wq_r9_4_events },
};

static const struct wq_struct *const wq_r10_0_structs[] = { &wq_struct_pipe_watch_notification, &wq_struct_pipe_watch_notification_removal };
static const struct wq_struct *const wq_r10_1_structs[] = { &wq_struct_pipe_watch_notification };
static const struct wq_struct *const wq_r10_2_structs[] = { &wq_struct_pipe_key_notification };
static const struct wq_event wq_r10_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r10_3_structs[] = { &wq_struct_pipe_block_notification };
static const struct wq_event wq_r10_3_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_struct *const wq_r10_4_structs[] = { &wq_struct_pipe_usb_notification };
static const struct wq_event wq_r10_4_events[] = {
	{ 0, "device-add" },
	{ 1, "device-remove" },
	{ 2, "device-reset" },
	{ 3, "device-error" },
};
static const struct wq_rule wq_r10_rules[] = {
	{ .kind = "removal", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r10_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "loss", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r10_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r10_2_structs,
	  .nevents = 8, .events = wq_r10_2_events },
	{ .kind = "block", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r10_3_structs,
	  .nevents = 10, .events = wq_r10_3_events },
	{ .kind = "usb", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FLEXIBLE, .base = 17, .nstructs = 1, .structs = wq_r10_4_structs,
	  .nevents = 4, .events = wq_r10_4_events },
};

static const struct wq_struct *const wq_r11_0_structs[] = { &wq_struct_pipe_watch_notification, &wq_struct_pipe_watch_notification_removal };
static const struct wq_struct *const wq_r11_1_structs[] = { &wq_struct_pipe_watch_notification };
static const struct wq_struct *const wq_r11_2_structs[] = { &wq_struct_pipe_key_notification };
static const struct wq_event wq_r11_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r11_3_structs[] = { &wq_struct_pipe_block_notification };
static const struct wq_event wq_r11_3_events[] = {
	{ 1, "error-timeout" },
	{ 2, "error-no-space" },
	{ 3, "error-recoverable-transport" },
	{ 4, "error-critical-target" },
	{ 5, "error-critical-nexus" },
	{ 6, "error-critical-medium" },
	{ 7, "error-protection" },
	{ 8, "error-kernel-resource" },
	{ 9, "error-device-resource" },
	{ 10, "error-io" },
};
static const struct wq_struct *const wq_r11_4_structs[] = { &wq_struct_pipe_usb_notification };
static const struct wq_event wq_r11_4_events[] = {
	{ 0, "device-add" },
	{ 1, "device-remove" },
	{ 2, "device-reset" },
	{ 3, "device-error" },
};
static const struct wq_rule wq_r11_rules[] = {
	{ .kind = "removal", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r11_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "loss", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r11_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r11_2_structs,
	  .nevents = 8, .events = wq_r11_2_events },
	{ .kind = "block", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r11_3_structs,
	  .nevents = 10, .events = wq_r11_3_events },
	{ .kind = "usb", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FLEXIBLE, .base = 17, .nstructs = 1, .structs = wq_r11_4_structs,
	  .nevents = 4, .events = wq_r11_4_events },
};

static const struct wq_struct *const wq_r12_0_structs[] = { &wq_struct_pipe_watch_notification, &wq_struct_pipe_watch_notification_removal };
static const struct wq_struct *const wq_r12_1_structs[] = { &wq_struct_pipe_watch_notification };
static const struct wq_struct *const wq_r12_2_structs[] = { &wq_struct_pipe_key_notification };
static const struct wq_event wq_r12_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r12_3_structs[] = { &wq_struct_pipe_mount_notification_2020_02 };
static const struct wq_event wq_r12_3_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_struct *const wq_r12_4_structs[] = { &wq_struct_pipe_superblock_error_notification };
static const struct wq_event wq_r12_4_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r12_5_structs[] = { &wq_struct_pipe_superblock_notification };
static const struct wq_event wq_r12_5_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_rule wq_r12_rules[] = {
	{ .kind = "removal", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r12_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "loss", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r12_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r12_2_structs,
	  .nevents = 8, .events = wq_r12_2_events },
	{ .kind = "mount", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r12_3_structs,
	  .nevents = 7, .events = wq_r12_3_events },
	{ .kind = "superblock-error", .type = 3u, .subtype = 1, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r12_4_structs,
	  .nevents = 4, .events = wq_r12_4_events },
	{ .kind = "superblock", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r12_5_structs,
	  .nevents = 4, .events = wq_r12_5_events },
};

static const struct wq_struct *const wq_r13_0_structs[] = { &wq_struct_pipe_watch_notification, &wq_struct_pipe_watch_notification_removal };
static const struct wq_struct *const wq_r13_1_structs[] = { &wq_struct_pipe_watch_notification };
static const struct wq_struct *const wq_r13_2_structs[] = { &wq_struct_pipe_key_notification };
static const struct wq_event wq_r13_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r13_3_structs[] = { &wq_struct_pipe_mount_notification_2020_02 };
static const struct wq_event wq_r13_3_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_struct *const wq_r13_4_structs[] = { &wq_struct_pipe_superblock_error_notification };
static const struct wq_event wq_r13_4_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r13_5_structs[] = { &wq_struct_pipe_superblock_notification };
static const struct wq_event wq_r13_5_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_rule wq_r13_rules[] = {
	{ .kind = "removal", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r13_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "loss", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r13_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r13_2_structs,
	  .nevents = 8, .events = wq_r13_2_events },
	{ .kind = "mount", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r13_3_structs,
	  .nevents = 7, .events = wq_r13_3_events },
	{ .kind = "superblock-error", .type = 3u, .subtype = 1, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r13_4_structs,
	  .nevents = 4, .events = wq_r13_4_events },
	{ .kind = "superblock", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r13_5_structs,
	  .nevents = 4, .events = wq_r13_5_events },
};

static const struct wq_struct *const wq_r14_0_structs[] = { &wq_struct_pipe_watch_notification, &wq_struct_pipe_watch_notification_removal };
static const struct wq_struct *const wq_r14_1_structs[] = { &wq_struct_pipe_watch_notification };
static const struct wq_struct *const wq_r14_2_structs[] = { &wq_struct_pipe_key_notification };
static const struct wq_event wq_r14_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r14_3_structs[] = { &wq_struct_pipe_mount_notification_2020_02 };
static const struct wq_event wq_r14_3_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_struct *const wq_r14_4_structs[] = { &wq_struct_pipe_superblock_error_notification };
static const struct wq_event wq_r14_4_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r14_5_structs[] = { &wq_struct_pipe_superblock_notification };
static const struct wq_event wq_r14_5_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_rule wq_r14_rules[] = {
	{ .kind = "removal", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r14_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "loss", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r14_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r14_2_structs,
	  .nevents = 8, .events = wq_r14_2_events },
	{ .kind = "mount", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r14_3_structs,
	  .nevents = 7, .events = wq_r14_3_events },
	{ .kind = "superblock-error", .type = 3u, .subtype = 1, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r14_4_structs,
	  .nevents = 4, .events = wq_r14_4_events },
	{ .kind = "superblock", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r14_5_structs,
	  .nevents = 4, .events = wq_r14_5_events },
};

static const struct wq_struct *const wq_r15_0_structs[] = { &wq_struct_pipe_watch_notification, &wq_struct_pipe_watch_notification_removal };
static const struct wq_struct *const wq_r15_1_structs[] = { &wq_struct_pipe_watch_notification };
static const struct wq_struct *const wq_r15_2_structs[] = { &wq_struct_pipe_key_notification };
static const struct wq_event wq_r15_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r15_3_structs[] = { &wq_struct_pipe_mount_notification_2020_03 };
static const struct wq_event wq_r15_3_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_struct *const wq_r15_4_structs[] = { &wq_struct_pipe_superblock_error_notification };
static const struct wq_event wq_r15_4_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_struct *const wq_r15_5_structs[] = { &wq_struct_pipe_superblock_notification };
static const struct wq_event wq_r15_5_events[] = {
	{ 0, "readonly" },
	{ 1, "error" },
	{ 2, "edquot" },
	{ 3, "network" },
};
static const struct wq_rule wq_r15_rules[] = {
	{ .kind = "removal", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r15_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "loss", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r15_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r15_2_structs,
	  .nevents = 8, .events = wq_r15_2_events },
	{ .kind = "mount", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r15_3_structs,
	  .nevents = 7, .events = wq_r15_3_events },
	{ .kind = "superblock-error", .type = 3u, .subtype = 1, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r15_4_structs,
	  .nevents = 4, .events = wq_r15_4_events },
	{ .kind = "superblock", .type = 3u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r15_5_structs,
	  .nevents = 4, .events = wq_r15_5_events },
};

static const struct wq_struct *const wq_r16_0_structs[] = { &wq_struct_pipe_watch_notification, &wq_struct_pipe_watch_notification_removal };
static const struct wq_struct *const wq_r16_1_structs[] = { &wq_struct_pipe_watch_notification };
static const struct wq_struct *const wq_r16_2_structs[] = { &wq_struct_pipe_key_notification };
static const struct wq_event wq_r16_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_rule wq_r16_rules[] = {
	{ .kind = "removal", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r16_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "loss", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r16_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r16_2_structs,
	  .nevents = 8, .events = wq_r16_2_events },
};

static const struct wq_struct *const wq_r17_0_structs[] = { &wq_struct_pipe_watch_notification, &wq_struct_pipe_watch_notification_removal };
static const struct wq_struct *const wq_r17_1_structs[] = { &wq_struct_pipe_watch_notification };
static const struct wq_struct *const wq_r17_2_structs[] = { &wq_struct_pipe_key_notification };
static const struct wq_event wq_r17_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r17_3_structs[] = { &wq_struct_pipe_mount_notification_2020_03 };
static const struct wq_event wq_r17_3_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_rule wq_r17_rules[] = {
	{ .kind = "removal", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r17_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "loss", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r17_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r17_2_structs,
	  .nevents = 8, .events = wq_r17_2_events },
	{ .kind = "mount", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r17_3_structs,
	  .nevents = 7, .events = wq_r17_3_events },
};

static const struct wq_struct *const wq_r18_0_structs[] = { &wq_struct_pipe_watch_notification, &wq_struct_pipe_watch_notification_removal };
static const struct wq_struct *const wq_r18_1_structs[] = { &wq_struct_pipe_watch_notification };
static const struct wq_struct *const wq_r18_2_structs[] = { &wq_struct_pipe_key_notification };
static const struct wq_event wq_r18_2_events[] = {
	{ 0, "instantiated" },
	{ 1, "updated" },
	{ 2, "linked" },
	{ 3, "unlinked" },
	{ 4, "cleared" },
	{ 5, "revoked" },
	{ 6, "invalidated" },
	{ 7, "setattr" },
};
static const struct wq_struct *const wq_r18_3_structs[] = { &wq_struct_pipe_mount_notification_2020_08 };
static const struct wq_event wq_r18_3_events[] = {
	{ 0, "new-mount" },
	{ 1, "unmount" },
	{ 2, "expiry" },
	{ 3, "readonly" },
	{ 4, "setattr" },
	{ 5, "move-from" },
	{ 6, "move-to" },
};
static const struct wq_rule wq_r18_rules[] = {
	{ .kind = "removal", .type = 0u, .subtype = 0, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 2, .structs = wq_r18_0_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "loss", .type = 0u, .subtype = 1, .evented = false,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r18_1_structs,
	  .nevents = 0, .events = NULL },
	{ .kind = "key", .type = 1u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r18_2_structs,
	  .nevents = 8, .events = wq_r18_2_events },
	{ .kind = "mount", .type = 2u, .subtype = WQ_ANY_SUBTYPE, .evented = true,
	  .length = WQ_LENGTH_FIXED, .base = 0, .nstructs = 1, .structs = wq_r18_3_structs,
	  .nevents = 7, .events = wq_r18_3_events },
};

#define WQ_REVISION_COUNT 19

static const struct wq_revision wq_revisions[WQ_REVISION_COUNT] = {
	{ .id = "pre-v1", .length_unit = 8, .length_mask = 0x000001f8u, .length_shift = 3,
	  .id_mask = 0xff000000u, .id_shift = 24, .type_info_mask = 0x00ff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 6, .rules = wq_r0_rules },
	{ .id = "mmap-v1", .length_unit = 8, .length_mask = 0x000001f8u, .length_shift = 3,
	  .id_mask = 0xff000000u, .id_shift = 24, .type_info_mask = 0x00ff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 7, .rules = wq_r1_rules },
	{ .id = "mmap-v2", .length_unit = 8, .length_mask = 0x000001f8u, .length_shift = 3,
	  .id_mask = 0xff000000u, .id_shift = 24, .type_info_mask = 0x00ff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 7, .rules = wq_r2_rules },
	{ .id = "mmap-v3", .length_unit = 8, .length_mask = 0x000001f8u, .length_shift = 3,
	  .id_mask = 0xff000000u, .id_shift = 24, .type_info_mask = 0x00ff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 8, .rules = wq_r3_rules },
	{ .id = "mmap-v4", .length_unit = 8, .length_mask = 0x000001f8u, .length_shift = 3,
	  .id_mask = 0xff000000u, .id_shift = 24, .type_info_mask = 0x00ff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 8, .rules = wq_r4_rules },
	{ .id = "mmap-v5", .length_unit = 8, .length_mask = 0x0000003fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 5, .rules = wq_r5_rules },
	{ .id = "mmap-v6", .length_unit = 8, .length_mask = 0x0000003fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 5, .rules = wq_r6_rules },
	{ .id = "mmap-v7", .length_unit = 8, .length_mask = 0x0000003fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 5, .rules = wq_r7_rules },
	{ .id = "mmap-v8", .length_unit = 8, .length_mask = 0x0000003fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 5, .rules = wq_r8_rules },
	{ .id = "pipe-v1", .length_unit = 1, .length_mask = 0x0000007fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 5, .rules = wq_r9_rules },
	{ .id = "pipe-v2", .length_unit = 1, .length_mask = 0x0000007fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 5, .rules = wq_r10_rules },
	{ .id = "pipe-v3", .length_unit = 1, .length_mask = 0x0000007fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 5, .rules = wq_r11_rules },
	{ .id = "fsinfo-v16", .length_unit = 1, .length_mask = 0x0000007fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 6, .rules = wq_r12_rules },
	{ .id = "fsinfo-v17", .length_unit = 1, .length_mask = 0x0000007fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 6, .rules = wq_r13_rules },
	{ .id = "pipe-v4", .length_unit = 1, .length_mask = 0x0000007fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 6, .rules = wq_r14_rules },
	{ .id = "pipe-v5", .length_unit = 1, .length_mask = 0x0000007fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 6, .rules = wq_r15_rules },
	{ .id = "mainline", .length_unit = 1, .length_mask = 0x0000007fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 3, .rules = wq_r16_rules },
	{ .id = "mount-2020-07", .length_unit = 1, .length_mask = 0x0000007fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 4, .rules = wq_r17_rules },
	{ .id = "mount-2020-08", .length_unit = 1, .length_mask = 0x0000007fu, .length_shift = 0,
	  .id_mask = 0x0000ff00u, .id_shift = 8, .type_info_mask = 0xffff0000u, .type_info_shift = 16,
	  .type = { 0, 8, 24 }, .subtype = { 24, 0, 8 },
	  .nrules = 4, .rules = wq_r18_rules },
};

#endif
