import { money } from '../src/core/render.js'
import { enqueue } from '../src/engine/repo.js'
import { linesText, orderOf } from '../src/engine/fulfilment.js'
import { groupSales, memberHits, noticeFor } from '../src/engine/scope.js'
import { organizerGroups, organizers } from '../src/services/roles.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { openTicket } from '../src/services/aftersales.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

/**
 * 售后: a member reports a problem. The ticket is about the member's latest successful order
 * in the group (or 团N); the organizers get the details privately, the group only a receipt.
 */
const issue = defineCommand({
  name: 'issue',
  aliases: ['/issue', '售后'],
  who: 'anyone',
  where: 'both',
  summary: t('cmd.issue.summary'),
  usage: t('cmd.issue.usage'),
  args: scopedArgs(500),
  parse: scopedOf,
  async run(ctx, scoped) {
    const found = memberHits(
      ctx,
      scoped,
      (g) => groupSales(ctx.db, g).filter((s) => s.state === 'succeeded'),
      (s, id) => orderOf(ctx.db, s, id) !== undefined,
      'succeeded',
    )
    const text = found.rest.trim()
    if ([...text].length < 2) throw userError('ticket.empty')
    // the latest order unless 团N says otherwise: a complaint should not bounce on a question
    const hit = found.hits.sort((a, b) => (b.sale.closedAt ?? 0) - (a.sale.closedAt ?? 0))[0]
    if (!hit) throw userError('ticket.noOrder')
    const group = hit.group
    const no = openTicket(ctx.db, group.id, { saleId: hit.sale.id, memberId: hit.member.id, text }, ctx.now)
    const o = orderOf(ctx.db, hit.sale, hit.member.id)!
    for (const { name, id } of organizers(ctx.db, group)) {
      const several = organizerGroups(ctx.db, id).length > 1
      enqueue(
        ctx.db,
        {
          toName: name,
          toId: id,
          kind: 'event',
          text: t('ticket.toOrganizer', {
            no,
            room: group.topic,
            saleNo: hit.sale.no,
            title: hit.sale.title,
            name: hit.member.name,
            order: linesText(o),
            amount: money(o.dueFen),
            text,
            scope: several ? ` ${group.topic}` : '',
          }),
        },
        ctx.now,
      )
    }
    const replies = noticeFor(ctx, group, {
      notice: 'ticket',
      member: hit.member.name,
      saleId: hit.sale.id,
      payload: { no },
    })
    if (!ctx.group)
      replies.push({ kind: 'say', text: t('ticket.openedPrivate', { no, no2: hit.sale.no, title: hit.sale.title }) })
    return replies
  },
})
export default issue
