// History written straight into the tables (schema in src/db/schema.ts) with bare
// prepared statements in one transaction: going through the engine would take hours
// for a million orders. Only the columns without a default are written.
import type Database from 'better-sqlite3'
import { rng } from './lib.js'

const DAY = 24 * 3600_000

type GroupMembers = { groupId: number; members: number[] }

function groupsWithMembers(sqlite: Database.Database): GroupMembers[] {
  const out = new Map<number, number[]>()
  for (const m of sqlite.prepare('select id, group_id as g from members order by id').all() as {
    id: number
    g: number
  }[]) {
    const ids = out.get(m.g)
    if (ids) ids.push(m.id)
    else out.set(m.g, [m.id])
  }
  return [...out].map(([groupId, members]) => ({ groupId, members }))
}

/**
 * `orders` orders in closed sales spread across the existing groups, one order per
 * member of the group per sale. What a busy bot has after months: also one handled
 * message id per order and one sent outbox row per ten orders.
 */
export function seedClosedOrders(
  sqlite: Database.Database,
  orders: number,
  at: number,
  onProgress?: (done: number) => void,
): { sales: number } {
  const r = rng(7)
  const groups = groupsWithMembers(sqlite)
  const nextNo = sqlite.prepare('select id, next_sale_no as no from groups')
  const no = new Map((nextNo.all() as { id: number; no: number }[]).map((g) => [g.id, g.no]))
  const sale =
    sqlite.prepare(`insert into sales (group_id, no, title, price_fen, stock, deadline, state, created_at, closed_at, countdowns_done, next_alert_at)
    values (?, ?, ?, ?, null, ?, 'succeeded', ?, ?, '60,10', null)`)
  const item = sqlite.prepare(
    'insert into items (sale_id, name, price_fen, stock, is_default) values (?, ?, ?, null, 1)',
  )
  const order = sqlite.prepare(
    'insert into orders (sale_id, item_id, member_id, confirmed, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
  )
  const seen = sqlite.prepare('insert into inbound (msg_id, received_at) values (?, ?)')
  const out = sqlite.prepare(
    `insert into outbox (group_id, text, mentions, kind, created_at, not_before, attempts, sent_at) values (?, ?, '[]', 'digest', ?, ?, 1, ?)`,
  )
  const setNo = sqlite.prepare('update groups set next_sale_no = ? where id = ?')
  let written = 0
  let sales = 0
  // foreign keys are off while seeding only: every id written here was just read or created
  sqlite.pragma('foreign_keys = OFF')
  sqlite
    .transaction(() => {
      for (let s = 0; written < orders; s++) {
        const g = groups[s % groups.length]
        // spread over the past 400 days, oldest first
        const when = at - 400 * DAY + Math.floor((written / orders) * 390 * DAY)
        const n = no.get(g.groupId)!
        no.set(g.groupId, n + 1)
        const saleId = Number(sale.run(g.groupId, n, `往期团购${s}`, 3900, when, when - DAY, when).lastInsertRowid)
        const itemId = Number(item.run(saleId, `往期团购${s}`, 3900).lastInsertRowid)
        sales++
        for (const m of g.members) {
          if (written >= orders) break
          order.run(saleId, itemId, m, 1 + Math.floor(r() * 3), when - DAY / 2, when - DAY / 2)
          seen.run(`seed-${written}`, when - DAY / 2)
          if (written % 10 === 0) out.run(g.groupId, `【往期团购${s}】已接 ${written % 97} 份`, when, when, when)
          written++
          if (onProgress && written % 100_000 === 0) onProgress(written)
        }
      }
      for (const [id, n] of no) setNo.run(n, id)
    })
    .immediate()
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  return { sales }
}

/**
 * `count` open sales with countdowns still ahead, across `groups` new groups of
 * `perGroup` members, a few orders each; `overdue` of them passed their deadline
 * while the bot was down (start-up must close those).
 */
export function seedOpenSales(
  sqlite: Database.Database,
  count: number,
  groups: number,
  perGroup: number,
  overdue: number,
  at: number,
): void {
  const r = rng(11)
  const group = sqlite.prepare('insert into groups (topic, owner_name, created_at, next_sale_no) values (?, ?, ?, ?)')
  const member = sqlite.prepare('insert into members (group_id, name) values (?, ?)')
  const sale =
    sqlite.prepare(`insert into sales (group_id, no, title, price_fen, stock, limit_per_member, deadline, state, created_at, countdowns_done, next_alert_at)
    values (?, ?, ?, ?, ?, 3, ?, 'open', ?, '', ?)`)
  const item = sqlite.prepare(
    'insert into items (sale_id, name, price_fen, stock, is_default) values (?, ?, ?, null, 1)',
  )
  const order = sqlite.prepare(
    'insert or ignore into orders (sale_id, item_id, member_id, confirmed, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
  )
  const perSale = Math.ceil(count / groups)
  sqlite
    .transaction(() => {
      let s = 0
      for (let g = 0; g < groups; g++) {
        const groupId = Number(group.run(`恢复群${g + 1}`, `团长${g + 1}`, at - DAY, perSale + 1).lastInsertRowid)
        const members = Array.from({ length: perGroup }, (_, i) =>
          Number(member.run(groupId, `成员${g + 1}-${i + 1}`).lastInsertRowid),
        )
        for (let k = 0; k < perSale && s < count; k++, s++) {
          // the first `overdue` sales ended while the bot was down; the rest end 1 to 72 hours from now
          const deadline =
            s < overdue ? at - 3600_000 - Math.floor(r() * 3600_000) : at + 3600_000 + Math.floor(r() * 71 * 3600_000)
          const nextAlert = s < overdue ? deadline : deadline - 60 * 60_000
          const saleId = Number(
            sale.run(groupId, k + 1, `开放团${s}`, 2900, 100, deadline, at - DAY, nextAlert).lastInsertRowid,
          )
          const itemId = Number(item.run(saleId, `开放团${s}`, 2900).lastInsertRowid)
          for (let o = 0; o < 10; o++)
            order.run(saleId, itemId, members[Math.floor(r() * members.length)], 1, at - 3600_000, at - 3600_000)
        }
      }
    })
    .immediate()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
}
