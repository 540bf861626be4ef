import { money } from '../src/core/render.js'
import { maskPhones } from '../src/core/privacy.js'
import { saleOrders, updateParticipant } from '../src/engine/fulfilment.js'
import { chooseGroup, fulfilmentSales, noticeFor, forNamed } from '../src/engine/scope.js'
import { defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { requireSale } from '../src/services/sales.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

/** 未付款: `/unpaid` lists who still owes; `/unpaid @Lily` rejects a payment the organizer could not find. */
const unpaid = defineCommand({
  name: 'unpaid',
  aliases: ['/unpaid', '未付款'],
  who: 'organizer',
  where: 'both',
  summary: t('cmd.unpaid.summary'),
  usage: t('cmd.unpaid.usage'),
  args: scopedArgs(300),
  parse: scopedOf,
  async run(ctx, scoped) {
    const rejected = forNamed(ctx, scoped, ({ group, sale, name, order: o }) => {
      updateParticipant(ctx.db, o.participant.id, { paid: 'no' })
      const notice = noticeFor(ctx, group, {
        notice: 'paidRejected',
        member: name,
        saleId: sale.id,
        payload: { amount: money(o.dueFen) },
      })
      return ctx.group
        ? notice
        : [...notice, { kind: 'say', text: t('pay.rejectedPrivate', { name, no: sale.no, title: sale.title }) }]
    })
    if (rejected !== null) return rejected
    const { group } = chooseGroup(ctx, scoped.words.replace(/^(list|列表)\s*/i, ''), 'organizer')
    const sale = requireSale(ctx.db, group, {
      ref: scoped.ref,
      need: 'succeeded',
      among: fulfilmentSales(ctx.db, group.id),
      phase: 'any',
      example: (no) => `/unpaid 团${no}`,
      none: 'scope.noSale',
    })
    const list = saleOrders(ctx.db, sale).filter((o) => o.participant.paid !== 'yes')
    if (list.length === 0) return [{ kind: 'say', text: t('pay.allPaid', { no: sale.no, title: sale.title }) }]
    const lines = list.map((o) =>
      t('pay.unpaidLine', {
        name: o.name,
        amount: money(o.dueFen),
        reported: o.participant.paid === 'reported',
        note: o.participant.paidNote === null ? null : maskPhones(o.participant.paidNote),
      }),
    )
    const total = list.reduce((s, o) => s + o.dueFen, 0)
    return [
      {
        kind: 'say',
        text: [
          t('pay.unpaidHeader', { no: sale.no, title: sale.title, count: list.length, total: money(total) }),
          ...lines,
        ].join('\n'),
      },
    ]
  },
})
export default unpaid
