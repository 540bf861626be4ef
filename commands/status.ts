import { z } from 'zod'
import { boardText } from '../src/core/render.js'
import { loadBook, openSales } from '../src/engine/repo.js'
import { BOARD_KIND, view } from '../src/engine/sales.js'
import { saleRefOf } from '../src/engine/target.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { requireSale } from '../src/services/sales.js'
import { t } from '../src/i18n/zh-CN.js'

const status = defineCommand({
  name: 'status',
  aliases: ['/status', '进度'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.status.summary'),
  usage: t('cmd.status.usage'),
  args: z.object({ ref: z.number().int().positive().nullable() }),
  parse: (rest) => ({ ref: saleRefOf(rest).ref }),
  async run(ctx, { ref }) {
    const tz = ctx.group.tz
    // without a number, show every open sale in one message
    const sales =
      ref !== null
        ? [
            requireSale(ctx.db, ctx.group, {
              ref,
              need: 'any',
              among: [],
              phase: 'open',
              example: (no) => `#${no}`,
              none: 'sale.none',
            }),
          ]
        : openSales(ctx.db, ctx.group.id)
    if (sales.length === 0) throw userError('sale.none')
    const text = sales.map((s) => boardText(view(s), loadBook(ctx.db, s), ctx.now, tz)).join('\n\n')
    // tagged so that a close drops a board still queued for the group (it would show the sale open)
    return [{ kind: 'say', text, tag: BOARD_KIND }]
  },
})
export default status
