// Gathers the rows /stats and the workbook need; the figures themselves are pure (core/stats.ts).
import { eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { intentCommits, intents, ratings, tickets } from '../db/schema.js'
import { groupStats, saleStats, type GroupSale, type GroupStats, type SaleStats } from '../core/stats.js'
import { groupById, type SaleRow } from './repo.js'
import { saleOrders } from './fulfilment.js'
import { groupSales } from './scope.js'

export function statsOfSale(db: Db, sale: SaleRow): SaleStats {
  const owes = sale.state === 'succeeded' || sale.state === 'open'
  const orders = owes ? saleOrders(db, sale) : []
  return saleStats(
    orders.map((o) => ({
      memberId: o.memberId,
      lines: o.lines.length,
      units: o.units,
      goodsFen: o.goodsFen,
      refundFen: o.refundFen,
      paid: o.participant.paid,
      delivery: o.participant.delivery,
      state: o.participant.deliveryState,
    })),
    db
      .select({ s: ratings.stars })
      .from(ratings)
      .where(eq(ratings.saleId, sale.id))
      .all()
      .map((r) => r.s),
    db.select().from(tickets).where(eq(tickets.saleId, sale.id)).all(),
  )
}

const monthOf = (ms: number, tz: string) => {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit' }).formatToParts(ms)
  return `${p.find((x) => x.type === 'year')!.value}-${p.find((x) => x.type === 'month')!.value}`
}

export function statsOfGroup(db: Db, groupId: number): GroupStats {
  const g = groupById(db, groupId)
  const list = groupSales(db, groupId)
  const buyersOf = new Map<number, number[]>()
  const rows: GroupSale[] = list.map((s) => {
    const orders = s.state === 'succeeded' ? saleOrders(db, s) : []
    buyersOf.set(
      s.id,
      orders.map((o) => o.memberId),
    )
    return {
      state: s.state,
      month: s.closedAt === null ? null : monthOf(s.closedAt, g.tz),
      gmvFen: orders.reduce((x, o) => x + o.goodsFen, 0),
      refundFen: orders.reduce((x, o) => x + o.refundFen, 0),
      buyers: orders.map((o) => o.memberId),
    }
  })
  const its = db
    .select()
    .from(intents)
    .where(eq(intents.groupId, groupId))
    .all()
    .map((i) => ({
      launched: i.saleId !== null,
      committers: db
        .select({ m: intentCommits.memberId })
        .from(intentCommits)
        .where(eq(intentCommits.intentId, i.id))
        .all()
        .map((r) => r.m),
      buyers: i.saleId === null ? [] : (buyersOf.get(i.saleId) ?? []),
    }))
  return groupStats(rows, its)
}
