import { z } from 'zod'
import { parseRoutedJoin } from '../src/core/intent.js'
import { listIntents, showPackage } from '../src/engine/intents.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { joinArgs, joinSale } from '../src/services/orders.js'

const args = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('list') }),
  z.object({ kind: z.literal('show'), no: z.number().int().positive() }),
  z.object({ kind: z.literal('join'), join: joinArgs }),
])

const usage = '需求 · 需求3 · /demand 3'

const demand = defineCommand({
  name: 'demand',
  aliases: ['/demand', '需求'],
  who: 'anyone',
  where: 'group',
  summary: '需求：列出征集中的意向（按强弱排序）；「需求3」看需求包：总量、人数、目标价、备注、登记时间',
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
