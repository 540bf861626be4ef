// One life of the bot for the kill test (kill.test.ts), run with tsx. It loads, then waits
// for `GO` (so the parent can load the next life while this one runs), opens the database
// and handles stdin one JSON line at a time on a virtual clock driven by the lines' `at`,
// exactly as the replay tool does: the first line of a life sets the clock and runs
// start-up recovery.
//
// stdout (one line each, written synchronously to the pipe, so a kill cannot lose a line
// that was written):
//   READY [ids]   the outbox ids already marked sent, read right after opening the database
//   SENT id       a message reached "the platform" (after it was appended to the sent file)
//   ACK id        the line's transaction committed and the sends it made due went out
// The sent file (argv) is the platform's side: one JSON line per message it received.
import { appendFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { makeApp, type App } from '../../src/app.js'
import { makeLogger } from '../../src/log.js'
import { VirtualClock } from '../../src/engine/runtime.js'
import type { OutMessage, Pace, Transport } from '../../src/engine/sender.js'
import { KillLine, type SentRecord } from './kill-protocol.js'

/** No pacing: the test is about crashes, not about WeChat's limits. */
const PACE: Pace = { perChatMs: 0, jitterMs: 0, perMinute: 1_000_000, maxAttempts: 6 }
/** The platform's round trip after the message is out. */
const LATENCY_MS = 2

const [dbFile, sentFile, lifeArg] = process.argv.slice(2)
const life = Number(lifeArg)
const say = (line: string) => process.stdout.write(line + '\n')

class PlatformFile implements Transport {
  async send(m: OutMessage, at: number): Promise<void> {
    const rec: SentRecord = { id: m.id, life, at, room: m.room, to: m.toName, text: m.text }
    appendFileSync(sentFile, JSON.stringify(rec) + '\n')
    say(`SENT ${m.id}`)
    // The message is out but the call has not returned: a kill here leaves the row
    // unmarked, and the next life sends it again (the one at-least-once window).
    await new Promise((r) => setTimeout(r, LATENCY_MS))
  }
}

let app: App | null = null
let clock: VirtualClock | null = null
for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (app === null) {
    if (raw !== 'GO') throw new Error(`expected GO, got ${raw.slice(0, 40)}`)
    app = makeApp({ dbFile, transport: new PlatformFile(), log: makeLogger('warn'), pace: PACE })
    const marked = app.db.$client.prepare('SELECT id FROM outbox WHERE sent_at IS NOT NULL ORDER BY id').pluck().all()
    say(`READY ${JSON.stringify(marked)}`)
    continue
  }
  const line = KillLine.parse(JSON.parse(raw))
  if (clock === null) {
    clock = new VirtualClock(line.at)
    await app.engine.recover(line.at)
  }
  await app.runtime.advanceTo(clock, line.at)
  const now = clock.now()
  if (line.kind === 'group') await app.engine.declareGroup(line.room, line.owner, line.members, now)
  else if (line.kind === 'msg')
    await app.engine.handle({ id: line.id, at: now, room: line.room, from: line.from, text: line.text })
  await app.runtime.advanceTo(clock, now)
  if (line.kind === 'drain') await app.runtime.drain(clock)
  say(`ACK ${line.id}`)
}
app?.close()
