import { pickupOf } from '../src/core/delivery.js'
import { linesText, pointsOf, saleOrders } from '../src/engine/fulfilment.js'
import { chooseGroup, fulfilmentSales } from '../src/engine/scope.js'
import { defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { requireSale } from '../src/services/sales.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

/** 未取货: who has not collected yet, per pickup point, plus parcels not yet sent or confirmed. */
const notPicked = defineCommand({
  name: 'notpicked',
  aliases: ['/notpicked', '未取货'],
  who: 'organizer',
  where: 'both',
  summary: t('cmd.notpicked.summary'),
  usage: t('cmd.notpicked.usage'),
  args: scopedArgs(100),
  parse: scopedOf,
  async run(ctx, { ref, words }) {
    const { group } = chooseGroup(ctx, words, 'organizer')
    const sale = requireSale(ctx.db, group, {
      ref,
      need: 'succeeded',
      among: fulfilmentSales(ctx.db, group.id),
      phase: 'any',
      example: (no) => `/notpicked 团${no}`,
      none: 'scope.noSale',
    })
    const open = saleOrders(ctx.db, sale).filter(
      (o) => o.participant.deliveryState !== 'delivered' && o.refundFen < o.goodsFen,
    )
    if (open.length === 0) return [{ kind: 'say', text: t('delivery.allPicked', { no: sale.no, title: sale.title }) }]
    const lines = [t('delivery.notPickedHeader', { no: sale.no, title: sale.title, count: open.length })]
    const entry = (list: typeof open) => list.map((o) => `${o.name} ${linesText(o)}`).join('、')
    for (const p of pointsOf(sale)) {
      const here = open.filter((o) => pickupOf(o.participant.delivery) === p)
      if (here.length > 0)
        lines.push(
          t('delivery.notPickedPoint', {
            point: p,
            arrived: here.some((o) => o.participant.deliveryState === 'ready'),
            list: entry(here),
          }),
        )
    }
    const toShip = open.filter((o) => o.participant.delivery === 'ship' && o.participant.deliveryState === 'pending')
    const inTransit = open.filter((o) => o.participant.delivery === 'ship' && o.participant.deliveryState === 'ready')
    const undecided = open.filter((o) => o.participant.delivery === null)
    if (toShip.length > 0) lines.push(t('delivery.notShipped', { list: entry(toShip) }))
    if (inTransit.length > 0) lines.push(t('delivery.inTransit', { list: entry(inTransit) }))
    if (undecided.length > 0) lines.push(t('delivery.undecidedList', { list: entry(undecided) }))
    return [{ kind: 'say', text: lines.join('\n') }]
  },
})
export default notPicked
