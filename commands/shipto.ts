import { openSales } from '../src/engine/repo.js'
import { shipsOf } from '../src/engine/fulfilment.js'
import { chosenReplies, setDelivery, takesPart } from '../src/engine/delivery.js'
import { fulfilmentSales, memberHits, oneHit } from '../src/engine/scope.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'
import { t } from '../src/i18n/zh-CN.js'

/** 寄快递: have the goods shipped; the address itself is only ever given in a private chat. */
const shipTo = defineCommand({
  name: 'ship-to',
  aliases: ['/ship-to', '/shipto', '寄快递', '要快递'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.ship-to.summary'),
  usage: t('cmd.ship-to.usage'),
  args: scopedArgs(100),
  parse: scopedOf,
  async run(ctx, scoped) {
    const g = ctx.group
    const all = [...openSales(ctx.db, g.id), ...fulfilmentSales(ctx.db, g.id)]
    const found = memberHits(
      ctx,
      scoped,
      () => all.filter(shipsOf),
      (s, id) => takesPart(ctx.db, s.id, id),
    )
    const hit = oneHit(
      ctx,
      found.hits,
      () => (all.some(shipsOf) ? userError('delivery.nothingToChoose') : userError('delivery.noShippingAny')),
      '/ship-to',
    )
    return setDelivery(ctx.db, hit.sale, hit.member.id, 'ship') === 'same'
      ? []
      : chosenReplies(ctx.db, hit.sale, hit.member, 'ship')
  },
})
export default shipTo
