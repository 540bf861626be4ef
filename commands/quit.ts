import { z } from 'zod'
import { openSales } from '../src/engine/repo.js'
import { cancelMember } from '../src/engine/sales.js'
import { readAndApply } from '../src/engine/reading.js'
import { saleRefOf } from '../src/engine/target.js'
import { userError, defineCommand, type Reply } from '../src/engine/types.js'
import { extractIntentRef } from '../src/core/intent.js'
import { withdrawFromQuit } from '../src/engine/intents.js'
import { withdrawEntries } from '../src/engine/lottery.js'
import { requireSale } from '../src/services/sales.js'
import { t } from '../src/i18n/zh-CN.js'

const quit = defineCommand({
  name: 'quit',
  aliases: ['/quit', '/cancel', '取消'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.quit.summary'),
  usage: t('cmd.quit.usage'),
  args: z.object({
    ref: z.number().int().positive().nullable(),
    intentRef: z.number().int().positive().optional(),
    what: z.string().max(200),
  }),
  parse: (rest) => {
    // '取消 #需求3' withdraws intent
    const intent = extractIntentRef(rest).ref
    if (intent !== null) return { ref: null, intentRef: intent, what: '' }
    const r = saleRefOf(rest)
    return { ref: r.ref, what: r.rest }
  },
  async run(ctx, { ref, intentRef, what }) {
    if (intentRef !== undefined) return withdrawFromQuit(ctx, intentRef)!
    // '取消 大果' drops that variant, '取消 一份' takes one off; other words (取消 明天的聚会) are chatter
    if (what !== '') return readAndApply(ctx, `取消 ${ref !== null ? `#${ref} ` : ''}${what}`, 'chat')
    // with several open sales and no number, cancel wherever the member has something
    const sales =
      ref !== null
        ? [
            requireSale(ctx.db, ctx.group, {
              ref,
              need: 'open',
              among: [],
              phase: 'open',
              example: (no) => `#${no}`,
              none: 'sale.none',
            }),
          ]
        : openSales(ctx.db, ctx.group.id)
    const replies: Reply[] = []
    for (const sale of sales)
      replies.push(
        ...cancelMember(ctx.db, sale, ctx.member, ctx.now).replies,
        ...withdrawEntries(ctx.db, sale, ctx.member, ctx.now),
      )
    // nothing in a sale: the member's intent, if that is all they have
    if (replies.length === 0 && ref === null) replies.push(...(withdrawFromQuit(ctx, null) ?? []))
    if (replies.length === 0) throw userError('sale.nothingToCancel', {}, { via: 'digest' })
    return replies
  },
})
export default quit
