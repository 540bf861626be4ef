// Section 1: the whole engine path against the SQLite floor, on file databases in WAL mode.
import { join } from 'node:path'
import { makeApp } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { MORNING, NullTransport, msSince, now, percentileMs, progress, rng, sum, tmpDir } from './lib.js'
import { makeMix, makeWorld, openSaleNos, setUp, type MixStats } from './world.js'

export type Throughput = {
  messages: number
  mix: MixStats
  engineMsgsPerSec: number
  floorTxPerSec: number
  ratio: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** p50 of the first and of the last tenth of the run: the books of the open sales grow in between */
  p50FirstTenthMs: number
  p50LastTenthMs: number
  /** the same on process CPU time, which a busy neighbour on the machine does not inflate */
  cpu: { engineMsgsPerSec: number; floorTxPerSec: number; ratio: number; p50Ms: number; p99Ms: number }
  /** per kind of message, in ms: wall p50 / p99 / mean, and p99 on CPU time */
  byKind: Record<string, { n: number; p50Ms: number; p99Ms: number; meanMs: number; cpuP99Ms: number }>
}

export async function throughput(count = 20_000): Promise<Throughput> {
  const dir = tmpDir('throughput')
  const world = makeWorld()

  progress(`throughput: engine, ${count} messages`)
  const app = makeApp({ dbFile: join(dir, 'engine.sqlite'), transport: new NullTransport(), log: silentLogger() })
  // engine.handle only: digests and sends (the runtime) are exercised by sections 2 and 5
  await setUp(app.engine, world, MORNING)
  const { messages, kinds, stats } = makeMix(world, openSaleNos(app.db.$client, world), {
    count,
    seed: 1,
    start: MORNING + 1000,
    stepMs: 150,
    idPrefix: 'm',
  })
  const lat = new Float64Array(messages.length)
  const cpu = new Float64Array(messages.length)
  for (let i = 0; i < messages.length; i++) {
    const c0 = process.cpuUsage()
    const t0 = now()
    await app.engine.handle(messages[i])
    lat[i] = Number(now() - t0)
    cpu[i] = cpuNs(c0)
  }
  const engineMs = sum(lat) / 1e6
  app.close()

  progress(`throughput: floor, ${count} bare transactions`)
  const fl = await floor(join(dir, 'floor.sqlite'), world, count)
  const engineMsgsPerSec = count / (engineMs / 1000)
  const floorTxPerSec = count / (fl.wallMs / 1000)
  const cpuEngine = count / (sum(cpu) / 1e9)
  const cpuFloor = count / (fl.cpuMs / 1000)
  return {
    messages: count,
    mix: stats,
    engineMsgsPerSec,
    floorTxPerSec,
    ratio: engineMsgsPerSec / floorTxPerSec,
    cpu: {
      engineMsgsPerSec: cpuEngine,
      floorTxPerSec: cpuFloor,
      ratio: cpuEngine / cpuFloor,
      p50Ms: percentileMs(cpu, 50),
      p99Ms: percentileMs(cpu, 99),
    },
    p50Ms: percentileMs(lat, 50),
    p99Ms: percentileMs(lat, 99),
    maxMs: percentileMs(lat, 100),
    p50FirstTenthMs: percentileMs(lat.slice(0, Math.floor(count / 10)), 50),
    p50LastTenthMs: percentileMs(lat.slice(count - Math.floor(count / 10)), 50),
    byKind: byKind(lat, cpu, kinds),
  }
}

/** Process CPU time (user + system) since `c0`, in ns. */
function cpuNs(c0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c0)
  return (d.user + d.system) * 1000
}

function byKind(lat: Float64Array, cpu: Float64Array, kinds: string[]): Throughput['byKind'] {
  const groups = new Map<string, number[]>()
  kinds.forEach((k, i) => {
    const xs = groups.get(k)
    if (xs) xs.push(i)
    else groups.set(k, [i])
  })
  return Object.fromEntries(
    [...groups].map(([k, is]) => {
      const xs = is.map((i) => lat[i])
      return [
        k,
        {
          n: xs.length,
          p50Ms: percentileMs(xs, 50),
          p99Ms: percentileMs(xs, 99),
          meanMs: sum(xs) / xs.length / 1e6,
          cpuP99Ms: percentileMs(
            is.map((i) => cpu[i]),
            99,
          ),
        },
      ]
    }),
  )
}

/**
 * The floor: one transaction per message holding the write a join boils down to,
 * an order upsert and a stock update, with bare prepared statements. Same schema,
 * same pragmas (openDb), same groups and sales.
 */
async function floor(
  file: string,
  world: ReturnType<typeof makeWorld>,
  count: number,
): Promise<{ wallMs: number; cpuMs: number }> {
  const app = makeApp({ dbFile: file, transport: new NullTransport(), log: silentLogger() })
  await setUp(app.engine, world, MORNING)
  const db = app.db.$client
  const items = db
    .prepare(
      "select i.id, i.sale_id as saleId, s.group_id as groupId from items i join sales s on s.id = i.sale_id where s.state = 'open'",
    )
    .all() as { id: number; saleId: number; groupId: number }[]
  const membersOf = new Map<number, number[]>()
  for (const m of db.prepare('select id, group_id as groupId from members').all() as {
    id: number
    groupId: number
  }[]) {
    const ids = membersOf.get(m.groupId)
    if (ids) ids.push(m.id)
    else membersOf.set(m.groupId, [m.id])
  }
  db.prepare('update items set stock = 1000000000').run()
  const upsert =
    db.prepare(`insert into orders (sale_id, item_id, member_id, confirmed, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
    on conflict (sale_id, item_id, member_id) do update set confirmed = excluded.confirmed, updated_at = excluded.updated_at`)
  const stock = db.prepare('update items set stock = stock - ? where id = ?')
  const write = db.transaction((saleId: number, itemId: number, memberId: number, qty: number, at: number) => {
    upsert.run(saleId, itemId, memberId, qty, at, at)
    stock.run(qty, itemId)
  })
  const r = rng(2)
  const plan = Array.from({ length: count }, () => {
    const it = items[Math.floor(r() * items.length)]
    const ms = membersOf.get(it.groupId)!
    return [it.saleId, it.id, ms[Math.floor(r() * ms.length)], 1 + Math.floor(r() * 3)] as const
  })
  const c0 = process.cpuUsage()
  const t0 = now()
  for (let i = 0; i < count; i++) {
    const [saleId, itemId, memberId, qty] = plan[i]
    write.immediate(saleId, itemId, memberId, qty, MORNING + i)
  }
  const wallMs = msSince(t0)
  const cpuMs = cpuNs(c0) / 1e6
  app.close()
  return { wallMs, cpuMs }
}
