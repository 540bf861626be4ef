// Orders and the waitlist: what a join does. /join, 需求3 +2 and 想要 … +2 all end here.
import { z } from 'zod'
import { and, eq, gt, inArray, or } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, items, members, orders, sales, waitlist } from '../db/schema.js'
import * as rules from '../core/sale.js'
import { loadBook, openSales, saveBook, type SaleRow } from '../engine/repo.js'
import { pickItem } from '../engine/pick.js'
import { noteSoldOut, promotionNotices } from '../engine/sales.js'
import { deliveryFromJoin } from '../engine/delivery.js'
import { committedTo, routeJoin, type RoutedJoin } from '../engine/intents.js'
import { enterLottery, lotteryOpen } from '../engine/lottery.js'
import { noteSource } from '../engine/orderSource.js'
import { askBack, type Reply, type GroupCtx } from '../engine/types.js'
import { findSale } from './sales.js'

/** A join as the reader gives it: a total (`set`) or more (`add`), maybe a sale or an intent by number. */
export const joinArgs = z.object({
  mode: z.enum(['set', 'add']),
  quantity: z.number().int().min(1).max(999),
  saleRef: z.number().int().positive().nullable(),
  rest: z.string(),
  // '#需求3 +2' commits intent instead of ordering
  intentRef: z.number().int().positive().optional(),
})
export type JoinArgs = z.infer<typeof joinArgs>

export async function joinSale(ctx: GroupCtx, intent: RoutedJoin): Promise<Reply[]> {
  // open intents (意向) may take the join, or make it ambiguous
  const routed = routeJoin(ctx, intent)
  if (routed) return routed
  const group = ctx.group
  const member = ctx.member
  const open = openSales(ctx.db, group.id)
  // books are loaded only for the sales a join could be about (usually one)
  const books = new Map<number, rules.Book>()
  const bookOf = (s: SaleRow) => books.get(s.id) ?? books.set(s.id, loadBook(ctx.db, s)).get(s.id)!
  const ask = (question: string | null): Reply[] => (question === null ? [] : [askBack(member.name, question)])

  // with no open sale a join is chatter: nothing is asked back
  const found = findSale(ctx.db, group, {
    ref: intent.saleRef, need: 'open', among: open, phase: 'open', words: { text: intent.rest, bookOf },
    example: (no) => `#${no} +1`, none: null,
  })
  if (!found.ok) return ask(found.refusal?.reply ?? null)
  const sale = found.sale
  const before = bookOf(sale)
  const item = pickItem(sale, before, intent.rest)
  if (!item.ok) return ask(item.question)
  if (lotteryOpen(ctx.db, sale, ctx.now)) {
    return [...enterLottery(ctx.db, sale, before, member, item.value, intent.quantity, intent.mode, ctx.now), ...deliveryFromJoin(ctx.db, sale, member, intent.rest)]
  }

  const r = rules.join(before, member.id, item.value, intent.quantity, intent.mode)
  // delivery words (+2 自提东门, +1 快递) count even when the quantity is unchanged
  const delivery = deliveryFromJoin(ctx.db, sale, member, intent.rest)
  if (r.unchanged && !r.capped) return delivery
  saveBook(ctx.db, sale.id, before, r.book, ctx.now)
  noteSource(ctx.db, sale.id, before, r.book, member.id, item.value, committedTo(ctx.db, sale, member.id) ? 'intent' : 'join', null, ctx.now)
  noteSoldOut(ctx.db, sale, r.book, ctx.now)

  const itemName = before.items.find((i) => i.id === item.value)!.name
  const base = { member: member.name, saleId: sale.id }
  const replies: Reply[] = []
  if (r.confirmed + r.waiting === 0) replies.push({ kind: 'notice', notice: 'cancelled', ...base, payload: { item: itemName } })
  else if (r.waiting > 0) replies.push({ kind: 'notice', notice: 'waitlisted', ...base, payload: { got: r.confirmed, waiting: r.waiting, item: itemName } })
  else if (!r.capped) replies.push({ kind: 'notice', notice: 'ack', ...base, payload: { qty: r.confirmed, item: itemName } })
  if (r.capped) replies.push({ kind: 'notice', notice: 'capped', ...base, payload: { limit: before.limit, got: r.confirmed + r.waiting } })
  replies.push(...promotionNotices(ctx.db, sale, r.book, r.promotions))
  return [...replies, ...delivery]
}

/** Every member row of that name, across the groups (a private chat speaks for all of them). */
export const memberIdsNamed = (db: Db, name: string): number[] =>
  db.select({ id: members.id }).from(members).where(eq(members.name, name)).all().map((m) => m.id)

export type Holding = { sale: typeof sales.$inferSelect; item: typeof items.$inferSelect; room: string; confirmed: number; waiting: number }

/** What the members hold or wait for, per sale and item: open sales and those closed after `since`. */
export function holdings(db: Db, who: number[], since: number): Holding[] {
  const recent = or(eq(sales.state, 'open'), gt(sales.closedAt, since))
  const held = db.select({ sale: sales, item: items, qty: orders.confirmed, room: groups.topic })
    .from(orders).innerJoin(sales, eq(orders.saleId, sales.id)).innerJoin(items, eq(orders.itemId, items.id))
    .innerJoin(groups, eq(sales.groupId, groups.id))
    .where(and(inArray(orders.memberId, who), gt(orders.confirmed, 0), recent)).all()
  const waits = db.select({ sale: sales, item: items, qty: waitlist.qty, room: groups.topic })
    .from(waitlist).innerJoin(sales, eq(waitlist.saleId, sales.id)).innerJoin(items, eq(waitlist.itemId, items.id))
    .innerJoin(groups, eq(sales.groupId, groups.id))
    .where(and(inArray(waitlist.memberId, who), recent)).all()
  const rows = new Map<string, Holding>()
  for (const h of held) rows.set(`${h.sale.id}:${h.item.id}`, { ...h, confirmed: h.qty, waiting: 0 })
  for (const w of waits) {
    const key = `${w.sale.id}:${w.item.id}`
    const r = rows.get(key) ?? { ...w, confirmed: 0, waiting: 0 }
    r.waiting += w.qty
    rows.set(key, r)
  }
  return [...rows.values()].sort((a, b) => a.sale.id - b.sale.id || a.item.id - b.item.id)
}
