import { orderOf } from '../src/engine/fulfilment.js'
import { groupSales, memberHits } from '../src/engine/scope.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

/** 查快递: a member's own tracking numbers. */
const track = defineCommand({
  name: 'track',
  aliases: ['/track', '查快递', '物流'],
  who: 'anyone',
  where: 'both',
  summary: t('cmd.track.summary'),
  usage: t('cmd.track.usage'),
  args: scopedArgs(100),
  parse: scopedOf,
  async run(ctx, scoped) {
    const found = memberHits(
      ctx,
      scoped,
      (g) => groupSales(ctx.db, g).filter((s) => s.state === 'succeeded'),
      (s, id) => !!orderOf(ctx.db, s, id)?.participant.tracking,
      'succeeded',
    )
    if (found.hits.length === 0) throw userError('delivery.noTracking')
    const lines = found.hits.map((h) => {
      const p = orderOf(ctx.db, h.sale, h.member.id)!.participant
      return t('delivery.trackLine', {
        room: ctx.group ? null : h.group.topic,
        no: h.sale.no,
        title: h.sale.title,
        carrier: p.carrier ?? '快递',
        tracking: p.tracking!,
        delivered: p.deliveryState === 'delivered',
      })
    })
    return [{ kind: 'say', text: [t('delivery.trackHeader', { name: ctx.sender }), ...lines].join('\n') }]
  },
})
export default track
