import { z } from 'zod'
import { parseQuote } from '../src/core/supply.js'
import { allQuotes, saveQuote, supplierByName } from '../src/engine/supply.js'
import { quoteText } from '../src/engine/supplyText.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

const units = z.number().int().min(0).nullable()
const args = z.discriminatedUnion('op', [
  z.object({ op: z.literal('list') }),
  z.object({
    op: z.literal('save'),
    quote: z.object({
      supplier: z.string().min(1),
      item: z.string(),
      minOrder: units,
      leadDays: units,
      capacity: units,
      ladder: z.array(z.object({ from: z.number().int().min(0), fen: z.number().int().min(0) })),
      role: z.enum(['primary', 'backup']).nullable(),
    }),
  }),
])

const usage = t('cmd.quote.usage')

/**
 * 报价: one quote per supplier and item. The first quote for an item is its primary supplier;
 * later ones are backups unless they say 主供 (1+N).
 */
const quote = defineCommand({
  name: 'quote',
  aliases: ['/quote', '报价'],
  who: 'organizer',
  where: 'both',
  summary: t('cmd.quote.summary'),
  usage,
  args,
  parse(rest) {
    if (rest.trim() === '') return { op: 'list' }
    const r = parseQuote(rest)
    if (!r.ok) throw userError('supply.badQuote', { part: r.part, usage })
    return { op: 'save', quote: r.quote }
  },
  async run(ctx, a) {
    if (a.op === 'list') {
      const rows = allQuotes(ctx.db)
      if (rows.length === 0) return [{ kind: 'say', text: t('supply.noQuotes') }]
      return [
        {
          kind: 'say',
          text: [t('supply.quotesHeader', { n: rows.length }), ...rows.map((r) => quoteText(r.q, r.name))].join('\n'),
        },
      ]
    }
    const q = a.quote
    const s = supplierByName(ctx.db, q.supplier)
    if (!s) throw userError('supply.unknownSupplier', { name: q.supplier })
    const { row, backups } = saveQuote(ctx.db, s, q, ctx.now)
    return [{ kind: 'say', text: t('supply.quoted', { line: quoteText(row, s.name), backups }) }]
  },
})
export default quote
