// Suppliers at launch: a failed sample or an unknown name refuses, with one short answer.
import { describe, expect, it } from 'vitest'
import { BAKING } from '../support/bot.js'
import { peach, twoGroups } from './peach.js'

describe('suppliers', () => {
  it('a supplier whose sample failed cannot be attached at launch nor later', async () => {
    const { out } = await twoGroups()
      .at('09:00:10')
      .dm('阿May', '/supplier add 桃园 13800001234')
      .at('09:00:20')
      .dm('阿May', '/quote 桃园 桃 价格 12')
      .at('09:00:30')
      .dm('阿May', '/sample 桃园 桃 不通过 太酸')
      .at('09:01:00')
      .say('阿May', peach('\n供应: 桃园'))
      .say('阿May', peach())
      .at('09:02:00')
      .say('阿May', '/supplier attach 桃园')
      .run()
    expect(out.filter((o) => o.room === BAKING).map((o) => o.text.split('\n')[0])).toEqual([
      '桃园 的「桃」样品未通过（太酸），不能关联到团，请换一家供应商。',
      '🛒 团1 开团：桃',
      '桃园 的「桃」样品未通过（太酸），不能关联到团，请换一家供应商。',
    ])
  })

  it('an unknown supplier refuses the launch; members cannot use supplier commands', async () => {
    const { out } = await twoGroups()
      .at('09:01:00')
      .say('阿May', peach('\n供应: 不存在'))
      .at('09:02:00')
      .dm('Lily', '/supplier list')
      .run()
    expect(out.map((o) => o.text)).toEqual([
      '没有找到供应商「不存在」，先用「/supplier add 不存在 联系人 电话」登记。',
      '「/supplier」只有群主或管理员可以用',
    ])
  })
})
