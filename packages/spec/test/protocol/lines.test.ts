// The line splitter and inbox: lines across chunk boundaries, bounded memory, oversize, queueing.
import { describe, expect, it } from 'vitest'
import { TransportError } from '../../src/protocol/connection.js'
import { LineInbox, LineSplitter } from '../../src/protocol/lines.js'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

function failure(p: Promise<unknown>): Promise<TransportError> {
  return p.then(
    () => {
      throw new Error('expected a rejection')
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(TransportError)
      return e as TransportError
    },
  )
}

describe('LineSplitter', () => {
  it('splits lines, joins pieces across chunks and skips blank lines', () => {
    const s = new LineSplitter(100)
    expect(s.push(bytes('{"a":1}\n{"b"'))).toEqual([{ kind: 'line', text: '{"a":1}' }])
    expect(s.push(bytes(':2}'))).toEqual([])
    expect(s.push(bytes('\n\n  \n{"c":3}\n'))).toEqual([
      { kind: 'line', text: '{"b":2}' },
      { kind: 'line', text: '{"c":3}' },
    ])
    expect(s.end()).toBeUndefined()
  })

  it('decodes a multi-byte character split between chunks', () => {
    const s = new LineSplitter(100)
    const all = bytes('"ünïcödé"\n')
    expect(s.push(all.subarray(0, 2))).toEqual([])
    expect(s.push(all.subarray(2))).toEqual([{ kind: 'line', text: '"ünïcödé"' }])
  })

  it('accepts a line of exactly the limit and reports a longer one once, then skips to its newline', () => {
    const s = new LineSplitter(4)
    expect(s.push(bytes('abcd\nabc'))).toEqual([{ kind: 'line', text: 'abcd' }])
    expect(s.push(bytes('de'))).toEqual([{ kind: 'oversize', head: 'abcde' }])
    expect(s.push(bytes('xxxxxxxxxxxx'))).toEqual([])
    expect(s.push(bytes('xx\nok\n'))).toEqual([{ kind: 'line', text: 'ok' }])
  })

  it('keeps only the head of an oversize line in the report', () => {
    const s = new LineSplitter(1000)
    const [event] = s.push(bytes('y'.repeat(5000)))
    expect(event).toEqual({ kind: 'oversize', head: 'y'.repeat(200) })
  })

  it('returns the unterminated rest at the end, but not the rest of an oversize line', () => {
    const s = new LineSplitter(10)
    s.push(bytes('done\npartial'))
    expect(s.end()).toBe('partial')
    s.push(bytes('far too long for the limit'))
    expect(s.end()).toBeUndefined()
  })
})

describe('LineInbox', () => {
  it('waits a limit longer than a timer holds instead of timing out at once (Node turns it into 1 ms)', async () => {
    const inbox = new LineInbox(100)
    let settled = false
    const late = inbox.next(2 ** 31 + 1000).finally(() => {
      settled = true
    })
    await new Promise((r) => setTimeout(r, 50))
    expect(settled).toBe(false)
    inbox.push(bytes('late\n'))
    expect(await late).toBe('late')
  })

  it('hands a waiting request the next line, and queued lines in order', async () => {
    const inbox = new LineInbox(100)
    const first = inbox.next(1000)
    inbox.push(bytes('one\ntwo\nthree\n'))
    expect(await first).toBe('one')
    expect(await inbox.next(1000)).toBe('two')
    expect(await inbox.next(1000)).toBe('three')
  })

  it('keeps at most a few unasked lines', async () => {
    const inbox = new LineInbox(100, 2)
    inbox.push(bytes('a\nb\nc\nd\n'))
    expect(inbox.dropped).toBe(2)
    expect(await inbox.next(1000)).toBe('a')
    expect(await inbox.next(1000)).toBe('b')
    expect((await failure(inbox.next(10))).failure).toBe('timeout')
  })

  it('times out, and a late line waits for the next request', async () => {
    const inbox = new LineInbox(100)
    const e = await failure(inbox.next(10))
    expect(e.failure).toBe('timeout')
    expect(e.message).toContain('10 ms')
    inbox.push(bytes('late\n'))
    expect(await inbox.next(1000)).toBe('late')
  })

  it('rejects a second concurrent request', async () => {
    const inbox = new LineInbox(100)
    const first = inbox.next(1000)
    await expect(inbox.next(1000)).rejects.toThrow('one request at a time')
    inbox.push(bytes('x\n'))
    expect(await first).toBe('x')
  })

  it('reports an oversize line to the request waiting for it, with its head', async () => {
    const inbox = new LineInbox(8)
    const pending = inbox.next(1000)
    inbox.push(bytes('0123456789'))
    const e = await failure(pending)
    expect(e.failure).toBe('oversize')
    expect(e.detail).toBe('0123456789')
    inbox.push(bytes('abc\nfine\n'))
    expect(await inbox.next(1000)).toBe('fine')
  })

  it('hands out queued lines before the end, then fails every request with it', async () => {
    const inbox = new LineInbox(100)
    inbox.push(bytes('last words\n'))
    inbox.finish(new TransportError('closed', 'gone', 'code 3'))
    expect(inbox.finished).toBe(true)
    expect(await inbox.next(1000)).toBe('last words')
    const e = await failure(inbox.next(1000))
    expect([e.failure, e.detail]).toEqual(['closed', 'code 3'])
    await expect(inbox.next(1000)).rejects.toBe(e)
  })

  it('fails a waiting request when the stream ends', async () => {
    const inbox = new LineInbox(100)
    const pending = inbox.next(1000)
    inbox.finish(new TransportError('closed', 'gone'))
    expect((await failure(pending)).failure).toBe('closed')
  })
})
