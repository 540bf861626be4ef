// Feeding the engine directly, for what the replay contract cannot say: a message from the
// bot's own account (`self: true`), the platform's contact id (`fromId`) and mention list
// (`mentions`), or a process that dies right after the last line.
import { makeApp } from '../../src/app.js'
import { silentLogger } from '../../src/log.js'
import { RecordingTransport, type OutLine } from '../../src/replay.js'
import { VirtualClock } from '../../src/engine/runtime.js'
import type { In } from '../harness.js'

/**
 * Like the replay, but `crash: true` stops right after handling the last line: whatever
 * was queued and not yet due stays unsent, as when the process is killed.
 */
export async function drive(lines: In[], opts: { dbFile?: string; crash?: boolean } = {}): Promise<OutLine[]> {
  const transport = new RecordingTransport()
  const app = makeApp({ dbFile: opts.dbFile ?? ':memory:', transport, log: silentLogger() })
  let clock: VirtualClock | null = null
  for (const [i, l] of lines.entries()) {
    const t = Date.parse(String(l.at))
    if (clock === null) {
      clock = new VirtualClock(t)
      await app.engine.recover(t)
    }
    await app.runtime.advanceTo(clock, t)
    if (typeof l.text === 'string') {
      await app.engine.handle({
        id: String(l.id ?? `drive-${i}-${l.at}-${l.from}-${l.text}`),
        at: t,
        room: (l.room as string | undefined) ?? null,
        from: String(l.from),
        text: l.text,
        self: l.self === true,
        fromId: l.fromId as string | undefined,
        mentions: l.mentions as string[] | undefined,
      })
    } else if (typeof l.room === 'string' && l.owner !== undefined) {
      await app.engine.declareGroup(l.room, String(l.owner), (l.members as string[] | undefined) ?? null, t)
    }
    if (!opts.crash) await app.runtime.advanceTo(clock, t)
  }
  if (!opts.crash && clock !== null) await app.runtime.drain(clock)
  app.close()
  return transport.lines
}
