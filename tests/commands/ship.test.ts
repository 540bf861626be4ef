// /ship and shipping words: a sale without shipping asks once; unknown names are reported.
import { describe, expect, it } from 'vitest'
import { peach, twoGroups } from './peach.js'

describe('delivery and after-sales refusals', () => {
  it('shipping words in a sale without shipping get one question; unknown names in /ship are reported', async () => {
    const { out } = await twoGroups()
      .at('09:01:00')
      .say('阿May', peach('\n自提: 东门'))
      .at('09:02:00')
      .say('Lily', '+1 快递')
      .at('09:03:00')
      .say('阿May', '截单')
      .at('09:04:00')
      .say('阿May', '/ship\nLily SF111122223333\nBob SF999988887777')
      .run()
    const texts = out.map((o) => o.text)
    expect(texts).toContain(
      '【团1 桃】已接 1 份 · 剩 10小时57分钟\n✅ 已登记：Lily 1 份\n❓ @Lily 这个团不发快递，请选自提：「自提 东门」',
    )
    expect(texts).toContain('团1 桃 已登记 1 个运单；没找到这些人的订单：Bob')
  })
})
