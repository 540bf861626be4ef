// Section 6: a native 接龙 of 500 lines (WeChat's own limit) re-posted with one more line.
// Reading and diffing it must take linear time: the figure is the re-post's engine.handle.
import { join } from 'node:path'
import { makeApp } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { VirtualClock } from '../src/engine/runtime.js'
import { RecordingTransport } from '../src/replay.js'
import { MORNING, msSince, now, progress, tmpDir } from './lib.js'

export type ChainRepost = {
  lines: number
  firstPostMs: number
  repostMs: number
  repostsMedianMs: number
  confirmedUnits: number
}

const ROOM = '接龙测试群'
const OWNER = '团长'

/** A 接龙 as WeChat posts it: header, title, example, a blank line, numbered entries. */
export const chainText = (names: string[]) =>
  `#接龙\n团1 丹东草莓 3斤装\n例 张三 2份\n\n${names.map((n, i) => `${i + 1}. ${n} ${1 + (i % 3)}份`).join('\n')}`

export async function chainRepost(lines = 500, reposts = 5, strangers = false): Promise<ChainRepost> {
  progress(`chain: a ${lines}-line 接龙 posted, then re-posted ${reposts} times with one more line`)
  const app = makeApp({
    dbFile: join(tmpDir('chain'), 'chain.sqlite'),
    transport: new RecordingTransport(),
    log: silentLogger(),
  })
  const clock = new VirtualClock(MORNING)
  // names without digits (a digit would read as the quantity): 张 + one distinct character
  const names = Array.from({ length: lines + reposts }, (_, i) => `张${String.fromCharCode(0x5000 + i)}`)
  // strangers: made-up names nobody in the group carries (each becomes a member as written)
  await app.engine.declareGroup(ROOM, OWNER, strangers ? [OWNER] : [OWNER, ...names], clock.now())
  await app.engine.handle({
    id: 'launch',
    at: clock.now(),
    room: ROOM,
    from: OWNER,
    text: '/launch 丹东草莓 3斤装\n价格: 128\n截止: 2小时后',
  })
  await app.runtime.advanceTo(clock, clock.now() + 60_000)
  const post = async (n: number, id: string) => {
    const t0 = now()
    await app.engine.handle({ id, at: clock.now(), room: ROOM, from: names[n - 1], text: chainText(names.slice(0, n)) })
    return msSince(t0)
  }
  // the first post fills the sale; each re-post keeps 499 lines and adds one
  const firstPostMs = await post(lines - 1, 'first')
  const times: number[] = []
  for (let i = 0; i < reposts; i++) {
    await app.runtime.advanceTo(clock, clock.now() + 10_000)
    times.push(await post(Math.min(lines, lines - 1 + i + 1), `re-${i}`))
  }
  const db = app.db.$client
  const confirmedUnits = db.prepare('select coalesce(sum(confirmed), 0) from orders').pluck().get() as number
  app.close()
  const sorted = [...times].sort((a, b) => a - b)
  return {
    lines,
    firstPostMs,
    repostMs: times[0],
    repostsMedianMs: sorted[Math.floor(sorted.length / 2)],
    confirmedUnits,
  }
}
