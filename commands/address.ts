import { z } from 'zod'
import { findPhone, maskPhones } from '../src/core/privacy.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { addressOf, saveAddress } from '../src/engine/delivery.js'
import { requireSomeGroup } from '../src/engine/scope.js'

// an empty recipient or a short address is answered in run() with the address hint, not the usage
const args = z.union([
  z.object({ show: z.literal(true) }),
  z.object({ recipient: z.string(), phone: z.string(), address: z.string() }),
])

/** 收货地址: only in a private chat. In a group the bot neither stores nor repeats it. */
const address = defineCommand({
  name: 'address',
  aliases: ['/address', '收货地址'],
  who: 'anyone',
  where: 'both',
  summary: t('cmd.address.summary'),
  usage: t('cmd.address.usage'),
  args,
  parse(rest) {
    const text = rest.replace(/\s+/g, ' ').trim()
    if (text === '') return { show: true }
    const p = findPhone(text)
    if (!p) return { recipient: '', phone: '', address: '' }
    const before = text.slice(0, p.index).trim()
    const after = text.slice(p.index + p.length).trim()
    // 张三 138… 地址 or 地址 张三 138…: the name is the word right before the number
    const words = before.split(' ').filter(Boolean)
    const recipient = words.pop() ?? ''
    return { recipient, phone: p.phone, address: [words.join(' '), after].filter(Boolean).join(' ') }
  },
  async run(ctx, a) {
    if (ctx.group)
      return [
        { kind: 'notice', notice: 'refused', member: ctx.sender, payload: { reason: t('delivery.addressPrivate') } },
      ]
    requireSomeGroup(ctx)
    const found = addressOf(ctx.db, ctx.senderId)
    if ('show' in a)
      return [
        {
          kind: 'say',
          text: found
            ? t('delivery.addressShow', {
                recipient: found.recipient,
                phone: maskPhones(found.phone),
                address: found.address,
              })
            : t('delivery.addressNone'),
        },
      ]
    if (a.recipient === '' || a.address.length < 4) throw userError('delivery.addressBad')
    saveAddress(
      ctx.db,
      { id: ctx.senderId, name: ctx.sender },
      { recipient: a.recipient, phone: a.phone, address: a.address },
      ctx.now,
    )
    return [
      {
        kind: 'say',
        text: t('delivery.addressSaved', { recipient: a.recipient, phone: maskPhones(a.phone), address: a.address }),
      },
    ]
  },
})
export default address
