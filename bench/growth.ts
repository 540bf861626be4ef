// Section 3: the cost of a message with 1 thousand, 100 thousand and 1 million orders
// of history in the database. The three databases are measured in interleaved rounds,
// so a noisy neighbour slows all three alike.
import { join } from 'node:path'
import { makeApp, type App } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { VirtualClock } from '../src/engine/runtime.js'
import type { Inbound } from '../src/engine/types.js'
import { MORNING, NullTransport, msSince, now, progress, tmpDir } from './lib.js'
import { declareAll, launchAll, makeMix, makeWorld, openSaleNos } from './world.js'
import { seedClosedOrders } from './seed.js'
import { profileRun, type Profile } from './plans.js'

export type Growth = {
  messages: number
  sizes: { orders: number; closedSales: number; seedMs: number; usPerMsg: number; dbMb: number }[]
  ratio1Mto1k: number
  /** queries, cost and plans captured on the largest database */
  profile: Profile
}

const ROUNDS = 4
const RUNTIME_EVERY = 100

type Setup = {
  orders: number
  app: App
  clock: VirtualClock
  messages: Inbound[]
  closedSales: number
  seedMs: number
  file: string
  ns: number
}

export async function growth(sizes = [1_000, 100_000, 1_000_000], messages = 2_000): Promise<Growth> {
  const world = makeWorld()
  const setups: Setup[] = []
  for (const orders of sizes) {
    const file = join(tmpDir('growth'), `history-${orders}.sqlite`)
    const app = makeApp({ dbFile: file, transport: new NullTransport(), log: silentLogger() })
    await declareAll(app.engine, world, MORNING)
    progress(`growth: seeding ${orders.toLocaleString('en')} orders`)
    const t0 = now()
    const { sales } = seedClosedOrders(app.db.$client, orders, MORNING, (done) =>
      progress(`growth: ${done.toLocaleString('en')} orders written`),
    )
    const seedMs = msSince(t0)
    await launchAll(app.engine, world, MORNING)
    // 200 more than measured: the tail is for the traced profiling pass
    const mix = makeMix(world, openSaleNos(app.db.$client, world), {
      count: messages + 300,
      seed: 3,
      start: MORNING + 1000,
      stepMs: 150,
      idPrefix: 'g',
    })
    setups.push({
      orders,
      app,
      clock: new VirtualClock(MORNING),
      messages: mix.messages,
      closedSales: sales,
      seedMs,
      file,
      ns: 0,
    })
  }

  progress(`growth: ${messages} messages on each database, ${ROUNDS} interleaved rounds`)
  const per = messages / ROUNDS
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of setups) {
      for (let i = round * per; i < (round + 1) * per; i++) {
        const t0 = now()
        await s.app.engine.handle(s.messages[i])
        s.ns += Number(now() - t0)
        if (i % RUNTIME_EVERY === RUNTIME_EVERY - 1) await s.app.runtime.advanceTo(s.clock, s.messages[i].at)
      }
    }
  }

  progress('growth: tracing queries and plans on the largest database')
  const big = setups[setups.length - 1]
  const profile = await profileRun(big.app, big.clock, big.messages.slice(messages))
  const out = setups.map((s) => ({
    orders: s.orders,
    closedSales: s.closedSales,
    seedMs: s.seedMs,
    usPerMsg: s.ns / 1e3 / messages,
    dbMb:
      (s.app.db.$client
        .prepare('select page_count * page_size from pragma_page_count, pragma_page_size')
        .pluck()
        .get() as number) / 1e6,
  }))
  for (const s of setups) s.app.close()
  return { messages, sizes: out, ratio1Mto1k: out[out.length - 1].usPerMsg / out[0].usPerMsg, profile }
}
