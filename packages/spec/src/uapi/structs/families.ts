// Struct variants are grouped by the record-header family they embed, because the header's
// alignment is what changes their layout:
// - ring-v1: the May-2019 /dev/watch_queue ring up to mmap ver #4 (header aligned 4)
// - ring-v5: mmap ver #5..#8 (header with __attribute__((aligned(8))))
// - pipe:    the pipe-based RFCs, the 2020 mount/superblock postings and mainline (aligned 4)
// - common:  structs without a record header (the filter structs, unchanged in every revision)
// - fanotify: fanotify's mount-event info record (Linux 6.14), the successor of mount watches
export const FAMILIES = ['ring-v1', 'ring-v5', 'pipe', 'common', 'fanotify'] as const
export type Family = (typeof FAMILIES)[number]
