import { parseCount } from '../src/core/quantity.js'
import { orderOf } from '../src/engine/fulfilment.js'
import { groupSales, memberHits, oneHit } from '../src/engine/scope.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { saveRating } from '../src/services/aftersales.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'
import { t } from '../src/i18n/zh-CN.js'

/** '5 很甜', '5星 很甜', '五星', '4分' → stars and comment. */
export function parseRating(text: string): { stars: number; comment: string | null } | null {
  const m = /^([1-5一二三四五])\s*(?:星|分|颗星)?\s*(.*)$/s.exec(text.trim())
  if (!m) return null
  const stars = parseCount(m[1])
  if (stars === null || stars < 1 || stars > 5) return null
  return { stars, comment: m[2].trim().slice(0, 200) || null }
}

/** 评分: 1–5 stars with an optional comment, once the member has the goods; saying it again replaces it. */
const rate = defineCommand({
  name: 'rate',
  aliases: ['/rate', '评分', '评价'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.rate.summary'),
  usage: t('cmd.rate.usage'),
  args: scopedArgs(300),
  parse: scopedOf,
  async run(ctx, scoped) {
    const found = memberHits(
      ctx,
      scoped,
      (g) => groupSales(ctx.db, g).filter((s) => s.state === 'succeeded'),
      (s, id) => {
        const o = orderOf(ctx.db, s, id)
        return o !== undefined && (s.completedAt !== null || o.participant.deliveryState === 'delivered')
      },
    )
    const r = parseRating(found.rest)
    if (!r) throw userError('rating.bad')
    // the latest sale the member received, unless 团N is given
    const hits = found.ref !== null ? found.hits : found.hits.slice(0, 1)
    const hit = oneHit(ctx, hits, () => userError('rating.nothing'), '/rate 5')
    saveRating(ctx.db, hit.sale.id, hit.member.id, r.stars, r.comment, ctx.now)
    return [
      { kind: 'notice', notice: 'rated', member: hit.member.name, saleId: hit.sale.id, payload: { stars: r.stars } },
    ]
  },
})
export default rate
