import { z } from 'zod'
import { parseMoney } from '../src/core/quantity.js'
import { money } from '../src/core/render.js'
import { contactOf, enqueue, memberById, saleById } from '../src/engine/repo.js'
import { checkCompletion, orderOf, updateParticipant } from '../src/engine/fulfilment.js'
import { chooseGroup, noticeFor } from '../src/engine/scope.js'
import { requireSucceeded, saleLabel } from '../src/services/sales.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { resolveTicket, ticketByNo } from '../src/services/aftersales.js'

type Decision = { no: number; kind: 'refund' | 'resend' | 'none'; fen: number; note: string }

const usage = t('cmd.resolve.usage')

function decide(text: string): Decision | null {
  const m = /^#?(\d{1,6})\s+(退款|补发|无需处理|不处理)\s*(.*)$/s.exec(text.trim())
  if (!m) return null
  const no = Number(m[1])
  if (m[2] === '退款') {
    const r = /^(¥?\d+(?:\.\d{1,2})?\s*(?:元|块)?)\s*(.*)$/s.exec(m[3])
    const fen = r ? parseMoney(r[1].replace(/\s+/g, '')) : null
    return fen !== null && fen > 0 ? { no, kind: 'refund', fen, note: r![2].trim() } : null
  }
  if (m[2] === '补发') return { no, kind: 'resend', fen: 0, note: m[3].trim() }
  return m[3].trim() === '' ? null : { no, kind: 'none', fen: 0, note: m[3].trim() }
}

/** 处理售后: refund (reduces the sale's totals), resend, or nothing with a reason; the member is told privately. */
const resolve = defineCommand({
  name: 'resolve',
  aliases: ['/resolve', '处理售后'],
  who: 'organizer',
  where: 'both',
  summary: t('cmd.resolve.summary'),
  usage,
  args: z.object({ rest: z.string().max(500) }),
  parse: (rest) => ({ rest }),
  async run(ctx, { rest }) {
    const { group, rest: left } = chooseGroup(ctx, rest, 'organizer')
    const d = decide(left)
    if (!d) throw userError('error.badArgs', { usage })
    const ticket = ticketByNo(ctx.db, group.id, d.no)
    if (!ticket) throw userError('ticket.notFound', { no: d.no })
    if (ticket.state === 'resolved')
      throw userError('ticket.already', { no: d.no, resolution: ticket.resolution ?? '' })
    const member = memberById(ctx.db, ticket.memberId)
    const sale = ticket.saleId === null ? null : saleById(ctx.db, ticket.saleId)
    // refunds and after-sales apply only to a sale closed with 成团
    if (sale) requireSucceeded(sale)
    const order = sale ? orderOf(ctx.db, sale, member.id) : undefined
    if (d.kind === 'refund') {
      const max = order ? order.dueFen - order.refundFen : 0
      if (d.fen > max) throw userError('ticket.tooMuch', { max: money(Math.max(0, max)) })
      updateParticipant(ctx.db, order!.participant.id, { refundFen: order!.refundFen + d.fen })
    }
    const resolution =
      d.kind === 'refund'
        ? t('ticket.refund', { amount: money(d.fen), note: d.note || null })
        : d.kind === 'resend'
          ? t('ticket.resend', { note: d.note || null })
          : t('ticket.none', { note: d.note })
    resolveTicket(ctx.db, ticket.id, resolution, d.fen, ctx.now)
    enqueue(
      ctx.db,
      {
        toName: member.name,
        toId: contactOf(member),
        kind: 'event',
        text: t('ticket.toMember', { no: d.no, resolution, title: sale ? saleLabel(sale) : '' }),
      },
      ctx.now,
    )
    const replies = noticeFor(ctx, group, {
      notice: 'resolved',
      member: member.name,
      saleId: sale?.id,
      payload: { no: d.no },
    })
    if (!ctx.group)
      replies.push({ kind: 'say', text: t('ticket.resolvedPrivate', { no: d.no, name: member.name, resolution }) })
    if (sale) checkCompletion(ctx.db, sale.id, ctx.now)
    return replies
  },
})
export default resolve
