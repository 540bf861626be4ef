// /resolve: a refund never exceeds what the member owes, and a ticket is resolved once.
import { describe, expect, it } from 'vitest'
import { BAKING } from '../support/bot.js'
import { peach, twoGroups } from './peach.js'

describe('delivery and after-sales refusals', () => {
  it('a refund above what the member owes is refused; a ticket is resolved once', async () => {
    const { out } = await twoGroups()
      .at('09:01:00')
      .say('阿May', peach())
      .at('09:02:00')
      .say('Lily', '+2')
      .at('09:03:00')
      .say('阿May', '截单')
      .at('09:04:00')
      .say('Lily', '/issue 坏了一个')
      .at('09:05:00')
      .say('阿May', '/resolve 1 退款 50')
      .at('09:06:00')
      .say('阿May', '/resolve 1 补发')
      .at('09:07:00')
      .say('阿May', '/resolve 1 补发')
      .at('09:08:00')
      .say('阿May', '/resolve 2 补发')
      .at('09:09:00')
      .say('阿May', '/resolve 1 无需处理')
      .run()
    const group = out.filter((o) => o.room === BAKING).map((o) => o.text)
    expect(group).toContain('退款不能超过该订单的应付金额，最多还能退 ¥40。')
    expect(group).toContain('售后单 1 已处理过：补发')
    expect(group).toContain('没有售后单 2。')
    expect(group.at(-1)).toBe('格式不对，例如：/resolve 7 退款 20 · /resolve 7 补发 · /resolve 7 无需处理 原因')
    expect(out.filter((o) => o.to === 'Lily').map((o) => o.text)).toEqual(['你的售后单 1（团1 桃）已处理：补发'])
  })
})
