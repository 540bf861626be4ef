// Orders and the waitlist: what a join does. /join, 需求3 +2 and 想要 … +2 all end here.
import { z } from 'zod'
import * as rules from '../core/sale.js'
import { loadBook, openSales, saveBook, type SaleRow } from '../engine/repo.js'
import { pickItem } from '../engine/pick.js'
import { noteSoldOut, promotionNotices } from '../engine/sales.js'
import { deliveryFromJoin } from '../engine/delivery.js'
import { committedTo, routeJoin, type RoutedJoin } from '../engine/intents.js'
import { enterLottery, lotteryOpen } from '../engine/lottery.js'
import { noteSource } from '../engine/orderSource.js'
import type { Ctx, Reply } from '../engine/types.js'
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

export async function joinSale(ctx: Ctx, intent: RoutedJoin): Promise<Reply[]> {
  // open intents (意向) may take the join, or make it ambiguous
  const routed = routeJoin(ctx, intent)
  if (routed) return routed
  const group = ctx.group!
  const member = ctx.member!
  const open = openSales(ctx.db, group.id)
  // books are loaded only for the sales a join could be about (usually one)
  const books = new Map<number, rules.Book>()
  const bookOf = (s: SaleRow) => books.get(s.id) ?? books.set(s.id, loadBook(ctx.db, s)).get(s.id)!
  const ask = (question: string | null): Reply[] =>
    question === null ? [] : [{ kind: 'notice', notice: 'ask', member: member.name, payload: { question } }]

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
