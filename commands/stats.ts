import { groupRows, saleRows, table } from '../src/core/stats.js'
import { statsOfGroup, statsOfSale } from '../src/engine/stats.js'
import { chooseGroup, groupSales } from '../src/engine/scope.js'
import { defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { requireSale } from '../src/services/sales.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

/** 数据: a sale's figures (the latest closed sale, or 团N) and the group's, as text tables. */
const stats = defineCommand({
  name: 'stats',
  aliases: ['/stats', '数据'],
  who: 'organizer',
  where: 'both',
  summary: t('cmd.stats.summary'),
  usage: t('cmd.stats.usage'),
  args: scopedArgs(100),
  parse: scopedOf,
  async run(ctx, { ref, words }) {
    const { group } = chooseGroup(ctx, words, 'organizer')
    const closed = groupSales(ctx.db, group.id).filter((s) => s.state !== 'open')
    const parts: string[] = []
    if (ref !== null || closed.length > 0) {
      const sale = requireSale(ctx.db, group, {
        ref,
        need: 'any',
        among: closed.slice(0, 1),
        phase: 'any',
        example: (no) => `/stats 团${no}`,
        none: 'scope.noSale',
      })
      parts.push(
        t('stats.saleHeader', { no: sale.no, title: sale.title, state: t(`state.${sale.state}`) }),
        table(saleRows(statsOfSale(ctx.db, sale))),
      )
    }
    parts.push(t('stats.groupHeader', { room: group.topic }), table(groupRows(statsOfGroup(ctx.db, group.id))))
    return [{ kind: 'say', text: parts.join('\n') }]
  },
})
export default stats
