// Every op of the spec, by name, to its handler. The type makes a new op in the spec a compile
// error here until the simulator performs it.
import type { OpName } from '@watchq/spec'
import type { OpHandler } from './context.js'
import { opFionread, opPoll, opRead, opWaitQueued, opWrite, opWritev } from './io.js'
import {
  opAddKey,
  opChown,
  opClear,
  opInvalidate,
  opKeyringId,
  opLink,
  opMove,
  opNegate,
  opReject,
  opRestrictKeyring,
  opRevoke,
  opSetperm,
  opSetTimeout,
  opUnlink,
  opUnwatch,
  opUpdate,
  opWatch,
} from './keys.js'
import { opClose, opDup, opFcntl, opOpenFile, opPipe2 } from './pipe.js'
import { opProgram, opSetrlimit, opSleep } from './process.js'
import { opSetFilter, opSetSize } from './queue.js'
import { opSendfile, opSplice, opTee, opVmsplice } from './splice.js'

export const OP_HANDLERS: Readonly<Record<OpName, OpHandler>> = {
  pipe2: opPipe2,
  close: opClose,
  dup: opDup,
  open_file: opOpenFile,
  fcntl: opFcntl,
  set_size: opSetSize,
  set_filter: opSetFilter,
  read: opRead,
  write: opWrite,
  writev: opWritev,
  fionread: opFionread,
  poll: opPoll,
  wait_queued: opWaitQueued,
  splice: opSplice,
  tee: opTee,
  vmsplice: opVmsplice,
  sendfile: opSendfile,
  add_key: opAddKey,
  keyring_id: opKeyringId,
  update: opUpdate,
  link: opLink,
  unlink: opUnlink,
  move: opMove,
  clear: opClear,
  revoke: opRevoke,
  invalidate: opInvalidate,
  setperm: opSetperm,
  chown: opChown,
  set_timeout: opSetTimeout,
  restrict_keyring: opRestrictKeyring,
  negate: opNegate,
  reject: opReject,
  watch: opWatch,
  unwatch: opUnwatch,
  sleep: opSleep,
  setrlimit: opSetrlimit,
  spawn: opProgram,
  wait_output: opProgram,
  wait_exit: opProgram,
  output: opProgram,
  kill: opProgram,
}
