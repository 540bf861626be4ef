// npm run sim [-- --db FILE --at '2026-12-03 04:35']: an offline group chat in the terminal,
// through the same engine as live. The clock starts at --at (or SHANTUAN_SIM_AT; a wall time
// without a zone is China time), else now.
//   Lily: +2                 Lily speaks in the current group (write \n for a new line)
//   私聊 Lily: /my            Lily writes to the bot privately
//   :wait 2h                 let virtual time pass (deadlines, countdowns, digests run)
//   :room 徒步群 / :owner 老杨  switch group / set its owner;  :quit
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { makeLogger } from '../log.js'
import { openSim, parseStart } from '../sim.js'

const { values } = parseArgs({ options: { db: { type: 'string', default: ':memory:' }, at: { type: 'string' } } })
const atText = values.at ?? process.env.SHANTUAN_SIM_AT
const start = atText === undefined || atText === '' ? Date.now() : parseStart(atText)
if (start === null) {
  process.stderr.write(
    `--at / SHANTUAN_SIM_AT: not a time: ${atText} (e.g. 2026-12-03 04:35, or 2026-12-03T04:35:00+08:00)\n`,
  )
  process.exit(2)
}
const sim = openSim({
  dbFile: values.db!,
  start,
  log: makeLogger(process.env.LOG_LEVEL ?? 'warn'),
  print: (s) => process.stdout.write(s + '\n'),
})

const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY })
let chain = Promise.resolve(true)
rl.on('line', (l) => {
  chain = chain
    .then(async (go) => (go ? sim.line(l) : false))
    .then((go) => {
      if (!go) rl.close()
      return go
    })
})
rl.on('close', () => {
  void chain.then(() => {
    sim.close()
    process.exit(0)
  })
})
