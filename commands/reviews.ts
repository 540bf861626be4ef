import { z } from 'zod'
import { extractSaleRef } from '../src/core/join.js'
import { maskPhones } from '../src/core/privacy.js'
import { groupSales } from '../src/engine/scope.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { requireSale } from '../src/services/sales.js'
import { isRated, ratingsOf } from '../src/services/aftersales.js'

const SHOWN = 5

/** 看评价: average, distribution and a few comments for a sale (the latest one rated, or 团N). */
const reviews = defineCommand({
  name: 'reviews',
  aliases: ['/reviews', '看评价'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.reviews.summary'),
  usage: t('cmd.reviews.usage'),
  args: z.object({ ref: z.number().int().positive().nullable() }),
  parse: (rest) => ({ ref: extractSaleRef(rest).ref }),
  async run(ctx, { ref }) {
    const g = ctx.group
    const rated = groupSales(ctx.db, g.id).filter((s) => isRated(ctx.db, s.id))
    if (ref === null && rated.length === 0) throw userError('rating.none')
    const sale = requireSale(ctx.db, g, {
      ref,
      need: 'any',
      among: rated.slice(0, 1),
      phase: 'any',
      example: (no) => `/reviews 团${no}`,
      none: 'scope.noSale',
    })
    const rows = ratingsOf(ctx.db, sale.id)
    if (rows.length === 0) throw userError('rating.noneFor', { no: sale.no, title: sale.title })
    const avg = rows.reduce((s, x) => s + x.stars, 0) / rows.length
    const lines = [t('rating.header', { no: sale.no, title: sale.title, avg: avg.toFixed(1), count: rows.length })]
    for (let s = 5; s >= 1; s--) {
      const n = rows.filter((x) => x.stars === s).length
      lines.push(t('rating.bar', { stars: s, bar: '█'.repeat(n), n }))
    }
    const comments = rows.filter((x) => x.comment).slice(0, SHOWN)
    for (const c of comments)
      lines.push(t('rating.comment', { comment: maskPhones(c.comment!), name: c.name, stars: c.stars }))
    return [{ kind: 'say', text: lines.join('\n') }]
  },
})
export default reviews
