import { z } from 'zod'
import { parseWant, MAX_INTENT_TITLE } from '../src/core/intent.js'
import { createIntent, expireIntentJob, INTENT_EXPIRE_JOB } from '../src/engine/intents.js'
import { readIn } from '../src/engine/reading.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { joinArgs, joinSale } from '../src/services/orders.js'

const args = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('want'),
    spec: z.object({
      title: z.string().min(1).max(MAX_INTENT_TITLE),
      targetPriceFen: z.number().int().positive().max(10_000_000).nullable(),
      threshold: z.number().int().positive().max(100_000).nullable(),
    }),
  }),
  z.object({ kind: z.literal('join'), join: joinArgs }),
])

// a bare '想要 这个' is chatter, not a product
const NOT_A_PRODUCT = /^(?:这个|那个|这些|那些|一个|一些|的|了|吗|呢|啊|吧|哈+)$/

const want = defineCommand({
  name: 'want',
  aliases: ['/want', '想要'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.want.summary'),
  usage: t('cmd.want.usage'),
  args,
  parse(rest, ctx) {
    const slash = ctx.msg.text.startsWith('/')
    const w = parseWant(rest)
    // '想要2份 目标价 40': terms with no product: neither an intent titled 2份 nor a guessed join
    if (!w.ok && w.code === 'quantityTitle' && (slash || w.hasTerms))
      throw userError('demand.noTitle', { example: t('demand.example') })
    if (!slash) {
      // '想要2份', '想要紫色2' are joins (想要 is one of the join words), unless it states an intent's terms
      if (!(w.ok && w.hasTerms) && readIn(ctx, ctx.msg.text, 'chat').kind !== 'none')
        return { kind: 'join', join: { text: ctx.msg.text, explicit: false } }
      if (!w.ok || [...w.spec.title].length < 2 || NOT_A_PRODUCT.test(w.spec.title)) return null
    }
    if (w.ok) return { kind: 'want', spec: w.spec }
    const example = t('demand.example')
    switch (w.code) {
      case 'noTitle':
      case 'question':
      case 'quantityTitle':
        throw userError('demand.noTitle', { example })
      case 'titleTooLong':
        throw userError('demand.titleTooLong', { max: MAX_INTENT_TITLE, example })
      case 'badPrice':
        throw userError('demand.badPrice', { example })
      case 'badThreshold':
        throw userError('demand.badThreshold', { example })
    }
  },
  async run(ctx, a) {
    if (a.kind === 'join') return await joinSale(ctx, a.join)
    return createIntent(ctx.db, ctx.group, ctx.member, a.spec, ctx.now)
  },
  jobs: { [INTENT_EXPIRE_JOB]: expireIntentJob },
})
export default want
