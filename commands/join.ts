import { z } from 'zod'
import { parseRoutedJoin } from '../src/core/intent.js'
import * as rules from '../src/core/sale.js'
import { loadBook, openSales, saleByNo, saveBook, type SaleRow } from '../src/engine/repo.js'
import { pickItem, pickSale } from '../src/engine/pick.js'
import { noteSoldOut, promotionNotices } from '../src/engine/sales.js'
import { deliveryFromJoin } from '../src/engine/delivery.js'
import { committedTo, routeJoin, type RoutedJoin } from '../src/engine/intents.js'
import { enterLottery, lotteryOpen } from '../src/engine/lottery.js'
import { noteSource } from '../src/engine/orderSource.js'
import { t } from '../src/i18n/zh-CN.js'
import type { CommandSpec, Reply } from '../src/engine/types.js'

const args = z.object({
  mode: z.enum(['set', 'add']),
  quantity: z.number().int().min(1).max(999),
  saleRef: z.number().int().positive().nullable(),
  rest: z.string(),
  // issue 3: '#需求3 +2' commits intent instead of ordering
  intentRef: z.number().int().positive().optional(),
})

const join: CommandSpec<RoutedJoin> = {
  name: 'join',
  aliases: ['/join', '接龙'],
  who: 'anyone',
  where: 'group',
  summary: '接龙：说出你要的总数，如 +2、我要两盒、+1 大果；加购用「再加1份」',
  usage: '+2',
  args: args as z.ZodType<RoutedJoin>,
  // `/join 2` and `接龙 2` arrive here with the command word removed
  parse: (rest) => parseRoutedJoin(`/join ${rest}`),
  match: (text) => parseRoutedJoin(text),
  async run(ctx, intent) {
    // open intents (意向) may take the join, or make it ambiguous (issue 3)
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

    const ended = intent.saleRef !== null && !open.some((s) => s.no === intent.saleRef) && saleByNo(ctx.db, group.id, intent.saleRef)
    if (ended) return ask(t('sale.notOpen', { no: intent.saleRef! }))
    const sale = pickSale(open, bookOf, intent.saleRef, intent.rest)
    if (!sale.ok) {
      // a sale that exists but has closed gets a clearer answer than "not found"
      const closed = intent.saleRef !== null ? saleByNo(ctx.db, group.id, intent.saleRef) : undefined
      return ask(closed ? t('sale.notOpen', { no: closed.no }) : sale.question)
    }
    const before = bookOf(sale.value)
    const item = pickItem(sale.value, before, intent.rest)
    if (!item.ok) return ask(item.question)
    if (lotteryOpen(ctx.db, sale.value, ctx.now)) {
      return [...enterLottery(ctx.db, sale.value, before, member, item.value, intent.quantity, intent.mode, ctx.now), ...deliveryFromJoin(ctx.db, sale.value, member, intent.rest)]
    }

    const r = rules.join(before, member.id, item.value, intent.quantity, intent.mode)
    // delivery words (+2 自提东门, +1 快递) count even when the quantity is unchanged
    const delivery = deliveryFromJoin(ctx.db, sale.value, member, intent.rest)
    if (r.unchanged && !r.capped) return delivery
    saveBook(ctx.db, sale.value.id, before, r.book, ctx.now)
    noteSource(ctx.db, sale.value.id, before, r.book, member.id, item.value, committedTo(ctx.db, sale.value, member.id) ? 'intent' : 'join', null, ctx.now)
    noteSoldOut(ctx.db, sale.value, r.book, ctx.now)

    const itemName = before.items.find((i) => i.id === item.value)!.name
    const base = { member: member.name, saleId: sale.value.id }
    const replies: Reply[] = []
    if (r.confirmed + r.waiting === 0) replies.push({ kind: 'notice', notice: 'cancelled', ...base, payload: { item: itemName } })
    else if (r.waiting > 0) replies.push({ kind: 'notice', notice: 'waitlisted', ...base, payload: { got: r.confirmed, waiting: r.waiting, item: itemName } })
    else if (!r.capped) replies.push({ kind: 'notice', notice: 'ack', ...base, payload: { qty: r.confirmed, item: itemName } })
    if (r.capped) replies.push({ kind: 'notice', notice: 'capped', ...base, payload: { limit: before.limit, got: r.confirmed + r.waiting } })
    replies.push(...promotionNotices(ctx.db, sale.value, r.book, r.promotions))
    return [...replies, ...delivery]
  },
}
export default join
