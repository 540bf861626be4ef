// npm run --silent replay -- IN.jsonl --db DB --out OUT.jsonl
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { makeApp } from '../app.js'
import { makeLogger } from '../log.js'
import { RecordingTransport, replay } from '../replay.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string' }, out: { type: 'string' } },
})
if (positionals.length !== 1 || !values.db || !values.out) {
  process.stderr.write('usage: npm run --silent replay -- IN.jsonl --db DB --out OUT.jsonl\n')
  process.exit(2)
}
const transport = new RecordingTransport()
const app = makeApp({ dbFile: values.db, transport, log: makeLogger(process.env.LOG_LEVEL ?? 'warn') })
const input = readFileSync(positionals[0], 'utf8').split(/\r?\n/)
await replay(app, input, (msg) => process.stderr.write(msg + '\n'))
writeFileSync(
  values.out,
  transport.lines.map((l) => JSON.stringify(l)).join('\n') + (transport.lines.length ? '\n' : ''),
)
app.close()
