import { z } from 'zod'
import { parseRoutedJoin } from '../src/core/intent.js'
import { listIntents, showPackage } from '../src/engine/intents.js'
import { fail, type CommandSpec } from '../src/engine/types.js'
import join, { type JoinArgs } from './join.js'

type Args = { kind: 'list' } | { kind: 'show'; no: number } | { kind: 'join'; join: JoinArgs }

const args = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('list') }),
  z.object({ kind: z.literal('show'), no: z.number().int().positive() }),
  z.object({ kind: z.literal('join'), join: join.args as z.ZodType<JoinArgs> }),
])

const usage = '需求 · 需求3 · /demand 3'

const demand: CommandSpec<Args> = {
  name: 'demand',
  aliases: ['/demand', '需求'],
  who: 'anyone',
  where: 'group',
  summary: '需求：列出征集中的意向（按强弱排序）；「需求3」看需求包：总量、人数、目标价、备注、登记时间',
  usage,
  args: args as z.ZodType<Args>,
  parse(rest, ctx) {
    const r = rest.trim()
    if (r === '') return { kind: 'list' }
    const no = /^#?(\d{1,4})$/.exec(r)
    if (no) return { kind: 'show', no: Number(no[1]) }
    // '需求3 +2' commits intent to 需求3
    const j = parseRoutedJoin(ctx.msg.text)
    if (j && j.intentRef !== undefined) return { kind: 'join', join: { text: ctx.msg.text, explicit: false } }
    if (ctx.msg.text.startsWith('/')) throw fail('error.badArgs', { usage })
    return null
  },
  run(ctx, a) {
    if (a.kind === 'join') return join.run(ctx, a.join)
    if (a.kind === 'show') return showPackage(ctx.db, ctx.group!, a.no, ctx.now)
    return listIntents(ctx.db, ctx.group!)
  },
}
export default demand
