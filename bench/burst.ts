// Section 2: a flash sale. 500 members answer `+1` within one second of virtual time for
// 300 units; the group must not be flooded while the engine absorbs it.
import { join } from 'node:path'
import { makeApp } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { VirtualClock } from '../src/engine/runtime.js'
import { RecordingTransport } from '../src/replay.js'
import { MORNING, msSince, now, progress, tmpDir } from './lib.js'

export type Burst = {
  members: number
  stock: number
  absorbMs: number
  handleMs: number
  confirmedUnits: number
  waitlistedUnits: number
  groupMessages: number
  groupMessagesList: { at: string; text: string }[]
}

const ROOM = '快闪秒杀群'
const OWNER = '团长'

export async function burst(members = 500, stock = 300): Promise<Burst> {
  progress(`burst: ${members} joins for ${stock} units within 1 s`)
  const transport = new RecordingTransport()
  const app = makeApp({ dbFile: join(tmpDir('burst'), 'burst.sqlite'), transport, log: silentLogger() })
  const clock = new VirtualClock(MORNING)
  const names = Array.from({ length: members }, (_, i) => `抢购${i + 1}`)
  await app.engine.declareGroup(ROOM, OWNER, [OWNER, ...names], clock.now())
  await app.engine.handle({
    id: 'launch',
    at: clock.now(),
    room: ROOM,
    from: OWNER,
    text: `/launch 智利车厘子 JJ级 2斤\n价格: 99\n限量: ${stock}\n截止: 2小时后`,
  })
  // the launch message goes out first, well before the burst
  await app.runtime.advanceTo(clock, clock.now() + 60_000)
  const start = clock.now()
  const sentBefore = transport.lines.length

  let handleNs = 0n
  const t0 = now()
  for (let i = 0; i < members; i++) {
    // spread evenly over one second, fed like replay does: time moves, then the message
    const at = start + Math.floor((i * 1000) / members)
    await app.runtime.advanceTo(clock, at)
    const h0 = now()
    await app.engine.handle({ id: `burst-${i}`, at: clock.now(), room: ROOM, from: names[i], text: '+1' })
    handleNs += now() - h0
  }
  await app.runtime.advanceTo(clock, start + 1000)
  const absorbMs = msSince(t0)
  await app.runtime.advanceTo(clock, start + 1000 + 60_000)

  const db = app.db.$client
  const saleId = db
    .prepare('select id from sales where no = 1 and group_id = (select id from groups where topic = ?)')
    .pluck()
    .get(ROOM) as number
  const confirmedUnits = db
    .prepare('select coalesce(sum(confirmed), 0) from orders where sale_id = ?')
    .pluck()
    .get(saleId) as number
  const waitlistedUnits = db
    .prepare('select coalesce(sum(qty), 0) from waitlist where sale_id = ?')
    .pluck()
    .get(saleId) as number
  const during = transport.lines.slice(sentBefore).filter((l) => l.room === ROOM && Date.parse(l.at) <= start + 61_000)
  app.close()
  return {
    members,
    stock,
    absorbMs,
    handleMs: Number(handleNs) / 1e6,
    confirmedUnits,
    waitlistedUnits,
    groupMessages: during.length,
    groupMessagesList: during.map((l) => ({ at: l.at, text: l.text.slice(0, 80) })),
  }
}
