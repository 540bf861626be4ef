import { checkCompletion, orderOf, updateParticipant } from '../src/engine/fulfilment.js'
import { fulfilmentSales, memberHits, noticeFor, oneHit, forNamed } from '../src/engine/scope.js'
import { userError, defineCommand, type Reply } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

/** 已取货 / 已收货: the member has the goods. An organizer may mark others: /picked @Lily. */
const picked = defineCommand({
  name: 'picked',
  aliases: ['/picked', '已取货', '已收货'],
  who: 'anyone',
  where: 'both',
  summary: t('cmd.picked.summary'),
  usage: t('cmd.picked.usage'),
  args: scopedArgs(200),
  parse: scopedOf,
  async run(ctx, scoped) {
    if (ctx.isOrganizer && (scoped.words.includes('@') || (ctx.msg.mentions ?? []).length > 0)) {
      const done = forNamed(ctx, scoped, ({ group, sale, name, order: o }) => {
        if (o.participant.deliveryState === 'delivered') return []
        updateParticipant(ctx.db, o.participant.id, { deliveryState: 'delivered' })
        const out: Reply[] = noticeFor(ctx, group, { notice: 'picked', member: name, saleId: sale.id, payload: {} })
        checkCompletion(ctx.db, sale.id, ctx.now)
        return out
      })
      if (done !== null) return done
    }
    const found = memberHits(
      ctx,
      scoped,
      (g) => fulfilmentSales(ctx.db, g),
      (s, id) => {
        const o = orderOf(ctx.db, s, id)
        return o !== undefined && o.participant.deliveryState !== 'delivered'
      },
      'succeeded',
    )
    const hit = oneHit(ctx, found.hits, () => userError('delivery.nothingToPick'), '已取货')
    const o = orderOf(ctx.db, hit.sale, hit.member.id)!
    updateParticipant(ctx.db, o.participant.id, { deliveryState: 'delivered' })
    const replies = noticeFor(ctx, hit.group, {
      notice: 'picked',
      member: hit.member.name,
      saleId: hit.sale.id,
      payload: {},
    })
    if (!ctx.group)
      replies.push({ kind: 'say', text: t('delivery.pickedPrivate', { no: hit.sale.no, title: hit.sale.title }) })
    checkCompletion(ctx.db, hit.sale.id, ctx.now)
    return replies
  },
})
export default picked
