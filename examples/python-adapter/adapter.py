#!/usr/bin/env python3
"""A watchq adapter (protocol v1) backed by a small model of a notification pipe and of keys.

It performs nothing on the real machine: every step runs against an in-memory model of
Linux's watch_queue (pipe2(O_NOTIFICATION_PIPE), IOC_WATCH_QUEUE_SET_SIZE/SET_FILTER,
KEYCTL_WATCH_KEY and the records read from the pipe) and of the keyctl operations that post
key notifications. Records are laid out as the mainline kernel lays them out, in this
machine's byte order. It is an example of how to write an adapter from the protocol's
description; see README.md next to it.

Standard library only. Run it under the runner:

    npx watchq run --impl cmd:"python3 examples/python-adapter/adapter.py"
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import struct
import sys
import time
import traceback
from typing import Any, Callable

VERSION = "0.1.0"
PROTOCOL = 1

# ---------------------------------------------------------------------------------------------
# The interface's numbers (include/uapi/linux/watch_queue.h, keyctl.h; the mainline ABI)
# ---------------------------------------------------------------------------------------------

WATCH_TYPE_META = 0
WATCH_TYPE_KEY_NOTIFY = 1
WATCH_TYPE__NR = 2
WATCH_META_REMOVAL_NOTIFICATION = 0
WATCH_META_LOSS_NOTIFICATION = 1

WATCH_INFO_LENGTH = 0x0000007F  # the record's length in bytes
WATCH_INFO_ID = 0x0000FF00  # the watch id given to KEYCTL_WATCH_KEY
WATCH_INFO_ID_SHIFT = 8

NOTIFY_KEY_INSTANTIATED = 0
NOTIFY_KEY_UPDATED = 1
NOTIFY_KEY_LINKED = 2
NOTIFY_KEY_UNLINKED = 3
NOTIFY_KEY_CLEARED = 4
NOTIFY_KEY_REVOKED = 5
NOTIFY_KEY_INVALIDATED = 6
NOTIFY_KEY_SETATTR = 7

NOTE_SIZE = 128  # bytes per note slot
MIN_NOTES = 1
MAX_NOTES = 512
MAX_FILTERS = 16
FILTER_HEADER_SIZE = 8  # nr_filters, __reserved
FILTER_ENTRY_SIZE = 44  # type, info_filter, info_mask, subtype_filter[8]
KEY_RECORD_SIZE = 16
REMOVAL_RECORD_SIZE = 16
LOSS_RECORD_SIZE = 8

PIPE_DEF_BUFFERS = 16  # slots of a new pipe
KEY_GC_DELAY_S = 300  # /proc/sys/kernel/keys/gc_delay
GRACE_MS = 1  # an RCU grace period, in the model's clock

# Key permissions: possessor, user, group, other; 8 bits each.
KEY_VIEW, KEY_READ, KEY_WRITE, KEY_SEARCH, KEY_LINK, KEY_SETATTR = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20
KEY_ALL = 0x3F
KEY_PERM_MASK = 0x3F3F3F3F


def pos(bits: int) -> int:
    return bits << 24


def usr(bits: int) -> int:
    return bits << 16


KEY_SPEC = {"@t": -1, "@p": -2, "@s": -3, "@u": -4, "@us": -5, "@g": -6, "@a": -7, "@r": -8}

# Open flags of this machine (the numbering differs between architectures). O_NOTIFICATION_PIPE
# is O_EXCL's bit. The fallbacks are the asm-generic values, for a host without them.
O_EXCL = getattr(os, "O_EXCL", 0o200)
O_CLOEXEC = getattr(os, "O_CLOEXEC", 0o2000000)
O_NONBLOCK = getattr(os, "O_NONBLOCK", 0o4000)
O_DIRECT = getattr(os, "O_DIRECT", 0o40000)
O_TMPFILE = getattr(os, "O_TMPFILE", 0o20200000)
O_NOTIFICATION_PIPE = O_EXCL
PIPE2_FLAGS = {
    "O_NOTIFICATION_PIPE": O_NOTIFICATION_PIPE,
    "O_CLOEXEC": O_CLOEXEC,
    "O_NONBLOCK": O_NONBLOCK,
    "O_DIRECT": O_DIRECT,
    "O_TMPFILE": O_TMPFILE,
    "O_EXCL": O_EXCL,
}
# File status flags as fcntl F_GETFL reports them, in that order. O_LARGEFILE is the kernel's bit
# (glibc, and so Python, spell it 0 on 64-bit machines); asm-generic values where os lacks one.
FILE_FLAGS = {
    "O_APPEND": getattr(os, "O_APPEND", 0o2000),
    "O_NONBLOCK": O_NONBLOCK,
    "O_DIRECT": O_DIRECT,
    "O_LARGEFILE": 0o100000,
    "O_NOATIME": getattr(os, "O_NOATIME", 0o1000000),
}

POLL_BITS = {
    "POLLIN": 0x001,
    "POLLPRI": 0x002,
    "POLLOUT": 0x004,
    "POLLERR": 0x008,
    "POLLHUP": 0x010,
    "POLLNVAL": 0x020,
    "POLLRDNORM": 0x040,
    "POLLWRNORM": 0x100,
}

DEFAULT_NOFILE = (1024, 4096)  # soft, hard
NR_OPEN = 1048576

ENDIAN = sys.byteorder  # 'little' or 'big'
try:
    PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
except (AttributeError, ValueError, OSError):
    PAGE_SIZE = 4096


def i32(v: int) -> int:
    """An integer narrowed to a C int, as the kernel sees an int argument."""
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


# ---------------------------------------------------------------------------------------------
# How a step ends: a return value, an errno, or the adapter's own verdict on the step
# ---------------------------------------------------------------------------------------------


class Errno(Exception):
    """The system call fails with this errno (the observation {"errno": name})."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class StepError(Exception):
    """The adapter cannot perform the step as asked: {"error": why}; the case ends (status error)."""


class StepSkip(Exception):
    """The model does not cover this step: {"skipped": why}; the case ends (status unsupported)."""


# ---------------------------------------------------------------------------------------------
# The model's clock and its deferred work
# ---------------------------------------------------------------------------------------------


class Clock:
    """Time moves only when the modelled process waits (poll, sleep, a blocking read) and between
    cases, so that a run does not depend on how fast this script is. Work the kernel does later
    (RCU callbacks, the key garbage collector) is queued with a due time and runs as time passes."""

    def __init__(self) -> None:
        self.start_real = time.time()
        self.now_ms = 0.0
        self._seq = 0
        self._queue: list[tuple[float, int, Callable[[], None]]] = []

    def real_seconds(self) -> int:
        return int(self.start_real + self.now_ms / 1000)

    def defer(self, delay_ms: float, run: Callable[[], None]) -> None:
        self._seq += 1
        self._queue.append((self.now_ms + delay_ms, self._seq, run))
        self._queue.sort(key=lambda item: (item[0], item[1]))

    def advance_to(self, until_ms: float) -> None:
        while self._queue and self._queue[0][0] <= until_ms:
            due, _, run = self._queue.pop(0)
            self.now_ms = max(self.now_ms, due)
            run()
        self.now_ms = max(self.now_ms, until_ms)

    def wait_for(self, ready: Callable[[], bool], timeout_ms: float | None) -> tuple[bool, float]:
        """Waits until ready() or the timeout (None: no limit). Returns (ready, elapsed ms); with no
        limit and nothing left that could make it ready, (False, elapsed): it would wait forever."""
        start = self.now_ms
        deadline = float("inf") if timeout_ms is None else start + timeout_ms
        while True:
            if ready():
                return True, self.now_ms - start
            if not self._queue or self._queue[0][0] > deadline:
                if timeout_ms is None:
                    return False, self.now_ms - start
                self.advance_to(deadline)
                return ready(), self.now_ms - start
            self.advance_to(self._queue[0][0])


# ---------------------------------------------------------------------------------------------
# Records, laid out as the mainline kernel does, in this machine's byte order
# ---------------------------------------------------------------------------------------------


def header_bytes(type_: int, subtype: int, info: int) -> bytes:
    """struct watch_notification: `__u32 type:24, subtype:8; __u32 info`. The bitfields put the
    type in the first three bytes and the subtype in the fourth in either byte order."""
    if ENDIAN == "little":
        return struct.pack("<II", (type_ & 0xFFFFFF) | (subtype << 24), info)
    return struct.pack(">II", ((type_ & 0xFFFFFF) << 8) | subtype, info)


def key_record(subtype: int, info: int, key_id: int, aux: int) -> bytes:
    """struct key_notification: the header, key_id, aux."""
    fmt = "<II" if ENDIAN == "little" else ">II"
    return header_bytes(WATCH_TYPE_KEY_NOTIFY, subtype, info) + struct.pack(fmt, key_id & 0xFFFFFFFF, aux & 0xFFFFFFFF)


def removal_record(info_id: int, serial: int) -> bytes:
    """struct watch_notification_removal: the header and the u64 id of what was watched."""
    fmt = "<Q" if ENDIAN == "little" else ">Q"
    info = info_id | REMOVAL_RECORD_SIZE
    return header_bytes(WATCH_TYPE_META, WATCH_META_REMOVAL_NOTIFICATION, info) + struct.pack(fmt, serial)


def loss_record() -> bytes:
    """The 8-byte LOSS record read() makes up; no watch id."""
    return header_bytes(WATCH_TYPE_META, WATCH_META_LOSS_NOTIFICATION, LOSS_RECORD_SIZE)


# ---------------------------------------------------------------------------------------------
# Pipes, notification queues, filters and watches
# ---------------------------------------------------------------------------------------------


class Record:
    """One queued notification: one pipe buffer holding one whole record."""

    __slots__ = ("data", "loss")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.loss = False  # a post was lost after this record was queued


class Filter:
    def __init__(self, entries: list[tuple[int, int, int, int]]) -> None:
        # (type, info_filter, info_mask, subtype_filter[0]); only word 0 of the subtypes is kept.
        self.entries = entries
        self.types = {e[0] for e in entries}

    def accepts(self, type_: int, subtype: int, info: int) -> bool:
        if type_ not in self.types or subtype >= 32:
            return False
        bit = 1 << subtype
        return any(t == type_ and sub0 & bit and (info & mask) == want for t, want, mask, sub0 in self.entries)


class Pipe:
    """A pipe. An ordinary pipe holds plain bytes (up to its size, no page or packet structure)."""

    def __init__(self, notification: bool) -> None:
        self.records: list[Record] = []
        self.max_usage = PIPE_DEF_BUFFERS  # slots writers may fill; F_GETPIPE_SZ in pages
        self.ring_size = PIPE_DEF_BUFFERS
        self.readers = 1
        self.writers = 1
        self.files = 2  # open file descriptions; the pipe goes with the last one
        self.note_loss = False  # a LOSS record is due at the start of the next read
        self.queue: WatchQueue | None = WatchQueue(self) if notification else None
        self.data = bytearray()  # an ordinary pipe's bytes

    def readable(self) -> bool:
        return bool(self.records) or bool(self.data) or self.writers == 0

    def queued_bytes(self) -> int:
        return sum(len(r.data) for r in self.records) + len(self.data)

    def read(self, length: int, nowait: bool) -> bytes | None:
        """pipe_read on a notification pipe: whole records only; the LOSS record first when due.
        On an ordinary pipe: the bytes there, up to `length`. None means it would sleep."""
        if length == 0:
            return b""
        if self.queue is None:
            if self.data:
                out = bytes(self.data[:length])
                del self.data[:length]
                return out
            if self.writers == 0:
                return b""
            if nowait:
                raise Errno("EAGAIN")
            return None
        out = bytearray()
        left = length
        while True:
            if self.note_loss:
                loss = loss_record()
                if left < len(loss):
                    if not out:
                        raise Errno("ENOBUFS")
                    break
                out += loss
                left -= len(loss)
                self.note_loss = False
            if self.records:
                rec = self.records[0]
                if len(rec.data) > left:
                    if not out:
                        raise Errno("ENOBUFS")
                    break
                out += rec.data
                left -= len(rec.data)
                self.records.pop(0)
                if self.queue:
                    self.queue.free_notes += 1
                if rec.loss:
                    self.note_loss = True  # due at the next iteration, or the next read
                if left == 0:
                    break
                if self.records:
                    continue
            if self.writers == 0 or out:
                break
            if nowait:
                raise Errno("EAGAIN")
            return None
        return bytes(out)

    def release_all(self) -> None:
        self.records.clear()
        self.data.clear()


class WatchQueue:
    def __init__(self, pipe: Pipe) -> None:
        self.pipe = pipe
        self.nr_notes = 0  # 0 until SET_SIZE: every post is lost until then
        self.free_notes = 0
        self.filter: Filter | None = None
        self.defunct = False
        self.watches: list[Watch] = []

    def set_size(self, arg: int) -> None:
        if self.nr_notes:
            raise Errno("EBUSY")
        n = arg & 0xFFFFFFFF  # the ioctl's argument is taken as an unsigned int
        if n < MIN_NOTES or n > MAX_NOTES:
            raise Errno("EINVAL")
        per_page = PAGE_SIZE // NOTE_SIZE
        pages = -(-n // per_page)
        notes = pages * per_page
        ring = 1
        while ring < notes:
            ring *= 2
        self.pipe.ring_size = ring
        self.pipe.max_usage = pages  # what F_GETPIPE_SZ reports afterwards, in pages
        self.nr_notes = notes
        self.free_notes = notes

    def post(self, data: bytes) -> None:
        """Queues a record, or loses it: then the newest queued record carries the LOSS mark."""
        pipe = self.pipe
        if self.defunct:
            return
        if len(pipe.records) >= pipe.ring_size or self.free_notes == 0:
            if pipe.records:
                pipe.records[-1].loss = True
            return
        self.free_notes -= 1
        pipe.records.append(Record(data))


class Watch:
    def __init__(self, queue: WatchQueue, key: "Key", info_id: int) -> None:
        self.queue = queue
        self.key = key
        self.info_id = info_id


# ---------------------------------------------------------------------------------------------
# Keys and keyrings
# ---------------------------------------------------------------------------------------------

KEY_TYPES = {
    # name: (is keyring, can update, can read)
    "user": (False, True, True),
    "logon": (False, True, False),
    "keyring": (True, False, True),
}
USER_PAYLOAD_MAX = 32767
ADD_KEY_PAYLOAD_MAX = 1024 * 1024 - 1
KEY_MAX_DESC_SIZE = 4096
KEYRING_SEARCH_MAX_DEPTH = 6


class Key:
    def __init__(self, serial: int, type_: str, description: str, perm: int) -> None:
        self.serial = serial
        self.type = type_
        self.description = description
        self.perm = perm
        self.uid = 0
        self.payload: bytes | None = None
        self.revoked = False
        self.invalidated = False
        self.expiry: int | None = None  # wall-clock second
        self.usage = 1  # references; the garbage collector reaps a key at 0
        self.destroyed = False
        self.links: dict[str, Key] | None = {} if KEY_TYPES[type_][0] else None
        self.watchers: list[Watch] = []  # newest first

    @property
    def index_key(self) -> str:
        return f"{self.type}\0{self.description}"

    def validate(self, now: int) -> None:
        if self.invalidated:
            raise Errno("ENOKEY")
        if self.revoked:
            raise Errno("EKEYREVOKED")
        if self.expiry is not None and now >= self.expiry:
            raise Errno("EKEYEXPIRED")

    def is_dead(self, now: int) -> bool:
        return self.invalidated or (self.expiry is not None and self.expiry + KEY_GC_DELAY_S <= now)


def default_perm(type_: str) -> int:
    is_keyring, can_update, can_read = KEY_TYPES[type_]
    perm = pos(KEY_VIEW | KEY_SEARCH | KEY_LINK | KEY_SETATTR) | usr(KEY_VIEW)
    if can_read:
        perm |= pos(KEY_READ)
    if is_keyring or can_update:
        perm |= pos(KEY_WRITE)
    return perm


PROCESS_KEYRING_PERM = pos(KEY_ALL) | usr(KEY_VIEW)
SESSION_KEYRING_PERM = pos(KEY_ALL) | usr(KEY_VIEW | KEY_READ | KEY_LINK)
USER_KEYRING_PERM = pos(KEY_ALL & ~KEY_SETATTR) | usr(KEY_ALL & ~KEY_SETATTR)


class Machine:
    """What outlives one case: the clock, every key by serial, the user's own keyrings."""

    def __init__(self) -> None:
        self.clock = Clock()
        self.keys: dict[int, Key] = {}
        self.rng = random.Random(0x77617463)
        self.nr_watches = 0  # the uid's watches, against RLIMIT_NOFILE
        self.user_keyring: Key | None = None
        self.user_session_keyring: Key | None = None
        self._gc_scheduled = False
        self._links_pass = False

    def alloc_key(self, type_: str, description: str, perm: int) -> Key:
        serial = max(3, self.rng.getrandbits(31))
        while serial in self.keys:
            serial = serial + 1 if serial < 0x7FFFFFFF else 3
        key = Key(serial, type_, description, perm)
        self.keys[serial] = key
        return key

    def lookup(self, serial: int) -> Key | None:
        key = self.keys.get(serial)
        return key if key and key.usage > 0 and not key.destroyed else None

    def notify(self, key: Key, subtype: int, aux: int) -> None:
        """A key record to every queue watching this key, with that watch's id, if its filter
        lets it through."""
        for w in list(key.watchers):
            info = KEY_RECORD_SIZE | w.info_id
            q = w.queue
            if q.filter and not q.filter.accepts(WATCH_TYPE_KEY_NOTIFY, subtype, info):
                continue
            q.post(key_record(subtype, info, key.serial, aux))

    def user_keyrings(self) -> tuple[Key, Key]:
        if not self.user_keyring or not self.user_session_keyring:
            self.user_keyring = self.alloc_key("keyring", "_uid.0", USER_KEYRING_PERM)
            self.user_session_keyring = self.alloc_key("keyring", "_uid_ses.0", USER_KEYRING_PERM)
            self.link(self.user_session_keyring, self.user_keyring)
        return self.user_keyring, self.user_session_keyring

    # Links: a keyring holds one link per (type, description).

    def link(self, ring: Key, key: Key) -> None:
        assert ring.links is not None
        old = ring.links.pop(key.index_key, None)
        key.usage += 1
        ring.links[key.index_key] = key
        if old:
            self.put_after_grace(old)
        self.notify(ring, NOTIFY_KEY_LINKED, key.serial)

    def unlink(self, ring: Key, key: Key) -> None:
        assert ring.links is not None
        if ring.links.get(key.index_key) is not key:
            raise Errno("ENOENT")
        del ring.links[key.index_key]
        self.notify(ring, NOTIFY_KEY_UNLINKED, key.serial)
        self.put_after_grace(key)

    def drop_links(self, ring: Key, now: bool) -> None:
        assert ring.links is not None
        members = list(ring.links.values())
        ring.links.clear()
        for m in members:
            if now:
                self.put(m)
            else:
                self.put_after_grace(m)

    def revoke(self, key: Key) -> None:
        if key.revoked:
            return
        key.revoked = True
        self.notify(key, NOTIFY_KEY_REVOKED, 0)
        if key.links is not None:
            self.drop_links(key, now=False)

    # References and the garbage collector. A dropped link gives its reference back after an RCU
    # grace period; the collector runs a grace period after it is wanted. Its removal records are
    # therefore never there before the process has waited (a poll with a timeout, for one).

    def put(self, key: Key) -> None:
        key.usage -= 1
        if key.usage <= 0:
            self.schedule_gc()

    def put_after_grace(self, key: Key) -> None:
        self.clock.defer(GRACE_MS, lambda: self.put(key))

    def schedule_gc(self, links_pass: bool = False) -> None:
        self._links_pass = self._links_pass or links_pass
        if not self._gc_scheduled:
            self._gc_scheduled = True
            self.clock.defer(GRACE_MS, self.collect)

    def collect(self) -> None:
        self._gc_scheduled = False
        if self._links_pass:
            self._links_pass = False
            now = self.clock.real_seconds()
            for ring in list(self.keys.values()):
                if ring.links is None or ring.destroyed:
                    continue
                for index, member in list(ring.links.items()):
                    if member.is_dead(now):  # unlinked without a record
                        del ring.links[index]
                        member.usage -= 1
        while True:
            unused = sorted((k for k in self.keys.values() if k.usage <= 0), key=lambda k: k.serial)
            if not unused:
                break
            for key in unused:
                self.destroy(key)

    def destroy(self, key: Key) -> None:
        key.destroyed = True
        del self.keys[key.serial]
        if key.links is not None:
            for m in list(key.links.values()):
                m.usage -= 1
            key.links.clear()
        # One removal record per watching queue, carrying the key's serial; filters do not apply.
        for w in list(key.watchers):
            if not w.queue.defunct:
                w.queue.post(removal_record(w.info_id, key.serial))
                w.queue.watches.remove(w)
            self.nr_watches -= 1
        key.watchers.clear()


class OpenFile:
    """An open file description: one end of a pipe, or a regular file. dup shares it."""

    def __init__(self, pipe: Pipe | None, readable: bool, writable: bool, nonblock: bool) -> None:
        self.pipe = pipe
        self.data = bytearray()  # a regular file's contents (when pipe is None)
        self.pos = 0
        self.readable = readable
        self.writable = writable
        self.nonblock = nonblock
        self.status = 0  # the other f_flags F_GETFL reports: O_APPEND, O_DIRECT, O_NOATIME
        self.refs = 1


class Process:
    """The process one case runs in: fresh fds (from 3), a fresh session keyring, no thread or
    process keyring until one is asked for."""

    def __init__(self, m: Machine) -> None:
        self.m = m
        self.fds: dict[int, OpenFile] = {}
        self.nofile = DEFAULT_NOFILE
        self.session = m.alloc_key("keyring", "_ses", SESSION_KEYRING_PERM)
        self.thread_keyring: Key | None = None
        self.process_keyring: Key | None = None
        self.created: list[int] = []

    # File descriptors

    def install(self, f: OpenFile) -> int:
        fd = 3
        while fd in self.fds:
            fd += 1
        if fd >= self.nofile[0]:
            raise Errno("EMFILE")
        self.fds[fd] = f
        return fd

    def file(self, fd: int) -> OpenFile | None:
        return self.fds.get(fd)

    def close(self, fd: int) -> None:
        f = self.fds.pop(fd, None)
        if f is None:
            raise Errno("EBADF")
        f.refs -= 1
        if f.refs > 0:
            return
        pipe = f.pipe
        if pipe is None:
            return
        if f.readable:
            pipe.readers -= 1
        else:
            pipe.writers -= 1
        pipe.files -= 1
        if pipe.files == 0:
            # The last file of the pipe: the queue dies and its watches are unhooked, silently.
            q = pipe.queue
            if q:
                q.defunct = True
                for w in list(q.watches):
                    if w in w.key.watchers:
                        w.key.watchers.remove(w)
                    self.m.nr_watches -= 1
                q.watches.clear()
            pipe.release_all()

    # Keys: how a keyctl argument becomes a key, in the kernel's order of checks

    def possesses(self, target: Key) -> bool:
        seen: set[int] = set()

        def searchable(k: Key) -> bool:
            return permits(k, True, KEY_SEARCH)

        def walk(ring: Key, depth: int) -> bool:
            if ring.serial in seen or depth > KEYRING_SEARCH_MAX_DEPTH:
                return False
            seen.add(ring.serial)
            for member in (ring.links or {}).values():
                if member is target and searchable(member):
                    return True
                if member.links is not None and searchable(member) and walk(member, depth + 1):
                    return True
            return False

        for root in (self.thread_keyring, self.process_keyring, self.session):
            if root is None or not searchable(root):
                continue
            if root is target or walk(root, 1):
                return True
        return False

    def lookup(self, ref: int, need: int | None, create: bool = False) -> tuple[Key, bool]:
        """(key, possessed). need None: KEY_NEED_UNLINK, which checks neither state nor permission."""
        m = self.m
        key: Key | None
        if ref in (-1, -2):
            key = self.thread_keyring if ref == -1 else self.process_keyring
            if key is None:
                if not create:
                    raise Errno("ENOKEY")
                key = m.alloc_key("keyring", "_tid" if ref == -1 else "_pid", PROCESS_KEYRING_PERM)
                if ref == -1:
                    self.thread_keyring = key
                else:
                    self.process_keyring = key
            possessed = True
        elif ref == -3:
            key, possessed = self.session, True
        elif ref in (-4, -5):
            user, user_session = m.user_keyrings()
            key, possessed = (user if ref == -4 else user_session), True
        elif ref == -6:
            raise Errno("EINVAL")  # group keyrings do not exist
        elif ref in (-7, -8):
            raise Errno("ENOKEY")  # only a process constructing a key has these
        elif ref < 1:
            raise Errno("EINVAL")
        else:
            key = m.lookup(ref)
            if key is None:
                raise Errno("ENOKEY")
            possessed = self.possesses(key)
        if need is not None:
            key.validate(m.clock.real_seconds())
            if not permits(key, possessed, need):
                raise Errno("EACCES")
        return key, possessed


def permits(key: Key, possessed: bool, need: int) -> bool:
    """The modelled process is uid 0 and owns every key it can reach (there is no chown): the
    owner's bits apply, plus the possessor's when it possesses the key."""
    kperm = (key.perm >> 16) & 0xFF if key.uid == 0 else key.perm & 0xFF
    if possessed:
        kperm |= (key.perm >> 24) & 0xFF
    return kperm & need == need


# ---------------------------------------------------------------------------------------------
# Step arguments: literals, handles ($name) and special keyrings (@s)
# ---------------------------------------------------------------------------------------------

HANDLE = re.compile(r"^\$[A-Za-z_][A-Za-z0-9_]*$")


class Step:
    def __init__(self, raw: dict[str, Any], handles: dict[str, int]) -> None:
        self.raw = raw
        self.handles = handles

    def _handle(self, name: str, v: str) -> int:
        if not HANDLE.match(v):
            raise StepError(f'argument {name}: "{v}" is not a handle ($name)')
        if v not in self.handles:
            # Its step failed (a bind on a failed step binds nothing) or never ran.
            raise StepError(f"argument {name}: handle {v} is not bound")
        return self.handles[v]

    def int_arg(self, name: str, default: int | None = None) -> int:
        v = self.raw.get(name)
        if v is None and default is not None:
            return default
        if not isinstance(v, int) or isinstance(v, bool):
            raise StepError(f"argument {name}: expected an integer")
        return v

    def fd(self, name: str = "fd") -> int:
        v = self.raw.get(name)
        if isinstance(v, str):
            return i32(self._handle(name, v))
        if not isinstance(v, int) or isinstance(v, bool):
            raise StepError(f"argument {name}: expected an integer fd or a handle")
        return i32(v)

    def key(self, name: str) -> int:
        v = self.raw.get(name)
        if isinstance(v, str) and v.startswith("@"):
            if v not in KEY_SPEC:
                raise StepError(f'argument {name}: unknown special keyring "{v}"')
            return KEY_SPEC[v]
        if isinstance(v, str):
            return i32(self._handle(name, v))
        if not isinstance(v, int) or isinstance(v, bool):
            raise StepError(f"argument {name}: expected a serial, a handle or a special keyring")
        return i32(v)

    def str_arg(self, name: str, optional: bool = False) -> str | None:
        v = self.raw.get(name)
        if v is None and (optional or name in self.raw):
            return None
        if not isinstance(v, str):
            raise StepError(f"argument {name}: expected a string")
        return v.split("\0", 1)[0]  # a C string ends at its first NUL

    def list_arg(self, name: str, optional: bool = False) -> list[Any] | None:
        v = self.raw.get(name)
        if v is None and optional:
            return None
        if not isinstance(v, list):
            raise StepError(f"argument {name}: expected an array")
        return v


def hex_bytes(v: Any, name: str) -> bytes:
    if not isinstance(v, str):
        raise StepError(f"argument {name}: expected hex digit pairs")
    s = re.sub(r"\s+", "", v)
    try:
        return bytes.fromhex(s)
    except ValueError:
        raise StepError(f"argument {name}: expected hex digit pairs") from None


# ---------------------------------------------------------------------------------------------
# The operations
# ---------------------------------------------------------------------------------------------

Obs = dict[str, Any]


def op_pipe2(p: Process, s: Step) -> Obs:
    bits = 0
    for i, item in enumerate(s.list_arg("flags") or []):
        if isinstance(item, int) and not isinstance(item, bool) and 0 <= item <= 0xFFFFFFFF:
            bits |= item
        elif isinstance(item, str) and item in PIPE2_FLAGS:
            bits |= PIPE2_FLAGS[item]
        else:
            raise StepError(f"argument flags: item {i} is neither a known flag name nor a 32-bit integer")
    if bits & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE):
        raise Errno("EINVAL")
    pipe = Pipe(notification=bool(bits & O_NOTIFICATION_PIPE))
    nonblock = bool(bits & O_NONBLOCK)
    r = p.install(OpenFile(pipe, True, False, nonblock))
    wf = OpenFile(pipe, False, True, nonblock)
    wf.status = bits & O_DIRECT  # packet mode: the write end only
    try:
        w = p.install(wf)
    except Errno:
        del p.fds[r]
        raise
    return {"ret": 0, "fds": [r, w]}


def op_close(p: Process, s: Step) -> Obs:
    p.close(s.fd())
    return {"ret": 0}


def op_dup(p: Process, s: Step) -> Obs:
    f = p.file(s.fd())
    if f is None:
        raise Errno("EBADF")
    fd = p.install(f)
    f.refs += 1
    return {"ret": fd}


def op_fcntl(p: Process, s: Step) -> Obs:
    fd = s.fd()
    arg = s.int_arg("arg", 0)
    cmd = s.raw.get("cmd")
    if cmd not in ("F_GETPIPE_SZ", "F_SETPIPE_SZ", "F_GETFL", "F_SETFL"):
        raise StepSkip("fcntl: only F_GETPIPE_SZ, F_SETPIPE_SZ, F_GETFL and F_SETFL are known")
    names = s.list_arg("flags", optional=True)
    if names is not None:
        arg = 0
        for i, name in enumerate(names):
            if name not in FILE_FLAGS:
                raise StepError(f"argument flags: item {i} is not a file status flag name")
            arg |= FILE_FLAGS[name]
    f = p.file(fd)
    if cmd == "F_GETFL":
        if f is None:
            raise Errno("EBADF")
        bits = (2 if f.readable and f.writable else 1 if f.writable else 0) | f.status
        if f.nonblock:
            bits |= O_NONBLOCK
        if f.pipe is None:
            bits |= FILE_FLAGS["O_LARGEFILE"]  # open(2) adds it on a 64-bit kernel
        flags = [["O_RDONLY", "O_WRONLY", "O_RDWR", "0x3"][bits & 3]]
        flags += [name for name, bit in FILE_FLAGS.items() if bits & bit]
        return {"ret": bits, "flags": flags}
    if cmd == "F_SETFL":
        if f is None:
            raise Errno("EBADF")
        # Only these change; O_DIRECT is packet mode on a pipe (a regular file: not modelled, EINVAL).
        if arg & O_DIRECT and f.pipe is None:
            raise Errno("EINVAL")
        f.nonblock = bool(arg & O_NONBLOCK)
        f.status = arg & (FILE_FLAGS["O_APPEND"] | O_DIRECT | FILE_FLAGS["O_NOATIME"])
        return {"ret": 0}
    if f is None or f.pipe is None:
        raise Errno("EBADF")  # not a pipe: EBADF as well
    if cmd == "F_GETPIPE_SZ":
        return {"ret": f.pipe.max_usage * PAGE_SIZE}
    if f.pipe.queue:
        raise Errno("EBUSY")  # a notification pipe keeps its size, whatever is asked
    raise StepSkip("F_SETPIPE_SZ on an ordinary pipe is not modelled")


def queue_of(p: Process, fd: int) -> WatchQueue:
    """The queue behind an fd for the two ioctls: EBADF; ENOTTY for what is no pipe (the ioctls are
    the pipe's own); ENODEV for a pipe without a queue."""
    f = p.file(fd)
    if f is None:
        raise Errno("EBADF")
    if f.pipe is None:
        raise Errno("ENOTTY")
    if f.pipe.queue is None:
        raise Errno("ENODEV")
    return f.pipe.queue


def op_set_size(p: Process, s: Step) -> Obs:
    fd = s.fd()
    notes = s.int_arg("notes")
    queue_of(p, fd).set_size(notes)
    return {"ret": 0}


def u32_field(v: Any, where: str) -> int:
    if v is None:
        return 0
    if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= 0xFFFFFFFF:
        raise StepError(f"argument filter: {where}: expected an integer from 0 to 0xffffffff")
    return v


def encode_filter(spec: dict[str, Any]) -> bytes:
    """struct watch_notification_filter with exactly the entries given, in this machine's byte order."""
    entries = spec.get("filters")
    if not isinstance(entries, list) or len(entries) > 1024:
        raise StepError("argument filter: filters: expected an array")
    order = "<" if ENDIAN == "little" else ">"
    nr = len(entries) if spec.get("nr_filters") is None else u32_field(spec["nr_filters"], "nr_filters")
    out = bytearray(struct.pack(order + "II", nr, u32_field(spec.get("reserved"), "reserved")))
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or "type" not in e:
            raise StepError(f"argument filter: filters[{i}]: expected an object with a type")
        sub = e.get("subtype_filter") or []
        if not isinstance(sub, list) or len(sub) > 8:
            raise StepError(f"argument filter: filters[{i}].subtype_filter: expected at most 8 words")
        words = [u32_field(w, f"filters[{i}].subtype_filter") for w in sub] + [0] * (8 - len(sub))
        out += struct.pack(
            order + "III8I",
            u32_field(e["type"], f"filters[{i}].type"),
            u32_field(e.get("info_filter"), f"filters[{i}].info_filter"),
            u32_field(e.get("info_mask"), f"filters[{i}].info_mask"),
            *words,
        )
    return bytes(out)


def parse_filter(data: bytes) -> Filter:
    """What the kernel reads from the user's pointer; reading past the bytes given faults."""
    order = "<" if ENDIAN == "little" else ">"
    if len(data) < FILTER_HEADER_SIZE:
        raise Errno("EFAULT")
    nr, reserved = struct.unpack_from(order + "II", data, 0)
    if nr == 0 or nr > MAX_FILTERS or reserved != 0:
        raise Errno("EINVAL")
    if len(data) < FILTER_HEADER_SIZE + nr * FILTER_ENTRY_SIZE:
        raise Errno("EFAULT")
    raw = [struct.unpack_from(order + "IIII", data, FILTER_HEADER_SIZE + i * FILTER_ENTRY_SIZE) for i in range(nr)]
    # Every entry is checked before unknown types are dropped.
    for _type, info_filter, info_mask, _sub0 in raw:
        if info_filter & ~info_mask or info_mask & WATCH_INFO_LENGTH:
            raise Errno("EINVAL")
    return Filter([e for e in raw if e[0] < WATCH_TYPE__NR])


def op_set_filter(p: Process, s: Step) -> Obs:
    fd = s.fd()
    spec = s.raw.get("filter")
    data: bytes | None
    if spec is None:
        data = None
    elif spec == "bad-pointer":
        data = b""  # nothing readable there
    elif isinstance(spec, dict) and "bytes" in spec:
        data = hex_bytes(spec["bytes"], "filter.bytes")
    elif isinstance(spec, dict):
        data = encode_filter(spec)
    else:
        raise StepError('argument filter: expected null, "bad-pointer", {filters} or {bytes}')
    q = queue_of(p, fd)
    # Replaced whole; records already queued stay.
    q.filter = None if data is None else parse_filter(data)
    return {"ret": 0}


def op_read(p: Process, s: Step) -> Obs:
    fd = s.fd()
    length = length_arg(s.raw.get("len"), "len")
    flags = s.list_arg("flags", optional=True)
    f = p.file(fd)
    if f is None or not f.readable:
        raise Errno("EBADF")
    if flags:
        # Whether pipes honour RWF_NOWAIT depends on the kernel version (6.1 no, 6.12 yes); this
        # model stands for no particular version, so it declines.
        if length == 0:
            return {"ret": 0, "bytes": ""}
        raise StepSkip("preadv2 with RWF_NOWAIT is not modelled (its answer depends on the kernel version)")
    pipe = f.pipe
    if pipe is None:
        data = bytes(f.data[f.pos : f.pos + length])
        f.pos += len(data)
        return {"ret": len(data), "bytes": data.hex()}
    while True:
        data = pipe.read(length, f.nonblock)
        if data is not None:
            return {"ret": len(data), "bytes": data.hex()}
        ready, _ = p.m.clock.wait_for(pipe.readable, None)
        if not ready:
            return {"error": "would block forever: read on an empty pipe whose write end is open"}


def write_file(f: OpenFile, data: bytes) -> Obs:
    if f.pipe is None:
        f.data[f.pos : f.pos + len(data)] = data
        f.pos += len(data)
        return {"ret": len(data)}
    if f.pipe.queue:
        raise Errno("EXDEV")  # before anything else, even an empty write or one without readers
    if not data:
        return {"ret": 0}
    if f.pipe.readers == 0:
        raise Errno("EPIPE")  # (no SIGPIPE: an adapter ignores it)
    room = f.pipe.max_usage * PAGE_SIZE - len(f.pipe.data)
    if room <= 0:
        if f.nonblock:
            raise Errno("EAGAIN")
        return {"error": "would block forever: write into a full pipe whose read end is open"}
    f.pipe.data += data[:room]
    return {"ret": min(room, len(data))}


def length_arg(v: Any, name: str) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= 64 << 20:
        raise StepError(f"argument {name}: expected a length from 0 to 64 MiB")
    return v


def op_write(p: Process, s: Step) -> Obs:
    fd = s.fd()
    data = hex_bytes(s.raw["bytes"], "bytes") if "bytes" in s.raw else bytes(length_arg(s.raw.get("len", 0), "len"))
    f = p.file(fd)
    if f is None or not f.writable:
        raise Errno("EBADF")
    return write_file(f, data)


def op_writev(p: Process, s: Step) -> Obs:
    fd = s.fd()
    # An item is a length (that many zero bytes) or the bytes as hex.
    bufs = [
        hex_bytes(v, f"iov[{i}]") if isinstance(v, str) else bytes(length_arg(v, f"iov[{i}]"))
        for i, v in enumerate(s.list_arg("iov") or [])
    ]
    f = p.file(fd)
    if f is None or not f.writable:
        raise Errno("EBADF")
    data = b"".join(bufs)
    if not data:
        return {"ret": 0}  # the VFS returns before the file sees an empty vector
    return write_file(f, data)


def op_open_file(p: Process, s: Step) -> Obs:
    if s.raw.get("path") is not None:
        raise StepSkip("open_file: the example adapter has no files of a machine to open by path")
    content = utf8(s.str_arg("content", optional=True)) or b""
    f = OpenFile(None, True, True, False)
    f.data = bytearray(content)
    return {"ret": p.install(f)}


def op_fionread(p: Process, s: Step) -> Obs:
    f = p.file(s.fd())
    if f is None:
        raise Errno("EBADF")
    if f.pipe is None:
        return {"ret": 0, "value": max(0, len(f.data) - f.pos)}  # what is left to read
    # The bytes queued; a pending LOSS record is not counted.
    return {"ret": 0, "value": f.pipe.queued_bytes()}


def poll_mask(f: OpenFile | None) -> int:
    if f is None:
        return POLL_BITS["POLLNVAL"]
    pipe, mask = f.pipe, 0
    if pipe is None:  # a regular file is always ready
        return POLL_BITS["POLLIN"] | POLL_BITS["POLLOUT"] | POLL_BITS["POLLRDNORM"] | POLL_BITS["POLLWRNORM"]
    if f.readable:
        if pipe.records:  # a pending LOSS does not make it readable
            mask |= POLL_BITS["POLLIN"] | POLL_BITS["POLLRDNORM"]
        if pipe.writers == 0:
            mask |= POLL_BITS["POLLHUP"]
    else:
        if len(pipe.records) < pipe.max_usage:
            mask |= POLL_BITS["POLLOUT"] | POLL_BITS["POLLWRNORM"]
        if pipe.readers == 0:
            mask |= POLL_BITS["POLLERR"]
    return mask


def op_poll(p: Process, s: Step) -> Obs:
    fd = s.fd()
    events = s.list_arg("events") or []
    timeout = s.int_arg("timeoutMs")
    if not 0 <= timeout <= 60000:
        raise StepError("argument timeoutMs: expected 0 to 60000")
    wanted = POLL_BITS["POLLERR"] | POLL_BITS["POLLHUP"] | POLL_BITS["POLLNVAL"]
    for i, e in enumerate(events):
        if e not in POLL_BITS:
            raise StepError(f"argument events: item {i} is not a poll event name")
        wanted |= POLL_BITS[e]

    def revents() -> int:
        return 0 if fd < 0 else poll_mask(p.file(fd)) & wanted

    _, elapsed = p.m.clock.wait_for(lambda: revents() != 0, timeout)
    got = revents()
    names = [n for n, bit in POLL_BITS.items() if got & bit]
    return {"ret": 1 if got else 0, "revents": names, "elapsedMs": elapsed}


def op_sleep(p: Process, s: Step) -> Obs:
    ms = s.int_arg("ms")
    if not 0 <= ms <= 60000:
        raise StepError("argument ms: expected 0 to 60000")
    p.m.clock.advance_to(p.m.clock.now_ms + ms)
    return {"ret": 0, "elapsedMs": ms}


def op_setrlimit(p: Process, s: Step) -> Obs:
    if s.raw.get("resource") != "RLIMIT_NOFILE":
        raise StepSkip("setrlimit: only RLIMIT_NOFILE is known")
    soft = s.int_arg("soft")
    hard = s.int_arg("hard", p.nofile[1])
    if soft > hard:
        raise Errno("EINVAL")
    if hard > NR_OPEN:
        raise Errno("EPERM")
    p.nofile = (soft, hard)  # the modelled process has CAP_SYS_RESOURCE: raising the hard limit is allowed
    return {"ret": 0}


def type_from_user(type_: str) -> str:
    n = len(type_.encode())
    if n == 0 or n >= 32:
        raise Errno("EINVAL")
    if type_.startswith("."):
        raise Errno("EPERM")
    return type_


def utf8(v: str | None) -> bytes | None:
    return None if v is None else v.encode()


def op_add_key(p: Process, s: Step) -> Obs:
    m = p.m
    type_arg = s.str_arg("type", optional=True)
    if type_arg is None:
        raise Errno("EFAULT")
    description = s.str_arg("description", optional=True)
    payload = utf8(s.str_arg("payload", optional=True))
    ring_ref = s.key("keyring")
    if payload is not None and len(payload) > ADD_KEY_PAYLOAD_MAX:
        raise Errno("EINVAL")
    type_ = type_from_user(type_arg)
    if description is not None:
        if len(description.encode()) >= KEY_MAX_DESC_SIZE:
            raise Errno("EINVAL")
        if description == "":
            description = None
        elif description.startswith(".") and type_.startswith("keyring"):
            raise Errno("EPERM")
    if payload is not None and len(payload) == 0:
        payload = None
    ring, possessed = p.lookup(ring_ref, KEY_WRITE, create=True)
    if type_ not in KEY_TYPES:
        raise Errno("ENODEV")
    if ring.links is None:
        raise Errno("ENOTDIR")
    is_keyring, can_update, _ = KEY_TYPES[type_]
    if is_keyring and payload is not None:
        raise Errno("EINVAL")
    if not is_keyring and (payload is None or len(payload) > USER_PAYLOAD_MAX):
        raise Errno("EINVAL")
    if description is None:
        raise Errno("EINVAL")
    if type_ == "logon" and description.find(":") <= 0:
        raise Errno("EINVAL")
    if can_update:
        # A live key of the same type and description in this keyring is updated instead.
        existing = ring.links.get(f"{type_}\0{description}")
        if existing and not existing.revoked and not existing.invalidated:
            if not permits(existing, possessed, KEY_WRITE):
                raise Errno("EACCES")
            existing.payload = payload
            existing.expiry = None
            m.notify(existing, NOTIFY_KEY_UPDATED, 0)
            p.created.append(existing.serial)
            return {"ret": existing.serial}
    key = m.alloc_key(type_, description, default_perm(type_))
    key.payload = payload
    m.notify(key, NOTIFY_KEY_INSTANTIATED, 0)  # nobody can be watching it yet
    m.link(ring, key)
    m.put(key)  # the call's own reference; the link keeps the key
    p.created.append(key.serial)
    return {"ret": key.serial}


def op_keyring_id(p: Process, s: Step) -> Obs:
    create = s.raw.get("create", False)
    if not isinstance(create, bool):
        raise StepError("argument create: expected a boolean")
    key, _ = p.lookup(s.key("keyring"), KEY_SEARCH, create=create)
    return {"ret": key.serial}


def op_update(p: Process, s: Step) -> Obs:
    ref = s.key("key")
    payload = utf8(s.str_arg("payload", optional=True))
    if payload is not None and len(payload) > PAGE_SIZE:
        raise Errno("EINVAL")
    key, _ = p.lookup(ref, KEY_WRITE)
    if not KEY_TYPES[key.type][1]:
        raise Errno("EOPNOTSUPP")
    if not payload or len(payload) > USER_PAYLOAD_MAX:
        raise Errno("EINVAL")
    key.payload = payload
    key.expiry = None
    p.m.notify(key, NOTIFY_KEY_UPDATED, 0)
    return {"ret": 0}


def detect_cycle(ring: Key, key: Key) -> None:
    """Linking keyring `key` into `ring` must not make `ring` reachable from itself."""
    if key.links is None:
        return

    def walk(r: Key, depth: int) -> None:
        if r is ring:
            raise Errno("EDEADLK")
        if depth > KEYRING_SEARCH_MAX_DEPTH:
            raise Errno("ELOOP")
        for member in (r.links or {}).values():
            if member.links is not None:
                walk(member, depth + 1)

    walk(key, 1)


def op_link(p: Process, s: Step) -> Obs:
    key_ref, ring_ref = s.key("key"), s.key("keyring")
    ring, _ = p.lookup(ring_ref, KEY_WRITE, create=True)
    key, _ = p.lookup(key_ref, KEY_LINK, create=True)
    if ring.links is None:
        raise Errno("ENOTDIR")
    detect_cycle(ring, key)
    p.m.link(ring, key)  # LINKED even when it was linked already
    return {"ret": 0}


def op_unlink(p: Process, s: Step) -> Obs:
    key_ref, ring_ref = s.key("key"), s.key("keyring")
    ring, _ = p.lookup(ring_ref, KEY_WRITE)
    key, _ = p.lookup(key_ref, None)
    if ring.links is None:
        raise Errno("ENOTDIR")
    p.m.unlink(ring, key)
    return {"ret": 0}


def op_move(p: Process, s: Step) -> Obs:
    key_ref, from_ref, to_ref = s.key("key"), s.key("from"), s.key("to")
    flags = s.int_arg("flags", 0)
    if flags & ~1 or flags > 0xFFFFFFFF:  # KEYCTL_MOVE_EXCL is the only flag
        raise Errno("EINVAL")
    key, _ = p.lookup(key_ref, KEY_LINK, create=True)
    src, _ = p.lookup(from_ref, KEY_WRITE)
    dst, _ = p.lookup(to_ref, KEY_WRITE, create=True)
    if src is dst:
        return {"ret": 0}
    if src.links is None or dst.links is None:
        raise Errno("ENOTDIR")
    if src.links.get(key.index_key) is not key:
        raise Errno("ENOENT")
    if flags & 1 and key.index_key in dst.links:
        raise Errno("EEXIST")
    detect_cycle(dst, key)
    p.m.unlink(src, key)
    p.m.link(dst, key)
    return {"ret": 0}


def op_clear(p: Process, s: Step) -> Obs:
    ring, _ = p.lookup(s.key("keyring"), KEY_WRITE, create=True)
    if ring.links is None:
        raise Errno("ENOTDIR")
    p.m.drop_links(ring, now=False)
    p.m.notify(ring, NOTIFY_KEY_CLEARED, 0)  # even when it was empty
    return {"ret": 0}


def op_revoke(p: Process, s: Step) -> Obs:
    ref = s.key("key")
    try:
        key, _ = p.lookup(ref, KEY_WRITE)
    except Errno as e:
        if e.name != "EACCES":
            raise
        key, _ = p.lookup(ref, KEY_SETATTR)
    p.m.revoke(key)
    return {"ret": 0}


def op_invalidate(p: Process, s: Step) -> Obs:
    key, _ = p.lookup(s.key("key"), KEY_SEARCH)
    if not key.invalidated:
        key.invalidated = True
        p.m.notify(key, NOTIFY_KEY_INVALIDATED, 0)
        p.m.schedule_gc(links_pass=True)  # unlinked from every keyring, silently, soon
    return {"ret": 0}


def op_setperm(p: Process, s: Step) -> Obs:
    ref = s.key("key")
    perm = s.int_arg("perm")
    if not 0 <= perm <= 0xFFFFFFFF or perm & ~KEY_PERM_MASK:
        raise Errno("EINVAL")
    key, _ = p.lookup(ref, KEY_SETATTR, create=True)
    if key.uid != 0:
        raise Errno("EACCES")
    key.perm = perm
    p.m.notify(key, NOTIFY_KEY_SETATTR, 0)
    return {"ret": 0}


def op_set_timeout(p: Process, s: Step) -> Obs:
    ref = s.key("key")
    seconds = s.int_arg("seconds") & 0xFFFFFFFF
    key, _ = p.lookup(ref, KEY_SETATTR, create=True)
    key.expiry = p.m.clock.real_seconds() + seconds if seconds else None
    p.m.notify(key, NOTIFY_KEY_SETATTR, 0)  # even when nothing changed
    return {"ret": 0}


def watch_key(p: Process, key_ref: int, fd: int, watch_id: int) -> None:
    """KEYCTL_WATCH_KEY: the id, then the key, then the queue, then add or remove."""
    watch_id = i32(watch_id)
    if watch_id < -1 or watch_id > 255:
        raise Errno("EINVAL")
    key, _ = p.lookup(key_ref, KEY_VIEW, create=True)
    f = p.file(fd)
    q = f.pipe.queue if f and f.pipe else None
    if q is None:
        raise Errno("EINVAL")  # not a notification pipe (a bad fd too): never EBADF
    if watch_id >= 0:
        if q.defunct:
            raise Errno("ENOENT")
        if any(w.queue is q for w in key.watchers):
            raise Errno("EBUSY")  # one watch per key and queue, whatever its id
        if p.m.nr_watches + 1 > p.nofile[0]:
            raise Errno("EAGAIN")  # the uid's watches count against RLIMIT_NOFILE
        p.m.nr_watches += 1
        w = Watch(q, key, (watch_id << WATCH_INFO_ID_SHIFT) & WATCH_INFO_ID)
        key.watchers.insert(0, w)
        q.watches.append(w)
        return
    w = next((w for w in key.watchers if w.queue is q), None)
    if w is None:
        raise Errno("EBADSLT")
    key.watchers.remove(w)
    # The removal record goes straight into the queue: no filter, but it may be lost when full.
    q.post(removal_record(w.info_id, key.serial))
    q.watches.remove(w)
    p.m.nr_watches -= 1


def op_watch(p: Process, s: Step) -> Obs:
    key, fd, watch_id = s.key("key"), s.fd(), s.int_arg("id")
    watch_key(p, key, fd, watch_id)
    return {"ret": 0}


def op_unwatch(p: Process, s: Step) -> Obs:
    key, fd = s.key("key"), s.fd()
    watch_key(p, key, fd, -1)
    return {"ret": 0}


OPS: dict[str, Callable[[Process, Step], Obs]] = {
    "pipe2": op_pipe2,
    "close": op_close,
    "dup": op_dup,
    "open_file": op_open_file,
    "fcntl": op_fcntl,
    "set_size": op_set_size,
    "set_filter": op_set_filter,
    "read": op_read,
    "write": op_write,
    "writev": op_writev,
    "fionread": op_fionread,
    "poll": op_poll,
    "sleep": op_sleep,
    "setrlimit": op_setrlimit,
    "add_key": op_add_key,
    "keyring_id": op_keyring_id,
    "update": op_update,
    "link": op_link,
    "unlink": op_unlink,
    "move": op_move,
    "clear": op_clear,
    "revoke": op_revoke,
    "invalidate": op_invalidate,
    "setperm": op_setperm,
    "set_timeout": op_set_timeout,
    "watch": op_watch,
    "unwatch": op_unwatch,
}

# Which ops bind what: pipe2 binds [read end, write end]; these bind their return value.
BINDS_RET = {"add_key", "keyring_id", "dup", "fcntl", "open_file", "spawn"}


# ---------------------------------------------------------------------------------------------
# The protocol
# ---------------------------------------------------------------------------------------------


def hello_info() -> dict[str, Any]:
    return {
        "name": "watchq-python-example",
        "version": VERSION,
        # No "kernel": the model stands for no particular release, so cases that need a kernel
        # range are not applicable.
        "arch": platform.machine() or "unknown",
        "endian": ENDIAN,
        "pageSize": PAGE_SIZE,
        "revision": "mainline",
        # The modelled caller is uid 0 with every capability: "root".
        "features": ["notification-pipe", "key-notifications", "key-gc", "root"],
        "ops": list(OPS),
    }


def run_step(p: Process, handles: dict[str, int], raw: Any) -> Obs:
    if not isinstance(raw, dict) or not isinstance(raw.get("op"), str):
        return {"error": "a step is an object with an op name"}
    op = raw["op"]
    handler = OPS.get(op)
    if handler is None:
        return {"skipped": f"op {op} is not modelled"}
    try:
        obs = handler(p, Step(raw, handles))
    except Errno as e:
        return {"errno": e.name}
    except StepError as e:
        return {"error": str(e)}
    except StepSkip as e:
        return {"skipped": str(e)}
    # A bind on a failed step binds nothing: later steps naming the handle are answered with an
    # error (see Step._handle).
    bind = raw.get("bind")
    if bind is not None and "ret" in obs:
        names = [bind] if isinstance(bind, str) else list(bind)
        if op == "pipe2":
            for name, fd in zip(names, obs["fds"]):
                handles[name] = fd
        elif op in BINDS_RET:
            handles[names[0]] = obs["ret"]
    return obs


def run_case(m: Machine, steps: list[Any]) -> list[Obs]:
    p = Process(m)
    handles: dict[str, int] = {}
    observations: list[Obs] = []
    try:
        for raw in steps:
            obs = run_step(p, handles, raw)
            observations.append(obs)
            if "skipped" in obs or "error" in obs:
                break  # the rest of the case is not run
    finally:
        # What a case process leaves behind: the keys it made are revoked, its session keyring is
        # cleared and let go, its fds closed (their queues die), then the machine idles a while.
        for serial in p.created:
            key = m.lookup(serial)
            if key:
                m.revoke(key)
        m.drop_links(p.session, now=False)
        for fd in sorted(p.fds):
            p.close(fd)
        for ring in (p.session, p.thread_keyring, p.process_keyring):
            if ring:
                m.put(ring)
        m.clock.advance_to(m.clock.now_ms + 100)
    return observations


def answer(req: Any, m: Machine) -> dict[str, Any]:
    if not isinstance(req, dict):
        return {"error": {"message": "the request is not a JSON object"}}
    cmd = req.get("cmd")
    seq = req.get("seq")
    if cmd == "hello":
        if req.get("protocol") != PROTOCOL:
            return {"error": {"message": "this adapter speaks protocol 1 only"}}
        return {"protocol": PROTOCOL, "implementation": hello_info()}
    if cmd == "run":
        if not isinstance(seq, int) or seq < 0 or not isinstance(req.get("steps"), list):
            return {"seq": seq if isinstance(seq, int) and seq >= 0 else 0, "error": {"message": "run: needs seq and steps"}}
        try:
            return {"seq": seq, "observations": run_case(m, req["steps"])}
        except Exception as e:  # a fault of this adapter: the case errors, the adapter lives on
            return {"seq": seq, "error": {"message": f"the model failed: {e}", "detail": traceback.format_exc()}}
    return {"error": {"message": f"unknown cmd {cmd!r}"}}


def main() -> int:
    m = Machine()
    for line in sys.stdin:  # one request per line
        if not line.strip():
            continue
        try:
            req = json.loads(line)
        except json.JSONDecodeError:
            reply: dict[str, Any] = {"error": {"message": "the request is not JSON"}}
        else:
            if isinstance(req, dict) and req.get("cmd") == "stop":
                return 0  # no answer: the connection ends
            reply = answer(req, m)
        # One answer line per request, flushed at once (the runner waits for it).
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()
    return 0  # end of input: like stop


if __name__ == "__main__":
    sys.exit(main())
