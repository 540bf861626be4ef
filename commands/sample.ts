import { z } from 'zod'
import { looseKey } from '../src/core/text.js'
import { itemMatches, quotesOf, recordSample, salesUsing, supplierByName } from '../src/engine/supply.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

const usage = t('cmd.sample.usage')
const PASS = /^(通过|合格|pass|ok)$/i
const FAIL = /^(不通过|未通过|不合格|fail)$/i

/** 样品: a sample check on a supplier's quoted item. A failed sample keeps the supplier off sales of that item. */
const sample = defineCommand({
  name: 'sample',
  aliases: ['/sample', '样品'],
  who: 'organizer',
  where: 'both',
  summary: t('cmd.sample.summary'),
  usage,
  args: z.object({
    supplier: z.string().min(1),
    item: z.string(),
    passed: z.boolean(),
    note: z.string().max(200).nullable(),
  }),
  parse(rest) {
    const tokens = rest.trim().split(/\s+/).filter(Boolean)
    const at = tokens.findIndex((w, i) => i > 0 && (PASS.test(w) || FAIL.test(w)))
    if (at < 0) throw userError('error.badArgs', { usage })
    return {
      supplier: tokens[0],
      item: tokens.slice(1, at).join(' '),
      passed: PASS.test(tokens[at]),
      note: tokens.slice(at + 1).join(' ') || null,
    }
  },
  async run(ctx, a) {
    const s = supplierByName(ctx.db, a.supplier)
    if (!s) throw userError('supply.unknownSupplier', { name: a.supplier })
    const qs = quotesOf(ctx.db, s.id)
    const q =
      a.item === ''
        ? qs.length === 1
          ? qs[0]
          : undefined
        : (qs.find((x) => looseKey(x.item) === looseKey(a.item)) ?? qs.find((x) => itemMatches(x.item, a.item)))
    if (!q) throw userError('supply.noQuote', { name: s.name, item: a.item || '?' })
    recordSample(ctx.db, q.id, a.passed, a.note)
    const lines = [t('supply.sampled', { name: s.name, item: q.item, passed: a.passed, note: a.note })]
    if (!a.passed) {
      // sales already using this supplier for the item should change supplier
      const using = salesUsing(ctx.db, s.id).filter((x) => itemMatches(q.item, x.title))
      for (const x of using) lines.push(t('supply.sampleWarn', { no: x.no, title: x.title, name: s.name }))
    }
    return [{ kind: 'say', text: lines.join('\n') }]
  },
})
export default sample
