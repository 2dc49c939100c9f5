/*
 * walk.c: the C baseline of the @watchq/decoder benchmark (bench/run.ts compiles it with gcc -O2).
 *
 * Reads a file of back-to-back watch_queue notification records (mainline pipe layout, host byte
 * order) into memory and walks it the way a hand-written C consumer does: per record, read the
 * 8-byte header, take the length from info & 0x7f, check 8 <= length <= bytes remaining, switch on
 * the type and, for key records, read key_id and aux. A checksum over type, subtype, key_id and aux
 * keeps the compiler from dropping any of it; bench/checksum.ts computes the same sum in JS.
 *
 * Two modes, each timed separately with clock_gettime over the walk only (file I/O excluded):
 *   direct: the header and the key payload are copied with fixed-size memcpy (plain loads);
 *   copy:   each record is first memcpy'd into a local 128-byte buffer (memcpy(buf, p, len)),
 *           as consumers that read notifications into a local union do.
 *
 * usage: walk FILE [REPS] [MODE]    MODE is direct, copy or both (default both)
 * prints one JSON object per mode: records, checksum, median and best ns per record, samples.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The mainline header: type:24, subtype:8 in the first u32 (bitfields in host order), then info. */
struct hdr {
  uint32_t type : 24;
  uint32_t subtype : 8;
  uint32_t info;
};

struct key_rec {
  struct hdr h;
  uint32_t key_id;
  uint32_t aux;
};

#define LENGTH_MASK 0x7fu
#define TYPE_META 0u
#define TYPE_KEY 1u

/* Multipliers of the checksum terms; bench/checksum.ts uses the same ones. */
#define K_SUBTYPE 0x01000193u
#define K_KEY_ID 0x9e3779b1u
#define K_AUX 0x85ebca77u

struct result {
  uint32_t checksum;
  size_t records;
  long bad_offset; /* -1 when every record was well formed */
};

static inline uint32_t term(uint32_t type, uint32_t subtype, uint32_t key_id, uint32_t aux) {
  return type + subtype * K_SUBTYPE + key_id * K_KEY_ID + aux * K_AUX;
}

__attribute__((noinline)) static struct result walk_direct(const unsigned char *buf, size_t size) {
  struct result r = {0, 0, -1};
  size_t at = 0;
  while (at < size) {
    size_t left = size - at;
    if (left < sizeof(struct hdr)) {
      r.bad_offset = (long)at;
      break;
    }
    struct hdr h;
    memcpy(&h, buf + at, sizeof h);
    size_t len = h.info & LENGTH_MASK;
    if (len < sizeof(struct hdr) || len > left) {
      r.bad_offset = (long)at;
      break;
    }
    switch (h.type) {
      case TYPE_KEY:
        if (len >= sizeof(struct key_rec)) {
          struct key_rec k;
          memcpy(&k, buf + at, sizeof k);
          r.checksum += term(h.type, h.subtype, k.key_id, k.aux);
          break;
        }
        r.checksum += term(h.type, h.subtype, 0, 0);
        break;
      case TYPE_META:
      default:
        r.checksum += term(h.type, h.subtype, 0, 0);
        break;
    }
    r.records++;
    at += len;
  }
  return r;
}

__attribute__((noinline)) static struct result walk_copy(const unsigned char *buf, size_t size) {
  struct result r = {0, 0, -1};
  union {
    struct hdr h;
    struct key_rec key;
    unsigned char raw[128];
  } n;
  size_t at = 0;
  while (at < size) {
    size_t left = size - at;
    if (left < sizeof(struct hdr)) {
      r.bad_offset = (long)at;
      break;
    }
    memcpy(&n.h, buf + at, sizeof n.h);
    size_t len = n.h.info & LENGTH_MASK;
    if (len < sizeof(struct hdr) || len > left) {
      r.bad_offset = (long)at;
      break;
    }
    memcpy(n.raw, buf + at, len);
    switch (n.h.type) {
      case TYPE_KEY:
        if (len >= sizeof(struct key_rec)) {
          r.checksum += term(n.h.type, n.h.subtype, n.key.key_id, n.key.aux);
          break;
        }
        r.checksum += term(n.h.type, n.h.subtype, 0, 0);
        break;
      case TYPE_META:
      default:
        r.checksum += term(n.h.type, n.h.subtype, 0, 0);
        break;
    }
    r.records++;
    at += len;
  }
  return r;
}

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int run(const char *mode, struct result (*fn)(const unsigned char *, size_t), const unsigned char *buf,
               size_t size, int reps) {
  double *ns = malloc(sizeof(double) * (size_t)reps);
  if (!ns) return 1;
  struct result first = fn(buf, size); /* warm-up: caches, TLB, branch predictors */
  for (int i = 0; i < reps; i++) {
    double t0 = now_ns();
    struct result r = fn(buf, size);
    double t1 = now_ns();
    if (r.checksum != first.checksum || r.records != first.records) {
      fprintf(stderr, "walk: %s: repetitions disagree\n", mode);
      return 1;
    }
    ns[i] = (t1 - t0) / (double)(r.records ? r.records : 1);
  }
  double sorted[reps];
  memcpy(sorted, ns, sizeof(double) * (size_t)reps);
  qsort(sorted, (size_t)reps, sizeof(double), cmp_double);
  double median = reps % 2 ? sorted[reps / 2] : (sorted[reps / 2 - 1] + sorted[reps / 2]) / 2;
  printf("{\"mode\":\"%s\",\"records\":%zu,\"checksum\":%u,\"badOffset\":%ld,\"medianNs\":%.4f,\"bestNs\":%.4f,\"samplesNs\":[",
         mode, first.records, first.checksum, first.bad_offset, median, sorted[0]);
  for (int i = 0; i < reps; i++) printf("%s%.4f", i ? "," : "", ns[i]);
  printf("]}\n");
  free(ns);
  return first.bad_offset >= 0 ? 2 : 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE [REPS] [direct|copy|both]\n", argv[0]);
    return 64;
  }
  int reps = argc > 2 ? atoi(argv[2]) : 5;
  const char *mode = argc > 3 ? argv[3] : "both";
  if (reps < 1) reps = 1;
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 66;
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc(size > 0 ? (size_t)size : 1);
  if (!buf || (size > 0 && fread(buf, 1, (size_t)size, f) != (size_t)size)) {
    fprintf(stderr, "walk: cannot read %s\n", argv[1]);
    return 66;
  }
  fclose(f);
  int rc = 0;
  if (!strcmp(mode, "direct") || !strcmp(mode, "both")) rc |= run("direct", walk_direct, buf, (size_t)size, reps);
  if (!strcmp(mode, "copy") || !strcmp(mode, "both")) rc |= run("copy", walk_copy, buf, (size_t)size, reps);
  free(buf);
  return rc;
}
