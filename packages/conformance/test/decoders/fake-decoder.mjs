// A scriptable decoder-protocol peer for tests: argv[2] picks how it (mis)behaves.
//   empty     answers every decode with no records
//   garbage   answers decode with a line that is not JSON
//   wrongseq  answers decode with seq + 1
//   badhello  answers hello out of protocol
//   die       exits before answering hello (writes a last word on stderr)
import { createInterface } from 'node:readline'

const mode = process.argv[2] ?? 'empty'
if (mode === 'die') {
  process.stderr.write('fake decoder: giving up\n')
  process.exit(3)
}
const say = (o) => process.stdout.write(`${typeof o === 'string' ? o : JSON.stringify(o)}\n`)
for await (const line of createInterface({ input: process.stdin })) {
  const m = JSON.parse(line)
  if (m.cmd === 'hello') {
    if (mode === 'badhello') say({ protocol: 1 })
    else say({ protocol: 1, name: `fake-decoder ${mode}`, revisions: ['mainline'] })
  } else if (m.cmd === 'decode') {
    if (mode === 'garbage') say('this is not json')
    else if (mode === 'wrongseq') say({ seq: m.seq + 1, records: [] })
    else say({ seq: m.seq, records: [] })
  }
}
