import { z } from 'zod'
import { parseRoutedJoin } from '../src/core/intent.js'
import { listIntents, showPackage } from '../src/engine/intents.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { joinArgs, joinSale } from '../src/services/orders.js'
import { t } from '../src/i18n/zh-CN.js'

const args = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('list') }),
  z.object({ kind: z.literal('show'), no: z.number().int().positive() }),
  z.object({ kind: z.literal('join'), join: joinArgs }),
])

const usage = t('cmd.demand.usage')

const demand = defineCommand({
  name: 'demand',
  aliases: ['/demand', '需求'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.demand.summary'),
  usage,
  args,
  parse(rest, ctx) {
    const r = rest.trim()
    if (r === '') return { kind: 'list' }
    const no = /^#?(\d{1,4})$/.exec(r)
    if (no) return { kind: 'show', no: Number(no[1]) }
    // '需求3 +2' commits intent to 需求3
    const j = parseRoutedJoin(ctx.msg.text)
    if (j && j.intentRef !== undefined) return { kind: 'join', join: { text: ctx.msg.text, explicit: false } }
    if (ctx.msg.text.startsWith('/')) throw userError('error.badArgs', { usage })
    return null
  },
  async run(ctx, a) {
    if (a.kind === 'join') return await joinSale(ctx, a.join)
    if (a.kind === 'show') return showPackage(ctx.db, ctx.group, a.no, ctx.now)
    return listIntents(ctx.db, ctx.group)
  },
})
export default demand
