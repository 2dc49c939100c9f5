#!/usr/bin/env node
// A scriptable fake implementation of the watchq adapter protocol (JSON lines), for testing the
// runner and its transports: it misbehaves exactly as a JSON script tells it to.
//
//   node fake.mjs SCRIPT.json [--counter FILE] [--listen unix:PATH | tcp:PORT | tcp:HOST:PORT]
//
// Without --listen it speaks on stdin/stdout. With --listen it serves each connection as one
// session (the server runs on until its stdin closes) and prints `listening unix:PATH` or
// `listening tcp:HOST:PORT` on stdout once ready (with tcp:0 the port is chosen by the system).
//
// The script (every field optional):
//   implementation  what hello announces (default a minimal valid ImplementationInfo)
//   hello           the action for hello (default answer)
//   cases           { [case id]: action } for run requests
//   default         the action for cases not listed (default: answer {ret: 0} per step)
//   stop            the action for stop and for the end of input (default exit 0; "hang" ignores both)
//   stderr          text written to stderr at start
//   counter         like --counter: a file that gets one line (the pid) per start, or per
//                   connection with --listen, so tests can count restarts and check pids are dead
//
// An action is an object, a string (short for {"do": string}), or an array of actions: the Nth
// start (counted in the counter file) or Nth connection uses the Nth, the last one from then on.
//   do: answer        {seq, observations} (observations default one {ret: 0} per step); hello: {protocol, implementation}
//       slow          answer after `ms` (default 200)
//       wrong-seq     answer with seq + 1
//       missing-field {seq} only
//       skip          {seq, skipped: reason}
//       error         {seq, error: {message, detail?}}
//       garbage       the line `text` (default not JSON); newline: false leaves the newline out
//       oversize      a line of `bytes` bytes (default 1024)
//       echo          the request itself, as received
//       hang          never answer, nor read anything after it
//       crash         write `stderr` (default a note) to stderr, exit with `code` (default 1);
//                     with --listen: drop the connection
//       exit          exit with `code` (default 0) without answering; with --listen: end the connection
//       exit-after-hello  answer, then exit 0 (same as {"exitAfter": 0})
//   stderr      text written to stderr first (any action)
//   before      raw lines written before acting (any action)
//   exitAfter   exit with this code after acting (any action)
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { createInterface } from 'node:readline'

const DEFAULT_IMPLEMENTATION = {
  name: 'fake',
  version: '0.0.0',
  arch: 'x86_64',
  endian: 'little',
  pageSize: 4096,
  ops: [],
}

const args = process.argv.slice(2)
const option = (name) => {
  const at = args.indexOf(name)
  if (at === -1) return undefined
  const value = args[at + 1]
  args.splice(at, 2)
  return value
}
const listen = option('--listen')
const counterOption = option('--counter')
const scriptPath = args[0]
if (!scriptPath) {
  process.stderr.write('usage: fake.mjs SCRIPT.json [--counter FILE] [--listen unix:PATH|tcp:PORT]\n')
  process.exit(2)
}
const script = JSON.parse(readFileSync(scriptPath, 'utf8'))
const counter = counterOption ?? script.counter

/** Records one more start (or connection) and says how many came before. */
function count() {
  if (!counter) return 0
  const before = existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0
  appendFileSync(counter, `${process.pid}\n`)
  return before
}

function normalize(action, nth) {
  if (Array.isArray(action)) return normalize(action[Math.min(nth, action.length - 1)], nth)
  if (action === undefined) return { do: 'answer' }
  if (typeof action === 'string') action = { do: action }
  if (action.do === 'exit-after-hello') return { ...action, do: 'answer', exitAfter: action.exitAfter ?? 0 }
  return { do: 'answer', ...action }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One protocol session. `io` is how it talks: write(line), end(code) for a clean exit, crash(code)
 * for a dirty one. Requests are handled one after another; a hang stops the session for good.
 */
function session(io, nth) {
  let queue = Promise.resolve()
  let stuck = false

  const act = async (action, request) => {
    const seq = request.seq
    if (action.stderr) process.stderr.write(action.stderr)
    for (const line of action.before ?? []) io.write(line)
    switch (action.do) {
      case 'answer':
      case 'slow': {
        if (action.do === 'slow') await sleep(action.ms ?? 200)
        if (request.cmd === 'hello') {
          io.write(JSON.stringify({ protocol: 1, implementation: script.implementation ?? DEFAULT_IMPLEMENTATION }))
        } else {
          const observations = action.observations ?? (request.steps ?? []).map(() => ({ ret: 0 }))
          io.write(JSON.stringify({ seq, observations }))
        }
        break
      }
      case 'wrong-seq':
        io.write(JSON.stringify({ seq: (seq ?? 0) + 1, observations: action.observations ?? [] }))
        break
      case 'missing-field':
        io.write(JSON.stringify(request.cmd === 'hello' ? { protocol: 1 } : { seq }))
        break
      case 'skip':
        io.write(JSON.stringify({ seq, skipped: action.reason ?? 'skipped by the fake' }))
        break
      case 'error': {
        const error = { message: action.message ?? 'failed in the fake' }
        if (action.detail !== undefined) error.detail = action.detail
        io.write(JSON.stringify({ seq, error }))
        break
      }
      case 'garbage':
        io.write(action.text ?? 'this is not JSON', action.newline !== false)
        break
      case 'oversize':
        io.write('x'.repeat(action.bytes ?? 1024))
        break
      case 'echo':
        io.write(JSON.stringify(request))
        break
      case 'hang':
        stuck = true
        // Stay alive even with nothing else to do, until killed.
        setInterval(() => {}, 1 << 30)
        return new Promise(() => {})
      case 'crash':
        if (!action.stderr) process.stderr.write(`fake: crashing on purpose (${request.cmd} ${request.case ?? ''})\n`)
        return io.crash(action.code ?? 1)
      case 'exit':
        return io.end(action.code ?? 0)
      default:
        process.stderr.write(`fake: unknown action ${JSON.stringify(action.do)}\n`)
    }
    if (action.exitAfter !== undefined) io.end(action.exitAfter)
  }

  const handle = (text) => {
    let request
    try {
      request = JSON.parse(text)
    } catch {
      process.stderr.write(`fake: not JSON: ${text.slice(0, 100)}\n`)
      return
    }
    if (request.cmd === 'hello') return act(normalize(script.hello, nth), request)
    if (request.cmd === 'run') return act(normalize(script.cases?.[request.case] ?? script.default, nth), request)
    if (request.cmd === 'stop') return stop()
    io.write(JSON.stringify({ error: { message: `unknown cmd ${JSON.stringify(request.cmd)}` } }))
  }

  const stop = () => {
    const action = normalize(script.stop ?? { do: 'exit', code: 0 }, nth)
    if (action.do === 'hang') {
      stuck = true
      setInterval(() => {}, 1 << 30)
      return new Promise(() => {})
    }
    return act(action, {})
  }

  return {
    line(text) {
      if (!stuck) queue = queue.then(() => handle(text)).catch((e) => process.stderr.write(`fake: ${e?.stack ?? e}\n`))
    },
    /** End of input: like stop, once everything before it is done. */
    eof() {
      queue = queue.then(stop)
    },
  }
}

if (script.stderr) process.stderr.write(script.stderr)

if (!listen) {
  const nth = count()
  const io = {
    write: (line, newline = true) => process.stdout.write(newline ? `${line}\n` : line),
    end: (code) => process.exit(code),
    crash: (code) => process.exit(code),
  }
  const s = session(io, nth)
  const input = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
  input.on('line', (text) => s.line(text))
  input.on('close', () => s.eof())
} else {
  let connections = 0
  const server = createServer((socket) => {
    const nth = counter ? count() : connections
    connections++
    socket.on('error', () => {})
    const io = {
      write: (line, newline = true) => {
        if (!socket.destroyed && !socket.writableEnded) socket.write(newline ? `${line}\n` : line)
      },
      end: () => socket.end(),
      crash: () => socket.destroy(),
    }
    const s = session(io, nth)
    const input = createInterface({ input: socket, crlfDelay: Number.POSITIVE_INFINITY })
    input.on('error', () => {})
    input.on('line', (text) => s.line(text))
    input.on('close', () => s.eof())
  })
  const [kind, ...rest] = listen.split(':')
  if (kind === 'unix') {
    const path = rest.join(':')
    rmSync(path, { force: true })
    server.listen(path, () => process.stdout.write(`listening unix:${path}\n`))
  } else if (kind === 'tcp') {
    const port = Number(rest.pop())
    const host = rest.join(':') || '127.0.0.1'
    server.listen(port, host, () => process.stdout.write(`listening tcp:${host}:${server.address().port}\n`))
  } else {
    process.stderr.write(`fake: bad --listen ${listen}\n`)
    process.exit(2)
  }
  // The test that started the server ends it by closing its stdin (or by killing it).
  process.stdin.on('data', () => {})
  process.stdin.on('end', () => process.exit(0))
}
