import { z } from 'zod'
import { closeSale } from '../src/engine/sales.js'
import { saleRefOf, targetSale } from '../src/engine/target.js'
import type { CommandSpec } from '../src/engine/types.js'

const close: CommandSpec<{ ref: number | null }> = {
  name: 'close',
  aliases: ['/close', '截单'],
  who: 'organizer',
  where: 'group',
  summary: '立即截单，公布结果',
  usage: '截单 #1',
  args: z.object({ ref: z.number().int().positive().nullable() }),
  parse: (rest) => ({ ref: saleRefOf(rest).ref }),
  async run(ctx, { ref }) {
    closeSale(ctx.db, targetSale(ctx, ref, { mustBeOpen: true, example: (no) => `截单 #${no}` }), ctx.now, 'close')
    return []
  },
}
export default close
