import { money } from '../src/core/render.js'
import { orderOf, updateParticipant } from '../src/engine/fulfilment.js'
import { releaseIfUnpaid, remindUnpaid } from '../src/engine/payment.js'
import { fulfilmentSales, memberHits, noticeFor, oneHit, forNamed } from '../src/engine/scope.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

/**
 * 已付款: a member says they paid (with an optional note such as the transfer's last digits);
 * an organizer confirms with @names. The bot only records; it never touches money.
 */
const paid = defineCommand({
  name: 'paid',
  aliases: ['/paid', '已付款', '已付', '已转账'],
  who: 'anyone',
  where: 'both',
  summary: t('cmd.paid.summary'),
  usage: t('cmd.paid.usage'),
  args: scopedArgs(300),
  parse: scopedOf,
  jobs: {
    'pay.remind': async (db, saleId, now) => remindUnpaid(db, saleId, now),
    'pay.grace': async (db, participantId, now) => releaseIfUnpaid(db, participantId, now),
  },
  async run(ctx, scoped) {
    if (ctx.isOrganizer && (scoped.words.includes('@') || (ctx.msg.mentions ?? []).length > 0)) {
      const done = forNamed(ctx, scoped, ({ group, sale, name, order: o }) => {
        updateParticipant(ctx.db, o.participant.id, { paid: 'yes' })
        const notice = noticeFor(ctx, group, { notice: 'paidConfirmed', member: name, saleId: sale.id, payload: {} })
        return ctx.group
          ? notice
          : [
              ...notice,
              {
                kind: 'say',
                text: t('pay.confirmedPrivate', { name, no: sale.no, title: sale.title, amount: money(o.dueFen) }),
              },
            ]
      })
      if (done !== null) return done
    }
    const note = scoped.words.replace(/@\S+/g, ' ').replace(/\s+/g, ' ').trim()
    const found = memberHits(
      ctx,
      { ref: scoped.ref, words: note },
      (g) => fulfilmentSales(ctx.db, g),
      (s, id) => {
        const o = orderOf(ctx.db, s, id)
        return o !== undefined && o.participant.paid !== 'yes'
      },
      'succeeded',
    )
    const hit = oneHit(ctx, found.hits, () => userError('pay.nothingDue'), '已付款')
    const o = orderOf(ctx.db, hit.sale, hit.member.id)!
    updateParticipant(ctx.db, o.participant.id, { paid: 'reported', paidNote: found.rest || null })
    const replies = noticeFor(ctx, hit.group, {
      notice: 'paidReported',
      member: hit.member.name,
      saleId: hit.sale.id,
      payload: {},
    })
    if (!ctx.group)
      replies.push({
        kind: 'say',
        text: t('pay.reportedPrivate', { no: hit.sale.no, title: hit.sale.title, amount: money(o.dueFen) }),
      })
    return replies
  },
})
export default paid
