import { z } from 'zod'
import { money, itemLabel } from '../src/core/render.js'
import { t } from '../src/i18n/zh-CN.js'
import { defineCommand, type Ctx } from '../src/engine/types.js'
import { currentItemFen, myFulfilment, soldIn } from '../src/engine/fulfilment.js'
import { holdings, memberIdsOf } from '../src/services/orders.js'
import { requireSomeGroup } from '../src/engine/scope.js'

const RECENT_MS = 14 * 24 * 3600_000

/** The member's open sales and those closed in the last two weeks, in this group or (privately) in all. */
function lines(ctx: Ctx): string[] {
  const who = ctx.member ? [ctx.member.id] : memberIdsOf(ctx.db, ctx.senderId)
  if (who.length === 0) return []
  const rows = holdings(ctx.db, who, ctx.now - RECENT_MS)
  const noted = new Set<number>()
  return rows.map((r) => {
    // an open sale with price tiers is shown at the tier its current total reached
    const unit = currentItemFen(r.sale, r.item.priceFen, soldIn(ctx.db, r.sale.id))
    const owes = r.sale.state === 'failed' || r.sale.state === 'aborted' ? 0 : r.confirmed * unit
    const line = t('my.line', {
      room: ctx.group ? null : r.room,
      no: r.sale.no,
      title: r.sale.title,
      item: r.item.isDefault ? '' : itemLabel(r.item.name),
      confirmed: r.confirmed,
      waiting: r.waiting,
      amount: money(owes),
      state: t(`state.${r.sale.state}`),
    })
    // payment and delivery once per sale
    if (noted.has(r.sale.id)) return line
    noted.add(r.sale.id)
    return line + myFulfilment(ctx.db, r.sale, who)
  })
}

const my = defineCommand({
  name: 'my',
  aliases: ['/my', '我的'],
  who: 'anyone',
  where: 'both',
  summary: t('cmd.my.summary'),
  usage: t('cmd.my.usage'),
  args: z.object({}).strict(),
  parse: () => ({}),
  async run(ctx) {
    requireSomeGroup(ctx)
    const list = lines(ctx)
    const text = list.length === 0 ? t('my.none') : [t('my.header', { who: ctx.sender }), ...list].join('\n')
    return [{ kind: 'say', text }]
  },
})
export default my
