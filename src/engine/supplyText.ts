// How a quote reads in a reply.
import { tiersFromJson } from '../core/tiers.js'
import { money } from '../core/render.js'
import { t } from '../i18n/zh-CN.js'
import type { QuoteRow } from './supply.js'

export function quoteText(q: QuoteRow, supplier: string): string {
  const ladder = tiersFromJson(q.ladder)
  return t('supply.quoteLine', {
    supplier,
    item: q.item,
    primary: q.isPrimary,
    min: q.minOrder,
    days: q.leadDays,
    capacity: q.capacity,
    ladder:
      ladder.length === 0
        ? null
        : ladder.map((x) => (x.from <= 1 ? money(x.fen) : `${x.from}份起 ${money(x.fen)}`)).join(' / '),
    sample: q.sample,
    note: q.sampleNote,
  })
}
