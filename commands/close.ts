import { z } from 'zod'
import { closeSale } from '../src/engine/sales.js'
import { saleRefOf } from '../src/engine/target.js'
import { defineCommand } from '../src/engine/types.js'
import { requireSale } from '../src/services/sales.js'
import { openSales } from '../src/engine/repo.js'
import { t } from '../src/i18n/zh-CN.js'

const close = defineCommand({
  name: 'close',
  aliases: ['/close', '截单'],
  who: 'organizer',
  where: 'group',
  summary: t('cmd.close.summary'),
  usage: t('cmd.close.usage'),
  args: z.object({ ref: z.number().int().positive().nullable() }),
  parse: (rest) => ({ ref: saleRefOf(rest).ref }),
  async run(ctx, { ref }) {
    const sale = requireSale(ctx.db, ctx.group, {
      ref,
      need: 'open',
      among: openSales(ctx.db, ctx.group.id),
      phase: 'open',
      example: (no) => `截单 #${no}`,
      none: 'sale.none',
    })
    // the summary goes to the group as an event; the command itself needs no answer
    closeSale(ctx.db, sale, ctx.now, 'close')
    return []
  },
})
export default close
