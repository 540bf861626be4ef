import { z } from 'zod'
import { and, eq } from 'drizzle-orm'
import { members } from '../src/db/schema.js'
import { extractSaleRef } from '../src/core/join.js'
import { money } from '../src/core/render.js'
import { orderOf, updateParticipant } from '../src/engine/fulfilment.js'
import { releaseIfUnpaid, remindUnpaid } from '../src/engine/payment.js'
import { chooseGroup, fulfilmentSales, memberHits, mentionedIn, noticeFor, oneHit, pickSaleFor } from '../src/engine/scope.js'
import { fail, type CommandSpec, type Ctx, type GroupRow, type Reply } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

type Args = { rest: string }

/** An organizer confirms members' payments: `/paid @Lily @Tom [团1]`. Shared with /unpaid. */
export function forNamed(ctx: Ctx, rest: string, each: (group: GroupRow, saleNo: number, name: string) => Reply[]): Reply[] | null {
  const { group, rest: left } = chooseGroup(ctx, rest, 'organizer')
  const who = mentionedIn(ctx, group, left)
  if (who.names.length === 0 && who.unknown.length === 0) return null
  if (who.unknown.length > 0) throw fail('admin.notFound', { name: who.unknown[0] })
  const ref = extractSaleRef(who.rest).ref
  const replies: Reply[] = []
  for (const name of who.names) {
    const m = ctx.db.select().from(members).where(and(eq(members.groupId, group.id), eq(members.name, name))).get()!
    const candidates = fulfilmentSales(ctx.db, group.id).filter((s) => orderOf(ctx.db, s, m.id) !== undefined)
    if (ref === null && candidates.length === 0) throw fail('pay.nothingFor', { name })
    const sale = pickSaleFor(ctx.db, group, ref, candidates, `/paid @${name}`, 'succeeded')
    if (!orderOf(ctx.db, sale, m.id)) throw fail('pay.nothingFor', { name })
    replies.push(...each(group, sale.no, name))
  }
  return replies
}

/**
 * 已付款: a member says they paid (with an optional note such as the transfer's last digits);
 * an organizer confirms with @names. The bot only records; it never touches money.
 */
const paid: CommandSpec<Args> = {
  name: 'paid',
  aliases: ['/paid', '已付款', '已付', '已转账'],
  who: 'anyone',
  where: 'both',
  summary: '付款后回复「已付款 尾号1234」；团长用 /paid @Lily 确认收款',
  usage: '已付款 尾号1234',
  args: z.object({ rest: z.string().max(300) }),
  parse: (rest) => ({ rest }),
  jobs: {
    'pay.remind': remindUnpaid,
    'pay.grace': releaseIfUnpaid,
  },
  run(ctx, { rest }) {
    if (ctx.isOrganizer && (rest.includes('@') || (ctx.msg.mentions ?? []).length > 0)) {
      const done = forNamed(ctx, rest, (group, saleNo, name) => {
        const m = ctx.db.select().from(members).where(and(eq(members.groupId, group.id), eq(members.name, name))).get()!
        const sale = pickSaleFor(ctx.db, group, saleNo, [], '')
        const o = orderOf(ctx.db, sale, m.id)!
        updateParticipant(ctx.db, o.participant.id, { paid: 'yes' })
        const notice = noticeFor(ctx, group, { notice: 'paidConfirmed', member: name, saleId: sale.id, payload: {} })
        return ctx.group ? notice : [...notice, { kind: 'say', text: t('pay.confirmedPrivate', { name, no: sale.no, title: sale.title, amount: money(o.dueFen) }) }]
      })
      if (done !== null) return done
    }
    const note = rest.replace(/@\S+/g, ' ').replace(/\s+/g, ' ').trim()
    const found = memberHits(ctx, note, (g) => fulfilmentSales(ctx.db, g), (s, id) => {
      const o = orderOf(ctx.db, s, id)
      return o !== undefined && o.participant.paid !== 'yes'
    }, 'succeeded')
    const hit = oneHit(ctx, found.hits, () => fail('pay.nothingDue'), '已付款')
    const o = orderOf(ctx.db, hit.sale, hit.member.id)!
    updateParticipant(ctx.db, o.participant.id, { paid: 'reported', paidNote: found.rest || null })
    const replies = noticeFor(ctx, hit.group, { notice: 'paidReported', member: hit.member.name, saleId: hit.sale.id, payload: {} })
    if (!ctx.group) replies.push({ kind: 'say', text: t('pay.reportedPrivate', { no: hit.sale.no, title: hit.sale.title, amount: money(o.dueFen) }) })
    return replies
  },
}
export default paid
