import { matchPoint, pickupOf } from '../src/core/delivery.js'
import { Mentions } from '../src/core/render.js'
import { howToChoose, linesText, pointsOf, saleOrders, shipsOf, updateParticipant } from '../src/engine/fulfilment.js'
import { fulfilmentSales } from '../src/engine/scope.js'
import { MENTION_CAP } from '../src/engine/sales.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { requireSale } from '../src/services/sales.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

/** 到货: goods wait at a pickup point; one message @mentions everyone who collects there. */
const arrived = defineCommand({
  name: 'arrived',
  aliases: ['/arrived', '到货'],
  who: 'organizer',
  where: 'group',
  summary: t('cmd.arrived.summary'),
  usage: t('cmd.arrived.usage'),
  args: scopedArgs(100),
  parse: scopedOf,
  async run(ctx, { ref, words: word }) {
    const g = ctx.group
    const sale = requireSale(ctx.db, g, {
      ref,
      need: 'succeeded',
      among: fulfilmentSales(ctx.db, g.id),
      phase: 'any',
      example: (no) => `/arrived 团${no}`,
      none: 'scope.noSale',
    })
    const points = pointsOf(sale)
    let point: string | null = null
    if (points.length > 0) {
      const m = points.length === 1 && word === '' ? { ok: true as const, point: points[0] } : matchPoint(points, word)
      if (!m.ok) throw userError('delivery.unknownPoint', { word, how: howToChoose(points, shipsOf(sale)) })
      point = m.point
    }
    // without pickup points, "arrived" means the goods are here for everyone not shipped
    const here = saleOrders(ctx.db, sale).filter(
      (o) =>
        o.participant.deliveryState !== 'delivered' &&
        (point !== null ? pickupOf(o.participant.delivery) === point : o.participant.delivery !== 'ship'),
    )
    if (here.length === 0) throw userError('delivery.nobodyAt', { point: point ?? sale.title })
    for (const o of here)
      if (o.participant.deliveryState === 'pending')
        updateParticipant(ctx.db, o.participant.id, { deliveryState: 'ready' })
    const m = new Mentions(MENTION_CAP)
    const list = here.map((o) => `${m.at(o.name)} ${linesText(o)}`).join('\n')
    return [
      {
        kind: 'say',
        tag: 'event',
        mentions: m.names,
        text: t('delivery.arrived', { no: sale.no, title: sale.title, point, count: here.length, list }),
      },
    ]
  },
})
export default arrived
