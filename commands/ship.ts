import { z } from 'zod'
import { parseShipLines } from '../src/core/delivery.js'
import { looseKey } from '../src/core/text.js'
import { saleOrders, updateParticipant } from '../src/engine/fulfilment.js'
import { chooseGroup, fulfilmentSales, noticeFor } from '../src/engine/scope.js'
import { userError, defineCommand, type Reply } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { requireSale } from '../src/services/sales.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

const usage = t('cmd.ship.usage')

/**
 * 发货: tracking numbers, one `Name NUMBER` per line (or CSV `Name,NUMBER[,carrier]` pasted
 * privately). The members are @mentioned in one digest, each with carrier and number.
 */
const ship = defineCommand({
  name: 'ship',
  aliases: ['/ship', '发货'],
  who: 'organizer',
  where: 'both',
  summary: t('cmd.ship.summary'),
  usage,
  args: z.object({
    scope: scopedArgs(200),
    parsed: z.object({
      lines: z.array(
        z.object({ name: z.string().min(1), carrier: z.string().nullable(), tracking: z.string().min(1) }),
      ),
      bad: z.array(z.string()),
    }),
  }),
  parse(rest) {
    const lines = rest.split('\n')
    // the first line is the scope (团1, the group's name) unless it is already an entry
    const scopeLine = parseShipLines(lines[0]).lines.length > 0 ? '' : (lines.shift() ?? '')
    return { scope: scopedOf(scopeLine), parsed: parseShipLines(lines.join('\n')) }
  },
  async run(ctx, { scope, parsed }) {
    const { group } = chooseGroup(ctx, scope.words, 'organizer')
    const sale = requireSale(ctx.db, group, {
      ref: scope.ref,
      need: 'succeeded',
      among: fulfilmentSales(ctx.db, group.id),
      phase: 'any',
      example: (no) => `/ship 团${no}`,
      none: 'scope.noSale',
    })
    if (parsed.lines.length === 0) throw userError('error.badArgs', { usage })
    const list = saleOrders(ctx.db, sale)
    const replies: Reply[] = []
    const unknown: string[] = []
    let done = 0
    for (const l of parsed.lines) {
      const o = list.find((x) => x.name === l.name) ?? list.find((x) => looseKey(x.name) === looseKey(l.name))
      if (!o) {
        unknown.push(l.name)
        continue
      }
      const carrier = l.carrier ?? '快递'
      updateParticipant(ctx.db, o.participant.id, {
        delivery: 'ship',
        carrier,
        tracking: l.tracking,
        deliveryState: o.participant.deliveryState === 'delivered' ? 'delivered' : 'ready',
      })
      replies.push(
        ...noticeFor(ctx, group, {
          notice: 'shipped',
          member: o.name,
          saleId: sale.id,
          payload: { carrier, tracking: l.tracking },
        }),
      )
      done++
    }
    // in the group the digest says it all; problems and private use get an answer
    if (!ctx.group || unknown.length > 0 || parsed.bad.length > 0) {
      replies.push({
        kind: 'say',
        text: t('delivery.shipDone', {
          no: sale.no,
          title: sale.title,
          done,
          unknown: unknown.join('、') || null,
          bad: parsed.bad.join(' / ') || null,
        }),
      })
    }
    return replies
  },
})
export default ship
