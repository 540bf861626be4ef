import { z } from 'zod'
import { formatTime, parseDeadline, parseDuration } from '../src/core/deadline.js'
import { extendSale } from '../src/engine/sales.js'
import { saleRefOf } from '../src/engine/target.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { requireSale } from '../src/services/sales.js'
import { openSales } from '../src/engine/repo.js'

const extend = defineCommand({
  name: 'extend',
  aliases: ['/extend', '延长'],
  who: 'organizer',
  where: 'group',
  summary: t('cmd.extend.summary'),
  usage: t('cmd.extend.usage'),
  args: z.object({ ref: z.number().int().positive().nullable(), when: z.string().min(1).max(50) }),
  parse: (rest) => {
    // '延长 2 小时' is a span, not 团2 followed by '小时'
    if (parseDuration(rest) !== null) return { ref: null, when: rest.trim() }
    const r = saleRefOf(rest)
    return { ref: r.ref, when: r.rest }
  },
  async run(ctx, { ref, when }) {
    const sale = requireSale(ctx.db, ctx.group, {
      ref,
      need: 'open',
      among: openSales(ctx.db, ctx.group.id),
      phase: 'open',
      example: (no) => `延长 #${no} 2小时`,
      none: 'sale.none',
    })
    const tz = ctx.group.tz
    const span = parseDuration(when)
    // a duration moves the current deadline; a time (周六 20:00) replaces it
    const deadline = span !== null ? sale.deadline + span : parseDeadline(when, ctx.now, tz)
    if (deadline === null || deadline <= ctx.now) throw userError('sale.extendBad')
    const next = extendSale(ctx.db, sale, deadline, ctx.now)
    return [
      {
        kind: 'say',
        text: t('sale.extended', { no: next.no, title: next.title, deadline: formatTime(next.deadline, ctx.now, tz) }),
        tag: 'event',
      },
    ]
  },
})
export default extend
