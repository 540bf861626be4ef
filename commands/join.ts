import { z } from 'zod'
import { parseJoin, type JoinIntent } from '../src/core/join.js'
import * as rules from '../src/core/sale.js'
import { loadBook, openSales, saleByNo, saveBook } from '../src/engine/repo.js'
import { pickItem, pickSale } from '../src/engine/pick.js'
import { noteSoldOut, promotionNotices } from '../src/engine/sales.js'
import { t } from '../src/i18n/zh-CN.js'
import type { CommandSpec, Reply } from '../src/engine/types.js'

const args = z.object({
  mode: z.enum(['set', 'add']),
  quantity: z.number().int().min(1).max(999),
  saleRef: z.number().int().positive().nullable(),
  rest: z.string(),
})

const join: CommandSpec<JoinIntent> = {
  name: 'join',
  aliases: ['/join', '接龙'],
  who: 'anyone',
  where: 'group',
  summary: '接龙：说出你要的总数，如 +2、我要两盒、+1 大果；加购用「再加1份」',
  usage: '+2',
  args: args as z.ZodType<JoinIntent>,
  // `/join 2` and `接龙 2` arrive here with the command word removed
  parse: (rest) => parseJoin(`/join ${rest}`),
  match: (text) => parseJoin(text),
  run(ctx, intent) {
    const group = ctx.group!
    const member = ctx.member!
    const open = openSales(ctx.db, group.id)
    const books = new Map(open.map((s) => [s.id, loadBook(ctx.db, s)]))
    const ask = (question: string | null): Reply[] =>
      question === null ? [] : [{ kind: 'notice', notice: 'ask', member: member.name, payload: { question } }]

    const ended = intent.saleRef !== null && !open.some((s) => s.no === intent.saleRef) && saleByNo(ctx.db, group.id, intent.saleRef)
    if (ended) return ask(t('sale.notOpen', { no: intent.saleRef! }))
    const sale = pickSale(open, books, intent.saleRef, intent.rest)
    if (!sale.ok) {
      // a sale that exists but has closed gets a clearer answer than "not found"
      const closed = intent.saleRef !== null ? saleByNo(ctx.db, group.id, intent.saleRef) : undefined
      return ask(closed ? t('sale.notOpen', { no: closed.no }) : sale.question)
    }
    const before = books.get(sale.value.id)!
    const item = pickItem(sale.value, before, intent.rest)
    if (!item.ok) return ask(item.question)

    const r = rules.join(before, member.id, item.value, intent.quantity, intent.mode)
    if (r.unchanged && !r.capped) return []
    saveBook(ctx.db, sale.value.id, before, r.book, ctx.now)
    noteSoldOut(ctx.db, sale.value, r.book, ctx.now)

    const itemName = before.items.find((i) => i.id === item.value)!.name
    const base = { member: member.name, saleId: sale.value.id }
    const replies: Reply[] = []
    if (r.confirmed + r.waiting === 0) replies.push({ kind: 'notice', notice: 'cancelled', ...base, payload: { item: itemName } })
    else if (r.waiting > 0) replies.push({ kind: 'notice', notice: 'waitlisted', ...base, payload: { got: r.confirmed, waiting: r.waiting, item: itemName } })
    else if (!r.capped) replies.push({ kind: 'notice', notice: 'ack', ...base, payload: { qty: r.confirmed, item: itemName } })
    if (r.capped) replies.push({ kind: 'notice', notice: 'capped', ...base, payload: { limit: before.limit, got: r.confirmed + r.waiting } })
    replies.push(...promotionNotices(ctx.db, sale.value, r.book, r.promotions))
    return replies
  },
}
export default join
