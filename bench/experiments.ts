// What the proposed engine fixes would buy, measured without touching src/: the same
// mix through differently wrapped apps, alternating in chunks of 100 messages.
//   A  as is
//   B  + a statement cache on the connection (SQLite compiles each SQL text once)
//   C  + B, and text that is no command never opens a transaction (checked with the engine's own findCommand)
// then what the SQL of a join costs on its own, with bare cached statements, next to the floor:
//   D  the queries the engine runs for a join today, in one transaction
//   tsx bench/experiments.ts [messages]
import { join } from 'node:path'
import { makeApp, type App } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { VirtualClock } from '../src/engine/runtime.js'
import { normalize } from '../src/core/text.js'
import type { Inbound } from '../src/engine/types.js'
import type Database from 'better-sqlite3'
import { MORNING, NullTransport, rng, tmpDir } from './lib.js'
import { makeMix, makeWorld, openSaleNos, setUp } from './world.js'

const count = Number(process.argv[2] ?? 6000)

function cacheStatements(sqlite: Database.Database): void {
  const cache = new Map<string, Database.Statement>()
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => {
    let s = cache.get(source)
    if (!s) cache.set(source, (s = prepare(source)))
    return s
  }) as typeof sqlite.prepare
}

type Variant = {
  name: string
  app: App
  clock: VirtualClock
  messages: Inbound[]
  handle: (m: Inbound) => Promise<void>
  ns: number
}

const world = makeWorld()
const dir = tmpDir('experiments')
const variants: Variant[] = await Promise.all(
  ['A as is', 'B statement cache', 'C cache + no tx for non-commands'].map(async (name, i) => {
    const app = makeApp({ dbFile: join(dir, `${i}.sqlite`), transport: new NullTransport(), log: silentLogger() })
    if (i >= 1) cacheStatements(app.db.$client)
    await setUp(app.engine, world, MORNING)
    const messages = makeMix(world, openSaleNos(app.db.$client, world), {
      count,
      seed: 1,
      start: MORNING + 1000,
      stepMs: 150,
      idPrefix: 'x',
    }).messages
    const engine = app.engine as any
    const handle =
      i < 2
        ? (m: Inbound) => app.engine.handle(m)
        : async (m: Inbound) => {
            if (!m.self && !engine.findCommand(normalize(m.text).trim())) return
            await app.engine.handle(m)
          }
    return { name, app, clock: new VirtualClock(MORNING), messages, handle, ns: 0 }
  }),
)

for (let chunk = 0; chunk < count / 100; chunk++) {
  for (const v of variants) {
    for (let i = chunk * 100; i < (chunk + 1) * 100; i++) {
      const t0 = process.hrtime.bigint()
      await v.handle(v.messages[i])
      v.ns += Number(process.hrtime.bigint() - t0)
    }
    await v.app.runtime.advanceTo(v.clock, v.messages[(chunk + 1) * 100 - 1].at)
  }
}
const base = variants[0].ns
for (const v of variants) {
  const orders = v.app.db.$client.prepare('select coalesce(sum(confirmed), 0) from orders').pluck().get()
  process.stdout.write(
    `${v.name.padEnd(36)} ${(v.ns / 1e3 / count).toFixed(0).padStart(6)} µs/msg  ${(count / (v.ns / 1e9)).toFixed(0).padStart(6)} msgs/s  ×${(base / v.ns).toFixed(2)}  (confirmed units ${orders})\n`,
  )
  v.app.close()
}

// D: a join's SQL as the engine issues it (traced in section 3) and two leaner shapes, next to the floor
{
  const app = makeApp({ dbFile: join(dir, 'd.sqlite'), transport: new NullTransport(), log: silentLogger() })
  await setUp(app.engine, world, MORNING)
  const db = app.db.$client
  const q = {
    seen: db.prepare('insert into inbound (msg_id, received_at) values (?, ?) on conflict do nothing'),
    group: db.prepare('select * from groups where topic = ?'),
    member: db.prepare('select * from members where group_id = ? and name = ?'),
    open: db.prepare("select * from sales where group_id = ? and state = 'open' order by no"),
    items: db.prepare('select id, name, price_fen, stock, is_default from items where sale_id = ? order by id').raw(),
    orders: db.prepare('select member_id, item_id, confirmed from orders where sale_id = ? and confirmed > 0').raw(),
    waits: db.prepare('select seq, member_id, item_id, qty from waitlist where sale_id = ? order by seq').raw(),
    sold: db.prepare('select coalesce(sum(confirmed), 0) from orders where sale_id = ?').pluck(),
    mine: db.prepare('select confirmed from orders where sale_id = ? and member_id = ?').pluck(),
    queue: db.prepare('select count(*) from waitlist where sale_id = ?').pluck(),
    upsert:
      db.prepare(`insert into orders (sale_id, item_id, member_id, confirmed, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
      on conflict (sale_id, item_id, member_id) do update set confirmed = excluded.confirmed, updated_at = excluded.updated_at`),
    notice: db.prepare(
      "insert into notices (group_id, sale_id, member_name, kind, payload, created_at) values (?, ?, ?, 'ack', ?, ?)",
    ),
    due: db.prepare('select digest_due_at, last_digest_at, digest_seconds from groups where id = ?'),
    stock: db.prepare('update items set stock = stock - ? where id = ?'),
  }
  type Shape = 'all open books' | 'chosen book only' | 'aggregates, no book'
  const joinTx = db.transaction((shape: Shape, id: string, topic: string, name: string, qty: number, at: number) => {
    if (q.seen.run(id, at).changes === 0) return
    const g = q.group.get(topic) as { id: number }
    const m = q.member.get(g.id, name) as { id: number }
    const open = q.open.all(g.id) as { id: number }[]
    const s = open[0]
    const items = q.items.all(s.id) as unknown[][]
    if (shape === 'aggregates, no book') {
      q.sold.get(s.id)
      q.mine.get(s.id, m.id)
      q.queue.get(s.id)
    } else {
      for (const x of shape === 'all open books' ? open : [s]) {
        if (x !== s) q.items.all(x.id)
        q.orders.all(x.id)
        q.waits.all(x.id)
      }
    }
    q.upsert.run(s.id, items[0][0], m.id, qty, at, at)
    q.notice.run(g.id, s.id, name, JSON.stringify({ qty, item: '' }), at)
    q.due.get(g.id)
  })
  const floorTx = db.transaction((saleId: number, itemId: number, memberId: number, qty: number, at: number) => {
    q.upsert.run(saleId, itemId, memberId, qty, at, at)
    q.stock.run(qty, itemId)
  })
  const selling = world.groups.filter((g) => g.sales.length > 0)
  const n = 3000
  const time = (fn: (i: number) => void) => {
    const c0 = process.cpuUsage()
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < n; i++) fn(i)
    const cpu = process.cpuUsage(c0)
    return { wallUs: Number(process.hrtime.bigint() - t0) / 1e3 / n, cpuUs: (cpu.user + cpu.system) / n }
  }
  const r = rng(9)
  const picks = Array.from({ length: n }, () => {
    const g = selling[Math.floor(r() * selling.length)]
    return { g, name: g.members[Math.floor(r() * g.members.length)], qty: 1 + Math.floor(r() * 3) }
  })
  const ids = db
    .prepare("select i.id, i.sale_id from items i join sales s on s.id = i.sale_id where s.state = 'open'")
    .raw()
    .all() as number[][]
  const memberIds = db.prepare('select id from members').pluck().all() as number[]
  const floor = time((i) => {
    const [itemId, saleId] = ids[i % ids.length]
    floorTx.immediate(saleId, itemId, memberIds[(i * 7919) % memberIds.length], 1 + (i % 3), MORNING + i)
  })
  process.stdout.write(
    `${'floor (upsert + stock update)'.padEnd(36)} ${floor.wallUs.toFixed(0).padStart(6)} µs/tx   CPU ${floor.cpuUs.toFixed(0)} µs/tx\n`,
  )
  for (const shape of ['all open books', 'chosen book only', 'aggregates, no book'] as Shape[]) {
    const t = time((i) =>
      joinTx.immediate(shape, `${shape}${i}`, picks[i].g.topic, picks[i].name, picks[i].qty, MORNING + i),
    )
    process.stdout.write(
      `${`D join SQL, ${shape}`.padEnd(36)} ${t.wallUs.toFixed(0).padStart(6)} µs/msg  CPU ${t.cpuUs.toFixed(0)} µs/msg  → floor/this on CPU ${(floor.cpuUs / t.cpuUs).toFixed(2)}\n`,
    )
  }
  // where a lean join's time goes, statement by statement (wall, median of n)
  const parts = new Map<string, number[]>()
  const lap = (label: string, t: bigint) => {
    const xs = parts.get(label) ?? []
    xs.push(Number(process.hrtime.bigint() - t) / 1e3)
    parts.set(label, xs)
    return process.hrtime.bigint()
  }
  const begin = db.prepare('begin immediate')
  const commit = db.prepare('commit')
  const laps = (tag: string) => {
    parts.clear()
    for (let i = 0; i < n; i++) {
      const { g: gd, name, qty } = picks[i]
      const at = MORNING + 10_000_000 + i
      let t = process.hrtime.bigint()
      begin.run()
      t = lap('BEGIN IMMEDIATE', t)
      q.seen.run(`${tag}${i}`, at)
      t = lap('insert inbound (dedupe)', t)
      const g = q.group.get(gd.topic) as { id: number }
      t = lap('select group by topic', t)
      const m = q.member.get(g.id, name) as { id: number }
      t = lap('select member', t)
      const s = (q.open.all(g.id) as { id: number }[])[0]
      t = lap('select open sales', t)
      const items = q.items.all(s.id) as unknown[][]
      t = lap('select items', t)
      const book = q.orders.all(s.id)
      t = lap(`select orders of the sale (${tag})`, t)
      q.waits.all(s.id)
      t = lap('select waitlist', t)
      q.upsert.run(s.id, items[0][0], m.id, qty, at, at)
      t = lap('upsert order', t)
      q.notice.run(g.id, s.id, name, '{}', at)
      t = lap('insert notice', t)
      q.due.get(g.id)
      t = lap('select digest due', t)
      commit.run()
      lap('COMMIT', t)
      rowsSeen += book.length
    }
    process.stdout.write(`${tag}: ${(rowsSeen / n).toFixed(0)} order rows per book on average\n`)
    rowsSeen = 0
    for (const [label, xs] of parts) {
      xs.sort((a, b) => a - b)
      process.stdout.write(`  ${label.padEnd(40)} p50 ${xs[Math.floor(xs.length / 2)].toFixed(1).padStart(6)} µs\n`)
    }
  }
  let rowsSeen = 0
  laps('as indexed today')
  // the same with an index that covers the book's columns (experiment database only)
  db.exec('create index orders_book on orders (sale_id, item_id, member_id, confirmed)')
  q.orders = db.prepare('select member_id, item_id, confirmed from orders where sale_id = ? and confirmed > 0').raw()
  process.stdout.write(
    `plan: ${(db.prepare('explain query plan select member_id, item_id, confirmed from orders where sale_id = ? and confirmed > 0').all(1) as { detail: string }[]).map((r) => r.detail).join('; ')}\n`,
  )
  laps('covering index')
  app.close()
}
