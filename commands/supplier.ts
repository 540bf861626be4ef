import { z } from 'zod'
import { findPhone, maskPhones } from '../src/core/privacy.js'
import { allSuppliers, checkAttachable, quotesOf, saveSupplier, supplierByName } from '../src/engine/supply.js'
import { quoteText } from '../src/engine/supplyText.js'
import { chooseGroup, fulfilmentSales } from '../src/engine/scope.js'
import { openSales } from '../src/engine/repo.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { linkSupplier, requireSale } from '../src/services/sales.js'
import { scopedArgs, scopedOf } from '../src/engine/target.js'

const args = z.discriminatedUnion('op', [
  z.object({ op: z.literal('list') }),
  z.object({ op: z.literal('show'), name: z.string().min(1) }),
  z.object({
    op: z.literal('add'),
    name: z.string().min(1),
    contact: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  // after the name: a sale number, and in a private chat a word of the group's name
  z.object({ op: z.literal('attach'), name: z.string().min(1), scope: scopedArgs(200) }),
])
type Args = z.infer<typeof args>

const usage = t('cmd.supplier.usage')

function parse(rest: string): Args {
  const [op = '', name = '', ...more] = rest.trim().split(/\s+/)
  const tail = more.join(' ')
  if (op === '' || /^(list|列表|全部)$/i.test(op)) return { op: 'list' }
  if (/^(add|添加|新增|登记)$/i.test(op)) {
    if (name === '') throw userError('error.badArgs', { usage })
    const phone = findPhone(tail)
    const contact = (phone ? tail.slice(0, phone.index) + tail.slice(phone.index + phone.length) : tail)
      .replace(/联系人|电话|手机|[:：]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
    return { op: 'add', name, contact: contact || null, phone: phone?.phone ?? null }
  }
  if (/^(attach|use|关联|挂|用)$/i.test(op)) {
    if (name === '') throw userError('error.badArgs', { usage })
    return { op: 'attach', name, scope: scopedOf(tail) }
  }
  return { op: 'show', name: op }
}

/** 供应商: record suppliers, list them, and attach one to a sale after launch. */
const supplier = defineCommand({
  name: 'supplier',
  aliases: ['/supplier', '供应商'],
  who: 'organizer',
  where: 'both',
  summary: t('cmd.supplier.summary'),
  usage,
  args,
  parse: (rest) => parse(rest),
  async run(ctx, a) {
    if (a.op === 'add') {
      const { supplier: s, known } = saveSupplier(ctx.db, a.name, a.contact, a.phone, ctx.now)
      return [
        {
          kind: 'say',
          text: t('supply.added', {
            name: s.name,
            contact: s.contact,
            phone: s.phone === null ? null : maskPhones(s.phone),
            updated: known,
          }),
        },
      ]
    }
    if (a.op === 'list') {
      const all = allSuppliers(ctx.db)
      if (all.length === 0) return [{ kind: 'say', text: t('supply.none') }]
      const lines = all.map((s) =>
        t('supply.listLine', {
          name: s.name,
          contact: [s.contact, s.phone === null ? null : maskPhones(s.phone)].filter(Boolean).join(' ') || null,
          items:
            quotesOf(ctx.db, s.id)
              .map((q) => `${q.item}${q.isPrimary ? '（主供）' : ''}${q.sample === 'failed' ? '（样品未通过）' : ''}`)
              .join('、') || null,
        }),
      )
      return [{ kind: 'say', text: [t('supply.listHeader', { n: all.length }), ...lines].join('\n') }]
    }
    const s = supplierByName(ctx.db, a.name)
    if (!s) throw userError('supply.unknownSupplier', { name: a.name })
    if (a.op === 'show') {
      const qs = quotesOf(ctx.db, s.id)
      const head = t('supply.added', {
        name: s.name,
        contact: s.contact,
        phone: s.phone === null ? null : maskPhones(s.phone),
        updated: true,
      }).replace(/^[^：]*：/, `🏭 ${s.name}：`)
      return [
        {
          kind: 'say',
          text: [head, ...(qs.length ? qs.map((q) => quoteText(q, s.name)) : [t('supply.noQuotes')])].join('\n'),
        },
      ]
    }
    const { group } = chooseGroup(ctx, a.scope.words, 'organizer')
    const ref = a.scope.ref
    const sale = requireSale(ctx.db, group, {
      ref,
      need: 'any',
      among: [...openSales(ctx.db, group.id), ...fulfilmentSales(ctx.db, group.id)],
      phase: 'any',
      example: (no) => `/supplier attach ${s.name} 团${no}`,
      none: 'scope.noSale',
    })
    checkAttachable(ctx.db, s.name, sale.title)
    linkSupplier(ctx.db, sale.id, s.id)
    return [{ kind: 'say', text: t('supply.attached', { no: sale.no, title: sale.title, name: s.name }) }]
  },
})
export default supplier
