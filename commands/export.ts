import { chooseGroup, groupSales } from '../src/engine/scope.js'
import { exportFile, workbookData, writeInBackground } from '../src/exportXlsx.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { requireSale } from '../src/services/sales.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

/**
 * 导出: the supplier order sheet (xlsx) for a sale, written under exports/ beside the database
 * (0600, deleted once sent or after a day).
 * Only in a private chat: it holds addresses and phone numbers. The reply carries the file;
 * it is written in the background, and the send is retried until the file exists.
 */
const exportCmd = defineCommand({
  name: 'export',
  aliases: ['/export', '导出'],
  who: 'organizer',
  where: 'both',
  summary: t('cmd.export.summary'),
  usage: t('cmd.export.usage'),
  args: scopedArgs(100),
  parse: scopedOf,
  async run(ctx, { ref: named, words }) {
    if (ctx.group) throw userError('stats.exportPrivate')
    const { group, rest: left } = chooseGroup(ctx, words, 'organizer')
    const closed = groupSales(ctx.db, group.id).filter((s) => s.state !== 'open')
    // a bare number left after the group's name is the sale's too
    const ref = named ?? (/^\d{1,4}$/.test(left.trim()) ? Number(left.trim()) : null)
    const sale = requireSale(ctx.db, group, {
      ref,
      need: 'any',
      among: closed.slice(0, 1),
      phase: 'any',
      example: (no) => `/export 团${no}`,
      none: 'scope.noSale',
    })
    const file = exportFile(ctx.db, group, sale.no, ctx.now)
    writeInBackground(workbookData(ctx.db, sale), file, (err) =>
      process.stderr.write(
        `export of sale ${sale.id} failed: ${String((err as Error)?.message ?? err).slice(0, 200)}\n`,
      ),
    )
    // the reply never shows where the file lies on the server: the file itself follows it
    return [{ kind: 'say', text: t('stats.exported', { no: sale.no, title: sale.title }), file }]
  },
})
export default exportCmd
