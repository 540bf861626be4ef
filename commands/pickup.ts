import { matchPoint } from '../src/core/delivery.js'
import { openSales } from '../src/engine/repo.js'
import { howToChoose, pointsOf, shipsOf } from '../src/engine/fulfilment.js'
import { chosenReplies, setDelivery, takesPart } from '../src/engine/delivery.js'
import { fulfilmentSales, memberHits, oneHit } from '../src/engine/scope.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'
import { t } from '../src/i18n/zh-CN.js'

/** 自提: choose (or change) the pickup point; the word is matched to the configured names. */
const pickup = defineCommand({
  name: 'pickup',
  aliases: ['/pickup', '自提'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.pickup.summary'),
  usage: t('cmd.pickup.usage'),
  args: scopedArgs(100),
  parse: scopedOf,
  async run(ctx, scoped) {
    const g = ctx.group
    const found = memberHits(
      ctx,
      scoped,
      () => [...openSales(ctx.db, g.id), ...fulfilmentSales(ctx.db, g.id)].filter((s) => pointsOf(s).length > 0),
      (s, id) => takesPart(ctx.db, s.id, id),
    )
    const hit = oneHit(ctx, found.hits, () => userError('delivery.nothingToChoose'), '自提 东门')
    const points = pointsOf(hit.sale)
    const m =
      points.length === 1 && found.rest === ''
        ? { ok: true as const, point: points[0] }
        : matchPoint(points, found.rest)
    if (!m.ok)
      throw userError('delivery.unknownPoint', { word: found.rest, how: howToChoose(points, shipsOf(hit.sale)) })
    const delivery = `pickup:${m.point}`
    return setDelivery(ctx.db, hit.sale, hit.member.id, delivery) === 'same'
      ? []
      : chosenReplies(ctx.db, hit.sale, hit.member, delivery)
  },
})
export default pickup
