import { z } from 'zod'
import { parseLaunch } from '../src/core/launch.js'
import { launchSale } from '../src/engine/sales.js'
import { launchBodyFromIntent } from '../src/engine/intents.js'
import { drawLotteryJob, LOTTERY_DRAW_JOB } from '../src/engine/lottery.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

const spec = z.object({
  title: z.string().min(1).max(60),
  priceFen: z.number().int().min(0).max(10_000_000),
  stock: z.number().int().positive().max(100_000).nullable(),
  limit: z.number().int().positive().max(999).nullable(),
  deadline: z.number().int(),
  minUnits: z.number().int().positive().nullable(),
  minMembers: z.number().int().positive().nullable(),
  note: z.string().max(500).nullable(),
  variants: z
    .array(
      z.object({
        name: z.string().min(1).max(20),
        priceFen: z.number().int().min(0).nullable(),
        stock: z.number().int().positive().nullable(),
      }),
    )
    .max(30),
  extra: z.record(z.string(), z.string()),
  // price tiers, pickup points, shipping, supplier, payment grace period
  tiers: z
    .array(z.object({ from: z.number().int().positive(), fen: z.number().int().positive() }))
    .max(10)
    .optional(),
  pickupPoints: z.array(z.string().min(1).max(20)).max(10).optional(),
  shippingFeeFen: z.number().int().min(0).optional(),
  supplier: z.string().min(1).max(40).optional(),
  payGraceMs: z.number().int().positive().optional(),
  // 抽签 window, and the intent of `/launch from 3`
  lotteryMs: z
    .number()
    .int()
    .positive()
    .max(24 * 3600_000)
    .optional(),
  intentId: z.number().int().positive().optional(),
})

const launch = defineCommand({
  name: 'launch',
  aliases: ['/launch', '开团'],
  who: 'organizer',
  where: 'group',
  summary: t('cmd.launch.summary'),
  usage: t('cmd.launch.usage'),
  args: spec,
  parse(rest, ctx) {
    // `/launch from 3` / `开团 需求3`: the title (and target price) come from the intent
    const from = launchBodyFromIntent(ctx, rest)
    const r = parseLaunch(from?.body ?? rest, ctx.now, ctx.group.tz)
    if (r.ok) return from ? { ...r.spec, intentId: from.intentId } : r.spec
    const example = t('launch.example')
    const e = r.error
    switch (e.code) {
      case 'noTitle':
        throw userError('launch.noTitle', { example })
      case 'noPrice':
        throw userError('launch.noPrice', { example })
      case 'noDeadline':
        throw userError('launch.noDeadline', { example })
      case 'badLine':
        throw userError('launch.badLine', { line: e.line, example })
      case 'pastDeadline':
        throw userError('launch.pastDeadline', { line: e.line, example })
      case 'duplicateVariant':
        throw userError('launch.duplicateVariant', { line: e.line, example })
    }
  },
  async run(ctx, args) {
    launchSale(ctx.db, ctx.group, ctx.member, args, ctx.now)
    return []
  },
  jobs: { [LOTTERY_DRAW_JOB]: drawLotteryJob },
})
export default launch
