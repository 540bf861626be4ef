import { z } from 'zod'
import { closeSale } from '../src/engine/sales.js'
import { saleRefOf } from '../src/engine/target.js'
import { defineCommand } from '../src/engine/types.js'
import { requireSale } from '../src/services/sales.js'
import { openSales } from '../src/engine/repo.js'
import { t } from '../src/i18n/zh-CN.js'

const abort = defineCommand({
  name: 'abort',
  aliases: ['/abort', '撤团'],
  who: 'organizer',
  where: 'group',
  summary: t('cmd.abort.summary'),
  usage: t('cmd.abort.usage'),
  args: z.object({ ref: z.number().int().positive().nullable() }),
  parse: (rest) => ({ ref: saleRefOf(rest).ref }),
  async run(ctx, { ref }) {
    const sale = requireSale(ctx.db, ctx.group, {
      ref,
      need: 'open',
      among: openSales(ctx.db, ctx.group.id),
      phase: 'open',
      example: (no) => `撤团 #${no}`,
      none: 'sale.none',
    })
    closeSale(ctx.db, sale, ctx.now, 'abort')
    return []
  },
})
export default abort
